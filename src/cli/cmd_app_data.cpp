// `timpush attrs get|set|remove` and `timpush tags get|add|remove|clear`: the app's attribute
// names and its accounts' attributes and tags (task-apis.md section 10). The documented limits
// are checked before the call; removing and clearing want --yes, as the page asks first.
#include <iostream>

#include "cli/target_options.h"
#include "core/app_report.h"
#include "core/test_send.h"

namespace timpush::cli {
namespace {

namespace target = target_options;
using core::Words;

const std::string kAttrsUsage =
    std::string(
        "usage: timpush attrs get [--to A,B,...]\n"
        "       timpush attrs set (--name N... | --names-file F) [--type 0|1]\n"
        "       timpush attrs set --to A,B,... --attr NAME=VALUE...\n"
        "       timpush attrs remove --to A,B,... --attr-name NAME... --yes\n"
        "       (each with the target options below)\n"
        "\n"
        "  get          without --to: the app's attribute names (get_attr_name), one per line as\n"
        "               SLOT NAME TYPE (0 UserID, 1 RegistrationID); with --to: those accounts'\n"
        "               attributes (get_attr)\n"
        "  set --name   the app's attribute names (set_attr_name) in slots 0, 1, ...: at most 10,\n"
        "               1..50 bytes, no repeats (90033); --type fixes the account type of every\n"
        "               slot (it cannot change once set). --names-file takes the format of\n"
        "               `timpush validate --attr-names`\n"
        "  set --to     attribute values for accounts (set_attr): values <= 50 bytes, names set first\n"
        "  remove       removes the named attributes of accounts (remove_attr); needs --yes\n"
        "Accounts: 1..100 a call (90018 beyond), separated by commas or spaces. Accounts the service\n"
        "refused are listed with their code (70107: no such account).\n"
        "\n") +
    target::kHelp + "\nexit status: 0 done (some accounts may be listed as refused), 1 refused or no answer, 2 bad usage.\n";

const std::string kTagsUsage =
    std::string(
        "usage: timpush tags get --to A,B,...\n"
        "       timpush tags add --to A,B,... --tag T... [--replace]\n"
        "       timpush tags remove --to A,B,... --tag T... --yes\n"
        "       timpush tags clear --to A,B,... --yes\n"
        "       (each with the target options below)\n"
        "\n"
        "  get      the accounts' tags (get_tag)\n"
        "  add      adds tags (add_tag, at most 10 a call), or with --replace sets exactly these\n"
        "           (at most 100); a user holds at most 100 tags, an app 1000 distinct ones\n"
        "  remove   removes these tags (remove_tag); needs --yes\n"
        "  clear    removes every tag of the accounts (clear_all_tags); needs --yes\n"
        "A tag is 1..50 bytes (90040, 90020). A tag added changes who a tag push reaches from the\n"
        "next push on. Accounts: 1..100 a call.\n"
        "\n") +
    target::kHelp + "\nexit status: 0 done (some accounts may be listed as refused), 1 refused or no answer, 2 bad usage.\n";

int usage_error(const std::string& command, const Args& args, const Words& w) {
  print_error(command, args, w + Words{" (see timpush " + command + " --help)", "(见 timpush " + command + " --help)"});
  return 2;
}

// --to as accounts: 1..100, no empty or repeated ones; nothing after saying why.
std::optional<std::vector<std::string>> accounts_of(const std::string& command, const Args& args) {
  auto to = args.value("--to");
  if (!to) return usage_error(command, args, {"give --to A,B,...", "请给出 --to A,B,..."}), std::nullopt;
  core::AccountList list = core::parse_accounts(*to);
  if (!list.issues.empty()) return usage_error(command, args, list.issues.front().message), std::nullopt;
  if (auto problem = core::check_app_data_accounts(list.accounts.size())) {
    return usage_error(command, args, *problem), std::nullopt;
  }
  return list.accounts;
}

// Calls; prints the accounts that failed. Nothing when the call as a whole failed.
std::optional<core::AppDataReport> call(const target::Target& t, const std::string& command,
                                        const std::string& api, const std::string& body) {
  HttpReply reply = target::call(t, api, body);
  core::AppDataReport report = core::read_app_data(reply.status, reply.body);
  if (!target::answered(t, command, reply, report.envelope)) return std::nullopt;
  for (const auto& e : report.errors) {
    const std::string code = e.code ? std::to_string(*e.code) : "?";
    std::cerr << core::tr(t.lang, Words{"refused for " + e.account + ": " + code + " " + e.info,
                                        "账号 " + e.account + " 失败:" + code + " " + e.info})
              << "\n";
  }
  return report;
}

void done(const target::Target& t, const Words& w) {
  if (!t.json) std::cout << core::tr(t.lang, w) << "\n";
}

int run_attrs(const Args& args) {
  const auto& pos = args.positional();
  const std::string verb = pos.size() == 1 ? pos[0] : "";
  if (verb != "get" && verb != "set" && verb != "remove") {
    return usage_error("attrs", args, {"give get, set or remove", "请给出 get、set 或 remove"});
  }
  auto t = target::read(args, "attrs");
  if (!t) return 2;
  if (verb == "get" && !args.has("--to")) {
    HttpReply reply = target::call(*t, "get_attr_name", "{}");
    core::AttrNamesReport report = core::read_attr_names(reply.status, reply.body);
    if (!target::answered(*t, "attrs", reply, report.envelope)) return 1;
    if (!t->json) {
      if (report.names.empty()) done(*t, {"the app has no attribute names", "应用没有属性名"});
      for (const auto& n : report.names) {
        std::cout << n.slot << ' ' << n.name << ' ' << (n.type ? std::to_string(*n.type) : "-") << "\n";
      }
    }
    return 0;
  }
  if (verb == "set" && !args.has("--to")) {
    std::vector<std::string> names = args.values("--name");
    if (auto file = args.value("--names-file")) {
      InputText in = read_input(*file);
      if (!in.text) return print_error("attrs", args, in.error), 2;
      core::AttrNamesFile read = core::read_attr_names_file(*in.text);
      if (read.error) return usage_error("attrs", args, *read.error);
      names.insert(names.end(), read.names.begin(), read.names.end());
    }
    if (names.empty()) return usage_error("attrs", args, {"give --name N or --names-file F", "请给出 --name N 或 --names-file F"});
    auto issues = core::check_attr_names(names);
    if (!issues.empty()) return usage_error("attrs", args, core::same("90033 ") + issues.front().message);
    std::optional<int> type;
    if (auto text = args.value("--type")) {
      if (*text != "0" && *text != "1") return usage_error("attrs", args, {"--type is 0 or 1", "--type 只能是 0 或 1"});
      type = *text == "1" ? 1 : 0;
    }
    if (!call(*t, "attrs", "set_attr_name", core::set_attr_name_body(names, type))) return 1;
    done(*t, {"attribute names set: " + std::to_string(names.size()), "已设置属性名:" + std::to_string(names.size()) + " 个"});
    return 0;
  }
  auto accounts = accounts_of("attrs", args);
  if (!accounts) return 2;
  if (verb == "get") {
    auto report = call(*t, "attrs", "get_attr", core::accounts_body(*accounts));
    if (!report) return 1;
    if (!t->json) {
      for (const auto& user : report->attrs) {
        std::cout << user.account << ":";
        for (const auto& [name, value] : user.attrs) std::cout << ' ' << name << '=' << value;
        std::cout << "\n";
      }
    }
    return 0;
  }
  if (verb == "set") {
    std::vector<std::pair<std::string, std::string>> attrs;
    for (const auto& item : args.values("--attr")) {
      const auto eq = item.find('=');
      if (eq == std::string::npos || eq == 0) return usage_error("attrs", args, {"--attr is NAME=VALUE", "--attr 的格式为 NAME=VALUE"});
      attrs.emplace_back(item.substr(0, eq), item.substr(eq + 1));
      if (attrs.back().second.size() > core::max_attr_value_bytes) {
        return usage_error("attrs", args, {"90033: an attribute value is at most 50 bytes", "90033:属性值最多 50 字节"});
      }
    }
    if (attrs.empty()) return usage_error("attrs", args, {"give --attr NAME=VALUE", "请给出 --attr NAME=VALUE"});
    if (!call(*t, "attrs", "set_attr", core::set_attr_body(*accounts, attrs))) return 1;
    done(*t, {"attributes set", "已设置属性"});
    return 0;
  }
  std::vector<std::string> names = args.values("--attr-name");
  if (names.empty()) return usage_error("attrs", args, {"give --attr-name NAME", "请给出 --attr-name NAME"});
  if (!args.has("--yes")) return usage_error("attrs", args, {"removing attributes cannot be undone: add --yes", "删除属性无法撤销:请加 --yes"});
  if (!call(*t, "attrs", "remove_attr", core::remove_attr_body(*accounts, names))) return 1;
  done(*t, {"attributes removed", "已删除属性"});
  return 0;
}

int run_tags(const Args& args) {
  const auto& pos = args.positional();
  const std::string verb = pos.size() == 1 ? pos[0] : "";
  if (verb != "get" && verb != "add" && verb != "remove" && verb != "clear") {
    return usage_error("tags", args, {"give get, add, remove or clear", "请给出 get、add、remove 或 clear"});
  }
  auto t = target::read(args, "tags");
  if (!t) return 2;
  auto accounts = accounts_of("tags", args);
  if (!accounts) return 2;
  if ((verb == "remove" || verb == "clear") && !args.has("--yes")) {
    return usage_error("tags", args, {"removing tags cannot be undone: add --yes", "删除标签无法撤销:请加 --yes"});
  }
  if (verb == "get") {
    auto report = call(*t, "tags", "get_tag", core::accounts_body(*accounts));
    if (!report) return 1;
    if (!t->json) {
      for (const auto& user : report->tags) {
        std::cout << user.account << ":";
        for (const auto& tag : user.tags) std::cout << ' ' << tag;
        std::cout << "\n";
      }
    }
    return 0;
  }
  if (verb == "clear") {
    if (!call(*t, "tags", "clear_all_tags", core::accounts_body(*accounts))) return 1;
    done(*t, {"tags cleared", "已清除标签"});
    return 0;
  }
  const std::vector<std::string> tags = args.values("--tag");
  const bool replace = verb == "add" && args.has("--replace");
  if (auto problem = core::check_tags(tags, replace)) return usage_error("tags", args, *problem);
  const std::string body = verb == "add" ? core::add_tag_body(*accounts, tags, replace)
                                         : core::remove_tag_body(*accounts, tags);
  if (!call(*t, "tags", verb == "add" ? "add_tag" : "remove_tag", body)) return 1;
  done(*t, verb == "add" ? Words{"tags added", "已添加标签"} : Words{"tags removed", "已删除标签"});
  return 0;
}

std::vector<std::string> with(std::vector<std::string> list, std::vector<std::string> more) {
  list.insert(list.end(), more.begin(), more.end());
  return list;
}

const bool registered_attrs = register_command(
    {"attrs", "the app's attribute names, and accounts' attributes", kAttrsUsage,
     with(target::valued(), {"--to", "--name", "--names-file", "--type", "--attr", "--attr-name"}),
     with(target::flags(), {"--yes"}), run_attrs});
const bool registered_tags = register_command(
    {"tags", "accounts' tags: get, add, remove, clear", kTagsUsage,
     with(target::valued(), {"--to", "--tag"}), with(target::flags(), {"--yes", "--replace"}), run_tags});

}  // namespace
}  // namespace timpush::cli
