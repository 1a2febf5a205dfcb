// `timpush preview`: the push as each platform will show it (core/device_preview.h), for people
// or for scripts; and the device warnings `timpush validate` adds to its report.
#include <iostream>

#include "cli/command.h"
#include "cli/device_report.h"
#include "core/device_preview.h"
#include "core/json.h"

namespace timpush::cli {
namespace {

const char kUsage[] =
    "usage: timpush preview [FILE|-] [--platform NAME] [--json] [--lang en|zh]\n"
    "\n"
    "Shows how iOS (APNs) and each Android vendor channel (Huawei, Honor, Xiaomi, OPPO, vivo,\n"
    "Meizu, FCM) will display a v4/timpush/push body: the title, subtitle and text as shown\n"
    "collapsed and expanded (a cut text ends in \"…\", and the line says where and why), the image\n"
    "slot, the delivery class (silent marketing classes, daily caps), the fields each platform\n"
    "reads and ignores, and its warnings with their local codes (21 title over a vendor's hard\n"
    "limit, 22 body over it, 23 over a soft limit: may be cut, 24/25 payload over 4096 bytes / 3.5 KB,\n"
    "26 OPPO or Xiaomi channel ID missing, 27 silent class, 28 image dropped, 29 image not HTTPS,\n"
    "30 test-like text, 31 title equals text, 32 Ext over 1 KB, 33 title required, 34 vivo's night\n"
    "window). Limits and their sources: see src/core/device_preview.h.\n"
    "\n"
    "options:\n"
    "  --platform NAME  one of apns huawei honor xiaomi oppo vivo meizu fcm (default: all)\n"
    "  --json           print the model: {\"platforms\":[...],\"common\":[...]}\n"
    "  --lang en|zh     language of the messages (default en)\n"
    "\n"
    "exit status: 0 shown, 2 unreadable input, a body that is not a JSON object, or bad usage.\n";

int run(const Args& args) {
  const std::optional<core::Lang> lang = lang_option(args, "preview");
  if (!lang) return 2;
  if (args.positional().size() > 1) {
    print_error("preview", "give one FILE at most (see timpush preview --help)");
    return 2;
  }
  std::optional<core::Platform> only;
  if (auto name = args.value("--platform")) {
    only = core::platform_from_id(*name);
    if (!only) {
      print_error("preview", "--platform must be one of apns huawei honor xiaomi oppo vivo meizu fcm, not " +
                                 shown_value(*name).en);
      return 2;
    }
  }
  InputText input = read_input(args.positional().empty() ? "-" : args.positional()[0]);
  if (!input.text) {
    print_error("preview", args, input.error);
    return 2;
  }
  core::JsonReadResult read = core::read_json(*input.text, {512, 10000});
  if (!read.ok() || !read.value.is_object()) {
    print_error("preview", args, {"the body is not a JSON object (timpush validate says why)",
                                  "请求体不是 JSON 对象（timpush validate 会说明原因）"});
    return 2;
  }
  const core::DevicePreview preview = core::preview_devices(read.value);
  if (args.has("--json")) {
    std::cout << preview_json(preview, *lang, only).dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
  } else {
    print_preview(std::cout, preview, *lang, only);
  }
  return 0;
}

const bool registered = register_command(
    {"preview", "show how each platform will display a push, with its limits", kUsage,
     {"--lang", "--platform"}, {"--json"}, run});

}  // namespace
}  // namespace timpush::cli
