// HMAC-SHA256 through mbedtls: the test cases of RFC 4231 section 4 (HMAC-SHA-256 rows), plus
// the base64 codec against RFC 4648 section 10 and Tencent's URL variant.
#include <doctest/doctest.h>

#include <string>

#include "core/base64.h"
#include "core/hmac.h"
#include "core/usersig.h"

namespace {

std::string hex(const std::string& bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

std::string repeat(char c, size_t n) { return std::string(n, c); }

}  // namespace

TEST_CASE("RFC 4231 HMAC-SHA-256 test cases 1-7") {
  using timpush::core::hmac::sha256;
  SUBCASE("4.2 test case 1: 20-byte key 0x0b, \"Hi There\"") {
    CHECK(hex(sha256(repeat('\x0b', 20), "Hi There")) ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  }
  SUBCASE("4.3 test case 2: key shorter than the output, \"Jefe\"") {
    CHECK(hex(sha256("Jefe", "what do ya want for nothing?")) ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }
  SUBCASE("4.4 test case 3: 0xaa key, 50 bytes of 0xdd") {
    CHECK(hex(sha256(repeat('\xaa', 20), repeat('\xdd', 50))) ==
          "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  }
  SUBCASE("4.5 test case 4: key 0x01..0x19, 50 bytes of 0xcd") {
    std::string key;
    for (int i = 1; i <= 25; ++i) key += static_cast<char>(i);
    CHECK(hex(sha256(key, repeat('\xcd', 50))) ==
          "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  }
  SUBCASE("4.6 test case 5: output truncated to 128 bits") {
    CHECK(hex(sha256(repeat('\x0c', 20), "Test With Truncation")).substr(0, 32) ==
          "a3b6167473100ee06e0c796c2955552b");
  }
  SUBCASE("4.7 test case 6: 131-byte key, larger than the block") {
    CHECK(hex(sha256(repeat('\xaa', 131), "Test Using Larger Than Block-Size Key - Hash Key First")) ==
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  }
  SUBCASE("4.8 test case 7: 131-byte key and data larger than the block") {
    CHECK(hex(sha256(repeat('\xaa', 131),
                     "This is a test using a larger than block-size key and a larger than block-size data. "
                     "The key needs to be hashed before being used by the HMAC algorithm.")) ==
          "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
  }
  SUBCASE("the usersig API exposes the same function") {
    CHECK(hex(timpush::core::usersig::hmac_sha256("Jefe", "what do ya want for nothing?")) ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }
}

TEST_CASE("HMAC comparison") {
  using timpush::core::hmac::equal_constant_time;
  CHECK(equal_constant_time("abc", "abc"));
  CHECK_FALSE(equal_constant_time("abc", "abd"));
  CHECK_FALSE(equal_constant_time("abc", "ab"));
}

TEST_CASE("base64: RFC 4648 section 10 test vectors") {
  using timpush::core::base64::encode;
  using timpush::core::base64::decode_usersig;
  const char* vectors[][2] = {{"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},      {"foo", "Zm9v"},
                              {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
  for (auto& v : vectors) {
    CAPTURE(v[0]);
    CHECK(encode(v[0]) == v[1]);
    if (*v[0]) {
      auto d = decode_usersig(v[1]);
      REQUIRE(d.ok());
      CHECK(d.bytes == v[0]);
    }
  }
}

TEST_CASE("base64: Tencent's URL variant maps + / = to * - _ and decodes both spellings") {
  using namespace timpush::core::base64;
  // 0xfb 0xff 0xbf encodes to "+/+/" in the standard alphabet (RFC 4648 table 1: 62 '+', 63 '/').
  const std::string bytes("\xfb\xff\xbf\xfb", 4);
  CHECK(encode(bytes) == "+/+/+w==");
  CHECK(encode_usersig(bytes) == "*-*-*w__");
  CHECK(decode_usersig("*-*-*w__").bytes == bytes);
  CHECK(decode_usersig("+/+/+w==").bytes == bytes);
  SUBCASE("missing or partial padding is tolerated") {
    CHECK(decode_usersig("*-*-*w").bytes == bytes);
    CHECK(decode_usersig("*-*-*w_").bytes == bytes);
  }
}

TEST_CASE("base64: each decoding failure names what failed") {
  using timpush::core::base64::decode_usersig;
  SUBCASE("a character outside the alphabet, with its position") {
    auto d = decode_usersig("Zm9v!mFy");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error->position == 5);
    CHECK(d.error->reason.en.find("character 5 is '!' (0x21)") != std::string::npos);
    CHECK(d.error->reason.zh.find("第 5 个字符") != std::string::npos);
  }
  SUBCASE("a space says a '+' was probably lost to URL decoding") {
    auto d = decode_usersig("Zm9v mFy");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error->reason.en.find("a space") != std::string::npos);
    CHECK(d.error->reason.en.find("'+'") != std::string::npos);
  }
  SUBCASE("a percent sign says the text is URL-encoded") {
    auto d = decode_usersig("Zm9v%2AmFy");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error->reason.en.find("URL-encoded") != std::string::npos);
  }
  SUBCASE("data after padding") {
    auto d = decode_usersig("Zg__Zg__");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error->position == 5);
    CHECK(d.error->reason.en.find("after the padding") != std::string::npos);
  }
  SUBCASE("a lone final character means truncation") {
    auto d = decode_usersig("Zm9vY");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error->reason.en.find("lone character") != std::string::npos);
  }
  SUBCASE("too much padding") {
    auto d = decode_usersig("Zm9v_");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error->reason.en.find("padding") != std::string::npos);
  }
  SUBCASE("non-ASCII bytes are named by value") {
    auto d = decode_usersig("Zm9v\xc3\xa9");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error->reason.en.find("non-ASCII byte 0xC3") != std::string::npos);
  }
}
