// libFuzzer target: any URL path (first line), Accept-Encoding (second) and If-None-Match (third)
// through StaticSite::get over a small site built in a temporary folder. The folder beside the
// root holds a file, and the root holds links to it; no path may ever serve it, and a file that
// is served is one of the root's own, byte for byte.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "fuzz_support.h"
#include "server/static_site.h"

namespace fs = std::filesystem;
using timpush::server::StaticSite;

namespace {
const std::string outside_text = "outside the root: never served\n";
std::map<std::string, std::string> inside;  // file name under the root -> content
std::unique_ptr<StaticSite> site;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fs::path base = fs::temp_directory_path() / ("timpush-static-fuzz-" + std::to_string(getpid()));
  fs::remove_all(base);
  fs::path root = base / "site";
  inside = {{"index.html", "<!doctype html><title>t</title>\n"},
            {"timpush.js", "console.log('page');\n"},
            {"timpush.wasm", std::string("\0asm\1\0\0\0", 8)},
            {"fonts/a.ttf", "font bytes"},
            {"docs/index.html", "<p>docs</p>\n"}};
  for (const auto& [name, text] : inside) write(root / name, text);
  write(base / "secret.txt", outside_text);
  write(base / "private" / "key.txt", outside_text);
  fs::create_symlink(base / "secret.txt", root / "secret.txt");
  fs::create_symlink("../private", root / "private");
  fs::create_symlink("/etc/passwd", root / "passwd");
  site = std::make_unique<StaticSite>(root);
  std::atexit([] { std::error_code ec; fs::remove_all(site->root().parent_path(), ec); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto fields = timpush::fuzz::split_fields(timpush::fuzz::as_text(data, size), 3);
  timpush::server::accepts_gzip(fields[1]);
  timpush::server::etag_matches(fields[2], "\"abc\"");
  auto reply = site->get(fields[0], fields[1], fields[2]);
  FUZZ_ENSURE(reply.status == 200 || reply.status == 304 || reply.status == 404);
  if (reply.status != 200) return 0;
  FUZZ_ENSURE(reply.body != nullptr);
  bool gzipped = false;
  for (const auto& [name, value] : reply.headers) gzipped |= name == "Content-Encoding" && value == "gzip";
  FUZZ_ENSURE(reply.body->find("outside the root") == std::string::npos);
  if (gzipped) return 0;
  bool known = false;
  for (const auto& [name, text] : inside) known |= *reply.body == text;
  FUZZ_ENSURE(known);
  return 0;
}
