// The CLI's rendering of the device preview (device_report.h).
#include "cli/device_report.h"

namespace timpush::cli {

namespace {

bool wanted(const core::PlatformPreview& card, std::optional<core::Platform> only) {
  return !only || card.platform == *only;
}

std::string pointer_or_body(const std::string& pointer) { return pointer.empty() ? "(body)" : pointer; }

Json text_json(const core::ShownText& t) {
  return {{"pointer", t.pointer}, {"text", t.text},
          {"bytes", t.count.bytes}, {"chars", t.count.chars}, {"width", t.count.width},
          {"collapsed", t.collapsed.shown}, {"collapsed_cut", t.collapsed.cut},
          {"expanded", t.expanded.shown}, {"expanded_cut", t.expanded.cut}};
}

Json warning_json(const core::DeviceWarning& w, std::string_view platform, core::Lang lang) {
  return {{"platform", platform}, {"code", w.code}, {"hard", w.hard}, {"pointer", w.pointer},
          {"message", tr(lang, w.message)}};
}

void print_text(std::ostream& out, core::Lang lang, const core::Phrase& name, const core::ShownText& t) {
  out << "  " << tr(lang, name) << ": " << t.collapsed.shown;
  if (t.expanded.shown != t.collapsed.shown) out << "\n    " << tr(lang, core::Phrase{"expanded", "展开"}) << ": " << t.expanded.shown;
  out << "\n    " << t.count.chars << (lang == core::Lang::zh ? " 字符, 宽 " : " chars, width ") << t.count.width
      << (lang == core::Lang::zh ? ", " : ", ") << t.count.bytes << (lang == core::Lang::zh ? " 字节" : " bytes");
  if (!t.why_cut.en.empty()) out << "; " << tr(lang, t.why_cut);
  out << "\n";
}

void print_warning(std::ostream& out, const core::DeviceWarning& w, core::Lang lang, const std::string& indent) {
  out << indent << (w.hard ? "! " : "~ ") << w.code << ' ' << pointer_or_body(w.pointer) << ": " << tr(lang, w.message) << "\n";
}

}  // namespace

void print_preview(std::ostream& out, const core::DevicePreview& preview, core::Lang lang,
                   std::optional<core::Platform> only) {
  using core::Phrase;
  for (const auto& card : preview.platforms) {
    if (!wanted(card, only)) continue;
    out << tr(lang, core::platform_name(card.platform));
    if (!card.delivery_class.en.empty()) out << " — " << tr(lang, card.delivery_class);
    out << "\n";
    if (!card.shows_notification) {
      out << "  " << tr(lang, Phrase{"no notification: online only (PushFlag 1) or no Desc",
                                     "不显示通知：仅在线推送（PushFlag 1）或没有 Desc"}) << "\n\n";
      continue;
    }
    print_text(out, lang, {"title", "标题"}, card.title);
    if (card.subtitle) print_text(out, lang, {"subtitle", "副标题"}, *card.subtitle);
    print_text(out, lang, {"text", "正文"}, card.body);
    if (card.image == core::PlatformPreview::Image::shown)
      out << "  " << tr(lang, Phrase{"image: ", "图片："}) << card.image_url << "\n";
    else if (card.image == core::PlatformPreview::Image::dropped)
      out << "  " << tr(lang, Phrase{"image: dropped by this platform", "图片：此平台不展示"}) << "\n";
    if (card.payload_bytes)
      out << "  " << tr(lang, Phrase{"payload estimate: ", "载荷估计："}) << card.payload_bytes << " / 4096\n";
    if (!card.uses.empty()) {
      out << "  " << tr(lang, Phrase{"reads:", "读取："});
      for (const auto& p : card.uses) out << ' ' << p;
      out << "\n";
    }
    if (!card.drops.empty()) {
      out << "  " << tr(lang, Phrase{"ignores:", "忽略："});
      for (const auto& p : card.drops) out << ' ' << p;
      out << "\n";
    }
    for (const auto& w : card.warnings) print_warning(out, w, lang, "  ");
    out << "\n";
  }
  for (const auto& w : preview.common) print_warning(out, w, lang, "");
}

Json preview_json(const core::DevicePreview& preview, core::Lang lang, std::optional<core::Platform> only) {
  Json platforms = Json::array();
  for (const auto& card : preview.platforms) {
    if (!wanted(card, only)) continue;
    const std::string_view id = core::platform_id(card.platform);
    Json item = {{"platform", id}, {"name", tr(lang, core::platform_name(card.platform))},
                 {"shows_notification", card.shows_notification}, {"title", text_json(card.title)},
                 {"body", text_json(card.body)}, {"long_text", card.long_text}, {"silent", card.silent},
                 {"class", tr(lang, card.delivery_class)}, {"uses", card.uses}, {"drops", card.drops},
                 {"payload_bytes", card.payload_bytes}};
    item["subtitle"] = card.subtitle ? text_json(*card.subtitle) : Json(nullptr);
    item["image"] = card.image == core::PlatformPreview::Image::shown     ? "shown"
                    : card.image == core::PlatformPreview::Image::dropped ? "dropped"
                                                                          : "none";
    item["image_url"] = card.image_url;
    Json warnings = Json::array();
    for (const auto& w : card.warnings) warnings.push_back(warning_json(w, id, lang));
    item["warnings"] = std::move(warnings);
    platforms.push_back(std::move(item));
  }
  Json common = Json::array();
  for (const auto& w : preview.common) common.push_back(warning_json(w, "all", lang));
  return {{"platforms", std::move(platforms)}, {"common", std::move(common)}};
}

void print_device_warnings(std::ostream& out, const core::DevicePreview& preview, core::Lang lang) {
  for (const auto& card : preview.platforms)
    for (const auto& w : card.warnings)
      out << "device " << core::platform_id(card.platform) << ' ' << w.code << ' ' << pointer_or_body(w.pointer) << ": "
          << tr(lang, w.message) << "\n";
  for (const auto& w : preview.common)
    out << "device all " << w.code << ' ' << pointer_or_body(w.pointer) << ": " << tr(lang, w.message) << "\n";
}

Json device_warnings_json(const core::DevicePreview& preview, core::Lang lang) {
  Json out = Json::array();
  for (const auto& card : preview.platforms)
    for (const auto& w : card.warnings) out.push_back(warning_json(w, core::platform_id(card.platform), lang));
  for (const auto& w : preview.common) out.push_back(warning_json(w, "all", lang));
  return out;
}

}  // namespace timpush::cli
