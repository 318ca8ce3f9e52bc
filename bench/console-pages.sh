#!/usr/bin/env bash
# How fast the console's pages answer on the demo (issue 11: every page under 200 ms at p95). One command:
#
#   bench/console-pages.sh [REQUESTS]          default 200 requests per page
#
# Starts `./yibao demo` on a scratch data directory and port 18280 (the demo's region with its generated population of
# about 400 people and their year of settlements), signs in as each role the page is for, then requests each page
# REQUESTS times one after another (after 20 not counted) with curl over loopback and prints, per page, the median, p95
# and max of curl's time_total: the server's time plus loopback, measured from outside. Results also go to
# bench/target/console-pages/<time>.txt. Environment: YIBAO_PAGES_PORT (18280).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-200}"
port="${YIBAO_PAGES_PORT:-18280}"
base="http://127.0.0.1:$port"
dir="$(mktemp -d)"
out="$root/bench/target/console-pages"
mkdir -p "$out"
result="$out/$(date +%Y%m%d-%H%M%S).txt"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT

"$root/yibao" demo --port "$port" --data "$dir/data" > "$dir/demo.log" 2>&1 &
pid=$!
for _ in $(seq 1 180); do grep -q "demo is running" "$dir/demo.log" 2>/dev/null && break; sleep 1; done
grep -q "demo is running" "$dir/demo.log" || { echo "the demo did not start: $dir/demo.log"; tail -20 "$dir/demo.log"; exit 1; }
password() { grep -E "^    $1 " "$dir/demo.log" | awk '{print $2}'; }

# signs in as $1 with its own cookie jar
sign_in() {
  local jar="$dir/$1.jar" token
  token="$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=$(password "$1")" \
    --data-urlencode "_csrf=$token" "$base/login"
}

# times REQUESTS requests: $1 user, $2 label, then curl's arguments for the page
time_page() {
  local user="$1" label="$2"; shift 2
  local jar="$dir/$user.jar" times="$dir/times" code
  code="$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$@")"
  [ "$code" = 200 ] || { echo "$label answered HTTP $code"; exit 1; }
  for _ in $(seq 1 20); do curl -s -o /dev/null -b "$jar" "$@"; done
  : > "$times"
  for _ in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$@" >> "$times"; done
  sort -n "$times" | awk -v label="$label" '{ t[NR] = $1 * 1000 } END {
    printf "| %-44s | %7.1f | %7.1f | %7.1f |\n", label, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR] }'
}

for u in agency auditor clerk insurer; do sign_in "$u"; done

# the insured: activate the first demo person with the code the demo printed, then sign in with the new password
insured="$(grep -E '^    psn_no ' "$dir/demo.log" | head -1 | awk '{print $2}')"
code="$(grep -E '^    psn_no ' "$dir/demo.log" | head -1 | awk '{print $4}')"
jar="$dir/$insured.jar"
token="$(curl -s -c "$jar" -b "$jar" "$base/portal/activate" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "psnNo=$insured" --data-urlencode "code=$code" \
  --data-urlencode "password=bench-password-1" --data-urlencode "_csrf=$token" "$base/portal/activate"
token="$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$insured" --data-urlencode "password=bench-password-1" \
  --data-urlencode "_csrf=$token" "$base/login"
token_of() { curl -s -b "$dir/$1.jar" -c "$dir/$1.jar" "$base/console/persons" | sed -n 's/.*name="_csrf" content="\([^"]*\)".*/\1/p' | head -1; }
agency_token="$(token_of agency)"
person="$(curl -s -b "$dir/agency.jar" -H "HX-Request: true" --data-urlencode "q=4408" --data-urlencode "_csrf=$agency_token" \
  "$base/console/persons" | sed -n 's|.*href="/console/persons/\([0-9A-Z]*\)".*|\1|p' | head -1)"
setl="$(curl -s -b "$dir/agency.jar" "$base/console/persons/44080000000003" | sed -n 's|.*href="/console/settlements/\(S[0-9A-Z]*\)".*|\1|p' | head -1)"

{
  echo "console pages on the demo, $n requests each after 20 not counted ($(date -u +%Y-%m-%dT%H:%MZ); load $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "| page | median ms | p95 ms | max ms |"
  echo "|---|---|---|---|"
  time_page agency "sign-in page" "$base/login"
  time_page agency "funds (dashboard), 7 funds × 12 months" "$base/console"
  time_page agency "person search, a name's start (htmx)" -H "HX-Request: true" --data-urlencode "q=Chen" \
    --data-urlencode "_csrf=$agency_token" "$base/console/persons"
  time_page agency "person search, psn_no (whole page)" --data-urlencode "q=$person" --data-urlencode "_csrf=$agency_token" \
    "$base/console/persons"
  time_page agency "a person's page" "$base/console/persons/44080000000003"
  time_page agency "a settlement slip" "$base/console/settlements/$setl"
  time_page auditor "a person's page, masked (auditor)" "$base/console/persons/44080000000003"
  time_page clerk "the institution's settlements (clerk)" "$base/institution"
  time_page clerk "the institution's visits (clerk)" "$base/institution/visits"
  time_page clerk "complaints about the institution (clerk)" "$base/institution/feedback"
  time_page agency "institutions" "$base/console/institutions"
  time_page agency "one institution" "$base/console/institutions/H44080000001"
  time_page agency "its interface credentials" "$base/console/institutions/H44080000001/credentials"
  time_page agency "change category form" "$base/console/persons/44080000000003/category"
  time_page agency "bulk import form" "$base/console/import"
  time_page agency "policy explorer, every value on a date" "$base/console/policy"
  time_page agency "policy explorer, difference of two dates" "$base/console/policy/diff"
  time_page agency "policy explorer, overlay check form" "$base/console/policy/check"
  time_page agency "simulations" "$base/console/simulations"
  time_page agency "complaints" "$base/console/feedback"
  time_page insurer "the insurer's serious-illness tier" "$base/insurer"
  time_page "$insured" "portal: my insurance (insured)" "$base/portal"
  time_page "$insured" "portal: my contributions" "$base/portal/contributions"
  time_page "$insured" "portal: caps left" "$base/portal/caps"
  time_page "$insured" "portal: my complaints" "$base/portal/feedback"
} | tee "$result"
