// The receiving end of Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE): an interface the
// hook functions of imgui_hooks.cpp call through ImGuiContext::TestEngine. The hooks are compiled
// into the imgui library itself (cmake/third_party.cmake), and the item registry (timpush_ui)
// implements this interface, so imgui never needs a symbol of timpush_ui and the two libraries do
// not depend on each other in a cycle.
#pragma once

#include <cstdint>

struct ImGuiContext;

namespace timpush::ui {

class ImGuiItemSink {
public:
  virtual ~ImGuiItemSink() = default;
  // An item was added with this rectangle (ImGui display coordinates).
  virtual void on_item_add(ImGuiContext* ctx, uint32_t id, float x0, float y0, float x1, float y1,
                           bool has_item_data) = 0;
  // Its label and status flags (ImGuiItemStatusFlags), when the widget reports them.
  virtual void on_item_info(uint32_t id, const char* label, int flags) = 0;
  // The label ImGui's own debug tools would show for an id, or nullptr.
  virtual const char* find_label(uint32_t id) const = 0;
};

}  // namespace timpush::ui
