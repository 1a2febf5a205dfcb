// Remembered answers to the GL state queries Dear ImGui's OpenGL backend makes every frame, so
// that they cost no round trip to the browser's GPU process (gl_state_cache.cpp). Web platform only.
#pragma once

namespace timpush::web {

// The page has just made its WebGL2 context, with a drawing buffer of this size: the blend and
// scissor state are WebGL's initial state, known without asking.
void gl_state_cache_fresh_context(int drawing_buffer_width, int drawing_buffer_height);

}  // namespace timpush::web
