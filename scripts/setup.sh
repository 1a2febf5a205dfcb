#!/usr/bin/env bash
# Prepares a Debian 12 machine to build and test timpush-composer: apt packages, library sources
# for the wasm build (into the ignored third_party/), and the npm tools of the browser tests.
# Idempotent: each step checks first and does nothing when its result is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tp=$root/third_party

say() { printf 'setup: %s\n' "$*" >&2; }
fail() { printf 'setup: cannot continue: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_packages=(
  build-essential cmake ninja-build python3
  emscripten binaryen
  nlohmann-json3-dev doctest-dev libssl-dev
  chromium fonts-droid-fallback fonts-dejavu-core
  dpkg-dev wrk
  clang-14 libclang-rt-14-dev
  python3-fonttools
)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# node and npm may come from elsewhere on the machine; Debian's are the fallback.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing apt packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q >/dev/null || fail "apt-get update failed"
  as_root apt-get install -y -q "${missing[@]}" >/dev/null || fail "apt-get install of ${missing[*]} failed"
fi

# Library sources for the wasm build (and the native build, which compiles the same files).
# name/suite -> folder under third_party. Each suite is named because the default is the newest.
sources=(
  "imgui/sid:imgui"
  "zlib/bookworm:zlib"
  "mbedtls/bookworm:mbedtls"
  "cpp-httplib/sid:httplib"
)

need_src=0
for s in "${sources[@]}"; do [ -f "$tp/${s#*:}/.fetched" ] || need_src=1; done
if [ $need_src = 1 ]; then
  srclist=/etc/apt/sources.list.d/timpush-src.sources
  if [ ! -f "$srclist" ]; then
    mirror=$(grep -hoE '^URIs: *http[^ ]*debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 | sed 's/^URIs: *//')
    [ -n "$mirror" ] || mirror=$(grep -hoE '^deb +http[^ ]*debian/? ' /etc/apt/sources.list 2>/dev/null | head -1 | awk '{print $2}')
    [ -n "$mirror" ] || fail "no Debian mirror found in /etc/apt/sources.list.d to add a deb-src entry for"
    say "adding deb-src for $mirror (bookworm, sid)"
    printf 'Types: deb-src\nURIs: %s\nSuites: bookworm sid\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$mirror" | as_root tee "$srclist" >/dev/null
    as_root apt-get update -q >/dev/null || fail "apt-get update after adding deb-src failed"
  fi
  mkdir -p "$tp"
  fetch_source() {  # $1 package/suite, $2 target folder
    local work found
    work=$(mktemp -d)
    # Pristine upstream sources: Debian's patches concern its own packaging of the library.
    if ! (cd "$work" && apt-get source -q --download-only "$1" >/dev/null 2>&1 \
          && dpkg-source -x --skip-patches ./*.dsc src >/dev/null 2>&1); then
      rm -rf "$work"; return 1
    fi
    found="$work/src"
    rm -rf "${tp:?}/$2"
    mv "$found" "$tp/$2"
    rm -rf "$work"
    touch "$tp/$2/.fetched"
  }
  for s in "${sources[@]}"; do
    pkg=${s%%:*}; dir=${s#*:}
    [ -f "$tp/$dir/.fetched" ] && continue
    say "fetching source $pkg"
    if ! fetch_source "$pkg" "$dir"; then
      # The package lists may be stale or missing the deb-src entry's suite: refresh once, retry.
      as_root apt-get update -q >/dev/null 2>&1 || true
      fetch_source "$pkg" "$dir" || fail "apt-get source $pkg failed (is the deb-src entry in $srclist reachable?)"
    fi
  done
fi

# Header-only libraries: the wasm build must not see /usr/include (glibc headers would shadow
# emscripten's libc), so their headers are copied into a folder of their own.
inc=$tp/include
if [ ! -f "$inc/.copied" ]; then
  mkdir -p "$inc"
  cp -r /usr/include/nlohmann "$inc/" || fail "nlohmann headers missing"
  cp /usr/include/doctest/doctest.h "$inc/" 2>/dev/null || true
  touch "$inc/.copied"
fi

# Emscripten's frozen system-library cache, copied so builds may add to it.
if [ ! -d "$tp/emcache" ]; then
  [ -d /usr/share/emscripten/cache ] || fail "emscripten cache /usr/share/emscripten/cache missing"
  cp -r /usr/share/emscripten/cache "$tp/emcache.tmp" && mv "$tp/emcache.tmp" "$tp/emcache"
fi

# Browser-test tools.
if [ -f package-lock.json ]; then
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null || fail "npm ci failed"
  fi
fi
