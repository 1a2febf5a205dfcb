#!/usr/bin/env bash
# Builds the native tree (core, `timpush`, tests) into build/$1 (default: release).
# Usage: scripts/build-native.sh [release|test]   test = sanitizers on, for the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
case "$kind" in
  release) flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  test) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DTIMPUSH_SANITIZE=ON) ;;
  *) echo "build-native: unknown kind '$kind' (release|test)" >&2; exit 2 ;;
esac
[ -f "build/$kind/build.ninja" ] || cmake -S . -B "build/$kind" -G Ninja "${flags[@]}" >/dev/null
cmake --build "build/$kind" -j "$(nproc)"
