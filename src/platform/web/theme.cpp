#include "platform/web/theme.h"

#include "imgui.h"

namespace timpush::web {

namespace {
ImVec4 rgb(int hex, float alpha = 1.0f) {
  return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, alpha);
}
}  // namespace

void apply_theme() {
  ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.FontSizeBase = kUiFontSize;
  s.WindowPadding = ImVec2(12, 10);
  s.FramePadding = ImVec2(8, 5);
  s.ItemSpacing = ImVec2(8, 7);
  s.ItemInnerSpacing = ImVec2(6, 4);
  s.CellPadding = ImVec2(6, 4);
  s.ScrollbarSize = 12;
  s.GrabMinSize = 10;
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

  // Neutral greys with one blue accent, so errors and warnings drawn by the panels stand out.
  const ImVec4 accent = rgb(0x0052D9);
  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = rgb(0x1F2329);
  c[ImGuiCol_TextDisabled] = rgb(0x8F959E);
  c[ImGuiCol_WindowBg] = rgb(0xF7F8FA);
  c[ImGuiCol_ChildBg] = rgb(0xFFFFFF, 0.0f);
  c[ImGuiCol_PopupBg] = rgb(0xFFFFFF);
  c[ImGuiCol_Border] = rgb(0xDEE0E3);
  c[ImGuiCol_BorderShadow] = rgb(0x000000, 0.0f);
  c[ImGuiCol_FrameBg] = rgb(0xFFFFFF);
  c[ImGuiCol_FrameBgHovered] = rgb(0xF0F4FF);
  c[ImGuiCol_FrameBgActive] = rgb(0xE6EEFF);
  c[ImGuiCol_TitleBg] = rgb(0xEEF0F3);
  c[ImGuiCol_TitleBgActive] = rgb(0xE4E8EE);
  c[ImGuiCol_TitleBgCollapsed] = rgb(0xEEF0F3);
  c[ImGuiCol_MenuBarBg] = rgb(0xEEF0F3);
  c[ImGuiCol_ScrollbarBg] = rgb(0xF7F8FA, 0.0f);
  c[ImGuiCol_ScrollbarGrab] = rgb(0xC9CDD4);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(0xA9AEB8);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(0x8F959E);
  c[ImGuiCol_CheckMark] = accent;
  c[ImGuiCol_SliderGrab] = accent;
  c[ImGuiCol_SliderGrabActive] = rgb(0x003CAB);
  c[ImGuiCol_Button] = rgb(0xFFFFFF);
  c[ImGuiCol_ButtonHovered] = rgb(0xE8EFFF);
  c[ImGuiCol_ButtonActive] = rgb(0xD0DEFF);
  c[ImGuiCol_Header] = rgb(0xE8EFFF);
  c[ImGuiCol_HeaderHovered] = rgb(0xDCE6FF);
  c[ImGuiCol_HeaderActive] = rgb(0xC8D8FF);
  c[ImGuiCol_Separator] = rgb(0xDEE0E3);
  c[ImGuiCol_SeparatorHovered] = rgb(0x7FA3EC);
  c[ImGuiCol_SeparatorActive] = accent;
  c[ImGuiCol_ResizeGrip] = rgb(0x0052D9, 0.12f);
  c[ImGuiCol_ResizeGripHovered] = rgb(0x0052D9, 0.35f);
  c[ImGuiCol_ResizeGripActive] = rgb(0x0052D9, 0.6f);
  c[ImGuiCol_Tab] = rgb(0xEEF0F3);
  c[ImGuiCol_TabHovered] = rgb(0xDCE6FF);
  c[ImGuiCol_TabSelected] = rgb(0xFFFFFF);
  c[ImGuiCol_TabSelectedOverline] = accent;
  c[ImGuiCol_TabDimmed] = rgb(0xEEF0F3);
  c[ImGuiCol_TabDimmedSelected] = rgb(0xF7F8FA);
  c[ImGuiCol_TableHeaderBg] = rgb(0xEEF0F3);
  c[ImGuiCol_TableBorderStrong] = rgb(0xDEE0E3);
  c[ImGuiCol_TableBorderLight] = rgb(0xEBEDF0);
  c[ImGuiCol_TableRowBgAlt] = rgb(0x1F2329, 0.025f);
  c[ImGuiCol_TextSelectedBg] = rgb(0x0052D9, 0.22f);
  c[ImGuiCol_NavCursor] = accent;
  c[ImGuiCol_ModalWindowDimBg] = rgb(0x1F2329, 0.3f);
}

}  // namespace timpush::web
