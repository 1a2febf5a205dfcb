// `timpush revoke TASKID --title T --desc D [--ext E]`: takes a push back within 24 h
// (task-apis.md section 7). The replacement text is required by the API; it overwrites a
// delivered notification on APNs, FCM, Huawei and Honor, and devices not reached yet get nothing.
#include <iostream>

#include "cli/target_options.h"
#include "core/task_report.h"

namespace timpush::cli {
namespace {

namespace target = target_options;

const std::string kUsage =
    std::string("usage: timpush revoke TASKID --title T --desc D [--ext E] [target options]\n"
                "\n"
                "Revokes a push (v4/timpush/revoke) within 24 h of sending, at most 1 a second.\n"
                "Devices it has not reached yet do not get it; a notification already shown is\n"
                "replaced by T and D on APNs, FCM (notification mode), Huawei and Honor. A push\n"
                "can be revoked once (90050).\n"
                "\n") +
    target::kHelp +
    "\nexit status: 0 revoked, 1 the service refused or did not answer, 2 bad usage.\n";

int run(const Args& args) {
  if (args.positional().size() != 1) {
    print_error("revoke", args, {"give one TASKID (see timpush revoke --help)",
                                 "请给出一个 TASKID(见 timpush revoke --help)"});
    return 2;
  }
  auto title = args.value("--title");
  auto desc = args.value("--desc");
  if (!title || !desc) {
    print_error("revoke", args,
                {"--title and --desc are required: the API needs the replacement OfflinePushInfo "
                 "(90053 without it)",
                 "必须给出 --title 和 --desc:撤回接口需要替换用的 OfflinePushInfo(缺少时返回 90053)"});
    return 2;
  }
  auto t = target::read(args, "revoke");
  if (!t) return 2;
  auto ext = args.value("--ext");
  HttpReply reply = target::call(
      *t, "revoke",
      core::revoke_body(args.positional()[0], *title, *desc,
                        ext ? std::optional<std::string_view>(*ext) : std::nullopt));
  core::PushResponse answer = core::read_revoke(reply.status, reply.body);
  if (t->json && reply.status != 0) std::cout << reply.body << "\n";
  if (!answer.ok()) {
    core::Words why = answer.summary;
    if (reply.status == 0) why += core::same(" (" + reply.error + ")");
    print_error("revoke", core::tr(t->lang, why));
    return 1;
  }
  if (!t->json) std::cout << core::tr(t->lang, answer.summary) << "\n";
  return 0;
}

std::vector<std::string> valued() {
  auto list = target::valued();
  list.insert(list.end(), {"--title", "--desc", "--ext"});
  return list;
}

const bool registered = register_command(
    {"revoke", "take a push back within 24 h, with the replacement text", kUsage, valued(),
     target::flags(), run});

}  // namespace
}  // namespace timpush::cli
