// Device: the push as iOS and each Android vendor will show it (core/device_preview.h, derived
// with the checks once per edit), as cards: an iOS banner over the lock screen's wallpaper and
// each vendor's shade entry, collapsed and expanded, in a light or a dark phone. A cut ends as
// the platform ends it ("…") and is marked; an image is shown or said to be dropped; a silent
// delivery says so; each card's warnings follow it, and hovering one focuses its field.
// The shapes (rounded corners, shadows, the frosted glass) are drawn by the page's renderer
// (card_shape.h, shaders/card.*); the text is Dear ImGui's, in the fonts already loaded.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/card_shape.h"
#include "ui/later.h"
#include "ui/layout.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace timpush::ui {

void add_card_shape(ImDrawList* list, const CardShape& shape) {
  const float reach = shape.reach();
  const ImVec2 lo = list->GetClipRectMin();
  const ImVec2 hi = list->GetClipRectMax();
  if (shape.max.x + reach <= lo.x || shape.min.x - reach >= hi.x || shape.max.y + reach <= lo.y ||
      shape.min.y - reach >= hi.y)
    return;
  list->AddCallback(card_shape_callback, const_cast<CardShape*>(&shape), sizeof shape);
}

namespace {

using core::PlatformPreview;

struct Look {
  bool dark = false;
  ImVec4 card;                 // a shade entry
  ImVec4 frost;                // the iOS banner's tint over the blurred wallpaper
  ImU32 text, muted, accent;
  ImVec4 wall_top, wall_bottom;
};

Look look_of(bool dark) {
  Look l;
  l.dark = dark;
  l.card = dark ? ImVec4(0.16f, 0.16f, 0.18f, 1.0f) : ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  l.frost = dark ? ImVec4(0.10f, 0.10f, 0.12f, 0.62f) : ImVec4(0.97f, 0.97f, 0.98f, 0.60f);
  l.text = dark ? IM_COL32(236, 236, 240, 255) : IM_COL32(22, 22, 26, 255);
  l.muted = dark ? IM_COL32(160, 160, 170, 255) : IM_COL32(105, 105, 115, 255);
  l.accent = IM_COL32(232, 80, 60, 255);
  l.wall_top = dark ? ImVec4(0.10f, 0.12f, 0.25f, 1.0f) : ImVec4(0.55f, 0.70f, 0.95f, 1.0f);
  l.wall_bottom = dark ? ImVec4(0.20f, 0.08f, 0.22f, 1.0f) : ImVec4(0.95f, 0.72f, 0.80f, 1.0f);
  return l;
}

// One line or a wrapped paragraph of a card, measured before anything is drawn, so the card's
// shape (drawn first, under its text) has its height.
struct Line {
  std::string text;
  ImU32 colour;
  bool wrap;
  bool cut_mark = false;
};

float line_height(const Line& line, float width) {
  return ImGui::CalcTextSize(line.text.c_str(), nullptr, false, line.wrap ? width : -1.0f).y;
}

std::vector<Line> lines_of(const AppState& state, const PlatformPreview& card, bool expanded, const Look& look) {
  const Lang lang = state.lang;
  std::vector<Line> out;
  if (!card.shows_notification) {
    out.push_back({tr(lang, txt::device_none), look.muted, true});
    return out;
  }
  const core::CutText& title = expanded ? card.title.expanded : card.title.collapsed;
  if (!title.shown.empty()) out.push_back({title.shown, look.text, expanded, title.cut});
  if (card.subtitle) {
    const core::CutText& sub = expanded ? card.subtitle->expanded : card.subtitle->collapsed;
    out.push_back({sub.shown, look.text, expanded, sub.cut});
  }
  const core::CutText& body = expanded ? card.body.expanded : card.body.collapsed;
  out.push_back({body.shown, look.muted, true, body.cut});
  if (expanded && card.image == PlatformPreview::Image::dropped)
    out.push_back({tr(lang, txt::device_image_dropped), look.muted, true});
  return out;
}

// The card at the cursor, `width` wide: its shape, then its header, text and image slot.
void draw_card(const AppState& state, const PlatformPreview& card, bool expanded, float width, const Look& look) {
  const Lang lang = state.lang;
  const bool ios = card.platform == core::Platform::apns;
  const float font = ImGui::GetFontSize();
  const float pad = font * 0.75f;
  // iOS draws its banner over the lock screen's wallpaper: the phone's screen around it.
  const float margin = ios ? font : 0.0f;
  const float inner = width - 2 * margin - 2 * pad;
  const std::vector<Line> lines = lines_of(state, card, expanded, look);
  const bool image = expanded && card.shows_notification && card.image == PlatformPreview::Image::shown;
  const float image_h = image ? font * 5.0f : 0.0f;
  float height = pad * 2 + font;  // header
  for (const Line& l : lines) height += line_height(l, inner) + font * 0.2f + (l.cut_mark ? font : 0.0f);
  if (image) height += image_h + font * 0.4f;
  ImDrawList* list = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 min(origin.x + margin, origin.y + margin);
  const ImVec2 max(min.x + width - 2 * margin, min.y + height);
  CardShape shape;
  shape.wall_top = look.wall_top;
  shape.wall_bottom = look.wall_bottom;
  shape.wall_min = origin;
  shape.wall_max = ImVec2(origin.x + width, max.y + margin);
  if (ios) {
    shape.mode = CardShape::Mode::wallpaper;
    shape.min = shape.wall_min;
    shape.max = shape.wall_max;
    shape.radius = font * 1.2f;
    add_card_shape(list, shape);
    shape.mode = CardShape::Mode::frosted;
    shape.fill = look.frost;
  } else {
    shape.mode = CardShape::Mode::card;
    shape.fill = look.card;
  }
  shape.min = min;
  shape.max = max;
  shape.radius = font * (ios ? 1.1f : 0.8f);
  shape.shadow = font * 0.7f;
  add_card_shape(list, shape);

  // Header: the app's icon, its name, the time, and a silent delivery. The text is Dear ImGui's
  // own (not the draw list's), so the automation hook and the page's text capture read it.
  const float x = min.x + pad;
  float y = min.y + pad;
  list->AddRectFilled(ImVec2(x, y), ImVec2(x + font, y + font), look.accent, font * 0.25f);
  auto text_at = [&](float tx, float ty, ImU32 colour, const std::string& text, bool wrap) {
    ImGui::SetCursorScreenPos(ImVec2(tx, ty));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    if (wrap) ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    ImGui::TextUnformatted(text.c_str());
    if (wrap) ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  };
  text_at(x + font * 1.4f, y, look.muted, std::string(tr(lang, txt::device_app)) + " · " + tr(lang, txt::device_now), false);
  if (card.silent) {
    const char* silent = tr(lang, txt::device_silent);
    text_at(max.x - pad - ImGui::CalcTextSize(silent).x, y, look.muted, silent, false);
  }
  y += font + font * 0.2f;
  for (const Line& l : lines) {
    text_at(x, y, l.colour, l.text, l.wrap);
    y += line_height(l, inner) + font * 0.2f;
    if (l.cut_mark) {  // under the line the platform cut: that it did, and where
      text_at(x, y - font * 0.1f, look.accent, tr(lang, txt::device_cut), false);
      y += font;
    }
  }
  if (image) {
    list->AddRectFilled(ImVec2(x, y), ImVec2(x + inner, y + image_h),
                        look.dark ? IM_COL32(60, 64, 80, 255) : IM_COL32(214, 222, 236, 255), font * 0.5f);
    ImGui::PushClipRect(ImVec2(x, y), ImVec2(x + inner, y + image_h), true);
    text_at(x + pad, y + image_h / 2 - font / 2, look.muted, tr(lang, fill(txt::device_image, card.image_url)), false);
    ImGui::PopClipRect();
  }
  // The card is an item of its own, so the automation hook can find it ("##card vivo 1": expanded).
  ImGui::SetCursorScreenPos(origin);
  const std::string id = "##card " + std::string(core::platform_id(card.platform)) + (expanded ? " 1" : " 0");
  ImGui::InvisibleButton(id.c_str(), ImVec2(width, height + 2 * margin));
}

std::string count_words(Lang lang, const PlatformPreview& card, const core::ShownText& text) {
  const std::string n = std::to_string(core::counted(text.count, card.counter));
  switch (card.counter) {
    case core::Counter::width: return tr(lang, fill(txt::device_count_width, n));
    case core::Counter::bytes: return tr(lang, fill(txt::device_count_bytes, n));
    case core::Counter::chars: break;
  }
  return tr(lang, fill(txt::device_count_chars, n));
}

// A warning line; hovering (or clicking) it takes the form to its field, once per hover.
void warning_line(AppState& state, const core::DeviceWarning& w, const std::string& id) {
  ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(w.hard ? Tone::bad : Tone::warn));
  const std::string text = std::to_string(w.code) + ": " + tr(state.lang, w.message);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::Bullet();
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  if (w.pointer.empty()) return;
  const bool hovered = ImGui::IsItemHovered();
  if (hovered) ImGui::SetTooltip("%s", w.pointer.c_str());
  if ((hovered && state.view.device_hovered != id) || ImGui::IsItemClicked()) request_focus(state, w.pointer);
  if (hovered) state.view.device_hovered = id;
  else if (state.view.device_hovered == id) state.view.device_hovered.clear();
}

void draw_platform(AppState& state, const PlatformPreview& card, const Look& look) {
  const Lang lang = state.lang;
  const bool ios = card.platform == core::Platform::apns;
  ImGui::PushID(static_cast<int>(card.platform));
  ImGui::SeparatorText(std::string(tr(lang, core::platform_name(card.platform))).c_str());
  if (!card.delivery_class.en.empty()) ImGui::TextDisabled("%s", tr(lang, card.delivery_class).c_str());
  const float avail = ImGui::GetContentRegionAvail().x;
  const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
  const bool side_by_side = avail >= ImGui::GetFontSize() * 34;
  const float width = side_by_side ? (avail - gap) / 2 : avail;
  const Text* names[2] = {ios ? &txt::device_banner : &txt::device_collapsed,
                          ios ? &txt::device_lock_screen : &txt::device_expanded};
  for (int expanded = 0; expanded < 2; ++expanded) {
    if (expanded && side_by_side) ImGui::SameLine(0.0f, gap);
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", tr(lang, *names[expanded]));
    draw_card(state, card, expanded == 1, width, look);
    ImGui::EndGroup();
  }
  const std::string counts = tr(lang, fill(fill(txt::device_counts, count_words(lang, card, card.title)),
                                           count_words(lang, card, card.body)));
  ImGui::TextDisabled("%s", counts.c_str());
  if (card.payload_bytes) ImGui::TextDisabled("%s", tr(lang, fill(txt::device_payload, std::to_string(card.payload_bytes))).c_str());
  for (size_t i = 0; i < card.warnings.size(); ++i)
    warning_line(state, card.warnings[i], std::string(core::platform_id(card.platform)) + std::to_string(i));
  ImGui::PopID();
}

}  // namespace

TIMPUSH_LATER void draw_device(AppState& state) {
  const Lang lang = state.lang;
  const bool dark = state.view.device_dark.value_or(state.screen.applied_dark);
  if (ImGui::RadioButton(label(lang, txt::device_phone_light).c_str(), !dark)) state.view.device_dark = false;
  ImGui::SameLine();
  if (ImGui::RadioButton(label(lang, txt::device_phone_dark).c_str(), dark)) state.view.device_dark = true;
  if (!ImGui::BeginChild("device scroll", ImVec2(0, 0), kFlat)) {
    ImGui::EndChild();
    return;
  }
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", tr(lang, txt::device_intro));
  ImGui::PopTextWrapPos();
  const core::DevicePreview& preview = state.derived.devices;
  if (!preview.common.empty()) {
    ImGui::SeparatorText(tr(lang, txt::device_all_platforms));
    for (size_t i = 0; i < preview.common.size(); ++i) warning_line(state, preview.common[i], "all" + std::to_string(i));
  }
  const Look look = look_of(dark);
  for (const PlatformPreview& card : preview.platforms) draw_platform(state, card, look);
  ImGui::EndChild();
}

}  // namespace timpush::ui
