#include "server/static_site.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include "core/text_util.h"
#include "server/gzip.h"
#include "server/mime.h"

namespace timpush::server {

namespace fs = std::filesystem;

namespace {

using core::trim;  // HTTP list items: optional whitespace around each

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Splits a header list on commas (none of the values we read contain quoted commas that matter).
std::vector<std::string_view> split_list(std::string_view s) {
  std::vector<std::string_view> out;
  while (true) {
    auto comma = s.find(',');
    auto item = trim(s.substr(0, comma));
    if (!item.empty()) out.push_back(item);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

// q value of one Accept-Encoding item ("gzip;q=0.5"); 1 when absent, 0 when unreadable.
double quality(std::string_view params) {
  while (!params.empty()) {
    auto semi = params.find(';');
    auto param = trim(params.substr(0, semi));
    if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
      std::string value(param.substr(2));
      char* end = nullptr;
      double q = std::strtod(value.c_str(), &end);
      return (end && *end == '\0') ? q : 0;
    }
    if (semi == std::string_view::npos) break;
    params.remove_prefix(semi + 1);
  }
  return 1;
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(out).str();
}


std::string hex(uint64_t v) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), digits[v & 15]);
    v >>= 4;
  } while (v);
  return out;
}

const char kNotBuiltPage[] =
    "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>timpush: page not built</title></head><body>\n"
    "<h1>The composer page is not built yet</h1>\n"
    "<p>This server found no index.html in its site folder. Build the page, then reload:</p>\n"
    "<pre>scripts/build-web.sh</pre>\n"
    "<p>It writes build/web/site; serve it with <code>timpush serve --root build/web/site</code>"
    " (scripts/run.sh does all of this). The sandbox API at /sandbox/v4/timpush/push works "
    "without the page.</p>\n"
    "<h1 lang=\"zh\">\xe9\xa1\xb5\xe9\x9d\xa2\xe5\xb0\x9a\xe6\x9c\xaa\xe6\x9e\x84\xe5\xbb\xba</h1>\n"
    "<p lang=\"zh\">\xe8\xaf\xb7\xe5\x85\x88\xe8\xbf\x90\xe8\xa1\x8c scripts/build-web.sh"
    "\xef\xbc\x8c\xe5\x86\x8d\xe5\x88\xb7\xe6\x96\xb0\xe6\x9c\xac\xe9\xa1\xb5\xe3\x80\x82</p>\n"
    "</body></html>\n";

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  std::optional<double> gzip_q, star_q;
  for (auto item : split_list(accept_encoding)) {
    auto semi = item.find(';');
    auto coding = trim(item.substr(0, semi));
    double q = semi == std::string_view::npos ? 1 : quality(item.substr(semi + 1));
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) gzip_q = q;
    if (coding == "*") star_q = q;
  }
  if (gzip_q) return *gzip_q > 0;
  return star_q && *star_q > 0;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  auto strip_weak = [](std::string_view t) {
    if (t.substr(0, 2) == "W/") t.remove_prefix(2);
    return t;
  };
  for (auto item : split_list(if_none_match)) {
    if (item == "*" || strip_weak(item) == strip_weak(etag)) return true;
  }
  return false;
}

StaticSite::StaticSite(fs::path root) : root_(std::move(root)) {
  std::error_code ec;
  canonical_root_ = fs::weakly_canonical(fs::absolute(root_, ec), ec);
}

bool StaticSite::built() const {
  std::error_code ec;
  return fs::is_regular_file(root_ / "index.html", ec);
}

fs::path StaticSite::resolve(std::string_view url_path) const {
  if (url_path.empty() || url_path.front() != '/') return {};
  if (url_path.find('\0') != std::string_view::npos ||
      url_path.find('\\') != std::string_view::npos) {
    return {};
  }
  fs::path relative;
  std::string_view rest = url_path.substr(1);
  while (!rest.empty()) {
    auto slash = rest.find('/');
    auto segment = rest.substr(0, slash);
    // "..", "." and hidden names (.git, .env) never name a page asset.
    if (!segment.empty() && segment.front() == '.') return {};
    if (!segment.empty()) relative /= fs::path(std::string(segment));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  if (url_path.back() == '/') relative /= "index.html";
  fs::path candidate = canonical_root_ / relative;
  std::error_code ec;
  fs::path real = fs::weakly_canonical(candidate, ec);
  if (ec) return {};
  // A symbolic link inside the root may point outside it: compare the real paths.
  auto root_str = canonical_root_.native();
  auto real_str = real.native();
  if (real_str.size() <= root_str.size() || real_str.compare(0, root_str.size(), root_str) != 0 ||
      real_str[root_str.size()] != '/') {
    return {};
  }
  if (!fs::is_regular_file(real, ec)) return {};
  return real;
}

std::shared_ptr<StaticSite::Entry> StaticSite::load(const fs::path& file) {
  std::error_code ec;
  auto mtime = fs::last_write_time(file, ec);
  if (ec) return nullptr;
  auto size = fs::file_size(file, ec);
  if (ec || size > max_file_bytes) return nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = cache_.find(file.native());
    // A rebuilt page changes mtime or size: reload then, so `serve` needs no restart.
    if (it != cache_.end() && it->second->mtime == mtime && it->second->size == size) {
      return it->second;
    }
  }
  auto data = read_file(file);
  if (!data) return nullptr;
  auto entry = std::make_shared<Entry>();
  entry->mtime = mtime;
  entry->size = size;
  // FNV-1a: only "did the bytes change", for revalidation.
  entry->etag = "\"" + hex(data->size()) + "-" + hex(core::fnv1a64(*data)) + "\"";
  entry->raw = std::make_shared<const std::string>(std::move(*data));
  std::lock_guard<std::mutex> lock(mutex_);
  cache_[file.native()] = entry;
  return entry;
}

std::shared_ptr<const std::string> StaticSite::gzip_of(const fs::path& file,
                                                       const std::shared_ptr<Entry>& entry) {
  std::call_once(entry->gz_once, [&] {
    fs::path pre = file;
    pre += ".gz";
    std::error_code ec;
    // A FILE.gz older than FILE was made from an earlier build: ignore it.
    if (fs::is_regular_file(pre, ec) && fs::last_write_time(pre, ec) >= entry->mtime && !ec &&
        fs::file_size(pre, ec) <= max_file_bytes) {
      if (auto data = read_file(pre)) {
        entry->gz = std::make_shared<const std::string>(std::move(*data));
        return;
      }
    }
    auto packed = gzip_compress(*entry->raw);
    if (packed && packed->size() < entry->raw->size()) {
      entry->gz = std::make_shared<const std::string>(std::move(*packed));
    }
  });
  return entry->gz;
}

StaticReply StaticSite::not_built() const {
  StaticReply reply;
  reply.status = 503;
  reply.content_type = "text/html; charset=utf-8";
  reply.body = std::make_shared<const std::string>(kNotBuiltPage);
  reply.headers.emplace_back("Cache-Control", "no-store");
  return reply;
}

StaticReply StaticSite::get(std::string_view url_path, std::string_view accept_encoding,
                            std::string_view if_none_match) {
  fs::path file = resolve(url_path);
  if (file.empty()) {
    bool wants_page = url_path == "/" || url_path == "/index.html";
    if (wants_page && !built()) return not_built();
    StaticReply reply;
    reply.status = 404;
    reply.content_type = "text/plain; charset=utf-8";
    reply.body = std::make_shared<const std::string>("404 not found\n");
    return reply;
  }
  auto entry = load(file);
  if (!entry) {
    StaticReply reply;
    reply.status = 404;
    reply.content_type = "text/plain; charset=utf-8";
    reply.body = std::make_shared<const std::string>("404 not found (unreadable)\n");
    return reply;
  }

  StaticReply reply;
  reply.content_type = mime_type_for(file.filename().native());
  bool compressible = is_compressible(reply.content_type);
  std::shared_ptr<const std::string> body = entry->raw;
  std::string etag = entry->etag;
  bool gzipped = false;
  if (compressible && accepts_gzip(accept_encoding)) {
    if (auto gz = gzip_of(file, entry)) {
      body = gz;
      gzipped = true;
      // Each representation has its own strong ETag (RFC 9110 8.8.3).
      etag.insert(etag.size() - 1, "-gz");
    }
  }
  reply.headers.emplace_back("ETag", etag);
  reply.headers.emplace_back("Cache-Control", must_revalidate(reply.content_type)
                                                  ? "no-cache"
                                                  : "public, max-age=86400");
  if (compressible) reply.headers.emplace_back("Vary", "Accept-Encoding");
  if (gzipped) reply.headers.emplace_back("Content-Encoding", "gzip");
  if (!if_none_match.empty() && etag_matches(if_none_match, etag)) {
    reply.status = 304;
    return reply;
  }
  reply.body = std::move(body);
  return reply;
}

}  // namespace timpush::server
