// The Learn place run natively: nothing fetched before it opens, the index and each file by GET,
// a broken file listed with its problem beside the others, Start in a draft of its own (the one
// before kept), Check grading and the progress written to storage, and the reach asked from the
// sandbox once the Condition is still, with each part's effect in a lesson about conditions.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "harness.h"
#include "ui/learn_flow.h"

using timpush::ui::test::Harness;
namespace ui = timpush::ui;

namespace {

// A lesson checked without a send: TagsAnd must be [股票A]. Its start has TagsOr.
const char* const lesson_t = R"({"schema":1,"id":"t","order":1,"title":{"en":"Tag lesson","zh":"标签课"},
  "goal":{"en":"Use TagsAnd","zh":"用 TagsAnd"},"start":{"MsgRandom":7,"Condition":{"TagsOr":["股票A","股票B"]}},
  "hints":[{"en":"first hint","zh":"提示一"},{"en":"second hint","zh":"提示二"}],"check_on":"check",
  "requirements":[{"kind":"equals","pointer":"/Condition/TagsAnd","value":["股票A"],"say":{"en":"TagsAnd is 股票A","zh":"TagsAnd 为股票A"}}],
  "model":{"MsgRandom":7,"Condition":{"TagsAnd":["股票A"]}}})";

ui::HttpResult ok(const ui::HttpRequest& request, const std::string& body) {
  ui::HttpResult r;
  r.id = request.id;
  r.status = 200;
  r.body = body;
  return r;
}

const ui::HttpRequest* find(const std::vector<ui::HttpRequest>& all, const std::string& url_end) {
  for (const auto& r : all)
    if (r.url.size() >= url_end.size() && r.url.compare(r.url.size() - url_end.size(), url_end.size(), url_end) == 0)
      return &r;
  return nullptr;
}

// Opens Learn and answers the index and the files; returns every request seen.
void open_lessons(Harness& h) {
  h.input.screen.location = "#view=learn";
  std::vector<ui::HttpRequest> asked = h.frames(2);
  h.input.screen.location.reset();
  const ui::HttpRequest* index = find(asked, "lessons/index.json");
  REQUIRE(index);
  CHECK(index->method == "GET");
  h.app.on_http_result(ok(*index, R"({"schema":1,"files":["t.json","broken.json","Bad.json"]})"));
  asked = h.frames(1);
  const ui::HttpRequest* t = find(asked, "lessons/t.json");
  const ui::HttpRequest* broken = find(asked, "lessons/broken.json");
  REQUIRE(t);
  REQUIRE(broken);
  CHECK_FALSE(find(asked, "Bad.json"));  // not a lesson name: listed, never fetched
  h.app.on_http_result(ok(*broken, "{not json"));
  h.app.on_http_result(ok(*t, lesson_t));
  h.frames(2);
}

}  // namespace

TEST_CASE("learn: fetched only once opened; a broken file is listed with its problem beside the rest") {
  Harness h;
  std::vector<ui::HttpRequest> first = h.frames(3);
  CHECK_FALSE(find(first, "lessons/index.json"));
  open_lessons(h);
  CHECK(h.drawn.find("1. Tag lesson  [not tried]") != std::string::npos);
  CHECK(h.drawn.find("broken: This lesson file cannot be used") != std::string::npos);
  CHECK(h.drawn.find("Bad: This lesson file cannot be used") != std::string::npos);
  CHECK(h.drawn.find("Passed 0 of 1, tried 0.") != std::string::npos);
}

TEST_CASE("learn: Start keeps the draft, hints unlock one at a time, Check grades and keeps the progress") {
  Harness h;
  h.frames(2);
  open_lessons(h);
  const std::string before = h.state.keep.drafts.active;
  const size_t drafts = h.state.keep.drafts.drafts.size();
  ui::start_lesson(h.state, "t");
  h.frames(2);
  CHECK(h.state.keep.drafts.active == "Lesson t 1");
  CHECK(h.state.keep.drafts.drafts.size() > drafts);
  CHECK(h.state.keep.drafts.find(before));  // the draft before is still there
  CHECK(h.state.derived.body.find("\"TagsOr\":[\"股票A\",\"股票B\"]") != std::string::npos);
  CHECK(h.drawn.find("Lesson: Tag lesson") != std::string::npos);  // the bar above the form

  ui::show_next_hint(h.state);
  h.frames(1);
  CHECK(h.drawn.find("Hint 1: first hint") != std::string::npos);
  CHECK(h.drawn.find("second hint") == std::string::npos);

  ui::check_lesson(h.state);
  std::string stored;
  for (int i = 0; i < 2; ++i)
    for (const auto& w : h.frame().storage)
      if (w.key == ui::lessons_progress_key && w.value) stored = *w.value;
  CHECK(h.drawn.find("Missed: TagsAnd is 股票A") != std::string::npos);
  CHECK(stored.find("\"t\":{\"tried\":true,\"passed\":false}") != std::string::npos);

  h.state.request.condition = timpush::core::Condition{};
  h.state.request.condition->tags_and = std::vector<std::string>{"股票A"};
  timpush::ui::mark_edited(h.state);
  h.frames(1);
  ui::check_lesson(h.state);
  for (int i = 0; i < 2; ++i)
    for (const auto& w : h.frame().storage)
      if (w.key == ui::lessons_progress_key && w.value) stored = *w.value;
  CHECK(h.drawn.find("Passed: every requirement is met.") != std::string::npos);
  CHECK(stored.find("\"t\":{\"tried\":true,\"passed\":true}") != std::string::npos);
}

TEST_CASE("learn: the reach is asked once the Condition is still, one request at a time, with each part's effect") {
  Harness h;
  h.frames(2);
  h.answer_sandbox_app("Zq9-demo-SECRET-k3y-771");
  // Not before the Condition has been still for 300 ms.
  std::vector<ui::HttpRequest> asked = h.frames(5);
  CHECK_FALSE(find(asked, "/sandbox/reach"));
  h.input.now_seconds += 0.4;
  asked = h.frames(2);
  const ui::HttpRequest* reach = find(asked, "/sandbox/reach");
  REQUIRE(reach);
  CHECK(reach->method == "POST");
  // The page opens on the document's TagsOr example.
  CHECK(reach->body == R"({"Condition":{"TagsOr":["股票A","股票B"]}})");
  h.app.on_http_result(ok(*reach, R"({"Users":700,"Of":2000})"));
  h.frames(2);
  CHECK(h.drawn.find("Reaches 700 of 2000 users") != std::string::npos);

  // In a lesson about conditions: the whole, then without each part, one after the other.
  open_lessons(h);
  ui::start_lesson(h.state, "t");
  h.frames(2);
  h.input.now_seconds += 0.4;
  std::vector<std::string> bodies;
  const int answers[] = {700, 400, 450};  // whole; without 股票A; without 股票B
  for (int n : answers) {
    asked = h.frames(2);
    std::vector<ui::HttpRequest> reaches;
    for (const auto& r : asked)
      if (r.url.find("/sandbox/reach") != std::string::npos) reaches.push_back(r);
    REQUIRE(reaches.size() == 1);  // one in flight
    bodies.push_back(reaches[0].body);
    h.app.on_http_result(ok(reaches[0], "{\"Users\":" + std::to_string(n) + ",\"Of\":2000}"));
  }
  h.frames(2);
  CHECK(bodies[1] == R"({"Condition":{"TagsOr":["股票B"]}})");
  CHECK(bodies[2] == R"({"Condition":{"TagsOr":["股票A"]}})");
  CHECK(h.drawn.find("TagsOr 股票A: adds 300 users") != std::string::npos);
  CHECK(h.drawn.find("TagsOr 股票B: adds 250 users") != std::string::npos);
}
