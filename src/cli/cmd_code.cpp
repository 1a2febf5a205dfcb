// `timpush code`: explains a server error code, or finds codes by a word, from the core catalogue.
#include <cstdlib>
#include <iostream>

#include "cli/command.h"
#include "core/error_catalog.h"

namespace timpush::cli {
namespace {

const char kUsage[] =
    "usage: timpush code CODE [--lang en|zh]\n"
    "       timpush code --search WORD [--lang en|zh]\n"
    "       timpush code [--lang en|zh]            (the whole table)\n"
    "\n"
    "Explains an ErrorCode of the push API (90001-91000) or a common REST code (60002-80002):\n"
    "what it means and how to fix it. --search lists the codes whose number, meaning or fix\n"
    "contains WORD, in either language, ignoring case.\n"
    "\n"
    "options:\n"
    "  --search WORD  find codes by a word or part of a number\n"
    "  --lang en|zh   language (default en)\n"
    "\n"
    "exit status: 0 found, 1 unknown code or no match, 2 bad usage.\n";

void print_entry(const core::ErrorEntry& entry, core::Lang lang) {
  std::cout << entry.code << ": " << tr(lang, entry.meaning) << "\n"
            << tr(lang, core::Phrase{"  fix: ", "  解决:"}) << tr(lang, entry.fix) << "\n";
}

void print_line(const core::ErrorEntry& entry, core::Lang lang) {
  std::cout << entry.code << "  " << tr(lang, entry.meaning) << "\n";
}

int run(const Args& args) {
  const std::optional<core::Lang> lang = lang_option(args, "code");
  if (!lang) {
    return 2;
  }
  const auto search = args.value("--search");
  const auto& positional = args.positional();
  if (positional.size() > 1 || (search && !positional.empty())) {
    print_error("code", "give one CODE or --search WORD (see timpush code --help)");
    return 2;
  }
  if (search) {
    auto found = core::search_errors(*search);
    if (found.empty()) {
      print_error("code", args, core::Words{"no error code mentions ", "没有错误码提到 "} + shown_value(*search));
      return 1;
    }
    for (const auto* entry : found) print_line(*entry, *lang);
    return 0;
  }
  if (positional.empty()) {
    for (const auto& entry : core::error_catalog()) print_line(entry, *lang);
    return 0;
  }
  const std::string& text = positional[0];
  char* end = nullptr;
  long code = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0') {
    print_error("code", args,
                core::Words{"CODE must be a number (see timpush code --help)", "CODE 必须是数字（见 timpush code --help）"});
    return 2;
  }
  const bool in_range = code >= INT32_MIN && code <= INT32_MAX;
  const core::ErrorEntry* entry = in_range ? core::find_error(static_cast<int>(code)) : nullptr;
  if (!entry) {
    // The number as parsed, not as typed: a number of at most ten digits cannot be a secret.
    std::string number = in_range ? " " + std::to_string(code) : std::string();
    print_error("code", args,
                core::Words{"unknown error code" + number + ": not a code of the push API nor a common REST code (try --search)",
                            "未知的错误码" + number + "：既不是推送 API 的错误码，也不是常见的 REST 错误码（试试 --search）"});
    return 1;
  }
  print_entry(*entry, *lang);
  return 0;
}

const bool registered = register_command(
    {"code", "explain a server error code, or search the codes by a word", kUsage,
     {"--lang", "--search"}, {}, run});

}  // namespace
}  // namespace timpush::cli
