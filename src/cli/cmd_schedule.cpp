// `timpush schedule add|list|get|modify|delete`: scheduled pushes (task-apis.md section 9) from
// the command line. Times go to the API in UTC and are printed in UTC and in the zone of
// --offset; a task's Type comes from its push's Condition, as the page derives it, or is User
// with --to / --to-file (the accounts of a test send, checked by the same rules).
#include <chrono>
#include <iostream>

#include "cli/target_options.h"
#include "cli/usersig_options.h"
#include "core/audience.h"
#include "core/schedule.h"
#include "core/sched_report.h"
#include "core/send_guard.h"
#include "core/test_send.h"
#include "core/validation.h"

namespace timpush::cli {
namespace {

namespace target = target_options;
namespace opts = usersig_options;
using core::Words;

const std::string kUsage =
    std::string(
        "usage: timpush schedule add FILE (--at TIME | --in SECONDS) [--all-users SDKAPPID]\n"
        "                            [--to A,B,... | --to-file F]\n"
        "       timpush schedule list [--from TIME] [--until TIME] [--by created|sched] [--asc]\n"
        "                             [--offset N] [--want N] [--keyword TEXT]\n"
        "       timpush schedule get TASKID\n"
        "       timpush schedule modify TASKID [--at TIME | --in SECONDS] [--content FILE]\n"
        "                               [--to A,B,... | --to-file F]\n"
        "       timpush schedule delete TASKID --yes\n"
        "       (each with the target options below, and --offset-minutes M)\n"
        "\n"
        "Scheduled pushes (v4/timpush/add_sched_task, list_sched_task, get_sched_task,\n"
        "modify_sched_task, delete_sched_task). TASKID is the scheduled task's integer TaskID.\n"
        "  add      the push body in FILE (checked as `timpush validate` does; errors refuse it)\n"
        "           becomes a task: Type All when it reaches every user (then --all-users with\n"
        "           the SDKAppID is required, as for send), else Tag. A time 1 min to 30 days ahead.\n"
        "           With --to A,B,... or --to-file F (separated by commas, spaces or lines) it is\n"
        "           Type User: the content goes to those 1..500 accounts at that time, as\n"
        "           `timpush send --to` would send it now (no Condition, no --all-users).\n"
        "  list     tasks whose time (--by sched, the default, or created) lies in --from..--until\n"
        "           (default: 45 days either side of now; at most 90 days), newest first unless\n"
        "           --asc; --want (default 20) from --offset (default 0)\n"
        "  get      one task: status, both times, its push TaskId once it ran\n"
        "  modify   a pending task's time and/or content (its Type cannot change); a User task's\n"
        "           accounts with --to or --to-file (else it keeps its own)\n"
        "  delete   a pending task; --yes says you mean it\n"
        "TIME is \"YYYY-MM-DD HH:MM[:SS]\" in the zone --offset-minutes M east of UTC (default 0, UTC;\n"
        "480 for China). Times are printed in UTC and, when M is not 0, in that zone.\n"
        "Only pending tasks can be modified or deleted (90107 otherwise).\n"
        "\n") +
    target::kHelp +
    "\nexit status: 0 done, 1 refused (locally or by the service) or no answer, 2 bad usage.\n";

struct Ctx {
  const Args& args;
  target::Target t;
  int offset_minutes = 0;
};

void say(const Ctx& c, const Words& w) { std::cout << core::tr(c.t.lang, w) << "\n"; }
int usage_error(const Args& args, const Words& w) {
  print_error("schedule", args, w + Words{" (see timpush schedule --help)", "(见 timpush schedule --help)"});
  return 2;
}

int64_t now_s() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// "2026-12-01 12:00:00 UTC (2026-12-01 20:00:00 at UTC+480 min)".
std::string both_times(const Ctx& c, const std::string& utc) {
  auto at = core::parse_sched_at(utc);
  if (!at || c.offset_minutes == 0) return utc + " UTC";
  return utc + " UTC (" + core::format_local_time(*at, c.offset_minutes) + " at UTC" +
         (c.offset_minutes > 0 ? "+" : "") + std::to_string(c.offset_minutes) + " min)";
}

// --at or --in; nothing without either (`required` then says so).
std::optional<int64_t> time_option(const Ctx& c, bool required, bool* bad) {
  *bad = false;
  if (auto at = c.args.value("--at")) {
    auto t = core::parse_local_time(*at, c.offset_minutes);
    if (!t) *bad = true, usage_error(c.args, {"--at must be YYYY-MM-DD HH:MM[:SS]", "--at 必须是 YYYY-MM-DD HH:MM[:SS]"});
    return t;
  }
  if (auto in = c.args.value("--in")) {
    auto s = opts::parse_whole(*in, 0, 400LL * 86400);
    if (!s) *bad = true, usage_error(c.args, {"--in must be whole seconds", "--in 必须是整数秒"});
    return s ? std::optional<int64_t>(now_s() + *s) : std::nullopt;
  }
  if (required) *bad = true, usage_error(c.args, {"give --at TIME or --in SECONDS", "请给出 --at TIME 或 --in SECONDS"});
  return std::nullopt;
}

std::optional<int64_t> task_id_arg(const Ctx& c) {
  if (c.args.positional().size() != 2) return std::nullopt;
  return opts::parse_whole(c.args.positional()[1], 1, int64_t{1} << 53);
}

// Reads and checks a push body file; prints why and gives nothing when it has errors.
std::optional<Json> push_body(const Ctx& c, const std::string& path, int* code) {
  InputText in = read_input(path);
  if (!in.text) return *code = 2, print_error("schedule", c.args, in.error), std::nullopt;
  core::ValidationReport report = core::validate_body(*in.text);
  if (report.ok()) return report.document;
  for (const auto& issue : report.issues) {
    if (issue.severity != core::Severity::error) continue;
    std::cerr << issue.code << ' ' << (issue.pointer.empty() ? "(body)" : issue.pointer) << ": "
              << core::tr(c.t.lang, issue.message) << "\n";
  }
  print_error("schedule", core::tr(c.t.lang, Words{"refused: the body has errors", "已拒绝:请求体有错误"}));
  *code = 1;
  return std::nullopt;
}

void print_task(const Ctx& c, const core::SchedTask& task) {
  const std::string id = task.task_id ? std::to_string(*task.task_id) : "?";
  say(c, Words{"task " + id + "  " + task.type + "  ", "任务 " + id + "  " + task.type + "  "} +
             core::sched_status_name(task.status));
  say(c, Words{"  at       ", "  定时     "} + core::same(both_times(c, task.sched_at)));
  if (!task.create_at.empty()) say(c, Words{"  created  ", "  创建     "} + core::same(both_times(c, task.create_at)));
  if (!task.title.empty() || !task.desc.empty()) say(c, core::same("  \"" + task.title + "\" / \"" + task.desc + "\""));
  if (!task.to_account.empty()) {
    // A User task's accounts: the first ten, and how many in all.
    const std::string names = core::join_accounts(task.to_account, 10);
    const std::string n = std::to_string(task.to_account.size());
    say(c, Words{"  to       " + n + " account(s): ", "  账号     " + n + " 个:"} + core::same(names));
  }
  if (!task.push_task_id.empty()) {
    say(c, Words{"  push TaskId " + task.push_task_id + " (follow it: timpush stats " + task.push_task_id + ")",
                 "  推送 TaskId " + task.push_task_id + "(跟进:timpush stats " + task.push_task_id + ")"});
  }
  if (!task.dispatch_err.empty()) say(c, Words{"  dispatch error: ", "  调度错误:"} + core::same(task.dispatch_err));
}

// Calls and reads; prints nothing of its own on success.
std::optional<core::SchedReport> call(const Ctx& c, const std::string& api, const Json& body) {
  HttpReply reply = target::call(c.t, api, body.dump(-1, ' ', false, Json::error_handler_t::replace));
  core::SchedReport report = core::read_sched(reply.status, reply.body);
  if (!target::answered(c.t, "schedule", reply, report.envelope)) return std::nullopt;
  return report;
}

std::optional<core::SchedTask> fetch(const Ctx& c, int64_t id) {
  Json body = core::parse_json(core::get_sched_body(c.t.sdkappid, id));
  target::Target quiet = c.t;
  quiet.json = false;
  Ctx q{c.args, quiet, c.offset_minutes};
  auto report = call(q, "get_sched_task", body);
  if (!report) return std::nullopt;
  if (!report->task) {
    print_error("schedule", core::tr(c.t.lang, Words{"the answer holds no TaskInfo", "应答中没有 TaskInfo"}));
    return std::nullopt;
  }
  return report->task;
}

// Prints a User Content's errors (its accounts', then the push rules'); true when there were any.
bool refuse_content(const Ctx& c, const core::ValidationReport& report) {
  if (report.ok()) return false;
  for (const auto& issue : report.issues) {
    if (issue.severity != core::Severity::error) continue;
    std::cerr << issue.code << " /Content" << issue.pointer << ": " << core::tr(c.t.lang, issue.message) << "\n";
  }
  print_error("schedule", core::tr(c.t.lang, Words{"refused: the task has errors", "已拒绝:任务有错误"}));
  return true;
}

int added(const Ctx& c, const std::optional<core::SchedReport>& report, int64_t at) {
  if (!report) return 1;
  if (!c.t.json) {
    const std::string id = report->task_id ? std::to_string(*report->task_id) : "?";
    say(c, Words{"scheduled: task " + id + " at ", "已定时:任务 " + id + ",时间 "} +
               core::same(both_times(c, core::format_sched_at(at))));
  }
  return 0;
}

int run(const Args& args) {
  const auto& pos = args.positional();
  const std::string verb = pos.empty() ? "" : pos[0];
  if (verb != "add" && verb != "list" && verb != "get" && verb != "modify" && verb != "delete") {
    return usage_error(args, {"give add, list, get, modify or delete", "请给出 add、list、get、modify 或 delete"});
  }
  auto t = target::read(args, "schedule");
  if (!t) return 2;
  Ctx c{args, *t, 0};
  if (auto m = args.value("--offset-minutes")) {
    const bool negative = !m->empty() && (*m)[0] == '-';
    auto n = opts::parse_whole(negative ? m->substr(1) : *m, 0, 14 * 60);
    if (!n) return usage_error(args, {"--offset-minutes must be -840..840", "--offset-minutes 必须在 -840..840 之间"});
    c.offset_minutes = static_cast<int>(negative ? -*n : *n);
  }
  bool bad = false;
  int code = 0;

  if (verb == "add") {
    if (pos.size() != 2) return usage_error(args, {"give one FILE", "请给出一个 FILE"});
    auto at = time_option(c, true, &bad);
    if (bad) return 2;
    if (auto problem = core::sched_time_problem(*at, now_s())) {
      print_error("schedule", core::tr(c.t.lang, *problem));
      return 1;
    }
    auto accounts = target::accounts_text(args, "schedule", &bad);
    if (bad) return 2;
    auto body = push_body(c, pos[1], &code);
    if (!body) return code;
    if (accounts) {
      Json user = core::add_user_sched_body(c.t.sdkappid, *at, *body, core::parse_accounts(*accounts).accounts,
                                            c.t.identifier);
      if (refuse_content(c, core::validate_sched_content(user))) return 1;
      return added(c, call(c, "add_sched_task", user), *at);
    }
    if (core::reaches_everyone(*body)) {
      auto typed = args.value("--all-users");
      if (!typed || !core::confirmation_matches(*typed, c.t.sdkappid)) {
        print_error("schedule", core::tr(c.t.lang, core::everyone_warning(c.t.sdkappid) +
                                                       Words{" (give --all-users " + std::to_string(c.t.sdkappid) + ")",
                                                             "(请给出 --all-users " + std::to_string(c.t.sdkappid) + ")"}));
        return 1;
      }
    }
    return added(c, call(c, "add_sched_task", core::add_sched_body(c.t.sdkappid, *at, *body, c.t.identifier)), *at);
  }
  if (verb == "list") {
    core::SchedListQuery q;
    const int64_t now = now_s();
    q.begin = now - 45 * 86400;
    q.end = now + 45 * 86400;
    for (const char* option : {"--from", "--until"}) {
      if (auto text = args.value(option)) {
        auto v = core::parse_local_time(*text, c.offset_minutes);
        if (!v) return usage_error(args, core::same(std::string(option)) + Words{" must be YYYY-MM-DD HH:MM[:SS]", " 必须是 YYYY-MM-DD HH:MM[:SS]"});
        (std::string(option) == "--from" ? q.begin : q.end) = *v;
      }
    }
    if (auto by = args.value("--by")) {
      if (*by != "created" && *by != "sched") return usage_error(args, {"--by is created or sched", "--by 只能是 created 或 sched"});
      q.by_sched_at = *by == "sched";
    }
    q.ascending = args.has("--asc");
    if (auto v = args.value("--offset")) q.offset = opts::parse_whole(*v, 0, 1000000000).value_or(-1);
    if (auto v = args.value("--want")) q.want = opts::parse_whole(*v, 1, 100).value_or(0);
    q.keyword = args.value("--keyword").value_or("");
    if (auto problem = core::check_sched_list(q)) return usage_error(args, *problem);
    auto report = call(c, "list_sched_task", core::parse_json(core::list_sched_body(c.t.sdkappid, q)));
    if (!report) return 1;
    if (!c.t.json) {
      say(c, Words{std::to_string(report->total.value_or(0)) + " task(s)",
                   "共 " + std::to_string(report->total.value_or(0)) + " 个任务"});
      for (const auto& task : report->tasks) print_task(c, task);
    }
    return 0;
  }
  auto id = task_id_arg(c);
  if (!id) return usage_error(args, {"give one TASKID (an integer)", "请给出一个 TASKID(整数)"});
  if (verb == "get") {
    auto report = call(c, "get_sched_task", core::parse_json(core::get_sched_body(c.t.sdkappid, *id)));
    if (!report) return 1;
    if (!c.t.json && report->task) print_task(c, *report->task);
    return 0;
  }
  if (verb == "delete" && !args.has("--yes")) {
    return usage_error(args, {"deleting a task cannot be undone: add --yes", "删除任务无法撤销:请加 --yes"});
  }
  // modify and delete name the Type of creation: read it first.
  auto task = fetch(c, *id);
  if (!task) return 1;
  const core::SchedType type = core::sched_type_named(task->type).value_or(core::SchedType::tag);
  if (verb == "delete") {
    auto report = call(c, "delete_sched_task", core::delete_sched_body(c.t.sdkappid, *id, type));
    if (!report) return 1;
    if (!c.t.json) say(c, Words{"deleted task " + std::to_string(*id), "已删除任务 " + std::to_string(*id)});
    return 0;
  }
  auto at = time_option(c, false, &bad);
  if (bad) return 2;
  auto accounts = target::accounts_text(args, "schedule", &bad);
  if (bad) return 2;
  if (accounts && type != core::SchedType::user) {
    return usage_error(args, {"--to and --to-file go with a task of Type User only (this one is " + task->type + ")",
                              "--to 与 --to-file 只用于 Type 为 User 的任务(该任务为 " + task->type + ")"});
  }
  // A User task's accounts: the new ones, else its own (a User Content needs To_Account).
  const std::vector<std::string> to = accounts ? core::parse_accounts(*accounts).accounts : task->to_account;
  std::optional<Json> content;
  if (accounts && !args.has("--content")) content = core::sched_push_of(task->content);
  if (auto file = args.value("--content")) {
    content = push_body(c, *file, &code);
    if (!content) return code;
    if (type != core::SchedType::user && core::sched_type_of(*content) != type) {
      print_error("schedule", core::tr(c.t.lang, Words{"the new content's Type differs from the task's (" + task->type + ")",
                                                       "新内容的 Type 与任务的不同(" + task->type + ")"}));
      return 1;
    }
  }
  if (!at && !content) return usage_error(args, {"give --at, --in, --content or --to", "请给出 --at、--in、--content 或 --to"});
  const int64_t when = at ? *at : core::parse_sched_at(task->sched_at).value_or(0);
  if (auto problem = at ? core::sched_time_problem(when, now_s()) : std::nullopt) {
    print_error("schedule", core::tr(c.t.lang, *problem));
    return 1;
  }
  Json body = core::modify_sched_body(c.t.sdkappid, *id, type, when, content ? &*content : nullptr, c.t.identifier, &to);
  if (!at) body.erase("SchedAt");  // fields left out are unchanged
  if (refuse_content(c, core::validate_sched_content(body))) return 1;
  auto report = call(c, "modify_sched_task", body);
  if (!report) return 1;
  if (!c.t.json) say(c, Words{"modified task " + std::to_string(*id), "已修改任务 " + std::to_string(*id)});
  return 0;
}

std::vector<std::string> valued() {
  auto list = target::valued();
  list.insert(list.end(), {"--at", "--in", "--all-users", "--from", "--until", "--by", "--offset", "--want",
                           "--keyword", "--content", "--offset-minutes", "--to", "--to-file"});
  return list;
}
std::vector<std::string> flags() {
  auto list = target::flags();
  list.insert(list.end(), {"--asc", "--yes"});
  return list;
}

const bool registered = register_command(
    {"schedule", "scheduled pushes: add, list, get, modify, delete", kUsage, valued(), flags(), run});

}  // namespace
}  // namespace timpush::cli
