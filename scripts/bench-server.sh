#!/usr/bin/env bash
# A bounded load test of `timpush serve` on loopback with wrk: GET / and POST to the sandbox
# (a valid push body; the 1 s rule answers most of them 90024 FAIL quickly, which is the point:
# that path must stay cheap). Prints requests/s, errors and the server's RSS before and after.
# Usage: scripts/bench-server.sh [seconds per run, default 10] [connections, default 8]
# TIMPUSH_BIN=path/to/timpush uses that program instead of building build/release;
# TIMPUSH_SITE=DIR serves that page instead of build/web/site.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
conns=${2:-8}
command -v wrk >/dev/null || { echo "bench-server: wrk is not installed (scripts/setup.sh)" >&2; exit 2; }

bin=${TIMPUSH_BIN:-build/release/src/cli/timpush}
if [ ! -x "$bin" ]; then
  echo "bench-server: building $bin" >&2
  [ -f build/release/build.ninja ] || cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/release -j 2 --target timpush >/dev/null
fi

work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

site=${TIMPUSH_SITE:-build/web/site}
[ -f "$site/index.html" ] || site=$work/site-not-built   # then GET / measures the 503 page

key=bench-key-0123456789abcdef0123456789abcdef0123456789abcdef01234567
TIMPUSH_SECRET_KEY=$key "$bin" serve --port 0 --root "$site" --quiet >"$work/out" 2>"$work/err" &
server_pid=$!
for _ in $(seq 1 50); do grep -q 'http://' "$work/out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$work/out" | head -1)
[ -n "$url" ] || { echo "bench-server: the server did not start:" >&2; cat "$work/err" >&2; exit 1; }

rss() { awk '/^VmRSS/ {print $2 " kB"}' "/proc/$server_pid/status"; }
threads() { awk '/^Threads/ {print $2}' "/proc/$server_pid/status"; }

# A valid admin UserSig from the program itself (the core's generator).
sig=$(TIMPUSH_SECRET_KEY=$key "$bin" sign --sdkappid 1400000000 --identifier administrator 2>/dev/null \
      | grep -o '[A-Za-z0-9*_-]\{40,\}' | head -1 || true)
[ -n "$sig" ] || echo "bench-server: could not make a UserSig with 'timpush sign'; the POSTs will answer 70003" >&2
push_path="sandbox/v4/timpush/push?usersig=${sig:-none}&identifier=administrator&sdkappid=1400000000&random=1&contenttype=json"

cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
request = function()
  counter = counter + 1
  local body = '{"From_Account":"administrator","MsgRandom":' .. counter ..
    ',"OfflinePushInfo":{"PushFlag":0,"Title":"bench","Desc":"load test"}}'
  return wrk.format(nil, nil, nil, body)
end
codes = {}
response = function(status, headers, body)
  local code = body:match('"ErrorCode":(%d+)') or ("HTTP " .. status)
  codes[code] = (codes[code] or 0) + 1
end
local threads = {}
setup = function(thread) table.insert(threads, thread) end
done = function(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("codes")) do total[code] = (total[code] or 0) + n end
  end
  for code, n in pairs(total) do io.write(string.format("  ErrorCode %s: %d answers\n", code, n)) end
end
LUA

echo "server: $url (root $site), $conns connections, ${secs}s per run"
echo "RSS before: $(rss), threads $(threads)"

run() {  # $1 label, rest: wrk arguments
  local label=$1; shift
  echo "== $label"
  wrk -t 2 -c "$conns" -d "${secs}s" --timeout 5s "$@" | grep -E 'Requests/sec|Transfer/sec|Socket errors|Non-2xx|requests in|Latency|ErrorCode' || true
}
run "GET / (gzip)" -H 'Accept-Encoding: gzip' "$url"
echo "RSS after GET /: $(rss)"
if [ -f "$site/timpush.wasm" ]; then
  run "GET /timpush.wasm (gzip, $(stat -c %s "$site/timpush.wasm") bytes raw)" -H 'Accept-Encoding: gzip' "${url}timpush.wasm"
  echo "RSS after GET wasm: $(rss)"
fi
run "POST /sandbox/v4/timpush/push" -s "$work/post.lua" "$url$push_path"
echo "RSS after POST: $(rss), threads $(threads)"
echo "sandbox tasks accepted: $(curl -s "${url}sandbox/tasks?limit=1" | grep -o '"total":[0-9]*' | cut -d: -f2)"

# --- Hostile neighbours: GET / with latency percentiles, clean and then while 24 slow-header
# clients (a header line every 2.5 s, from 127.0.0.2) and 100 idle connections (127.0.0.3) are
# held open; each reconnects when the server drops it. Goal: p99 < 100 ms, req/s >= 80% clean.
port=${url#http://127.0.0.1:}; port=${port%%/*}
cat >"$work/hold.py" <<'PY'
import socket, sys, time
port, secs = int(sys.argv[1]), float(sys.argv[2])
def connect(source):
    s = socket.socket()
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    s.setblocking(False)
    return s
slow = [connect("127.0.0.2") for _ in range(24)]
idle = [connect("127.0.0.3") for _ in range(100)]
drops = 0
end = time.time() + secs
step = 0
while time.time() < end:
    for i, s in enumerate(slow):
        try:
            s.send(b"GET / HTTP/1.1\r\n" if step == 0 else b"X-Slow: 1\r\n")
        except OSError:
            drops += 1
            slow[i] = connect("127.0.0.2")
    for i, s in enumerate(idle):
        try:
            if s.recv(1) == b"":
                raise OSError
        except BlockingIOError:
            pass
        except OSError:
            drops += 1
            idle[i] = connect("127.0.0.3")
    step += 1
    time.sleep(2.5)
print("hold: 24 slow + 100 idle held %.0f s, %d dropped by the server and reopened" % (secs, drops))
PY
latency_run() {  # $1 label
  echo "== $1"
  wrk -t 2 -c "$conns" -d "${secs}s" --timeout 5s --latency -H 'Accept-Encoding: gzip' "$url" \
    | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Socket errors|Non-2xx/ {print "  " $0}
           END {printf "  p50 %s  p99 %s  req/s %s\n", p50, p99, rps}'
}
latency_run "GET / clean"
python3 "$work/hold.py" "$port" "$((secs + 3))" &
hold_pid=$!
sleep 1.5
latency_run "GET / with 24 slow-header clients and 100 idle connections held"
wait "$hold_pid" || true
echo "RSS after hostile run: $(rss), threads $(threads)"

# --- Sandbox push throughput as its state grows (bench/sandbox_push_bench.cpp): the first 10k
# pushes and 10k after 100k, over HTTP to an in-process server whose clock moves 1 s a push, so
# all are accepted and each grows the dedup memory and the task list. Goal: the later rate within
# 90% of the first. Bounded: 110k pushes, at most 300 s. TIMPUSH_SANDBOX_BENCH=path picks the
# program instead of building build/release.
sandbox_bench=${TIMPUSH_SANDBOX_BENCH:-build/release/bench/sandbox_push_bench}
if [ ! -x "$sandbox_bench" ]; then
  echo "bench-server: building $sandbox_bench" >&2
  [ -f build/release/build.ninja ] || cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/release -j 2 --target sandbox_push_bench >/dev/null
fi
echo "== sandbox push throughput, first 10k vs after 100k accepted pushes"
timeout 330 "$sandbox_bench" --window 10000 --fill 90000 --max-seconds 300 \
  || echo "bench-server: sandbox_push_bench did not finish cleanly" >&2
