// The URL splitting and redaction of redact.h.
#include "core/redact.h"

#include <algorithm>
#include <cctype>

namespace timpush::core {

namespace {
char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

std::string strip_query(std::string_view text) {
  size_t end = text.find_first_of("?#");
  return std::string(text.substr(0, end == std::string_view::npos ? text.size() : end));
}

SplitUrl split_request_url(std::string_view url) {
  std::string clean = strip_query(url);
  size_t path_start = 0;
  if (size_t scheme = clean.find("://"); scheme != std::string::npos) {
    path_start = clean.find('/', scheme + 3);
    if (path_start == std::string::npos) return {clean, ""};
  }
  size_t v4 = clean.find("/v4/", path_start);
  size_t cut = v4 != std::string::npos ? v4 : path_start;
  SplitUrl out;
  out.base = clean.substr(0, cut);
  out.api = clean.substr(cut);
  while (!out.api.empty() && out.api.front() == '/') out.api.erase(out.api.begin());
  return out;
}

std::string redact(std::string_view text, const std::vector<std::string>& secrets) {
  std::string out;
  out.reserve(text.size());
  constexpr std::string_view param = "usersig=";
  size_t i = 0;
  while (i < text.size()) {
    bool at_param = text.size() - i >= param.size() &&
                    (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_')) &&
                    std::equal(param.begin(), param.end(), text.begin() + static_cast<std::ptrdiff_t>(i),
                               [](char a, char b) { return fold(a) == b; });
    if (!at_param) {
      out += text[i++];
      continue;
    }
    out.append(text.substr(i, param.size()));
    i += param.size();
    size_t end = i;
    while (end < text.size() && std::string_view("&#\"' \t\r\n<>").find(text[end]) == std::string_view::npos)
      ++end;
    if (end > i) out += "***";
    i = end;
  }
  for (const auto& secret : secrets) {
    // A short "secret" would blank out ordinary words; real keys and UserSigs are far longer.
    if (secret.size() < 8) continue;
    for (size_t at = out.find(secret); at != std::string::npos; at = out.find(secret, at))
      out.replace(at, secret.size(), "[redacted]");
  }
  return out;
}

}  // namespace timpush::core
