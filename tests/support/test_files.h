// Reading the test data shared by the unit and server suites (tests/data). Test-only helpers;
// nothing here is used by the program.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace timpush::test {

// The whole file as bytes, or "" when it cannot be opened (the caller's checks then fail).
inline std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// The product document's examples carry `//` comments, which JSON does not allow: remove them,
// leaving `//` inside strings (URLs) alone.
inline std::string strip_line_comments(const std::string& text) {
  std::string out;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) out += text[++i];
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
      out += c;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
      if (i < text.size()) out += '\n';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace timpush::test
