#!/usr/bin/env bash
# Cross-check of `timpush sign`/`verify-sig` with the independent Python implementation
# (tests/tools/usersig_reference.py): each side verifies the other's UserSigs, at several zlib
# levels and with a non-ASCII identifier. Usage: bash usersig_python.sh /path/to/timpush
set -u
TIMPUSH=${1:?usage: usersig_python.sh /path/to/timpush}
REF="$(cd "$(dirname "$0")" && pwd)/../tools/usersig_reference.py"
command -v python3 >/dev/null || { echo "FAIL: python3 is needed"; exit 1; }
FAILS=0
fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }
export TIMPUSH_SECRET_KEY="a key with spaces and 中文"

for ID in administrator "管理员" "user_1-x"; do
  for T in 0 1569910200 1700000000; do
    OURS=$("$TIMPUSH" sign --sdkappid 1400000000 --identifier "$ID" --time $T --expire 600 2>/dev/null)
    R=$(python3 "$REF" verify "$OURS" 1400000000 "$ID" $((T + 600)))
    [ "$R" = valid ] || fail "python rejects our UserSig for '$ID' at $T: $R"
    R=$(python3 "$REF" verify "$OURS" 1400000000 "$ID" $((T + 601)))
    [ "$R" = expired ] || fail "python should see ours expire one second after time + expire: $R"
    for LEVEL in 0 1 9; do
      THEIRS=$(python3 "$REF" generate 1400000000 "$ID" $T 600 --level $LEVEL)
      printf '%s\n' "$THEIRS" | "$TIMPUSH" verify-sig --sdkappid 1400000000 --identifier "$ID" --now $T >/tmp/usersig_python.$$ 2>&1 \
        || fail "we reject python's UserSig (level $LEVEL, '$ID', $T): $(cat /tmp/usersig_python.$$)"
      grep -q "verified with the SecretKey" /tmp/usersig_python.$$ || fail "signature not verified for python's UserSig"
    done
  done
done
rm -f /tmp/usersig_python.$$

# A different key on either side fails with 70009 here and "signature mismatch" there.
THEIRS=$(TIMPUSH_SECRET_KEY=other python3 "$REF" generate 1400000000 administrator 1700000000 600)
OUT=$(printf '%s\n' "$THEIRS" | "$TIMPUSH" verify-sig --sdkappid 1400000000 --identifier administrator --now 1700000000 2>/dev/null)
[[ "$OUT" == *"70009"* ]] || fail "another key should give 70009: $OUT"

if [ "$FAILS" -ne 0 ]; then echo "$FAILS failure(s)"; exit 1; fi
echo "usersig_python.sh: all passed"
