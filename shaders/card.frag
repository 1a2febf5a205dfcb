#version 300 es
// A device card: a rounded rectangle with a soft shadow, or the phone's wallpaper, or the iOS
// banner's frosted glass (the wallpaper behind it, blurred, under a tint). Everything is computed
// per framebuffer pixel from a signed distance, so edges stay crisp at any pixel ratio.
precision highp float;

uniform vec4 u_rect;       // the card, framebuffer pixels from the top left: x0, y0, x1, y1
uniform float u_radius;    // corner radius, framebuffer pixels
uniform float u_shadow;    // shadow blur, framebuffer pixels (0: none)
uniform vec4 u_fill;       // straight alpha
uniform vec4 u_wall_top;   // the wallpaper's two colours
uniform vec4 u_wall_bottom;
uniform vec4 u_wall_rect;  // the wallpaper's extent (the phone's screen), for the blur's samples
uniform int u_mode;        // 0 card, 1 wallpaper, 2 frosted over the wallpaper
uniform float u_height;    // framebuffer height: gl_FragCoord counts from the bottom

out vec4 out_color;

float rounded_box(vec2 p, vec4 rect, float radius) {
  vec2 centre = (rect.xy + rect.zw) * 0.5;
  vec2 half_size = (rect.zw - rect.xy) * 0.5;
  vec2 q = abs(p - centre) - half_size + radius;
  return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - radius;
}

// A soft two-colour gradient with two glows, so that a blur of it is visibly a blur.
vec3 wallpaper(vec2 p) {
  vec2 uv = clamp((p - u_wall_rect.xy) / max(u_wall_rect.zw - u_wall_rect.xy, vec2(1.0)), 0.0, 1.0);
  vec3 colour = mix(u_wall_top.rgb, u_wall_bottom.rgb, uv.y);
  colour += 0.35 * exp(-12.0 * dot(uv - vec2(0.25, 0.3), uv - vec2(0.25, 0.3))) * vec3(1.0, 0.75, 0.45);
  colour += 0.30 * exp(-10.0 * dot(uv - vec2(0.8, 0.75), uv - vec2(0.8, 0.75))) * vec3(0.4, 0.7, 1.0);
  return colour;
}

// The wallpaper behind p, blurred over `reach` pixels: a 5x5 tent of samples.
vec3 blurred_wallpaper(vec2 p, float reach) {
  vec3 sum = vec3(0.0);
  float total = 0.0;
  for (int i = -2; i <= 2; ++i) {
    for (int j = -2; j <= 2; ++j) {
      float w = (3.0 - abs(float(i))) * (3.0 - abs(float(j)));
      sum += w * wallpaper(p + vec2(float(i), float(j)) * reach * 0.5);
      total += w;
    }
  }
  return sum / total;
}

void main() {
  vec2 p = vec2(gl_FragCoord.x, u_height - gl_FragCoord.y);
  float d = rounded_box(p, u_rect, u_radius);
  float inside = clamp(0.5 - d, 0.0, 1.0);  // one pixel of anti-aliasing
  vec4 shape;
  if (u_mode == 1) {
    shape = vec4(wallpaper(p), 1.0);
  } else if (u_mode == 2) {
    shape = vec4(mix(blurred_wallpaper(p, 24.0), u_fill.rgb, u_fill.a), 1.0);
  } else {
    shape = u_fill;
  }
  float shadow = 0.0;
  if (u_shadow > 0.0) {
    float ds = rounded_box(p - vec2(0.0, u_shadow * 0.35), u_rect, u_radius);
    shadow = 0.28 * (1.0 - smoothstep(-u_shadow * 0.5, u_shadow, ds));
  }
  float alpha = shape.a * inside;
  // The card over its own shadow, straight alpha.
  float out_alpha = alpha + shadow * (1.0 - alpha);
  vec3 colour = out_alpha > 0.0 ? shape.rgb * alpha / out_alpha : vec3(0.0);
  out_color = vec4(colour, out_alpha);
}
