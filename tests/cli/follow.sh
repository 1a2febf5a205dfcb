#!/usr/bin/env bash
# `timpush stats`, `loss`, `trace` and `revoke` against a `timpush serve` on port 0: human output
# in both languages, --json, the local checks (exit 2), the service's refusals explained (exit 1),
# and the key never taken from argv. The sandbox runs in real time: numbers start within a second.
# Run by ctest as: bash follow.sh /path/to/timpush
set -u
bin=${1:?usage: follow.sh /path/to/timpush}
. "$(dirname "$0")/sandbox_harness.sh"
key=$(grep -o 'demo key [0-9a-f]\{64\}' "$work/serve" | awk '{print $3}')
grep -q "sandbox world of 2000 users, seed 1" "$work/serve" || fail "the world is not announced"

# A tag push from the product document, sent with curl and a UserSig from `timpush sign`.
sig=$(TIMPUSH_SECRET_KEY=$key "$bin" sign --sdkappid 1400000000 --identifier administrator)
push() {  # push MSGRANDOM: prints the TaskId
  curl -s -X POST -H 'Content-Type: application/json' \
    "${url}sandbox/v4/timpush/push?usersig=$sig&identifier=administrator&sdkappid=1400000000&random=1&contenttype=json" \
    -d "{\"MsgRandom\":$1,\"Condition\":{\"TagsOr\":[\"股票A\",\"股票B\"]},\"OfflinePushInfo\":{\"Title\":\"t\",\"Desc\":\"d\"}}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["TaskId"])'
}
task=$(push 1)
[ -n "$task" ] || { echo "FAIL: the push was refused" >&2; exit 1; }
sleep 1.2

# stats: the sandbox's app and demo key come from GET /sandbox/app.
expect_exit 0 "stats" -- "$bin" stats "$task" --sandbox "$url"
expect_in "stats names the task" "$work/out" "TaskId $task"
expect_in "stats has the funnel's columns" "$work/out" "delivered"
sleep 1.1
expect_exit 0 "stats --json" -- "$bin" stats "$task" --sandbox "$url" --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d["Results"][0]; assert r["TaskID"]==sys.argv[2] and r["TotalCount"]>0 and len(r["PlatformStatistics"])==9' \
  "$work/out" "$task" || fail "stats --json is not the answer: $(head -c 300 "$work/out")"
sleep 1.1
expect_exit 0 "stats --lang zh" -- "$bin" stats "$task" --sandbox "$url" --lang zh
expect_in "stats in Chinese" "$work/out" "已触达"

# Local checks before any request: 6 TaskIds, a window over 30 days, no target, --key.
expect_exit 2 "6 TaskIds" -- "$bin" stats a b c d e f --sandbox "$url"
expect_in "6 TaskIds says why" "$work/err" "At most 5 TaskIds"
expect_exit 2 "31 days" -- "$bin" stats "$task" --sandbox "$url" --start 0 --end 2678401
expect_exit 2 "no target" -- "$bin" stats "$task"
expect_exit 2 "two targets" -- "$bin" stats "$task" --sandbox "$url" --region china
expect_exit 2 "--key refused" -- "$bin" stats "$task" --sandbox "$url" --key "$key"
grep -qF "$key" "$work/err" && fail "--key's value was repeated"

# loss and trace, after the losses before sending are known (up to 4 s after the push).
sleep 3
expect_exit 0 "loss" -- "$bin" loss "$task" --sandbox "$url"
expect_in "loss has its stages" "$work/out" "lost before sending:"
expect_in "loss explains -2" "$work/out" "The device never uploaded its push token."
expect_exit 0 "trace" -- "$bin" trace "$task" user1 --sandbox "$url"
grep -qE "^(device |no trace for user1)" "$work/out" || fail "trace output: $(head -c 300 "$work/out")"
expect_exit 2 "trace needs two arguments" -- "$bin" trace "$task" --sandbox "$url"

# A wrong key: the sandbox refuses with 70009, explained from the catalog.
sleep 1.1
expect_exit 1 "wrong key" -- env TIMPUSH_SECRET_KEY=0000000000000000000000000000000000000000000000000000000000000000 \
  "$bin" loss "$task" --sandbox "$url" --sdkappid 1400000000 --identifier administrator
expect_in "wrong key explained" "$work/err" "70009"

# revoke: needs its text; then once; a second revoke is 90050.
expect_exit 2 "revoke without text" -- "$bin" revoke "$task" --sandbox "$url"
expect_in "revoke names 90053" "$work/err" "90053"
expect_exit 0 "revoke" -- "$bin" revoke "$task" --sandbox "$url" --title "撤回" --desc "这条推送已撤回"
expect_in "revoke says so" "$work/out" "Revoked"
sleep 1.1
expect_exit 1 "revoke again" -- "$bin" revoke "$task" --sandbox "$url" --title t --desc d --lang zh
expect_in "revoke again is 90050" "$work/err" "90050"

# A target that does not answer.
expect_exit 2 "no sandbox" -- "$bin" stats "$task" --sandbox "http://127.0.0.1:9/"

[ "$failures" = 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "follow.sh: all passed"
