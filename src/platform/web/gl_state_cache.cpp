// Remembered answers to the GL state queries Dear ImGui's OpenGL backend makes every frame.
//
// The backend reads the blend and scissor state before drawing so that it can put it back after.
// In Chromium each of those reads (WebGL getParameter) is a synchronous round trip to the GPU
// process: on this machine's SwiftShader they took about 1.5 ms of a 3 ms typing frame. The page
// is the only user of its WebGL context and the backend restores exactly what it read, so after
// the first read the answer never changes: it is kept. Every other query goes to GL.
// The backend is compiled with glGetIntegerv renamed to this function (CMakeLists.txt).
// When the page tells the cache it has just made the context, even the first answers need no
// query: a new context starts in the state the specifications give.
#include "platform/web/gl_state_cache.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <iterator>

namespace {

struct CachedQuery {
  GLenum pname;
  int count;  // GLints the query returns
  bool known;
  GLint value[4];
};

CachedQuery g_cached[] = {
    {GL_SCISSOR_BOX, 4, false, {}},        {GL_BLEND_SRC_RGB, 1, false, {}},
    {GL_BLEND_DST_RGB, 1, false, {}},      {GL_BLEND_SRC_ALPHA, 1, false, {}},
    {GL_BLEND_DST_ALPHA, 1, false, {}},    {GL_BLEND_EQUATION_RGB, 1, false, {}},
    {GL_BLEND_EQUATION_ALPHA, 1, false, {}},
};

void set_known(GLenum pname, GLint v0, GLint v1 = 0, GLint v2 = 0, GLint v3 = 0) {
  for (CachedQuery& q : g_cached) {
    if (q.pname != pname) continue;
    q.value[0] = v0;
    q.value[1] = v1;
    q.value[2] = v2;
    q.value[3] = v3;
    q.known = true;
  }
}

}  // namespace

namespace timpush::web {

void gl_state_cache_fresh_context(int drawing_buffer_width, int drawing_buffer_height) {
  // OpenGL ES 3.0.6, table 6.21: blending starts as source ONE, destination ZERO, equation ADD.
  set_known(GL_BLEND_SRC_RGB, GL_ONE);
  set_known(GL_BLEND_SRC_ALPHA, GL_ONE);
  set_known(GL_BLEND_DST_RGB, GL_ZERO);
  set_known(GL_BLEND_DST_ALPHA, GL_ZERO);
  set_known(GL_BLEND_EQUATION_RGB, GL_FUNC_ADD);
  set_known(GL_BLEND_EQUATION_ALPHA, GL_FUNC_ADD);
  // WebGL 1.0, 5.14.4 (kept by WebGL 2.0): the scissor box starts as the whole drawing buffer.
  set_known(GL_SCISSOR_BOX, 0, 0, drawing_buffer_width, drawing_buffer_height);
}

}  // namespace timpush::web

extern "C" void timpush_gl_get_integerv(GLenum pname, GLint* data) {
  auto found = std::find_if(std::begin(g_cached), std::end(g_cached),
                            [pname](const CachedQuery& q) { return q.pname == pname; });
  if (found == std::end(g_cached)) {
    glGetIntegerv(pname, data);
    return;
  }
  if (!found->known) {
    glGetIntegerv(pname, found->value);
    found->known = true;
  }
  std::copy(found->value, found->value + found->count, data);
}
