#!/usr/bin/env bash
# `timpush lessons check`: the shipped lessons hold, and a broken lesson file is named with why.
# Run by ctest as: bash lessons.sh /path/to/timpush
set -u
bin=${1:?usage: lessons.sh /path/to/timpush}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# The shipped lessons: each passes with its model answer and fails with its start.
"$bin" lessons check "$here/../../web/lessons" >"$work/out" 2>"$work/err" || fail "shipped lessons: $(cat "$work/out" "$work/err")"
[ "$(grep -c '^ok ' "$work/out")" -ge 12 ] || fail "fewer than 12 lessons: $(cat "$work/out")"
# The four over several calls hold too (their models are a test send, a schedule, a push and its
# loss, a push and its revoke).
for id in test-send scheduled-push follow-loss revoke; do
  grep -q "^ok $id\$" "$work/out" || fail "$id: $(grep "$id" "$work/out")"
done

# A lesson whose start already passes teaches nothing; one whose id is not its name is refused.
# A revoke of another task than the model's own push does not pass its own check either.
cp "$here/../../web/lessons/tags-or.json" "$work/tags-or.json"
python3 - "$work" "$here/../../web/lessons/revoke.json" <<'PY'
import json, sys
work = sys.argv[1]
revoke = json.load(open(sys.argv[2]))
revoke["model_steps"][1]["body"]["TaskId"] = "another_task"
json.dump(revoke, open(work + "/revoke.json", "w"), ensure_ascii=False)
doc = json.load(open(work + "/tags-or.json"))
doc["start"] = doc["model"]
json.dump(doc, open(work + "/tags-or.json", "w"), ensure_ascii=False)
doc["id"] = "elsewhere"
json.dump(doc, open(work + "/renamed.json", "w"), ensure_ascii=False)
PY
"$bin" lessons check "$work" >"$work/out" 2>"$work/err"
[ $? = 1 ] || fail "broken lessons: expected exit 1"
grep -q '^FAIL tags-or: the starting request already passes' "$work/out" || fail "start that passes: $(cat "$work/out")"
grep -q '^FAIL renamed: lesson field "id"' "$work/out" || fail "id mismatch: $(cat "$work/out")"
grep -q '^FAIL revoke: the model answer does not pass' "$work/out" || fail "revoke of another task: $(cat "$work/out")"
"$bin" lessons check "$work" --lang zh >"$work/out" 2>&1
grep -q '起始请求已能通过' "$work/out" || fail "zh: $(cat "$work/out")"

# Bad usage and a folder with no lessons: exit 2 with a message.
"$bin" lessons check "$work/none" >/dev/null 2>"$work/err"
[ $? = 2 ] || fail "missing folder: expected exit 2"
grep -q 'no lesson files' "$work/err" || fail "missing folder message: $(cat "$work/err")"
"$bin" lessons grade >/dev/null 2>&1
[ $? = 2 ] || fail "unknown subcommand: expected exit 2"

[ "$failures" -eq 0 ] || exit 1
echo "lessons: ok"
