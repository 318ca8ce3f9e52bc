#!/usr/bin/env bash
# Soak run of the national interface (issue 10; docs/benchmarks.md "Soak").
#
#   bench/fsi-soak.sh [MINUTES [RATE]]          default: 10 minutes at 30 settlement flows/s
#
# A scratch PostgreSQL database, `yibao serve` on it, the benchmark's seed (bench/lib/fsi-server.sh: 4,000 persons,
# a hospital, a township health centre, a pharmacy), then the generator in open loop: RATE flows a second on a fixed
# schedule (latency counted from when each call was meant to leave), a mixed workload — 55% outpatient
# (2201 2203 2204 2206 2207), 25% inpatient (2401 2301 2402 2303 2304), 20% pharmacy purchases (2101 2102), 5% of
# the settlements cancelled at once (2208 2305 2103), a 3201 reconciliation per institution, insurance type and
# clearing type every minute and one after the run that must agree — for WARMUP s (not measured) and MINUTES
# minutes measured, one report line a minute: settlements/s, p50/p99 per transaction, errors, the server's RSS and
# heap after GC (the last collection of the minute, from the server's GC log), the database's size. Then the server
# is stopped and `yibao ledger check` must pass.
#
# Why 30/s by default: this 2-core machine saturates at about 100-180 five-call flows/s with the generator and
# PostgreSQL on it, and it is shared with other sessions' builds. A soak looks for what grows with time (memory,
# latency, the database), not for the ceiling (bench/fsi-ceiling.sh): at a fifth to a third of saturation a latency
# that creeps up is the server's, not a queue of a machine at its limit.
#
# Flat, judged on the last measured minute against the second (the first holds the JIT's and the caches' last
# warming): settlement p99 (2207, 2304, 2102) at most 1.5 × the second minute's + 5 ms; server RSS at most 10% more;
# heap after GC at most 25% + 16 MB more; every minute's settlements/s within 10% of RATE, and the generator kept up
# with its schedule. Exit 0 only with zero errors, 3201 in agreement after the run, the ledger check passing, and flat.
#
# Environment: as bench/lib/fsi-server.sh (YIBAO_BENCH_PG, YIBAO_LOAD_PORT, YIBAO_LOAD_PERSONS…); YIBAO_SOAK_WARMUP
# (60 s), YIBAO_SOAK_THREADS (32 terminals), YIBAO_SOAK_REPORT (60 s a line), YIBAO_SOAK_DURATION (seconds measured;
# overrides MINUTES, for a smoke test), YIBAO_SOAK_OUT (bench/target/fsi-soak/<time>).
set -euo pipefail
# shellcheck source=lib/fsi-server.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/fsi-server.sh"
fsi_init yibao_soak
minutes="${1:-10}"
rate="${2:-30}"
duration="${YIBAO_SOAK_DURATION:-$((minutes * 60))}"
warmup="${YIBAO_SOAK_WARMUP:-60}"
threads="${YIBAO_SOAK_THREADS:-32}"
every="${YIBAO_SOAK_REPORT:-60}"
out="${YIBAO_SOAK_OUT:-$root/bench/target/fsi-soak/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$out"

fsi_build
fsi_create_db
fsi_start_server
fsi_seed

status=0
command="bench/fsi-soak.sh $minutes $rate (warm-up $warmup s, $duration s measured, $threads terminals)"
{ echo "started:  $(date -u +%Y-%m-%dT%H:%M:%SZ)"; echo "command:  $command"; echo "load:     $(uptime)"; } | tee "$out/run.txt"
fsi_analyzer_start $((warmup + duration + 60))
fsi_generator --rate "$rate" --threads "$threads" --warmup "$warmup" --duration "$duration" \
  --mix outpatient:0.55,inpatient:0.25,pharmacy:0.2 --cancel-share 0.05 --reconcile-every 60 --report-every "$every" \
  --server-pid "$server_pid" --gc-log "$out/gc.log" --pg-database "$pg/$db" \
  --label "soak rate=$rate" --json "$out/soak.json" | tee "$out/generator.txt" || status=1
fsi_analyzer_stop
echo "load after: $(uptime)" | tee -a "$out/run.txt"

echo "== stopping the server"
fsi_stop_server
fsi_counts | tee -a "$out/run.txt"
fsi_ledger_check | tee "$out/ledger.txt" || status=1

echo "== flatness (last measured interval against the second)"
jq -r --argjson rate "$rate" -f "$root/bench/lib/soak-flatness.jq" "$out/soak.json" | tee "$out/flatness.txt"
grep -q '^flat: yes' "$out/flatness.txt" || status=1
echo "== results in $out; exit $status"
exit $status
