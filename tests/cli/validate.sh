#!/usr/bin/env bash
# `timpush validate`: exit codes, the line format, the --json shape, languages and bad input.
# Run by ctest as: bash validate.sh /path/to/timpush
set -u
bin=${1:?usage: validate.sh /path/to/timpush}
here=$(cd "$(dirname "$0")" && pwd)
examples=$here/../data/examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_exit CODE DESCRIPTION -- COMMAND...; leaves stdout in $work/out and stderr in $work/err
expect_exit() {
  local want=$1 what=$2
  shift 3
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" = "$want" ] || fail "$what: exit $got, expected $want (stderr: $(head -c 300 "$work/err"))"
}

expect_line() {  # expect_line DESCRIPTION EXACT-LINE (in $work/out)
  grep -qxF -- "$2" "$work/out" || fail "$1: no line '$2' in: $(cat "$work/out")"
}

strip_comments() { sed 's#[[:space:]]*//.*$##' "$1"; }

# The product document's examples, comments removed, have no errors.
for f in "$examples"/*.json; do
  strip_comments "$f" >"$work/clean.json"
  expect_exit 0 "$(basename "$f") from a file" -- "$bin" validate "$work/clean.json"
  expect_exit 0 "$(basename "$f") from stdin" -- sh -c '"$0" validate <"$1"' "$bin" "$work/clean.json"
  expect_exit 0 "$(basename "$f") from -" -- sh -c '"$0" validate - <"$1"' "$bin" "$work/clean.json"
done

# As printed in the document, with // comments: 90001 at line 5, column 16.
expect_exit 1 "example with comments" -- "$bin" validate "$examples/all_users_offline.json"
grep -q '^90001 (body): .*line 5, column 16' "$work/out" || fail "90001 line: $(cat "$work/out")"

# The online-only example sends plain-text Ext and no Condition: two warnings, exit 0.
strip_comments "$examples/all_users_online_only.json" >"$work/online.json"
expect_exit 0 "online-only example" -- "$bin" validate "$work/online.json"
expect_line "Ext warning" "warning 3 /OfflinePushInfo/Ext: Ext is not JSON text; some vendors drop a push whose Ext is not JSON"
grep -q '^warning 6 /Condition: ' "$work/out" || fail "all-users warning missing: $(cat "$work/out")"
[ "$(wc -l <"$work/out")" -eq 2 ] || fail "online-only example: expected 2 lines, got $(cat "$work/out")"
# (Online only: no notification on any device, so no device line either.)

# One line per issue, errors unprefixed, in document order.
printf '{"MsgRandom":1.5,"Condition":{"TagsOr":["a","%s"]},"OfflinePushInfo":{"Desc":"d"}}' \
  "$(printf 'x%.0s' $(seq 51))" >"$work/bad.json"
expect_exit 1 "two errors" -- "$bin" validate "$work/bad.json"
sed -n 1p "$work/out" | grep -q '^90005 /MsgRandom: MsgRandom is 1.5' || fail "first line: $(cat "$work/out")"
expect_line "tag length" "90020 /Condition/TagsOr/1: tag 2 of TagsOr is 51 bytes of UTF-8; the limit is 50 (a Chinese character takes 3)"
[ "$(grep -vc '^device ' "$work/out")" -eq 2 ] || fail "two errors: expected 2 issue lines, got $(cat "$work/out")"
# Then the device warnings (vendors.md §12: no OPPO channel ID means no notification on Android 8+;
# a one-letter text is the kind vendors filter).
grep -q '^device oppo 26 /OfflinePushInfo/AndroidInfo/OPPOChannelID: OPPO: no OPPOChannelID' "$work/out" ||
  fail "OPPO channel warning missing: $(cat "$work/out")"
grep -q '^device all 30 /OfflinePushInfo/Desc: ' "$work/out" || fail "test-like text warning missing: $(cat "$work/out")"
[ "$(grep -n '^device ' "$work/out" | head -1 | cut -d: -f1)" -gt 2 ] || fail "device lines must follow the issues"
grep -q '1 error\|2 errors' "$work/err" || fail "summary on stderr: $(cat "$work/err")"

# Exactly 10240 bytes is fine; one more byte is 90056 (counted on the file's own bytes).
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
base = {"MsgRandom": 1, "Condition": {"TagsOr": ["a"]}, "OfflinePushInfo": {"Desc": "d", "Title": ""}}
pad = 10240 - len(json.dumps(base, separators=(",", ":")))
base["OfflinePushInfo"]["Title"] = "t" * pad
text = json.dumps(base, separators=(",", ":"))
assert len(text.encode()) == 10240
open(work + "/at_limit.json", "w").write(text)
open(work + "/over_limit.json", "w").write(text + "\n")
PY
expect_exit 0 "10240 bytes" -- "$bin" validate "$work/at_limit.json"
expect_exit 1 "10241 bytes" -- "$bin" validate "$work/over_limit.json"
grep -q '^90056 (body): the body is 10241 bytes' "$work/out" || fail "90056 line: $(cat "$work/out")"

# --json: exactly {"ok","issues":[{"code","severity","pointer","message"}],"device_warnings":[...]}.
expect_exit 1 "--json" -- "$bin" validate --json "$work/bad.json"
python3 -c '
import json, sys
doc = json.load(open(sys.argv[1]))
assert list(doc) == ["ok", "issues", "device_warnings"], doc
for w in doc["device_warnings"]:
    assert list(w) == ["platform", "code", "hard", "pointer", "message"], w
assert {"platform": "oppo", "code": 26} in [{"platform": w["platform"], "code": w["code"]} for w in doc["device_warnings"]], doc
assert doc["ok"] is False
assert [i["code"] for i in doc["issues"]] == [90005, 90020], doc
for i in doc["issues"]:
    assert list(i) == ["code", "severity", "pointer", "message"], i
    assert isinstance(i["code"], int) and i["severity"] in ("error", "warning")
    assert isinstance(i["pointer"], str) and isinstance(i["message"], str) and i["message"]
assert doc["issues"][1]["pointer"] == "/Condition/TagsOr/1"
' "$work/out" || fail "--json shape: $(cat "$work/out")"

expect_exit 0 "--json clean with warnings" -- "$bin" validate --json "$work/online.json"
python3 -c '
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["ok"] is True
assert [i["severity"] for i in doc["issues"]] == ["warning", "warning"], doc
' "$work/out" || fail "--json warnings: $(cat "$work/out")"

printf 'not json' >"$work/text.txt"
expect_exit 1 "--json 90001" -- "$bin" validate --json "$work/text.txt"
python3 -c '
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["issues"][0]["code"] == 90001 and doc["issues"][0]["pointer"] == "", doc
' "$work/out" || fail "--json 90001: $(cat "$work/out")"

# --lang zh gives Chinese messages; a bad --lang is a usage error.
expect_exit 1 "--lang zh" -- "$bin" validate --lang zh "$work/bad.json"
grep -q '^90020 /Condition/TagsOr/1: TagsOr 的第 2 个标签为 51 字节' "$work/out" || fail "zh line: $(cat "$work/out")"
expect_exit 1 "--lang=zh --json" -- "$bin" validate --lang=zh --json "$work/bad.json"
grep -q '标签' "$work/out" || fail "zh json: $(cat "$work/out")"
expect_exit 2 "bad --lang" -- "$bin" validate --lang fr "$work/bad.json"
grep -q -- '--lang' "$work/err" || fail "bad --lang message: $(cat "$work/err")"
[ ! -s "$work/out" ] || fail "bad --lang printed on stdout"

# Unreadable input and usage errors: exit 2 with a message.
expect_exit 2 "missing file" -- "$bin" validate "$work/no-such-file.json"
# Says why, but not the path: an argument typed by mistake may be a secret (tests/cli/no_echo.sh).
grep -q 'no such file' "$work/err" || fail "missing file message: $(cat "$work/err")"
grep -q 'no-such-file' "$work/err" && fail "missing file message repeats the argument: $(cat "$work/err")"
expect_exit 2 "a directory" -- "$bin" validate "$work"
expect_exit 2 "two files" -- "$bin" validate "$work/bad.json" "$work/bad.json"
expect_exit 2 "unknown option" -- "$bin" validate --frobnicate "$work/bad.json"
if [ "$(id -u)" != 0 ]; then
  cp "$work/bad.json" "$work/secret.json" && chmod 000 "$work/secret.json"
  expect_exit 2 "unreadable file" -- "$bin" validate "$work/secret.json"
fi

# --help explains the format, the pointer convention and the exit codes.
expect_exit 0 "--help" -- "$bin" validate --help
for word in "warning CODE POINTER" "(body)" "--json" "--lang" "exit status"; do
  grep -qF -- "$word" "$work/out" || fail "--help lacks '$word'"
done

if [ "$failures" -ne 0 ]; then
  echo "validate.sh: $failures failure(s)" >&2
  exit 1
fi
echo "validate.sh: all passed"
