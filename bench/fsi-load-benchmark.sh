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
# Environment: YIBAO_BENCH_PG (127.0.0.1:5432, user postgres, trust auth), YIBAO_LOAD_PERSONS (4000),
# YIBAO_LOAD_WARMUP (15), YIBAO_LOAD_DURATION (60), YIBAO_LOAD_INPATIENT (0.3), YIBAO_LOAD_POOL (20, Hikari),
# YIBAO_LOAD_MONTHS (1: months of contributions credited to each employee's individual account),
# YIBAO_LOAD_PORT (18080), YIBAO_LOAD_SERVER_OPTS (JVM options of the server, e.g. -XX:StartFlightRecording=...),
# YIBAO_LOAD_OUT (bench/target/fsi-load/<time>: the JSON summaries and the server log are kept there).
# Exit 0 only if every run had zero errors and the ledger check passed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
threads_list=("$@")
[ ${#threads_list[@]} -gt 0 ] || threads_list=(8 16 32)
persons="${YIBAO_LOAD_PERSONS:-4000}"
warmup="${YIBAO_LOAD_WARMUP:-15}"
duration="${YIBAO_LOAD_DURATION:-60}"
inpatient="${YIBAO_LOAD_INPATIENT:-0.3}"
pool="${YIBAO_LOAD_POOL:-20}"
port="${YIBAO_LOAD_PORT:-18080}"
pg="${YIBAO_BENCH_PG:-127.0.0.1:5432}"
host="${pg%:*}"
pgport="${pg#*:}"
db="yibao_load_bench_$$"
out="${YIBAO_LOAD_OUT:-$root/bench/target/fsi-load/$(date +%Y%m%d-%H%M%S)}"
dir="$(mktemp -d)"
server_pid=""
analyzer=""
psql_() { psql -h "$host" -p "$pgport" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$server_pid" 2>/dev/null && kill -9 "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
cleanup() {
  [ -n "$analyzer" ] && kill "$analyzer" 2>/dev/null || true
  stop_server
  psql_ -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
mkdir -p "$out"

# ---- build (only when a source is newer than the jars)
jar="$root/cli/target/yibao.jar"
classes="$root/bench/target/classes"
# the generator uses the engine's Money and SettlementField: its classes go on the class path too
cp="$classes:$root/engine/target/classes"
if [ ! -f "$jar" ] || [ ! -f "$classes/org/openyibao/bench/FsiLoadGenerator.class" ] || [ -n "$(find "$root/engine/src/main" "$root/sim/src/main" \
    "$root/platform/src/main" "$root/cli/src/main" "$root/bench/src/main" "$root"/pom.xml "$root"/*/pom.xml -newer "$jar" -print -quit)" ]; then
  echo "== building" >&2
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests -pl cli,bench -am package) >&2
fi

# ---- scratch database and server configuration
psql_ -d postgres -c "CREATE DATABASE $db"
agency_password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
# a {bcrypt} hash for the throwaway agency user of this run
crypto_jar="$dir/crypto.jar"
unzip -p "$jar" "$(unzip -Z1 "$jar" | grep -m1 'BOOT-INF/lib/spring-security-crypto-.*\.jar')" > "$crypto_jar"
cat > "$dir/Hash.java" <<'JAVA'
public class Hash {
    public static void main(String[] a) {
        System.out.println(org.springframework.security.crypto.bcrypt.BCrypt.hashpw(a[0],
                org.springframework.security.crypto.bcrypt.BCrypt.gensalt(10)));
    }
}
JAVA
hash="$(java -cp "$crypto_jar" "$dir/Hash.java" "$agency_password")"
cat > "$dir/bench.yaml" <<YAML
spring:
  datasource:
    url: jdbc:postgresql://$pg/$db
    username: postgres
    password: ""
    hikari:
      maximum-pool-size: $pool
      minimum-idle: $pool
server:
  address: 127.0.0.1
  port: $port
yibao:
  fsi:
    key: "$(head -c 32 /dev/urandom | base64)"
  users:
    - name: agency
      password: "{bcrypt}$hash"
      roles: [AGENCY]
YAML
chmod 600 "$dir/bench.yaml"

echo "== starting the server on 127.0.0.1:$port (database $db, pool $pool)"
# shellcheck disable=SC2086
java ${YIBAO_LOAD_SERVER_OPTS:-} -Dyibao.policies="$root/policies" -jar "$jar" serve --config "$dir/bench.yaml" \
  > "$out/server.log" 2>&1 &
server_pid=$!
for i in $(seq 1 240); do
  if curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { echo "the server did not start:"; tail -30 "$out/server.log"; exit 1; }
  sleep 0.5
  [ "$i" -lt 240 ] || { echo "the server did not answer in 120 s"; exit 1; }
done

echo "== seeding: region, institutions, employers (REST as agency staff); $persons persons (yibao import); accounts, credentials (REST)"
url="http://127.0.0.1:$port"
java -cp "$cp" org.openyibao.bench.FsiLoadSeed setup "$url" agency "$agency_password" "$persons" "$dir"
java -Dyibao.policies="$root/policies" -jar "$jar" import --config "$dir/bench.yaml" "$dir/import.csv" --errors "$dir/import-errors.csv"
psql_ -d "$db" -At -c "SELECT id FROM enrolment WHERE scheme = 'employee' ORDER BY id" > "$dir/employee-enrolments.txt"
java -cp "$cp" org.openyibao.bench.FsiLoadSeed finish "$url" agency "$agency_password" "$dir" "$dir/employee-enrolments.txt" \
  "${YIBAO_LOAD_MONTHS:-1}"
chmod 600 "$dir/clients.txt"

ticks() { # utime + stime (clock ticks) of the given pids
  local t=0 p s
  for p in "$@"; do
    s="$(cut -d' ' -f14,15 "/proc/$p/stat" 2>/dev/null || true)"
    [ -n "$s" ] && t=$((t + ${s% *} + ${s#* }))
  done
  echo "$t"
}
hz="$(getconf CLK_TCK)"
status=0
# Statistics. A production PostgreSQL runs autovacuum, which ANALYZEs a table once a tenth of it has changed, and
# every cached plan of the table is re-planned then. The shared PostgreSQL of this machine runs with autovacuum=off:
# without statistics, plans cached by each pooled connection while a table was still empty stay forever, and some
# pick the wrong index (fsi_visit by institution rather than by mdtrt_id, fsi_message by (institution, created_at)
# rather than by msgid: thousands of rows read per lookup after a minute). So this script does autovacuum's job:
# VACUUM ANALYZE after seeding and between runs, ANALYZE every 10 s during a run.
echo "== PostgreSQL autovacuum=$(psql_ -d postgres -At -c 'SHOW autovacuum'); VACUUM ANALYZE after seeding, ANALYZE every 10 s during runs"
psql_ -d "$db" -c "VACUUM (ANALYZE)"
for t in "${threads_list[@]}"; do
  ( end=$(( $(date +%s) + warmup + duration + 5 ))
    while [ "$(date +%s)" -lt "$end" ]; do sleep 10; psql_ -d "$db" -c "ANALYZE" >/dev/null 2>&1 || true; done ) &
  analyzer=$!
  echo "== $t clients: ${warmup} s warm-up, ${duration} s measured; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  # PostgreSQL serves other databases on this machine too: its backends for this database are counted apart
  ourpg=$(psql_ -d postgres -At -c "SELECT pid FROM pg_stat_activity WHERE datname = '$db'" | tr '\n' ' ')
  allpg=$(pgrep -x postgres | tr '\n' ' ' || true)
  s0=$(ticks "$server_pid"); o0=$(ticks $ourpg); p0=$(ticks $allpg); a0=$(awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat)
  w0=$(date +%s.%N)
  java -cp "$cp" org.openyibao.bench.FsiLoadGenerator --url "http://127.0.0.1:$port" --clients "$dir/clients.txt" \
    --persons "$dir/persons.csv" --threads "$t" --warmup "$warmup" --duration "$duration" --inpatient-share "$inpatient" \
    --label "threads=$t" --json "$out/load-$t.json" || status=1
  s1=$(ticks "$server_pid"); o1=$(ticks $ourpg); p1=$(ticks $allpg); a1=$(awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat)
  w1=$(date +%s.%N)
  awk -v s="$((s1 - s0))" -v o="$((o1 - o0))" -v p="$((p1 - p0))" -v a="$((a1 - a0))" -v hz="$hz" -v w0="$w0" -v w1="$w1" \
      -v la="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN { el = w1 - w0
    printf "   CPU over the %.0f s run, in cores (the machine has 2): busy %.2f; server %.2f; PostgreSQL %.2f (this database'"'"'s backends %.2f);\n", el, a / hz / el, s / hz / el, p / hz / el, o / hz / el
    printf "   the generator and anything else %.2f; load average after: %s\n", (a - s - p) / hz / el, la }' | tee "$out/cpu-$t.txt"
  kill "$analyzer" 2>/dev/null || true
  wait "$analyzer" 2>/dev/null || true
  psql_ -d "$db" -c "VACUUM (ANALYZE)"
done

echo "== stopping the server"
stop_server
psql_ -d "$db" -At -c "SELECT 'settlements ' || (SELECT COUNT(*) FROM settlement) || ' (interface ' || (SELECT COUNT(*) FROM fsi_settlement)
  || '), visits ' || (SELECT COUNT(*) FROM fsi_visit) || ', fee lines ' || (SELECT COUNT(*) FROM fsi_fee_detail)
  || ', journal entries ' || (SELECT COUNT(*) FROM journal_entry) || ', messages ' || (SELECT COUNT(*) FROM fsi_message)"
echo "== yibao ledger check"
java -Dyibao.policies="$root/policies" -jar "$jar" ledger check --config "$dir/bench.yaml" || status=1
echo "== summaries in $out"
exit $status
