// The region table and the request URL (endpoints.h).
#include "core/endpoints.h"

#include <cctype>

namespace timpush::core {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_folded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool starts_with_folded(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && equal_folded(text.substr(0, prefix.size()), prefix);
}

// RFC 3986 unreserved characters, plus `*`: UserSigs use `*`, `-` and `_` in place of base64's
// `+`, `/` and `=`, and the server reads them as they are.
bool keep_verbatim(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '*';
}

std::string percent_encode(std::string_view value) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size() + value.size() / 8 + 8);  // a UserSig is mostly verbatim, with a few %XX
  for (char ch : value) {
    auto c = static_cast<unsigned char>(ch);
    if (keep_verbatim(c)) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0x0F];
    }
  }
  return out;
}

bool is_host_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
}

}  // namespace

// reference.md section 1, and Riyadh from the scheduled-task pages (task-apis.md section 1,
// https://trtc.io/zh/document/78839), which name its main host only; no backup host is documented,
// so none is guessed. Our choice: Riyadh is offered for every API, push included, not only the
// scheduled-task APIs. A host serves one data centre's apps, and a scheduled task there is
// dispatched as that app's push; the push pages only predate the region. An app of another
// region sent there is answered 70016/70020 as on any wrong host.
const std::vector<Region>& regions() {
  static const std::vector<Region> table = {
      {"china", {"China", "中国"}, "console.tim.qq.com", "adminapi.my-imcloud.com"},
      {"singapore", {"Singapore", "新加坡"}, "adminapisgp.im.qcloud.com", "adminapisgp.my-imcloud.com"},
      {"seoul", {"Seoul", "首尔"}, "adminapikr.im.qcloud.com", "adminapikr.my-imcloud.com"},
      {"tokyo", {"Tokyo", "东京"}, "adminapijpn.im.qcloud.com", "adminapijpn.my-imcloud.com"},
      {"frankfurt", {"Frankfurt", "法兰克福"}, "adminapiger.im.qcloud.com", "adminapiger.my-imcloud.com"},
      {"silicon-valley", {"Silicon Valley", "硅谷"}, "adminapiusa.im.qcloud.com", "adminapiusa.my-imcloud.com"},
      {"jakarta", {"Jakarta", "雅加达"}, "adminapiidn.im.qcloud.com", "adminapiidn.my-imcloud.com"},
      {"mumbai", {"Mumbai", "孟买"}, "adminapiind.im.qcloud.com", "adminapiind.my-imcloud.com"},
      {"riyadh", {"Riyadh", "利雅得"}, "adminapiksa.im.qcloud.com", ""},
  };
  return table;
}

const Region* find_region(std::string_view id) {
  for (const auto& region : regions()) {
    if (region.id == id) return &region;
  }
  return nullptr;
}

std::string_view region_host(const Region& region, bool backup) {
  return backup ? region.backup_host : region.host;
}

Words no_backup_host(const Region& region) {
  return Words{std::string(region.name.en) + " has no backup host in Tencent's documents; use its main host (" +
                   std::string(region.host) + ").",
               std::string(region.name.zh) + "在腾讯云文档中没有备用域名，请使用其主域名(" +
                   std::string(region.host) + ")。"};
}

const Region* region_of_host(std::string_view host, bool* backup) {
  // Anything besides case and one trailing dot (a port, a path) is not a host of the table.
  const std::string name = canonical_host(host);
  if (name.empty()) return nullptr;  // never the missing backup host of a region
  for (const auto& region : regions()) {
    if (name == region.host || name == region.backup_host) {
      if (backup) *backup = name != region.host;
      return &region;
    }
  }
  return nullptr;
}

std::string canonical_host(std::string_view host) {
  std::string out;
  out.reserve(host.size());
  for (char c : host) out += lower(c);
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

bool is_known_host(std::string_view host) { return region_of_host(host) != nullptr; }

std::string url_authority(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (rest.empty()) return {};
  std::string_view host = rest, port;
  bool bracketed = rest.front() == '[';
  size_t colon = bracketed ? rest.find("]:") : rest.rfind(':');
  if (colon != std::string_view::npos) {
    if (bracketed) ++colon;  // the port follows "]:", an IPv6 address has colons of its own
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  if (host.empty()) return {};
  std::string out = canonical_host(host);
  if (!port.empty()) out += ":" + std::string(port);
  return out;
}

std::string request_url(std::string_view base, std::string_view api, const UrlParams& params) {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  while (!api.empty() && api.front() == '/') api.remove_prefix(1);
  std::string url(base);
  url += '/';
  url += api;
  url += "?usersig=" + percent_encode(params.usersig);
  url += "&identifier=" + percent_encode(params.identifier);
  url += "&sdkappid=" + std::to_string(params.sdkappid);
  url += "&random=" + std::to_string(params.random);
  url += "&contenttype=json";
  return url;
}

std::string push_url(std::string_view base, const UrlParams& params) {
  return request_url(base, "v4/timpush/push", params);
}

std::optional<Words> check_base_url(std::string_view base) {
  if (base.empty()) return Words{"the base URL is empty", "基础地址为空"};
  std::string_view rest;
  bool https = false;
  if (starts_with_folded(base, "https://")) {
    https = true;
    rest = base.substr(8);
  } else if (starts_with_folded(base, "http://")) {
    rest = base.substr(7);
  } else {
    return Words{"the base URL must start with https:// or http://", "基础地址必须以 https:// 或 http:// 开头"};
  }
  for (char c : base) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) return Words{"the base URL contains a space or control character", "基础地址中含有空格或控制字符"};
  }
  if (base.find('?') != std::string_view::npos) {
    return Words{"the base URL must not have a query (?...): the query parameters are added for you", "基础地址不能带查询串(?...):查询参数会自动添加"};
  }
  if (base.find('#') != std::string_view::npos) {
    return Words{"the base URL must not have a fragment (#...)", "基础地址不能带片段(#...)"};
  }
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (authority.find('@') != std::string_view::npos) {
    return Words{"the base URL must not contain a user name or password (@)", "基础地址不能包含用户名或密码(@)"};
  }
  std::string_view host = authority;
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return Words{"the IPv6 address lacks its closing ]", "IPv6 地址缺少右方括号 ]"};
    host = authority.substr(0, close + 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return Words{"unexpected text after the IPv6 address", "IPv6 地址后有多余的内容"};
      port = after.substr(1);
      if (port.empty()) return Words{"the port after ':' is empty", "':' 后的端口为空"};
    }
    std::string_view inside = host.substr(1, host.size() - 2);
    if (inside.empty()) return Words{"the IPv6 address is empty", "IPv6 地址为空"};
    for (char c : inside) {
      if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') {
        return Words{"the IPv6 address holds a character it cannot have", "IPv6 地址中有不允许的字符"};
      }
    }
  } else {
    size_t colon = authority.find(':');
    if (colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
      if (port.empty()) return Words{"the port after ':' is empty", "':' 后的端口为空"};
    }
    if (host.empty()) return Words{"the base URL has no host", "基础地址中没有主机名"};
    for (char c : host) {
      if (!is_host_char(c)) {
        return Words{std::string("the host holds '") + c + "', which a host name cannot have",
                     std::string("主机名中有不允许的字符 '") + c + "'"};
      }
    }
  }
  if (!port.empty()) {
    if (port.size() > 5) return Words{"the port must be a number from 1 to 65535", "端口必须是 1 到 65535 之间的数字"};
    unsigned long value = 0;
    for (char c : port) {
      if (!std::isdigit(static_cast<unsigned char>(c))) {
        return Words{"the port must be a number from 1 to 65535", "端口必须是 1 到 65535 之间的数字"};
      }
      value = value * 10 + static_cast<unsigned long>(c - '0');
    }
    if (value < 1 || value > 65535) return Words{"the port must be a number from 1 to 65535", "端口必须是 1 到 65535 之间的数字"};
  }
  if (!https && is_known_host(host)) {
    // Plain HTTP would carry the UserSig in clear text to the real service.
    return Words{"Tencent's hosts must be reached with https://", "腾讯云的域名必须用 https:// 访问"};
  }
  return std::nullopt;
}

}  // namespace timpush::core
