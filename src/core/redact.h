// What of a request URL and of the texts around a send may be kept in a record or a file: the base
// and API path without the query (which holds the UserSig), usersig= values and given secrets
// blanked out. Pure text work; history, share links and the page read it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace timpush::core {

// The text up to its first '?' or '#'.
std::string strip_query(std::string_view text);

// "https://h/sandbox/v4/timpush/push?usersig=..&random=..#x" -> base "https://h/sandbox",
// api "v4/timpush/push". The query and fragment are dropped. Without a "/v4/" in the path the
// whole path is the api.
struct SplitUrl {
  std::string base;
  std::string api;
};
SplitUrl split_request_url(std::string_view url);

// Replaces the value of every usersig= parameter in a text (any letter case) with "***", and
// every occurrence of each given secret (8 bytes or longer) with "[redacted]".
std::string redact(std::string_view text, const std::vector<std::string>& secrets = {});


}  // namespace timpush::core
