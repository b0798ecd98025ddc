#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (docs/fuzzing.md): builds the seven fuzz targets with
# -sanitize=fuzzer,address into .build-fuzz and runs each for SECONDS (default 60), one after the other.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      TARGET: scenario csv formula checkpoint shard weights regional (default: all)
#
# Each target starts from its committed seeds (Tests/Fuzz/<target>/corpus) and
# writes what it finds to a working corpus in .build-fuzz/corpus/<target>. Prints per target the
# executions, coverage (cov = edges, ft = features) and corpus size. A crash, a hang (an input running
# longer than the timeout) or runaway memory is saved under Tests/Fuzz/<target>/crashes/, minimized,
# and makes the script exit 1 after the remaining targets ran.
#
# Environment:
#   FUZZ_KEEP_GOING=1      keep fuzzing after a finding (libFuzzer fork mode) to collect several
#   FUZZ_UPDATE_CORPUS=1   merge new coverage into the committed corpus (then commit it)
#   FUZZ_SKIP_BUILD=1      reuse the fuzz binaries already built
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scenario csv formula checkpoint shard weights regional)

# Limits: what hetfirm promises (no input crashes or hangs it) over inputs of realistic size.
# max_len: the longest input tried, in bytes; timeout: seconds one input may take (parsing is
# milliseconds; the slack absorbs a loaded machine and AddressSanitizer); memory: per process.
timeout_seconds=10
rss_limit_mb=2048
# No leak check at process exit either (fork mode's jobs exit after each run).
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# libFuzzer and AddressSanitizer report crashes; Swift's own backtracer would only delay (or hang) them.
export SWIFT_BACKTRACE=enable=no

product() {
  case "$1" in
    scenario) echo ScenarioFuzz ;;
    csv) echo CSVFuzz ;;
    formula) echo FormulaFuzz ;;
    checkpoint) echo CheckpointFuzz ;;
    shard) echo ShardFuzz ;;
    weights) echo WeightsFuzz ;;
    regional) echo RegionalFuzz ;;
    *) echo "unknown fuzz target '$1' (scenario, csv, formula, checkpoint, shard, weights, regional)" >&2; exit 2 ;;
  esac
}

max_len() {
  case "$1" in
    formula) echo 4096 ;;      # a formula on the command line or in a scenario
    *) echo 16384 ;;           # a scenario, CSV, checkpoint, shard or weights file
  esac
}

scratch=.build-fuzz
# One combined -sanitize=fuzzer,address for Swift: swiftc keeps only the last -sanitize= flag, and
# SwiftPM's repeated --sanitize options come in no fixed order (so either sanitizer could be lost).
# --sanitize=fuzzer links libFuzzer and instruments C/C++ (toml++) for coverage; -Xcc/-Xcxx add ASan there.
build_flags=(-c release --scratch-path "$scratch" --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
             -Xcc -fsanitize=address -Xcxx -fsanitize=address)
if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  for target in "${targets[@]}"; do
    echo "== building $(product "$target")"
    HETFIRM_FUZZ=1 swift build "${build_flags[@]}" --product "$(product "$target")"
  done
fi
bin="$(HETFIRM_FUZZ=1 swift build "${build_flags[@]}" --show-bin-path)"

failed=()
summary=()
for target in "${targets[@]}"; do
  name="$(product "$target")"
  seeds="Tests/Fuzz/$target/corpus"
  crashes="Tests/Fuzz/$target/crashes"
  work="$scratch/corpus/$target"
  log="$scratch/logs/$target.log"
  mkdir -p "$seeds" "$work" "$crashes" "$(dirname "$log")"
  # Not the regressions: the tests replay those, and one still crashing would stop every run at once.
  inputs=("$work" "$seeds")
  options=(-max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout="$timeout_seconds"
           -rss_limit_mb="$rss_limit_mb" -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$crashes/")
  [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && options+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  echo "== fuzzing $target for ${seconds}s ($name ${options[*]} ${inputs[*]})"
  before="$(ls "$crashes")"
  started=$(date +%s)
  status=0
  "$bin/$name" "${options[@]}" "${inputs[@]}" >"$log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - started ))

  # The last status line ("#N<tab>DONE cov: C ft: F corp: K/B ..." or, in fork mode, "#N: cov: C ft: F corp: K ...").
  last="$(grep -E '^#[0-9]+:?[[:space:]]' "$log" | grep -E 'cov: ' | tail -1 || true)"
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  [ -n "$runs" ] || runs="$(sed -E -n 's/^#([0-9]+).*/\1/p' <<<"$last")"
  cov="$(sed -E -n 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")"
  ft="$(sed -E -n 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")"
  corp="$(sed -E -n 's/.* corp: ([0-9]+).*/\1/p' <<<"$last")"
  if ! grep -q "inline 8-bit counters" "$log"; then
    echo "!! $name has no coverage instrumentation (see docs/fuzzing.md, 'Build flags')"
    failed+=("$target")
  fi
  line="$target: ${elapsed}s, executions ${runs:-?}, cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?}, exit $status"
  echo "$line"
  summary+=("$line")

  new_artifacts="$(comm -13 <(printf '%s\n' "$before" | sort) <(ls "$crashes" | sort) | grep -v '\.min$' || true)"
  if [ "$status" -ne 0 ] || [ -n "$new_artifacts" ]; then
    failed+=("$target")
    echo "!! $target: finding (log: $log)"
    grep -E 'ERROR|SUMMARY|Fatal error|Test unit written' "$log" | sort | uniq -c | head -20 || true
    # Minimize each new crashing input (kept beside it as <name>.min).
    for file in $new_artifacts; do
      artifact="$crashes/$file"
      # -max_total_time does not bound the minimization of a hang: each try can take the timeout.
      timeout 180 "$bin/$name" -minimize_crash=1 -max_total_time=60 -timeout="$timeout_seconds" -rss_limit_mb="$rss_limit_mb" \
        -detect_leaks=0 -exact_artifact_path="$artifact.min" "$artifact" >"$log.minimize" 2>&1 || true
      [ -f "$artifact.min" ] && echo "   minimized: $artifact.min ($(wc -c <"$artifact.min") bytes)"
    done
  fi
  if [ "${FUZZ_UPDATE_CORPUS:-0}" = 1 ]; then
    "$bin/$name" -merge=1 -max_len="$(max_len "$target")" -timeout="$timeout_seconds" -rss_limit_mb="$rss_limit_mb" \
      -detect_leaks=0 "$seeds" "$work" >"$log.merge" 2>&1 || echo "!! $target: corpus merge failed (log: $log.merge)"
    echo "   committed corpus: $(find "$seeds" -type f | wc -l) inputs"
  fi
done

echo "== fuzzing summary"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found crashes, hangs or memory blow-ups in: ${failed[*]} (inputs under Tests/Fuzz/<target>/crashes/)"
  exit 1
fi
