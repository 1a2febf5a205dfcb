// libFuzzer target: any request target through parse_relay_target. An accepted target names a
// host of the region table (compared here against the table itself, not is_known_host), a plain
// path under /v4/, and is exactly what followed "/relay/<host>" in the request.
#include <variant>

#include "core/endpoints.h"
#include "fuzz_support.h"
#include "server/relay.h"

namespace {
bool in_region_table(std::string_view host) {
  for (const auto& region : timpush::core::regions())
    if (host == region.host || host == region.backup_host) return true;
  return false;
}

bool lower_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (c != b[i]) return false;
  }
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw = timpush::fuzz::as_text(data, size);
  auto parsed = timpush::server::parse_relay_target(raw);
  if (auto* refusal = std::get_if<timpush::server::RelayRefusal>(&parsed)) {
    FUZZ_ENSURE(!refusal->reason_en.empty() && !refusal->reason_zh.empty());
    timpush::server::relay_error_body(refusal->reason_en, refusal->reason_zh, refusal->host);
    return 0;
  }
  const auto& target = std::get<timpush::server::RelayTarget>(parsed);
  FUZZ_ENSURE(in_region_table(target.host));
  constexpr std::string_view prefix = "/relay/";
  FUZZ_ENSURE(raw.substr(0, prefix.size()) == prefix);
  std::string_view rest = raw.substr(prefix.size());
  // The host as typed, up to the first '/', is the target's host in any case, with at most one
  // trailing dot (the root label) dropped; the path and query follow it unchanged.
  std::string_view typed = rest.substr(0, rest.find('/'));
  if (typed.size() == target.host.size() + 1 && typed.back() == '.') typed.remove_suffix(1);
  FUZZ_ENSURE(typed.size() == target.host.size() && lower_equal(typed, target.host));
  FUZZ_ENSURE(rest.substr(rest.find('/')) == target.path_and_query);

  std::string_view pq = target.path_and_query;
  std::string_view path = pq.substr(0, pq.find('?'));
  FUZZ_ENSURE(path.substr(0, 4) == "/v4/" && path.size() > 4);
  FUZZ_ENSURE(path.find("..") == std::string_view::npos && path.find("//") == std::string_view::npos);
  // Nothing that would end or split a request line, or start a fragment, reaches the upstream.
  for (char c : pq) {
    auto u = static_cast<unsigned char>(c);
    FUZZ_ENSURE(u > 0x20 && u < 0x7F && c != '#');
  }
  return 0;
}
