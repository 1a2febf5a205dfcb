#include "platform/web/browser.h"

#include <cstdlib>

#include <emscripten.h>
#include <emscripten/html5.h>

// The JavaScript halves live in web/bridge.js as `TimpushBridge`; these bodies only forward, so
// the page's logic stays in one readable script file.
EM_JS(double, tpjs_date_now, (), { return Date.now(); });
EM_JS(void, tpjs_random_fill, (uint32_t* out, int count), {
  crypto.getRandomValues(HEAPU32.subarray(out >> 2, (out >> 2) + count));
});
// Only an http(s) page has a server behind it (sandbox, relay); Chromium names a file:// page's
// origin "file://", others "null".
EM_JS(char*, tpjs_origin, (), {
  var web = location.protocol === "http:" || location.protocol === "https:";
  var o = (web && location.origin && location.origin !== "null") ? location.origin : "";
  var n = lengthBytesUTF8(o) + 1, p = _malloc(n);
  stringToUTF8(o, p, n);
  return p;
});
EM_JS(char*, tpjs_language, (), {
  var o = navigator.language || "";
  var n = lengthBytesUTF8(o) + 1, p = _malloc(n);
  stringToUTF8(o, p, n);
  return p;
});
// The single-file build names its lessons' index (a data: URL) in a meta tag; a served page has
// none and fetches lessons/index.json beside itself.
EM_JS(char*, tpjs_lessons_index, (), {
  var el = document.querySelector('meta[name="timpush-lessons"]');
  var o = (el && el.getAttribute('content')) || "";
  var n = lengthBytesUTF8(o) + 1, p = _malloc(n);
  stringToUTF8(o, p, n);
  return p;
});
EM_JS(void, tpjs_copy_text, (const char* text), { window['TimpushBridge']['copyText'](UTF8ToString(text)); });
EM_JS(void, tpjs_set_text_input, (int active), { window['TimpushBridge']['setTextInput'](!!active); });
EM_JS(void, tpjs_place_text_input, (float x, float y, float h), { window['TimpushBridge']['placeTextInput'](x, y, h); });
EM_JS(void, tpjs_set_cursor, (const char* css), { Module['canvas'].style.cursor = UTF8ToString(css); });
EM_JS(void, tpjs_fetch_later_fonts, (), { window['TimpushBridge']['fetchLaterFonts'](); });
EM_JS(uint8_t*, tpjs_take_latin_font, (int* size_out), {
  var bytes = window['TimpushBridge']['takeLatinFont']();
  if (!bytes || !bytes.length) { HEAP32[size_out >> 2] = 0; return 0; }
  var p = _malloc(bytes.length);
  HEAPU8.set(bytes, p);
  HEAP32[size_out >> 2] = bytes.length;
  return p;
});
EM_JS(void, tpjs_show_fatal, (const char* message), { window['TimpushBridge']['fail'](UTF8ToString(message)); });
EM_JS(int, tpjs_screen_media, (), { return window['TimpushBridge']['media'](); });
EM_JS(void, tpjs_push_fragment, (const char* f), { window['TimpushBridge']['pushFragment'](UTF8ToString(f)); });
EM_JS(void, tpjs_announce, (const char* text, const char* lang), {
  window['TimpushBridge']['announce'](UTF8ToString(text), UTF8ToString(lang));
});
EM_JS(void, tpjs_show_dark, (int dark), { document.documentElement.classList.toggle('dark', !!dark); });
EM_JS(void, tpjs_paste_from_clipboard, (), { window['TimpushBridge']['pasteFromClipboard'](); });
EM_JS(double, tpjs_visible_bottom, (), { return window['TimpushBridge']['visibleBottom'](); });
EM_JS(double, tpjs_pixel_ratio, (double css_w, double css_h), { return window['TimpushBridge']['pixelRatio'](css_w, css_h); });
EM_JS(int, tpjs_utc_offset_minutes, (), { return -new Date().getTimezoneOffset(); });
EM_JS(void, tpjs_frame_drawn, (int frame), { window['TimpushBridge']['frameDrawn'](frame); });

namespace timpush::web {

int64_t now_unix() { return static_cast<int64_t>(tpjs_date_now() / 1000.0); }
double now_seconds() { return emscripten_get_now() / 1000.0; }
// Every frame takes a fresh value (FrameInput::fresh_random); they are drawn from the browser's
// generator 64 at a time rather than with a call into JavaScript per frame.
uint32_t random_u32() {
  static uint32_t pool[64];
  static int left = 0;
  if (left == 0) {
    tpjs_random_fill(pool, 64);
    left = 64;
  }
  return pool[--left];
}
std::string page_origin() { return take_js_string(tpjs_origin()); }
std::string browser_language() { return take_js_string(tpjs_language()); }
std::string lessons_index_url() { return take_js_string(tpjs_lessons_index()); }
void copy_to_clipboard(const std::string& text) { tpjs_copy_text(text.c_str()); }
void set_text_input(bool active) { tpjs_set_text_input(active ? 1 : 0); }
void place_text_input(float x, float y, float line_height) { tpjs_place_text_input(x, y, line_height); }

void set_cursor(const char* css_cursor) { tpjs_set_cursor(css_cursor); }

void canvas_css_size(double* width, double* height) {
  emscripten_get_element_css_size("#canvas", width, height);
}
double canvas_pixel_ratio(double css_w, double css_h) { return tpjs_pixel_ratio(css_w, css_h); }
int screen_media() { return tpjs_screen_media(); }
int utc_offset_minutes() { return tpjs_utc_offset_minutes(); }
void push_fragment(const std::string& fragment) { tpjs_push_fragment(fragment.c_str()); }
void announce(const std::string& text, const char* lang) { tpjs_announce(text.c_str(), lang); }
void show_dark(bool dark) { tpjs_show_dark(dark ? 1 : 0); }
void paste_from_clipboard() { tpjs_paste_from_clipboard(); }
double visible_bottom() { return tpjs_visible_bottom(); }
void set_canvas_pixel_size(int width, int height) {
  emscripten_set_canvas_element_size("#canvas", width, height);
}

void fetch_later_fonts() { tpjs_fetch_later_fonts(); }
uint8_t* take_latin_font(int* size) { return tpjs_take_latin_font(size); }
void notify_frame_drawn(int frame) { tpjs_frame_drawn(frame); }
void show_fatal(const char* message) { tpjs_show_fatal(message); }

std::string take_js_string(char* p) {
  std::string s = p ? p : "";
  std::free(p);
  return s;
}

}  // namespace timpush::web
