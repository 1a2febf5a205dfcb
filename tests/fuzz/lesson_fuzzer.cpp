// libFuzzer target: any bytes as a lesson file, then as an attempt (its body, and its answer for
// the rules that read answers) graded against a fixed lesson of every kind, as a URL read for its
// API, as the stored progress, as the lessons' index, and as a body whose
// Condition is cut into parts for the reach. Built only with -DTIMPUSH_FUZZ=ON and clang (tests/fuzz/CMakeLists.txt).
// Aborts on a broken invariant so libFuzzer keeps the input.
#include "core/lesson.h"
#include "core/lesson_progress.h"
#include "core/reach.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace timpush::core;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  LessonRead read = read_lesson(text, "t");
  FUZZ_ENSURE(read.lesson.has_value() == read.error.en.empty());
  if (!read.lesson) {
    FUZZ_ENSURE(!read.error.zh.empty());
  } else {
    FUZZ_ENSURE(!read.lesson->requirements.empty() && !read.lesson->hints.empty());
    Words problem = self_check(*read.lesson);
    FUZZ_ENSURE(problem.en.empty() == problem.zh.empty());
  }
  // The bytes as a trainee's attempt at a fixed lesson: a verdict for every requirement.
  static const LessonRead fixed = read_lesson(
      R"({"schema":1,"id":"t","title":{"en":"a","zh":"b"},"goal":{"en":"a","zh":"b"},"start":{},)"
      R"("hints":[{"en":"a","zh":"b"}],"expect_error":90005,"requirements":[)"
      R"({"kind":"equals","pointer":"/Condition/TagsOr","value":["a"],"unordered":true,"say":{"en":"a","zh":"b"}},)"
      R"({"kind":"contains","pointer":"/a~1b/0","value":[1],"say":{"en":"a","zh":"b"}},)"
      R"({"kind":"no_issue","value":21,"say":{"en":"a","zh":"b"}},{"kind":"valid","say":{"en":"a","zh":"b"}},)"
      R"({"kind":"answer_code","value":90024,"say":{"en":"a","zh":"b"}}],)"
      R"("model":{},"model_answer":{"ActionStatus":"OK","ErrorCode":0}})",
      "t");
  FUZZ_ENSURE(fixed.lesson.has_value());
  Verdict v = grade_lesson(*fixed.lesson, {{std::string(text), timpush::Json()}, {std::string(text), timpush::Json()}});
  FUZZ_ENSURE(v.results.size() == fixed.lesson->requirements.size());
  FUZZ_ENSURE(!v.summary.en.empty() && !v.summary.zh.empty());

  // The kinds of the lessons over several calls: the bytes as a body and as an answer, from a push
  // and a revoke, with every choice and none.
  static const LessonRead calls = read_lesson(
      R"({"schema":1,"id":"t","title":{"en":"a","zh":"b"},"goal":{"en":"a","zh":"b"},"start":{},)"
      R"("hints":[{"en":"a","zh":"b"}],"apis":["push","revoke"],"requirements":[)"
      R"({"kind":"api","value":"revoke","say":{"en":"a","zh":"b"}},{"kind":"same_task","say":{"en":"a","zh":"b"}},)"
      R"({"kind":"prefix","in":"answer","pointer":"/TaskId","value":"batch_","say":{"en":"a","zh":"b"}},)"
      R"({"kind":"present","in":"answer","pointer":"/Results/0/x~0","say":{"en":"a","zh":"b"}},)"
      R"({"kind":"choice","question":{"en":"a","zh":"b"},"choices":[{"en":"a","zh":"b"},{"en":"c","zh":"d"}],)"
      R"("correct":1,"say":{"en":"a","zh":"b"}}],)"
      R"("model_steps":[{"api":"push","body":{},"answer":{"ActionStatus":"OK","ErrorCode":0,"TaskId":"x"}},)"
      R"({"api":"revoke","body":{"TaskId":"x"},"answer":{"ActionStatus":"OK","ErrorCode":0,"TaskId":"batch_x",)"
      R"("Results":[{"x~":1}]}}]})",
      "t");
  FUZZ_ENSURE(calls.lesson.has_value() && self_check(*calls.lesson).en.empty());
  const timpush::Json as_answer = read_json(text, JsonLimits{64, 1000}).value;
  std::vector<Attempt> made = {{std::string(text), as_answer, "push"}, {std::string(text), as_answer, "revoke"},
                               {std::string(text), as_answer, api_of_url(text)}};
  for (std::optional<size_t> chosen : {std::optional<size_t>(), std::optional<size_t>(0), std::optional<size_t>(7)}) {
    Verdict c = grade_lesson(*calls.lesson, made, chosen);
    FUZZ_ENSURE(c.results.empty() || c.results.size() == calls.lesson->requirements.size());
    FUZZ_ENSURE(!c.passed || chosen == std::optional<size_t>(1));  // only the correct choice passes
  }
  trim_attempts(made, 2);
  FUZZ_ENSURE(made.size() == 2 && made.back().api == api_of_url(text));

  // Stored progress and the index: bounded, and what is kept reads back the same.
  ProgressRead progress = parse_progress(text);
  FUZZ_ENSURE(progress.progress.marks.size() <= max_progress_entries);
  FUZZ_ENSURE(parse_progress(serialize_progress(progress.progress)).progress.marks.size() ==
              progress.progress.marks.size());
  LessonIndex index = read_lesson_index(text, "lessons/index.json");
  FUZZ_ENSURE(index.entries.size() <= max_index_files);
  for (const LessonIndexEntry& e : index.entries) FUZZ_ENSURE(e.url.empty() != e.error.en.empty());
  // The reach's parts: at most ten, and each one taken out leaves a body with fewer parts.
  JsonReadResult body = read_json(text, JsonLimits{64, 1000});
  if (body.failure == JsonReadResult::Failure::none) {
    std::vector<ConditionPart> parts = condition_parts(body.value);
    FUZZ_ENSURE(parts.size() <= max_reach_parts);
    for (const ConditionPart& part : parts)
      FUZZ_ENSURE(condition_parts(body_without(body.value, part), 1000).size() <
                  condition_parts(body.value, 1000).size());
  }
  return 0;
}
