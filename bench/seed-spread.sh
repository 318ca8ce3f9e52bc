#!/usr/bin/env bash
# Does the evaluation's bootstrap tell the truth about noise? (issue 12) Generates the same region with K seeds,
# settles each year (baseline and a reform), evaluates each with the paired bootstrap, and sets the spread of the
# figures ACROSS seeds (new households drawn from the same model each time) beside the spread the bootstrap
# claims WITHIN one seed (its 95% interval's half-width ÷ 1.96). Both measure the sampling of households, so
# they should be close; a bootstrap far narrower than the seeds' spread would overstate the precision.
# Usage: bench/seed-spread.sh [SEEDS] [PERSONS] [REFORM]   defaults 5, 50000, the si-100 scenario
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${1:-5}
PERSONS=${2:-50000}
REFORM=${3:-policies/zhanjiang/scenarios/si-100.yaml}
WORK=$(mktemp -d /tmp/yibao-seed-spread.XXXXXX)
trap '[ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"' EXIT
./yibao --version >/dev/null   # builds the jar when the sources changed

col() { # file, scenario, threshold, column name → the value
  awk -F, -v s="$2" -v z="$3" -v c="$4" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next }
    $1 == s && $3 == z { print $k }' "$1"
}

printf '%-5s %-28s %-36s\n' seed "baseline H(20%) [95% bootstrap]" "reform − baseline, points [95% bootstrap]"
rows="$WORK/rows"
for s in $(seq 1 "$SEEDS"); do
  ./yibao generate --region zhanjiang --persons "$PERSONS" --seed "$s" --out "$WORK/pop$s" >/dev/null 2>&1
  ./yibao simulate --population "$WORK/pop$s" --out "$WORK/base$s" >/dev/null 2>&1
  ./yibao simulate --population "$WORK/pop$s" --reform "$REFORM" --out "$WORK/reform$s" >/dev/null 2>&1
  ./yibao evaluate "$WORK/base$s" "$WORK/reform$s" --out "$WORK/report$s" --lang en >/dev/null 2>&1
  csv="$WORK/report$s/indicators.csv"
  label=$(awk -F, 'NR == 1 { next } $2 == "false" && $1 != "baseline" { print $1; exit }' "$csv")
  h=$(col "$csv" baseline 20 headcount_percent); hl=$(col "$csv" baseline 20 headcount_low_percent)
  hh=$(col "$csv" baseline 20 headcount_high_percent)
  d=$(col "$csv" "$label" 20 headcount_change_points); dl=$(col "$csv" "$label" 20 headcount_change_low_points)
  dh=$(col "$csv" "$label" 20 headcount_change_high_points)
  printf '%-5s %-28s %-36s\n' "$s" "$h [$hl, $hh]" "$d [$dl, $dh]"
  echo "$h $hl $hh $d $dl $dh" >>"$rows"
done
awk '{ n++; h[n] = $1; sh += $1; w += ($3 - $2) / 2 / 1.96; d[n] = $4; sd += $4; wd += ($6 - $5) / 2 / 1.96 }
  END { mh = sh / n; md = sd / n
        for (i = 1; i <= n; i++) { vh += (h[i] - mh)^2; vd += (d[i] - md)^2 }
        vh = sqrt(vh / (n - 1)); vd = sqrt(vd / (n - 1))
        printf "\nbaseline H(20%%): mean %.3f%%, SD across seeds %.3f points, bootstrap SD (mean of half-widths ÷ 1.96) %.3f points, ratio %.2f\n", mh, vh, w / n, (w / n) / vh
        printf "reform change:   mean %+.3f points, SD across seeds %.3f points, bootstrap SD %.3f points, ratio %.2f\n", md, vd, wd / n, (vd > 0 ? (wd / n) / vd : 0) }' "$rows"
echo "($SEEDS seeds of $PERSONS persons; with few seeds the SD across them is itself rough: 5 seeds give it about ±35%)"
