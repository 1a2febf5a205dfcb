// 100,000 seeded mutations of valid requests through validate_body, parse_push_request and the
// serializers: no crash, no hang (the test build runs this under ASan and UBSan), and the
// properties users rely on hold for every input, however broken.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_files.h"
#include "core/json.h"
#include "core/push_request.h"
#include "core/validation.h"

using timpush::Json;
using namespace timpush::core;
using timpush::test::read_file;
using timpush::test::strip_line_comments;

namespace {

// splitmix64: tiny, and the same sequence on every platform (std:: distributions are not).
struct Rng {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
};



std::vector<std::string> seeds() {
  std::vector<std::string> all;
  const std::string dir = std::string(TIMPUSH_TEST_DATA);
  for (const char* name : {"all_users_offline.json", "all_users_online_only.json", "tags_and.json",
                           "tags_or.json", "attrs_and_member.json", "attrs_and_user.json"}) {
    all.push_back(strip_line_comments(read_file(dir + "/examples/" + name)));
  }
  all.push_back(read_file(dir + "/full_request.json"));
  all.push_back(Json::parse(all.back()).dump());
  all.push_back(R"({"MsgRandom":4294967295,"Condition":{"AttrsOr":{"a/b":"~","x":"y"}},"DataId":"d"})");
  for (const auto& seed : all) REQUIRE_MESSAGE(!Json::parse(seed, nullptr, false).is_discarded(), seed);
  return all;
}

// Pieces of JSON and of this API, so mutations reach deep paths instead of dying in the lexer.
const std::vector<std::string> tokens = {
    "{", "}", "[", "]", "\"", ",", ":", " ", "\n", "\\", "null", "true", "false", "0", "-0", "-1",
    "1.0", "1.5", "1e3", "1e999", "4294967295", "4294967296", "18446744073709551616", "\"\"",
    "\"\\u0000\"", "\"\\ud800\"", "\"\\u80a1\"", "\"股票A\"", "//", "/*", "\xFF", "\xE8\x82",
    "\xEF\xBB\xBF", "\"MsgRandom\":", "\"Condition\":", "\"TagsAnd\":", "\"TagsOr\":",
    "\"TagsNot\":", "\"AttrsAnd\":", "\"AttrsOr\":", "\"OfflinePushInfo\":", "\"PushFlag\":",
    "\"Desc\":", "\"Ext\":", "\"AndroidInfo\":", "\"ApnsInfo\":", "\"DataId\":", "\"a~/b\":",
    "[\"\"]", "[1,2]", "{\"k\":[]}", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""};

Json random_value(Rng& rng, int depth = 0) {
  switch (rng.below(depth > 2 ? 9 : 11)) {
    case 0: return nullptr;
    case 1: return rng.below(2) == 1;
    case 2: return static_cast<int64_t>(rng.next()) >> rng.below(64);
    case 3: return rng.next() >> rng.below(64);
    case 4: return static_cast<double>(rng.next() % 100000) / 7.0;
    case 5: return "";
    case 6: return std::string(rng.below(80), 'x');
    case 7: return "\xE8\x82\xA1\xE7\xA5\xA8";
    case 8: return "{\"k\":1}";
    case 9: {
      Json array = Json::array();
      for (size_t i = rng.below(13); i > 0; --i) array.push_back(random_value(rng, depth + 1));
      return array;
    }
    default: {
      Json object = Json::object();
      for (size_t i = rng.below(4); i > 0; --i) {
        object["k" + std::to_string(rng.below(5))] = random_value(rng, depth + 1);
      }
      return object;
    }
  }
}

void collect_pointers(const Json& value, const Json::json_pointer& here,
                      std::vector<Json::json_pointer>& out) {
  out.push_back(here);
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) collect_pointers(item, here / key, out);
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) collect_pointers(value[i], here / i, out);
  }
}

// Replaces one field (any depth, documented or not) by a value of a random, usually other, type.
std::string swap_type(const std::string& text, Rng& rng) {
  Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return text;
  std::vector<Json::json_pointer> pointers;
  collect_pointers(doc, Json::json_pointer(), pointers);
  if (pointers.size() < 2) return text;  // pointers[0] is the whole document
  doc[pointers[1 + rng.below(pointers.size() - 1)]] = random_value(rng);
  return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string mutate(std::string text, Rng& rng, const std::vector<std::string>& all) {
  size_t rounds = 1 + rng.below(2);
  for (size_t r = 0; r < rounds; ++r) {
    size_t at = rng.below(text.size() + 1);
    switch (rng.below(10)) {
      case 0:  // flip one bit
        if (!text.empty()) text[rng.below(text.size())] ^= static_cast<char>(1u << rng.below(8));
        break;
      case 1:  // insert a random byte
        text.insert(at, 1, static_cast<char>(rng.below(256)));
        break;
      case 2:  // delete a range
        text.erase(at, rng.below(16));
        break;
      case 3:  // truncate
        text.resize(rng.below(text.size() + 1));
        break;
      case 4:  // insert a JSON or API token
        text.insert(at, tokens[rng.below(tokens.size())]);
        break;
      case 5: {  // splice in a piece of another request
        const std::string& other = all[rng.below(all.size())];
        size_t from = rng.below(other.size());
        text.insert(at, other.substr(from, rng.below(64)));
        break;
      }
      case 6: {  // duplicate a range in place
        if (at < text.size()) text.insert(at, text.substr(at, rng.below(32)));
        break;
      }
      default:
        text = swap_type(text, rng);
    }
  }
  return text;
}

// Checked on every one of the 100,000 cases: a doctest assertion only when it fails, so the
// bookkeeping of 800,000 passing assertions does not dominate the run.
#define ENSURE(...)                                             \
  do {                                                          \
    if (!(__VA_ARGS__)) FAIL("invariant broken: " #__VA_ARGS__ " for input " << text); \
  } while (false)

// RFC 3629 section 4: well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_utf8(const std::string& text) {
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
               : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len == 0 || i + len > text.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    auto c1 = static_cast<unsigned char>(text[i + 1 < text.size() ? i + 1 : i]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
        (c == 0xF4 && c1 > 0x8F)) {
      return false;
    }
    i += len;
  }
  return true;
}

struct Outcome {
  bool parsed = false;  // parse_push_request gave a request
  bool clean = false;   // validate_body found no error
};

// What must hold for any input at all.
// `thorough` adds the pretty form and a validation of our own output: slower, so the big loop
// asks for it on one case in four to stay within a minute under the sanitizers.
Outcome check_invariants(const std::string& text, bool thorough = true) {
  ValidationReport report = validate_body(text);
  bool has_error = false, has_90001 = false;
  for (const auto& issue : report.issues) {
    if (issue.severity == Severity::error) has_error = true;
    if (issue.code == 90001) {
      has_90001 = true;
      ENSURE(issue.line >= 1);
      ENSURE(issue.column >= 1);
    }
    ENSURE(!issue.message.en.empty());
    ENSURE(!issue.message.zh.empty());
    // Messages reach the UI, the terminal and --json whatever bytes the input held.
    ENSURE(is_utf8(issue.message.en));
    ENSURE(is_utf8(issue.message.zh));
    ENSURE(is_utf8(issue.pointer));
    ENSURE((issue.pointer.empty() || issue.pointer[0] == '/'));
  }
  ENSURE(report.ok() == !has_error);
  if (text.size() > max_body_bytes) {
    ENSURE(!report.issues.empty());
    ENSURE(report.issues[0].code == 90056);
  }

  ParsedRequest parsed = parse_push_request(text);
  if (has_90001) ENSURE(!parsed.request);
  if (!parsed.request) {
    ENSURE(!parsed.error.en.empty());
    return {false, report.ok()};
  }
  // Serializing is stable: what we send, read back, is written the same way again.
  std::string once = serialize_body(*parsed.request);
  ParsedRequest again = parse_push_request(once);
  ENSURE(again.request.has_value());
  ENSURE(serialize_body(*again.request) == once);
  if (thorough) {
    Json pretty = Json::parse(serialize_pretty(*parsed.request), nullptr, false);
    ENSURE(!pretty.is_discarded());
    ENSURE(pretty.dump(-1, ' ', false, Json::error_handler_t::replace) == once);
    // The composer checks its model's document without parsing the dump: the same issues.
    ValidationReport of_text = validate_body(once);
    ValidationReport of_document = validate_document(once, to_json(*parsed.request));
    ENSURE(of_text.issues.size() == of_document.issues.size());
    for (size_t i = 0; i < of_text.issues.size(); ++i) {
      const Issue& a = of_text.issues[i];
      const Issue& b = of_document.issues[i];
      ENSURE((a.code == b.code && a.severity == b.severity && a.pointer == b.pointer &&
              a.message.en == b.message.en && a.message.zh == b.message.zh));
    }
  }
  return {true, report.ok()};
}

}  // namespace

TEST_CASE("100,000 mutated requests: no crash, no hang, invariants hold") {
  const std::vector<std::string> all = seeds();
  Rng rng{20240920};
  size_t parsed_ok = 0, clean = 0;
  auto start = std::chrono::steady_clock::now();
  constexpr int cases = 100000;
  for (int i = 0; i < cases; ++i) {
    std::string text = mutate(all[rng.below(all.size())], rng, all);
    CAPTURE(i);
    Outcome outcome = check_invariants(text, i % 4 == 0);
    parsed_ok += outcome.parsed;
    clean += outcome.clean;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // The mutations must reach past the JSON parser, or the deeper checks went unexercised.
  CHECK(parsed_ok > cases / 10);
  CHECK(clean > cases / 20);
  CHECK(clean < cases - cases / 10);
  MESSAGE(cases << " mutations in " << seconds << " s; " << parsed_ok << " parsed as objects, "
                << clean << " passed validation");
}

TEST_CASE("the UTF-8 check used above tells good text from bad") {
  CHECK(is_utf8("ascii \xE8\x82\xA1 \xF0\x9F\x98\x80"));
  CHECK(!is_utf8("\xFF"));
  CHECK(!is_utf8("\xE8\x82"));        // truncated
  CHECK(!is_utf8("\xC0\xAF"));        // overlong
  CHECK(!is_utf8("\xED\xA0\x80"));    // a surrogate
}

TEST_CASE("extreme inputs stay cheap") {
  // A very wide object: ordered_json's linear key lookup would make this quadratic.
  std::string wide = "{";
  for (int i = 0; i < 60000; ++i) wide += "\"k" + std::to_string(i) + "\":0,";
  wide += "\"end\":0}";
  auto start = std::chrono::steady_clock::now();
  ValidationReport report = validate_body(wide);
  CHECK(!report.ok());
  CHECK(report.issues[0].code == 90056);
  CHECK(!parse_push_request(wide).request);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 10);
  // Deep nesting: reported or refused, never a stack overflow.
  std::string deep = "{\"x\":" + std::string(200000, '[') + std::string(200000, ']') + "}";
  check_invariants(deep);
  std::string unclosed = std::string(200000, '[');
  check_invariants(unclosed);
}
