#!/usr/bin/env bash
# Builds the composer page and its single-file form: build/web/single/timpush-composer.html, one
# HTML file with the wasm, scripts and fonts inside, to open from file:// with no network.
#
# No server sends it a Content-Security-Policy, so it carries one in a <meta> tag
# (src/platform/web/inline_site.mjs): its two scripts and its stylesheet run by their SHA-256,
# computed when the file is made (no 'unsafe-inline'), plus 'wasm-unsafe-eval' for the wasm. The file
# opens on Custom URL, and the base a user types cannot be known when it is built, so connect-src
# is data: (its own fonts), any https: host (the region hosts, the user's own relay) and plain
# http only to this machine (http://127.0.0.1:*, http://localhost:*: a `timpush serve` sandbox or
# relay): a UserSig never travels in clear text over a network. Everything else is 'none'.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-web.sh
cmake --build build/web --target timpush_single_file
ls -l build/web/single/timpush-composer.html
