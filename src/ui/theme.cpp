// The ImGui style in two palettes and two sizes, and the device's theme setting (theme.h).
// Palettes: neutral greys with one blue accent, so the panels' status colours (widgets.cpp,
// tone_colour) stand out; tests/ui/test_contrast.cpp holds those colours to WCAG's 4.5:1 on each
// palette's backgrounds.
#include "ui/theme.h"

#include <imgui.h>

#include "ui/keeping.h"

namespace timpush::ui {
namespace {

ImVec4 rgb(int hex, float alpha = 1.0f) {
  const auto channel = [hex](int shift) { return static_cast<float>((hex >> shift) & 0xFF) / 255.0f; };
  return ImVec4(channel(16), channel(8), channel(0), alpha);
}

// One palette: the few colours the rest are made of.
struct Palette {
  int text, text_disabled, window, popup, frame, frame_hover, frame_active, bar, border, grab,
      grab_hover, button_hover, button_active, header, header_hover, header_active, accent, accent_dark;
  float shade_alpha;  // row stripes and the modal's dimming are drawn in the text colour
};
constexpr Palette light_palette{0x1F2329, 0x6B7079, 0xF7F8FA, 0xFFFFFF, 0xFFFFFF, 0xF0F4FF, 0xE6EEFF,
                                0xEEF0F3, 0xDEE0E3, 0xC9CDD4, 0xA9AEB8, 0xE8EFFF, 0xD0DEFF, 0xE8EFFF,
                                0xDCE6FF, 0xC8D8FF, 0x0052D9, 0x003CAB, 0.025f};
constexpr Palette dark_palette{0xE6E8EB, 0x9AA0A8, 0x1B1D21, 0x25282D, 0x2B2F35, 0x323843, 0x38414F,
                               0x23262B, 0x3A3F47, 0x4A505A, 0x5E6570, 0x2F3A4D, 0x3A4A66, 0x2F3A4D,
                               0x37465F, 0x40537A, 0x5C8DFF, 0x3F73F0, 0.05f};

void apply_palette(ImGuiStyle& s, const Palette& p) {
  const ImVec4 accent = rgb(p.accent);
  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = rgb(p.text);
  c[ImGuiCol_TextDisabled] = rgb(p.text_disabled);
  c[ImGuiCol_WindowBg] = rgb(p.window);
  c[ImGuiCol_ChildBg] = rgb(p.popup, 0.0f);
  c[ImGuiCol_PopupBg] = rgb(p.popup);
  c[ImGuiCol_Border] = rgb(p.border);
  c[ImGuiCol_BorderShadow] = rgb(0x000000, 0.0f);
  c[ImGuiCol_FrameBg] = rgb(p.frame);
  c[ImGuiCol_FrameBgHovered] = rgb(p.frame_hover);
  c[ImGuiCol_FrameBgActive] = rgb(p.frame_active);
  c[ImGuiCol_TitleBg] = rgb(p.bar);
  c[ImGuiCol_TitleBgActive] = rgb(p.bar);
  c[ImGuiCol_TitleBgCollapsed] = rgb(p.bar);
  c[ImGuiCol_MenuBarBg] = rgb(p.bar);
  c[ImGuiCol_ScrollbarBg] = rgb(p.window, 0.0f);
  c[ImGuiCol_ScrollbarGrab] = rgb(p.grab);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(p.grab_hover);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(p.text_disabled);
  c[ImGuiCol_CheckMark] = accent;
  c[ImGuiCol_SliderGrab] = accent;
  c[ImGuiCol_SliderGrabActive] = rgb(p.accent_dark);
  c[ImGuiCol_Button] = rgb(p.frame);
  c[ImGuiCol_ButtonHovered] = rgb(p.button_hover);
  c[ImGuiCol_ButtonActive] = rgb(p.button_active);
  c[ImGuiCol_Header] = rgb(p.header);
  c[ImGuiCol_HeaderHovered] = rgb(p.header_hover);
  c[ImGuiCol_HeaderActive] = rgb(p.header_active);
  c[ImGuiCol_Separator] = rgb(p.border);
  c[ImGuiCol_SeparatorHovered] = rgb(p.accent, 0.6f);
  c[ImGuiCol_SeparatorActive] = accent;
  c[ImGuiCol_ResizeGrip] = rgb(p.accent, 0.12f);
  c[ImGuiCol_ResizeGripHovered] = rgb(p.accent, 0.35f);
  c[ImGuiCol_ResizeGripActive] = rgb(p.accent, 0.6f);
  c[ImGuiCol_Tab] = rgb(p.bar);
  c[ImGuiCol_TabHovered] = rgb(p.header_hover);
  c[ImGuiCol_TabSelected] = rgb(p.frame);
  c[ImGuiCol_TabSelectedOverline] = accent;
  c[ImGuiCol_TabDimmed] = rgb(p.bar);
  c[ImGuiCol_TabDimmedSelected] = rgb(p.window);
  c[ImGuiCol_TableHeaderBg] = rgb(p.bar);
  c[ImGuiCol_TableBorderStrong] = rgb(p.border);
  c[ImGuiCol_TableBorderLight] = rgb(p.border, 0.6f);
  c[ImGuiCol_TableRowBg] = rgb(p.text, 0.0f);
  c[ImGuiCol_TableRowBgAlt] = rgb(p.text, p.shade_alpha);
  c[ImGuiCol_TextSelectedBg] = rgb(p.accent, 0.30f);
  c[ImGuiCol_NavCursor] = accent;
  c[ImGuiCol_NavWindowingHighlight] = accent;
  c[ImGuiCol_ModalWindowDimBg] = rgb(0x000000, 0.35f);
}

}  // namespace

void apply_style(bool dark, bool touch) {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  if (dark) ImGui::StyleColorsDark(&s);
  else ImGui::StyleColorsLight(&s);  // every colour first, then the palette's
  s.FontSizeBase = kUiFontSize;
  // The 15 px font in a frame 25 px high for a mouse; for a finger the frame grows to about 40 px
  // (kTouchTargetHeight) and the gaps between targets with it.
  s.FramePadding = ImVec2(8, touch ? (kTouchTargetHeight - kUiFontSize) / 2 : 5);
  s.ItemSpacing = ImVec2(touch ? 10 : 8, touch ? 9 : 7);
  s.ItemInnerSpacing = ImVec2(6, 4);
  s.WindowPadding = ImVec2(touch ? 10 : 12, 10);
  s.CellPadding = ImVec2(6, 4);
  s.ScrollbarSize = touch ? 6 : 12;  // a finger drags the content itself (bridge.js)
  s.GrabMinSize = touch ? 20 : 10;
  s.TouchExtraPadding = touch ? ImVec2(2, 2) : ImVec2(0, 0);
  s.WindowRounding = 6;
  s.ChildRounding = 4;
  s.FrameRounding = 4;
  s.PopupRounding = 4;
  s.ScrollbarRounding = 6;
  s.GrabRounding = 4;
  s.TabRounding = 4;
  s.WindowBorderSize = 1;
  s.FrameBorderSize = 1;
  s.PopupBorderSize = 1;
  s.WindowTitleAlign = ImVec2(0.0f, 0.5f);
  apply_palette(s, dark ? dark_palette : light_palette);
}

bool wants_dark(ThemeSetting setting, bool system_dark) {
  return setting == ThemeSetting::dark || (setting == ThemeSetting::system && system_dark);
}

const char* theme_setting_name(ThemeSetting setting) {
  switch (setting) {
    case ThemeSetting::light: return "light";
    case ThemeSetting::dark: return "dark";
    case ThemeSetting::system: break;
  }
  return "system";
}

ThemeSetting theme_setting_from(const std::string& stored) {
  if (stored == "light") return ThemeSetting::light;
  if (stored == "dark") return ThemeSetting::dark;
  return ThemeSetting::system;
}

void load_theme_setting(AppState& state, const StartupInfo& info) {
  auto it = info.stored.find(theme_key);
  if (it != info.stored.end()) state.screen.theme = theme_setting_from(it->second);
}

void set_theme_setting(AppState& state, ThemeSetting setting) {
  if (state.screen.theme == setting) return;
  state.screen.theme = setting;
  queue_storage_write(state, theme_key, std::string(theme_setting_name(setting)));
}

void update_style(AppState& state) {
  ScreenState& sc = state.screen;
  const bool dark = wants_dark(sc.theme, state.input.screen.system_dark);
  const bool touch = state.input.screen.coarse_pointer;
  if (sc.style_applied && dark == sc.applied_dark && touch == sc.applied_touch) return;
  apply_style(dark, touch);
  sc.style_applied = true;
  sc.applied_dark = dark;
  sc.applied_touch = touch;
}

}  // namespace timpush::ui
