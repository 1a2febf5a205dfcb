#!/usr/bin/env bash
# `timpush verify-sig`: the decoded fields, each failure's code and reason, exit codes, key sources,
# and the UserSig taken from standard input or --sig-file only, never from the command line.
# Usage: bash verify_sig.sh /path/to/timpush
set -u
TIMPUSH=${1:?usage: verify_sig.sh /path/to/timpush}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILS=0
fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }
# Each command reads $TMP/in as standard input: put sets what it holds.
put() { printf '%s\n' "$1" >"$TMP/in"; }
: >"$TMP/in"
expect_exit() {
  local want=$1 what=$2; shift 3
  "$@" <"$TMP/in" >"$TMP/out" 2>"$TMP/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want (stdout: $(cat "$TMP/out") stderr: $(cat "$TMP/err"))"
}
has() { grep -qF -- "$2" "$TMP/out" || fail "$1: stdout lacks '$2': $(cat "$TMP/out")"; }

KEY=5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e
unset TIMPUSH_SECRET_KEY
printf '%s\n' "$KEY" >"$TMP/key.txt"
T=1700000000
SIG=$(TIMPUSH_SECRET_KEY=$KEY "$TIMPUSH" sign --sdkappid 1400000000 --identifier administrator --time $T --expire 86400)
[ -n "$SIG" ] || { echo "FAIL: cannot sign"; exit 1; }
V=("$TIMPUSH" verify-sig --sdkappid 1400000000 --identifier administrator)

# Valid, with the key from the environment: every field is printed.
put "$SIG"
expect_exit 0 "valid (env key)" -- env TIMPUSH_SECRET_KEY=$KEY "${V[@]}" --now $((T + 3600))
has valid "SDKAppID:   1400000000"
has valid "identifier: administrator"
has valid "issued at:  2023-11-14T22:13:20Z (1700000000)"
has valid "validity:   86400 s (1 day)"
has valid "expires at: 2023-11-15T22:13:20Z (1700086400)"
has valid "remaining:  23 h (82800 s)"
has valid "signature:  verified with the SecretKey"
has valid "result:     valid"

# Valid with the key from a file; the same judged by stdin input of the UserSig.
put "$SIG"
expect_exit 0 "valid (key file)" -- "${V[@]}" --now $T --key-file "$TMP/key.txt"
echo "$SIG" | "${V[@]}" --now $T --key-file "$TMP/key.txt" - >"$TMP/out" 2>&1 || fail "USERSIG from stdin (-): $(cat "$TMP/out")"
printf '%s\r\n' "$SIG" >"$TMP/sig.txt"
: >"$TMP/in"
expect_exit 0 "--sig-file" -- "${V[@]}" --now $T --key-file "$TMP/key.txt" --sig-file "$TMP/sig.txt"
has "--sig-file" "result:     valid"

# Without a key: exit 0, and it says the signature was not checked.
put "$SIG"
expect_exit 0 "no key" -- "${V[@]}" --now $T
has "no key" "signature:  not checked"
has "no key" "TIMPUSH_SECRET_KEY"

# 70009: wrong key.
printf 'another-apps-key' >"$TMP/other.txt"
put "$SIG"
expect_exit 1 "wrong key" -- "${V[@]}" --now $T --key-file "$TMP/other.txt"
has "wrong key" "result:     70009 signature mismatch"
has "wrong key" "signature:  does not match the SecretKey"

# 70001: expired, saying when, with the fields still shown.
put "$SIG"
expect_exit 1 "expired" -- env TIMPUSH_SECRET_KEY=$KEY "${V[@]}" --now $((T + 86400 + 7200))
has expired "70001 expired: issued at 2023-11-14T22:13:20Z (1700000000)"
has expired "7200 s (2 h) ago"
has expired "identifier: administrator"
has expired "remaining:  expired 2 h ago (7200 s)"
has expired "fix:"
# The last valid second, then the first expired one.
put "$SIG"
expect_exit 0 "at time + expire" -- env TIMPUSH_SECRET_KEY=$KEY "${V[@]}" --now $((T + 86400))
put "$SIG"
expect_exit 1 "one second later" -- env TIMPUSH_SECRET_KEY=$KEY "${V[@]}" --now $((T + 86401))

# 70013 and 70014 name both values.
put "$SIG"
expect_exit 1 "identifier mismatch" -- "$TIMPUSH" verify-sig --sdkappid 1400000000 --identifier admin --now $T
has 70013 "70013 identifier mismatch: the UserSig was issued for 'administrator', the request uses 'admin'"
put "$SIG"
expect_exit 1 "sdkappid mismatch" -- "$TIMPUSH" verify-sig --sdkappid 1400000001 --identifier administrator --now $T
has 70014 "70014 SDKAppID mismatch: the UserSig was issued for 1400000000, the request uses 1400000001"

# 70002 and 70003 with what failed.
put ""
expect_exit 1 "empty" -- "${V[@]}" --now $T
has 70002 "70002"
put "eJyr%2AVgrx"
expect_exit 1 "bad base64" -- "${V[@]}" --now $T
has base64 "70003 malformed UserSig: not valid base64: character 5 is '%'"
put "${SIG:0:60}"
expect_exit 1 "truncated" -- "${V[@]}" --now $T
has truncated "70003 malformed UserSig: zlib"
put "SGVsbG8gd29ybGQ"
expect_exit 1 "not zlib" -- "${V[@]}" --now $T
has "not zlib" "zlib: incorrect header check"

# A very large input answers quickly.
# (Through stdin: one argument of 1 MB is beyond what the kernel passes to a program.)
head -c 1000000 /dev/zero | tr '\0' 'A' >"$TMP/big"
START=$(date +%s%N)
expect_exit 1 "1 MB input" -- sh -c '"$@" <"$0"' "$TMP/big" "${V[@]}" --now $T -
ELAPSED_MS=$(( ($(date +%s%N) - START) / 1000000 ))
has "1 MB input" "70003"
[ "$ELAPSED_MS" -lt 3000 ] || fail "1 MB input took $ELAPSED_MS ms"

# Chinese report.
put "$SIG"
expect_exit 1 "zh" -- env TIMPUSH_SECRET_KEY=$KEY "${V[@]}" --lang zh --now $((T + 86401))
has zh "70001 已过期"
has zh "签发时间"

# --json: one object with the code and decoded fields.
put "$SIG"
expect_exit 1 "json" -- "${V[@]}" --json --now $((T + 86401))
python3 - "$TMP/out" <<'PY' || fail "--json output: $(cat "$TMP/out")"
import json, sys
out = json.load(open(sys.argv[1]))
assert out["valid"] is False and out["code"] == 70001, out
assert out["decoded"]["identifier"] == "administrator", out
assert out["decoded"]["expires_at_utc"] == "2023-11-15T22:13:20Z", out
assert out["decoded"]["remaining_seconds"] == -1, out
assert out["signature_checked"] is False, out
PY

# Usage errors: exit 2, one line on stderr.
put "$SIG"
expect_exit 2 "--key refused" -- "${V[@]}" --key s3cr3t
grep -q "shell history" "$TMP/err" || fail "--key refusal should explain why"
grep -q "s3cr3t" "$TMP/err" && fail "--key refusal must not echo the key"
# The UserSig on the command line is refused, saying why, without repeating it, in both languages.
expect_exit 2 "usersig in argv" -- "${V[@]}" --now $T "$SIG"
grep -q "shell history" "$TMP/err" || fail "argv refusal should explain why: $(cat "$TMP/err")"
grep -q -- "--sig-file" "$TMP/err" || fail "argv refusal should say what to do instead"
grep -qF -- "${SIG:0:20}" "$TMP/err" "$TMP/out" && fail "argv refusal must not echo the UserSig"
[ -s "$TMP/out" ] && fail "argv refusal printed to stdout"
expect_exit 2 "usersig in argv (zh)" -- "${V[@]}" --lang zh --now $T "$SIG"
grep -q "shell 历史" "$TMP/err" || fail "zh argv refusal: $(cat "$TMP/err")"
grep -qF -- "${SIG:0:20}" "$TMP/err" && fail "zh argv refusal must not echo the UserSig"
expect_exit 2 "two usersigs" -- "${V[@]}" "$SIG" "$SIG"
grep -qF -- "${SIG:0:20}" "$TMP/err" && fail "two usersigs: must not echo them"
# Standard input cannot carry both; a missing --sig-file is named without its path.
expect_exit 2 "key and usersig on stdin" -- "${V[@]}" --key-file -
expect_exit 2 "missing sig file" -- "${V[@]}" --sig-file "$TMP/no-such-sig"
grep -q "no such file" "$TMP/err" || fail "missing sig file: $(cat "$TMP/err")"
grep -q "no-such-sig" "$TMP/err" && fail "missing sig file: the path is not repeated"
: >"$TMP/in"
expect_exit 1 "nothing on stdin" -- "${V[@]}" --now $T
has "nothing on stdin" "70002"
put "$SIG"
expect_exit 2 "bad sdkappid" -- "$TIMPUSH" verify-sig --sdkappid x --identifier a
[ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "bad sdkappid: expected one stderr line"
put "$SIG"
expect_exit 2 "missing identifier" -- "$TIMPUSH" verify-sig --sdkappid 1
put "$SIG"
expect_exit 2 "bad --now" -- "${V[@]}" --now yesterday
put "$SIG"
expect_exit 2 "bad --lang" -- "${V[@]}" --lang fr
put "$SIG"
expect_exit 2 "missing key file" -- "${V[@]}" --key-file "$TMP/none"

if [ "$FAILS" -ne 0 ]; then echo "$FAILS failure(s)"; exit 1; fi
echo "verify_sig.sh: all passed"
