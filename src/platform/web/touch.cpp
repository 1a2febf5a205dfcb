// A finger on the canvas (web/bridge.js tells tap from drag): a tap is a click drawn at once, so
// the field it activates takes the hidden textarea's focus inside the touch's own event handler,
// which is what makes a phone open its soft keyboard; a drag scrolls the window under the finger
// (the nearest that can scroll that way), and the fling after it comes as more drags. The pointer
// is then taken off the page, so no hover or tooltip stays where the finger was.
#include <algorithm>
#include <cfloat>

#include <emscripten.h>

#include "imgui.h"
#include "imgui_internal.h"

#include "platform/web/page.h"

namespace timpush::web {
namespace {

void finger_at(float x, float y) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  io.AddMousePosEvent(x, y);
}

// Moves a window's scroll by `delta` on one axis, within its range; false when it cannot move.
bool scroll_axis(ImGuiWindow* w, int axis, float delta) {
  if (delta == 0 || w->ScrollMax[axis] <= 0) return false;
  const float from = w->ScrollTarget[axis] < FLT_MAX ? w->ScrollTarget[axis] : w->Scroll[axis];
  const float to = std::clamp(from + delta, 0.0f, w->ScrollMax[axis]);
  if (to == from) return false;
  if (axis == 0) ImGui::SetScrollX(w, to);
  else ImGui::SetScrollY(w, to);
  return true;
}

}  // namespace
}  // namespace timpush::web

using timpush::web::g_page;

extern "C" {

// A finger came down: the pointer moves there (the drag's window is found from it).
EMSCRIPTEN_KEEPALIVE void timpush_web_touch_point(float x, float y) {
  if (!g_page) return;
  timpush::web::finger_at(x, y);
  timpush::web::request_frames(timpush::web::kSettleFrames);
}

// A tap at (x, y): pressed in one frame, released in the next, both drawn now. Returns whether a
// text field took the text input (bridge.js then focuses the textarea in the same handler).
EMSCRIPTEN_KEEPALIVE int timpush_web_touch_tap(float x, float y, int long_press) {
  if (!g_page) return 0;
  using namespace timpush::web;
  ImGuiIO& io = ImGui::GetIO();
  finger_at(x, y);
  io.AddMouseButtonEvent(0, true);
  draw_frame_now();
  io.AddMouseButtonEvent(0, false);
  draw_frame_now();
  // A long press keeps the pointer where it is: the Paste offer opens there.
  if (long_press) g_page->long_press = true;
  else io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  request_frames(kSettleFrames);
  return g_page->text_input_active ? 1 : 0;
}

// The finger dragged by (dx, dy) CSS px from where it came down at (x, y): the content under it
// follows (the scroll moves the other way). Returns 0 when nothing there could scroll further,
// which ends a fling.
EMSCRIPTEN_KEEPALIVE int timpush_web_touch_scroll(float x, float y, float dx, float dy) {
  if (!g_page) return 0;
  ImGuiWindow* hovered = nullptr;
  ImGuiWindow* under_moving = nullptr;
  ImGui::FindHoveredWindowEx(ImVec2(x, y), false, &hovered, &under_moving);
  bool moved = false;
  bool moved_x = false;
  for (ImGuiWindow* w = hovered; w && !(moved && moved_x); w = w->ParentWindow) {
    if (!moved) moved = timpush::web::scroll_axis(w, 1, -dy);
    if (!moved_x) moved_x = timpush::web::scroll_axis(w, 0, -dx);
    if (!(w->Flags & ImGuiWindowFlags_ChildWindow)) break;
  }
  timpush::web::request_frames(timpush::web::kSettleFrames);
  return moved || moved_x ? 1 : 0;
}

// The finger is off the page after a drag: no pointer stays behind.
EMSCRIPTEN_KEEPALIVE void timpush_web_touch_end() {
  if (!g_page) return;
  ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  timpush::web::request_frames(timpush::web::kSettleFrames);
}

}  // extern "C"
