// The explained request's state (panel_explain.cpp): the preview's Explain toggle, the JSON
// pointer of each span of the shown text (made again only when the text changes, and only while
// explaining), and a request to open the credentials for a field there.
#pragma once

#include <string>
#include <vector>

namespace timpush::ui {

struct ExplainState {
  bool on = false;                     // the preview's Explain toggle (Learn mode explains too)
  std::string pointers_for;            // the text `pointers` were made for
  bool made = false;
  std::vector<std::string> pointers;   // one per span of the preview's layout ("" none)
  bool open_credentials = false;       // a click went to a credentials field: open its section
};

}  // namespace timpush::ui
