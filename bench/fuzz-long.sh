#!/usr/bin/env bash
# The fuzz suite's long profile (issue 10; docs/fsi.md "Fuzzing").
#
#   bench/fuzz-long.sh [CASES [SEED]]          default: 1000000 cases, a seed from the clock
#
# Runs the same fuzz code as `mvn -B verify` (FsiFuzzTest, RestFuzzTest: the server on a random port over its own
# in-memory H2 database) with CASES cases in all, 3/5 on the national interface and 2/5 on the REST API, then prints
# the two summaries (cases, failures, seed, duration, replies by status) and writes them, with the date and the
# command, to bench/target/fuzz-long/<time>/result.txt. Failing cases (the first 20 of each suite) are in
# platform/target/fuzz/; each names the -Dyibao.fuzz.seed and -Dyibao.fuzz.case that make it again.
# Environment: YIBAO_FUZZ_THREADS (2 client threads). Exit 0 only if no case failed and the server stayed whole.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cases="${1:-1000000}"
seed="${2:-$(date +%s)}"
threads="${YIBAO_FUZZ_THREADS:-2}"
out="$root/bench/target/fuzz-long/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
rm -f "$root"/platform/target/fuzz/*.txt

command=(mvn -B -q -Dstyle.color=never test -pl platform -am -Dsurefire.failIfNoSpecifiedTests=false
  "-Dtest=FsiFuzzTest,RestFuzzTest" "-Dyibao.fuzz.cases=$cases" "-Dyibao.fuzz.seed=$seed" "-Dyibao.fuzz.threads=$threads"
  # hundreds of thousands of refusals are expected: not logged one by one (our faults, at ERROR, still are)
  "-Dlogging.level.org.openyibao.platform.fsi.auth.FsiRefusals=ERROR" "-Dlogging.level.org.openyibao.platform.web=ERROR")
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
start_s="$(date +%s)"
status=0
(cd "$root" && "${command[@]}") > "$out/mvn.log" 2>&1 || status=$?
took=$(( $(date +%s) - start_s ))

{
  echo "started:  $started"
  echo "command:  ${command[*]}"
  echo "took:     ${took} s (build and the server's start included)"
  echo "exit:     $status"
  cat "$root"/platform/target/fuzz/*-summary.txt 2>/dev/null || echo "no summary: see $out/mvn.log"
} | tee "$out/result.txt"
ls "$root"/platform/target/fuzz/*-seed*-case*.txt 2>/dev/null && echo "failing cases above (platform/target/fuzz/)"
exit "$status"
