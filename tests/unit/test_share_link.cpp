// Share links: a draft carried in the URL fragment opens the page with that draft, and never
// carries the SecretKey or a UserSig. Damaged links are explained, never crash.
#include <doctest/doctest.h>

#include <string>

#include "core/base64.h"
#include "core/json.h"
#include "core/share_link.h"
#include "core/usersig.h"
#include "core/zlib_codec.h"

using timpush::Json;
using namespace timpush::core;

namespace {

constexpr const char* key = "5f0c0a1d2e3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";

Draft sample() {
  Draft d;
  d.name = "双十一";
  d.body = R"({"MsgRandom":124032,"Condition":{"TagsOr":["股票A","股票B"]},"OfflinePushInfo":{"Desc":"离线推送内容"}})";
  d.target.kind = TargetKind::custom;
  d.target.custom_base = "https://relay.example.com/im";
  d.target.sdkappid = "1400000000";
  d.target.identifier = "ops";
  d.target.validity_days = 30;
  return d;
}

// base64url (RFC 4648 section 5) without padding, built from the standard alphabet.
std::string base64url(const std::string& bytes) {
  std::string text = base64::encode(bytes);
  while (!text.empty() && text.back() == '=') text.pop_back();
  for (char& c : text) c = c == '+' ? '-' : c == '/' ? '_' : c;
  return text;
}

// What a link carries, read independently of the decoder under test.
std::string link_document(const std::string& fragment) {
  std::string b64 = fragment.substr(std::string("#draft=").size());
  for (char& c : b64) c = c == '-' ? '+' : c == '_' ? '/' : c;
  base64::Decoded bytes = base64::decode_usersig(b64);
  REQUIRE(bytes.ok());
  zlib_codec::Inflated json = zlib_codec::inflate_capped(bytes.bytes, 1 << 20);
  REQUIRE(json.ok());
  return json.data;
}

// Deterministic text that does not compress (an LCG; tests may make up data, the core may not).
std::string incompressible(size_t n) {
  std::string out;
  uint32_t x = 12345;
  const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  while (out.size() < n) {
    x = x * 1664525u + 1013904223u;
    out += alphabet[(x >> 24) % 62];
  }
  return out;
}

}  // namespace

TEST_CASE("share link: a draft goes into the fragment and comes back whole") {
  ShareEncoded link = encode_share_fragment(sample());
  REQUIRE(link.ok());
  CHECK(link.warning.en.empty());
  CHECK(link.fragment.rfind("#draft=", 0) == 0);
  for (char c : link.fragment.substr(7)) {
    CAPTURE(c);
    CHECK(((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'));
  }
  // The document inside is the one the header describes.
  JsonReadResult doc = read_json(link_document(link.fragment));
  REQUIRE(doc.ok());
  CHECK(doc.value["v"] == 1);
  CHECK(doc.value["body"] == sample().body);

  for (std::string carrier : {link.fragment, "http://127.0.0.1:8080/" + link.fragment,
                              link.fragment.substr(1), share_url("https://x.example/page?lang=zh#old", link.fragment)}) {
    CAPTURE(carrier);
    CHECK(has_share_fragment(carrier));
    ShareDecoded back = decode_share_fragment(carrier);
    REQUIRE(back.ok());
    CHECK(back.draft->name == "双十一");
    CHECK(back.draft->body == sample().body);
    CHECK(back.draft->target.kind == TargetKind::custom);
    CHECK(back.draft->target.custom_base == "https://relay.example.com/im");
    CHECK(back.draft->target.sdkappid == "1400000000");
    CHECK(back.draft->target.identifier == "ops");
    CHECK(back.draft->target.validity_days == 30);
  }
  CHECK(share_url("https://x.example/page?lang=zh#old", link.fragment) ==
        "https://x.example/page?lang=zh" + link.fragment);
}

TEST_CASE("share link: never carries the SecretKey or the UserSig, even when remembered") {
  Draft d = sample();
  d.remember_secrets = true;
  d.secret_key = key;
  d.pasted_usersig = usersig::generate(1400000000u, "ops", key, 1764152787);
  ShareEncoded link = encode_share_fragment(d);
  REQUIRE(link.ok());
  std::string inside = link_document(link.fragment);
  CHECK(inside.find(key) == std::string::npos);
  CHECK(inside.find(d.pasted_usersig) == std::string::npos);
  CHECK(inside.find("secret") == std::string::npos);
  CHECK(inside.find("usersig") == std::string::npos);
  ShareDecoded back = decode_share_fragment(link.fragment);
  REQUIRE(back.ok());
  CHECK(back.draft->secret_key.empty());
  CHECK(back.draft->pasted_usersig.empty());
  CHECK_FALSE(back.draft->remember_secrets);
}

TEST_CASE("share link: refused when the body holds a credential") {
  std::string sig = usersig::generate(1400000000u, "ops", key, 1764152787);
  SUBCASE("the draft's own key in the body") {
    Draft d = sample();
    d.secret_key = key;
    d.body = std::string(R"({"MsgRandom":1,"OfflinePushInfo":{"Ext":")") + key + "\"}}";
    ShareEncoded link = encode_share_fragment(d);
    CHECK_FALSE(link.ok());
    CHECK(link.fragment.empty());
    CHECK(link.error.en.find("SecretKey") != std::string::npos);
  }
  SUBCASE("a key given by the caller") {
    Draft d = sample();
    d.body = std::string(R"({"Ext":")") + key + "\"}";
    CHECK_FALSE(encode_share_fragment(d, {key}).ok());
  }
  SUBCASE("any UserSig, recognised by decoding it") {
    Draft d = sample();
    d.body = R"({"MsgRandom":1,"OfflinePushInfo":{"Ext":"{\"sig\":\")" + sig + R"(\"}"}})";
    ShareEncoded link = encode_share_fragment(d);
    CHECK_FALSE(link.ok());
    CHECK(link.error.en.find("UserSig") != std::string::npos);
    CHECK_FALSE(link.error.zh.empty());
  }
  SUBCASE("a usersig= parameter in the custom base") {
    Draft d = sample();
    d.target.custom_base = "https://h/x?usersig=abc";
    CHECK_FALSE(encode_share_fragment(d).ok());
  }
}

TEST_CASE("share link: any body the server accepts fits, a larger one is refused") {
  Draft d = sample();
  d.body = R"({"MsgRandom":1,"OfflinePushInfo":{"Ext":")" + incompressible(10190) + "\"}}";
  REQUIRE(d.body.size() <= 10240);
  ShareEncoded fits = encode_share_fragment(d);
  REQUIRE(fits.ok());
  CHECK(fits.fragment.size() <= max_share_fragment_chars);
  CHECK(fits.warning.en.find("characters long") != std::string::npos);  // long, so the user is told
  REQUIRE(decode_share_fragment(fits.fragment).ok());
  CHECK(decode_share_fragment(fits.fragment).draft->body == d.body);

  d.body = incompressible(20000);
  ShareEncoded too_big = encode_share_fragment(d);
  CHECK_FALSE(too_big.ok());
  CHECK(too_big.error.en.find("16384") != std::string::npos);
}

TEST_CASE("share link: damaged links give a clear message, never a crash") {
  std::string good = encode_share_fragment(sample()).fragment;
  SUBCASE("no draft at all") {
    CHECK_FALSE(has_share_fragment("https://x.example/"));
    CHECK_FALSE(has_share_fragment("#other=1"));
    CHECK(decode_share_fragment("https://x.example/").error.en.find("no draft") != std::string::npos);
  }
  SUBCASE("empty") { CHECK(decode_share_fragment("#draft=").error.en.find("empty") != std::string::npos); }
  SUBCASE("a character that links do not use, with its position") {
    ShareDecoded bad = decode_share_fragment("#draft=abc!def");
    CHECK_FALSE(bad.ok());
    CHECK(bad.error.en.find("character 4") != std::string::npos);
  }
  SUBCASE("cut at every length") {
    for (size_t n = 8; n < good.size(); ++n) {
      ShareDecoded cut = decode_share_fragment(good.substr(0, n));
      CHECK_FALSE(cut.ok());
      CHECK_FALSE(cut.error.en.empty());
      CHECK_FALSE(cut.error.zh.empty());
    }
  }
  SUBCASE("one character changed anywhere") {
    for (size_t i = 7; i < good.size(); ++i) {
      std::string changed = good;
      changed[i] = changed[i] == 'A' ? 'B' : 'A';
      ShareDecoded out;
      CHECK_NOTHROW(out = decode_share_fragment(changed));
      // Either a draft or a reason, never neither or both (zlib's Adler-32 catches most changes).
      CHECK(out.ok() == out.error.en.empty());
      if (out.ok()) CHECK(out.draft->secret_key.empty());
    }
  }
  SUBCASE("valid base64url of things that are not drafts") {
    CHECK_FALSE(decode_share_fragment("#draft=" + base64url("hello")).ok());
    CHECK_FALSE(decode_share_fragment("#draft=" + base64url(zlib_codec::compress("[1,2]"))).ok());
    CHECK_FALSE(decode_share_fragment("#draft=" + base64url(R"({"v":1})")).ok());  // no body
    CHECK_FALSE(decode_share_fragment("#draft=" + base64url(R"({"body":"{}"})")).ok());  // no version
    ShareDecoded newer = decode_share_fragment("#draft=" + base64url(R"({"v":2,"body":"{}"})"));
    CHECK(newer.error.en.find("newer version") != std::string::npos);
  }
  SUBCASE("too long to be one of ours") {
    CHECK_FALSE(decode_share_fragment("#draft=" + std::string(20000, 'A')).ok());
  }
}

TEST_CASE("share link: a hand-made link cannot smuggle credentials or a query into the draft") {
  std::string doc = R"({"v":1,"name":"x","body":"{}","secret_key":"abc","pasted_usersig":"def",)"
                    R"("remember_secrets":true,"target":{"kind":"custom","custom_base":"https://h/p?usersig=zz"}})";
  ShareDecoded out = decode_share_fragment("#draft=" + base64url(doc));
  REQUIRE(out.ok());
  CHECK(out.draft->secret_key.empty());
  CHECK(out.draft->pasted_usersig.empty());
  CHECK_FALSE(out.draft->remember_secrets);
  CHECK(out.draft->target.custom_base == "https://h/p");
  // A name that could not be a draft's name is replaced.
  ShareDecoded unnamed = decode_share_fragment("#draft=" + base64url(R"({"v":1,"name":"a\nb","body":"{}"})"));
  REQUIRE(unnamed.ok());
  CHECK(unnamed.draft->name == "Shared draft");
}

TEST_CASE("share link: the target it brings is marked as the link's, its host named canonically") {
  Draft d = sample();
  d.target.custom_base = "https://Push.Example.QQ.com.:8443/im";
  ShareEncoded enc = encode_share_fragment(d);
  REQUIRE(enc.ok());
  ShareDecoded back = decode_share_fragment(enc.fragment);
  REQUIRE(back.ok());
  CHECK(back.draft->target.from_share_link);
  CHECK(back.host == "push.example.qq.com:8443");

  // A hand-made link cannot clear the mark.
  std::string doc = R"({"v":1,"name":"n","body":"{}","target":{"kind":"region","region_id":"tokyo","from_share_link":false}})";
  ShareDecoded region = decode_share_fragment("#draft=" + base64url(doc));
  REQUIRE(region.ok());
  CHECK(region.draft->target.from_share_link);
  CHECK(region.host == "adminapijpn.im.qcloud.com");

  // A draft made here is not marked, and the mark survives storage once set.
  Draft own = sample();
  CHECK_FALSE(draft_from_json(to_json(own))->target.from_share_link);
  CHECK(draft_from_json(to_json(*back.draft))->target.from_share_link);
}
