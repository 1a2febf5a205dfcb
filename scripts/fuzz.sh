#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) in build/fuzz with clang-14 under ASan+UBSan and runs
# each for SECONDS (default 60), one at a time, from its seed corpus in tests/fuzz/corpus/<target>.
# What a run learns goes to build/fuzz/corpus-<target>, never into the tree; crash, leak and
# timeout inputs to build/fuzz/findings/. Exits 1 when any target found something.
#   scripts/fuzz.sh [SECONDS]        TIMPUSH_FUZZ_ONLY="usersig_fuzzer ..." runs only those;
#                                    TIMPUSH_FUZZ_RUNS=N also stops each target after N inputs
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
case $seconds in ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2 ;; esac
build=${TIMPUSH_FUZZ_BUILD:-build/fuzz}  # another folder for a cold build, e.g. to time CI

# Longest input worth trying, per target: about what its parser accepts at most, so time is
# not spent on inputs that are refused for their size alone.
declare -A max_len=(
  [validate_fuzzer]=12288      # a push body (the service takes 10240 bytes) plus slack
  [sandbox_fuzzer]=12288       # method, path, query lines and such a body
  [usersig_fuzzer]=4096        # a UserSig is a few hundred characters
  [share_link_fuzzer]=17000    # the 16384-character fragment limit plus a page URL
  [history_fuzzer]=16384
  [stores_fuzzer]=16384
  [response_fuzzer]=4096       # status and an answer, which the history caps at 4096 bytes
  [task_report_fuzzer]=16384   # a statistics, loss or trace answer of a few tasks or devices
  [relay_target_fuzzer]=2048   # a request target
  [static_path_fuzzer]=1024    # a URL path and two header values
  [device_preview_fuzzer]=12288  # a push body, as validate_fuzzer
  [lesson_fuzzer]=16384        # a lesson file (the shipped ones are 2 to 4 KB)
  [schedule_fuzzer]=12288      # an account list, a time, or a batch body
  [app_report_fuzzer]=16384    # an attribute, tag or scheduled-task answer; a names file
)
targets=(validate_fuzzer usersig_fuzzer share_link_fuzzer history_fuzzer stores_fuzzer
         response_fuzzer task_report_fuzzer relay_target_fuzzer static_path_fuzzer sandbox_fuzzer
         device_preview_fuzzer lesson_fuzzer schedule_fuzzer app_report_fuzzer)
[ -n "${TIMPUSH_FUZZ_ONLY:-}" ] && read -r -a targets <<<"$TIMPUSH_FUZZ_ONLY"

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
if [ ! -f $build/CMakeCache.txt ]; then
  mkdir -p $build
  # -O1 -g1 as in the sanitized test build (scripts/build-native.sh): what libFuzzer's docs use,
  # at about half the compile time of -O2 -g.
  CC=clang-14 CXX=clang++-14 cmake -S . -B $build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" \
    -DTIMPUSH_FUZZ=ON "${launcher[@]}" >/dev/null
fi
nice cmake --build $build -j2 --target fuzzers >$build/build.log 2>&1 ||
  { tail -40 $build/build.log >&2; echo "fuzz: the build failed (log: $build/build.log)" >&2; exit 2; }

mkdir -p $build/findings
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
failed=()
for t in "${targets[@]}"; do
  [ -n "${max_len[$t]:-}" ] || { echo "fuzz: unknown target $t" >&2; exit 2; }
  scratch=$build/corpus-$t
  log=$build/log-$t.txt
  mkdir -p "$scratch"
  # One process (no -jobs/-workers: one target at a time on a shared machine). The seed folder
  # comes second, so libFuzzer reads it but writes what it learns into the scratch folder.
  status=0
  runs_limit=()
  [ -n "${TIMPUSH_FUZZ_RUNS:-}" ] && runs_limit=(-runs="$TIMPUSH_FUZZ_RUNS")
  start=$SECONDS
  nice $build/tests/fuzz/$t "$scratch" tests/fuzz/corpus/$t -max_total_time="$seconds" "${runs_limit[@]}" \
    -max_len="${max_len[$t]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/findings/$t-" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  if [ $status -ne 0 ]; then
    found=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    echo "fuzz: $t FAILED (exit $status) after ${runs:-?} runs; input: ${found:-none written}; log: $log" >&2
    grep -m1 -E 'ERROR: |runtime error|invariant broken' "$log" >&2 || true
    failed+=("$t")
  else
    printf 'fuzz: %-20s %10s runs in %ss, no finding\n' "$t" "$runs" "$((SECONDS - start))"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in: ${failed[*]} (reproduce: $build/tests/fuzz/TARGET INPUT)" >&2
  exit 1
fi
