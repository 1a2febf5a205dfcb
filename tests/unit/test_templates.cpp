// Templates: the product document's five request examples (push-api.zh.txt, "请求包示例"), which a
// user loads with one click, and the user's own templates. The expected bodies are the document's
// examples as copied to tests/data/examples/, not values taken from the code.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/json.h"
#include "core/templates.h"
#include "core/validation.h"

using timpush::Json;
using namespace timpush::core;

namespace {

std::string read_example(const std::string& name) {
  std::string path = std::string(TIMPUSH_TEST_DATA) + "/examples/" + name;
  std::ifstream file(path, std::ios::binary);
  REQUIRE_MESSAGE(file.good(), "cannot open " << path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// The document annotates PushFlag with a `//` comment; none of its strings hold "//".
std::string without_comments(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    size_t at = line.find("//");
    out += line.substr(0, at) + "\n";
  }
  return out;
}

Json document_example(const std::string& file) {
  JsonReadResult read = read_json(without_comments(read_example(file)));
  REQUIRE(read.ok());
  return read.value;
}

bool has_error(const ValidationReport& report) { return !report.ok(); }

}  // namespace

TEST_CASE("templates: the five examples of the product document, in its order") {
  const auto& list = builtin_templates();
  REQUIRE(list.size() == 5);
  CHECK(list[0].id == "all_users_offline");
  CHECK(list[1].id == "all_users_online_only");
  CHECK(list[2].id == "tags_and");
  CHECK(list[3].id == "tags_or");
  CHECK(list[4].id == "attrs_and");
  for (const auto& t : list) {
    CAPTURE(t.id);
    CHECK(find_builtin_template(t.id) == &t);
    CHECK_FALSE(t.name.en.empty());
    CHECK_FALSE(t.name.zh.empty());
    CHECK_FALSE(t.about.en.empty());
    CHECK_FALSE(t.about.zh.empty());
  }
  CHECK(find_builtin_template("nope") == nullptr);
}

TEST_CASE("templates: each equals the document's example, field for field and in order") {
  const std::pair<const char*, const char*> pairs[] = {
      {"all_users_offline", "all_users_offline.json"},
      {"all_users_online_only", "all_users_online_only.json"},
      {"tags_and", "tags_and.json"},
      {"tags_or", "tags_or.json"},
      {"attrs_and", "attrs_and_member.json"},
  };
  for (auto [id, file] : pairs) {
    CAPTURE(id);
    const BuiltinTemplate* t = find_builtin_template(id);
    REQUIRE(t);
    Json expected = document_example(file);
    CHECK(to_json(t->request) == expected);
    // ordered_json compares member order too; say so plainly if only the order differs.
    CHECK(to_json(t->request).dump() == expected.dump());
  }
}

TEST_CASE("templates: each validates without errors as it would be sent") {
  for (const auto& t : builtin_templates()) {
    CAPTURE(t.id);
    ValidationReport report = validate_body(serialize_body(t.request));
    CHECK_FALSE(has_error(report));
    for (const auto& issue : report.issues) CHECK(issue.severity == Severity::warning);
  }
}

TEST_CASE("templates: the two all-user examples are the only ones without a Condition") {
  for (const auto& t : builtin_templates()) {
    CAPTURE(t.id);
    bool all_users = t.id == "all_users_offline" || t.id == "all_users_online_only";
    CHECK(t.request.condition.has_value() == !all_users);
  }
}

TEST_CASE("templates: loading one gives a fresh MsgRandom and keeps the rest") {
  const BuiltinTemplate* t = find_builtin_template("tags_or");
  REQUIRE(t);
  PushRequest loaded = instantiate(*t, 4000000001u);
  CHECK(loaded.msg_random == 4000000001u);
  Json expected = document_example("tags_or.json");
  expected["MsgRandom"] = 4000000001u;
  CHECK(to_json(loaded) == expected);
  // The built-in stays as the document has it.
  CHECK(t->request.msg_random == 124032u);
}

TEST_CASE("templates: a user template's body gets a fresh MsgRandom too") {
  SUBCASE("a valid body") {
    InstantiatedBody out = instantiate_body(R"({"MsgRandom":5,"OfflinePushInfo":{"Desc":"hi"}})", 77);
    CHECK(out.error.en.empty());
    JsonReadResult read = read_json(out.body);
    REQUIRE(read.ok());
    CHECK(read.value["MsgRandom"] == 77);
    CHECK(read.value["OfflinePushInfo"]["Desc"] == "hi");
  }
  SUBCASE("a MsgRandom of the wrong type is replaced, not duplicated") {
    InstantiatedBody out = instantiate_body(R"({"MsgRandom":"five"})", 9);
    CHECK(out.error.en.empty());
    CHECK(validate_body(out.body).ok());
    CHECK(out.body.find("five") == std::string::npos);
  }
  SUBCASE("text that is not a JSON object comes back unchanged, with the reason") {
    InstantiatedBody out = instantiate_body("{\"MsgRandom\": 1,", 9);
    CHECK(out.body == "{\"MsgRandom\": 1,");
    CHECK_FALSE(out.error.en.empty());
  }
}

TEST_CASE("templates: the user's own templates are a named store that survives storage") {
  TemplateStore store;
  CHECK(store.add({"weekly", R"({"MsgRandom":1})", 100}).ok());
  CHECK(store.add({"周报", R"({"MsgRandom":2})", 200}).ok());
  CHECK_FALSE(store.add({"weekly", "{}", 0}).ok());
  CHECK_FALSE(store.add({"", "{}", 0}).ok());
  CHECK(store.rename("weekly", "monthly").ok());
  CHECK_FALSE(store.rename("monthly", "周报").ok());

  TemplateStoreRead read = parse_templates(serialize_templates(store));
  CHECK(read.message.en.empty());
  REQUIRE(read.store.templates.size() == 2);
  CHECK(read.store.templates[0].name == "monthly");
  CHECK(read.store.templates[0].body == R"({"MsgRandom":1})");
  CHECK(read.store.templates[0].created_at == 100);
  CHECK(read.store.templates[1].name == "周报");

  CHECK(store.remove("monthly").ok());
  CHECK_FALSE(store.remove("monthly").ok());
  CHECK(store.templates.size() == 1);
}

TEST_CASE("templates: damaged template storage loses nothing readable") {
  TemplateStoreRead bad = parse_templates("{{{");
  CHECK(bad.store.templates.empty());
  CHECK(bad.unreadable);
  CHECK_FALSE(bad.message.en.empty());

  TemplateStoreRead mixed =
      parse_templates(R"({"templates":[{"name":"ok","body":"{}"},{"name":5,"body":"{}"},"x",{"name":"ok","body":"dup"}]})");
  REQUIRE(mixed.store.templates.size() == 1);
  CHECK(mixed.store.templates[0].body == "{}");
  CHECK(mixed.skipped == 3);
  CHECK_FALSE(mixed.message.en.empty());
}
