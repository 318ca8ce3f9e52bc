# The national interface benchmarks' shared part, sourced by bench/fsi-load-benchmark.sh, bench/fsi-soak.sh and
# bench/fsi-ceiling.sh: build if needed, a scratch PostgreSQL database, `yibao serve` on it (loopback), the seed,
# statistics while loading, the generator's command line, the ledger check, and cleaning up (the server stopped, the
# databases dropped, the temporary directory removed) however the script ends.
#
#   fsi_init PREFIX        # variables below; the database is PREFIX_<pid>; sets the EXIT trap
#   fsi_build              # mvn … package, only when a source is newer than the jars
#   fsi_create_db; fsi_start_server; fsi_seed
#   fsi_analyzer_start SECONDS; …; fsi_analyzer_stop
#   fsi_generator ARGS…    # org.openyibao.bench.FsiLoadGenerator against the server, with the seeded clients and persons
#   fsi_cpu_begin; …; fsi_cpu_end   # CPU in cores over the span: busy, server, PostgreSQL (this database's backends)
#   fsi_stop_server; fsi_counts; fsi_ledger_check
#
# Environment: YIBAO_BENCH_PG (127.0.0.1:5432, user postgres, trust auth), YIBAO_LOAD_PORT (18080),
# YIBAO_LOAD_POOL (20, Hikari), YIBAO_LOAD_PERSONS (4000), YIBAO_LOAD_MONTHS (1: months of contributions credited to
# each employee's individual account), YIBAO_LOAD_SERVER_OPTS (JVM options of the server; it always logs its GCs to
# $out/gc.log).
# Sets: root jar cp pg host pgport db dir out url server_pid; fsi_extra_dbs (an array: more databases to drop).
# The caller sets `out` (where the server log and results go) before fsi_start_server.

fsi_init() {
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  pg="${YIBAO_BENCH_PG:-127.0.0.1:5432}"
  host="${pg%:*}"
  pgport="${pg#*:}"
  port="${YIBAO_LOAD_PORT:-18080}"
  pool="${YIBAO_LOAD_POOL:-20}"
  persons="${YIBAO_LOAD_PERSONS:-4000}"
  db="${1}_$$"
  url="http://127.0.0.1:$port"
  dir="$(mktemp -d)"
  jar="$root/cli/target/yibao.jar"
  # the generator uses the engine's Money and SettlementField: its classes go on the class path too
  cp="$root/bench/target/classes:$root/engine/target/classes"
  server_pid=""
  analyzer=""
  fsi_extra_dbs=()
  trap fsi_cleanup EXIT
}

fsi_psql() { psql -h "$host" -p "$pgport" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

fsi_cleanup() {
  fsi_analyzer_stop
  fsi_stop_server
  local d
  for d in "$db" "${fsi_extra_dbs[@]}"; do
    fsi_psql -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$dir"
}

fsi_build() {
  if [ ! -f "$jar" ] || [ ! -f "$root/bench/target/classes/org/openyibao/bench/FsiLoadGenerator.class" ] \
      || [ -n "$(find "$root/engine/src/main" "$root/sim/src/main" "$root/platform/src/main" "$root/cli/src/main" "$root/bench/src/main" \
           "$root"/pom.xml "$root"/*/pom.xml -newer "$jar" -print -quit)" ]; then
    echo "== building" >&2
    (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests -pl cli,bench -am package) >&2
  fi
}

fsi_create_db() {
  fsi_psql -d postgres -c "CREATE DATABASE $db"
}

# bench.yaml for the server and the CLI: the scratch database, loopback, a throwaway agency user ({bcrypt} hash)
fsi_write_config() {
  agency_password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  local crypto_jar="$dir/crypto.jar" hash
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
}

fsi_start_server() {
  fsi_write_config
  if curl -s -o /dev/null "$url/actuator/health" 2>/dev/null; then
    echo "something already answers on $url: set YIBAO_LOAD_PORT"; exit 1
  fi
  echo "== starting the server on 127.0.0.1:$port (database $db, pool $pool)"
  # the GC log (heap after each collection) is what the generator's --gc-log reads
  # shellcheck disable=SC2086
  java -Xlog:gc:file="$out/gc.log" ${YIBAO_LOAD_SERVER_OPTS:-} -Dyibao.policies="$root/policies" -jar "$jar" serve --config "$dir/bench.yaml" \
    > "$out/server.log" 2>&1 &
  server_pid=$!
  local i
  for i in $(seq 1 240); do
    if curl -sf "$url/actuator/health" >/dev/null 2>&1; then return 0; fi
    kill -0 "$server_pid" 2>/dev/null || { echo "the server did not start:"; tail -30 "$out/server.log"; exit 1; }
    sleep 0.5
  done
  echo "the server did not answer in 120 s"; exit 1
}

fsi_stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    local _
    for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$server_pid" 2>/dev/null && kill -9 "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

# region, institutions, employers (REST as agency staff); persons (yibao import); accounts, credentials (REST);
# then VACUUM ANALYZE (see fsi_analyzer_start)
fsi_seed() {
  echo "== seeding: region, institutions, employers (REST as agency staff); $persons persons (yibao import); accounts, credentials (REST)"
  java -cp "$cp" org.openyibao.bench.FsiLoadSeed setup "$url" agency "$agency_password" "$persons" "$dir"
  java -Dyibao.policies="$root/policies" -jar "$jar" import --config "$dir/bench.yaml" "$dir/import.csv" --errors "$dir/import-errors.csv"
  fsi_psql -d "$db" -At -c "SELECT id FROM enrolment WHERE scheme = 'employee' ORDER BY id" > "$dir/employee-enrolments.txt"
  java -cp "$cp" org.openyibao.bench.FsiLoadSeed finish "$url" agency "$agency_password" "$dir" "$dir/employee-enrolments.txt" \
    "${YIBAO_LOAD_MONTHS:-1}"
  chmod 600 "$dir/clients.txt"
  echo "== PostgreSQL autovacuum=$(fsi_psql -d postgres -At -c 'SHOW autovacuum'); VACUUM ANALYZE after seeding, ANALYZE every 10 s during runs"
  fsi_psql -d "$db" -c "VACUUM (ANALYZE)"
}

# Statistics. A production PostgreSQL runs autovacuum, which ANALYZEs a table once a tenth of it has changed, and
# every cached plan of the table is re-planned then. The shared PostgreSQL of this machine runs with autovacuum=off:
# without statistics, plans cached by each pooled connection while a table was still empty stay forever, and some
# pick the wrong index (fsi_visit by institution rather than by mdtrt_id, fsi_message by (institution, created_at)
# rather than by msgid: thousands of rows read per lookup after a minute). So the scripts do autovacuum's job:
# VACUUM ANALYZE after seeding and between runs, ANALYZE every 10 s during a run (for at most SECONDS).
fsi_analyzer_start() {
  local seconds="$1"
  ( end=$(( $(date +%s) + seconds ))
    while [ "$(date +%s)" -lt "$end" ]; do sleep 10; fsi_psql -d "$db" -c "ANALYZE" >/dev/null 2>&1 || true; done ) &
  analyzer=$!
}

fsi_analyzer_stop() {
  if [ -n "$analyzer" ]; then
    kill "$analyzer" 2>/dev/null || true
    wait "$analyzer" 2>/dev/null || true
  fi
  analyzer=""
}

fsi_generator() {
  java -cp "$cp" org.openyibao.bench.FsiLoadGenerator --url "$url" --clients "$dir/clients.txt" --persons "$dir/persons.csv" "$@"
}

fsi_counts() {
  fsi_psql -d "$db" -At -c "SELECT 'settlements ' || (SELECT COUNT(*) FROM settlement) || ' (interface ' || (SELECT COUNT(*) FROM fsi_settlement)
    || ', of which cancelled ' || (SELECT COUNT(*) FROM fsi_settlement WHERE status <> 'settled') || '), visits ' || (SELECT COUNT(*) FROM fsi_visit)
    || ', fee lines ' || (SELECT COUNT(*) FROM fsi_fee_detail) || ', journal entries ' || (SELECT COUNT(*) FROM journal_entry)
    || ', messages ' || (SELECT COUNT(*) FROM fsi_message)"
}

fsi_ledger_check() {
  echo "== yibao ledger check"
  java -Dyibao.policies="$root/policies" -jar "$jar" ledger check --config "$dir/bench.yaml"
}

# utime + stime (clock ticks) of the given pids
fsi_ticks() {
  local t=0 p s
  for p in "$@"; do
    s="$(cut -d' ' -f14,15 "/proc/$p/stat" 2>/dev/null || true)"
    [ -n "$s" ] && t=$((t + ${s% *} + ${s#* }))
  done
  echo "$t"
}

# CPU over a span, in cores: the whole machine, the server, PostgreSQL (all its processes at the start, and apart the
# backends of this database: PostgreSQL serves other databases on this machine too), and the rest (the generator
# and anything else). Processes started during the span are not counted in their own column.
fsi_cpu_begin() {
  _cpu_ourpg=$(fsi_psql -d postgres -At -c "SELECT pid FROM pg_stat_activity WHERE datname = '$db'" | tr '\n' ' ')
  _cpu_allpg=$(pgrep -x postgres | tr '\n' ' ' || true)
  # shellcheck disable=SC2086
  _cpu_0="$(fsi_ticks "$server_pid") $(fsi_ticks $_cpu_ourpg) $(fsi_ticks $_cpu_allpg) $(awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat) $(date +%s.%N)"
}

fsi_cpu_end() {
  # shellcheck disable=SC2086
  local now="$(fsi_ticks "$server_pid") $(fsi_ticks $_cpu_ourpg) $(fsi_ticks $_cpu_allpg) $(awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat) $(date +%s.%N)"
  awk -v b="$_cpu_0" -v e="$now" -v hz="$(getconf CLK_TCK)" -v la="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
    split(b, x, " "); split(e, y, " "); s = y[1] - x[1]; o = y[2] - x[2]; p = y[3] - x[3]; a = y[4] - x[4]; el = y[5] - x[5]
    printf "   CPU over the %.0f s run, in cores (the machine has 2): busy %.2f; server %.2f; PostgreSQL %.2f (this database'"'"'s backends %.2f);\n", el, a / hz / el, s / hz / el, p / hz / el, o / hz / el
    printf "   the generator and anything else %.2f; load average after: %s\n", (a - s - p) / hz / el, la }'
}
