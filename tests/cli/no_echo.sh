#!/usr/bin/env bash
# What the user typed by mistake is not repeated when it could be a secret: a SecretKey or UserSig
# given as an argument, or as the value of an option, never appears in the messages of any
# command, which still say what was wrong. Short values (a bad --lang) are still shown.
# Usage: bash no_echo.sh /path/to/timpush
set -u
bin=${1:?usage: no_echo.sh /path/to/timpush}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

KEY=5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e
SIG=$(TIMPUSH_SECRET_KEY=$KEY "$bin" sign --sdkappid 1400000000 --identifier administrator)
[ -n "$SIG" ] || { echo "FAIL: cannot sign"; exit 1; }

# refused WANT_EXIT WHAT WORD -- COMMAND...: exits WANT_EXIT, says WORD, shows no piece of the
# key or the UserSig anywhere in its output.
refused() {
  local want=$1 what=$2 word=$3; shift 4
  "$@" </dev/null >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want ($(cat "$work/err"))"
  grep -qF -- "$word" "$work/err" || fail "$what: stderr lacks '$word': $(cat "$work/err")"
  for piece in "${KEY:0:16}" "${KEY:24:16}" "${SIG:0:16}" "${SIG:40:16}"; do
    grep -qF -- "$piece" "$work/out" "$work/err" && fail "$what: repeats what was typed: $(cat "$work/err")"
  done
}

unset TIMPUSH_SECRET_KEY
for value in "$KEY" "$SIG"; do
  refused 2 "sign: stray argument" "unexpected argument #1" -- env TIMPUSH_SECRET_KEY=$KEY \
    "$bin" sign --sdkappid 1 --identifier a "$value"
  refused 2 "sign: --sdkappid" "--sdkappid must be" -- env TIMPUSH_SECRET_KEY=$KEY \
    "$bin" sign --sdkappid "$value" --identifier a
  refused 2 "sign: --expire" "not shown" -- env TIMPUSH_SECRET_KEY=$KEY \
    "$bin" sign --sdkappid 1 --identifier a --expire "$value"
  refused 2 "sign: --key-file" "no such file" -- "$bin" sign --sdkappid 1 --identifier a --key-file "$value"
  refused 2 "verify-sig: argv" "shell history" -- "$bin" verify-sig --sdkappid 1 --identifier a "$value"
  refused 2 "verify-sig: --now" "--now must be" -- "$bin" verify-sig --sdkappid 1 --identifier a --now "$value"
  refused 2 "verify-sig: --sig-file" "no such file" -- "$bin" verify-sig --sdkappid 1 --identifier a --sig-file "$value"
  refused 2 "verify-sig: --lang" "--lang must be" -- "$bin" verify-sig --sdkappid 1 --identifier a --lang "$value"
  refused 2 "validate: FILE" "no such file" -- "$bin" validate "$value"
  refused 2 "validate: --lang" "--lang must be" -- "$bin" validate --lang "$value"
  refused 2 "code: CODE" "CODE must be a number" -- "$bin" code "$value"
  refused 1 "code: --search" "no error code mentions" -- "$bin" code --search "$value"
  refused 2 "unknown command" "unknown command" -- "$bin" "$value"
  refused 2 "unknown option" "unknown option" -- "$bin" validate "--$value"
done

# A short value that cannot be a key is still shown, so the mistake is easy to see.
refused 2 "short --lang" "'fr'" -- "$bin" validate --lang fr
refused 2 "short --sdkappid" "'14e8'" -- env TIMPUSH_SECRET_KEY=$KEY "$bin" sign --sdkappid 14e8 --identifier a
refused 1 "unknown code" "unknown error code 12345" -- "$bin" code 12345
# The same messages in Chinese where the command has --lang.
refused 2 "zh: CODE" "CODE 必须是数字" -- "$bin" code "$KEY" --lang zh
refused 2 "zh: FILE" "文件不存在" -- "$bin" validate "$KEY" --lang zh

if [ "$fails" -ne 0 ]; then echo "$fails failure(s)"; exit 1; fi
echo "no_echo.sh: all passed"
