// Lessons over several calls (issue 21's test send, schedule, follow and revoke lessons): each new
// requirement kind met and missed, the API filter (a call to an API a lesson does not name is not
// its attempt), the question, the refusals of the new fields, and the four shipped lessons against
// what a trainee could get wrong. The answers are shaped as the sandbox gave them
// (tests/server/lessons_sandbox.sh checks the files' own against it).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/lesson.h"

using namespace timpush::core;
using timpush::Json;

namespace {

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Lesson shipped(const std::string& id) {
  const auto path = std::filesystem::path(TIMPUSH_SOURCE_DIR) / "web" / "lessons" / (id + ".json");
  LessonRead read = read_lesson(file_text(path), id);
  REQUIRE_MESSAGE(read.lesson, read.error.en);
  return *read.lesson;
}

Json ok_with(const char* key, Json value) {
  Json j = {{"ActionStatus", "OK"}, {"ErrorInfo", ""}, {"ErrorCode", 0}};
  j[key] = std::move(value);
  return j;
}

const Json refused = {{"ActionStatus", "FAIL"}, {"ErrorCode", 90024}, {"ErrorInfo", "too frequent"}};
const std::string push_body = R"({"MsgRandom":1,"OfflinePushInfo":{"Title":"t","Desc":"d"}})";

// A lesson of two APIs: a push, then a revoke of its task (the revoke lesson's shape).
std::string revoke_lesson(const std::string& extra_requirement = "") {
  return R"({"schema":1,"id":"r","order":1,"title":{"en":"T","zh":"标题"},"goal":{"en":"G","zh":"目标"},
    "start":{"MsgRandom":1},"hints":[{"en":"h","zh":"提示"}],"apis":["push","revoke"],
    "requirements":[{"kind":"api","value":"revoke","say":{"en":"revoke","zh":"撤回"}},
      {"kind":"same_task","say":{"en":"same","zh":"同一任务"}},)" +
         extra_requirement + R"(
      {"kind":"answer_ok","say":{"en":"ok","zh":"成功"}}],
    "model_steps":[{"api":"push","body":{"MsgRandom":1},"answer":{"ActionStatus":"OK","ErrorCode":0,"TaskId":"a_1"}},
      {"api":"revoke","body":{"TaskId":"a_1"},"answer":{"ActionStatus":"OK","ErrorCode":0,"TaskId":"a_1"}}]})";
}

Lesson read_ok(const std::string& text, const std::string& id) {
  LessonRead read = read_lesson(text, id);
  REQUIRE_MESSAGE(read.lesson, read.error.en);
  return *read.lesson;
}

}  // namespace

TEST_CASE("lesson calls: the API a request goes to, as lessons name it") {
  CHECK(api_of_url("http://127.0.0.1:8080/sandbox/v4/timpush/revoke?usersig=x&sdkappid=1") == "revoke");
  CHECK(api_of_url("https://adminapisgp.im.qcloud.com/v4/timpush/batch?sdkappid=1") == "batch");
  CHECK(api_of_url("https://console.tim.qq.com/v4/timpush/push") == "push");
  CHECK(api_of_url("http://127.0.0.1:8080/sandbox/reach").empty());  // no service API
  CHECK(api_of_url("lessons/index.json").empty());
}

TEST_CASE("lesson calls: api and same_task, met and missed") {
  const Lesson l = read_ok(revoke_lesson(), "r");
  CHECK(self_check(l).en.empty());
  const Attempt pushed{push_body, ok_with("TaskId", "t_9"), "push"};
  const Attempt revoke_it{R"({"TaskId":"t_9","OfflinePushInfo":{"Title":"x"}})", ok_with("TaskId", "t_9"), "revoke"};
  CHECK(grade_lesson(l, {pushed, revoke_it}).passed);

  // The push alone: the last call is not a revoke.
  Verdict only_push = grade_lesson(l, {pushed});
  CHECK_FALSE(only_push.passed);
  CHECK_FALSE(only_push.results[0].met);

  // Another task revoked: not the push of this lesson.
  const Attempt other{R"({"TaskId":"t_1"})", ok_with("TaskId", "t_1"), "revoke"};
  Verdict wrong_task = grade_lesson(l, {pushed, other});
  CHECK(wrong_task.results[0].met);
  CHECK_FALSE(wrong_task.results[1].met);
  // The same TaskId after a refused push: the service gave no TaskId to this lesson's push.
  CHECK_FALSE(grade_lesson(l, {{push_body, refused, "push"}, revoke_it}).passed);
  // A TaskId an earlier revoke's answer echoed is not a task this lesson made.
  CHECK_FALSE(grade_lesson(l, {other, other}).passed);
  // The revoke refused: the right TaskId is not enough.
  CHECK_FALSE(grade_lesson(l, {pushed, {revoke_it.body, refused, "revoke"}}).passed);
  // same_task names no field of the composer: the verdict offers nothing to go to.
  CHECK(wrong_task.results[1].pointer.empty());
}

TEST_CASE("lesson calls: a lesson grades only the APIs it names") {
  // A push lesson (no "apis": push only) passed by a push, then a loss round in the Follow place:
  // the loss call is not its attempt, so the pass stands.
  const Lesson push_lesson = read_ok(
      R"({"schema":1,"id":"p","order":1,"title":{"en":"T","zh":"标题"},"goal":{"en":"G","zh":"目标"},
      "start":{"MsgRandom":1},"hints":[{"en":"h","zh":"提示"}],
      "requirements":[{"kind":"present","pointer":"/OfflinePushInfo/Desc","say":{"en":"desc","zh":"内容"}},
                      {"kind":"answer_ok","say":{"en":"ok","zh":"成功"}}],
      "model":{"MsgRandom":1,"OfflinePushInfo":{"Desc":"d"}},"model_answer":{"ActionStatus":"OK","ErrorCode":0}})",
      "p");
  const Attempt good{push_body, ok_with("TaskId", "t_9"), "push"};
  const Attempt loss{R"({"StartTime":1,"EndTime":2,"TaskID":["t_9"]})", ok_with("Results", Json::array()), "all_member_push_loss"};
  CHECK(grade_lesson(push_lesson, {good, loss}).passed);
  // A test send of the right content does not pass a push lesson after a failed push.
  const Attempt batch{R"({"To_Account":["user1"],"OfflinePushInfo":{"Desc":"d"}})", ok_with("TaskId", "batch_1"), "batch"};
  CHECK_FALSE(grade_lesson(push_lesson, {{push_body, refused, "push"}, batch}).passed);
  CHECK_FALSE(grade_lesson(push_lesson, {batch}).passed);
  CHECK(grade_lesson(push_lesson, {batch}).summary.en == "Nothing sent or checked yet.");
}

TEST_CASE("lesson calls: prefix and present in the answer, met and missed") {
  const Lesson l = read_ok(
      R"({"schema":1,"id":"b","order":1,"title":{"en":"T","zh":"标题"},"goal":{"en":"G","zh":"目标"},
      "start":{"MsgRandom":1},"hints":[{"en":"h","zh":"提示"}],"apis":["batch"],
      "requirements":[{"kind":"prefix","in":"answer","pointer":"/TaskId","value":"batch_","say":{"en":"b","zh":"b"}},
                      {"kind":"present","in":"answer","pointer":"/TaskId","say":{"en":"p","zh":"p"}}],
      "model_steps":[{"api":"batch","body":{"To_Account":["u"]},"answer":{"ActionStatus":"OK","ErrorCode":0,"TaskId":"batch_x"}}]})",
      "b");
  CHECK(grade_lesson(l, {{"{}", ok_with("TaskId", "batch_6b15d696_53724e00"), "batch"}}).passed);
  Verdict plain = grade_lesson(l, {{"{}", ok_with("TaskId", "6b15d696_53724e00"), "batch"}});
  CHECK_FALSE(plain.results[0].met);
  CHECK(plain.results[1].met);
  Verdict none = grade_lesson(l, {{"{}", refused, "batch"}});
  CHECK_FALSE(none.results[0].met);
  CHECK_FALSE(none.results[1].met);
  // In the answer, not the body: a body with a TaskId of that shape is not the service's word.
  CHECK_FALSE(grade_lesson(l, {{R"({"TaskId":"batch_1"})", refused, "batch"}}).passed);
}

TEST_CASE("lesson calls: a question is met by its correct choice only") {
  const std::string choice = R"({"kind":"choice","question":{"en":"Which?","zh":"哪个？"},
      "choices":[{"en":"a","zh":"甲"},{"en":"b","zh":"乙"},{"en":"c","zh":"丙"}],"correct":2,
      "say":{"en":"answered","zh":"已回答"}},)";
  const Lesson l = read_ok(revoke_lesson(choice), "r");
  const Requirement* q = question_of(l);
  REQUIRE(q);
  CHECK(q->choices.size() == 3);
  CHECK(q->question.zh == "哪个？");
  CHECK(self_check(l).en.empty());  // the model passes with the right choice
  const std::vector<Attempt> done = {{push_body, ok_with("TaskId", "t_9"), "push"},
                                     {R"({"TaskId":"t_9"})", ok_with("TaskId", "t_9"), "revoke"}};
  CHECK(grade_lesson(l, done, 2).passed);
  Verdict wrong = grade_lesson(l, done, 0);
  CHECK_FALSE(wrong.passed);
  CHECK_FALSE(wrong.results[2].met);
  CHECK(wrong.results[2].say.en == "answered");
  CHECK_FALSE(grade_lesson(l, done).passed);  // not answered yet
}

TEST_CASE("lesson calls: the new fields' refusals name the field, in both languages") {
  auto error_of = [](const std::string& text) { return read_lesson(text, "r").error; };
  std::string bad_api = revoke_lesson();
  bad_api.replace(bad_api.find(R"("apis":["push","revoke"])"), 24, R"("apis":["push","Re-voke"])");
  CHECK(error_of(bad_api).en.find("\"apis\"") != std::string::npos);
  std::string ungraded_step = revoke_lesson();
  ungraded_step.replace(ungraded_step.find(R"("api":"revoke","body")"), 14, R"("api":"batch")");
  CHECK(error_of(ungraded_step).en.find("\"model_steps\"") != std::string::npos);
  const std::string one_choice = R"({"kind":"choice","question":{"en":"Q","zh":"问"},"choices":[{"en":"a","zh":"甲"}],
      "correct":0,"say":{"en":"s","zh":"说"}},)";
  CHECK(error_of(revoke_lesson(one_choice)).en.find("\"choice\"") != std::string::npos);
  const std::string out_of_range = R"({"kind":"choice","question":{"en":"Q","zh":"问"},
      "choices":[{"en":"a","zh":"甲"},{"en":"b","zh":"乙"}],"correct":2,"say":{"en":"s","zh":"说"}},)";
  CHECK(error_of(revoke_lesson(out_of_range)).en.find("\"correct\"") != std::string::npos);
  const std::string two = R"({"kind":"choice","question":{"en":"Q","zh":"问"},
      "choices":[{"en":"a","zh":"甲"},{"en":"b","zh":"乙"}],"correct":1,"say":{"en":"s","zh":"说"}},)";
  CHECK(error_of(revoke_lesson(two + two)).en.find("at most one") != std::string::npos);
  const std::string elsewhere = R"({"kind":"present","in":"url","pointer":"/a","say":{"en":"s","zh":"说"}},)";
  CHECK(error_of(revoke_lesson(elsewhere)).en.find("\"in\"") != std::string::npos);
  const std::string no_prefix = R"({"kind":"prefix","pointer":"/TaskId","value":1,"say":{"en":"s","zh":"说"}},)";
  CHECK_FALSE(error_of(revoke_lesson(no_prefix)).zh.empty());
}

TEST_CASE("lesson calls: a long follow keeps the push a same_task rule looks back at") {
  std::vector<Attempt> attempts = {{push_body, refused, "push"}, {push_body, ok_with("TaskId", "t_9"), "push"}};
  for (int i = 0; i < 80; ++i) attempts.push_back({R"({"TaskID":["t_9"]})", ok_with("Results", Json::array()), "all_member_push_loss"});
  trim_attempts(attempts, 50);
  CHECK(attempts.size() == 50);
  CHECK(attempts[0].answer == refused);                                // the first stays
  CHECK(attempts[1].answer.value("TaskId", "") == "t_9");              // the task's bearer stays
  CHECK(attempts.back().api == "all_member_push_loss");                // the latest stays
}

TEST_CASE("lesson calls: the shipped lessons refuse what a trainee could get wrong") {
  SUBCASE("test-send: exactly the two accounts, as a test send") {
    const Lesson l = shipped("test-send");
    const Json ok = ok_with("TaskId", "batch_6b15d696_53724e00_200000000000008_a029_26f0aa3d");
    const std::string two = R"({"From_Account":"administrator","To_Account":["user2","user1"],"MsgRandom":9,
        "OfflinePushInfo":{"Title":"股市早报","Desc":"今日大盘行情已更新，点击查看"}})";
    CHECK(grade_lesson(l, {{two, ok, "batch"}}).passed);
    std::string three = two;
    three.replace(three.find(R"(["user2","user1"])"), 17, R"(["user2","user1","user3"])");
    CHECK_FALSE(grade_lesson(l, {{three, ok, "batch"}}).passed);
    // The campaign pushed to its audience instead: not a test send.
    CHECK_FALSE(grade_lesson(l, {{l.start, ok_with("TaskId", "6b15d696_1"), "push"}}).passed);
  }
  SUBCASE("scheduled-push: a task of Type Tag, not a push now") {
    const Lesson l = shipped("scheduled-push");
    const std::string task = R"({"Sdkappid":1400000000,"Type":"Tag","SchedAt":"2030-01-01 08:00:00",
        "Content":{"From_Account":"administrator","MsgRandom":2,"Condition":{"TagsOr":["基金"]},"OfflinePushInfo":{"Desc":"d"}}})";
    CHECK(grade_lesson(l, {{task, ok_with("TaskID", 1000000007), "add_sched_task"}}).passed);
    std::string all = task;
    all.replace(all.find(R"("Type":"Tag")"), 12, R"("Type":"All")");
    CHECK_FALSE(grade_lesson(l, {{all, ok_with("TaskID", 1000000007), "add_sched_task"}}).passed);
    Json refused_task = refused;
    refused_task["TaskID"] = 0;  // add answers TaskID 0 on failure (sandbox.h)
    CHECK_FALSE(grade_lesson(l, {{task, refused_task, "add_sched_task"}}).passed);
  }
  SUBCASE("follow-loss: the loss of this lesson's push, and the right reason") {
    const Lesson l = shipped("follow-loss");
    const Json loss = l.model_steps.at(1).answer;
    const std::string push = l.start;
    const std::vector<Attempt> done = {{push, ok_with("TaskId", "t_own"), "push"},
                                       {R"({"StartTime":1,"EndTime":2,"TaskID":["t_own"]})", loss, "all_member_push_loss"}};
    const Requirement* q = question_of(l);
    REQUIRE(q);
    CHECK(grade_lesson(l, done, q->correct).passed);
    for (size_t wrong = 0; wrong < q->choices.size(); ++wrong)
      if (wrong != q->correct) CHECK_FALSE(grade_lesson(l, done, wrong).passed);
    // The loss of an older push followed from the history is not this lesson's.
    const std::vector<Attempt> other = {{push, ok_with("TaskId", "t_own"), "push"},
                                        {R"({"StartTime":1,"EndTime":2,"TaskID":["t_old"]})", loss, "all_member_push_loss"}};
    CHECK_FALSE(grade_lesson(l, other, q->correct).passed);
  }
  SUBCASE("revoke: the lesson's own push revoked") {
    const Lesson l = shipped("revoke");
    const Json pushed = ok_with("TaskId", "t_own");
    CHECK(grade_lesson(l, {{l.start, pushed, "push"}, {R"({"TaskId":"t_own"})", pushed, "revoke"}}).passed);
    CHECK_FALSE(grade_lesson(l, {{l.start, pushed, "push"}, {R"({"TaskId":"t_old"})", ok_with("TaskId", "t_old"), "revoke"}}).passed);
  }
}
