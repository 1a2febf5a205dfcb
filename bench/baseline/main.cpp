// The benchmark's baseline: the plain Dear ImGui demo window on the page's backends (GLFW through
// Emscripten, and the page's WebGL2 renderer), drawn every animation frame as ImGui's own
// examples do. It reports its first frame, frame count and frame CPU time to
// bench/baseline/shell.html the same way the composer page reports them, so
// scripts/bench-page.sh measures both alike.
#include <emscripten.h>
#include <emscripten/html5.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "platform/web/webgl2_renderer.h"

namespace {

GLFWwindow* g_window = nullptr;
int g_frames = 0;
double g_last_frame_ms = 0;
char g_text[256] = "";

void frame() {
  const double started_ms = emscripten_get_now();
  int w = 0, h = 0;
  emscripten_get_canvas_element_size("#canvas", &w, &h);
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ImGui::ShowDemoWindow();
  // One text field beside the demo, focused from the start, so typing has a target as it has in
  // the composer page.
  ImGui::SetNextWindowPos(ImVec2(700, 40), ImGuiCond_FirstUseEver);
  ImGui::Begin("Typing");
  if (g_frames == 0) ImGui::SetKeyboardFocusHere();
  ImGui::InputText("text", g_text, sizeof g_text);
  ImGui::End();
  ImGui::Render();
  timpush::web::webgl2_renderer_draw(ImGui::GetDrawData(), w, h, ImVec4(0.45f, 0.55f, 0.60f, 1.0f));
  ++g_frames;
  g_last_frame_ms = emscripten_get_now() - started_ms;
  EM_ASM({ if (Module['benchFrameDrawn']) Module['benchFrameDrawn']($0); }, g_frames);
}

}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE int bench_frame_count() { return g_frames; }
EMSCRIPTEN_KEEPALIVE double bench_last_frame_ms() { return g_last_frame_ms; }
}

int main() {
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  g_window = glfwCreateWindow(static_cast<int>(css_w), static_cast<int>(css_h), "baseline", nullptr, nullptr);
  if (!g_window) return 1;
  glfwMakeContextCurrent(g_window);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::StyleColorsDark();
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  ImGui_ImplGlfw_InstallEmscriptenCallbacks(g_window, "#canvas");
  if (!timpush::web::webgl2_renderer_init()) return 1;
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
