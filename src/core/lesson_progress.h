// A trainee's progress through the lessons as the page keeps it in the device's storage: for each
// lesson id, whether it was tried (graded at least once) and whether it was passed. Also the
// lessons' index (the list of lesson files the web build writes beside them). Pure: the page
// hands the stored text in and writes the text out; untrusted text never grows without bound.
//
// Decisions:
// - Stored as {"schema":1,"lessons":{"<id>":{"tried":true,"passed":false}}}. An id that is not a
//   lesson id ([a-z0-9-], 1..40) or an entry that is not an object is skipped, not an error: a
//   newer page's extra fields or a hand-edited store cost the trainee nothing that still reads.
// - At most max_progress_entries ids are kept (a trainer adds lessons by the dozen, not by the
//   thousand); beyond that, later ids in the text are ignored.
// - Passing implies having tried.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/words.h"

namespace timpush::core {

inline constexpr size_t max_progress_entries = 500;

struct LessonMark {
  bool tried = false;
  bool passed = false;
};

struct LessonProgress {
  std::map<std::string, LessonMark> marks;
  // Records a graded attempt; true when the marks changed (so the page stores them).
  bool record(const std::string& id, bool passed);
  size_t passed_count() const;
  size_t tried_count() const;
};

struct ProgressRead {
  LessonProgress progress;
  bool unreadable = false;  // the text was not a progress store at all (it is replaced)
};
ProgressRead parse_progress(std::string_view text);
std::string serialize_progress(const LessonProgress& progress);

// The lessons' index, written by the web build beside the lesson files:
//   {"schema":1,"files":["all-users.json", ...]}
// Each name is fetched relative to the index's URL, unless "urls" maps it to a URL of its own
// (the single-file build puts each file there as a data: URL). A name that is not "<id>.json"
// stays in the list with its problem, so the page shows it rather than dropping it silently.
inline constexpr size_t max_index_files = 200;
struct LessonIndexEntry {
  std::string id;     // the name without .json (the name itself when it is not a lesson name)
  std::string url;    // where to GET it ("" when the entry is broken)
  Words error;        // why the entry cannot be read
};
struct LessonIndex {
  std::vector<LessonIndexEntry> entries;  // in the index's order
  Words error;                            // why the index is not one (empty when it is)
};
LessonIndex read_lesson_index(std::string_view text, std::string_view index_url);

}  // namespace timpush::core
