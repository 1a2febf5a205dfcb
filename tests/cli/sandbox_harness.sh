# Sourced by the CLI scripts that talk to a live sandbox (broadcast.sh, follow.sh,
# schedule_user.sh): the checks they share and a `timpush serve` on port 0. The caller sets `bin`
# (the timpush program) first. Gives `work` (a scratch folder, removed on exit), `url` (the
# server's), `s` (the --sandbox option for it), `fail`, `expect_exit`, `expect_in` and a
# `failures` count the caller reports.
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_exit() {  # expect_exit CODE DESCRIPTION -- COMMAND...; stdout in $work/out, stderr in $work/err
  local want=$1 what=$2
  shift 3
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" = "$want" ] || fail "$what: exit $got, expected $want (stderr: $(head -c 300 "$work/err"))"
}
expect_in() {  # expect_in DESCRIPTION FILE TEXT
  grep -qF -- "$3" "$2" || fail "$1: no '$3' in: $(head -c 600 "$2")"
}

mkdir -p "$work/site"
env -u TIMPUSH_SECRET_KEY "$bin" serve --port 0 --root "$work/site" --quiet >"$work/serve" 2>&1 &
pid=$!
for _ in $(seq 1 200); do grep -q '^timpush: serving .* at http://127\.0\.0\.1:[0-9]*/$' "$work/serve" 2>/dev/null && break; sleep 0.05; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve" | head -1)
[ -n "$url" ] || { echo "FAIL: no URL line: $(cat "$work/serve")" >&2; exit 1; }
s=(--sandbox "$url")
