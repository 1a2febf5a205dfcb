#!/usr/bin/env bash
# `timpush explain`: a body field by its pointer (an item by its list's entry), a query parameter,
# a UserSig field, Chinese, the whole table, and a field the documents do not name.
# Run by ctest as: bash explain.sh /path/to/timpush
set -u
bin=${1:?usage: explain.sh /path/to/timpush}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

expect_exit() {  # expect_exit CODE DESCRIPTION -- COMMAND...
  local want=$1 what=$2
  shift 3
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" = "$want" ] || fail "$what: exit $got, expected $want (stderr: $(head -c 300 "$work/err"))"
}

# A tag of TagsOr: its meaning, the codes that guard it with their catalogue meaning, the form.
expect_exit 0 "a tag" -- "$bin" explain /Condition/TagsOr/3
[ "$(sed -n 1p "$work/out")" = "/Condition/TagsOr/3" ] || fail "tag line 1: $(cat "$work/out")"
grep -q '^  rule 90020: A tag is longer than 50 bytes\.$' "$work/out" || fail "tag rule 90020: $(cat "$work/out")"
grep -q '^  form: Form > Audience > Tags > TagsOr$' "$work/out" || fail "tag form: $(cat "$work/out")"

# A vendor field names the platforms that read it (vendors.md section 4: Xiaomi only).
expect_exit 0 "XiaoMiChannelID" -- "$bin" explain /OfflinePushInfo/AndroidInfo/XiaoMiChannelID
grep -q '^  read by: Xiaomi$' "$work/out" || fail "XiaoMiChannelID readers: $(cat "$work/out")"

# The query string and a UserSig's field.
expect_exit 0 "?sdkappid" -- "$bin" explain '?sdkappid'
grep -q 'rule 70016: ' "$work/out" || fail "?sdkappid cites 70016: $(cat "$work/out")"
grep -q '^  form: Credentials > SDKAppID$' "$work/out" || fail "?sdkappid form: $(cat "$work/out")"
expect_exit 0 "TLS.expire" -- "$bin" explain TLS.expire --lang zh
grep -q '规则 70001：UserSig 已过期。' "$work/out" || fail "TLS.expire in Chinese: $(cat "$work/out")"

# The whole table, then a field nobody documents.
expect_exit 0 "the table" -- "$bin" explain
[ "$(wc -l <"$work/out")" -ge 60 ] || fail "the table has $(wc -l <"$work/out") lines"
expect_exit 1 "unknown field" -- "$bin" explain /Nope
grep -q 'no explanation for' "$work/err" || fail "unknown field message: $(cat "$work/err")"
expect_exit 2 "two fields" -- "$bin" explain /MsgRandom /DataId

[ "$failures" = 0 ] && echo "explain: ok"
exit $((failures > 0))
