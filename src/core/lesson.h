// Training lessons: one JSON file each (web/lessons/*.json, schema in web/lessons/README.md), read
// into a Lesson, and the grading of a trainee's attempts against it. Grading is a pure function of
// the lesson, the requests sent (or checked) and the service's answers, so it runs the same in the
// page, in `timpush lessons check` and in native tests.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/words.h"

namespace timpush::core {

// One thing the request (or its answer) must satisfy, with the sentence that explains it.
struct Requirement {
  enum class Kind {
    equals,       // the value at pointer equals `value` (arrays in any order when unordered)
    contains,     // the array at pointer holds every element of `value`
    present,      // pointer names a value
    absent,       // pointer names nothing
    valid,        // the body passes every check with no error (validation.h)
    answer_ok,    // the service answered ActionStatus OK
    answer_code,  // the service answered ErrorCode `value`
    no_issue,     // neither Checks nor the device preview report code `value` (a warning too)
  };
  Kind kind = Kind::present;
  std::string pointer;  // RFC 6901, into the body
  Json value;
  bool unordered = false;
  Words say;            // what it asks, shown met or missed
};

struct Lesson {
  std::string id;       // the file name without .json: [a-z0-9-], 1..40
  int order = 0;        // place in the list
  Words title;
  Words goal;
  std::string start;    // the starting body text (a lesson may start from one that does not parse)
  std::vector<Words> hints;  // unlocked one at a time
  bool needs_send = true;    // graded on Send to the sandbox; false: on "Check"
  // This code must be seen first, in an earlier attempt's answer or its Checks.
  std::optional<int64_t> expect_error;
  std::vector<Requirement> requirements;
  Json model;           // the model answer's body
  Json model_answer;    // what the sandbox answers the model (for `timpush lessons check`)
  Json start_answer;    // what it answers the start, when expect_error is set
};

struct LessonRead {
  std::optional<Lesson> lesson;
  Words error;          // why the file is not a lesson (names the field)
};
// A lesson id: a-z, 0-9 and '-', 1 to 40 characters (the file name without .json).
bool is_lesson_id(std::string_view id);

// Reads one lesson file's text; `file_id` is its file name without .json, which must be its id.
LessonRead read_lesson(std::string_view text, std::string_view file_id);

// One request the trainee sent or checked, and the service's answer (null when none: Check).
struct Attempt {
  std::string body;     // the exact text
  Json answer;          // the answer's JSON, or null
};

struct RequirementResult {
  bool met = false;
  std::string pointer;
  Words say;
};

struct Verdict {
  bool passed = false;
  bool error_seen = false;                 // expect_error: an earlier attempt showed it
  std::vector<RequirementResult> results;  // of the last attempt, in the lesson's order
  Words summary;
};

// Grades the attempts of one lesson, oldest first: the last one must meet every requirement and,
// with expect_error, an earlier one must have shown that code (answer or Checks).
Verdict grade_lesson(const Lesson& lesson, const std::vector<Attempt>& attempts);

// A lesson's check against itself: its model answer, with the answer the file records (after the
// start, when an error must be seen first), must pass; its start must not, answered as the file
// records or, when it records nothing, as the model was (so the start fails on what it asks, not
// for want of an answer). Empty when the lesson holds; else why not.
Words self_check(const Lesson& lesson);

}  // namespace timpush::core
