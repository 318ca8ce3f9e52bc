#!/usr/bin/env bash
# SQL statements per national-interface transaction, counted deterministically from the server's JDBC log
# (docs/benchmarks.md "National interface load"): runs bench/fsi-load-benchmark.sh with ONE client for a short while,
# the server logging every JdbcTemplate operation (DEBUG), Spring MVC's request lines (DEBUG) and the dispatcher's
# "fsi answered: infno=…" line, then counts, per request, the JdbcTemplate operations between its "POST /fsi…" and
# "Completed" lines (a query, an update, an update returning keys, a JDBC batch: one each). COMMITs and ROLLBACKs are
# not counted.
#
#   bench/fsi-statement-count.sh            # prints statements per call, by infno, and per settlement flow
#
# Environment: as fsi-load-benchmark.sh (YIBAO_LOAD_PORT, YIBAO_BENCH_PG…); YIBAO_COUNT_DURATION (10 s measured).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${YIBAO_LOAD_OUT:-$root/bench/target/fsi-count/$(date +%Y%m%d-%H%M%S)}"
YIBAO_LOAD_OUT="$out" YIBAO_LOAD_WARMUP=2 YIBAO_LOAD_DURATION="${YIBAO_COUNT_DURATION:-10}" \
YIBAO_LOAD_SERVER_OPTS="${YIBAO_LOAD_SERVER_OPTS:-} -Dlogging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG \
 -Dlogging.level.org.openyibao.platform.fsi.FsiDispatcher=DEBUG \
 -Dlogging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG" \
  "$root/bench/fsi-load-benchmark.sh" 1 >&2
# one line per JdbcTemplate operation: "Executing prepared SQL query|update", "Executing SQL query|update|statement [",
# "Executing SQL batch update [", "Executing SQL update and returning generated keys" (the "Executing prepared SQL
# statement" lines that may follow them are the same operation)
awk '
  /DispatcherServlet/ && /: POST "/ { inreq = ($0 ~ /POST "\/(fsi|mbs|ebus)/); n = 0; infno = ""; next }
  inreq && /JdbcTemplate/ && /Executing (prepared SQL (query|update)$|SQL (query|update|statement|batch update) \[|SQL update and returning)/ {
    n++; next }
  inreq && /fsi answered: infno=/ { s = $0; sub(/.*infno=/, "", s); sub(/ .*/, "", s); infno = s; next }
  inreq && /DispatcherServlet/ && /Completed/ { if (infno != "") { sum[infno] += n; cnt[infno]++ } inreq = 0 }
  END {
    for (k in sum) { avg[k] = sum[k] / cnt[k]; printf "%s\t%d calls\t%.2f statements per call\n", k, cnt[k], avg[k] | "sort" }
    close("sort")
    o = avg["2201"] + avg["2203"] + avg["2204"] + avg["2206"] + avg["2207"]
    i = avg["2401"] + avg["2301"] + avg["2402"] + avg["2303"] + avg["2304"]
    printf "outpatient flow (2201 2203 2204 2206 2207)\t%.1f statements\n", o
    printf "inpatient flow (2401 2301 2402 2303 2304)\t%.1f statements\n", i
    printf "one settlement, 70%% outpatient / 30%% inpatient\t%.1f statements\n", 0.7 * o + 0.3 * i
  }' "$out/server.log" | tee "$out/statements.txt"
