#include "server/mime.h"

#include "core/text_util.h"

#include <array>
#include <utility>

namespace timpush::server {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kTypes{{
    {"html", "text/html; charset=utf-8"},
    {"htm", "text/html; charset=utf-8"},
    // RFC 9239 made text/javascript the one registered type for JavaScript.
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    // Browsers stream-compile wasm only when it is served as application/wasm.
    {"wasm", "application/wasm"},
    {"json", "application/json"},
    {"webmanifest", "application/manifest+json"},
    {"map", "application/json"},
    {"txt", "text/plain; charset=utf-8"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"gif", "image/gif"},
    {"ico", "image/x-icon"},
    {"webp", "image/webp"},
    {"ttf", "font/ttf"},
    {"otf", "font/otf"},
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
    {"data", "application/octet-stream"},
}};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string mime_type_for(std::string_view file_name) {
  auto slash = file_name.find_last_of('/');
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  auto dot = file_name.find_last_of('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  std::string ext = core::ascii_lower(file_name.substr(dot + 1));
  for (const auto& [known, type] : kTypes) {
    if (known == ext) return std::string(type);
  }
  return "application/octet-stream";
}

bool is_compressible(std::string_view mime_type) {
  return starts_with(mime_type, "text/") || starts_with(mime_type, "application/wasm") ||
         starts_with(mime_type, "application/json") ||
         starts_with(mime_type, "application/manifest+json") ||
         starts_with(mime_type, "image/svg+xml") || starts_with(mime_type, "font/ttf") ||
         starts_with(mime_type, "font/otf") || starts_with(mime_type, "image/x-icon");
}

bool must_revalidate(std::string_view mime_type) {
  return starts_with(mime_type, "text/html") || starts_with(mime_type, "text/javascript") ||
         starts_with(mime_type, "application/wasm") || starts_with(mime_type, "text/css") ||
         starts_with(mime_type, "application/json") ||
         starts_with(mime_type, "application/manifest+json") || starts_with(mime_type, "font/");
}

}  // namespace timpush::server
