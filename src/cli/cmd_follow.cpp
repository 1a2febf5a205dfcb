// `timpush stats`, `timpush loss` and `timpush trace`: a push's funnel, its loss reasons and one
// user's trace, from the service or the sandbox (task-apis.md sections 4-6), read by the core's
// task_report and printed for people, or the answer as it came with --json.
#include <iostream>

#include "cli/follow_output.h"
#include "cli/target_options.h"
#include "cli/usersig_options.h"
#include "core/task_report.h"

namespace timpush::cli {
namespace {

namespace target = target_options;
namespace opts = usersig_options;

std::string usage(const std::string& line, const std::string& what) {
  return "usage: timpush " + line + "\n\n" + what + "\n\n" + target::kHelp +
         "\nexit status: 0 answered, 1 the service refused or did not answer, 2 bad usage.\n";
}

const std::string kStatsUsage = usage(
    "stats TASKID... [--start UNIX] [--end UNIX] [target options]",
    "Prints each push's funnel (total, sent, delivered, clicked), overall and per platform, from\n"
    "v4/timpush/all_member_push_statistics. At most 5 TaskIds; the window --start..--end (Unix\n"
    "seconds, default the last 30 days) may be at most 30 days.");
const std::string kLossUsage = usage(
    "loss TASKID... [--start UNIX] [--end UNIX] [target options]",
    "Prints why pushes were lost, before and after sending, per platform and largest first, with\n"
    "each code's meaning and fix, from v4/timpush/all_member_push_loss. At most 5 TaskIds; the\n"
    "window (default the last 7 days) may be at most 7 days.");
const std::string kTraceUsage = usage(
    "trace TASKID USERID [target options]",
    "Prints each of the user's devices with its stages (IM, offline push, vendor channel, device,\n"
    "click): passed, failed with its code, or not reached; from v4/timpush/all_member_push_trace\n"
    "(data of the last 7 days).");

// Runs the call and hands a good answer to `print`; a failure is explained from the catalog.
template <typename Report, typename Read, typename Print>
int answer(const target::Target& t, const std::string& command, const std::string& api,
           const std::string& body, Read read, Print print) {
  HttpReply reply = target::call(t, api, body);
  Report report = read(reply.status, reply.body);
  if (t.json && reply.status != 0) std::cout << reply.body << (reply.body.empty() ? "" : "\n");
  if (!report.envelope.ok()) {
    core::Words why = report.envelope.summary;
    if (reply.status == 0) why += core::same(" (" + reply.error + ")");
    print_error(command, core::tr(t.lang, why));
    return 1;
  }
  if (!t.json) print(report);
  return 0;
}

struct Window {
  int64_t start = 0, end = 0;
};

std::optional<Window> window_of(const Args& args, const std::string& command, bool loss,
                                size_t task_ids) {
  std::optional<int64_t> end = opts::unix_time_option(args, "--end", command);
  if (!end) return std::nullopt;
  Window w{*end - (loss ? core::max_loss_window_s : core::max_statistics_window_s), *end};
  if (auto text = args.value("--start")) {
    auto start = opts::parse_whole(*text, 0, opts::max_seconds);
    if (!start) {
      print_error(command, "--start must be Unix seconds, not " + shown_value(*text).en);
      return std::nullopt;
    }
    w.start = *start;
  }
  if (auto problem = core::check_report_window(w.start, w.end, task_ids, loss)) {
    print_error(command, args, *problem);
    return std::nullopt;
  }
  return w;
}

int run_report(const Args& args, bool loss) {
  const std::string command = loss ? "loss" : "stats";
  const auto& ids = args.positional();
  if (ids.empty()) {
    print_error(command, args, {"give at least one TASKID (see timpush " + command + " --help)",
                                "请至少给出一个 TASKID(见 timpush " + command + " --help)"});
    return 2;
  }
  auto t = target::read(args, command);
  if (!t) return 2;
  auto w = window_of(args, command, loss, ids.size());
  if (!w) return 2;
  if (loss) {
    return answer<core::LossReport>(*t, command, "all_member_push_loss",
                                    core::loss_body(w->start, w->end, ids), core::read_loss,
                                    [&](const core::LossReport& r) { print_loss(std::cout, r, t->lang); });
  }
  return answer<core::StatisticsReport>(
      *t, command, "all_member_push_statistics", core::statistics_body(w->start, w->end, ids),
      core::read_statistics,
      [&](const core::StatisticsReport& r) { print_statistics(std::cout, r, t->lang); });
}

int run_trace(const Args& args) {
  if (args.positional().size() != 2) {
    print_error("trace", args, {"give TASKID and USERID (see timpush trace --help)",
                                "请给出 TASKID 和 USERID(见 timpush trace --help)"});
    return 2;
  }
  auto t = target::read(args, "trace");
  if (!t) return 2;
  const std::string& user = args.positional()[1];
  return answer<core::TraceReport>(
      *t, "trace", "all_member_push_trace", core::trace_body(args.positional()[0], user),
      core::read_trace,
      [&](const core::TraceReport& r) { print_trace(std::cout, r, user, t->lang); });
}

std::vector<std::string> with(std::vector<std::string> list, std::vector<std::string> more) {
  list.insert(list.end(), more.begin(), more.end());
  return list;
}

const bool registered_stats = register_command(
    {"stats", "a push's funnel: total, sent, delivered, clicked, per platform", kStatsUsage,
     with(target::valued(), {"--start", "--end"}), target::flags(),
     [](const Args& args) { return run_report(args, false); }});
const bool registered_loss = register_command(
    {"loss", "why a push was lost, per platform, with each code's fix", kLossUsage,
     with(target::valued(), {"--start", "--end"}), target::flags(),
     [](const Args& args) { return run_report(args, true); }});
const bool registered_trace = register_command(
    {"trace", "one user's devices and stages for a push", kTraceUsage, target::valued(),
     target::flags(), run_trace});

}  // namespace
}  // namespace timpush::cli
