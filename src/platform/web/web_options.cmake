# The emcc options of the composer page, shared with the benchmark's baseline (bench/baseline), so
# that the two are built alike and differ only in what they draw.
# Size first: the page must come down fast; -Oz costs little speed in an ImGui frame (measured in
# scripts/bench-page.sh).
# Nothing on the page catches a C++ exception or asks for a type at run time (emscripten catches
# none by default anyway), so neither is compiled in.
set(TIMPUSH_WEB_COMPILE_OPTIONS -Oz -flto -fno-exceptions -fno-rtti)
set(TIMPUSH_WEB_LINK_OPTIONS
  -Oz -flto
  -sUSE_GLFW=3
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  # The page is served with a CSP that forbids eval and inline scripts.
  -sDYNAMIC_EXECUTION=0
  -sENVIRONMENT=web
  -sEXIT_RUNTIME=0
  -sFILESYSTEM=0
  -sMALLOC=emmalloc
  # emcc's HTML minifier crashes at -O1 and above; the shell is ours anyway.
  -sMINIFY_HTML=0)

# Closure Compiler (npm google-closure-compiler 20220104, the release emscripten 3.1.6 was made
# with; package.json) shrinks the JS by about a third. Without node_modules the build goes on
# without it. JS the wasm side holds (EM_JS) must quote the bridge's property names.
set(TIMPUSH_CLOSURE_COMPILER "${CMAKE_CURRENT_LIST_DIR}/../../../node_modules/.bin/google-closure-compiler")
get_filename_component(TIMPUSH_CLOSURE_COMPILER "${TIMPUSH_CLOSURE_COMPILER}" ABSOLUTE)
function(timpush_web_closure target)
  if(EXISTS "${TIMPUSH_CLOSURE_COMPILER}")
    target_link_options(${target} PRIVATE --closure 1)
    set_target_properties(${target} PROPERTIES CXX_LINKER_LAUNCHER
      "${CMAKE_COMMAND};-E;env;EM_CLOSURE_COMPILER=${TIMPUSH_CLOSURE_COMPILER}")
  else()
    message(STATUS "${target}: no Closure Compiler (run npm ci); JS left unminified by Closure")
  endif()
endfunction()
