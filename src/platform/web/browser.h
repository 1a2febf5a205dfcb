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
std::string lessons_index_url();  // the single file's inlined index, or "" (the default place)
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

// The CSS size of the canvas and its pixel ratio: the device's, times a pinch-zoom's scale, so a
// zoomed page is drawn sharp (bridge.js caps it to what a canvas can hold).
void canvas_css_size(double* width, double* height);
double canvas_pixel_ratio(double css_w, double css_h);
void set_canvas_pixel_size(int width, int height);

// The screen (ui/screen_io.h). Media: bit 0 prefers-color-scheme dark, bit 1 pointer coarse
// (bridge.js reports changes through timpush_web_media).
int screen_media();
// The local zone's offset now, east of UTC in minutes (JavaScript's getTimezoneOffset, negated).
int utc_offset_minutes();
void push_fragment(const std::string& fragment);   // history.pushState; "" for the plain URL
void announce(const std::string& text, const char* lang);  // the ARIA live region
void show_dark(bool dark);                          // the page's own colours behind the canvas
void paste_from_clipboard();                        // read it, then paste into the active field
// The bottom of what is visible of the page (the visual viewport: above a soft keyboard), in the
// canvas's CSS px.
double visible_bottom();

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
