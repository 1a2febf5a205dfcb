#!/usr/bin/env bash
# `timpush code`: one code explained, search by word, the whole table, languages, bad input.
# Run by ctest as: bash code.sh /path/to/timpush
set -u
bin=${1:?usage: code.sh /path/to/timpush}
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

# One code: meaning, then the fix, in English by default.
expect_exit 0 "code 90020" -- "$bin" code 90020
[ "$(sed -n 1p "$work/out")" = "90020: A tag is longer than 50 bytes." ] || fail "90020 line 1: $(cat "$work/out")"
sed -n 2p "$work/out" | grep -q '^  fix: .*50 bytes' || fail "90020 fix: $(cat "$work/out")"

# Codes listed together in the reference are explained one by one.
for code in 60004 60005 70003 70005 90049 90050 90051 90052 90053 91000 80002; do
  expect_exit 0 "code $code" -- "$bin" code "$code"
  grep -q "^$code: " "$work/out" || fail "code $code: $(cat "$work/out")"
done

# Chinese.
expect_exit 0 "code --lang zh" -- "$bin" code 90056 --lang zh
grep -q '^90056: .*10K' "$work/out" || fail "zh 90056: $(cat "$work/out")"
grep -q '解决' "$work/out" || fail "zh fix label: $(cat "$work/out")"

# Unknown code: a clear message, exit 1; not a number: usage error, exit 2.
expect_exit 1 "unknown code" -- "$bin" code 12345
grep -q 'unknown error code 12345' "$work/err" || fail "unknown code message: $(cat "$work/err")"
[ ! -s "$work/out" ] || fail "unknown code printed on stdout"
expect_exit 2 "not a number" -- "$bin" code 9002x
expect_exit 2 "two codes" -- "$bin" code 90001 90005
expect_exit 2 "bad --lang" -- "$bin" code 90001 --lang de
expect_exit 2 "code and --search" -- "$bin" code 90001 --search tag

# --search: any case, either language, digits of codes.
expect_exit 0 "search usersig" -- "$bin" code --search USERSIG
for code in 70001 70002 70003; do
  grep -q "^$code  " "$work/out" || fail "search USERSIG lacks $code: $(cat "$work/out")"
done
grep -q '^90020 ' "$work/out" && fail "search USERSIG matched 90020"
expect_exit 0 "search Chinese" -- "$bin" code --search 撤回 --lang zh
[ "$(grep -c '^9005[0-3]  \|^90049  ' "$work/out")" -eq 5 ] || fail "search 撤回: $(cat "$work/out")"
expect_exit 0 "search digits" -- "$bin" code --search=9004
[ "$(cut -d' ' -f1 "$work/out" | tr '\n' ' ')" = "90040 90045 90047 90049 " ] || fail "search 9004: $(cat "$work/out")"
expect_exit 1 "search without match" -- "$bin" code --search qwertyuiop
grep -q 'qwertyuiop' "$work/err" || fail "no-match message: $(cat "$work/err")"

# No argument: the whole table, sorted.
expect_exit 0 "whole table" -- "$bin" code
[ "$(wc -l <"$work/out")" -ge 61 ] || fail "whole table: $(wc -l <"$work/out") lines"
cut -d' ' -f1 "$work/out" | sort -n -c || fail "whole table not sorted"

expect_exit 0 "--help" -- "$bin" code --help
for word in "--search" "--lang" "exit status"; do
  grep -qF -- "$word" "$work/out" || fail "--help lacks '$word'"
done

if [ "$failures" -ne 0 ]; then
  echo "code.sh: $failures failure(s)" >&2
  exit 1
fi
echo "code.sh: all passed"
