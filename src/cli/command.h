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
  std::optional<std::string> value(const std::string& name) const;  // the last one given
  std::vector<std::string> values(const std::string& name) const;   // each one, in order
  const std::vector<std::string>& positional() const { return positional_; }

private:
  std::map<std::string, std::string> values_;
  std::map<std::string, std::vector<std::string>> repeated_;
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
// The same in the language the command was asked for (--lang zh, else English).
void print_error(const std::string& command, const Args& args, const core::Words& message);
// --lang zh was given (for messages made before --lang itself is checked).
bool wants_zh(const Args& args);
// The --lang option (en by default); nothing, after saying why, for another value.
std::optional<core::Lang> lang_option(const Args& args, const std::string& command);

// What a message may repeat of what the user typed. A value typed by mistake may be a SecretKey
// (64 hexadecimal characters) or a UserSig (hundreds), and messages end up in terminals, logs
// and CI output. So an option's value is repeated, quoted, only when it is at most
// max_shown_value bytes of printable ASCII, too short to be either; otherwise only its length.
// Positional arguments are never repeated, only counted: "unexpected argument #2".
constexpr size_t max_shown_value = 16;
core::Words shown_value(const std::string& value);
core::Words unexpected_argument(size_t number);  // number counts from 1

// Reads a whole file, or standard input for "-". On failure, nothing, and why in both languages
// (without the path, which may be a mistyped secret).
struct InputText {
  std::optional<std::string> text;
  core::Words error;
};
InputText read_input(const std::string& path);

}  // namespace timpush::cli
