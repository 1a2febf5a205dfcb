// What a screen reader hears: the canvas is invisible to it, so the status line under the top bar,
// the checks' messages and the answer to a send are handed to the platform as text for an ARIA
// live region (Intents::screen.announce), in the UI's language. Each part is announced when it
// changes, never every frame. Also the status line itself, which the top bar draws. No ImGui.
#pragma once

#include <string>

#include "ui/app_state.h"

namespace timpush::ui {

// The one line under the top bar: the last note, a quota warning, why Send is off, a storage
// problem, or "Ready to send.".
struct StatusLine {
  enum class Kind { good, warn, quiet };
  Kind kind = Kind::quiet;
  std::string text;
};
StatusLine status_line(const AppState& state);

// The checks' messages as one text ("Checks: 1 errors, 0 warnings. 90026: ...").
std::string checks_text(const AppState& state);

// After a frame: the parts that changed since they were last announced, as one text ("" none).
std::string take_announcement(AppState& state);

}  // namespace timpush::ui
