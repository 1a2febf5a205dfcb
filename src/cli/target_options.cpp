// The follow-up commands' shared target options and call (target_options.h).
#include "cli/target_options.h"

#include <chrono>
#include <iostream>
#include <random>

#include "cli/usersig_options.h"
#include "core/endpoints.h"
#include "core/json.h"
#include "core/usersig.h"

namespace timpush::cli::target_options {

namespace opts = usersig_options;

const char kHelp[] =
    "target (one of):\n"
    "  --sandbox URL        a `timpush serve` as it prints its URL (http://127.0.0.1:8080/); its\n"
    "                       GET /sandbox/app fills in a missing --sdkappid, --identifier and, when\n"
    "                       the sandbox made a demo key, the key\n"
    "  --region ID [--backup]  a region of the service (china, singapore, seoul, tokyo,\n"
    "                       frankfurt, silicon-valley, jakarta, mumbai, riyadh), its backup host\n"
    "                       with --backup (riyadh has none: Tencent documents only its main host)\n"
    "  --base URL           any base URL (http(s)://host[:port][/path])\n"
    "signing:\n"
    "  --sdkappid N         the app's SDKAppID\n"
    "  --identifier ID      an App admin account (default administrator)\n"
    "  --key-file F         the SecretKey from F (- reads stdin); without it TIMPUSH_SECRET_KEY\n"
    "output:\n"
    "  --json               the service's answer as it came, for scripts\n"
    "  --lang en|zh         the language of messages (default en)\n";

std::vector<std::string> valued() {
  return {"--sandbox", "--region", "--base", "--sdkappid", "--identifier", "--key-file", "--key",
          "--lang"};
}
std::vector<std::string> flags() { return {"--backup", "--json"}; }

namespace {

core::Words words(const std::string& en, const std::string& zh) { return {en, zh}; }

// The sandbox's base from the URL `timpush serve` printed (with or without /sandbox).
std::string sandbox_base(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  const std::string suffix = "/sandbox";
  if (url.size() < suffix.size() || url.compare(url.size() - suffix.size(), suffix.size(), suffix) != 0) {
    url += suffix;
  }
  return url;
}

}  // namespace

std::optional<Target> read(const Args& args, const std::string& command) {
  Target t;
  auto lang = lang_option(args, command);
  if (!lang) return std::nullopt;
  t.lang = *lang;
  t.json = args.has("--json");
  auto fail = [&](const core::Words& message) -> std::optional<Target> {
    print_error(command, args, message + core::Words{" (see timpush " + command + " --help)",
                                                     "(见 timpush " + command + " --help)"});
    return std::nullopt;
  };
  if (args.has("--key")) return print_error(command, opts::key_option_refusal(command)), std::nullopt;
  const int targets = args.has("--sandbox") + args.has("--region") + args.has("--base");
  if (targets != 1) {
    return fail(words("give exactly one of --sandbox URL, --region ID or --base URL",
                      "请只给出 --sandbox URL、--region ID 或 --base URL 之一"));
  }
  if (args.has("--backup") && !args.has("--region")) {
    return fail(words("--backup goes with --region", "--backup 只能与 --region 一起使用"));
  }
  if (auto region_id = args.value("--region")) {
    const core::Region* region = core::find_region(*region_id);
    if (!region) return fail(words("unknown region " + shown_value(*region_id).en, "未知地区 " + shown_value(*region_id).zh));
    const std::string_view host = core::region_host(*region, args.has("--backup"));
    if (host.empty()) return fail(core::no_backup_host(*region));
    t.base = "https://" + std::string(host);
  } else {
    t.base = args.has("--sandbox") ? sandbox_base(*args.value("--sandbox")) : *args.value("--base");
    while (!t.base.empty() && t.base.back() == '/') t.base.pop_back();
    if (auto problem = core::check_base_url(t.base)) return fail(*problem);
  }

  Json app;
  if (args.has("--sandbox") && (!args.has("--sdkappid") || !args.has("--identifier") ||
                                !opts::read_key(args).key)) {
    HttpReply reply = http_get(t.base + "/app");
    app = core::parse_json(reply.body);
    if (reply.status != 200 || !app.is_object()) {
      return fail(words("the sandbox did not answer GET /sandbox/app: " +
                            (reply.error.empty() ? "HTTP " + std::to_string(reply.status) : reply.error),
                        "沙箱没有应答 GET /sandbox/app:" +
                            (reply.error.empty() ? "HTTP " + std::to_string(reply.status) : reply.error)));
    }
  }
  if (auto text = args.value("--sdkappid")) {
    auto n = opts::parse_whole(*text, 1, 4294967295LL);
    if (!n) return fail(words("--sdkappid must be 1..4294967295", "--sdkappid 必须是 1..4294967295"));
    t.sdkappid = static_cast<uint32_t>(*n);
  } else if (auto n = core::get_uint32(app, "sdkappid")) {
    t.sdkappid = *n;
  } else {
    return fail(words("--sdkappid is required", "缺少 --sdkappid"));
  }
  t.identifier = args.value("--identifier").value_or(
      core::get_string(app, "identifier").value_or("administrator"));
  if (auto problem = core::usersig::identifier_problem(t.identifier)) {
    return fail(words("--identifier: ", "--identifier:") + *problem);
  }
  opts::KeySource source = opts::read_key(args);
  if (!source.error.empty()) return print_error(command, source.error), std::nullopt;
  if (source.key) {
    t.key = *source.key;
  } else if (auto demo = core::get_string(app, "key"); demo && !demo->empty()) {
    t.key = *demo;
  } else {
    return fail(words(std::string("no SecretKey: set ") + opts::key_env + " or use --key-file FILE",
                      std::string("没有 SecretKey:请设置 ") + opts::key_env + " 或使用 --key-file FILE"));
  }
  return t;
}

std::optional<std::string> accounts_text(const Args& args, const std::string& command, bool* bad) {
  *bad = false;
  if (args.has("--to") && args.has("--to-file")) {
    *bad = true;
    print_error(command, args, words("give --to or --to-file, not both", "--to 与 --to-file 只能给出一个"));
    return std::nullopt;
  }
  if (auto to = args.value("--to")) return *to;
  auto file = args.value("--to-file");
  if (!file) return std::nullopt;
  InputText list = read_input(*file);
  if (!list.text) {
    *bad = true;
    print_error(command, args, core::Words{"--to-file: ", "--to-file:"} + list.error);
  }
  return list.text;
}

HttpReply call(const Target& target, const std::string& api, const std::string& body) {
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  core::UrlParams params;
  params.sdkappid = target.sdkappid;
  params.identifier = target.identifier;
  // An hour is enough for one call; a short validity limits what a leaked URL is worth.
  params.usersig = core::usersig::generate(target.sdkappid, target.identifier, target.key, now, 3600);
  std::random_device device;
  params.random = static_cast<uint32_t>(device());
  return http_post(core::request_url(target.base, "v4/timpush/" + api, params), body);
}

bool answered(const Target& target, const std::string& command, const HttpReply& reply,
              const core::PushResponse& envelope) {
  if (target.json && reply.status != 0 && !reply.body.empty()) std::cout << reply.body << "\n";
  if (envelope.ok()) return true;
  core::Words why = envelope.summary;
  if (reply.status == 0) why += core::same(" (" + reply.error + ")");
  // The catalogue's words are general; the service's own ErrorInfo says which field it was.
  if (envelope.error_info && !envelope.error_info->empty() &&
      why.en.find(*envelope.error_info) == std::string::npos) {
    why += core::Words{" The service said: ", " 服务端说明:"} + core::same(*envelope.error_info);
  }
  print_error(command, core::tr(target.lang, why));
  return false;
}

}  // namespace timpush::cli::target_options
