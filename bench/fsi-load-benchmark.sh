#!/usr/bin/env bash
# National interface load benchmark (issue 4 "Performance"; docs/benchmarks.md "National interface load").
#
#   bench/fsi-load-benchmark.sh [THREADS...]          default: 8 16 32
#
# One command, nothing left behind: builds if needed, creates a scratch PostgreSQL database, starts
# `yibao serve` on it (loopback), seeds a region, a level III hospital, a township health centre and
# PERSONS insured persons (org.openyibao.bench.FsiLoadSeed: REST API as agency staff, persons with
# `yibao import`; employees get a month of contributions in their individual accounts), issues x-tif
# credentials for both institutions, then for each thread count runs org.openyibao.bench.FsiLoadGenerator
# (full 2201-2207 and 2401-2304 flows, WARMUP s not measured, DURATION s measured), stops the server,
# runs `yibao ledger check` (must pass) and drops the database.
#
# The server, seed and clean-up are bench/lib/fsi-server.sh's (shared with fsi-soak.sh and fsi-ceiling.sh).
# Environment: YIBAO_BENCH_PG (127.0.0.1:5432, user postgres, trust auth), YIBAO_LOAD_PERSONS (4000),
# YIBAO_LOAD_WARMUP (15), YIBAO_LOAD_DURATION (60), YIBAO_LOAD_INPATIENT (0.3), YIBAO_LOAD_POOL (20, Hikari),
# YIBAO_LOAD_MONTHS (1: months of contributions credited to each employee's individual account),
# YIBAO_LOAD_PORT (18080), YIBAO_LOAD_SERVER_OPTS (JVM options of the server, e.g. -XX:StartFlightRecording=...),
# YIBAO_LOAD_OUT (bench/target/fsi-load/<time>: the JSON summaries and the server log are kept there).
# Exit 0 only if every run had zero errors and the ledger check passed.
set -euo pipefail
# shellcheck source=lib/fsi-server.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/fsi-server.sh"
fsi_init yibao_load_bench
threads_list=("$@")
[ ${#threads_list[@]} -gt 0 ] || threads_list=(8 16 32)
warmup="${YIBAO_LOAD_WARMUP:-15}"
duration="${YIBAO_LOAD_DURATION:-60}"
inpatient="${YIBAO_LOAD_INPATIENT:-0.3}"
out="${YIBAO_LOAD_OUT:-$root/bench/target/fsi-load/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$out"

fsi_build
fsi_create_db
fsi_start_server
fsi_seed

status=0
for t in "${threads_list[@]}"; do
  fsi_analyzer_start $((warmup + duration + 5))
  echo "== $t clients: ${warmup} s warm-up, ${duration} s measured; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  fsi_cpu_begin
  fsi_generator --threads "$t" --warmup "$warmup" --duration "$duration" --inpatient-share "$inpatient" \
    --label "threads=$t" --json "$out/load-$t.json" || status=1
  fsi_cpu_end | tee "$out/cpu-$t.txt"
  fsi_analyzer_stop
  fsi_psql -d "$db" -c "VACUUM (ANALYZE)"
done

echo "== stopping the server"
fsi_stop_server
fsi_counts
fsi_ledger_check || status=1
echo "== summaries in $out"
exit $status
