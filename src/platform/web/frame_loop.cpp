// The frame loop: draws a frame on requestAnimationFrame only when asked (input, answers, fonts,
// animation), wakes on timers for the caret and hover delays, and goes idle otherwise.
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_internal.h"

#include "platform/web/browser.h"
#include "platform/web/fonts.h"
#include "platform/web/http_fetch.h"
#include "platform/web/page.h"
#include "platform/web/storage_bridge.h"
#include "platform/web/webgl2_renderer.h"

namespace timpush::web {

Page* g_page = nullptr;

namespace {

// While a text field is active the caret blinks (on 0.8 s, off 0.4 s): 0.4 s catches each change.
constexpr double kCaretWakeMs = 400;
// While the mouse rests on an item, tooltips and hover delays need time to pass.
constexpr double kHoverWakeMs = 100;

void schedule();
EM_BOOL on_animation_frame(double, void*);

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

// Work a frame asked for that does not change what it shows (requests to start, the fonts to
// fetch after the first frame) runs in a zero-delay timeout: after this animation-frame callback
// and the paint that follows it, so the frame reaches the screen without waiting for that work.
void after_frame(void*) {
  Page& p = *g_page;
  p.after_frame_timer = 0;
  std::vector<ui::HttpRequest> requests;
  requests.swap(p.requests_after_frame);
  for (const ui::HttpRequest& req : requests) http_start(req);
  if (!p.later_fonts_requested) {
    p.later_fonts_requested = true;
    fetch_later_fonts();
  }
}

void schedule_after_frame() {
  Page& p = *g_page;
  if (!p.after_frame_timer) p.after_frame_timer = emscripten_set_timeout(after_frame, 0, nullptr);
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
// while ImGui works in CSS pixels. Gives the backing store's size, which the frame draws into.
void fit_canvas(ImGuiIO& io, int* width, int* height) {
  Page& p = *g_page;
  double css_w = 0, css_h = 0;
  canvas_css_size(&css_w, &css_h);
  css_w = std::max(css_w, 1.0);
  css_h = std::max(css_h, 1.0);
  const double dpr = std::max(canvas_pixel_ratio(css_w, css_h), 0.25);
  const int px_w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
  const int px_h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
  int cur_w = 0, cur_h = 0;
  emscripten_get_canvas_element_size("#canvas", &cur_w, &cur_h);
  if (cur_w != px_w || cur_h != px_h) set_canvas_pixel_size(px_w, px_h);
  io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
  io.DisplayFramebufferScale = ImVec2(static_cast<float>(px_w / css_w), static_cast<float>(px_h / css_h));
  p.css_per_pixel_x = static_cast<float>(css_w / px_w);
  p.css_per_pixel_y = static_cast<float>(css_h / px_h);
  *width = px_w;
  *height = px_h;
}

const char* css_cursor(ImGuiMouseCursor cursor) {
  switch (cursor) {
    case ImGuiMouseCursor_None: return "none";
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_Wait: return "wait";
    case ImGuiMouseCursor_Progress: return "progress";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    default: return "default";
  }
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

// The screen's side of the frame's input: the system's media and what came since the last frame.
ui::ScreenInput take_screen_input() {
  Page& p = *g_page;
  ui::ScreenInput in;
  in.system_dark = p.system_dark;
  in.coarse_pointer = p.coarse_pointer;
  in.location = std::move(p.location);
  p.location.reset();
  in.long_press = p.long_press;
  in.utc_offset_minutes = utc_offset_minutes();  // read each frame: a zone can change (DST, travel)
  p.long_press = false;
  return in;
}

// A soft keyboard (or a pinch) hides the bottom of the page: the field being typed into is
// scrolled up until its caret shows above it again.
void keep_caret_visible() {
  Page& p = *g_page;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiWindow* w = g.ActiveIdWindow;
  if (!w || p.caret_h <= 0) return;
  // A multi-line field scrolls itself; its parent is the window that holds the field.
  while (w->ParentWindow && (w->Flags & ImGuiWindowFlags_ChildWindow) && w->ScrollMax.y <= 0) w = w->ParentWindow;
  // The field's whole frame (the caret line and its padding) inside what shows of its window.
  const float bottom = std::min(static_cast<float>(visible_bottom()), w->InnerClipRect.Max.y);
  const float overlap = p.caret_y + p.caret_h + ImGui::GetStyle().FramePadding.y + 2 - bottom;
  if (overlap <= 1 || w->ScrollMax.y <= 0 || w->Scroll.y >= w->ScrollMax.y) return;
  ImGui::SetScrollY(w, std::min(w->ScrollMax.y, w->Scroll.y + overlap));
  p.frames_wanted = std::max(p.frames_wanted, kSettleFrames);
}

// What the UI asked of the screen: a history entry, the live region, the page's colours, a paste.
void carry_out_screen(const ui::ScreenIntents& screen) {
  Page& p = *g_page;
  if (screen.push_fragment) push_fragment(*screen.push_fragment);
  if (!screen.announce.empty()) announce(screen.announce, screen.announce_lang);
  if (screen.dark != p.dark_shown) {
    p.dark_shown = screen.dark;
    show_dark(screen.dark);
  }
  if (screen.read_clipboard) paste_from_clipboard();
}

void run_frame() {
  Page& p = *g_page;
  ImGuiIO& io = ImGui::GetIO();
  const double started_ms = emscripten_get_now();

  // Between frames: fonts that arrived, answers that arrived.
  for (const Page::PendingFont& f : p.pending_fonts)
    merge_later_font(static_cast<LaterFont>(f.which), f.data, f.size);
  p.pending_fonts.clear();
  for (ui::HttpResult& r : http_take_results()) p.app->on_http_result(r);
  deliver_picked_file(*p.app);

  ImGui_ImplGlfw_NewFrame();
  int fb_w = 0, fb_h = 0;
  fit_canvas(io, &fb_w, &fb_h);  // after the GLFW backend, which would set sizes from the GLFW window
  ImGui::NewFrame();

  ui::FrameInput input;
  input.now_unix = now_unix();
  input.now_seconds = now_seconds();
  input.fresh_random = random_u32();
  input.screen = take_screen_input();
  ui::Intents intents = p.app->frame(input);

  ImGui::Render();
  webgl2_renderer_draw(ImGui::GetDrawData(), fb_w, fb_h, ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);

  const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
  if (cursor != p.cursor) {
    p.cursor = cursor;
    set_cursor(css_cursor(cursor));
  }

  ++p.frame_count;
  p.last_frame_ms = emscripten_get_now() - started_ms;

  // Carry out what the UI asked for.
  for (ui::HttpRequest& req : intents.http) p.requests_after_frame.push_back(std::move(req));
  carry_out_storage(*p.app, intents);
  carry_out_screen(intents.screen);
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
  if (want_text) keep_caret_visible();

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
  if (!p.requests_after_frame.empty() || !p.later_fonts_requested) schedule_after_frame();
}

EM_BOOL on_animation_frame(double, void*) {
  g_page->raf_pending = false;
  if (!ensure_ui_font()) return EM_FALSE;  // the bridge asks for frames when the font arrives
  run_frame();
  schedule();
  return EM_FALSE;  // one frame per request
}

}  // namespace

void draw_frame_now() {
  if (ensure_ui_font()) run_frame();
}

void draw_first_frame() {
  if (ensure_ui_font()) run_frame();
  request_frames(kSettleFrames);
}

void request_frames(int n) {
  g_page->frames_wanted = std::max(g_page->frames_wanted, n);
  schedule();
}

}  // namespace timpush::web
