// The page's fonts: a Latin UI font ready at start (ImGui's own font if it could not be fetched),
// and the CJK fallback merged into it once it has arrived after the first frame. ImGui only.
#pragma once

#include <cstdint>

namespace timpush::web {

// Adds the UI font to the atlas; takes ownership of `data` (malloc'd), which may be null.
void add_ui_font(uint8_t* data, int size);
// Merges a fallback font into the UI font and drops glyphs cached before it existed. Call between
// frames. Takes ownership of `data` (malloc'd).
bool merge_fallback_font(uint8_t* data, int size);

}  // namespace timpush::web
