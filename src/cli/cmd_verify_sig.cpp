// `timpush verify-sig`: decodes a UserSig and checks it as the service would (sdkappid, identifier,
// expiry, then the HMAC when a key is given), printing the decoded fields like Tencent's console tool.
// The UserSig comes from standard input or --sig-file: an admin's token never goes on argv.
#include <unistd.h>

#include <iostream>
#include <optional>

#include "cli/command.h"
#include "cli/usersig_options.h"
#include "core/error_catalog.h"
#include "core/json.h"
#include "core/usersig.h"

namespace timpush::cli {
namespace {

namespace opts = usersig_options;
namespace us = core::usersig;

const char kUsage[] =
    "usage: timpush verify-sig --sdkappid N --identifier ID [--sig-file F] [--now UNIX]\n"
    "                          [--key-file F] [--lang en|zh] [--json] < usersig.txt\n"
    "\n"
    "Decodes a UserSig and checks it in the service's order: SDKAppID (70014), identifier\n"
    "(70013), expiry (70001), then, with a SecretKey, the signature (70009). A UserSig that\n"
    "cannot be decoded is 70002 (empty) or 70003 (malformed, with what failed: base64, zlib or\n"
    "JSON). The decoded fields are printed even when a check fails.\n"
    "The UserSig is read from standard input, or from --sig-file, never from the command line:\n"
    "it is an admin's bearer token, and the shell history and ps keep what is typed there.\n"
    "The SecretKey comes from TIMPUSH_SECRET_KEY or --key-file, for the same reason; without\n"
    "one, everything but the signature is checked. A trailing newline is removed from both.\n"
    "\n"
    "options:\n"
    "  --sdkappid N      the SDKAppID the request will use\n"
    "  --identifier ID   the identifier the request will use\n"
    "  --sig-file F      read the UserSig from F instead of standard input (- is stdin)\n"
    "  --now UNIX        judge expiry at this Unix time (default: now)\n"
    "  --key-file F      read the SecretKey from F\n"
    "  --lang en|zh      language of the report and of the messages (default en)\n"
    "  --json            print one JSON object instead of text\n"
    "\n"
    "example:\n"
    "  timpush sign --sdkappid 1400000000 --identifier administrator --key-file key.txt |\n"
    "    timpush verify-sig --sdkappid 1400000000 --identifier administrator --key-file key.txt\n"
    "\n"
    "exit status: 0 valid, 1 invalid (reason and code printed), 2 bad usage.\n";

struct Labels {
  const char* sdkappid;
  const char* identifier;
  const char* version;
  const char* issued;
  const char* validity;
  const char* expires;
  const char* remaining;
  const char* userbuf;
  const char* signature;
  const char* result;
  const char* fix;
};

const core::Bilingual<Labels> labels = {{"SDKAppID:   ", "identifier: ", "version:    ", "issued at:  ", "validity:   ",
                          "expires at: ", "remaining:  ", "userbuf:    ", "signature:  ", "result:     ",
                          "fix:        "},
                          {"SDKAppID：  ", "identifier：", "版本：      ", "签发时间：  ", "有效期：    ",
                          "过期时间：  ", "剩余：      ", "userbuf：   ", "签名：      ", "结果：      ",
                          "解决：      "}};

core::Phrase signature_line(const us::Verdict& v, bool key_given) {
  if (v.signature_checked)
    return v.code == 70009 ? core::Phrase{"does not match the SecretKey", "与 SecretKey 不符"}
                           : core::Phrase{"verified with the SecretKey", "已用 SecretKey 校验通过"};
  if (!key_given)
    return {"not checked: no SecretKey (set TIMPUSH_SECRET_KEY or use --key-file)",
            "未校验：没有 SecretKey（设置 TIMPUSH_SECRET_KEY 或使用 --key-file）"};
  return {"not checked: an earlier check failed", "未校验：在此之前的检查已失败"};
}

// "15552000 s (180 days)", "剩余 15552000 秒（180 天）": seconds, then the readable duration.
core::Words seconds_and_duration(int64_t seconds) {
  return core::same(std::to_string(seconds)) + core::Words{" s (", " 秒（"} + us::format_duration(seconds) +
         core::Words{")", "）"};
}

void print_text(const us::Verdict& v, bool key_given, core::Lang lang) {
  const Labels& l = tr(lang, labels);
  if (v.decoded) {
    const us::Decoded& d = *v.decoded;
    std::cout << l.sdkappid << d.sdkappid << "\n"
              << l.identifier << d.identifier << "\n"
              << l.version << d.version << "\n"
              << l.issued << us::format_utc(d.time) << " (" << d.time << ")\n"
              << l.validity << tr(lang, seconds_and_duration(d.expire)) << "\n"
              << l.expires << us::format_utc(d.expires_at()) << " (" << d.expires_at() << ")\n";
    int64_t r = v.remaining_seconds;
    std::cout << l.remaining;
    if (r >= 0)
      std::cout << tr(lang, us::format_duration(r) + core::same(" (" + std::to_string(r)) +
                                core::Words{" s)", " 秒)"}) << "\n";
    else
      std::cout << tr(lang, core::Words{"expired ", "已过期 "} + us::format_duration(-r) +
                                core::Words{" ago (", "（"} + core::same(std::to_string(-r)) +
                                core::Words{" s)", " 秒）"}) << "\n";
    if (d.userbuf) std::cout << l.userbuf << *d.userbuf << "\n";
    std::cout << l.signature << tr(lang, signature_line(v, key_given)) << "\n";
  }
  if (v.ok()) {
    std::cout << l.result << tr(lang, v.reason) << "\n";
    return;
  }
  std::cout << l.result << v.code << " " << tr(lang, v.reason) << "\n";
  if (const core::ErrorEntry* entry = core::find_error(v.code))
    std::cout << l.fix << tr(lang, entry->fix) << "\n";
}

void print_json(const us::Verdict& v) {
  Json out = Json::object();
  out["valid"] = v.ok();
  out["code"] = v.code;
  out["reason_en"] = v.reason.en;
  out["reason_zh"] = v.reason.zh;
  out["signature_checked"] = v.signature_checked;
  if (v.decoded) {
    const us::Decoded& d = *v.decoded;
    Json decoded = Json::object();
    decoded["version"] = d.version;
    decoded["sdkappid"] = d.sdkappid;
    decoded["identifier"] = d.identifier;
    decoded["time"] = d.time;
    decoded["time_utc"] = us::format_utc(d.time);
    decoded["expire"] = d.expire;
    decoded["expires_at"] = d.expires_at();
    decoded["expires_at_utc"] = us::format_utc(d.expires_at());
    decoded["remaining_seconds"] = v.remaining_seconds;
    if (d.userbuf) decoded["userbuf"] = *d.userbuf;
    out["decoded"] = decoded;
  }
  std::cout << out.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace) << "\n";
}

// The UserSig from --sig-file or standard input; nothing after printing why.
std::optional<std::string> read_usersig(const Args& args) {
  const std::string path = args.value("--sig-file").value_or("-");
  if (path == "-" && args.value("--key-file") == std::optional<std::string>("-")) {
    print_error("verify-sig", args,
                core::Words{"standard input cannot hold both the key and the UserSig", "标准输入不能同时提供密钥和 UserSig"});
    return std::nullopt;
  }
  if (path == "-" && isatty(STDIN_FILENO))
    std::cerr << (wants_zh(args) ? "粘贴 UserSig，然后按 Enter 和 Ctrl-D\n" : "paste the UserSig, then Enter and Ctrl-D\n");
  InputText input = read_input(path);
  if (!input.text) {
    print_error("verify-sig", args, core::Words{"--sig-file: ", "--sig-file："} + input.error);
    return std::nullopt;
  }
  // Only the line ending a pipe or file adds is removed; anything else is the UserSig's problem.
  opts::strip_line_end(*input.text);
  return input.text;
}

int run(const Args& args) {
  if (args.has("--key")) {
    print_error("verify-sig", opts::key_option_refusal("verify-sig"));
    return 2;
  }
  const std::optional<core::Lang> lang = lang_option(args, "verify-sig");
  if (!lang) {
    return 2;
  }
  // "-" was the old way to ask for standard input; it names no secret, so it still works.
  const auto& positional = args.positional();
  if (!positional.empty() && !(positional.size() == 1 && positional[0] == "-")) {
    print_error("verify-sig", args,
                core::Words{"a UserSig on the command line is refused: it is an admin's bearer token, and the "
                            "shell history and ps keep what is typed there. Give it on standard input "
                            "(timpush verify-sig ... < usersig.txt) or with --sig-file FILE (",
                            "拒绝在命令行中提供 UserSig：它是管理员的访问凭据，命令行会留在 shell 历史中并被 ps 看到。"
                            "请通过标准输入（timpush verify-sig ... < usersig.txt）或 --sig-file FILE 提供（"} +
                    unexpected_argument(1) + core::Words{")", "）"});
    return 2;
  }
  auto sdkappid_text = args.value("--sdkappid");
  auto identifier = args.value("--identifier");
  if (!sdkappid_text || !identifier) {
    print_error("verify-sig", "--sdkappid and --identifier are required: they are what the request will use "
                              "(see timpush verify-sig --help)");
    return 2;
  }
  auto sdkappid = opts::parse_whole(*sdkappid_text, 0, 4294967295LL);
  if (!sdkappid) {
    print_error("verify-sig", "--sdkappid must be a whole number from 0 to 4294967295, not " + shown_value(*sdkappid_text).en);
    return 2;
  }
  std::optional<int64_t> now = opts::unix_time_option(args, "--now", "verify-sig");
  if (!now) return 2;
  opts::KeySource source = opts::read_key(args);
  if (!source.error.empty()) {
    print_error("verify-sig", source.error);
    return 2;
  }
  std::optional<std::string> usersig = read_usersig(args);
  if (!usersig) return 2;
  if (source.key && !args.has("--json"))
    if (auto note = opts::key_shape_note(*source.key); !note.empty()) std::cerr << "timpush verify-sig: " << note << "\n";

  us::Verdict verdict = us::verify(*usersig, static_cast<uint32_t>(*sdkappid), *identifier,
                                   source.key ? std::optional<std::string_view>(*source.key) : std::nullopt, *now);
  if (args.has("--json"))
    print_json(verdict);
  else
    print_text(verdict, source.key.has_value(), *lang);
  return verdict.ok() ? 0 : 1;
}

const bool registered = register_command(
    {"verify-sig", "decode and check a UserSig like the service (70001/70003/70009/70013/70014)", kUsage,
     {"--sdkappid", "--identifier", "--sig-file", "--now", "--key-file", "--lang", "--key"}, {"--json"}, run});

}  // namespace
}  // namespace timpush::cli
