#!/usr/bin/env bash
# Builds the composer page and its single-file form: build/web/single/timpush-composer.html, one
# HTML file with the wasm, scripts and fonts inside, to open from file:// with no network.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-web.sh
cmake --build build/web --target timpush_single_file
ls -l build/web/single/timpush-composer.html
