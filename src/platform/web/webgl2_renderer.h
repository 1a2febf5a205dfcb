// Draws Dear ImGui's frames with WebGL2, using the shaders in shaders/. Web platform only; the
// benchmark's baseline page draws with it too, so the two differ only in what they draw.
//
// The page is the only user of its WebGL context, so the renderer sets its state once and never
// reads GL state back: in Chromium every such read is a synchronous round trip to the GPU process.
#pragma once

struct ImDrawData;
struct ImVec4;

namespace timpush::web {

// Compiles the shaders and makes the buffers, with the WebGL2 context current. Tells Dear ImGui
// that this renderer creates and updates its textures (the font atlas grows as glyphs are used).
// False, with the reason written to the console, when the shaders do not compile.
bool webgl2_renderer_init();

// Clears the drawing buffer to `background`, uploads the textures Dear ImGui asked for, and draws
// the frame. `fb_width` x `fb_height` is the canvas's drawing buffer in device pixels.
void webgl2_renderer_draw(ImDrawData* draw_data, int fb_width, int fb_height, const ImVec4& background);

}  // namespace timpush::web
