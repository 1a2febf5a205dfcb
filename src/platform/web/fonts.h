// The page's fonts: the Latin UI font, taken before the first frame, and the CJK fallback merged
// into it once it has arrived after the first frame. ImGui only.
#pragma once

#include <cstdint>

namespace timpush::web {

// True once the atlas has the UI font. The Latin font is fetched by web/bridge.js while the wasm
// downloads and may still be on its way at start-up: this takes it when it has arrived (the
// bridge asks for frames then), so no frame is drawn before there is a font to draw with.
bool ensure_ui_font();
// Merges a fallback font into the UI font and drops glyphs cached before it existed. Call between
// frames. Takes ownership of `data` (malloc'd).
bool merge_fallback_font(uint8_t* data, int size);

}  // namespace timpush::web
