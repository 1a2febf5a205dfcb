// `timpush lessons check DIR`: validates every lesson file of DIR (core/lesson.h) and grades each
// lesson against its own model answer (it must pass) and its starting request (it must not).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/command.h"
#include "core/lesson.h"

namespace timpush::cli {
namespace {

namespace fs = std::filesystem;

const char kUsage[] =
    "usage: timpush lessons check DIR [--lang en|zh]\n"
    "\n"
    "Reads every *.json file of DIR as a lesson (schema: web/lessons/README.md) and, for each:\n"
    "the file must be a lesson whose id is its file name, with a unique order; its model answer,\n"
    "with the answer the file records for it, must pass its check; its starting request must not\n"
    "(a lesson that asks to see an error first is graded on the start, then the model).\n"
    "One line per lesson: \"ok ID\" or \"FAIL ID: why\".\n"
    "\n"
    "exit status: 0 every lesson holds, 1 one does not, 2 bad usage or an unreadable DIR.\n";

constexpr std::uintmax_t max_lesson_bytes = 256 * 1024;

int run(const Args& args) {
  const std::optional<core::Lang> lang = lang_option(args, "lessons");
  if (!lang) return 2;
  if (args.positional().size() != 2 || args.positional()[0] != "check") {
    print_error("lessons", "usage: timpush lessons check DIR (see timpush lessons --help)");
    return 2;
  }
  const fs::path dir = args.positional()[1];
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".json") files.push_back(it->path());
  if (ec || files.empty()) {
    print_error("lessons", args, {"no lesson files (*.json) readable in the directory given",
                                  "所给目录中没有可读的课程文件（*.json）"});
    return 2;
  }
  std::sort(files.begin(), files.end());
  int failed = 0;
  std::map<int, std::string> orders;
  for (const fs::path& file : files) {
    const std::string id = file.stem().string();
    std::string problem;
    if (fs::file_size(file, ec) > max_lesson_bytes || ec) {
      problem = *lang == core::Lang::zh ? "文件过大或不可读" : "too large or unreadable";
    } else {
      std::ifstream in(file, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      core::LessonRead read = core::read_lesson(text.str(), id);
      if (!read.lesson) {
        problem = tr(*lang, read.error);
      } else if (auto [it, fresh] = orders.emplace(read.lesson->order, id); !fresh) {
        problem = (*lang == core::Lang::zh ? "order 与 " : "order is the same as ") + it->second + "'s";
      } else {
        problem = tr(*lang, core::self_check(*read.lesson));
      }
    }
    if (problem.empty()) {
      std::cout << "ok " << id << "\n";
    } else {
      std::cout << "FAIL " << id << ": " << problem << "\n";
      ++failed;
    }
  }
  return failed ? 1 : 0;
}

const bool registered = register_command(
    {"lessons", "validate lesson files and grade each against its model answer", kUsage, {"--lang"}, {}, run});

}  // namespace
}  // namespace timpush::cli
