// `timpush explain`: what a field of the push request means, from the core's one table
// (core/explain.h), the same texts the page's (?) help and annotated preview show.
#include <iostream>

#include "cli/command.h"
#include "core/explain.h"

namespace timpush::cli {
namespace {

const char kUsage[] =
    "usage: timpush explain POINTER [--lang en|zh]\n"
    "       timpush explain [--lang en|zh]            (every field)\n"
    "\n"
    "Explains a field of the push request: a body field by its JSON pointer (/MsgRandom,\n"
    "/Condition/TagsAnd/0, /OfflinePushInfo/ApnsInfo/Sound), a query parameter by ?NAME\n"
    "(?usersig, ?sdkappid) and a field of a decoded UserSig by its name (TLS.expire): what it\n"
    "means, the error codes that guard it, the platforms that read it and where the page's form\n"
    "has it.\n"
    "\n"
    "options:\n"
    "  --lang en|zh   language (default en)\n"
    "\n"
    "exit status: 0 found, 1 a field the documents do not name, 2 bad usage.\n";

const core::FieldExplanation* find(const std::string& key) {
  if (!key.empty() && key[0] == '?') return core::explain_query(std::string_view(key).substr(1));
  if (key.rfind("TLS.", 0) == 0) return core::explain_usersig(key);
  return core::explain_body(key);
}

std::string shown_key(const core::FieldExplanation& entry) {
  switch (entry.scope) {
    case core::ExplainScope::query: return "?" + std::string(entry.key);
    case core::ExplainScope::usersig: return std::string(entry.key);
    case core::ExplainScope::body: break;
  }
  return entry.key.empty() ? std::string("(body)") : std::string(entry.key);
}

void print_entry(const core::FieldExplanation& entry, const std::string& key, core::Lang lang) {
  const core::ExplanationText text = core::explanation_text(entry, key);
  std::cout << (key.empty() && entry.scope == core::ExplainScope::body ? "(body)" : key) << "\n  "
            << tr(lang, text.meaning) << "\n";
  for (const auto& rule : text.rules) std::cout << "  " << tr(lang, core::Phrase{"rule ", "规则 "}) << tr(lang, rule) << "\n";
  if (!text.platforms.en.empty())
    std::cout << "  " << tr(lang, core::Phrase{"read by: ", "读取方："}) << tr(lang, text.platforms) << "\n";
  if (!text.where.en.empty()) std::cout << "  " << tr(lang, core::Phrase{"form: ", "表单："}) << tr(lang, text.where) << "\n";
}

int run(const Args& args) {
  const std::optional<core::Lang> lang = lang_option(args, "explain");
  if (!lang) return 2;
  const auto& positional = args.positional();
  if (positional.size() > 1) {
    print_error("explain", "give one POINTER (see timpush explain --help)");
    return 2;
  }
  if (positional.empty()) {
    for (const auto& entry : core::explanations()) {
      std::string key = shown_key(entry);
      std::cout << key << "  " << tr(*lang, entry.meaning) << "\n";
    }
    return 0;
  }
  const std::string& key = positional[0];
  const std::string lookup = key == "(body)" ? std::string() : key;
  const core::FieldExplanation* entry = find(lookup);
  if (!entry) {
    // A field name is not a secret, but it is quoted only when short, as every value is.
    print_error("explain", args, core::Words{"no explanation for ", "没有这个字段的说明："} + shown_value(key));
    return 1;
  }
  print_entry(*entry, entry->scope == core::ExplainScope::query ? key : lookup, *lang);
  return 0;
}

const bool registered = register_command(
    {"explain", "explain a field of the push request (body, query string, UserSig)", kUsage, {"--lang"}, {}, run});

}  // namespace
}  // namespace timpush::cli
