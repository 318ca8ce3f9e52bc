#!/usr/bin/env bash
# The interface against the database's own ceiling, in one run (issue 10; docs/benchmarks.md "Ceiling").
#
#   bench/fsi-ceiling.sh [CLIENTS...]          default: 8 16 (the closed-loop client counts)
#
# 1. pgbench TPC-B-like on a scratch database (scale 10, -c 8 -j 2 -T 30): what PostgreSQL alone commits here, a
#    transaction being 3 updates, 1 select and 1 insert. A settlement flow is five durable calls, so the ceiling for
#    settlements is that rate ÷ 5.
# 2. The interface at saturation: bench/lib/fsi-server.sh's server and seed, the generator in closed loop with each
#    client count (70% outpatient 2201-2207, 30% inpatient 2401-2304; WARMUP s, then DURATION s measured):
#    settlements/s, and its ratio to the ceiling (the target: at least 0.5).
# 3. The interface at a steady 100 settlements/s: the generator in open loop (RATE flows/s on a fixed schedule, latency
#    from when each call was meant to leave; 64 terminals), the same mix: 2207 p99 (the target: under 50 ms), and
#    whether the generator kept up.
# Then `yibao ledger check`. The third target, at most 20 SQL statements per settlement, is not measured here:
# bench/fsi-statement-count.sh counts them (28.0, docs/benchmarks.md "Issue 10, round 3").
# Prints a table and writes it, with the JSON summaries, pgbench's output and the server log, to
# bench/target/fsi-ceiling/<time>/. Exit 0 when every run had zero errors and the ledger check passed (whether the
# targets are met is in the table, not the exit status).
#
# Environment: as bench/lib/fsi-server.sh (YIBAO_BENCH_PG, YIBAO_LOAD_PORT…); YIBAO_CEILING_WARMUP (15 s),
# YIBAO_CEILING_DURATION (60 s), YIBAO_CEILING_RATE (100), YIBAO_CEILING_PGBENCH_SECONDS (30), YIBAO_CEILING_OUT.
set -euo pipefail
# shellcheck source=lib/fsi-server.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/fsi-server.sh"
fsi_init yibao_ceiling
clients_list=("$@")
[ ${#clients_list[@]} -gt 0 ] || clients_list=(8 16)
warmup="${YIBAO_CEILING_WARMUP:-15}"
duration="${YIBAO_CEILING_DURATION:-60}"
rate="${YIBAO_CEILING_RATE:-100}"
pgbench_s="${YIBAO_CEILING_PGBENCH_SECONDS:-30}"
out="${YIBAO_CEILING_OUT:-$root/bench/target/fsi-ceiling/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$out"
fsi_build
status=0
{ echo "started:  $(date -u +%Y-%m-%dT%H:%M:%SZ)"; echo "command:  bench/fsi-ceiling.sh ${clients_list[*]} (warm-up $warmup s, $duration s measured, open loop $rate/s)"
  echo "load:     $(uptime)"; } | tee "$out/run.txt"

# ---- 1. the database's own ceiling
bench_db="${db}_pgbench"
fsi_extra_dbs+=("$bench_db")
echo "== pgbench: TPC-B-like, scale 10, 8 clients, 2 threads, $pgbench_s s (database $bench_db)"
fsi_psql -d postgres -c "CREATE DATABASE $bench_db"
pgbench -h "$host" -p "$pgport" -U postgres -i -s 10 -q "$bench_db" > "$out/pgbench-init.txt" 2>&1
fsi_cpu_begin
pgbench -h "$host" -p "$pgport" -U postgres -c 8 -j 2 -T "$pgbench_s" "$bench_db" 2>&1 | tee "$out/pgbench.txt"
fsi_cpu_end | tee "$out/cpu-pgbench.txt"
tps="$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$out/pgbench.txt")"
[ -n "$tps" ] || { echo "no tps in pgbench's output"; exit 1; }
ceiling="$(awk -v t="$tps" 'BEGIN { printf "%.1f", t / 5 }')"
fsi_psql -d postgres -c "DROP DATABASE $bench_db WITH (FORCE)"
echo "pgbench $tps transactions/s → ceiling $ceiling settlements/s (five durable calls each)" | tee -a "$out/run.txt"

# ---- 2 and 3. the interface
fsi_create_db
fsi_start_server
fsi_seed
run() { # NAME ARGS…: one generator run with statistics kept fresh, then VACUUM ANALYZE
  local name="$1"; shift
  fsi_analyzer_start $((warmup + duration + 5))
  echo "== $name: load average before $(cut -d' ' -f1-3 /proc/loadavg)"
  fsi_cpu_begin
  fsi_generator --warmup "$warmup" --duration "$duration" --inpatient-share 0.3 --label "$name" --json "$out/$name.json" "$@" \
    | tee "$out/$name.txt" || status=1
  fsi_cpu_end | tee "$out/cpu-$name.txt"
  fsi_analyzer_stop
  fsi_psql -d "$db" -c "VACUUM (ANALYZE)"
}
for c in "${clients_list[@]}"; do run "closed-$c" --threads "$c"; done
run "open-$rate" --rate "$rate" --threads 64

echo "== stopping the server"
fsi_stop_server
fsi_counts | tee -a "$out/run.txt"
fsi_ledger_check | tee "$out/ledger.txt" || status=1
echo "load after: $(uptime)" | tee -a "$out/run.txt"

# ---- the table
cpu() { # FILE [server]: "busy" or "busy / server / PostgreSQL" (cores) from fsi_cpu_end's lines
  sed -n 's/.*busy \([0-9.]*\); server \([0-9.]*\); PostgreSQL \([0-9.]*\).*/\1 \2 \3/p' "$1" \
    | awk -v w="${2:-}" '{ print (w == "server" ? $1 " / " $2 " / " $3 : $1) }'
}
{
  echo "pgbench TPC-B (scale 10, -c 8 -j 2 -T $pgbench_s): $tps transactions/s; ceiling = ÷ 5 = $ceiling settlements/s"
  echo
  echo "the machine during pgbench: $(cpu "$out/cpu-pgbench.txt") cores busy of 2 (pgbench's backends start with it: not counted apart)"
  echo
  echo "| run | settlements/s | ÷ ceiling ($ceiling) | 2207 p50 / p95 / p99 ms | 2304 p50 / p95 / p99 ms | errors | kept up | CPU cores: busy / server / PostgreSQL |"
  echo "|---|---|---|---|---|---|---|---|"
  for f in "${clients_list[@]/#/$out/closed-}" "$out/open-$rate"; do
    f="$f.json"
    jq -r --argjson c "$ceiling" --arg cpu "$(cpu "$out/cpu-$(basename "$f" .json).txt" server)" \
      'def l($k): (.[$k] // {}) | "\(.p50) / \(.p95) / \(.p99)";
      "| \(.label) | \(.settlements_per_s) | \((.settlements_per_s / $c * 100 | round) / 100) | \(l("latency_ms_2207")) | \(l("latency_ms_2304")) | \(.errors + .warmup_errors) | \(if .open_loop then (if .open_loop.fell_behind then "no" else "yes" end) else "-" end) | \($cpu) |"' "$f"
  done
  echo
  best="$(jq -s 'map(select(.mode == "closed loop") | .settlements_per_s) | max' "$out"/closed-*.json)"
  p99="$(jq '.latency_ms_2207.p99' "$out/open-$rate.json")"
  awk -v b="$best" -v c="$ceiling" -v p="$p99" -v r="$rate" 'BEGIN {
    printf "saturation: %.1f settlements/s = %.2f of the ceiling: %s (target at least 0.5)\n", b, b / c, (b / c >= 0.5 ? "met" : "NOT met")
    printf "at %d/s: 2207 p99 %.1f ms: %s (target under 50 ms)\n", r, p, (p < 50 ? "met" : "NOT met")
    print "statements per settlement: 28.0 by bench/fsi-statement-count.sh (target at most 20): NOT met" }'
} | tee "$out/table.md"
echo "== results in $out; exit $status"
exit $status
