// Training lessons: one JSON file each (web/lessons/*.json, schema in web/lessons/README.md), read
// into a Lesson, and the grading of a trainee's attempts against it. Grading is a pure function of
// the lesson, the calls made (or bodies checked), the service's answers and the trainee's answer to
// a lesson's question, so it runs the same in the page, in `timpush lessons check` and in native
// tests. Reading is lesson.cpp, grading lesson_grade.cpp.
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
    prefix,       // the string at pointer starts with `value` (a TaskId's shape, not its value)
    api,          // the last call went to API `value` ("revoke")
    same_task,    // the value at pointer (default /TaskId) is, or holds, the TaskId an earlier
                  // push's or test send's OK answer carried in this lesson
    choice,       // the trainee's answer to `question` is choice `correct`
  };
  Kind kind = Kind::present;
  std::string pointer;  // RFC 6901, into the body (or the answer, with in_answer)
  bool in_answer = false;  // "in": "answer"
  Json value;
  bool unordered = false;
  Words say;            // what it asks, shown met or missed
  Words question;       // choice: the question and its choices, shown in the lesson bar
  std::vector<Words> choices;
  size_t correct = 0;
};

// One call of the model answer, when the model is more than one push (`model_steps`).
struct ModelStep {
  std::string api;      // "push", "revoke", ... (the last part of the API's path)
  Json body;
  Json answer;          // the sandbox's answer, as recorded
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
  // The APIs whose calls are graded (default push): a follow or schedule call made during a push
  // lesson is not its attempt.
  std::vector<std::string> apis;
  std::vector<ModelStep> model_steps;  // the model as several calls; else one push of `model`
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
  std::string api = "push";  // where it went (api_of_url), "push" for a body checked
};

// The API a request URL calls, as lessons name it: the last part of its path ("revoke" for
// .../v4/timpush/revoke?sdkappid=...); "" when the URL calls no v4 API.
std::string api_of_url(std::string_view url);
// Whether the lesson grades calls to `api`.
bool grades_api(const Lesson& lesson, std::string_view api);
// The lesson's question (its choice requirement), or nullptr.
const Requirement* question_of(const Lesson& lesson);
// Keeps at most `most` attempts: the first (where an expected error was seen) and those whose OK
// answer carries a TaskId (a same_task rule looks back at them) stay longest; the oldest others
// go first.
void trim_attempts(std::vector<Attempt>& attempts, size_t most);

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

// Grades the attempts of one lesson, oldest first, those to APIs it does not grade left out: the
// last one must meet every requirement and, with expect_error, an earlier one must have shown that
// code (answer or Checks). `chosen` is the trainee's answer to the lesson's question, if any.
Verdict grade_lesson(const Lesson& lesson, const std::vector<Attempt>& attempts,
                     std::optional<size_t> chosen = std::nullopt);

// A lesson's check against itself: its model answer (its steps, or `model`), with the answers the
// file records (after the start, when an error must be seen first) and the question's correct
// choice, must pass; its start must not, answered as the file
// records or, when it records nothing, as the model was (so the start fails on what it asks, not
// for want of an answer). Empty when the lesson holds; else why not.
Words self_check(const Lesson& lesson);

}  // namespace timpush::core
