// Lesson progress as the page stores it, and the lessons' index the web build writes.
#include <doctest/doctest.h>

#include "core/lesson_progress.h"

using namespace timpush::core;

TEST_CASE("lesson progress: a pass stays a pass, tried counts every graded lesson") {
  LessonProgress p;
  CHECK(p.record("tags-or", false));
  CHECK_FALSE(p.record("tags-or", false));  // nothing new: nothing to store
  CHECK(p.record("tags-or", true));
  CHECK_FALSE(p.record("tags-or", false));  // a later miss does not take the pass away
  CHECK(p.marks.at("tags-or").passed);
  CHECK(p.record("no-mixing", false));
  CHECK(p.passed_count() == 1);
  CHECK(p.tried_count() == 2);
}

TEST_CASE("lesson progress: written and read back the same") {
  LessonProgress p;
  p.record("tags-or", true);
  p.record("no-mixing", false);
  ProgressRead back = parse_progress(serialize_progress(p));
  CHECK_FALSE(back.unreadable);
  REQUIRE(back.progress.marks.size() == 2);
  CHECK(back.progress.marks.at("tags-or").passed);
  CHECK(back.progress.marks.at("no-mixing").tried);
  CHECK_FALSE(back.progress.marks.at("no-mixing").passed);
}

TEST_CASE("lesson progress: a damaged or hostile store costs only what does not read") {
  CHECK(parse_progress("").unreadable);
  CHECK(parse_progress("[1,2]").unreadable);
  CHECK(parse_progress("{\"lessons\":[]}").unreadable);
  // Ids that are no lesson id, entries that are no object: skipped; the rest reads.
  ProgressRead r = parse_progress(
      R"({"schema":1,"lessons":{"Bad Id":{"passed":true},"x/../y":{"tried":true},"ok":{"passed":true},"n":3,
          "tried-only":{"tried":true},"never":{"tried":false}}})");
  CHECK_FALSE(r.unreadable);
  CHECK(r.progress.marks.size() == 2);
  CHECK(r.progress.marks.at("ok").tried);  // passing implies having tried
  CHECK(r.progress.marks.count("tried-only") == 1);
  // Beyond the cap, later ids are ignored rather than kept.
  std::string many = "{\"lessons\":{";
  for (size_t i = 0; i < max_progress_entries + 20; ++i)
    many += (i ? "," : "") + std::string("\"l") + std::to_string(i) + "\":{\"tried\":true}";
  many += "}}";
  CHECK(parse_progress(many).progress.marks.size() == max_progress_entries);
}

TEST_CASE("lessons index: names resolve beside the index; the single file's URLs win; bad names stay listed") {
  LessonIndex index = read_lesson_index(R"({"schema":1,"files":["all-users.json","tags-or.json"]})",
                                        "lessons/index.json");
  REQUIRE(index.error.en.empty());
  REQUIRE(index.entries.size() == 2);
  CHECK(index.entries[0].id == "all-users");
  CHECK(index.entries[0].url == "lessons/all-users.json");
  CHECK(index.entries[1].url == "lessons/tags-or.json");

  LessonIndex inlined = read_lesson_index(
      R"({"files":["a.json"],"urls":{"a.json":"data:application/json;base64,e30="}})", "data:application/json,x");
  REQUIRE(inlined.entries.size() == 1);
  CHECK(inlined.entries[0].url == "data:application/json;base64,e30=");

  LessonIndex bad = read_lesson_index(R"({"files":["../secret.json","notes.txt",7,"ok.json"]})", "x/index.json");
  REQUIRE(bad.entries.size() == 4);
  CHECK(bad.entries[0].url.empty());
  CHECK_FALSE(bad.entries[0].error.en.empty());
  CHECK(bad.entries[1].url.empty());
  CHECK(bad.entries[2].url.empty());
  CHECK(bad.entries[3].url == "x/ok.json");

  CHECK_FALSE(read_lesson_index("not json", "i.json").error.en.empty());
  CHECK_FALSE(read_lesson_index(R"({"files":{}})", "i.json").error.en.empty());
}
