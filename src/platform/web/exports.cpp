// The entry points web/bridge.js calls: text and paste from the textarea bridge, fonts, frame
// requests and the automation hook's reads. Thin: each hands over to the page.
#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include <emscripten.h>

#include "imgui.h"

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

// The CJK fallback font, copied into memory from malloc; merged before the next frame.
EMSCRIPTEN_KEEPALIVE void timpush_web_font_arrived(uint8_t* data, int size) {
  if (!g_page) { std::free(data); return; }
  std::free(g_page->pending_font);
  g_page->pending_font = data;
  g_page->pending_font_size = size;
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

EMSCRIPTEN_KEEPALIVE int timpush_web_frame_count() { return g_page ? g_page->frame_count : 0; }

EMSCRIPTEN_KEEPALIVE double timpush_web_last_frame_ms() { return g_page ? g_page->last_frame_ms : 0; }

EMSCRIPTEN_KEEPALIVE int timpush_web_text_active() {
  return g_page && g_page->text_input_active ? 1 : 0;
}

}  // extern "C"
