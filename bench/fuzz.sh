#!/usr/bin/env bash
# Fuzzes every Jazzer target for FUZZ_SECONDS each (default 300). CI only replays the seed inputs
# under src/test/resources/**/<Class>Inputs/<method>/; this script lets libFuzzer mutate them.
#
#   bench/fuzz.sh                                   # every target, 5 minutes each
#   FUZZ_SECONDS=3600 bench/fuzz.sh MarkupFuzzTest#sanitizedHtmlRunsNothing
#
# A crash stops that target and leaves the input in its <Class>Inputs/<method>/ directory: keep it
# there (it becomes a regression input that CI replays), fix the code, run again. Prints one line
# per target: fuzz_<target> ok|FOUND seconds.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. bin/java-home.sh
tamizdat_find_java
seconds=${FUZZ_SECONDS:-300}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    MarkupFuzzTest#sanitizedHtmlRunsNothing
    MarkupFuzzTest#markdownBodiesRenderToSafeHtml
    MarkupFuzzTest#typographyKeepsTheText
    ParsersFuzzTest#cbrDailyAnswersOrNamesTheProblem
    ParsersFuzzTest#moexFuturesAnswersOrNamesTheProblem
    SubscribeFormFuzzTest#anyBodyGivesFieldsAndOnlySafeAddresses
    QueryFuzzTest#anyTextBecomesAQuery
    WxrReaderFuzzTest#anyFileIsReadOrRefusedClearly
  )
fi
./mvnw -B -q -o test-compile >/dev/null
status=0
for target in "${targets[@]}"; do
  log=target/fuzz-${target//#/-}.log
  start=$(date +%s)
  # libFuzzer's flags reach Jazzer as JUnit configuration parameters; argument 0 is argv[0].
  if JAZZER_FUZZ=1 ./mvnw -B -q -o surefire:test -Dtest="$target" \
      -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$seconds" \
      -Djunit.jupiter.execution.timeout.mode=disabled >"$log" 2>&1; then
    echo "fuzz_${target//#/_} ok $(( $(date +%s) - start ))s"
  else
    echo "fuzz_${target//#/_} FOUND $(( $(date +%s) - start ))s (see $log)"
    status=1
  fi
done
exit $status
