#!/usr/bin/env bash
# Runs every test: set-up, the native build with sanitizers, the unit/CLI/server tests (ctest),
# then the web build and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-native.sh test
ctest --test-dir build/test --output-on-failure -j "$(nproc)"
scripts/fuzz.sh 5  # every libFuzzer target briefly (build/fuzz, clang-14, ASan+UBSan)
if [ -d src/platform/web ] && ls src/platform/web/*.cpp >/dev/null 2>&1; then
  scripts/build-web.sh
  if ls tests/browser/*.test.mjs >/dev/null 2>&1; then
    TIMPUSH_BIN=$PWD/build/test/src/cli/timpush TIMPUSH_SITE=$PWD/build/web/site \
      node --test --test-concurrency=1 tests/browser/
  fi
fi
