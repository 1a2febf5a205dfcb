#version 300 es
// Dear ImGui's triangles: positions in display pixels, one texture coordinate and one colour per
// vertex. The page's display maps to clip space by one scale and one offset (webgl2_renderer.cpp).
uniform vec2 u_scale;
uniform vec2 u_offset;

layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;

out vec2 v_uv;
out vec4 v_color;

void main() {
  v_uv = a_uv;
  v_color = a_color;
  gl_Position = vec4(a_position * u_scale + u_offset, 0.0, 1.0);
}
