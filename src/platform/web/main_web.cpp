// The composer page: GLFW/WebGL2 window, Dear ImGui backends, the App, and a frame loop that
// draws only when something changed. Browser services come from browser.h and http_fetch.h.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include <emscripten.h>
#include <emscripten/html5.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"

#include "platform/web/browser.h"
#include "platform/web/fonts.h"
#include "platform/web/http_fetch.h"
#include "platform/web/theme.h"
#include "ui/app.h"
#include "ui/item_registry.h"

namespace timpush::web {

namespace {

// Dear ImGui spreads one burst of input over a few frames (down and up of a click land in separate
// frames), and windows settle their size a frame later: draw this many frames after any event.
constexpr int kSettleFrames = 3;
// While a text field is active the caret blinks (on 0.8 s, off 0.4 s): 0.4 s catches each change.
constexpr double kCaretWakeMs = 400;
// While the mouse rests on an item, tooltips and hover delays need time to pass.
constexpr double kHoverWakeMs = 100;

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
  uint8_t* pending_font = nullptr;
  int pending_font_size = 0;
  bool cjk_requested = false;
};

Page* g_page = nullptr;

void schedule();

EM_BOOL on_animation_frame(double, void*);

void request_frames(int n) {
  g_page->frames_wanted = std::max(g_page->frames_wanted, n);
  schedule();
}

void on_wake_timer(void*) {
  g_page->wake_timer = 0;
  request_frames(1);
}

void schedule() {
  Page& p = *g_page;
  if (p.frames_wanted > 0 && !p.raf_pending) {
    p.raf_pending = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
  }
}

void schedule_wake(double delay_ms) {
  Page& p = *g_page;
  const double at = emscripten_get_now() + delay_ms;
  if (p.wake_timer && p.wake_at_ms <= at) return;
  if (p.wake_timer) emscripten_clear_timeout(p.wake_timer);
  p.wake_at_ms = at;
  p.wake_timer = emscripten_set_timeout(on_wake_timer, delay_ms, nullptr);
}

// Keeps the backing store at CSS size x devicePixelRatio so text is crisp on high-DPI screens,
// while ImGui works in CSS pixels.
void fit_canvas(ImGuiIO& io) {
  Page& p = *g_page;
  double css_w = 0, css_h = 0;
  canvas_css_size(&css_w, &css_h);
  css_w = std::max(css_w, 1.0);
  css_h = std::max(css_h, 1.0);
  const double dpr = std::max(device_pixel_ratio(), 0.25);
  const int px_w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
  const int px_h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
  int cur_w = 0, cur_h = 0;
  emscripten_get_canvas_element_size("#canvas", &cur_w, &cur_h);
  if (cur_w != px_w || cur_h != px_h) set_canvas_pixel_size(px_w, px_h);
  io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
  io.DisplayFramebufferScale = ImVec2(static_cast<float>(px_w / css_w), static_cast<float>(px_h / css_h));
  p.css_per_pixel_x = static_cast<float>(css_w / px_w);
  p.css_per_pixel_y = static_cast<float>(css_h / px_h);
}

bool any_key_or_button_down(const ImGuiIO& io) {
  for (bool down : io.MouseDown)
    if (down) return true;
  for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_NamedKey_END; ++k) {
    // Modifiers alone repeat nothing; a held Ctrl must not keep the page busy.
    if (k >= ImGuiKey_LeftCtrl && k <= ImGuiKey_RightSuper) continue;
    if (ImGui::IsKeyDown(static_cast<ImGuiKey>(k))) return true;
  }
  return false;
}

void run_frame() {
  Page& p = *g_page;
  ImGuiIO& io = ImGui::GetIO();
  const double started_ms = emscripten_get_now();

  // Between frames: fonts that arrived, answers that arrived.
  if (p.pending_font) {
    merge_fallback_font(p.pending_font, p.pending_font_size);
    p.pending_font = nullptr;
    p.pending_font_size = 0;
  }
  for (ui::HttpResult& r : http_take_results()) p.app->on_http_result(r);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  fit_canvas(io);  // after the GLFW backend, which would set sizes from the GLFW window
  ImGui::NewFrame();

  ui::FrameInput input;
  input.now_unix = now_unix();
  input.now_seconds = now_seconds();
  input.fresh_random = random_u32();
  ui::Intents intents = p.app->frame(input);

  ImGui::Render();
  int fb_w = 0, fb_h = 0;
  emscripten_get_canvas_element_size("#canvas", &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  ++p.frame_count;
  p.last_frame_ms = emscripten_get_now() - started_ms;

  // Carry out what the UI asked for.
  for (const ui::HttpRequest& req : intents.http) http_start(req);
  if (intents.copy_text) {
    p.pasted = *intents.copy_text;
    copy_to_clipboard(*intents.copy_text);
  }
  const bool want_text = intents.wants_text_input || io.WantTextInput;
  if (want_text != p.text_input_active) {
    p.text_input_active = want_text;
    set_text_input(want_text);
  } else if (want_text) {
    set_text_input(true);  // re-focus the bridge if a click on the canvas took focus away
  }

  if (!p.cjk_requested) {
    p.cjk_requested = true;  // after the first frame, so the page shows at once
    fetch_cjk_font();
  }

  // Decide when to draw next.
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (p.frames_wanted > 0) --p.frames_wanted;
  if (intents.animating || !g.InputEventsQueue.empty() || any_key_or_button_down(io) ||
      !intents.http.empty()) {
    p.frames_wanted = std::max(p.frames_wanted, 1);
  }
  if (p.frames_wanted == 0) {
    if (want_text) schedule_wake(kCaretWakeMs);
    else if (g.HoveredId != 0 && g.HoveredIdTimer < 2.0f) schedule_wake(kHoverWakeMs);
  }
  notify_frame_drawn(p.frame_count);
}

EM_BOOL on_animation_frame(double, void*) {
  g_page->raf_pending = false;
  run_frame();
  schedule();
  return EM_FALSE;  // one frame per request
}

// GLFW reports the mouse in backing-store pixels; ImGui works in CSS pixels.
void on_cursor_pos(GLFWwindow* w, double x, double y) {
  ImGui_ImplGlfw_CursorPosCallback(w, x * g_page->css_per_pixel_x, y * g_page->css_per_pixel_y);
  request_frames(kSettleFrames);
}
void on_cursor_enter(GLFWwindow*, int entered) {
  // The GLFW backend would poll the cursor in backing-store pixels after a leave: report the
  // leave ourselves instead.
  if (!entered) ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  request_frames(kSettleFrames);
}
void on_mouse_button(GLFWwindow* w, int button, int action, int mods) {
  ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
  request_frames(kSettleFrames);
}
void on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
  ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
  request_frames(kSettleFrames);
}
void on_focus(GLFWwindow* w, int focused) {
  ImGui_ImplGlfw_WindowFocusCallback(w, focused);
  request_frames(kSettleFrames);
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* ev, void*) {
  // Same step sizes as the ImGui GLFW backend's own Emscripten wheel handler.
  float mul = 0.0f;
  if (ev->deltaMode == DOM_DELTA_PIXEL) mul = 1.0f / 100.0f;
  else if (ev->deltaMode == DOM_DELTA_LINE) mul = 1.0f / 3.0f;
  else if (ev->deltaMode == DOM_DELTA_PAGE) mul = 80.0f;
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-ev->deltaX * mul),
                                    static_cast<float>(-ev->deltaY * mul));
  request_frames(kSettleFrames);
  return EM_TRUE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  request_frames(kSettleFrames);
  return EM_FALSE;
}

const char* get_clipboard(ImGuiContext*) { return g_page->pasted.c_str(); }
void set_clipboard(ImGuiContext*, const char* text) {
  g_page->pasted = text ? text : "";
  copy_to_clipboard(g_page->pasted);
}
void set_ime_data(ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* data) {
  if (data->WantVisible) place_text_input(data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

}  // namespace

}  // namespace timpush::web

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

int main() {
  using namespace timpush::web;
  if (!glfwInit()) {
    show_fatal("TIMPush Composer could not start its window (GLFW).");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  double css_w = 0, css_h = 0;
  canvas_css_size(&css_w, &css_h);
  GLFWwindow* window = glfwCreateWindow(std::max(1, static_cast<int>(css_w)),
                                        std::max(1, static_cast<int>(css_h)), "timpush", nullptr, nullptr);
  if (!window) {
    show_fatal("TIMPush Composer needs WebGL2, which this browser could not provide.");
    return 1;
  }
  glfwMakeContextCurrent(window);

  g_page = new Page();
  g_page->window = window;

  IMGUI_CHECKVERSION();
  ImGuiContext* ctx = ImGui::CreateContext();
  g_page->registry.attach(ctx);
  ImGuiIO& io = ImGui::GetIO();
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.IniFilename = nullptr;  // the page keeps no layout file; state lives in the App
  apply_theme();
  int latin_size = 0;
  uint8_t* latin = take_latin_font(&latin_size);
  add_ui_font(latin, latin_size);

  // Our own callbacks: they scale the mouse to CSS pixels and wake the frame loop, then hand over
  // to the backend's handlers. No char callback: text comes through the textarea bridge.
  ImGui_ImplGlfw_InitForOpenGL(window, false);
  glfwSetCursorPosCallback(window, on_cursor_pos);
  glfwSetCursorEnterCallback(window, on_cursor_enter);
  glfwSetMouseButtonCallback(window, on_mouse_button);
  glfwSetKeyCallback(window, on_key);
  glfwSetWindowFocusCallback(window, on_focus);
  ImGui_ImplGlfw_CursorEnterCallback(window, 1);  // so the backend never polls the raw cursor
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, on_wheel);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
  pio.Platform_GetClipboardTextFn = get_clipboard;
  pio.Platform_SetClipboardTextFn = set_clipboard;
  pio.Platform_SetImeDataFn = set_ime_data;

  http_set_wake([] { request_frames(kSettleFrames); });

  g_page->app = new timpush::ui::App();
  timpush::ui::StartupInfo info;
  info.origin = page_origin();
  info.language = browser_language();
  g_page->app->start(info);

  request_frames(kSettleFrames);
  return 0;  // the page lives on; frames come from requestAnimationFrame
}
