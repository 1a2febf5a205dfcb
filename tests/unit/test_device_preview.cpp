// The device preview against the vendor limits of ../shared/spec/vendors.md: each vendor exactly
// at its limit, one over, in CJK, with emoji and mixed. Section numbers (§) are of vendors.md.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/device_preview.h"
#include "core/json.h"

using namespace timpush::core;
using timpush::Json;

namespace {

std::string repeat(const std::string& unit, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += unit;
  return out;
}

// A push with the given Title and Desc and channel IDs set, so only the rule under test warns.
Json body_with(const std::string& title, const std::string& desc) {
  Json android = {{"OPPOChannelID", "news"}, {"XiaoMiChannelID", "high"}, {"HuaWeiCategory", "IM"}};
  return {{"MsgRandom", 1},
          {"OfflinePushInfo", {{"Title", title}, {"Desc", desc}, {"AndroidInfo", android}}}};
}

// A copy, so a card of a temporary preview may be kept.
PlatformPreview card(const DevicePreview& p, Platform platform) {
  return *std::find_if(p.platforms.begin(), p.platforms.end(),
                       [&](const PlatformPreview& c) { return c.platform == platform; });
}

bool has(const PlatformPreview& c, int code) {
  return std::any_of(c.warnings.begin(), c.warnings.end(), [&](const DeviceWarning& w) { return w.code == code; });
}

const std::string cjk = "股";        // one CJK character: 3 bytes, 1 character, width 2
const std::string emoji = "\xF0\x9F\x98\x80";  // U+1F600: 4 bytes, 1 character

}  // namespace

TEST_CASE("device text: bytes, characters and width are counted as vendors.md §1 says") {
  TextCount t = count_text("股票A");
  CHECK(t.bytes == 7);
  CHECK(t.chars == 3);
  CHECK(t.width == 5);  // CJK 2 each (vivo, Honor), Latin 1
  TextCount e = count_text(emoji);
  CHECK(e.chars == 1);
  CHECK(e.width == 1);
  CHECK(count_text(emoji, true).width == 2);  // our choice for vivo and Honor (§1)
  // A byte that is not UTF-8 still counts, as one character.
  CHECK(count_text("\xFF").chars == 1);
}

TEST_CASE("device text: a cut keeps whole characters and ends in an ellipsis within the budget") {
  CutText whole = cut_text("hello", 5, Counter::chars);
  CHECK_FALSE(whole.cut);
  CHECK(whole.shown == "hello");
  CutText cut = cut_text("hello world", 6, Counter::chars);
  CHECK(cut.cut);
  CHECK(cut.shown == "hello…");
  CutText wide = cut_text(repeat(cjk, 5), 5, Counter::width);  // 2+2 then the ellipsis (1)
  CHECK(wide.shown == repeat(cjk, 2) + "…");
  CHECK(count_text(wide.shown).width <= 5);
}

TEST_CASE("vivo: title 20 CJK = 40 width, body 50 CJK = 100 width; emoji count 2 (§1, §2)") {
  CHECK_FALSE(has(card(preview_devices(body_with(repeat(cjk, 20), "正文内容很长")), Platform::vivo), device_code::title_refused));
  CHECK(has(card(preview_devices(body_with(repeat(cjk, 21), "正文内容很长")), Platform::vivo), device_code::title_refused));
  CHECK_FALSE(has(card(preview_devices(body_with(repeat("a", 40), "正文内容很长")), Platform::vivo), device_code::title_refused));
  CHECK(has(card(preview_devices(body_with(repeat("a", 41), "正文内容很长")), Platform::vivo), device_code::title_refused));
  CHECK_FALSE(has(card(preview_devices(body_with(repeat(emoji, 20), "正文内容很长")), Platform::vivo), device_code::title_refused));
  CHECK(has(card(preview_devices(body_with(repeat(emoji, 21), "正文内容很长")), Platform::vivo), device_code::title_refused));
  // Mixed: 19 CJK (38) + "ab" (2) = 40 fits; one more Latin letter does not.
  CHECK_FALSE(has(card(preview_devices(body_with(repeat(cjk, 19) + "ab", "正文内容很长")), Platform::vivo), device_code::title_refused));
  CHECK(has(card(preview_devices(body_with(repeat(cjk, 19) + "abc", "正文内容很长")), Platform::vivo), device_code::title_refused));
  CHECK_FALSE(has(card(preview_devices(body_with("标题内容", repeat(cjk, 50))), Platform::vivo), device_code::body_refused));
  CHECK(has(card(preview_devices(body_with("标题内容", repeat(cjk, 51))), Platform::vivo), device_code::body_refused));
  // The message says what the vendor does, in both languages.
  const PlatformPreview& v = card(preview_devices(body_with(repeat(cjk, 21), "正文内容很长")), Platform::vivo);
  REQUIRE_FALSE(v.warnings.empty());
  CHECK(v.warnings[0].hard);
  CHECK(v.warnings[0].pointer == "/OfflinePushInfo/Title");
  CHECK(v.warnings[0].message.en.find("refuses") != std::string::npos);
  CHECK(v.warnings[0].message.zh.find("拒绝") != std::string::npos);
}

TEST_CASE("Xiaomi: title under 50 and body under 128 characters, CJK counted 1 (§1, §2)") {
  CHECK_FALSE(has(card(preview_devices(body_with(repeat(cjk, 49), "正文内容很长")), Platform::xiaomi), device_code::title_refused));
  CHECK(has(card(preview_devices(body_with(repeat(cjk, 50), "正文内容很长")), Platform::xiaomi), device_code::title_refused));
  CHECK_FALSE(has(card(preview_devices(body_with("标题内容", repeat("b", 127))), Platform::xiaomi), device_code::body_refused));
  CHECK(has(card(preview_devices(body_with("标题内容", repeat("b", 128))), Platform::xiaomi), device_code::body_refused));
  CHECK(has(card(preview_devices(body_with("", "正文内容很长")), Platform::xiaomi), device_code::text_required));
}

TEST_CASE("Meizu: title 1..32, body 1..100 characters (§2)") {
  CHECK_FALSE(has(card(preview_devices(body_with(repeat("t", 32), "正文内容很长")), Platform::meizu), device_code::title_refused));
  CHECK(has(card(preview_devices(body_with(repeat("t", 33), "正文内容很长")), Platform::meizu), device_code::title_refused));
  CHECK_FALSE(has(card(preview_devices(body_with("标题内容", repeat(cjk, 100))), Platform::meizu), device_code::body_refused));
  CHECK(has(card(preview_devices(body_with("标题内容", repeat(cjk, 101))), Platform::meizu), device_code::body_refused));
}

TEST_CASE("OPPO: title 50, body 200, or 128 in the long-text style; soft title 32 (§2)") {
  CHECK_FALSE(has(card(preview_devices(body_with(repeat("t", 50), "正文内容很长")), Platform::oppo), device_code::title_refused));
  CHECK(has(card(preview_devices(body_with(repeat("t", 51), "正文内容很长")), Platform::oppo), device_code::title_refused));
  CHECK(has(card(preview_devices(body_with(repeat("t", 33), "正文内容很长")), Platform::oppo), device_code::may_be_cut));
  CHECK_FALSE(has(card(preview_devices(body_with(repeat("t", 32), "正文内容很长")), Platform::oppo), device_code::may_be_cut));
  CHECK_FALSE(has(card(preview_devices(body_with("标题内容", repeat("b", 200))), Platform::oppo), device_code::body_refused));
  CHECK(has(card(preview_devices(body_with("标题内容", repeat("b", 201))), Platform::oppo), device_code::body_refused));
  Json long_text = body_with("标题内容", repeat("b", 129));
  long_text["OfflinePushInfo"]["AndroidInfo"]["PushStyle"] = 1;
  const PlatformPreview& o = card(preview_devices(long_text), Platform::oppo);
  CHECK(has(o, device_code::body_refused));
  CHECK(o.long_text);
  CHECK_FALSE(o.body.expanded.cut);  // the long-text style shows it whole (§6)
  CHECK_FALSE(card(preview_devices(long_text), Platform::vivo).long_text);  // vivo ignores PushStyle
}

TEST_CASE("Honor and Huawei: only soft limits, 'may be cut' (§2 aggregator table)") {
  const PlatformPreview& honor = card(preview_devices(body_with(repeat(cjk, 31), "正文内容很长")), Platform::honor);
  CHECK(has(honor, device_code::may_be_cut));
  CHECK_FALSE(has(honor, device_code::title_refused));
  CHECK_FALSE(has(card(preview_devices(body_with(repeat(cjk, 30), "正文内容很长")), Platform::honor), device_code::may_be_cut));
  CHECK(has(card(preview_devices(body_with(repeat("t", 41), "正文内容很长")), Platform::huawei), device_code::may_be_cut));
  CHECK_FALSE(has(card(preview_devices(body_with(repeat("t", 40), "正文内容很长")), Platform::huawei), device_code::may_be_cut));
}

TEST_CASE("payload budgets: APNs, FCM and Huawei refuse an estimate over 4096 bytes (§8)") {
  Json big = body_with("标题内容", "正文内容很长");
  big["OfflinePushInfo"]["Ext"] = "{\"k\":\"" + repeat("x", 4100) + "\"}";
  DevicePreview p = preview_devices(big);
  for (Platform platform : {Platform::apns, Platform::fcm, Platform::huawei}) {
    CAPTURE(platform_id(platform));
    CHECK(has(card(p, platform), device_code::payload_refused));
    CHECK(card(p, platform).payload_bytes > 4096);
  }
  CHECK_FALSE(has(card(p, Platform::vivo), device_code::payload_refused));
  CHECK(std::any_of(p.common.begin(), p.common.end(), [](const DeviceWarning& w) { return w.code == device_code::ext_over_advice; }));
  CHECK_FALSE(has(card(preview_devices(body_with("标题内容", "正文内容很长")), Platform::apns), device_code::payload_near));
}

TEST_CASE("body signals: channel IDs, Huawei's marketing class, test-like text (task-apis.md §12)") {
  Json bare = {{"MsgRandom", 1}, {"OfflinePushInfo", {{"Title", "限时优惠活动"}, {"Desc", "今晚八点开抢"}}}};
  DevicePreview p = preview_devices(bare);
  CHECK(has(card(p, Platform::oppo), device_code::channel_missing));
  CHECK(has(card(p, Platform::xiaomi), device_code::channel_missing));
  const PlatformPreview& huawei = card(p, Platform::huawei);
  CHECK(huawei.silent);  // no category: marketing (§7)
  CHECK(has(huawei, device_code::silent_class));
  CHECK(p.common.empty());
  CHECK_FALSE(card(preview_devices(body_with("限时优惠活动", "今晚八点开抢")), Platform::huawei).silent);
  DevicePreview test = preview_devices(body_with("test", "今晚八点开抢"));
  REQUIRE(test.common.size() == 1);
  CHECK(test.common[0].code == device_code::test_like_text);
  CHECK(test.common[0].pointer == "/OfflinePushInfo/Title");
  CHECK(has(card(preview_devices(body_with("同样的话", "同样的话")), Platform::huawei), device_code::title_is_desc));
}

TEST_CASE("images: shown on iOS, Huawei (service class), Honor and FCM; dropped by the text-only vendors (§5)") {
  Json b = body_with("限时优惠活动", "今晚八点开抢");
  b["OfflinePushInfo"]["AndroidInfo"]["HuaWeiImage"] = "https://example.com/a.png";
  b["OfflinePushInfo"]["AndroidInfo"]["HonorImage"] = "https://example.com/a.png";
  b["OfflinePushInfo"]["AndroidInfo"]["GoogleImage"] = "https://example.com/a.png";
  b["OfflinePushInfo"]["ApnsInfo"] = {{"Image", "https://example.com/a.png"}, {"MutableContent", 1}};
  DevicePreview p = preview_devices(b);
  for (Platform shown : {Platform::apns, Platform::huawei, Platform::honor, Platform::fcm})
    CHECK(card(p, shown).image == PlatformPreview::Image::shown);
  for (Platform dropped : {Platform::xiaomi, Platform::oppo, Platform::vivo, Platform::meizu}) {
    CHECK(card(p, dropped).image == PlatformPreview::Image::dropped);
    CHECK(has(card(p, dropped), device_code::image_dropped));
  }
  // iOS needs MutableContent 1 for the image (§3), and every image must be HTTPS (§5).
  b["OfflinePushInfo"]["ApnsInfo"]["MutableContent"] = 0;
  b["OfflinePushInfo"]["AndroidInfo"]["GoogleImage"] = "http://example.com/a.png";
  p = preview_devices(b);
  CHECK(card(p, Platform::apns).image == PlatformPreview::Image::dropped);
  CHECK(has(card(p, Platform::fcm), device_code::image_not_https));
}

TEST_CASE("iOS takes ApnsInfo.Title over Title, and shows a banner body cut at width 62") {
  Json b = body_with("Android title", repeat("b", 100));
  b["OfflinePushInfo"]["ApnsInfo"] = {{"Title", "iOS title"}, {"SubTitle", "sub"}};
  const PlatformPreview& ios = card(preview_devices(b), Platform::apns);
  CHECK(ios.title.text == "iOS title");
  CHECK(ios.title.pointer == "/OfflinePushInfo/ApnsInfo/Title");
  REQUIRE(ios.subtitle);
  CHECK(ios.subtitle->text == "sub");
  CHECK(ios.body.collapsed.cut);
  CHECK(count_text(ios.body.collapsed.shown).width == 62);
  CHECK_FALSE(ios.body.expanded.cut);
  CHECK(card(preview_devices(b), Platform::vivo).title.text == "Android title");
}

TEST_CASE("no notification at all: online only, or no Desc; fields each platform ignores") {
  Json online = body_with("标题内容", "正文内容很长");
  online["OfflinePushInfo"]["PushFlag"] = 1;
  for (const auto& c : preview_devices(online).platforms) {
    CHECK_FALSE(c.shows_notification);
    CHECK(c.warnings.empty());
  }
  CHECK_FALSE(card(preview_devices(body_with("标题内容", "")), Platform::fcm).shows_notification);
  const PlatformPreview& vivo = card(preview_devices(body_with("标题内容", "正文内容很长")), Platform::vivo);
  CHECK(std::find(vivo.drops.begin(), vivo.drops.end(), "/OfflinePushInfo/AndroidInfo/OPPOChannelID") != vivo.drops.end());
  const PlatformPreview& oppo = card(preview_devices(body_with("标题内容", "正文内容很长")), Platform::oppo);
  CHECK(std::find(oppo.uses.begin(), oppo.uses.end(), "/OfflinePushInfo/AndroidInfo/OPPOChannelID") != oppo.uses.end());
  CHECK(preview_devices(Json("not an object")).platforms.size() == 8);
}
