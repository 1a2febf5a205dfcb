#include "ui/text.h"

namespace timpush::ui {

std::string label(Lang lang, const Text& text, const char* suffix) {
  std::string id = text.en;
  if (suffix && *suffix) id += std::string("##") + suffix;
  if (lang == Lang::en) return id;
  return std::string(text.zh) + "###" + id;
}

std::string stable_label(Lang lang, const Text& text) {
  return std::string(tr(lang, text)) + "###" + text.en;
}

}  // namespace timpush::ui
