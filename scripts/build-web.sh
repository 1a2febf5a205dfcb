#!/usr/bin/env bash
# Builds the composer page with Emscripten into build/web/site (index.html, .js, .wasm, fonts).
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's emscripten ships a frozen cache; setup.sh copied it so the build may use it freely.
export EM_CACHE=$PWD/third_party/emcache
# emcc's optimiser needs acorn, which Debian keeps where node does not look by default.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
[ -f build/web/build.ninja ] || emcmake cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/web -j "$(nproc)"
