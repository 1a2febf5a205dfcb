#include "ui/text.h"

namespace timpush::ui {

namespace {
std::string fill_one(std::string out, std::string_view part) {
  size_t at = out.find("{}");
  if (at != std::string::npos) out.replace(at, 2, part);
  return out;
}
}  // namespace

Words fill(Words text, std::string_view part) {
  return {fill_one(text.en, part), fill_one(text.zh, part)};
}

Words fill(Words text, const Words& part) {
  return {fill_one(text.en, part.en), fill_one(text.zh, part.zh)};
}

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
