#!/usr/bin/env bash
# `timpush serve` as a program: the URL line on stdout with --port 0, the demo key printed only
# when generated, /sandbox/app agreeing, the "not built" page, and a clean exit on SIGTERM/SIGINT.
# Usage: serve_cli.sh PATH/TO/timpush
set -euo pipefail
bin=$1
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; echo "--- stdout" >&2; cat "$work/out" >&2 || true; echo "--- stderr" >&2; cat "$work/err" >&2 || true; exit 1; }

start() {  # extra env assignments come before; args go to serve
  "$@" >"$work/out" 2>"$work/err" &
  pid=$!
  # Wait for the whole URL, not the line's start: the line may be caught half written.
  for _ in $(seq 1 100); do grep -q '^timpush: serving .* at http://127\.0\.0\.1:[0-9]*/$' "$work/out" 2>/dev/null && break; sleep 0.05; done
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/out" | head -1)
  [ -n "$url" ] || fail "no URL line"
}

stop_with() {  # $1 signal; the server must exit 0 within 3 s
  kill -"$1" "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  kill -0 "$pid" 2>/dev/null && fail "still running 3 s after SIG$1"
  local rc=0
  wait "$pid" || rc=$?
  pid=
  [ "$rc" = 0 ] || fail "exit status $rc after SIG$1"
}

# 1. A demo key: printed, and offered by /sandbox/app. The root has no index.html.
mkdir -p "$work/empty"
start env -u TIMPUSH_SECRET_KEY "$bin" serve --port 0 --root "$work/empty"
head -1 "$work/out" | grep -q "^timpush: serving $work/empty at http://127.0.0.1:[0-9]*/$" || fail "first line is not the URL line"
key=$(grep -o 'demo key [0-9a-f]\{64\}' "$work/out" | awk '{print $3}')
[ -n "$key" ] || fail "demo key not printed"
app=$(curl -s "${url}sandbox/app")
echo "$app" | grep -q "\"key\":\"$key\"" || fail "/sandbox/app does not offer the demo key: $app"
echo "$app" | grep -q '"key_is_demo":true' || fail "key_is_demo is not true"
code=$(curl -s -o "$work/page" -w '%{http_code}' "$url")
[ "$code" = 503 ] || fail "unbuilt page answered $code"
grep -q 'scripts/build-web.sh' "$work/page" || fail "the unbuilt page does not say how to build"
# One log line per request, without the query string.
curl -s -X POST -d '{}' "${url}sandbox/v4/timpush/push?usersig=SECRETSIG&identifier=administrator&sdkappid=1400000000&random=1" >/dev/null
sleep 0.2
grep -q '^POST /sandbox/v4/timpush/push 200 ' "$work/err" || fail "no log line for the POST"
grep -q 'SECRETSIG' "$work/err" "$work/out" && fail "the query string was logged"
# A foreign Host (DNS rebinding) is refused; a cross-site POST too.
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: attacker.example' "${url}sandbox/app")
[ "$code" = 421 ] || fail "a foreign Host answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Origin: https://attacker.example' -H 'Content-Type: text/plain' \
  -d '{}' "${url}sandbox/v4/timpush/push?random=1")
[ "$code" = 403 ] || fail "a cross-site POST answered $code"
stop_with TERM

# 1b. --allow-host: documented, checked, and honoured.
# Read from a file: with pipefail, grep -q leaving early would fail the pipe by SIGPIPE.
"$bin" serve --help >"$work/help"
grep -q -- '--allow-host NAME\[:PORT\]' "$work/help" || fail "--help does not document --allow-host"
rc=0
"$bin" serve --port 0 --allow-host 'bad name' >/dev/null 2>"$work/err2" || rc=$?
[ "$rc" = 2 ] || fail "a bad --allow-host gave exit status $rc"
start env -u TIMPUSH_SECRET_KEY "$bin" serve --port 0 --root "$work/empty" --quiet --allow-host proxy.example --allow-host other.example:8443
for h in proxy.example proxy.example:443 other.example:8443; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $h" "${url}sandbox/app")
  [ "$code" = 200 ] || fail "--allow-host did not admit Host $h ($code)"
done
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: other.example' "${url}sandbox/app")
[ "$code" = 421 ] || fail "--allow-host NAME:PORT admitted another port ($code)"
stop_with TERM

# 2. A key from the environment: never printed nor offered.
start env TIMPUSH_SECRET_KEY=envkey0123456789 "$bin" serve --port 0 --root "$work/empty" --quiet
grep -q 'envkey0123456789' "$work/out" "$work/err" && fail "the environment's key was printed"
app=$(curl -s "${url}sandbox/app")
echo "$app" | grep -q '"key":null' || fail "/sandbox/app offers the environment's key: $app"
echo "$app" | grep -q 'envkey0123456789' && fail "the key leaked into /sandbox/app"
[ -s "$work/err" ] && fail "--quiet still logged"
stop_with INT

# 3. A port in use is a clear error, exit 2.
start env -u TIMPUSH_SECRET_KEY "$bin" serve --port 0 --root "$work/empty"
port=${url#http://127.0.0.1:}; port=${port%/}
rc=0
timeout 5 "$bin" serve --port "$port" --root "$work/empty" >/dev/null 2>"$work/err2" || rc=$?
[ "$rc" = 2 ] || fail "a busy port gave exit status $rc"
grep -q "cannot bind" "$work/err2" || fail "no clear message for a busy port"
stop_with TERM
echo "ok"
