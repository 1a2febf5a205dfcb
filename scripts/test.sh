#!/usr/bin/env bash
# Runs every test: set-up, the native build with sanitizers, the unit/CLI/server tests (ctest),
# then the web build and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each stage says how long it took, so a run that grows slower shows where.
stage() {
  local start=$SECONDS
  "$@"
  echo "test.sh: $1 took $((SECONDS - start)) s" >&2
}
stage scripts/setup.sh
stage scripts/build-native.sh test
stage ctest --test-dir build/test --output-on-failure -j "$(nproc)"
stage scripts/fuzz.sh 5  # every libFuzzer target briefly (build/fuzz, clang-14, ASan+UBSan)
stage scripts/build-web.sh
TIMPUSH_BIN=$PWD/build/test/src/cli/timpush TIMPUSH_SITE=$PWD/build/web/site \
  stage node --test --test-concurrency=1 tests/browser/
echo "test.sh: all tests passed in $SECONDS s" >&2
