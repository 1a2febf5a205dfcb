// The shared small helpers: core/text_util.h and the typed member reads of core/json.h.
// Expected values from the rules they follow: RFC 6901 section 3 (pointer tokens), RFC 3629
// section 3 (UTF-8 lead and continuation bytes), and the uint32 range 0..4294967295.
#include <doctest/doctest.h>

#include <string>

#include "core/json.h"
#include "core/text_util.h"

using timpush::Json;
using namespace timpush::core;

TEST_CASE("trim drops ASCII whitespace at both ends only") {
  CHECK(trim("") == "");
  CHECK(trim(" \t\r\n\v\f") == "");
  CHECK(trim("  a b  ") == "a b");
  CHECK(trim("\nx") == "x");
  // U+3000 (ideographic space) is not ASCII whitespace: kept, so no UTF-8 byte is cut.
  CHECK(trim("\xE3\x80\x80" "a") == "\xE3\x80\x80" "a");
}

TEST_CASE("utf8_prefix never ends inside a character") {
  const std::string text = "a\xE8\x82\xA1\xF0\x9F\x98\x80";  // a, 股 (3 bytes), 😀 (4 bytes)
  CHECK(utf8_prefix(text, 100) == text);
  CHECK(utf8_prefix(text, 0) == "");
  CHECK(utf8_prefix(text, 1) == "a");
  CHECK(utf8_prefix(text, 2) == "a");
  CHECK(utf8_prefix(text, 3) == "a");
  CHECK(utf8_prefix(text, 4) == "a\xE8\x82\xA1");
  CHECK(utf8_prefix(text, 7) == "a\xE8\x82\xA1");
  CHECK(utf8_prefix(text, 8) == text);
  // Not UTF-8 (a run of continuation bytes): cut where asked rather than eat the text.
  const std::string stray(10, '\x80');
  CHECK(utf8_prefix(stray, 5).size() == 5);
}

TEST_CASE("ascii_lower folds A-Z only, whatever the locale") {
  CHECK(ascii_lower("Console.TIM.qq.COM") == "console.tim.qq.com");
  CHECK(ascii_lower("\xC3\x89t\xC3\xA9") == "\xC3\x89t\xC3\xA9");  // UTF-8 bytes stay
  CHECK(ascii_lower("") == "");
}

// Well-formed sequences: RFC 3629 section 4 (the Unicode Standard's Table 3-7 says the same).
TEST_CASE("valid_utf8 keeps well-formed UTF-8 and replaces every other byte with U+FFFD") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(valid_utf8("plain ASCII") == "plain ASCII");
  CHECK(valid_utf8("\xE8\x82\xA1\xE7\xA5\xA8" "A") == "\xE8\x82\xA1\xE7\xA5\xA8" "A");  // 股票A
  CHECK(valid_utf8("\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80");                     // U+1F600
  CHECK(valid_utf8("\xF4\x8F\xBF\xBF") == "\xF4\x8F\xBF\xBF");                     // U+10FFFF
  // "网关" in GBK (B0 E5 B9 D8): not UTF-8, each byte replaced, nothing dropped silently.
  CHECK(valid_utf8("\xCD\xF8\xB9\xD8") == fffd + fffd + fffd + fffd);
  CHECK(valid_utf8("\xC0\xAF") == fffd + fffd);                       // overlong '/'
  CHECK(valid_utf8("\xE0\x80\xAF") == fffd + fffd + fffd);           // overlong '/'
  CHECK(valid_utf8("\xED\xA0\x80") == fffd + fffd + fffd);           // surrogate U+D800
  CHECK(valid_utf8("\xF4\x90\x80\x80") == fffd + fffd + fffd + fffd);  // past U+10FFFF
  CHECK(valid_utf8("ab\xE8\x82") == "ab" + fffd + fffd);              // cut short
  CHECK(valid_utf8("") == "");
}

TEST_CASE("json_pointer_token escapes ~ before /") {
  CHECK(json_pointer_token("a/b") == "a~1b");
  CHECK(json_pointer_token("a~b") == "a~0b");
  CHECK(json_pointer_token("~1") == "~01");
  CHECK(json_pointer_token("") == "");
  CHECK(json_pointer_token("会员等级") == "会员等级");
}

TEST_CASE("parse_uint32 takes 1 to 10 digits within 32 bits, nothing else") {
  CHECK(parse_uint32("0") == 0u);
  CHECK(parse_uint32("1400000000") == 1400000000u);
  CHECK(parse_uint32("4294967295") == 4294967295u);
  CHECK(parse_uint32("007") == 7u);
  CHECK_FALSE(parse_uint32("4294967296"));
  CHECK_FALSE(parse_uint32("99999999999"));
  CHECK_FALSE(parse_uint32("00000000001"));  // 11 characters
  CHECK_FALSE(parse_uint32(""));
  CHECK_FALSE(parse_uint32("-1"));
  CHECK_FALSE(parse_uint32("+1"));
  CHECK_FALSE(parse_uint32(" 1"));
  CHECK_FALSE(parse_uint32("1 "));
  CHECK_FALSE(parse_uint32("0x10"));
  CHECK_FALSE(parse_uint32("1e3"));
}

TEST_CASE("typed member reads give nothing for absent, mistyped or out-of-range members") {
  Json doc = Json::parse(R"({"s":"x","b":true,"i":-5,"u":4294967295,"big":18446744073709551615,
                             "f":1.5,"neg":-1,"over":4294967296,"n":null})");
  CHECK(get_string(doc, "s") == std::optional<std::string>("x"));
  CHECK_FALSE(get_string(doc, "b"));
  CHECK_FALSE(get_string(doc, "missing"));
  CHECK(get_bool(doc, "b") == std::optional<bool>(true));
  CHECK_FALSE(get_bool(doc, "n"));
  CHECK(get_int64(doc, "i") == std::optional<int64_t>(-5));
  CHECK(get_int64(doc, "u") == std::optional<int64_t>(4294967295));
  CHECK_FALSE(get_int64(doc, "big"));  // 2^64-1 does not fit an int64
  CHECK_FALSE(get_int64(doc, "f"));    // a fraction is not an integer
  CHECK(get_uint32(doc, "u") == std::optional<uint32_t>(4294967295u));
  CHECK_FALSE(get_uint32(doc, "neg"));
  CHECK_FALSE(get_uint32(doc, "over"));
  CHECK_FALSE(get_uint32(doc, "s"));
  // Not an object at all: nothing, never an exception.
  CHECK_FALSE(get_string(Json::array({1}), "s"));
  CHECK(find_member(Json(3), "s") == nullptr);
  CHECK(as_uint32(Json(7)) == std::optional<uint32_t>(7u));
}

TEST_CASE("utc_datetime writes the service's date-time text in UTC") {
  // Known instants: the harness's 2026-01-01T00:00:00Z (1767225600), and the trace sample's
  // "2025-03-13 16:16:27" read as UTC (date -u -d @1741882587).
  CHECK(utc_datetime(1767225600) == "2026-01-01 00:00:00");
  CHECK(utc_datetime(1741882587) == "2025-03-13 16:16:27");
  CHECK(utc_datetime(0) == "1970-01-01 00:00:00");
  CHECK(utc_datetime(-1) == "1969-12-31 23:59:59");
  CHECK(utc_datetime(951782400) == "2000-02-29 00:00:00");  // a leap day of a century year
}
