#!/usr/bin/env bash
# The synthetic-region year (issue 5): generate a Zhanjiang-sized population, settle its year through the
# engine (baseline and the two serious-illness scenarios), pay its inpatient cases by DRG and by DIP (issue 14: the
# "payment" steps, each a whole simulated year with grouping and case payment on top), evaluate the runs. Prints wall time,
# rate and peak memory of each step. Usage: bench/sim-benchmark.sh [PERSONS] [WORKDIR]
#   PERSONS  default 7332000 (Zhanjiang's permanent population, REFERENCE §9): about 10 million visits
#   WORKDIR  default a fresh directory under /tmp (removed at the end unless KEEP=1)
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${1:-7332000}
WORK=${2:-$(mktemp -d /tmp/yibao-sim-bench.XXXXXX)}
JAR=cli/target/yibao.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests -pl cli -am
mkdir -p "$WORK"
cleanup() { [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT

step() { # name, then the command; prints the command's last line, wall seconds and peak RSS
  local name=$1; shift
  local log="$WORK/$name.time"
  /usr/bin/time -f '%e %M' -o "$log" "$@" 2>"$WORK/$name.err" >"$WORK/$name.out"
  read -r secs kb <"$log"
  printf '%-10s %8.1f s  peak RSS %6.0f MB  | %s\n' "$name" "$secs" "$((kb / 1024))" "$(head -1 "$WORK/$name.out")"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
step generate java -jar "$JAR" generate --region zhanjiang --persons "$PERSONS" --year 2018 --seed 1 --out "$WORK/pop" --no-oop
step baseline java -jar "$JAR" simulate --population "$WORK/pop" --out "$WORK/baseline"
[ "${PAYMENT_ONLY:-0}" = 1 ] || step si-50 java -jar "$JAR" simulate --population "$WORK/pop" --reform policies/zhanjiang/scenarios/si-50.yaml --out "$WORK/si-50"
[ "${PAYMENT_ONLY:-0}" = 1 ] || step si-100 java -jar "$JAR" simulate --population "$WORK/pop" --reform policies/zhanjiang/scenarios/si-100.yaml --out "$WORK/si-100"
step payment-drg java -jar "$JAR" simulate --population "$WORK/pop" --payment drg --tables zhanjiang-drg-1 --scenario drg --out "$WORK/drg"
step payment-dip java -jar "$JAR" simulate --population "$WORK/pop" --payment dip --tables zhanjiang-dip-1 --scenario dip --out "$WORK/dip"
for run in baseline payment-drg payment-dip; do sed -n 2p "$WORK/$run.out" | sed "s/^/$run /"; done
if [ "${PAYMENT_ONLY:-0}" = 1 ]; then
  step evaluate java -jar "$JAR" evaluate "$WORK/baseline" "$WORK/drg" "$WORK/dip" --out "$WORK/report"
else
  step evaluate java -jar "$JAR" evaluate "$WORK/baseline" "$WORK/si-50" "$WORK/si-100" "$WORK/drg" "$WORK/dip" --out "$WORK/report"
fi
du -sh "$WORK/pop" "$WORK/baseline" | sed 's/^/size /'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
