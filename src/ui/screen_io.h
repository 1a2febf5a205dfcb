// What the platform tells the UI about the screen each frame, and what the UI asks of it for the
// screen: the system's theme and pointer, the URL fragment after Back or Forward, a long press,
// the local time zone's offset (times are typed in it),
// and back: the fragment to push, the theme drawn, text for the ARIA live region, a clipboard read.
// Plain values (app.h's FrameInput and Intents carry one each). No ImGui, no browser.
#pragma once

#include <optional>
#include <string>

namespace timpush::ui {

struct ScreenInput {
  bool system_dark = false;              // prefers-color-scheme: dark
  bool coarse_pointer = false;           // pointer: coarse (a finger): tap targets grow
  std::optional<std::string> location;   // the URL's fragment after a popstate or hashchange
  bool long_press = false;               // this frame's tap was a finger held still
  int utc_offset_minutes = 0;            // the local time zone, east of UTC (UTC+8: 480), now
};

struct ScreenIntents {
  std::optional<std::string> push_fragment;  // history.pushState with this fragment ("" none)
  bool dark = false;                         // the theme drawn (the page's own colours follow)
  std::string announce;                      // for the aria-live region; "" nothing new
  const char* announce_lang = "en";          // its language, for the region's lang attribute
  bool read_clipboard = false;               // read the clipboard and paste it into the active field
};

}  // namespace timpush::ui
