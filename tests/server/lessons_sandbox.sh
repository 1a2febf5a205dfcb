#!/usr/bin/env bash
# The answers the lesson files record (web/lessons: model_answer, start_answer) are the sandbox's
# own: each lesson checked on send has its model sent to `timpush serve`'s sandbox, and a lesson
# that expects a server error has its start sent as well (with a UserSig made from another key for
# 70009); the ErrorCode that comes back must be the recorded one. A lesson whose model is several
# calls (model_steps: a push then its revoke or its loss, a test send, a schedule) has them made in
# order, each TaskId the sandbox gives put where the file has the recorded one, a SchedAt an hour
# ahead and a loss asked once the push has settled (the sandbox's clock moved 61 s on); what varies
# is compared by shape (a test send's TaskId starts with batch_, add's TaskID is an integer), and a
# lesson's question must name the loss code that lost the most devices in the sandbox's answer.
# Run by ctest as: bash lessons_sandbox.sh /path/to/timpush
set -euo pipefail
bin=${1:?usage: lessons_sandbox.sh /path/to/timpush}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

mkdir -p "$work/empty"
env -u TIMPUSH_SECRET_KEY "$bin" serve --port 0 --root "$work/empty" --quiet >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 1 100); do grep -q '^timpush: serving .* at http://127\.0\.0\.1:[0-9]*/$' "$work/out" 2>/dev/null && break; sleep 0.05; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/out" | head -1)
key=$(grep -o 'demo key [0-9a-f]\{64\}' "$work/out" | awk '{print $3}')
[ -n "$url" ] && [ -n "$key" ] || { echo "FAIL: no server URL or demo key" >&2; exit 1; }
good=$(TIMPUSH_SECRET_KEY=$key "$bin" sign --sdkappid 1400000000 --identifier administrator)
bad=$(TIMPUSH_SECRET_KEY=0000000000000000000000000000000000000000000000000000000000000000 \
  "$bin" sign --sdkappid 1400000000 --identifier administrator)

python3 - "$here/../../web/lessons" "$url" "$good" "$bad" <<'PY'
import json, os, random, sys, time, urllib.parse, urllib.request
folder, base, good, bad = sys.argv[1:5]
failures = []

def send(body, usersig, api="push"):
    time.sleep(1.1)  # the sandbox, like the service, wants pushes more than 1 s apart (90024)
    query = urllib.parse.urlencode({"usersig": usersig, "identifier": "administrator", "sdkappid": "1400000000",
                                    "random": random.randint(1, 2**32 - 1), "contenttype": "json"})
    req = urllib.request.Request(base + "sandbox/v4/timpush/" + api + "?" + query, data=body.encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.load(r)

def advance(seconds):
    req = urllib.request.Request(base + "sandbox/clock", data=json.dumps({"AdvanceSeconds": seconds}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.load(r)["Now"]

def top_loss(answer):
    counts = {}
    for result in answer.get("Results", [])[:1]:
        for phase in ("ReadyToSendLoss", "PostSendDeliveredLoss"):
            for e in result.get(phase, []):
                counts[e["ErrCode"]] = counts.get(e["ErrCode"], 0) + e["ErrCount"]
    return max(counts, key=counts.get) if counts else None

def same_shape(recorded, got):
    for key in ("TaskId", "TaskID"):
        if key not in recorded:
            continue
        a, b = recorded[key], got.get(key)
        if type(a) is not type(b) or (isinstance(a, str) and a.startswith("batch_") != b.startswith("batch_")):
            return False
    return True

def run_steps(name, lesson):
    task_ids = {}  # recorded TaskId -> the sandbox's
    question = next((r for r in lesson["requirements"] if r["kind"] == "choice"), None)
    for step in lesson["model_steps"]:
        text = json.dumps(step["body"], ensure_ascii=False)
        for recorded, real in task_ids.items():
            text = text.replace(recorded, real)
        body = json.loads(text)
        if step["api"] == "add_sched_task":
            body["SchedAt"] = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(advance(1) + 3600))
        if step["api"] == "all_member_push_loss":
            now = advance(61)  # every device's fate is decided within 60 s of the push
            body["StartTime"], body["EndTime"] = now - 7 * 86400 + 60, now + 60
        got = send(json.dumps(body, ensure_ascii=False), good, step["api"])
        want = step["answer"]
        if got.get("ErrorCode") != want["ErrorCode"] or not same_shape(want, got):
            failures.append(f"{name}: {step['api']} answered {got}, the file records {want}")
            return
        if isinstance(want.get("TaskId"), str) and step["api"] in ("push", "batch"):
            task_ids[want["TaskId"]] = got["TaskId"]
        if step["api"] == "all_member_push_loss" and question is not None:
            fact = question.get("value")
            if top_loss(got) != fact or top_loss(want) != fact:
                failures.append(f"{name}: the most devices were lost to {top_loss(got)} (the file records "
                                f"{top_loss(want)}, its question {fact})")

for name in sorted(os.listdir(folder)):
    if not name.endswith(".json"):
        continue
    lesson = json.load(open(os.path.join(folder, name)))
    if lesson.get("check_on", "send") != "send":
        continue
    if "model_steps" in lesson:
        run_steps(name, lesson)
        continue
    got = send(json.dumps(lesson["model"], ensure_ascii=False), good)
    if got.get("ErrorCode") != lesson["model_answer"]["ErrorCode"]:
        failures.append(f"{name}: model answered {got}, the file records {lesson['model_answer']}")
    if "start_answer" in lesson:
        usersig = bad if lesson.get("expect_error") == 70009 else good
        start = lesson.get("start_text") or json.dumps(lesson["start"], ensure_ascii=False)
        got = send(start, usersig)
        if got.get("ErrorCode") != lesson["start_answer"]["ErrorCode"]:
            failures.append(f"{name}: start answered {got}, the file records {lesson['start_answer']}")
for f in failures:
    print("FAIL:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
echo "lessons_sandbox: ok"
