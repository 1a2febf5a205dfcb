// Lessons: every shipped lesson (web/lessons) passes with its model answer and fails with its
// starting request; the schema's refusals name the field; each requirement kind can fail.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/lesson.h"

using namespace timpush::core;
using timpush::Json;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string dump(const Json& j) { return j.dump(); }

const Json ok_answer = {{"ActionStatus", "OK"}, {"ErrorInfo", ""}, {"ErrorCode", 0}, {"TaskId", "t"}};

// A small lesson checked on send: TagsOr must hold 股票A and the service must say OK.
std::string tags_lesson(const std::string& extra = "") {
  return R"({"schema":1,"id":"t","order":1,"title":{"en":"T","zh":"标题"},"goal":{"en":"G","zh":"目标"},
    "start":{"MsgRandom":1},"hints":[{"en":"h","zh":"提示"}],)" + extra + R"(
    "requirements":[{"kind":"contains","pointer":"/Condition/TagsOr","value":["股票A"],"say":{"en":"tag","zh":"标签"}},
                    {"kind":"answer_ok","say":{"en":"ok","zh":"成功"}}],
    "model":{"MsgRandom":1,"Condition":{"TagsOr":["股票A"]}},"model_answer":{"ActionStatus":"OK","ErrorCode":0}})";
}

}  // namespace

TEST_CASE("lessons: every shipped lesson passes with its model answer and fails with its start") {
  const std::filesystem::path dir = std::filesystem::path(TIMPUSH_SOURCE_DIR) / "web" / "lessons";
  size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++count;
    CAPTURE(entry.path().filename().string());
    LessonRead read = read_lesson(read_file(entry.path()), entry.path().stem().string());
    REQUIRE_MESSAGE(read.lesson, read.error.en);
    const Lesson& l = *read.lesson;
    CHECK_MESSAGE(self_check(l).en.empty(), self_check(l).en);
    // The start fails on what it asks, even when the service would accept it.
    CHECK_FALSE(grade_lesson(l, {{l.start, l.start_answer.is_null() ? l.model_answer : l.start_answer}}).passed);
    // The model alone does not pass a lesson that asks to see an error first.
    if (l.expect_error) CHECK_FALSE(grade_lesson(l, {{dump(l.model), l.model_answer}}).passed);
  }
  CHECK(count >= 12);  // the issue asks for at least 12
}

TEST_CASE("lessons: a verdict names each requirement met or missed, with its field") {
  LessonRead read = read_lesson(tags_lesson(), "t");
  REQUIRE(read.lesson);
  Verdict missed = grade_lesson(*read.lesson, {{R"({"MsgRandom":1,"Condition":{"TagsOr":["股票B"]}})", ok_answer}});
  CHECK_FALSE(missed.passed);
  REQUIRE(missed.results.size() == 2);
  CHECK_FALSE(missed.results[0].met);
  CHECK(missed.results[0].pointer == "/Condition/TagsOr");
  CHECK(missed.results[1].met);
  CHECK(missed.summary.en == "1 requirement not met yet.");
  CHECK(missed.summary.zh == "还有 1 项要求未满足。");
  // The right body with a failed answer does not pass either.
  Json refused = {{"ActionStatus", "FAIL"}, {"ErrorCode", 90024}, {"ErrorInfo", "too fast"}};
  CHECK_FALSE(grade_lesson(*read.lesson, {{R"({"MsgRandom":1,"Condition":{"TagsOr":["股票A"]}})", refused}}).passed);
  CHECK(grade_lesson(*read.lesson, {{R"({"MsgRandom":1,"Condition":{"TagsOr":["股票A","x"]}})", ok_answer}}).passed);
  CHECK_FALSE(grade_lesson(*read.lesson, {}).passed);
}

TEST_CASE("lessons: an expected error counts only when seen before the fix") {
  LessonRead read = read_lesson(tags_lesson(R"("expect_error":70009,)"), "t");
  REQUIRE(read.lesson);
  const std::string good = R"({"MsgRandom":1,"Condition":{"TagsOr":["股票A"]}})";
  Json bad_sig = {{"ActionStatus", "FAIL"}, {"ErrorCode", 70009}, {"ErrorInfo", "bad sig"}};
  Verdict first_try = grade_lesson(*read.lesson, {{good, ok_answer}});
  CHECK_FALSE(first_try.passed);
  CHECK(first_try.summary.en.find("70009") != std::string::npos);
  CHECK(grade_lesson(*read.lesson, {{good, bad_sig}, {good, ok_answer}}).passed);
  CHECK_FALSE(grade_lesson(*read.lesson, {{good, ok_answer}, {good, bad_sig}}).passed);  // seen last is not fixed
}

TEST_CASE("lessons: a file that is not a lesson is refused, naming the field") {
  CHECK(read_lesson("[]", "t").error.en.find("JSON object") != std::string::npos);
  CHECK(read_lesson(tags_lesson(), "other").error.en.find("\"id\"") != std::string::npos);
  std::string no_zh = tags_lesson();
  no_zh.replace(no_zh.find(R"("zh":"标题")"), std::string(R"("zh":"标题")").size(), R"("zh":"")");
  CHECK(read_lesson(no_zh, "t").error.en.find("\"title\"") != std::string::npos);
  std::string bad_kind = tags_lesson();
  bad_kind.replace(bad_kind.find("\"contains\""), 10, "\"maybe\"   ");
  CHECK(read_lesson(bad_kind, "t").error.en.find("\"requirements\"") != std::string::npos);
  CHECK(read_lesson(tags_lesson(R"("check_on":"later",)"), "t").error.en.find("\"check_on\"") != std::string::npos);
  // Every refusal is in both languages.
  CHECK_FALSE(read_lesson(bad_kind, "t").error.zh.empty());
}

namespace {

Lesson shipped(const std::string& id) {
  const std::filesystem::path path = std::filesystem::path(TIMPUSH_SOURCE_DIR) / "web" / "lessons" / (id + ".json");
  LessonRead read = read_lesson(read_file(path), id);
  REQUIRE_MESSAGE(read.lesson, read.error.en);
  return *read.lesson;
}

}  // namespace

TEST_CASE("lessons: wrong-region asks for the request as it was, sent to the app's own host") {
  const Lesson l = shipped("wrong-region");
  const std::string model = dump(l.model);
  CHECK(grade_lesson(l, {{model, ok_answer}}).passed);
  // The rewritten start fails on both rewritten fields, even when the service accepts it.
  Verdict start = grade_lesson(l, {{l.start, ok_answer}});
  CHECK_FALSE(start.passed);
  REQUIRE(start.results.size() == 3);
  CHECK_FALSE(start.results[0].met);
  CHECK_FALSE(start.results[1].met);
  CHECK(start.results[1].pointer == "/OfflinePushInfo/Desc");
  // The right request sent to the wrong host again: the service's 70016 is not a pass.
  Json wrong_host = {{"ActionStatus", "FAIL"}, {"ErrorCode", 70016}, {"ErrorInfo", "key not found"}};
  CHECK_FALSE(grade_lesson(l, {{model, wrong_host}}).passed);
}

TEST_CASE("lessons: spacing-quota asks for one push to either tag, not two pushes") {
  const Lesson l = shipped("spacing-quota");
  CHECK(grade_lesson(l, {{dump(l.model), ok_answer}}).passed);
  CHECK_FALSE(grade_lesson(l, {{l.start, ok_answer}}).passed);
  // Both tags under TagsAnd reach only the users with both: not what the lesson asks.
  const std::string both = R"({"MsgRandom":24047,"Condition":{"TagsOr":["股票A","股票B"],"TagsAnd":["股票A","股票B"]},
    "OfflinePushInfo":{"Title":"股市早报","Desc":"今日大盘行情已更新，点击查看"}})";
  CHECK_FALSE(grade_lesson(l, {{both, ok_answer}}).passed);
  // The second of two pushes a moment apart is refused: no pass on a 90024.
  Json too_soon = {{"ActionStatus", "FAIL"}, {"ErrorCode", 90024}, {"ErrorInfo", "too frequent"}};
  CHECK_FALSE(grade_lesson(l, {{dump(l.model), too_soon}}).passed);
}
