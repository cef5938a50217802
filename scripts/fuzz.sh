#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser and encoder (README: Reliability). Runs each target for
# FUZZ_SECONDS (default 120), then prints per target the executions, libFuzzer's coverage (cov:
# edges, ft: features) and the crashes; exits 1 if any target crashed, hung or ran out of memory.
# Usage: scripts/fuzz.sh [TARGET ...]   (the targets are the bins of fuzz/Cargo.toml)
set -uo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${FUZZ_SECONDS:-120}
ALL=(flow_json validate session handoff pattern markup template settings)
TARGETS=("${@:-${ALL[@]}}")
CORPUS=target/fuzz-corpus
LOGS=target/fuzz-logs
mkdir -p "$CORPUS" "$LOGS"

# cargo fuzz passes nightly-only rustc flags; the pinned stable compiler accepts them through
# RUSTC_BOOTSTRAP, as the release wasm build does (see the Makefile).
export RUSTC_BOOTSTRAP=1
# No sanitizer: the engine has no unsafe code, so AddressSanitizer would only slow each run
# down (about 2x) for memory errors that safe Rust cannot make; bounds and overflow checks
# (-a: debug assertions) catch what can go wrong, as panics.
FLAGS=(-s none -a)

# The longest input per target: whole flow files for the reader; the rest take what their
# limits make interesting (a pattern is at most 1,000 characters, a value at most 2,000).
max_len() {
  case "$1" in
    flow_json) echo 65536 ;;
    markup | template) echo 16384 ;;
    pattern) echo 4096 ;;
    settings) echo 1024 ;;
    *) echo 4096 ;;
  esac
}

dict() {
  case "$1" in
    flow_json | markup | template) echo "-dict=fuzz/flow.dict" ;;
    pattern) echo "-dict=fuzz/pattern.dict" ;;
  esac
}

# The corpus each run starts from: the committed seeds, and for the flow reader every flow and
# test file the project has (too large to keep twice in git).
prepare_corpus() {
  local dir="$CORPUS/$1"
  mkdir -p "$dir"
  cp -n fuzz/seeds/"$1"/* "$dir"/ 2>/dev/null || true
  if [ "$1" = flow_json ]; then
    for f in flows/*.json flows/examples/*.json tests/fixtures/*.json; do
      [ -f "$f" ] && cp -n "$f" "$dir/$(echo "$f" | tr / _)"
    done
  fi
}

echo "== building the fuzz targets"
cargo fuzz build "${FLAGS[@]}" || exit 2

declare -A EXECS COV FT CRASHES
failed=0
for t in "${TARGETS[@]}"; do
  prepare_corpus "$t"
  log="$LOGS/$t.log"
  echo "== fuzzing $t for ${SECONDS_EACH}s (log: $log)"
  # shellcheck disable=SC2046
  cargo fuzz run "${FLAGS[@]}" "$t" "$CORPUS/$t" -- \
    -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 \
    -max_len="$(max_len "$t")" -timeout=10 -print_final_stats=1 $(dict "$t") \
    >"$log" 2>&1
  status=$?
  EXECS[$t]=$(awk '/stat::number_of_executed_units/ { print $2 }' "$log" | tail -1)
  last=$(grep -E ' cov: [0-9]+' "$log" | tail -1)
  COV[$t]=$(sed -E 's/.* cov: ([0-9]+).*/\1/' <<<"$last")
  FT[$t]=$(sed -E 's/.* ft: ([0-9]+).*/\1/' <<<"$last")
  CRASHES[$t]=$(grep -c 'Test unit written to' "$log")
  if [ "$status" -ne 0 ] || [ "${CRASHES[$t]}" -ne 0 ]; then
    failed=1
    [ "${CRASHES[$t]}" -eq 0 ] && CRASHES[$t]="? (exit $status)"
    grep -E 'panicked at|SUMMARY|Test unit written to|ERROR: libFuzzer' "$log" | head -5 | sed 's/^/   /'
  fi
done

echo
printf '%-10s %12s %8s %8s %8s\n' target executions cov ft crashes
for t in "${TARGETS[@]}"; do
  printf '%-10s %12s %8s %8s %8s\n' "$t" "${EXECS[$t]:-?}" "${COV[$t]:-?}" "${FT[$t]:-?}" "${CRASHES[$t]}"
done
echo "(${SECONDS_EACH}s per target; crashes are in fuzz/artifacts/<target>/, logs in $LOGS/)"
exit "$failed"
