// The composer page's start: GLFW/WebGL2 window, Dear ImGui with its backends, fonts and theme,
// input, the App; frames then come from the frame loop (frame_loop.cpp) on demand.
#include <algorithm>

#include <emscripten.h>
#include <emscripten/html5.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"

#include "platform/web/browser.h"
#include "platform/web/fonts.h"
#include "platform/web/http_fetch.h"
#include "platform/web/page.h"
#include "platform/web/storage_bridge.h"
#include "platform/web/theme.h"
#include "platform/web/webgl2_renderer.h"

namespace timpush::web {
namespace {

// Flat, blended triangles over an opaque background: no depth, stencil, alpha or multisampling.
bool make_webgl2_context() {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  attrs.antialias = EM_FALSE;
  attrs.enableExtensionsByDefault = EM_FALSE;
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("#canvas", &attrs);
  return gl > 0 && emscripten_webgl_make_context_current(gl) == EMSCRIPTEN_RESULT_SUCCESS;
}

}  // namespace
}  // namespace timpush::web

int main() {
  using namespace timpush::web;
  if (!glfwInit()) {
    show_fatal("TIMPush Composer could not start its window (GLFW).");
    return 1;
  }
  // GLFW gives the window and its input; the WebGL2 context is made here instead, because GLFW's
  // would have Emscripten turn on every WebGL extension the browser offers, one round trip to the
  // GPU process each (about 15 ms of start-up in Chromium). Dear ImGui draws with core WebGL2 alone.
  glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
  double css_w = 0, css_h = 0;
  canvas_css_size(&css_w, &css_h);
  GLFWwindow* window = glfwCreateWindow(std::max(1, static_cast<int>(css_w)),
                                        std::max(1, static_cast<int>(css_h)), "timpush", nullptr, nullptr);
  if (!window) {
    show_fatal("TIMPush Composer could not start its window (GLFW).");
    return 1;
  }
  if (!make_webgl2_context()) {
    show_fatal("TIMPush Composer needs WebGL2, which this browser could not provide.");
    return 1;
  }

  g_page = new Page();
  g_page->window = window;
  const int media = screen_media();
  g_page->system_dark = media & 1;
  g_page->coarse_pointer = media & 2;

  IMGUI_CHECKVERSION();
  ImGuiContext* ctx = ImGui::CreateContext();
  g_page->registry.attach(ctx);
  ImGuiIO& io = ImGui::GetIO();
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  // The frame loop sets the canvas's CSS cursor itself; the GLFW backend's cursor update would
  // only cost calls into JavaScript every frame (Emscripten's glfwSetCursor does nothing).
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  io.IniFilename = nullptr;  // the page keeps no layout file; state lives in the App
  timpush::ui::apply_style(false, false);  // the first frame follows the system (ui/theme.h)
  ensure_ui_font();  // if it has arrived; else the first frame waits for it (frame_loop.cpp)

  ImGui_ImplGlfw_InitForOpenGL(window, false);  // callbacks: ours, in install_input
  install_input(window);
  if (!webgl2_renderer_init()) {
    show_fatal("TIMPush Composer could not compile its WebGL2 shaders (the browser console says why).");
    return 1;
  }

  http_set_wake([] { request_frames(kSettleFrames); });

  g_page->app = new timpush::ui::App();
  timpush::ui::StartupInfo info;
  info.origin = page_origin();
  info.language = browser_language();
  info.lessons_index = lessons_index_url();
  fill_storage_startup(info);  // drafts, templates, history and any share link
  g_page->app->start(info);

  draw_first_frame();
  return 0;  // the page lives on; frames come from requestAnimationFrame
}
