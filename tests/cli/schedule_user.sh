#!/usr/bin/env bash
# `timpush schedule` with --to / --to-file against a `timpush serve` on port 0: a task of Type
# User made from a push body and an account list (task-apis.md section 9: "User: To_Account
# [1..500]"), the account rules of a test send refusing before anything is sent, list and get
# showing Type User with its accounts, a modify that keeps them, and --backup of a region that
# has no backup host (Riyadh) refused with a message instead of an empty host.
# Run by ctest as: bash schedule_user.sh /path/to/timpush
set -u
bin=${1:?usage: schedule_user.sh /path/to/timpush}
. "$(dirname "$0")/sandbox_harness.sh"

"$bin" schedule --help >"$work/help"
expect_in "help names --to" "$work/help" "--to A,B,..."
expect_in "help says it makes Type User" "$work/help" "Type User"

# A push to every user: with --to it goes to the accounts only, so no --all-users is asked.
printf '{"MsgRandom":21,"OfflinePushInfo":{"Title":"测试标题","Desc":"测试内容"}}' >"$work/all.json"
expect_exit 1 "a repeated account is refused" -- "$bin" schedule add "$work/all.json" --in 120 --to user1,user1 "${s[@]}"
expect_in "36 at the repeat" "$work/err" "36 /Content/To_Account/1"
expect_exit 1 "no account at all is refused" -- "$bin" schedule add "$work/all.json" --in 120 --to " , " "${s[@]}"
expect_in "35: none named" "$work/err" "35 /Content/To_Account"
expect_exit 2 "--to and --to-file together" -- "$bin" schedule add "$work/all.json" --in 120 --to a --to-file "$work/x" "${s[@]}"
expect_exit 0 "schedule add --to" -- "$bin" schedule add "$work/all.json" --in 120 --to user1,user2 "${s[@]}"
id=$(grep -o 'task [0-9]*' "$work/out" | head -1 | awk '{print $2}')
[ -n "$id" ] || fail "no TaskID in: $(cat "$work/out")"
printf 'user5\nuser6\nuser7\n' >"$work/accounts"
expect_exit 0 "schedule add --to-file" -- "$bin" schedule add "$work/all.json" --in 180 --to-file "$work/accounts" "${s[@]}"

expect_exit 0 "schedule list" -- "$bin" schedule list "${s[@]}"
expect_in "list shows Type User" "$work/out" "task $id  User  pending"
expect_in "list shows the accounts" "$work/out" "2 account(s): user1, user2"
expect_in "the file's accounts" "$work/out" "3 account(s): user5, user6, user7"
expect_exit 0 "schedule get --json" -- "$bin" schedule get "$id" "${s[@]}" --json
python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))["TaskInfo"]
assert t["Type"] == "User", t
assert t["Content"]["To_Account"] == ["user1", "user2"], t
assert "Condition" not in t["Content"], t
' "$work/out" || fail "get --json: $(head -c 400 "$work/out")"

# modify keeps Type User: new accounts alone, or a new content with the task's own accounts.
expect_exit 0 "modify the accounts" -- "$bin" schedule modify "$id" --to user3 "${s[@]}"
sleep 1.1  # 5 calls a second per API
printf '{"MsgRandom":22,"OfflinePushInfo":{"Title":"新标题","Desc":"新内容"}}' >"$work/new.json"
expect_exit 0 "modify the content" -- "$bin" schedule modify "$id" --content "$work/new.json" "${s[@]}"
expect_exit 0 "get after modify" -- "$bin" schedule get "$id" "${s[@]}" --lang zh
expect_in "the accounts stayed" "$work/out" "1 个:user3"
expect_in "the new title" "$work/out" "新标题"
sleep 1.1
printf '{"MsgRandom":23,"Condition":{"TagsOr":["股票A"]},"OfflinePushInfo":{"Title":"t","Desc":"d"}}' >"$work/tag.json"
expect_exit 0 "a Tag task" -- "$bin" schedule add "$work/tag.json" --in 120 "${s[@]}"
tag=$(grep -o 'task [0-9]*' "$work/out" | head -1 | awk '{print $2}')
expect_exit 2 "--to on a Tag task is bad usage" -- "$bin" schedule modify "$tag" --to user1 "${s[@]}"

# Riyadh has one documented host; --backup says so rather than sending to an empty host.
expect_exit 2 "riyadh --backup" -- "$bin" schedule list --region riyadh --backup --sdkappid 1400000000
expect_in "no backup host, in English" "$work/err" "Riyadh has no backup host"
expect_in "names the main host" "$work/err" "adminapiksa.im.qcloud.com"
expect_exit 2 "riyadh --backup in Chinese" -- "$bin" schedule list --region riyadh --backup --sdkappid 1400000000 --lang zh
expect_in "no backup host, in Chinese" "$work/err" "没有备用域名"

[ "$failures" = 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "schedule_user.sh: all passed"
