// The entry points web/bridge.js calls: text and paste from the textarea bridge, fonts, frame
// requests and the automation hook's reads. Thin: each hands over to the page.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <emscripten.h>

#include "imgui.h"
#include "imgui_internal.h"

#include "platform/web/page.h"

using timpush::web::g_page;

// Entry points for web/bridge.js.
extern "C" {

EMSCRIPTEN_KEEPALIVE void timpush_web_request_frames(int n) {
  if (g_page) timpush::web::request_frames(std::max(1, n));
}

// Text typed or composed in the hidden textarea (the GLFW char callback is not installed, so
// nothing arrives twice).
EMSCRIPTEN_KEEPALIVE void timpush_web_text_input(const char* utf8) {
  if (!g_page || !utf8) return;
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  timpush::web::request_frames(timpush::web::kSettleFrames);
}

// A paste event: its text becomes ImGui's clipboard and a Ctrl+V is played to the active field,
// so the paste replaces a selection and is undone in one step, as ImGui's own paste is.
EMSCRIPTEN_KEEPALIVE void timpush_web_paste(const char* utf8) {
  if (!g_page || !utf8) return;
  g_page->pasted = utf8;
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) {
    const bool ctrl_held = io.KeyCtrl;
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl_held);
  }
  timpush::web::request_frames(timpush::web::kSettleFrames + 2);
}

// A font fetched after the first frame (`which`: a LaterFont), copied into memory from malloc;
// merged before the next frame.
EMSCRIPTEN_KEEPALIVE void timpush_web_font_arrived(uint8_t* data, int size, int which) {
  if (!g_page) { std::free(data); return; }
  g_page->pending_fonts.push_back({which, data, size});
  timpush::web::request_frames(2);
}

// The automation hook: items and interaction state of the last frame as JSON.
EMSCRIPTEN_KEEPALIVE const char* timpush_web_items_json() {
  if (!g_page) return "{}";
  g_page->items_json = g_page->registry.to_json();
  return g_page->items_json.c_str();
}

// Asks for the text of the next frame; it appears as capturedText in the items JSON.
EMSCRIPTEN_KEEPALIVE void timpush_web_capture_text() {
  if (!g_page) return;
  g_page->registry.request_text_capture();
  timpush::web::request_frames(1);
}

// The characters of `text` (UTF-8) that none of the fonts merged so far can draw, as UTF-8.
EMSCRIPTEN_KEEPALIVE const char* timpush_web_missing_glyphs(const char* text) {
  static std::string missing;
  missing.clear();
  ImFont* font = g_page ? ImGui::GetIO().FontDefault : nullptr;
  if (!font) return "";
  for (const char* p = text; *p;) {
    unsigned int c = 0;
    int n = ImTextCharFromUtf8(&c, p, nullptr);
    if (c > ' ' && !font->IsGlyphInFont(static_cast<ImWchar>(c))) missing.append(p, n);
    p += n;
  }
  return missing.c_str();
}

// The URL's fragment after a popstate or hashchange (Back, Forward, a fragment typed).
EMSCRIPTEN_KEEPALIVE void timpush_web_location(const char* fragment) {
  if (!g_page || !fragment) return;
  g_page->location = fragment;
  timpush::web::request_frames(timpush::web::kSettleFrames);
}

// prefers-color-scheme or the pointer changed (bits as browser.h's screen_media).
EMSCRIPTEN_KEEPALIVE void timpush_web_media(int bits) {
  if (!g_page) return;
  g_page->system_dark = bits & 1;
  g_page->coarse_pointer = bits & 2;
  timpush::web::request_frames(timpush::web::kSettleFrames);
}

EMSCRIPTEN_KEEPALIVE int timpush_web_frame_count() { return g_page ? g_page->frame_count : 0; }

EMSCRIPTEN_KEEPALIVE double timpush_web_last_frame_ms() { return g_page ? g_page->last_frame_ms : 0; }

EMSCRIPTEN_KEEPALIVE int timpush_web_text_active() {
  return g_page && g_page->text_input_active ? 1 : 0;
}

}  // extern "C"
