// A temporary stand-in for timpush::ui::App, compiled only while src/ui/app.cpp does not exist, so
// the page shell can be built and tested on its own. It shows one window with a text field, a
// multi-line field, a Copy button and a Send button that posts the text to the page's own origin.
#include <string>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "ui/app.h"

namespace timpush::ui {

namespace {
struct StandinState {
  StartupInfo info;
  std::string user_id;
  std::string body = "{\n  \"From_Account\": \"admin\"\n}";
  std::string last_answer = "(nothing sent yet)";
  uint64_t next_id = 1;
  bool send = false;
  bool copy = false;
};
StandinState g_standin;
}  // namespace

App::App() : state_(nullptr) {}
App::~App() = default;

void App::start(const StartupInfo& info) { g_standin.info = info; }

Intents App::frame(const FrameInput& input) {
  StandinState& s = g_standin;
  Intents out;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::Begin("Composer", nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoCollapse);
  ImGui::Text("Origin: %s   Language: %s", s.info.origin.c_str(), s.info.language.c_str());
  ImGui::Text("Unix time: %lld", static_cast<long long>(input.now_unix));
  ImGui::InputText("User ID", &s.user_id);
  ImGui::InputTextMultiline("Body", &s.body, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 8));
  if (ImGui::Button("Send")) {
    HttpRequest req;
    req.id = s.next_id++;
    req.url = s.info.origin + "/v4/timpush/push?sdkappid=0";
    req.body = s.body;
    out.http.push_back(req);
  }
  ImGui::SameLine();
  if (ImGui::Button("Copy")) out.copy_text = s.body;
  ImGui::TextWrapped("Answer: %s", s.last_answer.c_str());
  ImGui::TextUnformatted("推送 中文 テスト");
  ImGui::End();
  out.wants_text_input = ImGui::GetIO().WantTextInput;
  return out;
}

void App::on_http_result(const HttpResult& result) {
  g_standin.last_answer = std::to_string(result.status) + " " + result.status_text + " " +
                          result.body.substr(0, 200);
}

AppState& App::state() { return *state_; }

}  // namespace timpush::ui
