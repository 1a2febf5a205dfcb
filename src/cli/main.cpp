// Entry point of the native `timpush` program: finds the command and runs it. Any exception that
// escapes a command becomes one line on stderr and exit code 2, never a stack trace.
#include <exception>
#include <iostream>

#include "cli/command.h"

namespace {

void print_overview(std::ostream& out) {
  out << "timpush: composes, checks, signs, sends and follows Tencent Cloud IM push requests\n\n"
         "usage: timpush COMMAND [OPTIONS]\n\ncommands:\n";
  for (const auto& [name, command] : timpush::cli::commands()) {
    out << "  " << name;
    for (size_t pad = name.size(); pad < 12; ++pad) out << ' ';
    out << command.summary << "\n";
  }
  out << "\n`timpush COMMAND --help` explains one command.\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace timpush::cli;
  if (argc < 2) {
    print_overview(std::cerr);
    return 2;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_overview(std::cout);
    return 0;
  }
  auto found = commands().find(name);
  if (found == commands().end()) {
    std::cerr << "timpush: unknown command " << shown_value(name).en << " (see timpush --help)\n";
    return 2;
  }
  const Command& command = found->second;
  std::vector<std::string> rest(argv + 2, argv + argc);
  Args args;
  if (auto error = args.parse(rest, command.valued_options, command.flag_options)) {
    print_error(name, *error + " (see timpush " + name + " --help)");
    return 2;
  }
  if (args.has("--help")) {
    std::cout << command.usage;
    return 0;
  }
  try {
    return command.run(args);
  } catch (const std::exception& e) {
    print_error(name, e.what());
    return 2;
  }
}
