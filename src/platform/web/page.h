// The one page instance shared by the web platform's files: what the frame loop, the input
// callbacks and the entry points for web/bridge.js all read. Web platform only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/app.h"
#include "ui/item_registry.h"

struct GLFWwindow;

namespace timpush::web {

// Dear ImGui spreads one burst of input over a few frames (down and up of a click land in separate
// frames), and windows settle their size a frame later: draw this many frames after any event.
constexpr int kSettleFrames = 3;

struct Page {
  GLFWwindow* window = nullptr;
  ui::App* app = nullptr;
  ui::ItemRegistry registry;
  int frames_wanted = 0;       // frames still to draw before going idle
  bool raf_pending = false;
  long wake_timer = 0;         // emscripten_set_timeout id, 0 when none
  double wake_at_ms = 0;
  int frame_count = 0;
  double last_frame_ms = 0;     // CPU time of the last frame, for the automation hook
  bool text_input_active = false;
  float css_per_pixel_x = 1.0f; // canvas CSS px per backing-store px (GLFW reports the latter)
  float css_per_pixel_y = 1.0f;
  std::string pasted;           // last text pasted into the page, for ImGui's clipboard reads
  std::string items_json;       // kept alive for the automation hook's reads
  struct PendingFont {
    int which;                  // a LaterFont
    uint8_t* data;              // malloc'd, merged and owned by the atlas
    int size;
  };
  std::vector<PendingFont> pending_fonts;  // arrived, merged before the next frame
  bool later_fonts_requested = false;
  std::vector<ui::HttpRequest> requests_after_frame;  // started once the frame is shown
  long after_frame_timer = 0;   // emscripten_set_timeout id, 0 when none
  int cursor = 0;               // ImGuiMouseCursor last shown (0: the arrow)
  // The screen (ui/screen_io.h): the system's colour scheme and pointer, a fragment after Back or
  // Forward and a long press, handed to the next frame; the caret for keeping it above the keyboard.
  bool system_dark = false;
  bool coarse_pointer = false;
  std::optional<std::string> location;  // the latest fragment since the last frame
  bool long_press = false;
  bool dark_shown = false;      // the page's own colours (html.dark) match this
  float caret_y = 0, caret_h = 0;
};

extern Page* g_page;

// Draw at least `n` more frames (one per animation frame), then go idle.
void request_frames(int n);
// Draws the first frame now, without waiting for an animation frame (which can be most of a
// display refresh away), if the UI font is here; the frames that settle it follow on demand.
void draw_first_frame();
// Draws a frame now, outside an animation frame (a tap's press and release, touch.cpp).
void draw_frame_now();
// Install the GLFW and HTML5 input callbacks and ImGui's platform hooks (clipboard, IME).
void install_input(GLFWwindow* window);

}  // namespace timpush::web
