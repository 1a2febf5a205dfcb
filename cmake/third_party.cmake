# Targets for the libraries compiled from the Debian source packages in third_party/.
# The native and the wasm build compile the very same files, so both sign and compress alike.
set(_tp "${TIMPUSH_THIRD_PARTY}")
foreach(_dir zlib mbedtls imgui include)
  if(NOT EXISTS "${_tp}/${_dir}")
    message(FATAL_ERROR "third_party/${_dir} is missing: run scripts/setup.sh first")
  endif()
endforeach()

# nlohmann/json (and doctest's header) from a folder of their own: a wasm build must never see
# /usr/include, whose glibc headers would shadow emscripten's libc.
add_library(tp_json INTERFACE)
target_include_directories(tp_json SYSTEM INTERFACE "${_tp}/include")
target_compile_definitions(tp_json INTERFACE JSON_USE_IMPLICIT_CONVERSIONS=0)
if(EMSCRIPTEN)
  # The page catches no C++ exceptions (emscripten's default), so a throw there already ends the
  # program; JSON_NOEXCEPTION makes that an abort without building the exception's message first,
  # which takes a good part of nlohmann's code out of the wasm. The core never relies on a throw.
  target_compile_definitions(tp_json INTERFACE JSON_NOEXCEPTION)
endif()

# zlib 1.2.13: only what compress/uncompress need, no gz* file functions.
add_library(tp_zlib STATIC
  ${_tp}/zlib/adler32.c ${_tp}/zlib/compress.c ${_tp}/zlib/crc32.c ${_tp}/zlib/deflate.c
  ${_tp}/zlib/inffast.c ${_tp}/zlib/inflate.c ${_tp}/zlib/inftrees.c ${_tp}/zlib/trees.c
  ${_tp}/zlib/uncompr.c ${_tp}/zlib/zutil.c)
target_include_directories(tp_zlib SYSTEM PUBLIC "${_tp}/zlib")
target_compile_definitions(tp_zlib PRIVATE HAVE_UNISTD_H=1)
if(EMSCRIPTEN)
  # The page only writes and reads zlib streams (UserSig); without gzip framing, CRC-32 and its
  # tables stay out of the wasm. The native server keeps gzip for the files it serves.
  target_compile_definitions(tp_zlib PRIVATE NO_GZIP)
endif()
set_target_properties(tp_zlib PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_compile_options(tp_zlib PRIVATE ${TIMPUSH_LIBRARY_OPTIONS})

# mbedtls 2.28: the message-digest layer with SHA-256 only (for HMAC-SHA256), configured by
# cmake/mbedtls_config.h.
add_library(tp_mbedcrypto STATIC
  ${_tp}/mbedtls/library/md.c ${_tp}/mbedtls/library/sha256.c
  ${_tp}/mbedtls/library/platform_util.c)
target_include_directories(tp_mbedcrypto SYSTEM PUBLIC "${_tp}/mbedtls/include" "${CMAKE_SOURCE_DIR}/cmake")
target_compile_definitions(tp_mbedcrypto PUBLIC MBEDTLS_CONFIG_FILE="mbedtls_config.h")
set_target_properties(tp_mbedcrypto PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_compile_options(tp_mbedcrypto PRIVATE ${TIMPUSH_LIBRARY_OPTIONS})

# Dear ImGui 1.92: the library, std::string helpers, and the test-engine hooks it calls.
# Items report their ID, label and rectangle to those hooks (src/ui/imgui_hooks.cpp, compiled in
# here so imgui needs nothing of timpush_ui); they forward to the item registry, which the page's
# automation hook (window.timpush) and the browser tests read. Backends are added by the web
# platform.
add_library(tp_imgui STATIC
  ${_tp}/imgui/imgui.cpp ${_tp}/imgui/imgui_draw.cpp ${_tp}/imgui/imgui_tables.cpp
  ${_tp}/imgui/imgui_widgets.cpp ${_tp}/imgui/misc/cpp/imgui_stdlib.cpp
  "${CMAKE_SOURCE_DIR}/src/ui/imgui_hooks.cpp")
target_include_directories(tp_imgui SYSTEM PUBLIC "${_tp}/imgui" "${_tp}/imgui/misc/cpp")
target_include_directories(tp_imgui PRIVATE "${CMAKE_SOURCE_DIR}/src")
# 32-bit indices: the page's renderer draws a frame's lists from one shared vertex buffer.
target_compile_definitions(tp_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_ENABLE_TEST_ENGINE
  "ImDrawIdx=unsigned int")
target_compile_options(tp_imgui PRIVATE ${TIMPUSH_LIBRARY_OPTIONS})
if(EMSCRIPTEN)
  # The page never shows ImGui's demo, metrics or debug-log windows, and has no file system. It
  # fetches its fonts (src/platform/web/CMakeLists.txt fails the build without them), so the wasm
  # need not carry Dear ImGui's own font (about 10 KB, most of it incompressible).
  target_compile_definitions(tp_imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS
    IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_DISABLE_DEFAULT_FONT)
endif()
set(TIMPUSH_IMGUI_DIR "${_tp}/imgui")

# cpp-httplib 0.41 (sid), header-only, for the native server and relay. Every translation unit
# that includes httplib.h sees the same definitions through this target, so the classes agree.
# No CPPHTTPLIB_ZLIB_SUPPORT: the server compresses its own files and never inflates requests.
if(NOT EMSCRIPTEN)
  if(NOT EXISTS "${_tp}/httplib/httplib.h")
    message(FATAL_ERROR "third_party/httplib is missing: run scripts/setup.sh first")
  endif()
  find_package(OpenSSL 3 REQUIRED)
  find_package(Threads REQUIRED)
  add_library(tp_httplib INTERFACE)
  target_include_directories(tp_httplib SYSTEM INTERFACE "${_tp}/httplib")
  # The relay speaks TLS to the region hosts.
  target_compile_definitions(tp_httplib INTERFACE CPPHTTPLIB_OPENSSL_SUPPORT)
  target_link_libraries(tp_httplib INTERFACE OpenSSL::SSL OpenSSL::Crypto Threads::Threads)
endif()
