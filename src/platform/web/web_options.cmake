# The emcc options of the composer page, shared with the benchmark's baseline (bench/baseline), so
# that the two are built alike and differ only in what they draw.
# Size first: the page must come down fast; -Oz costs little speed in an ImGui frame (measured in
# scripts/bench-page.sh).
set(TIMPUSH_WEB_COMPILE_OPTIONS -Oz -flto)
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
