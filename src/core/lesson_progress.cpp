// The trainee's lesson progress in storage and the lessons' index (see lesson_progress.h).
#include "core/lesson_progress.h"

#include "core/json.h"
#include "core/lesson.h"

namespace timpush::core {

bool LessonProgress::record(const std::string& id, bool passed) {
  auto found = marks.find(id);
  if (found == marks.end()) {
    if (marks.size() >= max_progress_entries) return false;
    marks[id] = LessonMark{true, passed};
    return true;
  }
  LessonMark& m = found->second;
  // A pass stays a pass: trying a passed lesson again and missing does not take it away.
  const LessonMark before = m;
  m.tried = true;
  m.passed = m.passed || passed;
  return before.tried != m.tried || before.passed != m.passed;
}

size_t LessonProgress::passed_count() const {
  size_t n = 0;
  for (const auto& [id, m] : marks) n += m.passed ? 1 : 0;
  return n;
}

size_t LessonProgress::tried_count() const {
  size_t n = 0;
  for (const auto& [id, m] : marks) n += m.tried ? 1 : 0;
  return n;
}

ProgressRead parse_progress(std::string_view text) {
  ProgressRead out;
  JsonReadResult read = read_json(text, JsonLimits{8, max_progress_entries * 2});
  const Json* lessons = read.failure == JsonReadResult::Failure::none ? find_member(read.value, "lessons") : nullptr;
  if (!lessons || !lessons->is_object()) {
    out.unreadable = true;
    return out;
  }
  for (const auto& [id, entry] : lessons->items()) {
    if (out.progress.marks.size() >= max_progress_entries) break;
    if (!is_lesson_id(id) || !entry.is_object()) continue;
    LessonMark m;
    m.passed = get_bool(entry, "passed").value_or(false);
    m.tried = m.passed || get_bool(entry, "tried").value_or(false);
    if (m.tried) out.progress.marks[id] = m;
  }
  return out;
}

std::string serialize_progress(const LessonProgress& progress) {
  Json lessons = Json::object();
  for (const auto& [id, m] : progress.marks) lessons[id] = Json{{"tried", m.tried}, {"passed", m.passed}};
  return Json{{"schema", 1}, {"lessons", std::move(lessons)}}.dump();
}

LessonIndex read_lesson_index(std::string_view text, std::string_view index_url) {
  LessonIndex out;
  JsonReadResult read = read_json(text, JsonLimits{8, max_index_files * 2});
  const Json* files = read.failure == JsonReadResult::Failure::none ? find_member(read.value, "files") : nullptr;
  if (!files || !files->is_array()) {
    out.error = {"the lessons' index is not {\"files\": [...]}", "课程索引不是 {\"files\": [...]}"};
    return out;
  }
  const Json* urls = find_member(read.value, "urls");
  // Names are resolved against the index's folder.
  const std::string_view folder = index_url.substr(0, index_url.rfind('/') + 1);
  for (const Json& f : *files) {
    if (out.entries.size() >= max_index_files) break;
    LessonIndexEntry e;
    const std::string name = f.is_string() ? f.get<std::string>() : std::string();
    const bool json_name = name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0;
    e.id = json_name ? name.substr(0, name.size() - 5) : name;
    if (!json_name || !is_lesson_id(e.id)) {
      if (e.id.empty()) e.id = "?";
      e.error = {"not a lesson file name (<id>.json with a-z, 0-9 and -)",
                 "不是课程文件名（<id>.json，只含 a-z、0-9 和 -）"};
    } else if (urls && urls->is_object() && get_string(*urls, name.c_str())) {
      e.url = *get_string(*urls, name.c_str());
    } else {
      e.url = std::string(folder) + name;
    }
    out.entries.push_back(std::move(e));
  }
  return out;
}

}  // namespace timpush::core
