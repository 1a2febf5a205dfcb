#version 300 es
// One quad per device card (src/ui/card_shape.h): the card's rectangle grown by its shadow's
// reach, in display pixels, made from the vertex number alone (no vertex buffer). The page's
// display maps to clip space by the same scale and offset as Dear ImGui's triangles.
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec4 u_quad;  // x0, y0, x1, y1

void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
  gl_Position = vec4(mix(u_quad.xy, u_quad.zw, corner) * u_scale + u_offset, 0.0, 1.0);
}
