// The `timpush` program's command registry: each cmd_*.cpp registers one command, so adding a
// command touches no shared file. Depends on nothing but the standard library.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/words.h"

namespace timpush::cli {

// Parsed command line of one command: `--name value`, `--name=value`, bare `--flag`, positionals.
// Which options take a value is declared by the command, so `--json FILE` is never misread.
class Args {
public:
  // Returns an error message, or nothing when the line was understood.
  std::optional<std::string> parse(const std::vector<std::string>& argv,
                                   const std::vector<std::string>& valued,
                                   const std::vector<std::string>& flags);

  bool has(const std::string& name) const { return flags_.count(name) || values_.count(name); }
  std::optional<std::string> value(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

private:
  std::map<std::string, std::string> values_;
  std::map<std::string, bool> flags_;
  std::vector<std::string> positional_;
};

struct Command {
  std::string name;
  std::string summary;  // one line, for `timpush --help`
  std::string usage;    // the whole `timpush NAME --help` text
  std::vector<std::string> valued_options;  // e.g. "--lang"
  std::vector<std::string> flag_options;    // e.g. "--json"
  // Exit codes: 0 success, 1 the input was judged and failed, 2 usage or I/O errors.
  std::function<int(const Args&)> run;
};

// Registers a command at static-initialisation time; returns true so it can seed a static.
bool register_command(Command command);
const std::map<std::string, Command>& commands();

// One clear line on stderr: "timpush NAME: message".
void print_error(const std::string& command, const std::string& message);
// The --lang option (en by default); nothing, after saying why, for another value.
std::optional<core::Lang> lang_option(const Args& args, const std::string& command);

}  // namespace timpush::cli
