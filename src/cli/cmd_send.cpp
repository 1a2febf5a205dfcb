// `timpush send FILE`: validates a push body and sends it with the page's guards: refuses on
// errors, an all-user push only with --all-users SDKAPPID, the 1 s spacing waited out and a
// failed call retried with the same body (so the same MsgRandom, which the service dedups). With
// --to or --to-file the same content goes to named accounts as a test send (v4/timpush/batch).
#include <chrono>
#include <iostream>
#include <thread>

#include "cli/target_options.h"
#include "core/audience.h"
#include "core/json.h"
#include "core/response.h"
#include "core/send_guard.h"
#include "core/test_send.h"
#include "core/validation.h"

namespace timpush::cli {
namespace {

namespace target = target_options;

constexpr int kAttempts = 3;           // the first call and two retries
constexpr int kSpacingWaitMs = 1100;   // the service wants more than 1 s between pushes

const std::string kUsage =
    std::string(
        "usage: timpush send FILE [--to A,B,... | --to-file F] [--all-users SDKAPPID] [target options]\n"
        "\n"
        "Sends the push body in FILE (- reads stdin) to v4/timpush/push, after `timpush validate`'s\n"
        "checks: any error refuses the send (exit 1) and nothing goes out. A body that reaches every\n"
        "user (no tag or attribute condition) needs --all-users with the target's SDKAppID, as the\n"
        "page asks for it typed.\n"
        "\n"
        "  --to A,B,...   a test send: the same OfflinePushInfo, MsgRandom and DataId to 1..500 named\n"
        "                 accounts (v4/timpush/batch, separated by commas or spaces), never the audience\n"
        "  --to-file F    the accounts from F, separated by commas, spaces or lines\n"
        "  --all-users N  confirms a push to every user of app N (ignored for a test send)\n"
        "\n"
        "Spacing and retries, without any state file: when the service answers 90024 (pushes under\n"
        "1 s apart) the command waits 1.1 s and sends the same bytes again; when the call gets no\n"
        "answer at all (network, timeout) it sends the same bytes again, at most twice. The same\n"
        "bytes carry the same MsgRandom, so a push that did arrive is not pushed twice (the service\n"
        "answers the first TaskId again). A new MsgRandom is never made here.\n"
        "\n") +
    target::kHelp +
    "\nexit status: 0 sent (the TaskId on stdout), 1 refused (locally or by the service) or no\n"
    "answer, 2 bad usage or unreadable input.\n";

core::Words refusal_line(const core::Issue& issue) {
  const std::string where = issue.pointer.empty() ? "(body)" : issue.pointer;
  return core::same(std::to_string(issue.code) + " " + where + ": ") + issue.message;
}

// Prints the errors of a report; true when there were any.
bool refuse_on_errors(const core::ValidationReport& report, const target::Target& t) {
  if (report.ok()) return false;
  for (const auto& issue : report.issues) {
    if (issue.severity == core::Severity::error) std::cerr << core::tr(t.lang, refusal_line(issue)) << "\n";
  }
  print_error("send", core::tr(t.lang, core::Words{"refused: the body has errors; nothing was sent",
                                                   "已拒绝:请求体有错误,未发送"}));
  return true;
}

int run(const Args& args) {
  if (args.positional().size() != 1) {
    print_error("send", args, {"give one FILE (see timpush send --help)",
                               "请给出一个 FILE(见 timpush send --help)"});
    return 2;
  }
  InputText input = read_input(args.positional()[0]);
  if (!input.text) {
    print_error("send", args, input.error);
    return 2;
  }
  auto t = target::read(args, "send");
  if (!t) return 2;

  bool bad_accounts = false;
  const std::optional<std::string> accounts_text = target::accounts_text(args, "send", &bad_accounts);
  if (bad_accounts) return 2;
  const bool test_send = accounts_text.has_value();
  std::string api = "push";
  std::string body = *input.text;
  core::ValidationReport report = core::validate_body(body);
  if (refuse_on_errors(report, *t)) return 1;

  if (test_send) {
    core::AccountList accounts = core::parse_accounts(*accounts_text);
    Json batch = core::batch_body(report.document, accounts.accounts, t->identifier);
    // validate_batch judges the account list too (1..500, no empty or repeated ones).
    core::ValidationReport checked = core::validate_batch(batch);
    if (refuse_on_errors(checked, *t)) return 1;
    api = "batch";
    body = batch.dump(-1, ' ', false, Json::error_handler_t::replace);
  } else if (core::reaches_everyone(report.document)) {
    auto typed = args.value("--all-users");
    if (!typed || !core::confirmation_matches(*typed, t->sdkappid)) {
      print_error("send", core::tr(t->lang, core::everyone_warning(t->sdkappid) +
                                                core::Words{" (give --all-users " + std::to_string(t->sdkappid) + ")",
                                                            "(请给出 --all-users " + std::to_string(t->sdkappid) + ")"}));
      return 1;
    }
  }

  HttpReply reply;
  core::PushResponse answer;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    reply = target::call(*t, api, body);
    answer = core::read_push_response(reply.status, reply.body);
    const bool spacing = answer.error_code == 90024;
    const bool lost = reply.status == 0;
    if ((!spacing && !lost) || attempt == kAttempts) break;
    std::cerr << core::tr(t->lang, spacing ? core::Words{"90024: waiting out the 1 s spacing, then the same request again",
                                                         "90024:等待 1 秒间隔后重发同一请求"}
                                           : core::Words{"no answer (" + reply.error + "); the same request again (same MsgRandom)",
                                                         "没有应答(" + reply.error + ");重发同一请求(MsgRandom 不变)"})
              << "\n";
    std::this_thread::sleep_for(std::chrono::milliseconds(spacing ? kSpacingWaitMs : 500));
  }
  if (!target::answered(*t, "send", reply, answer)) return 1;
  if (!t->json) {
    const std::string id = answer.task_id.value_or("");
    std::cout << core::tr(t->lang, test_send ? core::Words{"test send accepted: TaskId " + id,
                                                           "测试推送已受理:TaskId " + id}
                                             : core::Words{"push accepted: TaskId " + id,
                                                           "推送已受理:TaskId " + id})
              << "\n";
  }
  return 0;
}

std::vector<std::string> valued() {
  auto list = target::valued();
  list.insert(list.end(), {"--to", "--to-file", "--all-users"});
  return list;
}

const bool registered = register_command(
    {"send", "validate and send a push, or test-send it to named accounts", kUsage, valued(),
     target::flags(), run});

}  // namespace
}  // namespace timpush::cli
