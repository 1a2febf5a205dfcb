// The command registry, the command-line parser, and what every command's messages share: the
// language choice, which typed values may be repeated, and reading a file or standard input.
#include "cli/command.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

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
        return "option " + shown_value(name).en + " needs a value";
      }
      repeated_[name].push_back(values_[name]);
    } else if (contains(flags, name) || name == "--help") {
      if (inline_value) return "option " + shown_value(name).en + " takes no value";
      flags_[name] = true;
    } else {
      return "unknown option " + shown_value(name).en;
    }
  }
  return std::nullopt;
}

std::vector<std::string> Args::values(const std::string& name) const {
  auto it = repeated_.find(name);
  return it == repeated_.end() ? std::vector<std::string>{} : it->second;
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

void print_error(const std::string& command, const Args& args, const core::Words& message) {
  print_error(command, core::tr(wants_zh(args) ? core::Lang::zh : core::Lang::en, message));
}

bool wants_zh(const Args& args) { return args.value("--lang") == std::optional<std::string>("zh"); }

std::optional<core::Lang> lang_option(const Args& args, const std::string& command) {
  const std::string name = args.value("--lang").value_or("en");
  std::optional<core::Lang> lang = core::parse_lang(name);
  if (!lang) print_error(command, "--lang must be en or zh, not " + shown_value(name).en);
  return lang;
}

core::Words shown_value(const std::string& value) {
  bool printable = value.size() <= max_shown_value;
  for (char c : value) printable = printable && c >= 0x20 && c < 0x7F;
  if (printable) return core::same("'" + value + "'");
  std::string n = std::to_string(value.size());
  return {"(" + n + " bytes, not shown: it could be a secret)", "（" + n + " 字节，未显示：可能是密钥）"};
}

core::Words unexpected_argument(size_t number) {
  std::string n = std::to_string(number);
  return {"unexpected argument #" + n + " (not shown: it could be a secret)",
          "多余的参数 #" + n + "（未显示：可能是密钥）"};
}

InputText read_input(const std::string& path) {
  InputText in;
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    if (std::cin.bad()) {
      in.error = {"cannot read standard input", "无法读取标准输入"};
      return in;
    }
    in.text = buffer.str();
    return in;
  }
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    in.error = {"cannot read the file: no such file", "无法读取该文件：文件不存在"};
  } else if (S_ISDIR(info.st_mode)) {
    in.error = {"cannot read the file: it is a directory", "无法读取该文件：它是目录"};
  } else if (std::ifstream file(path, std::ios::binary); !file) {
    in.error = {"cannot read the file: permission denied or not a file", "无法读取该文件：没有权限或不是文件"};
  } else {
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (file.bad()) {
      in.error = {"cannot read the file", "无法读取该文件"};
    } else {
      in.text = std::move(text);
    }
  }
  return in;
}

}  // namespace timpush::cli
