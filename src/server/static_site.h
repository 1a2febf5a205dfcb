// The built page's files (index.html, .js, .wasm, fonts) as HTTP representations: path checks,
// MIME type, ETag and revalidation, gzip (a precompressed FILE.gz, or compressed once and cached).
// Knows files and HTTP header values, not the HTTP library, so the server glue stays thin.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace timpush::server {

struct StaticReply {
  int status = 200;  // 200, 304, 404, or 503 (the page is not built)
  std::string content_type;
  std::shared_ptr<const std::string> body;  // null for 304; shared with the cache, never copied
  std::vector<std::pair<std::string, std::string>> headers;  // ETag, Cache-Control, Vary, ...
};

// True when an Accept-Encoding value admits gzip (q > 0, or "*" with gzip not refused).
bool accepts_gzip(std::string_view accept_encoding);

// True when an If-None-Match value names `etag` (weak comparison, as RFC 9110 13.1.2 asks) or "*".
bool etag_matches(std::string_view if_none_match, std::string_view etag);

class StaticSite {
public:
  explicit StaticSite(std::filesystem::path root);

  // Answers GET `url_path` (already percent-decoded, without query). Thread-safe.
  StaticReply get(std::string_view url_path, std::string_view accept_encoding,
                  std::string_view if_none_match);

  // index.html exists under the root.
  bool built() const;
  const std::filesystem::path& root() const { return root_; }

  static constexpr uintmax_t max_file_bytes = 64u << 20;

private:
  struct Entry {
    std::filesystem::file_time_type mtime;
    uintmax_t size = 0;
    std::shared_ptr<const std::string> raw;
    std::string etag;
    std::once_flag gz_once;  // the gzip form is made (or read from FILE.gz) once, on first need
    std::shared_ptr<const std::string> gz;  // null when gzip failed or would not be smaller
  };

  // The file a URL path names inside the root, or an empty path when it names nothing servable.
  std::filesystem::path resolve(std::string_view url_path) const;
  std::shared_ptr<Entry> load(const std::filesystem::path& file);
  std::shared_ptr<const std::string> gzip_of(const std::filesystem::path& file,
                                             const std::shared_ptr<Entry>& entry);
  StaticReply not_built() const;

  std::filesystem::path root_;
  std::filesystem::path canonical_root_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Entry>> cache_;
};

}  // namespace timpush::server
