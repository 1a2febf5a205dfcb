// The page's fonts: the Latin UI font's first part, taken before the first frame, then the rest of
// it and the CJK fallback, merged into it as they arrive after the first frame. ImGui only.
#pragma once

#include <cstdint>

namespace timpush::web {

// True once the atlas has the UI font. The Latin font is fetched by web/bridge.js while the wasm
// downloads and may still be on its way at start-up: this takes it when it has arrived (the
// bridge asks for frames then), so no frame is drawn before there is a font to draw with.
bool ensure_ui_font();
// The fonts fetched after the first frame, numbered as web/bridge.js numbers them. The bridge hands
// them over in this order, so the rest of the Latin font comes before the CJK font's own Latin.
enum class LaterFont { latin_more = 0, cjk = 1 };
// Merges a later font into the UI font and drops glyphs cached before it existed. Call between
// frames. Takes ownership of `data` (malloc'd).
bool merge_later_font(LaterFont which, uint8_t* data, int size);

}  // namespace timpush::web
