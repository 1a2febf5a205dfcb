// A faithful stand-in for the push REST API (reference.md sections 1, 4, 6; push-api.zh.txt):
// one app with its admin and key, answering v4/timpush/push (and batch, revoke) with the
// service's codes. Checks run through the core (usersig::verify, validate_body), never a copy.
// No HTTP library here: the server glue hands in method, path, query and body. The clock and the
// random source are injected, so tests move time instead of sleeping.
//
// Decisions where the documents are silent (also in `timpush serve --help`):
//   * 60009 for any /v4/... path other than the v4/timpush APIs it serves (push, batch,
//     revoke, the follow-up, scheduled-task, attribute and tag APIs below); 60008 for a method
//     other than POST.
//   * 60002 when random is missing or not a decimal uint32, when contenttype is given and is
//     not "json" (a missing contenttype is taken as json), when sdkappid is not a decimal uint32,
//     or when one of the five parameters appears twice.
//   * 60012 sdkappid missing or empty; 60006 an sdkappid other than the sandbox app's.
//   * 70002 usersig missing or empty; 60004 identifier missing or empty.
//   * UserSig: usersig::verify(sig, sdkappid, identifier, app key, now) in the service's order
//     (70003, 70014, 70013, 70001, 70009).
//   * Then the account: the admin may push; a known ordinary account of the app (--sandbox-users)
//     holding a valid UserSig gets the push API's own 90009 ("needs App admin"); any other
//     identifier gets the REST layer's 60010 ("not an App admin account").
//   * Body: over 10240 bytes 90056, then validate_body's first error. Its server codes are
//     answered as they are; local-only codes as the service would plausibly answer them:
//     a field of the wrong JSON type 90001 (the service's JSON reader refuses it), an attribute
//     value over 50 bytes 90033 (invalid attribute), DataId over 64 bytes, a value outside its
//     documented set (PushFlag 2) and any other local error 70402 (invalid parameters).
//     Warnings never block.
//   * Dedup: the same MsgRandom within 24 h for the same app and API is the same task: the first
//     TaskId again, no new task, not counted against 90024 or 90047. Entries expire in the order
//     they were made (a time-ordered queue), so a push costs O(1) amortised, never a scan. An entry
//     outlives its task in the list (the service keeps its 24 h promise whatever our list
//     shows), but at most max_dedup_kept entries are held: beyond that the oldest is forgotten
//     early, and its MsgRandom then makes a new task. If the clock steps back, entries made after
//     the step expire late by at most the step.
//   * Pushes at least 1000 ms apart per app (90024); a daily quota per app (90047), the day
//     ending at UTC midnight. Only accepted pushes count; refused ones do not.
//   * batch: To_Account an array of 1..500 strings (90018 above 500, 70402 otherwise wrong);
//     not subject to 90024/90047, which the document sets for all/tag pushes. Its TaskId is
//     "batch_" and then the push form (task-apis.md section 1: test sends start with batch_).
//   * batch rate (task-apis.md section 2: free 10/s, standard 30/s, advanced 40/s): at most
//     batch_per_second calls (default 10, the free edition) in any 1000 ms window, else 60018
//     (the code task-apis.md chooses for the per-second limits; the document gives none). Every
//     batch call that passed the URL and UserSig checks counts, whatever its body, dedup repeats
//     included (the document limits calls); a call answered 60018 does not count, so a client
//     that retries in a loop gets through once the window moves on. Checked before the body.
//   * revoke: OfflinePushInfo required (90053), TaskId of an accepted push still in the task list
//     (90049: a task dropped from the list cannot be revoked), once (90050), within 24 h (90052),
//     revokes at least 1 s apart (90051).
//   * The task list keeps the last max_tasks_kept accepted pushes (default 1000); the oldest is
//     dropped first.
//   * GET /sandbox/tasks?offset=N&limit=M pages through it oldest first, as the list always
//     was (offset 0 is the oldest still kept). New pushes do not move earlier offsets until the
//     list is full; from then on each new push drops the oldest and moves every offset by one.
//     limit defaults to 50, at most 200; offset 0..10^9.
//     The answer: {"total","offset","limit","next_offset" (null at the end),"max_tasks_kept",
//     "tasks":[...]}. A page stops early before it would pass 1 MiB (at least one task is always
//     sent); next_offset then says where to go on. Bodies are never cut: the sandbox refuses
//     bodies over 10240 bytes, so one task stays far below the cap. An offset past the end is an
//     empty page, not an error. A limit or offset that is not a decimal number in range, or
//     either given twice, is HTTP 400 {"Error","ErrorZh"}; other parameters are ignored.
//
// The app's world and the follow-up APIs (task-apis.md sections 2-7 and 11; the model itself is
// described in sandbox_world.h):
//   * A population of --sandbox-population users (default 2000, at most 100000) made from
//     --sandbox-seed (default 1): user1..userN. They are the audience of pushes only; they do
//     not become accounts for the UserSig and 90009 rules above (--sandbox-users does).
//   * Audience: every present selecting part of the Condition must hold (TagsAnd and TagsOr
//     together mean both; AttrsAnd and AttrsOr likewise). TagsNot removes every user with one
//     of its tags, also when nothing else selects (core::reaches_everyone still calls that
//     push an all-user push, and the page's reach answer shows what TagsNot removed). An
//     attribute name the app has (set_attr_name) that no user holds matches nobody; a name the
//     app does not have is refused with 90033 before the push is accepted. A batch reaches its
//     To_Account entries that are users of the world. The audience is fixed when the push is
//     accepted: tags and attributes changed later do not change who an earlier push reached.
//   * Counts are per device, not per user. The vendor classes and caps of vendors.md 7 apply
//     per device with the caps of an app that is not a news app; Classification and
//     OfflineStorageTime are not modelled. vivo's night window is read in UTC+8.
//   * all_member_push_statistics, all_member_push_loss and all_member_push_trace: the URL and
//     UserSig checks of push; each API at most 1 call a second (60018; a refused call does not
//     count, every other call does). The body: not a JSON object 90001; StartTime and EndTime
//     missing or not integers, EndTime before StartTime, a window over 30 days (statistics) or
//     7 days (loss), TaskID not an array of strings or more than 5 of them, trace's TaskID or
//     UserID missing or not strings: 90104 (the documents' "invalid parameters" code of the
//     task APIs). An empty or absent TaskID list (statistics, loss) answers one Result with
//     TaskID "" for every kept push made in the window. A TaskId the sandbox does not keep, or
//     a push made outside the window, gives a Result of zeros (statistics) or empty lists (loss).
//   * statistics: one PlatformStatistics row for each PushPlatform 1..8 (EventType 1) and one
//     for EventType 2 / PushPlatform 0, in that order, zeros included. Loss lists are sorted by
//     ErrCount, largest first, then by ErrCode.
//   * trace: InstanceTrace is empty when the task is unknown, older than 7 days, or the user is
//     not in its audience. One entry per device of the task; a stage is present once its time
//     has come; PushStatus 1 passed, 2 failed. Online pushes have IMCommitStat only. PushTime
//     and EventTime are "YYYY-MM-DD HH:MM:SS" in UTC. NotificationStatus 1 on, 0 off;
//     last_active_terminal 1 for a device that is online.
//   * revoke stops whatever was not delivered at the moment of the revoke: those devices count
//     as lost with ErrCode "-5" (the sandbox's code), before or after sending.
//   * GET /sandbox/app adds "population" (users in the world), "seed", "tags" (the vocabulary)
//     and "attributes" (name -> values). POST /sandbox/reach with a push body (same origin
//     rules as /sandbox) answers {"Users":N,"Of":M}, users the body reaches and users in all;
//     a body that is not a JSON object is HTTP 400 {"Error","ErrorZh"}. It needs no UserSig:
//     it is the sandbox's own helper, not a service API.
//
// The app's data (task-apis.md section 10 and 11): get_attr_name, set_attr_name, get_attr,
// set_attr, remove_attr, get_tag, add_tag, remove_tag, clear_all_tags over the world's users
// (sandbox_app_data.cpp).
//   * The app starts with the world's attribute names in slots 0.. (会员等级, city, sex), all of
//     type 0 (UserID). set_attr_name sets the slots it names and keeps the others. 90033 for a
//     slot key other than "0".."9", a name that is not a string, empty, over 50 bytes, or the
//     name of another slot; 90035 for an AttrTypes that changes a named slot's type, or is not
//     0 or 1. A slot cannot be emptied (the document gives no way).
//   * Every world user is a UserID account. set_attr of an attribute of type 1 (RegistrationID)
//     to one gives that account 90035 in ErrorList; an attribute the app does not have, or a
//     value over 50 bytes, 90033; an unknown account 70107. An account's entry is applied whole
//     or not at all.
//   * add_tag: Replace 0 adds (at most 10 tags in an entry), Replace 1 replaces all (at most
//     100); more is 90032 for the whole request, as an empty tag is 90040 and one over 50 bytes
//     90020. An account that would pass 100 tags, or an app that would pass 1000 distinct tags,
//     gets 90032 in ErrorList ("... cap ..."). remove_tag of a tag the user lacks is no error.
//   * Shapes: a body that is not a JSON object, or To_Account / UserTags / UserAttrs that is not
//     an array of the documented entries, 90001; more than 100 accounts 90018. Answers are the
//     envelope, plus ErrorList when an account failed (ActionStatus stays OK: the partial-success
//     form, even when every account failed), plus UserTags / UserAttrs for the get APIs, one
//     entry per known account in the order asked.
//   * Each of these APIs at most 100 calls in any 1000 ms (60018), counted as batch's calls are.
//
// Scheduled pushes (task-apis.md sections 9 and 11; sandbox_sched.cpp):
//   * add answers the envelope and "TaskID" (an integer from 1000000001 up, never reused).
//     add, modify and delete always carry TaskID, 0 on failure (as the delete example does).
//   * Status: "pending" until SchedAt; "dispatching" once due while the 1 s spacing after the
//     last push has not passed; then "dispatched" (DispatchSuccess 1, PushTaskID the push's
//     TaskId) or "failed" (DispatchSuccess 0, DispatchErr "CODE info" of the refusal, e.g. the
//     daily quota). A due task is pushed at max(SchedAt, last push + 1 s) of the injected clock,
//     through push's own checks (validation with the app's attribute names, dedup, spacing,
//     quota). Due tasks go in SchedAt order, then TaskID.
//   * Type User (Content with To_Account, no Condition) goes out at its SchedAt as a test send
//     of its Content would (the document says nothing of how): batch's own rules (To_Account
//     1..500 non-empty strings, the push checks on what it carries, dedup in batch's MsgRandom
//     space, and a call's slot in the batch rate, so a full window fails it with 60018) and
//     neither the 1 s push spacing nor the daily push quota, which batch is not under: it
//     neither waits for the last push nor holds the next one back. Its PushTaskID is the
//     batch's "batch_..." TaskId, and it reaches those accounts' devices only. There is no timer: each request to the sandbox (any API, GET /sandbox/tasks)
//     first dispatches what is due by then, with the times it was due, so what a client sees
//     is what a timer would have made.
//   * 90104 for: Sdkappid missing or not the URL's, TaskID not a known task (get, modify,
//     delete), Type not All/Tag/User or (modify, delete) not the one of creation, SchedAt not
//     "YYYY-MM-DD HH:MM:SS" or outside core::sched_time_problem's window (60 s to 30 days
//     ahead), Content missing or not fitting Type (All: reaches every user; Tag: a Condition;
//     User: To_Account of 1..500), a modify with neither SchedAt nor Content, list's Offset < 0,
//     Want < 1 or > 100, OrderBy other than createAt/schedAt, Asc not a boolean, BeginTime or
//     EndTime not a time, BeginTime after EndTime, a range over 90 days. Content's own problems
//     answer as push would answer them (90005, 90033, ...); over 10240 bytes 90056.
//   * modify or delete of a task that is not pending: 90107, "modify failed: task dispatching"
//     (or dispatched, failed).
//   * list: the tasks whose createAt or schedAt (as OrderBy) lies in BeginTime..EndTime and
//     whose Title or Desc holds Keyword; Total counts them all, Tasks is the page.
//   * At most 1000 tasks are kept; a new one drops the oldest finished task, and when all 1000
//     are pending, add answers 90104. A deleted task is gone (get answers 90104).
//   * Each scheduled-task API at most 5 calls in any 1000 ms (60018).
//
// The sandbox's clock (sandbox.cpp):
//   * POST /sandbox/clock {"AdvanceSeconds":N} moves the sandbox's clock N seconds ahead of the
//     injected one (1 <= N <= 31 days a call, at most 10 years ahead in all), so a browser test
//     or a lesson sees a task scheduled minutes ahead dispatched without waiting. Forward only:
//     a clock that went back would undo dispatches and the 1 s spacing. It answers
//     {"Now": Unix seconds, "AheadSeconds": total}; a body that is not such an object is HTTP 400
//     {"Error","ErrorZh"}. Everything the sandbox times (UserSig expiry, spacing, quota day,
//     delivery, dispatch) then reads the moved clock. Loopback clients only (403 otherwise), on
//     top of /sandbox's same-origin rule; no UserSig (it is the sandbox's, not a service API).
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/json.h"
#include "server/sandbox_world.h"

namespace timpush::server {

struct SandboxOptions {
  uint32_t sdkappid = 1400000000;
  std::string admin = "administrator";
  std::string key;            // the app's SecretKey
  bool key_is_demo = false;   // generated at start (shown to the page), not from the environment
  std::vector<std::string> users = {"user1", "user2", "user3"};  // known non-admin accounts
  int daily_quota = 100;
  int64_t min_push_interval_ms = 1000;
  int64_t dedup_window_seconds = 24 * 3600;
  size_t max_tasks_kept = 1000;     // the task list forgets the oldest beyond this
  size_t max_dedup_kept = 100000;   // MsgRandoms remembered at most (about 100 bytes each)
  int batch_per_second = 10;        // batch calls in any 1000 ms window; 0: no limit
  WorldOptions world;               // the population behind the app
  int64_t follow_interval_ms = 1000;  // statistics, loss, trace: 1 call a second each
};

struct SandboxAnswer {
  int http_status = 200;  // the service answers 200 for every decision
  std::string body;       // JSON text
};

// Unix time in milliseconds; a 32-bit random value.
using MillisClock = std::function<int64_t()>;
using Random32 = std::function<uint32_t()>;

class Sandbox {
public:
  Sandbox(SandboxOptions options, MillisClock now_ms, Random32 random);

  // method: "POST"...; api: the path after /sandbox, e.g. "/v4/timpush/push"; params: the
  // decoded query parameters (a name may repeat); body: the raw request body.
  SandboxAnswer handle(std::string_view method, std::string_view api,
                       const std::multimap<std::string, std::string>& params,
                       std::string_view body);

  // GET /sandbox/app: what the page needs to prefill demo credentials. The key only when it is
  // a demo key.
  Json app_info() const;
  // POST /sandbox/reach: how many users a push body reaches, of how many.
  SandboxAnswer reach(std::string_view body) const;
  // The world's users' tags and attributes change (add_tag, set_attr...): read them only
  // through the sandbox's APIs while it serves.
  const World& world() const { return *world_; }
  // GET /sandbox/tasks: one page of the accepted pushes, oldest first (see the decisions above).
  // params: the decoded query parameters.
  // Dispatches the scheduled tasks due by now first.
  SandboxAnswer tasks(const std::multimap<std::string, std::string>& params);
  // POST /sandbox/clock: moves the clock ahead (see the decisions above), dispatching what is due.
  SandboxAnswer advance_clock(std::string_view body);

  const SandboxOptions& options() const { return options_; }

private:
  // Fixed once accepted, so a page can be serialized outside the lock; only `revoked` changes,
  // and it lives beside the pointer, under the lock.
  struct Task {
    std::string api;  // "push" | "batch"
    std::string task_id;
    int64_t time = 0;  // Unix seconds
    int64_t time_ms = 0;
    std::string identifier;
    std::string from_account;
    uint32_t msg_random = 0;
    Json target;
    Json body;
    std::vector<bool> audience;  // world user index -> reached, fixed at acceptance
  };
  struct Kept {
    std::shared_ptr<const Task> task;
    bool revoked = false;
    int64_t revoked_ms = 0;  // when revoked
  };
  struct Seen {
    std::string task_id;
    int64_t time = 0;
  };
  // One dedup entry in the order made: key into seen_, and the time it was made.
  struct SeenOrder {
    uint64_t key = 0;
    int64_t time = 0;
  };

  SandboxAnswer push(int64_t now_ms, const std::string& identifier, std::string_view body,
                     bool batch);
  SandboxAnswer revoke(int64_t now_ms, std::string_view body);
  // The app's data and the scheduled tasks (sandbox_app_data.cpp, sandbox_sched.cpp), under
  // mutex_.
  SandboxAnswer app_data(std::string_view api, int64_t now_ms, std::string_view body);
  SandboxAnswer sched(std::string_view api, int64_t now_ms, uint32_t sdkappid,
                      std::string_view body);
  void dispatch_due(int64_t now_ms);
  std::vector<std::string> attr_names() const;  // under mutex_
  // Calls of `api` in the last 1000 ms beyond per_second (and this one counted otherwise).
  bool rate_exceeded(std::string_view api, int per_second, int64_t now_ms);
  // statistics, loss, trace (sandbox_follow.cpp); they take the lock themselves, and compute
  // their answers outside it.
  SandboxAnswer follow(std::string_view api, int64_t now_ms, std::string_view body);
  SandboxAnswer statistics(int64_t now_ms, const Json& doc, bool loss) const;
  SandboxAnswer trace(int64_t now_ms, const Json& doc) const;
  // A kept task and its revoke time, copied under the lock; a null task when unknown.
  struct Snapshot {
    std::shared_ptr<const Task> task;
    std::optional<int64_t> revoked_ms;
  };
  Snapshot snapshot(const std::string& task_id) const;
  static TaskFacts facts_of(const Snapshot& snap);
  std::vector<Snapshot> snapshots_between(int64_t start_s, int64_t end_s) const;
  bool known_account(const std::string& name) const;
  // Both under mutex_.
  void forget_old(int64_t now_s);
  bool batch_rate_exceeded(int64_t now_ms);
  void keep(Task task);

  // The injected clock plus what POST /sandbox/clock added: every time the sandbox reads.
  int64_t now() const { return now_ms_() + ahead_ms_.load(); }

  SandboxOptions options_;
  MillisClock now_ms_;
  std::atomic<int64_t> ahead_ms_{0};
  Random32 random_;
  std::shared_ptr<World> world_;  // tags and attributes under mutex_
  std::map<std::string, int64_t, std::less<>> last_follow_ms_;  // API -> last counted call
  mutable std::mutex mutex_;
  std::deque<Kept> tasks_;               // oldest first, at most max_tasks_kept
  uint64_t first_serial_ = 0;            // serial of tasks_.front()
  std::unordered_map<std::string, uint64_t> serial_of_;  // TaskId -> serial, for tasks_ only
  std::unordered_map<uint64_t, Seen> seen_;  // (batch << 32 | MsgRandom) -> first task
  std::deque<SeenOrder> seen_order_;         // seen_'s entries, oldest first
  int64_t last_push_ms_ = 0;
  bool pushed_ = false;
  int64_t quota_day_ = -1;
  int quota_used_ = 0;
  int64_t last_revoke_ms_ = 0;
  bool revoked_ = false;
  uint64_t counter_ = 0;
  std::map<std::string, std::deque<int64_t>, std::less<>> api_calls_ms_;  // rate windows
  struct AttrSlot {
    std::string name;  // empty: the slot is free
    int type = 0;      // 0 UserID, 1 RegistrationID
  };
  std::vector<AttrSlot> attr_slots_;  // 10 slots
  std::map<std::string, size_t, std::less<>> tag_users_;  // distinct tag -> users holding it
  struct Sched {
    int64_t id = 0;
    int64_t create_at = 0;  // Unix seconds
    std::string type;       // All, Tag, User
    int64_t sched_at = 0;
    Json content;
    std::string status = "pending";
    std::string dispatch_err;
    std::string push_task_id;
  };
  Json sched_info(const Sched& task) const;  // TaskInfo
  std::map<int64_t, Sched> scheds_;  // by TaskID, at most kMaxScheds
  int64_t next_sched_id_ = 1000000001;
};

// The service's answer document: {"ActionStatus","ErrorInfo","ErrorCode"[,"TaskId"]}, in the
// product document's order.
std::string service_answer(int code, std::string_view info, std::string_view task_id = {});

}  // namespace timpush::server
