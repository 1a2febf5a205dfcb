// The page's browser services behind neutral names: clock, random, origin, clipboard, the hidden
// text-input bridge, wake-ups. Only this file and its .cpp talk to JavaScript (web/bridge.js).
#pragma once

#include <cstdint>
#include <string>

namespace timpush::web {

int64_t now_unix();          // Date.now() in whole seconds
double now_seconds();        // monotonic (performance.now) in seconds
uint32_t random_u32();       // crypto.getRandomValues
std::string page_origin();   // location.origin, or "" when the page has none (file://)
std::string browser_language();
// A string JavaScript made with _malloc (EM_JS returning char*), copied and freed; null gives "".
std::string take_js_string(char* p);

// Clipboard: writes go to navigator.clipboard; the last text pasted into the page is cached
// because the browser lets a page read the clipboard only inside a paste event.
void copy_to_clipboard(const std::string& text);

// The hidden <textarea> that receives typed text and IME compositions while a field is active;
// x, y, line_height place it (and so the IME candidate window) at the caret, in CSS pixels.
void set_text_input(bool active);
void place_text_input(float x, float y, float line_height);

// The mouse pointer over the canvas, as a CSS cursor name ("text", "pointer", ...). Emscripten's
// GLFW has no cursors, so ImGui's wishes go to the canvas style.
void set_cursor(const char* css_cursor);

// The CSS size of the canvas and the device pixel ratio.
void canvas_css_size(double* width, double* height);
double device_pixel_ratio();
void set_canvas_pixel_size(int width, int height);

// Starts fetching the fonts merged after the first frame (the rest of the Latin font, the CJK
// fallback); each arrives through timpush_web_font_arrived().
void fetch_later_fonts();
// The Latin UI font, copied into memory the caller frees with free(); null while it is still on
// its way (web/bridge.js says so itself when it cannot be fetched).
uint8_t* take_latin_font(int* size);

// Shows a message over the page when it cannot start (no WebGL2 context, say).
void show_fatal(const char* message);

// Tells the page's script that a frame was drawn (resolves timpush.nextFrame() promises).
void notify_frame_drawn(int frame);

}  // namespace timpush::web
