// The page's look: a light, calm Dear ImGui style and the UI font sizes. ImGui only.
#pragma once

namespace timpush::web {

constexpr float kUiFontSize = 15.0f;  // CSS pixels; 1.92 rasterises at the device pixel ratio

void apply_theme();

}  // namespace timpush::web
