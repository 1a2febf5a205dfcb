// The per-platform preview of a push (device_preview.h, which lists the choices made here).
#include "core/device_preview.h"

#include <algorithm>
#include <deque>

#include "core/text_util.h"

namespace timpush::core {

namespace {

struct PlatformInfo {
  Platform platform;
  std::string_view id;
  Phrase name;
};
constexpr PlatformInfo platform_table[] = {
    {Platform::apns, "apns", {"iOS (APNs)", "iOS（APNs）"}},
    {Platform::huawei, "huawei", {"Huawei", "华为"}},
    {Platform::honor, "honor", {"Honor", "荣耀"}},
    {Platform::xiaomi, "xiaomi", {"Xiaomi", "小米"}},
    {Platform::oppo, "oppo", {"OPPO", "OPPO"}},
    {Platform::vivo, "vivo", {"vivo", "vivo"}},
    {Platform::meizu, "meizu", {"Meizu", "魅族"}},
    {Platform::fcm, "fcm", {"FCM (Google)", "FCM（谷歌）"}},
};

// vendors.md §2: hard limits (first table) and the smallest aggregator numbers (soft).
struct Limits {
  Counter counter = Counter::chars;
  bool emoji_wide = false;
  size_t title = 0, body = 0;            // hard; 0: none
  size_t soft_title = 0, soft_body = 0;  // soft; 0: none
  bool needs_title = false;              // Xiaomi and Meizu refuse a blank title
  size_t payload = 0;                    // a channel payload cap in bytes; 0: none
};
Limits limits_of(Platform p, bool long_text) {
  switch (p) {
    case Platform::apns: return {Counter::bytes, false, 0, 0, 0, 0, false, 4096};
    case Platform::huawei: return {Counter::chars, false, 0, 0, 40, 80, false, 4096};
    case Platform::honor: return {Counter::width, true, 0, 0, 60, 4096, false, 0};
    case Platform::xiaomi: return {Counter::chars, false, 49, 127, 0, 0, true, 0};
    case Platform::oppo: return {Counter::chars, false, 50, long_text ? 128u : 200u, 32, 0, false, 0};
    case Platform::vivo: return {Counter::width, true, 40, 100, 0, 0, false, 0};
    case Platform::meizu: return {Counter::chars, false, 32, 100, 0, 0, true, 0};
    case Platform::fcm: return {Counter::bytes, false, 0, 0, 0, 0, false, 4096};
  }
  return {};
}

constexpr size_t shade_line = 40;       // width of one Android shade line (our display model)
constexpr size_t ios_title = 40;        // iOS title width, then "…"
constexpr size_t ios_banner = 62;       // iOS banner body width (31 CJK)
constexpr size_t android_max = 1024;    // Android cuts every notification text (vendors.md §1)
constexpr size_t payload_warn = 3584;   // 3.5 KB

// Which platforms read each AndroidInfo field (vendors.md §4); Sound is every Android channel.
constexpr unsigned bit(Platform p) { return 1u << static_cast<int>(p); }
constexpr unsigned every_android = bit(Platform::huawei) | bit(Platform::honor) | bit(Platform::xiaomi) |
                                   bit(Platform::oppo) | bit(Platform::vivo) | bit(Platform::meizu) | bit(Platform::fcm);
struct FieldUse {
  std::string_view key;
  unsigned by;  // bit(platform) of each platform that reads it
};
const FieldUse android_fields[] = {
    {"Sound", every_android},
    {"PushStyle", bit(Platform::huawei) | bit(Platform::honor) | bit(Platform::oppo)},
    {"HuaWeiChannelID", bit(Platform::huawei)}, {"HuaWeiImportance", bit(Platform::huawei)},
    {"HuaWeiCategory", bit(Platform::huawei)}, {"ExtAsHuaweiIntentParam", bit(Platform::huawei)},
    {"HuaWeiImage", bit(Platform::huawei)}, {"HonorImage", bit(Platform::honor)}, {"HonorImportance", bit(Platform::honor)},
    {"XiaoMiChannelID", bit(Platform::xiaomi)}, {"OPPOChannelID", bit(Platform::oppo)}, {"OPPOCategory", bit(Platform::oppo)},
    {"OPPONotifyLevel", bit(Platform::oppo)}, {"OPPOPrivateMsgTemplateId", bit(Platform::oppo)},
    {"VIVOClassification", bit(Platform::vivo)}, {"VIVOCategory", bit(Platform::vivo)}, {"VIVONotifyType", bit(Platform::vivo)},
    {"MeiZuNoticeMsgType", bit(Platform::meizu)}, {"GoogleChannelID", bit(Platform::fcm)},
    {"GoogleImage", bit(Platform::fcm)}, {"GooglePriority", bit(Platform::fcm)},
};

// The push's fields as the previews read them.
struct Push {
  Json offline = Json::object(), android = Json::object(), apns = Json::object();
  std::string title, desc, ext;
  bool online_only = false;
  std::string android_string(const char* key) const { return get_string(android, key).value_or(""); }
  std::string apns_string(const char* key) const { return get_string(apns, key).value_or(""); }
};

Push read_push(const Json& body) {
  Push p;
  if (!body.is_object()) return p;
  if (const Json* o = find_member(body, "OfflinePushInfo"); o && o->is_object()) p.offline = *o;
  if (const Json* a = find_member(p.offline, "AndroidInfo"); a && a->is_object()) p.android = *a;
  if (const Json* a = find_member(p.offline, "ApnsInfo"); a && a->is_object()) p.apns = *a;
  p.title = get_string(p.offline, "Title").value_or("");
  p.desc = get_string(p.offline, "Desc").value_or("");
  p.ext = get_string(p.offline, "Ext").value_or("");
  p.online_only = get_int64(p.offline, "PushFlag").value_or(0) == 1;
  return p;
}

const std::string off = "/OfflinePushInfo/";
const std::string android_ptr = off + "AndroidInfo/";
const std::string apns_ptr = off + "ApnsInfo/";

std::string num(size_t n) { return std::to_string(n); }
Phrase counter_words(Counter c) {
  return c == Counter::bytes ? Phrase{"bytes", "字节"} : c == Counter::chars ? Phrase{"characters", "个字符"}
                                                                           : Phrase{"width units (CJK count 2)", "宽度单位（中文计 2）"};
}

ShownText shown(std::string pointer, std::string text, size_t collapsed, size_t expanded, bool emoji_wide) {
  ShownText s;
  s.pointer = std::move(pointer);
  s.count = count_text(text, emoji_wide);
  s.collapsed = cut_text(text, collapsed, Counter::width, emoji_wide);
  s.expanded = cut_text(text, expanded, Counter::width, emoji_wide);
  s.text = std::move(text);
  if (s.collapsed.cut)
    s.why_cut = Words{"cut at width " + num(collapsed) + " when collapsed, " +
                          (s.expanded.cut ? "at " + num(expanded) + " expanded" : std::string("whole when expanded")),
                      "收起时在宽度 " + num(collapsed) + " 处截断，" +
                          (s.expanded.cut ? "展开时在 " + num(expanded) + " 处截断" : std::string("展开后完整显示"))};
  return s;
}

// The platforms share a few display widths: eight Android shades show a title at the same width,
// so each (text, widths) is counted and cut once per preview, not once per platform (this runs on
// every keystroke in the composer).
class ShownCache {
public:
  const ShownText& get(const std::string& pointer, const std::string& text, size_t collapsed, size_t expanded,
                       bool emoji_wide) {
    for (const Entry& e : done_)
      if (e.collapsed == collapsed && e.expanded == expanded && e.emoji_wide == emoji_wide &&
          e.shown.pointer == pointer && e.shown.text == text)
        return e.shown;
    done_.push_back({collapsed, expanded, emoji_wide, shown(pointer, text, collapsed, expanded, emoji_wide)});
    return done_.back().shown;
  }

private:
  struct Entry {
    size_t collapsed, expanded;
    bool emoji_wide;
    ShownText shown;
  };
  std::deque<Entry> done_;  // a deque: references handed out stay valid as it grows
};

void warn(PlatformPreview& card, int code, bool hard, std::string pointer, Words message) {
  card.warnings.push_back({code, hard, std::move(pointer), std::move(message)});
}

void check_limit(PlatformPreview& card, const Limits& l, const ShownText& text, bool is_title) {
  const size_t n = counted(l.counter == Counter::bytes ? text.count : count_text(text.text, l.emoji_wide), l.counter);
  const Phrase name = platform_name(card.platform);
  const Phrase unit = counter_words(l.counter);
  const Words field = is_title ? Words{"title", "标题"} : Words{"body", "正文"};
  const size_t hard = is_title ? l.title : l.body;
  const size_t soft = is_title ? l.soft_title : l.soft_body;
  if (hard && n > hard) {
    warn(card, is_title ? device_code::title_refused : device_code::body_refused, true, text.pointer,
         Words{std::string(name.en) + ": " + field.en + " is " + num(n) + " " + std::string(unit.en) + ", over its " +
                   num(hard) + ": the vendor channel refuses it",
               std::string(name.zh) + "：" + field.zh + "为 " + num(n) + " " + std::string(unit.zh) + "，超过上限 " +
                   num(hard) + "：厂商通道会拒绝此推送"});
  } else if (soft && n > soft) {
    warn(card, device_code::may_be_cut, false, text.pointer,
         Words{std::string(name.en) + ": " + field.en + " is " + num(n) + " " + std::string(unit.en) + ", over " +
                   num(soft) + ": it may be cut",
               std::string(name.zh) + "：" + field.zh + "为 " + num(n) + " " + std::string(unit.zh) + "，超过 " +
                   num(soft) + "：可能被截断"});
  }
}

// The JSON a channel would carry (vendors.md §8: our estimate of what Tencent builds).
size_t payload_estimate(Platform p, const Push& push, const std::string& title) {
  Json out;
  if (p == Platform::apns) {
    Json alert = {{"title", title}, {"body", push.desc}};
    if (auto s = get_string(push.apns, "SubTitle")) alert["subtitle"] = *s;
    Json aps = {{"alert", alert}, {"badge", 1}};
    if (auto s = get_string(push.apns, "Sound")) aps["sound"] = *s;
    if (get_int64(push.apns, "MutableContent").value_or(0) == 1) aps["mutable-content"] = 1;
    out = {{"aps", aps}};
    if (auto s = get_string(push.apns, "Image")) out["image"] = *s;
  } else {
    Json note = {{"title", title}, {"body", push.desc}};
    for (const char* key : {"Sound", "GoogleChannelID", "GoogleImage", "HuaWeiImage", "HuaWeiCategory", "HuaWeiImportance"})
      if (auto s = get_string(push.android, key)) note[key] = *s;
    out = {{"message", {{"android", {{"notification", note}}}}}};
  }
  if (!push.ext.empty()) out["ext"] = push.ext;
  return out.dump(-1, ' ', false, Json::error_handler_t::replace).size();
}

bool test_like(std::string_view text) {
  std::string t = ascii_lower(trim(text));
  if (t.empty()) return false;
  return t == "test" || t == "测试" || t == "1" || t == "aaa" || count_text(t).chars < 4;
}

// vendors.md §5 and §7: the image slot and the delivery class of each platform.
void classify(PlatformPreview& card, const Push& push) {
  const auto a = [&](const char* key) { return push.android_string(key); };
  const std::string any_image = !push.apns_string("Image").empty() ? apns_ptr + "Image"
                                : !a("HuaWeiImage").empty()        ? android_ptr + "HuaWeiImage"
                                : !a("HonorImage").empty()         ? android_ptr + "HonorImage"
                                : !a("GoogleImage").empty()        ? android_ptr + "GoogleImage"
                                                                   : std::string();
  std::string image_key;
  switch (card.platform) {
    case Platform::apns: image_key = "Image"; break;
    case Platform::huawei: image_key = "HuaWeiImage"; break;
    case Platform::honor: image_key = "HonorImage"; break;
    case Platform::fcm: image_key = "GoogleImage"; break;
    default: break;
  }
  const Phrase name = platform_name(card.platform);
  if (card.platform == Platform::huawei) {
    const std::string cat = a("HuaWeiCategory");
    card.silent = cat.empty() || cat == "MARKETING";
    card.delivery_class = card.silent ? Words{"news and marketing (资讯营销): silent, shade only, text only; 2 a day (news apps 5)",
                                              "资讯营销：静默，仅通知栏，仅文字；每天 2 条（新闻类 5 条）"}
                                      : Words{"service and communication (服务与通讯): lock screen, sound; no cap",
                                              "服务与通讯：锁屏、响铃；不限量"};
    if (card.silent)
      warn(card, device_code::silent_class, false, android_ptr + "HuaWeiCategory",
           cat.empty() ? Words{"Huawei: no HuaWeiCategory, so the push is marketing: it arrives silently, without image",
                               "华为：未设置 HuaWeiCategory，按资讯营销处理：静默送达，不显示图片"}
                       : Words{"Huawei: MARKETING arrives silently, shade only, without image",
                               "华为：MARKETING 类静默送达，仅通知栏，不显示图片"});
  } else if (card.platform == Platform::honor) {
    card.silent = a("HonorImportance") != "NORMAL";
    card.delivery_class = card.silent ? Words{"news and marketing (资讯营销, Honor's default): silent, shade only; 2 a day",
                                              "资讯营销（荣耀默认）：静默，仅通知栏；每天 2 条"}
                                      : Words{"service and communication (服务通讯): no cap", "服务通讯：不限量"};
  } else if (card.platform == Platform::xiaomi) {
    card.delivery_class = a("XiaoMiChannelID").empty()
                              ? Words{"default channel: 1 a day per device", "默认通道：每台设备每天 1 条"}
                              : Words{"the class of channel " + a("XiaoMiChannelID") + " (公信 or 私信, set in Xiaomi's console)",
                                      "通道 " + a("XiaoMiChannelID") + " 的类别（公信或私信，在小米后台设置）"};
  } else if (card.platform == Platform::oppo) {
    card.silent = a("OPPOCategory") != "IM";
    card.delivery_class = card.silent ? Words{"content and marketing (内容与营销): shade only; 2 a day (news 5)",
                                              "内容与营销：仅通知栏；每天 2 条（新闻类 5 条）"}
                                      : Words{"communication and service (通讯与服务): no cap (needs OPPO's approval)",
                                              "通讯与服务：不限量（需向 OPPO 申请）"};
  } else if (card.platform == Platform::vivo) {
    const std::string cat = a("VIVOCategory");
    card.silent = cat == "MARKETING" || (cat.empty() && get_int64(push.android, "VIVOClassification").value_or(1) == 0);
    card.delivery_class = card.silent ? Words{"operational (运营消息): no sound, not on the lock screen, shown 07:00-23:00 (UTC+8)",
                                              "运营消息：无响铃，不上锁屏，仅 07:00-23:00（UTC+8）展示"}
                                      : Words{"system (系统消息)", "系统消息"};
    if (card.silent)
      warn(card, device_code::night_window, false, android_ptr + (cat.empty() ? "VIVOClassification" : "VIVOCategory"),
           Words{"vivo: an operational message sent between 23:00 and 07:00 (UTC+8) is not shown",
                 "vivo：运营消息在 23:00 至 07:00（UTC+8）之间发送不会展示"});
  } else if (card.platform == Platform::meizu) {
    card.delivery_class = get_int64(push.android, "MeiZuNoticeMsgType").value_or(0) == 1
                              ? Words{"private (私信): no cap", "私信：不限量"}
                              : Words{"public (公信): 3 a day (news 5)", "公信：每天 3 条（新闻类 5 条）"};
  }
  if (!image_key.empty()) {
    const std::string url = card.platform == Platform::apns ? push.apns_string("Image") : a(image_key.c_str());
    const std::string ptr = (card.platform == Platform::apns ? apns_ptr : android_ptr) + image_key;
    if (url.empty()) return;
    card.image_url = url;
    const bool needs_mutable = card.platform == Platform::apns && get_int64(push.apns, "MutableContent").value_or(0) != 1;
    if (needs_mutable || (card.platform == Platform::huawei && card.silent)) {
      card.image = PlatformPreview::Image::dropped;
      warn(card, device_code::image_dropped, true, ptr,
           needs_mutable ? Words{"iOS: the image needs MutableContent 1 (a Notification Service Extension)",
                                 "iOS：图片需要 MutableContent 设为 1（通知服务扩展）"}
                         : Words{"Huawei: a marketing push shows no image", "华为：资讯营销类不显示图片"});
    } else {
      card.image = PlatformPreview::Image::shown;
    }
    if (url.rfind("https://", 0) != 0)
      warn(card, device_code::image_not_https, true, ptr,
           Words{std::string(name.en) + ": the image URL must be public HTTPS", std::string(name.zh) + "：图片地址须为公网 HTTPS"});
  } else if (!any_image.empty()) {
    card.image = PlatformPreview::Image::dropped;
    warn(card, device_code::image_dropped, false, any_image,
         Words{std::string(name.en) + ": no image through Tencent; only the title and text are shown",
               std::string(name.zh) + "：经腾讯推送不展示图片，仅展示标题与内容"});
  }
}

}  // namespace

std::string_view platform_id(Platform p) { return platform_table[static_cast<int>(p)].id; }
Phrase platform_name(Platform p) { return platform_table[static_cast<int>(p)].name; }
std::optional<Platform> platform_from_id(std::string_view id) {
  for (const auto& info : platform_table)
    if (info.id == id) return info.platform;
  return std::nullopt;
}

std::vector<Platform> platforms_reading(std::string_view pointer) {
  std::vector<Platform> out;
  auto under = [&](const std::string& prefix) { return pointer.size() > prefix.size() && pointer.substr(0, prefix.size()) == prefix; };
  if (under(apns_ptr)) {
    out.push_back(Platform::apns);
  } else if (under(android_ptr)) {
    const std::string_view key = pointer.substr(android_ptr.size());
    for (const FieldUse& f : android_fields)
      if (f.key == key)
        for (Platform p : all_platforms)
          if (f.by & bit(p)) out.push_back(p);
  } else if (pointer == off + "Title" || pointer == off + "Desc" || pointer == off + "Ext" || pointer == off + "PushFlag") {
    out.assign(std::begin(all_platforms), std::end(all_platforms));
  }
  return out;
}

DevicePreview preview_devices(const Json& body) {
  DevicePreview out;
  const Push push = read_push(body);
  const bool long_text = get_int64(push.android, "PushStyle").value_or(0) == 1;
  ShownCache cache;
  for (Platform p : all_platforms) {
    PlatformPreview card;
    card.platform = p;
    const bool ios = p == Platform::apns;
    const Limits l = limits_of(p, long_text);
    card.counter = l.counter;
    std::string title_ptr = off + "Title";
    std::string title = push.title;
    if (ios && !push.apns_string("Title").empty()) {
      title = push.apns_string("Title");
      title_ptr = apns_ptr + "Title";
    }
    card.long_text = ios || (long_text && (p == Platform::huawei || p == Platform::honor || p == Platform::oppo));
    const size_t body_all = ios ? 4096 * 2 : android_max * 2;
    card.title = cache.get(title_ptr, title, ios ? ios_title : shade_line, ios ? ios_title : shade_line, l.emoji_wide);
    card.body = cache.get(off + "Desc", push.desc, ios ? ios_banner : shade_line,
                          card.long_text ? body_all : 2 * shade_line, l.emoji_wide);
    if (ios && !push.apns_string("SubTitle").empty())
      card.subtitle = shown(apns_ptr + "SubTitle", push.apns_string("SubTitle"), ios_title, ios_title, false);
    card.shows_notification = !push.online_only && !push.desc.empty();
    // Fields set in the body, read or ignored by this platform.
    for (const auto& item : push.apns.items()) (ios ? card.uses : card.drops).push_back(apns_ptr + item.key());
    for (const auto& item : push.android.items()) {
      const std::string& key = item.key();
      auto use = std::find_if(std::begin(android_fields), std::end(android_fields), [&](const FieldUse& f) { return f.key == key; });
      bool used = use != std::end(android_fields) && (use->by & bit(p)) != 0;
      (used ? card.uses : card.drops).push_back(android_ptr + key);
    }
    if (!card.shows_notification) {
      out.platforms.push_back(std::move(card));
      continue;
    }
    check_limit(card, l, card.title, true);
    check_limit(card, l, card.body, false);
    if (l.needs_title && trim(title).empty())
      warn(card, device_code::text_required, true, title_ptr,
           Words{std::string(platform_name(p).en) + ": a title is required; the vendor channel refuses the push without one",
                 std::string(platform_name(p).zh) + "：标题必填，缺少时厂商通道会拒绝推送"});
    if (l.payload) {
      card.payload_bytes = payload_estimate(p, push, title);
      if (card.payload_bytes > l.payload || card.payload_bytes > payload_warn)
        warn(card, card.payload_bytes > l.payload ? device_code::payload_refused : device_code::payload_near,
             card.payload_bytes > l.payload, off + "Ext",
             Words{std::string(platform_name(p).en) + ": the channel's payload would be about " + num(card.payload_bytes) +
                       " bytes; its limit is 4096",
                   std::string(platform_name(p).zh) + "：通道载荷约 " + num(card.payload_bytes) + " 字节，上限 4096 字节"});
    }
    if (p == Platform::oppo && push.android_string("OPPOChannelID").empty())
      warn(card, device_code::channel_missing, false, android_ptr + "OPPOChannelID",
           Words{"OPPO: no OPPOChannelID: on Android 8+ the message is not displayed (unless the console sets a default)",
                 "OPPO：未填 OPPOChannelID：Android 8 及以上不展示该消息（除非控制台设置了默认通道）"});
    if (p == Platform::xiaomi && push.android_string("XiaoMiChannelID").empty())
      warn(card, device_code::channel_missing, false, android_ptr + "XiaoMiChannelID",
           Words{"Xiaomi: no XiaoMiChannelID: on Android 8+ nothing arrives (unless the console sets a default)",
                 "小米：未填 XiaoMiChannelID：Android 8 及以上收不到推送（除非控制台设置了默认通道）"});
    if (p == Platform::huawei && !push.title.empty() && push.title == push.desc)
      warn(card, device_code::title_is_desc, false, off + "Desc",
           Words{"Huawei: the title and the text are the same, which Huawei's notification rules forbid",
                 "华为：标题与正文相同，华为通知规范不允许"});
    classify(card, push);
    out.platforms.push_back(std::move(card));
  }
  if (!push.online_only && (test_like(push.title) || test_like(push.desc))) {
    const bool in_title = test_like(push.title);
    out.common.push_back({device_code::test_like_text, false, off + (in_title ? "Title" : "Desc"),
                          Words{"The " + std::string(in_title ? "title" : "text") +
                                    " is very short or test-like: vendors may filter such pushes",
                                std::string(in_title ? "标题" : "正文") + "过短或像测试内容：厂商可能过滤此类推送"}});
  }
  if (push.ext.size() > 1024)
    out.common.push_back({device_code::ext_over_advice, false, off + "Ext",
                          Words{"Ext is " + num(push.ext.size()) + " bytes; Tencent advises at most 1 KB",
                                "Ext 为 " + num(push.ext.size()) + " 字节；腾讯建议不超过 1 KB"}});
  return out;
}

}  // namespace timpush::core
