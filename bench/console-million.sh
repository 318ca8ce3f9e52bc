#!/usr/bin/env bash
# The console's pages with 1,000,000 persons and 1,000,000 settlements on PostgreSQL (issue 11: the dashboard, person
# search and an institution's settlement list under 500 ms at p95). One command:
#
#   bench/console-million.sh [REQUESTS]          default 100 requests per page, after 10 not counted
#
# 1. builds the command-line jar when a source is newer; drops and recreates the database yibao_million on
#    127.0.0.1:5432 (user postgres, trust auth; YIBAO_BENCH_PG to change);
# 2. starts `yibao serve --config` on 127.0.0.1:18380 against it (Flyway makes the tables), creates the region
#    (Zhanjiang's pack) and 200 designated institutions through the REST API as agency staff, as the application does
#    (the region's ledger accounts with them);
# 3. loads straight into the real tables with generate_series, in one transaction each: 1,000,000 persons (14-digit
#    psn_no, valid GB 11643 ID numbers, names of a surname and two given characters) each with an open resident
#    enrolment; 1,000,000 settled visits in 2026 (inpatient, outpatient and pharmacy at every level, amounts that
#    satisfy the table's checks, a serious-illness payment on the larger admissions), each with the ledger entry the
#    application posts for a settlement (benefits debited, payable_institutions credited, one pair of lines per
#    paying fund) and the accounts' balances; then VACUUM ANALYZE. Not loaded: contributions (the funds' income), the
#    person-year accumulators and the engine's trace of each settlement (the pages timed do not read them);
# 4. signs in as agency staff and as one institution's clerk (accounts written to the operator table with a bcrypt
#    hash, as the application keeps them) and times, REQUESTS times each with curl over loopback: the dashboard
#    (/console for 2026), person search by the start of a name, by ID number and by psn_no (htmx posts, as the page
#    sends them), the institution's settlement list (first page and page 100); prints the first request's time (for
#    the dashboard, the one that adds the figures up: DashboardFigures keeps them a minute), then median, p95 and max
#    in ms of the REQUESTS after 10 not counted.
#
# Results also go to bench/target/console-million/<time>.txt. Takes about 5-10 minutes on 2 cores. Measure under the
# machine's lock so other benchmarks do not run at the same time:
#
#   flock /tmp/yibao-measure.lock bench/console-million.sh
#
# Environment: YIBAO_BENCH_PG (127.0.0.1:5432), YIBAO_MILLION_PORT (18380), YIBAO_MILLION_PERSONS (1000000),
# YIBAO_MILLION_SETTLEMENTS (1000000), YIBAO_MILLION_DB (yibao_million; dropped at the start and at the end),
# YIBAO_MILLION_KEEP=1 keeps the database at the end for inspection (dropdb -h 127.0.0.1 -U postgres yibao_million).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-100}"
pg="${YIBAO_BENCH_PG:-127.0.0.1:5432}"
host="${pg%:*}"
pgport="${pg#*:}"
port="${YIBAO_MILLION_PORT:-18380}"
persons="${YIBAO_MILLION_PERSONS:-1000000}"
settlements="${YIBAO_MILLION_SETTLEMENTS:-1000000}"
db="${YIBAO_MILLION_DB:-yibao_million}"
base="http://127.0.0.1:$port"
jar="$root/cli/target/yibao.jar"
dir="$(mktemp -d)"
out="$root/bench/target/console-million"
mkdir -p "$out"
result="$out/$(date +%Y%m%d-%H%M%S).txt"
pid=""
cleanup() {
  local rc=$?
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  [ "${YIBAO_MILLION_KEEP:-0}" = 1 ] || psql -h "$host" -p "$pgport" -U postgres -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" \
    >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit "$rc"
}
trap cleanup EXIT
psql_db() { psql -h "$host" -p "$pgport" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
say() { echo "== $(date -u +%H:%M:%S) $*" >&2; }

if [ ! -f "$jar" ] || [ -n "$(find "$root/engine/src/main" "$root/sim/src/main" "$root/platform/src/main" "$root/cli/src/main" \
     "$root"/pom.xml "$root"/*/pom.xml -newer "$jar" -print -quit)" ]; then
  say "building the command-line jar"
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests -pl cli -am package) >&2
fi
if curl -s -o /dev/null "$base/actuator/health" 2>/dev/null; then echo "something already answers on $base: set YIBAO_MILLION_PORT"; exit 1; fi

say "database $db on $pg: dropped and created"
psql_db -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
psql_db -d postgres -c "CREATE DATABASE $db"

# a throwaway password for the API's agency user and the console's accounts, kept as a bcrypt hash
password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
unzip -p "$jar" "$(unzip -Z1 "$jar" | grep -m1 'BOOT-INF/lib/spring-security-crypto-.*\.jar')" > "$dir/crypto.jar"
cat > "$dir/Hash.java" <<'JAVA'
public class Hash {
    public static void main(String[] a) {
        System.out.println(org.springframework.security.crypto.bcrypt.BCrypt.hashpw(a[0],
                org.springframework.security.crypto.bcrypt.BCrypt.gensalt(10)));
    }
}
JAVA
hash="$(java -cp "$dir/crypto.jar" "$dir/Hash.java" "$password")"
cat > "$dir/million.yaml" <<YAML
spring:
  datasource:
    url: jdbc:postgresql://$pg/$db
    username: postgres
    password: ""
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
chmod 600 "$dir/million.yaml"

say "starting the server on $base"
java ${YIBAO_MILLION_SERVER_OPTS:-} -Dyibao.policies="$root/policies" -jar "$jar" serve --config "$dir/million.yaml" > "$dir/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -sf "$base/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "the server did not start:"; tail -30 "$dir/server.log"; exit 1; }
  sleep 0.5
done
curl -sf "$base/actuator/health" >/dev/null || { echo "the server did not answer in 120 s"; exit 1; }

api() { curl -sf -u "agency:$password" -H 'Content-Type: application/json' "$@" >/dev/null; }
say "region 440800 and 200 institutions through the REST API"
api -d '{"admdvs": "440800", "name": "Zhanjiang (湛江)", "policy_pack": "zhanjiang"}' "$base/api/regions"
levels=(level3 level2 level1 township village)
for i in $(seq 1 200); do
  level="${levels[$((i % 5))]}"
  type=hospital; [ "$level" = village ] && type=clinic
  code="$(printf 'H4408%07d' "$i")"
  api -d "{\"code\": \"$code\", \"name\": \"Institution $i ($level)\", \"level\": \"$level\", \"type\": \"$type\", \"admdvs\": \"440800\",
    \"district\": \"Chikan\", \"designated_from\": \"2009-01-01\"}" "$base/api/institutions"
done

say "$persons persons with their enrolments"
start_load=$(date +%s)
psql_db -d "$db" <<SQL
BEGIN;
-- GB 11643: the check character of the first 17 digits
CREATE FUNCTION pg_temp.check_char(id17 text) RETURNS char AS \$\$
  SELECT substr('10X98765432', (SELECT SUM(substr(id17, k, 1)::int * (ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[k])
                                FROM generate_series(1, 17) k)::int % 11 + 1, 1)
\$\$ LANGUAGE sql IMMUTABLE;
INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs)
SELECT '4408' || lpad(i::text, 10, '0'),
       id17 || pg_temp.check_char(id17),
       (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','林','罗','梁'])[1 + i % 20]
         || (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平'])[1 + (i / 20) % 20]
         || (ARRAY['华','英','玲','文','辉','峰','燕','红','斌','宇','琳','欣','建','国','海','云','龙','东','兰','春'])[1 + (i / 400) % 20],
       CASE WHEN seq % 2 = 1 THEN '1' ELSE '2' END, birth, '440800'
FROM (SELECT i, birth, seq, '440802' || to_char(birth, 'YYYYMMDD') || lpad(seq::text, 3, '0') AS id17
      FROM (SELECT i, DATE '1940-01-01' + (i % 29000) AS birth, i / 29000 + 1 AS seq
            FROM generate_series(1, $persons) i) g) p;
INSERT INTO enrolment (person_id, scheme, admdvs, employment, contribution_level, valid_from, contributions_since, source_ref)
SELECT id, 'resident', '440800', 'in_service', 1, DATE '2009-01-01', DATE '2009-01-01', 'bench console-million'
FROM person;
COMMIT;
SQL

say "$settlements settlements in 2026 with their ledger entries"
psql_db -d "$db" <<SQL
BEGIN;
-- the visits: amounts in fen that satisfy the table's checks (cost = own + over-limit + pre-self-pay + in-scope =
-- funds + person + hospital); larger admissions have a serious-illness payment
CREATE TEMP TABLE v ON COMMIT DROP AS
SELECT i, p.id AS person_id, ins.code AS institution_code, ins.level,
       DATE '2026-01-01' + (i % 334)::int AS visit_date,
       CASE WHEN i % 10 < 2 THEN 'inpatient' WHEN i % 10 < 8 THEN 'outpatient' ELSE 'pharmacy' END AS visit_type,
       cost, (cost * 6 / 10) AS hifp, CASE WHEN i % 10 < 2 AND cost > 1500000 THEN cost / 10 ELSE 0 END AS hifmi
FROM (SELECT i, 1 + (i * 7919) % $persons AS pn, 1 + i % 200 AS inst,
             CASE WHEN i % 10 < 2 THEN 300000 + (i * 37) % 3000000 ELSE 5000 + (i * 13) % 60000 END AS cost
      FROM generate_series(1::bigint, $settlements) i) g
JOIN person p ON p.psn_no = '4408' || lpad(g.pn::text, 10, '0')
JOIN institution ins ON ins.code = 'H4408' || lpad(g.inst::text, 7, '0');
INSERT INTO journal_entry (id, admdvs, entry_date, cause_type, cause_ref, description)
OVERRIDING SYSTEM VALUE
SELECT 1000000 + i, '440800', visit_date, 'settlement', 'SB' || lpad(i::text, 23, '0'),
       'settlement SB' || lpad(i::text, 23, '0') || ' at institution ' || institution_code FROM v;
SELECT setval(pg_get_serial_sequence('journal_entry', 'id'), (SELECT MAX(id) FROM journal_entry)) \\g /dev/null
INSERT INTO journal_line (entry_id, line_no, account_id, debit_fen, credit_fen)
SELECT 1000000 + i, 1, (SELECT id FROM ledger_account WHERE code = '440800:pooling:benefits'), hifp, 0 FROM v
UNION ALL
SELECT 1000000 + i, 2, (SELECT id FROM ledger_account WHERE code = '440800:pooling:payable_institutions'), 0, hifp FROM v
UNION ALL
SELECT 1000000 + i, 3, (SELECT id FROM ledger_account WHERE code = '440800:serious_illness:benefits'), hifmi, 0 FROM v WHERE hifmi > 0
UNION ALL
SELECT 1000000 + i, 4, (SELECT id FROM ledger_account WHERE code = '440800:serious_illness:payable_institutions'), 0, hifmi
FROM v WHERE hifmi > 0;
UPDATE ledger_account a SET balance_fen = a.balance_fen + s.net
FROM (SELECT account_id, SUM(debit_fen - credit_fen) AS net FROM journal_line GROUP BY account_id) s WHERE a.id = s.account_id;
INSERT INTO settlement (setl_id, person_id, institution_code, admdvs, visit_date, visit_type, medfee_sumamt, fulamt_ownpay_amt,
    overlmt_selfpay, preselfpay_amt, inscp_scp_amt, act_pay_dedc, hifp_pay, pool_prop_selfpay, cvlserv_pay, hifmi_pay, hifob_pay,
    maf_pay, oth_pay, fund_pay_sumamt, acct_pay, psn_cash_pay, psn_part_amt, hosp_part_amt, balc, eligible, trace, entry_id, status,
    fiscal_year, level, created_at)
SELECT 'SB' || lpad(i::text, 23, '0'), person_id, institution_code, '440800', visit_date, visit_type, cost, 0, 0, 0, cost, 0, hifp,
       400000, 0, hifmi, 0, 0, 0, hifp + hifmi, 0, cost - hifp - hifmi, cost - hifp - hifmi, 0, 0, true, '[]', 1000000 + i, 'settled',
       2026, level, visit_date + TIME '10:00'
FROM v;
COMMIT;
SQL
say "VACUUM ANALYZE"
psql_db -d "$db" -c "VACUUM (ANALYZE)"
load_seconds=$(( $(date +%s) - start_load ))
counts="$(psql_db -d "$db" -At -c "SELECT (SELECT COUNT(*) FROM person) || ' persons, ' || (SELECT COUNT(*) FROM enrolment)
  || ' enrolments, ' || (SELECT COUNT(*) FROM settlement) || ' settlements, ' || (SELECT COUNT(*) FROM journal_entry)
  || ' journal entries, ' || (SELECT COUNT(*) FROM journal_line) || ' lines'")"
say "loaded in ${load_seconds} s: $counts"

# the console's accounts, as the application keeps them (operator, {bcrypt} hash)
psql_db -d "$db" -c "INSERT INTO operator (username, password_hash, role, fixmedins_code) VALUES
  ('agency', '{bcrypt}$hash', 'AGENCY', NULL), ('clerk', '{bcrypt}$hash', 'INSTITUTION', 'H44080000001')"

sign_in() {
  local jar="$dir/$1.jar" token
  token="$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$token" "$base/login"
}
# times REQUESTS requests: $1 user, $2 label, then curl's arguments for the page
time_page() {
  local user="$1" label="$2"; shift 2
  local jar="$dir/$user.jar" times="$dir/times" code first
  read -r code first <<< "$(curl -s -o "$dir/page.html" -w '%{http_code} %{time_total}' -b "$jar" "$@")"
  [ "$code" = 200 ] || { echo "$label answered HTTP $code"; head -c 600 "$dir/page.html"; exit 1; }
  [ -z "${expect:-}" ] || grep -q "$expect" "$dir/page.html" || { echo "$label: the page does not show $expect"; exit 1; }
  for _ in $(seq 1 10); do curl -s -o /dev/null -b "$jar" "$@"; done
  : > "$times"
  for _ in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$@" >> "$times"; done
  sort -n "$times" | awk -v label="$label" -v first="$first" '{ t[NR] = $1 * 1000 } END {
    printf "| %-52s | %8.1f | %7.1f | %7.1f | %7.1f |\n", label, first * 1000, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR] }'
}
sign_in agency
sign_in clerk
token="$(curl -s -b "$dir/agency.jar" -c "$dir/agency.jar" "$base/console/persons" | sed -n 's/.*name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)"
one="$(psql_db -d "$db" -At -c "SELECT psn_no || ' ' || cert_no || ' ' || substr(name, 1, 2) FROM person ORDER BY id OFFSET $((persons / 8)) LIMIT 1")"
read -r psn cert prefix <<< "$one"
search() { local label="$1" q="$2" e="$3"; expect="$e" time_page agency "$label" -H "HX-Request: true" --data-urlencode "q=$q" --data-urlencode "_csrf=$token" \
  "$base/console/persons"; }

{
  echo "console pages with $counts on PostgreSQL; $n requests each after 10 not counted"
  echo "($(date -u +%Y-%m-%dT%H:%MZ); load ${load_seconds} s; machine load $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "| page | first ms | median ms | p95 ms | max ms |"
  echo "|---|---|---|---|---|"
  time_page agency "dashboard (/console, 2026, every panel)" "$base/console?admdvs=440800&year=2026"
  search "person search, a name's first two characters ($prefix)" "$prefix" "$prefix"
  search "person search, an ID number" "$cert" "$psn"
  search "person search, a psn_no" "$psn" "$psn"
  time_page clerk "the institution's settlements, first page (clerk)" "$base/institution"
  time_page clerk "the institution's settlements, page 100 (clerk)" "$base/institution?page=100"
} | tee "$result"
echo "results in $result; the database $db is $([ "${YIBAO_MILLION_KEEP:-0}" = 1 ] && echo kept || echo dropped)"
