// Where requests go: the region hosts of reference.md section 1 and the full request URL.
// The caller supplies the random value; nothing here reads a clock or a random source.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/words.h"

namespace timpush::core {

struct Region {
  std::string_view id;       // "china", "singapore", ...
  Phrase name;
  std::string_view host;     // main host
  std::string_view backup_host;  // empty when the documents name none (Riyadh)
};

const std::vector<Region>& regions();
const Region* find_region(std::string_view id);
// The region's main host, or its backup host; empty when `backup` and the region has none, so
// that a caller never sends to an empty host (no_backup_host says why).
std::string_view region_host(const Region& region, bool backup);
// "Riyadh has no backup host ...": what the page and the CLI say where a backup host was asked
// of a region without one.
Words no_backup_host(const Region& region);
// The region whose main or backup host `host` is (compared as canonical_host), or nothing;
// *backup tells which when given.
const Region* region_of_host(std::string_view host, bool* backup = nullptr);
// A host as every check compares it: ASCII letters lower-cased and one trailing dot dropped, so
// "Console.TIM.qq.com." is judged as console.tim.qq.com (DNS treats them as one name).
std::string canonical_host(std::string_view host);
// True for any main or backup host of the table (compared as canonical_host): the relay forwards
// to these and nothing else.
bool is_known_host(std::string_view host);
// "host[:port]" of an http(s) URL, its host canonical, without user info, path, query or fragment;
// empty when the URL has no scheme or host. Used to name where a send goes and to remember it.
std::string url_authority(std::string_view url);

struct UrlParams {
  std::string usersig;
  std::string identifier;
  uint32_t sdkappid = 0;
  uint32_t random = 0;
};

// base: "https://console.tim.qq.com", or a custom base such as "http://127.0.0.1:8080/sandbox".
// api: "v4/timpush/push". Query values are percent-encoded where needed.
std::string request_url(std::string_view base, std::string_view api, const UrlParams& params);
std::string push_url(std::string_view base, const UrlParams& params);  // api = v4/timpush/push

// Checks a custom base URL: "http(s)://host[:port][/path]" without query or fragment.
// Returns an error message, or nothing when it is usable.
std::optional<Words> check_base_url(std::string_view base);

}  // namespace timpush::core
