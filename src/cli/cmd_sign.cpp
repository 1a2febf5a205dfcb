// `timpush sign`: prints a UserSig for an SDKAppID and identifier, signed with the SecretKey from
// TIMPUSH_SECRET_KEY or --key-file. The CLI reads the clock; the core never does.
#include <iostream>

#include "cli/command.h"
#include "cli/usersig_options.h"
#include "core/usersig.h"

namespace timpush::cli {
namespace {

namespace opts = usersig_options;
namespace us = core::usersig;

using opts::max_seconds;

const char kUsage[] =
    "usage: timpush sign --sdkappid N --identifier ID [--expire SECONDS] [--time UNIX] [--key-file F]\n"
    "\n"
    "Prints the UserSig (TLSSigAPIv2, HMAC-SHA256) for ID in app N, alone on standard output, as\n"
    "Tencent's server libraries compute it. The SecretKey comes from the TIMPUSH_SECRET_KEY\n"
    "environment variable or from a file; it is never accepted on the command line, where the\n"
    "shell history and ps would show it.\n"
    "\n"
    "options:\n"
    "  --sdkappid N       the app's SDKAppID (1..4294967295)\n"
    "  --identifier ID    the account to sign for (an App admin for REST calls)\n"
    "  --expire SECONDS   validity (default 15552000 = 180 days, as Tencent's libraries)\n"
    "  --time UNIX        issue time in Unix seconds (default: now)\n"
    "  --key-file F       read the SecretKey from F (trailing newline removed; - reads stdin);\n"
    "                     without it, TIMPUSH_SECRET_KEY is used\n"
    "\n"
    "example:\n"
    "  TIMPUSH_SECRET_KEY=$(cat key.txt) timpush sign --sdkappid 1400000000 --identifier administrator\n"
    "\n"
    "exit status: 0 printed, 2 bad usage or no key.\n";

int run(const Args& args) {
  if (args.has("--key")) {
    print_error("sign", opts::key_option_refusal("sign"));
    return 2;
  }
  if (!args.positional().empty()) {
    print_error("sign", unexpected_argument(1).en + " (see timpush sign --help)");
    return 2;
  }
  auto sdkappid_text = args.value("--sdkappid");
  auto identifier = args.value("--identifier");
  if (!sdkappid_text || !identifier) {
    print_error("sign", "--sdkappid and --identifier are required (see timpush sign --help)");
    return 2;
  }
  auto sdkappid = opts::parse_whole(*sdkappid_text, 1, 4294967295LL);
  if (!sdkappid) {
    print_error("sign", "--sdkappid must be a whole number from 1 to 4294967295, not " + shown_value(*sdkappid_text).en);
    return 2;
  }
  if (auto problem = us::identifier_problem(*identifier)) {
    print_error("sign", "--identifier: " + problem->en);
    return 2;
  }
  int64_t expire = us::default_expire_seconds;
  if (auto text = args.value("--expire")) {
    auto value = opts::parse_whole(*text, 0, max_seconds);
    if (!value) {
      print_error("sign", "--expire must be a whole number of seconds, 0 or more, not " + shown_value(*text).en);
      return 2;
    }
    expire = *value;
  }
  std::optional<int64_t> time = opts::unix_time_option(args, "--time", "sign");
  if (!time) return 2;
  opts::KeySource source = opts::read_key(args);
  if (!source.error.empty()) {
    print_error("sign", source.error);
    return 2;
  }
  if (!source.key) {
    print_error("sign", std::string("no SecretKey: set ") + opts::key_env + " or use --key-file FILE");
    return 2;
  }
  if (auto note = opts::key_shape_note(*source.key); !note.empty()) std::cerr << "timpush sign: " << note << "\n";
  std::cout << us::generate(static_cast<uint32_t>(*sdkappid), *identifier, *source.key, *time, expire) << "\n";
  return 0;
}

const bool registered = register_command(
    {"sign", "make a UserSig (key from TIMPUSH_SECRET_KEY or --key-file)", kUsage,
     {"--sdkappid", "--identifier", "--expire", "--time", "--key-file", "--key"}, {}, run});

}  // namespace
}  // namespace timpush::cli
