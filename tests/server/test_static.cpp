// Serving the built page: MIME types, gzip, ETag/304, cache and security headers, path checks,
// and the "not built" page.
#include <doctest/doctest.h>

#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "harness.h"
#include "server/static_site.h"

using namespace timpush;
using namespace timpush::test;

namespace {

// Inflates a gzip member with zlib (independent of the server's compressor settings).
std::string gunzip(const std::string& data) {
  z_stream s{};
  REQUIRE(inflateInit2(&s, 15 + 16) == Z_OK);
  std::string out(1 << 20, '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  s.avail_in = static_cast<uInt>(data.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&s, Z_FINISH);
  out.resize(s.total_out);
  inflateEnd(&s);
  CHECK(rc == Z_STREAM_END);
  return out;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("static: MIME types of the page's files") {
  Harness h;
  struct Case {
    const char* path;
    const char* type;
  } cases[] = {
      {"/", "text/html"},
      {"/index.html", "text/html"},
      {"/timpush.js", "text/javascript"},
      {"/timpush.wasm", "application/wasm"},  // required for streaming compilation
      {"/bridges.css", "text/css"},
      {"/fonts/ui.ttf", "font/ttf"},
      {"/icon.png", "image/png"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.path);
    auto result = h.get(c.path);
    REQUIRE(result);
    CHECK(result->status == 200);
    CHECK(result->get_header_value("Content-Type").rfind(c.type, 0) == 0);
    CHECK(result->get_header_value("X-Content-Type-Options") == "nosniff");
  }
  auto wasm = h.get("/timpush.wasm");
  CHECK(wasm->body == read_file(h.site() / "timpush.wasm"));
}

TEST_CASE("static: the page carries the strict CSP and no-referrer") {
  Harness h;
  auto result = h.get("/");
  REQUIRE(result);
  std::string csp = result->get_header_value("Content-Security-Policy");
  for (const char* part :
       {"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval';", "style-src 'self'",
        "img-src 'self' data: blob:", "font-src 'self'",
        "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"}) {
    CAPTURE(part);
    CHECK(csp.find(part) != std::string::npos);
  }
  CHECK(csp.find("unsafe-inline") == std::string::npos);
  CHECK(csp.find("'unsafe-eval'") == std::string::npos);
  CHECK(result->get_header_value("Referrer-Policy") == "no-referrer");
  // Same-origin only: no CORS grant on the sandbox either.
  auto app = h.get("/sandbox/app", {{"Origin", "https://evil.example"}});
  CHECK_FALSE(app->has_header("Access-Control-Allow-Origin"));
}

TEST_CASE("static: gzip when accepted, identity otherwise, wasm included") {
  Harness h;
  for (const char* path : {"/timpush.js", "/timpush.wasm", "/index.html"}) {
    CAPTURE(path);
    std::string original = read_file(h.site() / std::string(path).substr(1));
    auto plain = h.get(path);
    REQUIRE(plain);
    CHECK_FALSE(plain->has_header("Content-Encoding"));
    CHECK(plain->body == original);
    auto zipped = h.get(path, {{"Accept-Encoding", "gzip, deflate, br"}});
    REQUIRE(zipped);
    CHECK(zipped->get_header_value("Content-Encoding") == "gzip");
    CHECK(zipped->get_header_value("Vary") == "Accept-Encoding");
    CHECK(zipped->body.size() < original.size());
    CHECK(gunzip(zipped->body) == original);
    // gzip;q=0 refuses gzip (RFC 9110 12.5.3).
    auto refused = h.get(path, {{"Accept-Encoding", "gzip;q=0, identity"}});
    CHECK_FALSE(refused->has_header("Content-Encoding"));
  }
  // Already-compressed types are sent as they are.
  auto png = h.get("/icon.png", {{"Accept-Encoding", "gzip"}});
  CHECK_FALSE(png->has_header("Content-Encoding"));
}

TEST_CASE("static: a precompressed FILE.gz beside the asset is served") {
  Harness h;
  // A marker gzip member made by zlib here, different from what the server would make itself.
  std::string js = read_file(h.site() / "timpush.js");
  z_stream s{};
  REQUIRE(deflateInit2(&s, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string gz(deflateBound(&s, static_cast<uLong>(js.size())), '\0');
  s.next_in = reinterpret_cast<Bytef*>(js.data());
  s.avail_in = static_cast<uInt>(js.size());
  s.next_out = reinterpret_cast<Bytef*>(gz.data());
  s.avail_out = static_cast<uInt>(gz.size());
  REQUIRE(deflate(&s, Z_FINISH) == Z_STREAM_END);
  gz.resize(s.total_out);
  deflateEnd(&s);
  { std::ofstream(h.site() / "timpush.js.gz", std::ios::binary) << gz; }
  auto zipped = h.get("/timpush.js", {{"Accept-Encoding", "gzip"}});
  REQUIRE(zipped);
  CHECK(zipped->body == gz);
}

TEST_CASE("static: ETag revalidation answers 304") {
  Harness h;
  auto first = h.get("/timpush.wasm");
  REQUIRE(first);
  std::string etag = first->get_header_value("ETag");
  REQUIRE_FALSE(etag.empty());
  CHECK(first->get_header_value("Cache-Control") == "no-cache");
  auto again = h.get("/timpush.wasm", {{"If-None-Match", etag}});
  REQUIRE(again);
  CHECK(again->status == 304);
  CHECK(again->body.empty());
  CHECK(again->get_header_value("ETag") == etag);
  // A weak form of the same tag matches too (If-None-Match uses weak comparison).
  CHECK(h.get("/timpush.wasm", {{"If-None-Match", "W/" + etag}})->status == 304);
  CHECK(h.get("/timpush.wasm", {{"If-None-Match", "\"other\""}})->status == 200);
  // The gzip representation has its own tag.
  auto zipped = h.get("/timpush.js", {{"Accept-Encoding", "gzip"}});
  auto plain = h.get("/timpush.js");
  CHECK(zipped->get_header_value("ETag") != plain->get_header_value("ETag"));
  // A rebuilt file gets a new tag: the old one no longer matches.
  std::string old_js_tag = plain->get_header_value("ETag");
  { std::ofstream(h.site() / "timpush.js", std::ios::binary) << "var rebuilt = true;\n"; }
  auto rebuilt = h.get("/timpush.js", {{"If-None-Match", old_js_tag}});
  CHECK(rebuilt->status == 200);
  CHECK(rebuilt->body == "var rebuilt = true;\n");
  for (const char* path : {"/", "/timpush.js"}) {
    CHECK(h.get(path)->get_header_value("Cache-Control") == "no-cache");
  }
}

TEST_CASE("static: paths outside the root are refused") {
  Harness h;
  std::string outside = "/../" + h.site().filename().string() + "-secret.txt";
  for (const std::string& path :
       {outside, std::string("/%2e%2e/") + h.site().filename().string() + "-secret.txt",
        std::string("/fonts/../../etc/passwd"), std::string("/..%2f..%2fetc/passwd"),
        std::string("/.hidden"), std::string("/nothing-here.js")}) {
    CAPTURE(path);
    auto result = h.get(path);
    REQUIRE(result);
    CHECK(result->status == 404);
    CHECK(result->body.find("outside") == std::string::npos);
  }
  // A symbolic link inside the root that points outside it.
  std::error_code ec;
  std::filesystem::create_symlink(h.site().parent_path() / (h.site().filename().string() + "-secret.txt"),
                                  h.site() / "link.txt", ec);
  if (!ec) {
    auto result = h.get("/link.txt");
    CHECK(result->status == 404);
  }
}

TEST_CASE("static: only GET and HEAD") {
  Harness h;
  auto head = h.client().Head("/timpush.wasm");
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->body.empty());
  CHECK(head->get_header_value("Content-Length") == std::to_string(read_file(h.site() / "timpush.wasm").size()));
  auto post = h.post("/index.html", "x", "text/plain");
  REQUIRE(post);
  CHECK(post->status == 405);
  auto del = h.client().Delete("/index.html");
  REQUIRE(del);
  CHECK(del->status == 405);
}

TEST_CASE("static: a site without index.html explains how to build the page") {
  HarnessOptions options;
  options.with_site = false;
  Harness h(options);
  auto result = h.get("/");
  REQUIRE(result);
  CHECK(result->status == 503);
  CHECK(result->get_header_value("Content-Type").rfind("text/html", 0) == 0);
  CHECK(result->body.find("scripts/build-web.sh") != std::string::npos);
  // The page has no inline script or style, which the CSP would block anyway.
  CHECK(result->body.find("<script") == std::string::npos);
  CHECK(result->body.find("style") == std::string::npos);
  // The sandbox still works.
  CHECK(h.push(body_with(1)).value("ErrorCode", -1) == 0);
}

TEST_CASE("server: limits and malformed requests get clear answers, and it carries on") {
  Harness h;
  const std::string host = "127.0.0.1:" + std::to_string(h.server().port());
  SUBCASE("a body over 1 MiB: 413 before it is read") {
    std::string reply = raw_exchange(
        h.server().port(),
        "POST /sandbox/v4/timpush/push HTTP/1.1\r\nHost: " + host +
            "\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n",
        10);
    CHECK(reply.rfind("HTTP/1.1 413", 0) == 0);
  }
  SUBCASE("a malformed request line: 400") {
    std::string reply = raw_exchange(h.server().port(), "HELLO\r\n\r\n", 10);
    CHECK(reply.rfind("HTTP/1.1 400", 0) == 0);
  }
  SUBCASE("a client that stops sending gets 408 after the 5 s header deadline and is dropped") {
    auto start = std::chrono::steady_clock::now();
    bool closed = false;
    std::string reply = raw_exchange(h.server().port(), "GET / HTTP/1.1\r\nHost: " + host +
                                                            "\r\n", 20, &closed, true);
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(reply.rfind("HTTP/1.1 408", 0) == 0);
    CHECK(closed);
    CHECK(seconds >= 4.5);
    CHECK(seconds < 7.0);
  }
  CHECK(h.get("/")->status == 200);
}

TEST_CASE("accepts_gzip and etag_matches follow RFC 9110") {
  using server::accepts_gzip;
  using server::etag_matches;
  CHECK(accepts_gzip("gzip"));
  CHECK(accepts_gzip("deflate, GZIP;q=0.5"));
  CHECK(accepts_gzip("*"));
  CHECK_FALSE(accepts_gzip(""));
  CHECK_FALSE(accepts_gzip("br"));
  CHECK_FALSE(accepts_gzip("gzip;q=0"));
  CHECK_FALSE(accepts_gzip("*, gzip;q=0"));
  CHECK(etag_matches("\"a\", \"b\"", "\"b\""));
  CHECK(etag_matches("W/\"b\"", "\"b\""));
  CHECK(etag_matches("*", "\"b\""));
  CHECK_FALSE(etag_matches("\"a\"", "\"b\""));
}
