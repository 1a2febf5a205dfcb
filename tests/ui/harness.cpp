#include "harness.h"

#include <cstring>

namespace timpush::ui::test {

Harness::Harness(const std::string& origin_, const std::string& language)
    : state(app.state()), origin(origin_) {
  context_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1280, 800);
  io.IniFilename = nullptr;
  // 1.92: with a renderer that takes texture requests, the atlas is built on demand and nobody
  // has to upload it; this harness simply never draws.
  io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
  input.now_unix = 1764150000;  // 2025-11-26
  input.now_seconds = 100;
  input.fresh_random = 0x0BADF00Du;
  app.start(StartupInfo{origin, language});
}

Harness::~Harness() { ImGui::DestroyContext(context_); }

Intents Harness::frame() {
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = 1.0f / 60.0f;
  input.now_seconds += 1.0 / 60.0;
  // xorshift32: a different fresh_random each frame, as the browser's CSPRNG would give.
  random_state_ ^= random_state_ << 13;
  random_state_ ^= random_state_ >> 17;
  random_state_ ^= random_state_ << 5;
  input.fresh_random = random_state_;
  ImGui::NewFrame();
  ImGui::LogToBuffer();
  Intents intents = app.frame(input);
  ImGuiContext& g = *ImGui::GetCurrentContext();
  drawn.assign(g.LogBuffer.c_str());
  ImGui::LogFinish();
  ImGui::Render();
  for (const auto& request : intents.http) pending.push_back(request);
  return intents;
}

std::vector<HttpRequest> Harness::frames(int count) {
  std::vector<HttpRequest> all;
  for (int i = 0; i < count; ++i) {
    Intents intents = frame();
    all.insert(all.end(), intents.http.begin(), intents.http.end());
  }
  return all;
}

ImGuiID Harness::id_of(const std::string& window_prefix, std::initializer_list<const char*> path) const {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiWindow* window = nullptr;
  for (ImGuiWindow* w : g.Windows) {
    if (std::strncmp(w->Name, window_prefix.c_str(), window_prefix.size()) == 0 &&
        (window_prefix.back() == '_' || std::strlen(w->Name) == window_prefix.size())) {
      window = w;
      break;
    }
  }
  if (!window) return 0;
  ImGuiID seed = window->ID;
  for (const char* part : path) seed = ImHashStr(part, 0, seed);
  return seed;
}

void Harness::answer_sandbox_app(const std::string& key) {
  for (size_t i = 0; i < pending.size(); ++i) {
    if (pending[i].method == "GET" && pending[i].url == origin + "/sandbox/app") {
      HttpResult result;
      result.id = pending[i].id;
      result.status = 200;
      result.body = R"({"sdkappid":1400000000,"identifier":"administrator","key":)" +
                    (key.empty() ? std::string("null") : "\"" + key + "\"") +
                    R"(,"key_is_demo":)" + (key.empty() ? "false" : "true") + "}";
      app.on_http_result(result);
      pending.erase(pending.begin() + static_cast<long>(i));
      return;
    }
  }
}

}  // namespace timpush::ui::test
