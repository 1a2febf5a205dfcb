#include "cli/command.h"

#include <algorithm>
#include <iostream>

namespace timpush::cli {

namespace {
std::map<std::string, Command>& registry() {
  static std::map<std::string, Command> all;
  return all;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}
}  // namespace

std::optional<std::string> Args::parse(const std::vector<std::string>& argv,
                                       const std::vector<std::string>& valued,
                                       const std::vector<std::string>& flags) {
  bool options_done = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (options_done || arg == "-" || arg.rfind("--", 0) != 0) {
      positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (auto eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    if (contains(valued, name)) {
      if (inline_value) {
        values_[name] = *inline_value;
      } else if (i + 1 < argv.size()) {
        values_[name] = argv[++i];
      } else {
        return "option " + name + " needs a value";
      }
    } else if (contains(flags, name) || name == "--help") {
      if (inline_value) return "option " + name + " takes no value";
      flags_[name] = true;
    } else {
      return "unknown option " + name;
    }
  }
  return std::nullopt;
}

std::optional<std::string> Args::value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

bool register_command(Command command) {
  std::string name = command.name;
  registry()[name] = std::move(command);
  return true;
}

const std::map<std::string, Command>& commands() { return registry(); }

void print_error(const std::string& command, const std::string& message) {
  std::cerr << "timpush " << command << ": " << message << "\n";
}

std::optional<core::Lang> lang_option(const Args& args, const std::string& command) {
  const std::string name = args.value("--lang").value_or("en");
  std::optional<core::Lang> lang = core::parse_lang(name);
  if (!lang) print_error(command, "--lang must be en or zh, not '" + name + "'");
  return lang;
}

}  // namespace timpush::cli
