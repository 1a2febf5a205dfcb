// The UI's state for the screen: where the operator is (navigation.h), the theme setting, the
// layout of the last frame, what was last announced, and the long press's paste offer. One struct
// in AppState (`screen`). No ImGui here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "ui/navigation.h"
#include "ui/text.h"

namespace timpush::ui {

// "Theme" is a setting of the device (storage key timpush.theme: "system", "light" or "dark").
enum class ThemeSetting { system, light, dark };

struct ScreenState {
  Navigation nav;
  ThemeSetting theme = ThemeSetting::system;
  bool style_applied = false;  // the ImGui style matches applied_dark and applied_touch
  bool applied_dark = false;
  bool applied_touch = false;
  bool narrow = false;         // the last frame was drawn in one column
  // What the live region last said, by part, so each is announced once, when it changes.
  std::string said_status;
  std::string said_checks;
  uint64_t checks_revision = 0;  // Derived::revision and language the checks were last read at
  Lang checks_lang = Lang::en;
  uint64_t said_answer_for = 0;  // the request id whose answer was announced
  // A long press on a text field offers Paste: the field to give the text to.
  uint32_t paste_field = 0;      // ImGuiID; 0 when no offer is open
  int paste_wait_frames = 0;     // frames left for the pressed field to become active
  bool clipboard_asked = false; // Paste was pressed: the next intents ask for the clipboard
  std::optional<Pane> select_pane;  // a one-shot tab selection for the wide layout
};

}  // namespace timpush::ui
