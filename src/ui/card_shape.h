// A device card's shape (rounded corners, soft shadow, the phone's wallpaper, the iOS banner's
// frosted glass), handed from the Device pane to the page's renderer inside Dear ImGui's draw
// list, so the UI names what to draw and only the renderer knows GL. The renderer draws it with
// shaders/card.{vert,frag} where the draw list reaches the callback; the pane draws the card's
// text after it, on top. Natively nothing renders: the callback is never run.
#pragma once

#include "imgui.h"

namespace timpush::ui {

struct CardShape {
  enum class Mode : int { card = 0, wallpaper = 1, frosted = 2 };
  Mode mode = Mode::card;
  ImVec2 min, max;          // display pixels (ImGui's coordinates)
  float radius = 0;         // display pixels
  float shadow = 0;         // blur, display pixels; 0: none
  ImVec4 fill;              // straight alpha; for frosted, the tint and how much of it
  ImVec4 wall_top, wall_bottom;
  ImVec2 wall_min, wall_max;  // the wallpaper's extent (the phone's screen)
  // How far past min and max the drawn pixels go (the shadow's tail).
  float reach() const { return shadow * 1.5f + 1.0f; }
};

// The marker the renderer recognises. Never called: the renderer draws the shape instead. Inline
// in this header so every program with the renderer links (the benchmark's baseline has no Device
// pane), and an inline function has one address in every translation unit.
inline void card_shape_callback(const ImDrawList*, const ImDrawCmd*) {}

// Queues `shape` in the window's draw list, unless none of it shows in the list's clip rectangle
// (a card scrolled out of the pane costs the renderer nothing). The renderer restores Dear ImGui's
// render state after it.
void add_card_shape(ImDrawList* list, const CardShape& shape);

}  // namespace timpush::ui
