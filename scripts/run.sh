#!/usr/bin/env bash
# Builds everything, then serves the composer page with the sandbox as its default target.
# Extra arguments go to `timpush serve` (e.g. --port 9000).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-native.sh release timpush
scripts/build-web.sh
exec build/release/src/cli/timpush serve --root build/web/site "$@"
