#!/usr/bin/env bash
# `timpush sign`: key from the environment or a file, --key refused, strict numbers, the UserSig
# alone on stdout. Usage: bash sign.sh /path/to/timpush
set -u
TIMPUSH=${1:?usage: sign.sh /path/to/timpush}
DIR=$(cd "$(dirname "$0")" && pwd)
REF="$DIR/../tools/usersig_reference.py"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILS=0
fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }
# expect_exit CODE DESCRIPTION -- command...
expect_exit() {
  local want=$1 what=$2; shift 3
  "$@" >"$TMP/out" 2>"$TMP/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want (stderr: $(cat "$TMP/err"))"
}

KEY=5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e
unset TIMPUSH_SECRET_KEY

# Key from the environment; the UserSig is the only output line and has only UserSig characters.
expect_exit 0 "sign with env key" -- env TIMPUSH_SECRET_KEY=$KEY "$TIMPUSH" sign --sdkappid 1400000000 --identifier administrator --time 1700000000 --expire 86400
SIG_ENV=$(cat "$TMP/out")
[ "$(wc -l <"$TMP/out")" -eq 1 ] || fail "stdout should be one line, got: $(cat "$TMP/out")"
[[ "$SIG_ENV" =~ ^[A-Za-z0-9*_-]+$ ]] || fail "not a UserSig: $SIG_ENV"
[ -s "$TMP/err" ] && fail "a console-shaped key should give no note, got: $(cat "$TMP/err")"

# The same from a key file with a trailing newline (stripped), and from stdin.
printf '%s\n' "$KEY" >"$TMP/key.txt"
expect_exit 0 "sign with --key-file" -- "$TIMPUSH" sign --sdkappid 1400000000 --identifier administrator --time 1700000000 --expire 86400 --key-file "$TMP/key.txt"
[ "$(cat "$TMP/out")" = "$SIG_ENV" ] || fail "--key-file and the environment gave different UserSigs"
printf '%s\r\n' "$KEY" | "$TIMPUSH" sign --sdkappid 1400000000 --identifier administrator --time 1700000000 --expire 86400 --key-file - >"$TMP/out" 2>/dev/null
[ "$(cat "$TMP/out")" = "$SIG_ENV" ] || fail "--key-file - (CRLF) gave a different UserSig"

# --key-file wins over the environment.
printf 'other-key' >"$TMP/other.txt"
TIMPUSH_SECRET_KEY=$KEY "$TIMPUSH" sign --sdkappid 1400000000 --identifier administrator --time 1700000000 --expire 86400 --key-file "$TMP/other.txt" >"$TMP/out" 2>"$TMP/err"
[ "$(cat "$TMP/out")" != "$SIG_ENV" ] || fail "--key-file should override TIMPUSH_SECRET_KEY"
grep -q "64 hexadecimal" "$TMP/err" || fail "an odd-shaped key should give a note on stderr"
grep -q "other-key" "$TMP/err" && fail "the note must not show the key"

# The Python reference (independent) checks what we signed.
if command -v python3 >/dev/null; then
  OUT=$(TIMPUSH_SECRET_KEY=$KEY python3 "$REF" verify "$SIG_ENV" 1400000000 administrator 1700000000)
  [ "$OUT" = "valid" ] || fail "python reference does not verify our UserSig: $OUT"
  DOC=$(python3 "$REF" decode "$SIG_ENV")
  [[ "$DOC" == *'"TLS.expire": 86400'* && "$DOC" == *'"TLS.time": 1700000000'* ]] || fail "decoded document: $DOC"
else
  fail "python3 is needed for the cross-check"
fi

# Defaults: expire 180 days, time now (within a minute of the shell's clock).
NOW=$(date +%s)
TIMPUSH_SECRET_KEY=$KEY "$TIMPUSH" sign --sdkappid 1400000000 --identifier administrator >"$TMP/out" 2>&1
DOC=$(python3 "$REF" decode "$(cat "$TMP/out")")
[[ "$DOC" == *'"TLS.expire": 15552000'* ]] || fail "default expire should be 15552000: $DOC"
T=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["TLS.time"])' "$DOC")
[ $((T - NOW)) -ge -60 ] && [ $((T - NOW)) -le 60 ] || fail "default time $T is not now ($NOW)"

# --key is refused, in every spelling, without echoing the key; nothing on stdout.
expect_exit 2 "--key VALUE" -- "$TIMPUSH" sign --sdkappid 1 --identifier a --key s3cr3t-value
grep -q "shell history" "$TMP/err" || fail "--key refusal should explain why: $(cat "$TMP/err")"
grep -q "s3cr3t-value" "$TMP/err" && fail "--key refusal must not echo the key"
[ -s "$TMP/out" ] && fail "--key refusal printed to stdout"
expect_exit 2 "--key=VALUE" -- "$TIMPUSH" sign --sdkappid 1 --identifier a --key=s3cr3t-value
grep -q "shell history" "$TMP/err" || fail "--key= refusal should explain why"
grep -q "s3cr3t-value" "$TMP/err" && fail "--key= refusal must not echo the key"

# No key at all, unreadable or empty key file.
expect_exit 2 "no key" -- "$TIMPUSH" sign --sdkappid 1 --identifier a
grep -q "TIMPUSH_SECRET_KEY" "$TMP/err" || fail "no-key message should name TIMPUSH_SECRET_KEY"
expect_exit 2 "missing key file" -- "$TIMPUSH" sign --sdkappid 1 --identifier a --key-file "$TMP/none"
: >"$TMP/empty"
expect_exit 2 "empty key file" -- "$TIMPUSH" sign --sdkappid 1 --identifier a --key-file "$TMP/empty"

# Bad numbers: one line on stderr, exit 2.
for bad in abc -1 4294967296 0 "" 14e8 " 1"; do
  expect_exit 2 "sdkappid '$bad'" -- env TIMPUSH_SECRET_KEY=$KEY "$TIMPUSH" sign --sdkappid "$bad" --identifier a
  [ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "sdkappid '$bad': expected one stderr line, got: $(cat "$TMP/err")"
  [ -s "$TMP/out" ] && fail "sdkappid '$bad' printed to stdout"
done
expect_exit 0 "sdkappid 4294967295" -- env TIMPUSH_SECRET_KEY=$KEY "$TIMPUSH" sign --sdkappid 4294967295 --identifier a
for bad in -5 1.5 x; do
  expect_exit 2 "expire '$bad'" -- env TIMPUSH_SECRET_KEY=$KEY "$TIMPUSH" sign --sdkappid 1 --identifier a --expire "$bad"
  grep -q -- "--expire" "$TMP/err" || fail "expire '$bad': message should name --expire"
done
expect_exit 2 "time -1" -- env TIMPUSH_SECRET_KEY=$KEY "$TIMPUSH" sign --sdkappid 1 --identifier a --time -1
expect_exit 2 "missing identifier" -- env TIMPUSH_SECRET_KEY=$KEY "$TIMPUSH" sign --sdkappid 1
expect_exit 2 "empty identifier" -- env TIMPUSH_SECRET_KEY=$KEY "$TIMPUSH" sign --sdkappid 1 --identifier ""
expect_exit 2 "stray argument" -- env TIMPUSH_SECRET_KEY=$KEY "$TIMPUSH" sign --sdkappid 1 --identifier a extra
expect_exit 0 "--help" -- "$TIMPUSH" sign --help
grep -q "TIMPUSH_SECRET_KEY" "$TMP/out" || fail "--help should explain where the key comes from"

if [ "$FAILS" -ne 0 ]; then echo "$FAILS failure(s)"; exit 1; fi
echo "sign.sh: all passed"
