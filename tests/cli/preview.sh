#!/usr/bin/env bash
# `timpush preview`: each platform's card, the cut marked, --platform, --json, --lang and bad input.
# Limits are those of ../shared/spec/vendors.md §2 (vivo: title 20 CJK = 40 width units).
# Run by ctest as: bash preview.sh /path/to/timpush
set -u
bin=${1:?usage: preview.sh /path/to/timpush}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

run() {  # run WANT-EXIT ARGS...; stdout in $work/out, stderr in $work/err
  local want=$1
  shift
  "$bin" preview "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" = "$want" ] || fail "preview $*: exit $got, expected $want ($(head -c 300 "$work/err"))"
}

# A 21-character Chinese title: one character over vivo's hard limit, within Xiaomi's.
title=$(printf '股%.0s' $(seq 21))
printf '{"MsgRandom":1,"OfflinePushInfo":{"Title":"%s","Desc":"今晚八点开抢","AndroidInfo":{"OPPOChannelID":"n","XiaoMiChannelID":"n","HuaWeiCategory":"IM"}}}' \
  "$title" >"$work/long.json"

run 0 "$work/long.json"
for name in "iOS (APNs)" Huawei Honor Xiaomi OPPO vivo Meizu "FCM (Google)"; do
  grep -q "^$name" "$work/out" || fail "no card for $name: $(cat "$work/out")"
done
grep -q '^  ! 21 /OfflinePushInfo/Title: vivo: title is 42 width units' "$work/out" ||
  fail "vivo's refusal missing: $(cat "$work/out")"
grep -q '…' "$work/out" || fail "a cut text must end in …"

run 0 "$work/long.json" --platform vivo
[ "$(grep -c '^[A-Za-z]' "$work/out")" -eq 1 ] || fail "--platform vivo printed other cards: $(cat "$work/out")"

run 0 "$work/long.json" --lang zh --platform vivo
grep -q '厂商通道会拒绝' "$work/out" || fail "zh message missing: $(cat "$work/out")"

run 0 "$work/long.json" --json
python3 -c '
import json, sys
doc = json.load(open(sys.argv[1]))
ids = [p["platform"] for p in doc["platforms"]]
assert ids == ["apns", "huawei", "honor", "xiaomi", "oppo", "vivo", "meizu", "fcm"], ids
vivo = doc["platforms"][5]
assert vivo["title"]["width"] == 42 and vivo["title"]["chars"] == 21, vivo["title"]
assert [w["code"] for w in vivo["warnings"]] == [21], vivo["warnings"]
assert vivo["warnings"][0]["hard"] is True
xiaomi = doc["platforms"][3]
assert not any(w["code"] == 21 for w in xiaomi["warnings"]), xiaomi
' "$work/out" || fail "--json model: $(head -c 600 "$work/out")"

# Bad input: a clear message and exit 2, never a crash.
run 2 --platform symbian "$work/long.json"
grep -q 'platform must be one of' "$work/err" || fail "bad --platform message: $(cat "$work/err")"
printf '[1,2]' >"$work/array.json"
run 2 "$work/array.json"
grep -q 'not a JSON object' "$work/err" || fail "non-object message: $(cat "$work/err")"
printf '\xff\xfe{' >"$work/junk.json"
run 2 "$work/junk.json"
run 2 "$work/missing.json"

[ "$failures" -eq 0 ] || exit 1
echo "preview: ok"
