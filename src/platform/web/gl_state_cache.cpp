// Remembered answers to the GL state queries Dear ImGui's OpenGL backend makes every frame.
//
// The backend reads the blend and scissor state before drawing so that it can put it back after.
// In Chromium each of those reads (WebGL getParameter) is a synchronous round trip to the GPU
// process: on this machine's SwiftShader they took about 1.5 ms of a 3 ms typing frame. The page
// is the only user of its WebGL context and the backend restores exactly what it read, so after
// the first read the answer never changes: it is kept. Every other query goes to GL.
// The backend is compiled with glGetIntegerv renamed to this function (CMakeLists.txt).
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

}  // namespace

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
