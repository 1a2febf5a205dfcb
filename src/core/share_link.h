// Share links: a draft (target settings and body, never the SecretKey or a UserSig) carried in the
// URL fragment, "#draft=" + base64url (RFC 4648 section 5, no padding) of the zlib-compressed
// JSON {"v":1,"name":..,"target":{..},"body":..}. The fragment never reaches a server. Pure: no
// ImGui, no browser; the page hands in and takes out strings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/words.h"

#include "core/draft.h"

namespace timpush::core {

// Any body the server accepts (10240 bytes) fits, even incompressible; a longer link is refused.
constexpr size_t max_share_fragment_chars = 16384;
// Beyond this, some chat and mail programs cut links: warn, do not refuse.
constexpr size_t long_share_link_chars = 2000;

struct ShareEncoded {
  std::string fragment;  // "#draft=..."
  Words warning;  // the link is long
  Words error;    // refused: nothing to share
  bool ok() const { return error.en.empty(); }
};

// Encodes name, target and body only. Refused when the body (or the custom base) holds the
// draft's SecretKey or pasted UserSig, any of extra_secrets, a usersig= parameter, or any text
// that decodes as a UserSig: a link is pasted into chats, where a credential must never go.
ShareEncoded encode_share_fragment(const Draft& draft, const std::vector<std::string>& extra_secrets = {});

struct ShareDecoded {
  // Secrets always empty, remember_secrets false, target.from_share_link set.
  std::optional<Draft> draft;
  // Where the link's target sends: host[:port] as url_authority() names it (a region's host for a
  // region, "" for the sandbox, which is the opening page's own).
  std::string host;
  Words error;                 // why the link could not be read, for people
  bool ok() const { return draft.has_value(); }
};

// Accepts a whole URL, a fragment ("#draft=..") or the bare "draft=.." part. Never throws.
ShareDecoded decode_share_fragment(std::string_view url_or_fragment);

// True when the text carries a draft= fragment worth decoding.
bool has_share_fragment(std::string_view url_or_fragment);

// page_url with any fragment replaced by this one.
std::string share_url(std::string_view page_url, std::string_view fragment);

}  // namespace timpush::core
