// The composer's test send and schedule, and the Schedules place's requests (see sched_flow.h).
#include "ui/sched_flow.h"

#include <utility>

#include "core/send_guard.h"
#include "core/text_util.h"
#include "ui/derive.h"
#include "ui/follow_flow.h"
#include "ui/keeping.h"
#include "ui/later.h"
#include "ui/layout.h"
#include "ui/send_flow.h"

namespace timpush::ui {
namespace {

constexpr size_t max_kept_accounts_bytes = 16384;  // per app; 500 accounts of ~30 characters
constexpr size_t max_kept_apps = 20;
constexpr int64_t list_days_back = 59;  // with the 31 ahead, the list's 90-day cap
constexpr int64_t list_days_ahead = 31;

std::string pretty(const Json& doc) { return doc.dump(2, ' ', false, Json::error_handler_t::replace); }
// The exact bytes sent: compact, as the push body is.
std::string compact(const Json& doc) { return doc.dump(-1, ' ', false, Json::error_handler_t::replace); }

void read_stored_once(SchedState& sc) {
  if (sc.stored_read) return;
  sc.stored_read = true;
  Json doc = core::read_json(sc.stored, core::JsonLimits{4, 200}).value;
  sc.stored.clear();
  if (!doc.is_object()) return;
  for (const auto& item : doc.items())
    if (item.value().is_string() && sc.kept.size() < max_kept_apps) sc.kept[item.key()] = item.value().get<std::string>();
}

// The field holds the accounts of the app typed under Credentials.
void sync_accounts(AppState& state) {
  SchedState& sc = state.sched;
  read_stored_once(sc);
  if (sc.accounts_app == state.creds.sdkappid) return;
  sc.accounts_app = state.creds.sdkappid;
  auto it = sc.kept.find(sc.accounts_app);
  sc.accounts = it == sc.kept.end() ? std::string() : it->second;
}

bool service_ready(const AppState& state) {
  const Derived& d = state.derived;
  return !d.base_error && !d.base_url.empty() && d.sdkappid && !state.creds.identifier.empty() && !d.usersig.empty();
}

void recount(Derived& d) {
  d.error_count = 0;
  d.warning_count = 0;
  for (const auto& issue : d.report.issues) {
    if (issue.severity == core::Severity::error) ++d.error_count;
    else ++d.warning_count;
  }
}

}  // namespace

void keep_sched_startup(SchedState& sched, const StartupInfo& info) {
  auto stored = info.stored.find(test_accounts_key);
  if (stored != info.stored.end()) sched.stored = stored->second;
}

TIMPUSH_LATER void set_send_mode(AppState& state, SendMode mode) {
  SchedState& sc = state.sched;
  if (sc.mode == mode) return;
  sc.mode = mode;
  mark_edited(state);
  if (mode == SendMode::test || sc.to_accounts) sync_accounts(state);
  if (mode == SendMode::schedule && sc.at_text.empty()) set_time_ahead(state, 10);
  if (mode != SendMode::schedule) sc.modifying.reset();
  sc.action_answer.reset();
}

TIMPUSH_LATER void set_sched_to_accounts(AppState& state, bool to_accounts) {
  SchedState& sc = state.sched;
  if (sc.to_accounts == to_accounts) return;
  sc.to_accounts = to_accounts;
  if (to_accounts) sync_accounts(state);
  mark_edited(state);
}

core::SchedType sched_task_type(const AppState& state) {
  // The push's own report: derive_send_mode replaces it by the Content's in User mode.
  if (state.sched.to_accounts) return core::SchedType::user;
  return core::sched_type_of(state.derived.report.document);
}

const Text& send_mode_text(const AppState& state) {
  switch (state.sched.mode) {
    case SendMode::push: break;
    case SendMode::test: return txt::mode_test;
    case SendMode::schedule: return state.sched.modifying ? txt::mode_modify : txt::mode_schedule;
  }
  return txt::send;
}

const char* send_api(const AppState& state) {
  switch (state.sched.mode) {
    case SendMode::push: break;
    case SendMode::test: return "v4/timpush/batch";
    case SendMode::schedule: return state.sched.modifying ? "v4/timpush/modify_sched_task" : "v4/timpush/add_sched_task";
  }
  return "v4/timpush/push";
}

TIMPUSH_LATER void derive_send_mode(AppState& state) {
  SchedState& sc = state.sched;
  Derived& d = state.derived;
  const std::string& admin = state.creds.identifier;
  if (sc.mode == SendMode::test) {
    sync_accounts(state);
    sc.parsed = core::parse_accounts(sc.accounts);
    Json batch = core::batch_body(d.report.document, sc.parsed.accounts, admin);
    d.report = core::validate_batch(batch);
    d.body = compact(batch);
    d.pretty = pretty(batch);
  } else {
    // All or Tag: the checks stay the push's, they judge the Content, whose fields are the
    // form's. User: the test send's checks on the Content.
    const Json push = d.report.document;
    const uint32_t app = d.sdkappid.value_or(0);
    const int64_t at = sc.at.value_or(0);
    if (sc.to_accounts) {
      sync_accounts(state);
      sc.parsed = core::parse_accounts(sc.accounts);
    }
    const std::vector<std::string>& to = sc.parsed.accounts;
    const core::SchedType type = sc.modifying ? sc.modifying_type : sched_task_type(state);
    Json body = sc.modifying ? core::modify_sched_body(app, *sc.modifying, type, at, &push, admin, &to)
                : sc.to_accounts ? core::add_user_sched_body(app, at, push, to, admin)
                                 : core::add_sched_body(app, at, push, admin);
    if (!sc.at) body["SchedAt"] = "";
    if (type == core::SchedType::user) d.report = core::validate_sched_content(body);
    d.body = compact(body);
    d.pretty = pretty(body);
  }
  recount(d);
}

std::optional<Words> sched_field_problem(const AppState& state) {
  const SchedState& sc = state.sched;
  if (!sc.at) {
    const std::string example = core::format_local_time(state.input.now_unix + 600, sc.offset_minutes).substr(0, 16);
    return fill(Words(txt::sched_at_unreadable), example);
  }
  if (auto problem = core::sched_time_problem(*sc.at, state.input.now_unix)) return problem;
  if (sc.modifying) {
    const core::SchedType now = sched_task_type(state);
    if (now != sc.modifying_type)
      return fill(fill(Words(txt::sched_type_changed), std::string(core::sched_type_name(sc.modifying_type))),
                  std::string(core::sched_type_name(now)));
  }
  return std::nullopt;
}

std::optional<Text> send_mode_blocker(const AppState& state) {
  const SchedState& sc = state.sched;
  if (sc.mode == SendMode::test && !sc.parsed.issues.empty()) return txt::test_send_blocked;
  if (sc.mode != SendMode::schedule) return std::nullopt;
  if (sc.action_request) return txt::send_blocked_in_flight;
  if (sc.to_accounts && !sc.parsed.issues.empty()) return txt::test_send_blocked;
  if (sched_field_problem(state)) return txt::sched_blocked;
  return std::nullopt;
}

TIMPUSH_LATER void accounts_edited(AppState& state) {
  SchedState& sc = state.sched;
  read_stored_once(sc);
  sc.accounts_app = state.creds.sdkappid;
  if (sc.accounts.size() > max_kept_accounts_bytes) return;  // used, but too long to keep
  if (sc.accounts.empty()) sc.kept.erase(sc.accounts_app);
  else if (sc.kept.size() < max_kept_apps || sc.kept.count(sc.accounts_app)) sc.kept[sc.accounts_app] = sc.accounts;
  Json doc = Json::object();
  for (const auto& [app, text] : sc.kept) doc[app] = text;
  queue_storage_write(state, test_accounts_key, compact(doc));
}

TIMPUSH_LATER void time_edited(AppState& state) {
  SchedState& sc = state.sched;
  sc.offset_minutes = state.input.screen.utc_offset_minutes;
  sc.at = core::parse_local_time(core::trim(sc.at_text), sc.offset_minutes);
  mark_edited(state);
}

TIMPUSH_LATER void set_time_ahead(AppState& state, int minutes) {
  SchedState& sc = state.sched;
  const int64_t at = (state.input.now_unix + int64_t{minutes} * 60 + 59) / 60 * 60;  // a whole minute
  sc.at_text = core::format_local_time(at, state.input.screen.utc_offset_minutes).substr(0, 16);
  time_edited(state);
}

namespace {

TIMPUSH_LATER void send_schedule(AppState& state) {
  SchedState& sc = state.sched;
  if (send_blocker(state)) return;
  const uint32_t app = *state.derived.sdkappid;
  // A task of Type All will reach every user: the same typed SDKAppID as a push to them.
  const bool everyone = sched_task_type(state) == core::SchedType::all;
  if (everyone && !core::confirmation_matches(state.view.confirm_typed, app)) {
    state.view.confirm_open = true;
    return;
  }
  state.view.confirm_open = false;
  state.view.confirm_typed.clear();
  sc.action_api = send_api(state);
  sc.action_request = queue_service_call(state, sc.action_api.c_str(), state.derived.body);
  sc.action_answer.reset();
  sc.action_note = {};
}

}  // namespace

bool start_schedule(AppState& state) {
  if (state.sched.mode != SendMode::schedule) return false;
  send_schedule(state);
  return true;
}

bool take_form_send(AppState& state) { return std::exchange(state.sched.form_asked, false); }

TIMPUSH_LATER void list_schedules(AppState& state) {
  SchedState& sc = state.sched;
  if (sc.list_request || !service_ready(state)) return;
  core::SchedListQuery query;
  query.want = 50;
  query.begin = state.input.now_unix - list_days_back * 86400;
  query.end = state.input.now_unix + list_days_ahead * 86400;
  sc.list_request = queue_service_call(state, "v4/timpush/list_sched_task",
                                       core::list_sched_body(*state.derived.sdkappid, query));
}

TIMPUSH_LATER void open_schedule(AppState& state, int64_t task_id) {
  SchedState& sc = state.sched;
  if (sc.get_request || !service_ready(state)) return;
  sc.get_request = queue_service_call(state, "v4/timpush/get_sched_task", core::get_sched_body(*state.derived.sdkappid, task_id));
}

TIMPUSH_LATER void delete_schedule(AppState& state, const core::SchedTask& task) {
  SchedState& sc = state.sched;
  if (sc.action_request || !task.task_id || !service_ready(state)) return;
  const core::SchedType type = core::sched_type_named(task.type).value_or(core::SchedType::all);
  sc.action_api = "v4/timpush/delete_sched_task";
  sc.action_request = queue_service_call(
      state, sc.action_api.c_str(),
      compact(core::delete_sched_body(*state.derived.sdkappid, *task.task_id, type)));
  sc.action_answer.reset();
}

void stop_modifying(AppState& state) {
  state.sched.modifying.reset();
  mark_edited(state);
}

std::string local_time_of(const AppState& state, const std::string& sched_at) {
  auto t = core::parse_sched_at(sched_at);
  return t ? core::format_local_time(*t, state.input.screen.utc_offset_minutes) : sched_at;
}

namespace {

void on_action(AppState& state, const core::SchedReport& r) {
  SchedState& sc = state.sched;
  if (!r.envelope.ok()) {
    sc.action_answer = r.envelope;
    return;
  }
  const std::string id = std::to_string(r.task_id.value_or(0));
  const bool deleted = sc.action_api == "v4/timpush/delete_sched_task";
  const Text& done = deleted ? txt::sched_deleted : sc.action_api == "v4/timpush/add_sched_task" ? txt::sched_added : txt::sched_modified;
  sc.action_note = fill(Words(done), id);
  note_text(state, tr(state.lang, sc.action_note));
  sc.confirm_delete.reset();
  if (!deleted) {
    // The task is made: the form sends pushes again, and the place shows the task.
    sc.mode = SendMode::push;
    sc.modifying.reset();
    mark_edited(state);
    go_to(state, Location{View::schedules, Pane::form});
  }
  list_schedules(state);
}

void on_opened(AppState& state, const core::SchedReport& r) {
  SchedState& sc = state.sched;
  if (!r.envelope.ok() || !r.task || !r.task->task_id || !r.task->content.is_object()) {
    sc.list_error = r.envelope;
    return;
  }
  const core::SchedTask& task = *r.task;
  load_body(state, compact(core::sched_push_of(task.content)));
  sc.mode = SendMode::schedule;
  sc.modifying = task.task_id;
  sc.modifying_type = core::sched_type_named(task.type).value_or(core::SchedType::all);
  // A User task comes back with its own accounts in the field.
  sc.to_accounts = sc.modifying_type == core::SchedType::user;
  if (sc.to_accounts) {
    read_stored_once(sc);
    sc.accounts_app = state.creds.sdkappid;
    sc.accounts = core::join_accounts(task.to_account);
  }
  sc.at_text = local_time_of(state, task.sched_at).substr(0, 16);
  time_edited(state);
  sc.action_answer.reset();
  go_to(state, Location{});
}

}  // namespace

namespace {

TIMPUSH_LATER void answer_sched(AppState& state, const HttpResult& result) {
  SchedState& sc = state.sched;
  const core::SchedReport r = core::read_sched(result.status, result.body);
  if (result.id == sc.action_request) {
    sc.action_request = 0;
    on_action(state, r);
  } else if (result.id == sc.get_request) {
    sc.get_request = 0;
    on_opened(state, r);
  } else {
    sc.list_request = 0;
    sc.listed = true;
    sc.listed_unix = state.input.now_unix;
    if (r.envelope.ok()) {
      sc.tasks = r.tasks;
      sc.total = r.total;
      sc.list_error.reset();
    } else {
      sc.list_error = r.envelope;
    }
  }
}

}  // namespace

bool handle_sched_result(AppState& state, const HttpResult& result) {
  const SchedState& sc = state.sched;
  if (result.id == 0 || (result.id != sc.action_request && result.id != sc.list_request && result.id != sc.get_request))
    return false;
  answer_sched(state, result);
  return true;
}

}  // namespace timpush::ui
