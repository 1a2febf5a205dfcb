#!/usr/bin/env bash
# Page benchmark: builds the baseline (Dear ImGui's demo, bench/baseline) and the composer page with
# the same emcc options, serves both with `timpush serve`, loads each several times in headless
# Chromium, and prints sizes, first frame, idle frame rate and typing frame time side by side.
#   scripts/bench-page.sh [runs]          (default 5; TIMPUSH_BENCH_JSON=file keeps the raw figures)
# Build folders: build/bench-app, build/bench-baseline, build/bench-native (Release; skipped when
# TIMPUSH_BIN names a built `timpush`).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jobs=${TIMPUSH_JOBS:-2}
export EM_CACHE=$PWD/third_party/emcache
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

if [ -z "${TIMPUSH_BIN:-}" ]; then
  [ -f build/bench-native/build.ninja ] ||
    cmake -S . -B build/bench-native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/bench-native -j "$jobs" --target timpush >/dev/null
  export TIMPUSH_BIN=$PWD/build/bench-native/src/cli/timpush
fi
[ -f build/bench-app/build.ninja ] ||
  emcmake cmake -S . -B build/bench-app -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/bench-app -j "$jobs" >/dev/null
[ -f build/bench-baseline/build.ninja ] ||
  emcmake cmake -S bench/baseline -B build/bench-baseline -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/bench-baseline -j "$jobs" >/dev/null

exec node bench/page_bench.mjs \
  --app build/bench-app/site --baseline build/bench-baseline/site --runs "$runs" \
  ${TIMPUSH_BENCH_JSON:+--json "$TIMPUSH_BENCH_JSON"}
