# The page's GLSL lives in shaders/ as plain files, for reading and editing with a GLSL-aware
# editor; the build puts it into a header (ui_shaders.h) as string literals, so the wasm carries
# it and nothing is fetched. Editing a shader re-runs this at the next build.
function(timpush_embed_shaders target)
  get_filename_component(_root "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/.." ABSOLUTE)
  foreach(_name ui.vert ui.frag card.vert card.frag)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_root}/shaders/${_name}")
  endforeach()
  file(READ "${_root}/shaders/ui.vert" TIMPUSH_UI_VERTEX_SHADER)
  file(READ "${_root}/shaders/ui.frag" TIMPUSH_UI_FRAGMENT_SHADER)
  file(READ "${_root}/shaders/card.vert" TIMPUSH_CARD_VERTEX_SHADER)
  file(READ "${_root}/shaders/card.frag" TIMPUSH_CARD_FRAGMENT_SHADER)
  set(_out "${CMAKE_CURRENT_BINARY_DIR}/generated/${target}")
  configure_file("${CMAKE_CURRENT_FUNCTION_LIST_DIR}/ui_shaders.h.in" "${_out}/ui_shaders.h" @ONLY)
  target_include_directories(${target} PRIVATE "${_out}")
endfunction()
