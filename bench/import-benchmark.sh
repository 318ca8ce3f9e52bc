#!/usr/bin/env bash
# Import benchmark (docs/registry.md): generates ROWS lines (default 1,000,000), imports them with
# `yibao import` into a scratch PostgreSQL database created here and dropped at the end, then
# imports the same file again (a rerun must change nothing). PostgreSQL: $YIBAO_BENCH_PG
# (default 127.0.0.1:5432, user postgres, trust auth).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
pg="${YIBAO_BENCH_PG:-127.0.0.1:5432}"
host="${pg%:*}"
port="${pg#*:}"
db="yibao_import_bench_$$"
dir="$(mktemp -d)"
psql_() { psql -h "$host" -p "$port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
cleanup() { psql_ -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true; rm -rf "$dir"; }
trap cleanup EXIT

(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests -pl cli,bench -am package) >&2
java -cp "$root/bench/target/classes" org.openyibao.bench.ImportCsvGenerator "$rows" "$dir"
psql_ -d postgres -c "CREATE DATABASE $db"
cat > "$dir/bench.yaml" <<YAML
spring:
  datasource:
    url: jdbc:postgresql://$pg/$db
    username: postgres
    password: ""
YAML
yibao() { java -Dyibao.policies="$root/policies" -jar "$root/cli/target/yibao.jar" "$@"; }
yibao import --config "$dir/bench.yaml" "$dir/header.csv" --errors "$dir/none.csv" >/dev/null  # creates the schema (Flyway)
psql_ -d "$db" -f "$dir/setup.sql"
echo "== first import of $rows lines"
yibao import --config "$dir/bench.yaml" "$dir/persons.csv" --errors "$dir/errors.csv"
echo "   errors: $(($(wc -l < "$dir/errors.csv") - 1)) lines, e.g. $(sed -n 2p "$dir/errors.csv")"
echo "== the same file again"
yibao import --config "$dir/bench.yaml" "$dir/persons.csv" --errors "$dir/errors.csv"
psql_ -d "$db" -At -c "SELECT 'persons ' || (SELECT COUNT(*) FROM person) || ', enrolments ' || (SELECT COUNT(*) FROM enrolment)
  || ', households ' || (SELECT COUNT(*) FROM household) || ', categories ' || (SELECT COUNT(*) FROM person_category)"
