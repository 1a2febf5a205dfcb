# Writes the lessons' index the page reads (core/lesson_progress.h): {"schema":1,"files":[...]},
# the lesson files' names in name order. Run by the web build:
#   cmake -DOUT=site/lessons/index.json "-DFILES=a.json|b.json" -P lessons_index.cmake
string(REPLACE "|" ";" _files "${FILES}")
set(_names "")
foreach(_f ${_files})
  get_filename_component(_name "${_f}" NAME)
  list(APPEND _names "\"${_name}\"")
endforeach()
list(SORT _names)
list(JOIN _names "," _joined)
file(WRITE "${OUT}" "{\"schema\":1,\"files\":[${_joined}]}\n")
