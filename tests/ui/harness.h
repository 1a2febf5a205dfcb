// Runs the composer's App natively: an ImGui context with no backend, frames driven by hand,
// widgets pressed by their ImGui ID, and the text a frame drew captured through ImGui's log.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/app.h"
#include "ui/app_state.h"

namespace timpush::ui::test {

class Harness {
public:
  explicit Harness(const std::string& origin = "http://127.0.0.1:8080", const std::string& language = "en-US");
  ~Harness();

  // One frame; returns its intents and keeps the text drawn in `drawn`.
  Intents frame();
  // Several frames; returns every HTTP request asked for on the way.
  std::vector<HttpRequest> frames(int count);
  // Presses a widget: queued by ImGui and acted on in the next frame.
  void press(ImGuiID id) { ImGui::ActivateItemByID(id); }
  // ID of a widget: window name prefix ("timpush composer", "timpush composer/left_"...) then
  // the ID stack path as pushed by the code (PushID strings, tab bar name, tab label, label).
  ImGuiID id_of(const std::string& window_prefix, std::initializer_list<const char*> path) const;
  // The sandbox's /sandbox/app answer, for the GET App::start queued.
  void answer_sandbox_app(const std::string& key);

  App app;
  AppState& state;
  FrameInput input;
  std::string drawn;                 // all text rendered in the last frame
  std::vector<HttpRequest> pending;  // requests from the first frames not yet answered
  std::string origin;

private:
  ImGuiContext* context_;
  uint32_t random_state_ = 0x12345678u;
};

}  // namespace timpush::ui::test
