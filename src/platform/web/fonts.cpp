#include "platform/web/fonts.h"

#include <cstdlib>

#include "imgui.h"
#include "platform/web/browser.h"
#include "platform/web/theme.h"

namespace timpush::web {

namespace {
ImFont* g_ui_font = nullptr;
}

bool ensure_ui_font() {
  if (g_ui_font) return true;
  ImGuiIO& io = ImGui::GetIO();
  int size = 0;
  uint8_t* data = take_latin_font(&size);
  if (data && size > 0) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = true;
    // stb_truetype does no hinting; a little oversampling keeps small Latin text even.
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    g_ui_font = io.Fonts->AddFontFromMemoryTTF(data, size, kUiFontSize, &cfg);
    if (!g_ui_font) show_fatal("TIMPush Composer could not read its font. Reload the page.");
  }
  if (g_ui_font) io.FontDefault = g_ui_font;
  return g_ui_font != nullptr;
}

bool merge_later_font(LaterFont which, uint8_t* data, int size) {
  ImGuiIO& io = ImGui::GetIO();
  if (!data || size <= 0 || !g_ui_font || io.Fonts->Fonts.empty() ||
      io.Fonts->Fonts.back() != g_ui_font) {
    std::free(data);
    return false;
  }
  ImFontConfig cfg;
  cfg.MergeMode = true;
  cfg.FontDataOwnedByAtlas = true;
  float size_px = kUiFontSize;
  if (which == LaterFont::latin_more) {
    cfg.OversampleH = 2;  // drawn as the first part is (ensure_ui_font)
    cfg.OversampleV = 1;
  } else {
    // Droid's ideographs sit small beside DejaVu's Latin at the same pixel size; a merged
    // source's size is taken relative to the font it joins.
    size_px = kUiFontSize * 1.1f;
  }
  if (!io.Fonts->AddFontFromMemoryTTF(data, size, size_px, &cfg)) return false;
  // Glyphs asked for before the merge were cached as missing; bake them again from all sources.
  g_ui_font->ClearOutputData();
  return true;
}

}  // namespace timpush::web
