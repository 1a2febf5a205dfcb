#include "platform/web/webgl2_renderer.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "imgui.h"
#include "ui/card_shape.h"
#include "ui_shaders.h"  // generated from shaders/ (cmake/embed_shaders.cmake)

namespace timpush::web {
namespace {

// Attribute locations, as the vertex shader declares them.
constexpr GLuint kPositionAttribute = 0;
constexpr GLuint kUvAttribute = 1;
constexpr GLuint kColorAttribute = 2;

// 32-bit indices (ImDrawIdx is set in cmake/third_party.cmake): the frame's lists share one
// vertex buffer, so an index counts every vertex of the lists before its own, past 65535.
static_assert(sizeof(ImDrawIdx) == 4, "the renderer joins the frame's lists in one buffer");
constexpr GLenum kIndexType = GL_UNSIGNED_INT;

struct Renderer {
  GLuint program = 0;
  GLuint vertex_array = 0;
  GLuint vertex_buffer = 0;
  GLuint index_buffer = 0;
  GLint scale_uniform = -1;
  GLint offset_uniform = -1;
  // The frame's vertices and indices, every draw list's after the one before, uploaded in one
  // call each: a WebGL call costs far more than copying a list, so a frame makes two uploads
  // rather than two per list (kept between frames so their memory is reused).
  ImVector<ImDrawVert> vertices;
  ImVector<ImDrawIdx> indices;
  // What the last draw set, so a command that keeps the clip rectangle or texture of the one
  // before it makes no call; cleared when a callback may have changed GL's state.
  GLint scissor[4] = {-1, -1, -1, -1};
  GLuint bound_texture = 0;
  // The device cards' program (shaders/card.*), made when the first card is drawn.
  GLuint card_program = 0;
  GLuint card_vertex_array = 0;  // no attributes: the quad comes from gl_VertexID
  bool card_failed = false;
  struct {
    GLint scale, offset, quad, rect, radius, shadow, fill, wall_top, wall_bottom, wall_rect, mode, height;
  } card{};
};
Renderer g_renderer;

// Writes GL's own account of a failed compile or link to the browser console. `read_log` is
// glGetShaderInfoLog or glGetProgramInfoLog.
void report_failure(GLuint object, void (*read_log)(GLuint, GLsizei, GLsizei*, GLchar*), const char* name,
                    const char* what) {
  char log[1024] = "";
  read_log(object, sizeof log, nullptr, log);
  std::fprintf(stderr, "shaders/%s %s: %s\n", name, what, log);
}

GLuint compile_shader(GLenum kind, const char* source, const char* name) {
  const GLuint shader = glCreateShader(kind);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok == GL_TRUE) return shader;
  report_failure(shader, glGetShaderInfoLog, name, "did not compile");
  glDeleteShader(shader);
  return 0;
}

GLuint link_program(const char* vertex_source, const char* fragment_source, const char* name) {
  const GLuint vertex = compile_shader(GL_VERTEX_SHADER, vertex_source, name);
  const GLuint fragment = compile_shader(GL_FRAGMENT_SHADER, fragment_source, name);
  if (!vertex || !fragment) return 0;
  const GLuint program = glCreateProgram();
  glAttachShader(program, vertex);
  glAttachShader(program, fragment);
  glLinkProgram(program);
  glDeleteShader(vertex);  // freed with the program
  glDeleteShader(fragment);
  GLint ok = GL_FALSE;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (ok == GL_TRUE) return program;
  report_failure(program, glGetProgramInfoLog, name, "did not link");
  glDeleteProgram(program);
  return 0;
}

// Everything a frame relies on that no frame changes: set at start, and again if a draw callback
// asks for it (ImDrawCallback_ResetRenderState).
void apply_render_state() {
  const Renderer& r = g_renderer;
  glUseProgram(r.program);
  glBindVertexArray(r.vertex_array);
  glBindBuffer(GL_ARRAY_BUFFER, r.vertex_buffer);
  glActiveTexture(GL_TEXTURE0);
  // Straight (not premultiplied) alpha, over an opaque canvas.
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
}

void make_vertex_array() {
  Renderer& r = g_renderer;
  glGenVertexArrays(1, &r.vertex_array);
  glGenBuffers(1, &r.vertex_buffer);
  glGenBuffers(1, &r.index_buffer);
  glBindVertexArray(r.vertex_array);
  glBindBuffer(GL_ARRAY_BUFFER, r.vertex_buffer);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.index_buffer);  // kept by the vertex array
  const GLsizei stride = sizeof(ImDrawVert);
  glEnableVertexAttribArray(kPositionAttribute);
  glVertexAttribPointer(kPositionAttribute, 2, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offsetof(ImDrawVert, pos)));
  glEnableVertexAttribArray(kUvAttribute);
  glVertexAttribPointer(kUvAttribute, 2, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offsetof(ImDrawVert, uv)));
  glEnableVertexAttribArray(kColorAttribute);
  glVertexAttribPointer(kColorAttribute, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                        reinterpret_cast<const void*>(offsetof(ImDrawVert, col)));
}

GLuint gl_texture_of(ImTextureID id) { return static_cast<GLuint>(static_cast<std::uintptr_t>(id)); }

void create_texture(ImTextureData& tex) {
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  // Bilinear: Dear ImGui draws its anti-aliased lines from textured strips in the atlas.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, tex.Width, tex.Height, 0, GL_RGBA, GL_UNSIGNED_BYTE, tex.GetPixels());
  tex.SetTexID(static_cast<ImTextureID>(texture));
  tex.SetStatus(ImTextureStatus_OK);
}

void update_texture(ImTextureData& tex) {
  glBindTexture(GL_TEXTURE_2D, gl_texture_of(tex.TexID));
  // Each update is a rectangle of the atlas's pixels, whose rows are the whole atlas wide (RGBA
  // rows are whole 4-byte words, so the default unpack alignment of 4 fits).
  glPixelStorei(GL_UNPACK_ROW_LENGTH, tex.Width);
  for (const ImTextureRect& rect : tex.Updates)
    glTexSubImage2D(GL_TEXTURE_2D, 0, rect.x, rect.y, rect.w, rect.h, GL_RGBA, GL_UNSIGNED_BYTE,
                    tex.GetPixelsAt(rect.x, rect.y));
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  tex.SetStatus(ImTextureStatus_OK);
}

void destroy_texture(ImTextureData& tex) {
  const GLuint texture = gl_texture_of(tex.TexID);
  glDeleteTextures(1, &texture);
  tex.SetTexID(ImTextureID_Invalid);
  tex.SetStatus(ImTextureStatus_Destroyed);
}

void carry_out_texture_requests(const ImVector<ImTextureData*>& textures) {
  for (ImTextureData* tex : textures) {
    switch (tex->Status) {
      case ImTextureStatus_WantCreate: create_texture(*tex); break;
      case ImTextureStatus_WantUpdates: update_texture(*tex); break;
      // Dear ImGui may still draw with it this frame until it has gone unused for one.
      case ImTextureStatus_WantDestroy:
        if (tex->UnusedFrames > 0) destroy_texture(*tex);
        break;
      default: break;
    }
  }
}

// Maps the display rectangle Dear ImGui drew in (logical pixels) onto clip space, y downwards.
void set_projection(const ImDrawData& data, GLint scale_uniform = g_renderer.scale_uniform,
                    GLint offset_uniform = g_renderer.offset_uniform) {
  const float left = data.DisplayPos.x;
  const float right = data.DisplayPos.x + data.DisplaySize.x;
  const float top = data.DisplayPos.y;
  const float bottom = data.DisplayPos.y + data.DisplaySize.y;
  glUniform2f(scale_uniform, 2.0f / (right - left), 2.0f / (top - bottom));
  glUniform2f(offset_uniform, -(right + left) / (right - left), (top + bottom) / (bottom - top));
}

// The command's clip rectangle in drawing-buffer pixels (GL counts rows from the bottom); false
// when nothing of it is on the canvas.
bool set_scissor(const ImDrawData& data, const ImDrawCmd& cmd, int fb_width, int fb_height) {
  const ImVec2 scale = data.FramebufferScale;
  const float x0 = std::max(0.0f, (cmd.ClipRect.x - data.DisplayPos.x) * scale.x);
  const float y0 = std::max(0.0f, (cmd.ClipRect.y - data.DisplayPos.y) * scale.y);
  const float x1 = std::min(static_cast<float>(fb_width), (cmd.ClipRect.z - data.DisplayPos.x) * scale.x);
  const float y1 = std::min(static_cast<float>(fb_height), (cmd.ClipRect.w - data.DisplayPos.y) * scale.y);
  if (x1 <= x0 || y1 <= y0) return false;
  const GLint rect[4] = {static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(fb_height) - y1),
                         static_cast<GLint>(x1 - x0), static_cast<GLint>(y1 - y0)};
  GLint* last = g_renderer.scissor;
  if (std::equal(rect, rect + 4, last)) return true;
  std::copy(rect, rect + 4, last);
  glScissor(rect[0], rect[1], rect[2], rect[3]);
  return true;
}

bool card_program_ready() {
  Renderer& r = g_renderer;
  if (r.card_program || r.card_failed) return r.card_program != 0;
  r.card_program = link_program(shaders::kCardVertex, shaders::kCardFragment, "card.vert + card.frag");
  if (!r.card_program) {
    r.card_failed = true;  // said once on the console; the cards then show their text alone
    return false;
  }
  const GLuint p = r.card_program;
  r.card = {glGetUniformLocation(p, "u_scale"),     glGetUniformLocation(p, "u_offset"),
            glGetUniformLocation(p, "u_quad"),      glGetUniformLocation(p, "u_rect"),
            glGetUniformLocation(p, "u_radius"),    glGetUniformLocation(p, "u_shadow"),
            glGetUniformLocation(p, "u_fill"),      glGetUniformLocation(p, "u_wall_top"),
            glGetUniformLocation(p, "u_wall_bottom"), glGetUniformLocation(p, "u_wall_rect"),
            glGetUniformLocation(p, "u_mode"),      glGetUniformLocation(p, "u_height")};
  glGenVertexArrays(1, &r.card_vertex_array);
  return true;
}

// One card (ui/card_shape.h) in its clip rectangle, then Dear ImGui's state back.
void draw_card(const ImDrawData& data, const ImDrawCmd& cmd, int fb_width, int fb_height) {
  if (cmd.UserCallbackDataSize != static_cast<int>(sizeof(ui::CardShape)) || !card_program_ready()) return;
  if (!set_scissor(data, cmd, fb_width, fb_height)) return;
  ui::CardShape shape;
  std::memcpy(&shape, cmd.UserCallbackData, sizeof shape);
  const Renderer& r = g_renderer;
  const ImVec2 scale = data.FramebufferScale;
  const ImVec2 origin = data.DisplayPos;
  auto fb = [&](ImVec2 a, ImVec2 b, GLint uniform) {
    glUniform4f(uniform, (a.x - origin.x) * scale.x, (a.y - origin.y) * scale.y, (b.x - origin.x) * scale.x,
                (b.y - origin.y) * scale.y);
  };
  const float reach = shape.reach();
  glUseProgram(r.card_program);
  glBindVertexArray(r.card_vertex_array);
  set_projection(data, r.card.scale, r.card.offset);
  glUniform4f(r.card.quad, shape.min.x - reach, shape.min.y - reach, shape.max.x + reach, shape.max.y + reach);
  fb(shape.min, shape.max, r.card.rect);
  fb(shape.wall_min, shape.wall_max, r.card.wall_rect);
  glUniform1f(r.card.radius, shape.radius * scale.x);
  glUniform1f(r.card.shadow, shape.shadow * scale.x);
  glUniform4f(r.card.fill, shape.fill.x, shape.fill.y, shape.fill.z, shape.fill.w);
  glUniform4f(r.card.wall_top, shape.wall_top.x, shape.wall_top.y, shape.wall_top.z, shape.wall_top.w);
  glUniform4f(r.card.wall_bottom, shape.wall_bottom.x, shape.wall_bottom.y, shape.wall_bottom.z, shape.wall_bottom.w);
  glUniform1i(r.card.mode, static_cast<int>(shape.mode));
  glUniform1f(r.card.height, static_cast<float>(fb_height));
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  // A card changes only which program and vertex array are bound (blending, the scissor test and
  // the texture stay; a program keeps its own uniforms), so those two are all it gives back.
  glUseProgram(r.program);
  glBindVertexArray(r.vertex_array);
}

// Copies every list of the frame into the shared buffers and uploads them. No base vertex in
// WebGL2 (Dear ImGui is told so: no RendererHasVtxOffset, so VtxOffset is 0): each index is
// offset here by the vertices of the lists before its own.
void upload_lists(const ImDrawData& data) {
  Renderer& r = g_renderer;
  r.vertices.resize(data.TotalVtxCount);
  r.indices.resize(data.TotalIdxCount);
  ImDrawVert* vtx = r.vertices.Data;
  ImDrawIdx* idx = r.indices.Data;
  ImDrawIdx base = 0;
  for (const ImDrawList* list : data.CmdLists) {
    std::memcpy(vtx, list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    vtx += list->VtxBuffer.Size;
    for (const ImDrawIdx i : list->IdxBuffer) *idx++ = static_cast<ImDrawIdx>(i + base);
    base = static_cast<ImDrawIdx>(base + list->VtxBuffer.Size);
  }
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(r.vertices.size_in_bytes()), r.vertices.Data, GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(r.indices.size_in_bytes()), r.indices.Data,
               GL_STREAM_DRAW);
}

void forget_bindings() {
  Renderer& r = g_renderer;
  std::fill(r.scissor, r.scissor + 4, -1);
  r.bound_texture = 0;
}

// One list's commands; `first_index` is where its indices start in the frame's index buffer.
void draw_list(const ImDrawData& data, const ImDrawList& list, size_t first_index, int fb_width, int fb_height) {
  Renderer& r = g_renderer;
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    if (cmd.UserCallback) {
      if (cmd.UserCallback == ui::card_shape_callback) {
        draw_card(data, cmd, fb_width, fb_height);  // gives back the program and vertex array itself
        continue;
      }
      if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
        apply_render_state();
        set_projection(data);
      } else {
        cmd.UserCallback(&list, &cmd);
      }
      forget_bindings();
      continue;
    }
    if (!set_scissor(data, cmd, fb_width, fb_height)) continue;
    const GLuint texture = gl_texture_of(cmd.GetTexID());
    if (texture != r.bound_texture) {
      glBindTexture(GL_TEXTURE_2D, texture);
      r.bound_texture = texture;
    }
    const size_t offset = (first_index + cmd.IdxOffset) * sizeof(ImDrawIdx);
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), kIndexType,
                   reinterpret_cast<const void*>(static_cast<std::uintptr_t>(offset)));
  }
}

}  // namespace

bool webgl2_renderer_init() {
  Renderer& r = g_renderer;
  r.program = link_program(shaders::kUiVertex, shaders::kUiFragment, "ui.vert + ui.frag");
  if (!r.program) return false;
  r.scale_uniform = glGetUniformLocation(r.program, "u_scale");
  r.offset_uniform = glGetUniformLocation(r.program, "u_offset");
  make_vertex_array();
  apply_render_state();
  glUniform1i(glGetUniformLocation(r.program, "u_texture"), 0);

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "timpush_webgl2";
  io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
  GLint max_texture_size = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_texture_size);
  ImGuiPlatformIO& platform_io = ImGui::GetPlatformIO();
  platform_io.Renderer_TextureMaxWidth = platform_io.Renderer_TextureMaxHeight = max_texture_size;
  return true;
}

void webgl2_renderer_draw(ImDrawData* draw_data, int fb_width, int fb_height, const ImVec4& background) {
  glViewport(0, 0, fb_width, fb_height);
  glDisable(GL_SCISSOR_TEST);  // the clear covers the whole canvas
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_SCISSOR_TEST);
  if (!draw_data) return;
  forget_bindings();  // the clear and the texture updates bind and set what they need
  if (draw_data->Textures) carry_out_texture_requests(*draw_data->Textures);
  if (fb_width <= 0 || fb_height <= 0 || draw_data->DisplaySize.x <= 0 || draw_data->DisplaySize.y <= 0) return;
  set_projection(*draw_data);
  upload_lists(*draw_data);
  size_t first_index = 0;
  for (const ImDrawList* list : draw_data->CmdLists) {
    draw_list(*draw_data, *list, first_index, fb_width, fb_height);
    first_index += static_cast<size_t>(list->IdxBuffer.Size);
  }
}

}  // namespace timpush::web
