#!/usr/bin/env bash
# `timpush send`, `schedule`, `attrs`, `tags` and `validate --attr-names` against a `timpush serve`
# on port 0: the local refusals (exit 1 or 2, nothing sent), the 1 s spacing waited out, a test
# send, a scheduled task from add to delete, attribute names and tags changing what the sandbox
# accepts and reaches, human output in both languages and --json.
# Run by ctest as: bash broadcast.sh /path/to/timpush
set -u
bin=${1:?usage: broadcast.sh /path/to/timpush}
. "$(dirname "$0")/sandbox_harness.sh"

# The overview lists the new commands; its first line says what the program does.
"$bin" --help >"$work/help"
head -1 "$work/help" | grep -q '^timpush: ' || fail "first help line: $(head -1 "$work/help")"
for c in send schedule attrs tags; do grep -q "^  $c " "$work/help" || fail "--help does not list $c"; done

# send: errors refuse it, an all-user push needs --all-users, the spacing is waited out.
printf '{"MsgRandom":"x","OfflinePushInfo":{"Title":"t","Desc":"d"}}' >"$work/bad.json"
expect_exit 1 "send refuses a body with errors" -- "$bin" send "$work/bad.json" "${s[@]}"
expect_in "send names the error" "$work/err" "90005"
printf '{"MsgRandom":11,"OfflinePushInfo":{"Title":"全员标题","Desc":"全员内容"}}' >"$work/all.json"
expect_exit 1 "all users without --all-users" -- "$bin" send "$work/all.json" "${s[@]}"
expect_in "says how to confirm" "$work/err" "--all-users 1400000000"
expect_exit 1 "all users, wrong SDKAppID" -- "$bin" send "$work/all.json" "${s[@]}" --all-users 1400000001
expect_exit 0 "all users confirmed" -- "$bin" send "$work/all.json" "${s[@]}" --all-users 1400000000
expect_in "send prints the TaskId" "$work/out" "push accepted: TaskId "
printf '{"MsgRandom":12,"Condition":{"TagsOr":["股票A"]},"OfflinePushInfo":{"Title":"标签标题","Desc":"标签内容"}}' >"$work/tag.json"
before=$(date +%s%N)
expect_exit 0 "a second push at once waits out the spacing" -- "$bin" send "$work/tag.json" "${s[@]}" --lang zh
# On a slow machine the second call may come over 1 s after the first: then there is no wait.
if ! grep -q 90024 "$work/err"; then
  [ $(( ($(date +%s%N) - before) / 1000000 )) -gt 1500 ] || fail "no 90024 wait said: $(head -c 300 "$work/err")"
fi
expect_in "Chinese output" "$work/out" "推送已受理"
expect_exit 0 "the same bytes again: the same task (dedup by MsgRandom)" -- "$bin" send "$work/tag.json" "${s[@]}" --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["ErrorCode"]==0 and d["TaskId"]' "$work/out" ||
  fail "send --json is not the answer: $(head -c 300 "$work/out")"

# A test send: named accounts, a batch_ TaskId; duplicates refused before sending.
expect_exit 0 "test send" -- "$bin" send "$work/tag.json" "${s[@]}" --to user1,user2
expect_in "test send TaskId" "$work/out" "test send accepted: TaskId batch_"
expect_exit 1 "test send with a repeated account" -- "$bin" send "$work/tag.json" "${s[@]}" --to user1,user1
printf 'user3\nuser4\n' >"$work/accounts"
expect_exit 0 "test send from a file" -- "$bin" send "$work/tag.json" "${s[@]}" --to-file "$work/accounts"

# schedule: add two minutes ahead, list, get, modify, delete (which needs --yes).
expect_exit 0 "schedule add" -- "$bin" schedule add "$work/tag.json" --in 120 "${s[@]}" --offset-minutes 480
expect_in "add prints both times" "$work/out" "at UTC+480 min"
id=$(grep -o 'task [0-9]*' "$work/out" | head -1 | awk '{print $2}')
[ -n "$id" ] || fail "no TaskID in: $(cat "$work/out")"
expect_exit 0 "schedule list" -- "$bin" schedule list "${s[@]}"
expect_in "list shows the task" "$work/out" "task $id  Tag  pending"
expect_exit 0 "schedule get in Chinese" -- "$bin" schedule get "$id" "${s[@]}" --lang zh
expect_in "status in Chinese" "$work/out" "待执行"
expect_exit 1 "schedule add too soon" -- "$bin" schedule add "$work/tag.json" --in 10 "${s[@]}"
expect_exit 1 "schedule add for everyone without --all-users" -- "$bin" schedule add "$work/all.json" --in 120 "${s[@]}"
expect_exit 0 "schedule modify" -- "$bin" schedule modify "$id" --in 600 "${s[@]}"
expect_exit 0 "schedule get --json" -- "$bin" schedule get "$id" "${s[@]}" --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["TaskInfo"]["Status"]=="pending"' "$work/out" ||
  fail "get --json: $(head -c 300 "$work/out")"
sleep 1.1  # 5 calls a second per API
expect_exit 2 "schedule delete without --yes" -- "$bin" schedule delete "$id" "${s[@]}"
expect_exit 0 "schedule delete" -- "$bin" schedule delete "$id" --yes "${s[@]}"
sleep 1.1
expect_exit 1 "get after delete" -- "$bin" schedule get "$id" "${s[@]}"
expect_in "90104 explained" "$work/err" "90104"

# attrs: the app's names, a new one, values for an account; validate with and without it.
expect_exit 0 "attrs get" -- "$bin" attrs get "${s[@]}"
expect_in "names listed by slot" "$work/out" "0 会员等级 0"
printf '{"MsgRandom":13,"Condition":{"AttrsAnd":{"vip":"yes"}},"OfflinePushInfo":{"Title":"属性标题","Desc":"属性内容"}}' >"$work/vip.json"
"$bin" attrs get "${s[@]}" | awk '{print $2}' >"$work/names"
expect_exit 1 "validate with the app's names" -- "$bin" validate "$work/vip.json" --attr-names "$work/names"
expect_in "90033 at the entry" "$work/out" "90033 /Condition/AttrsAnd/vip"
expect_exit 0 "validate without names does not judge them" -- "$bin" validate "$work/vip.json"
expect_exit 1 "the sandbox refuses the unknown attribute too" -- "$bin" send "$work/vip.json" "${s[@]}"
expect_in "90033 from the sandbox" "$work/err" "90033"
expect_exit 2 "attrs set refuses a repeated name" -- "$bin" attrs set --name a --name a "${s[@]}"
expect_exit 0 "attrs set names" -- "$bin" attrs set --name 会员等级 --name city --name sex --name vip "${s[@]}"
printf '["会员等级","city","sex","vip"]' >"$work/names.json"
expect_exit 0 "validate with the new names (a JSON array)" -- "$bin" validate "$work/vip.json" --attr-names "$work/names.json"
expect_exit 0 "attrs set values" -- "$bin" attrs set --to user1,nobody --attr vip=yes "${s[@]}"
expect_in "the unknown account is listed" "$work/err" "nobody: 70107"
expect_exit 0 "attrs get values" -- "$bin" attrs get --to user1 "${s[@]}"
expect_in "the value came back" "$work/out" "vip=yes"
sleep 1.1
expect_exit 0 "the push naming vip now goes" -- "$bin" send "$work/vip.json" "${s[@]}"

# tags: add to two accounts, read, remove and clear only with --yes.
expect_exit 0 "tags add" -- "$bin" tags add --to user1,user2 --tag 内测 "${s[@]}"
expect_exit 0 "tags get" -- "$bin" tags get --to user1 "${s[@]}"
expect_in "the tag is there" "$work/out" "内测"
expect_exit 2 "tags remove without --yes" -- "$bin" tags remove --to user2 --tag 内测 "${s[@]}"
expect_exit 0 "tags remove" -- "$bin" tags remove --to user2 --tag 内测 --yes "${s[@]}"
expect_exit 2 "tags add of 11 tags" -- "$bin" tags add --to user1 "${s[@]}" \
  --tag a --tag b --tag c --tag d --tag e --tag f --tag g --tag h --tag i --tag j --tag k
expect_in "90032 said" "$work/err" "90032"
expect_exit 2 "tags clear without --yes" -- "$bin" tags clear --to user1 "${s[@]}"
expect_exit 0 "tags clear" -- "$bin" tags clear --to user1 --yes "${s[@]}" --lang zh
expect_in "cleared in Chinese" "$work/out" "已清除标签"
expect_exit 0 "tags get after clear" -- "$bin" tags get --to user1 "${s[@]}" --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["UserTags"][0]["Tags"]==[]' "$work/out" ||
  fail "tags after clear: $(head -c 300 "$work/out")"

[ "$failures" = 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "broadcast: all checks passed"
