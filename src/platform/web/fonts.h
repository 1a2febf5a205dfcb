// The page's fonts: the Latin UI font ready at start, and the CJK fallback merged into it once it
// has arrived after the first frame. ImGui only.
#pragma once

#include <cstdint>

namespace timpush::web {

// Adds the UI font to the atlas; takes ownership of `data` (malloc'd), which may be null. False
// when there is no font to draw with (no data, and the wasm carries no font of its own).
bool add_ui_font(uint8_t* data, int size);
// Merges a fallback font into the UI font and drops glyphs cached before it existed. Call between
// frames. Takes ownership of `data` (malloc'd).
bool merge_fallback_font(uint8_t* data, int size);

}  // namespace timpush::web
