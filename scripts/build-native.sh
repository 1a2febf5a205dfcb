#!/usr/bin/env bash
# Builds the native tree (core, `timpush`, tests) into build/$1 (default: release).
# Usage: scripts/build-native.sh [release|test] [TARGET...]   test = sanitizers on, for the test
# suite; with targets, only those are built (run.sh needs just `timpush`).
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
case "$kind" in
  release) flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  # -O1 with line tables only: the sanitizers' own advice, and half the compile time of -O2 -g
  # (device_preview.cpp: 26 s against 51 s on a loaded 2-core machine); stacks still name lines.
  test) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DTIMPUSH_SANITIZE=ON
               "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG") ;;
  *) echo "build-native: unknown kind '$kind' (release|test)" >&2; exit 2 ;;
esac
[ -f "build/$kind/build.ninja" ] || cmake -S . -B "build/$kind" -G Ninja "${flags[@]}" >/dev/null
shift $(( $# > 0 ? 1 : 0 ))
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "build/$kind" -j "$(nproc)" "${targets[@]}"
