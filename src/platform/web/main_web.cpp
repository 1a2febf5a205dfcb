// The composer page's start: GLFW/WebGL2 window, Dear ImGui with its backends, fonts and theme,
// input, the App; frames then come from the frame loop (frame_loop.cpp) on demand.
#include <algorithm>

#include <emscripten.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

#include "platform/web/browser.h"
#include "platform/web/fonts.h"
#include "platform/web/http_fetch.h"
#include "platform/web/page.h"
#include "platform/web/storage_bridge.h"
#include "platform/web/theme.h"

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
  ensure_ui_font();  // if it has arrived; else the first frame waits for it (frame_loop.cpp)

  ImGui_ImplGlfw_InitForOpenGL(window, false);  // callbacks: ours, in install_input
  install_input(window);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  http_set_wake([] { request_frames(kSettleFrames); });

  g_page->app = new timpush::ui::App();
  timpush::ui::StartupInfo info;
  info.origin = page_origin();
  info.language = browser_language();
  fill_storage_startup(info);  // drafts, templates, history and any share link
  g_page->app->start(info);

  request_frames(kSettleFrames);
  return 0;  // the page lives on; frames come from requestAnimationFrame
}
