// Input for the page: GLFW's mouse and key callbacks (mouse scaled to CSS pixels), the wheel and
// resize events, and ImGui's clipboard and IME hooks. Each event asks the frame loop for frames.
#include <cfloat>

#include <emscripten/html5.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"

#include "platform/web/browser.h"
#include "platform/web/page.h"

namespace timpush::web {

namespace {

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
  if (data->WantVisible) {
    place_text_input(data->InputPos.x, data->InputPos.y, data->InputLineHeight);
    g_page->caret_y = data->InputPos.y;  // kept above a soft keyboard (frame_loop.cpp)
    g_page->caret_h = data->InputLineHeight;
  } else {
    g_page->caret_h = 0;
  }
}


}  // namespace

void install_input(GLFWwindow* window) {
  // Our own callbacks: they scale the mouse to CSS pixels and wake the frame loop, then hand over
  // to the backend's handlers. No char callback: text comes through the textarea bridge.
  glfwSetCursorPosCallback(window, on_cursor_pos);
  glfwSetCursorEnterCallback(window, on_cursor_enter);
  glfwSetMouseButtonCallback(window, on_mouse_button);
  glfwSetKeyCallback(window, on_key);
  glfwSetWindowFocusCallback(window, on_focus);
  ImGui_ImplGlfw_CursorEnterCallback(window, 1);  // so the backend never polls the raw cursor
  ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, on_wheel);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);

  ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
  pio.Platform_GetClipboardTextFn = get_clipboard;
  pio.Platform_SetClipboardTextFn = set_clipboard;
  pio.Platform_SetImeDataFn = set_ime_data;
}

}  // namespace timpush::web
