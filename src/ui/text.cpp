#include "ui/text.h"

namespace timpush::ui {

std::string label(Lang lang, const Text& text, const char* suffix) {
  std::string id = text.en;
  if (suffix && *suffix) id += std::string("##") + suffix;
  if (lang == Lang::en) return id;
  return std::string(text.zh) + "###" + id;
}

}  // namespace timpush::ui
