#include "core/usersig.h"

#include <cstdio>
#include <limits>

#include "core/base64.h"
#include "core/hmac.h"
#include "core/json.h"
#include "core/zlib_codec.h"

namespace timpush::core::usersig {

namespace {

// Times and validities are kept within JSON's exactly representable integers (2^53), so sums and
// differences below can never overflow and a browser reading the same numbers agrees with us.
constexpr int64_t max_magnitude = int64_t{1} << 53;

int64_t saturating_sub(int64_t a, int64_t b) {
  if (b < 0 && a > std::numeric_limits<int64_t>::max() + b) return std::numeric_limits<int64_t>::max();
  if (b > 0 && a < std::numeric_limits<int64_t>::min() + b) return std::numeric_limits<int64_t>::min();
  return a - b;
}

Verdict failure(int code, std::string en, std::string zh) {
  Verdict v;
  v.code = code;
  v.reason.en = std::move(en);
  v.reason.zh = std::move(zh);
  return v;
}

// nlohmann's description of a syntax error, without its "[json.exception.parse_error.101] " tag:
// the user needs the sentence.
std::string json_error_of(const JsonReadResult& read) {
  std::string message = read.error_detail;
  if (auto end = message.find("] "); message.rfind("[json.", 0) == 0 && end != std::string::npos)
    message.erase(0, end + 2);
  return message.empty() ? "syntax error" : message;
}

std::string in_quotes(std::string_view s) { return "'" + std::string(s) + "'"; }

// Reads one required field; on failure fills the verdict with a 70003 naming the field.
const Json* field(const Json& doc, const char* name, Verdict& out) {
  auto it = doc.find(name);
  if (it == doc.end()) {
    out = failure(70003, std::string("malformed UserSig: the document has no field ") + name,
                  std::string("UserSig 格式错误：文档缺少字段 ") + name);
    return nullptr;
  }
  return &*it;
}

Verdict wrong_type(const char* name, const char* expected_en, const char* expected_zh, const Json& value) {
  return failure(70003,
                 std::string("malformed UserSig: field ") + name + " should be " + expected_en + ", found " +
                     value.type_name() + (value.is_number_float() ? " with a fraction or exponent" : ""),
                 std::string("UserSig 格式错误：字段 ") + name + " 应为" + expected_zh + "，实际是 " + value.type_name());
}

bool read_int(const Json& value, int64_t& out) {
  if (value.is_number_unsigned()) {
    auto u = value.get<uint64_t>();
    if (u > static_cast<uint64_t>(max_magnitude)) return false;
    out = static_cast<int64_t>(u);
    return true;
  }
  if (value.is_number_integer()) {
    out = value.get<int64_t>();
    return out >= -max_magnitude && out <= max_magnitude;
  }
  return false;
}

bool is_valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 (RFC 3629 section 3).
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return false;
    i += len;
  }
  return true;
}

std::string plural(int64_t n, const char* unit_en) {
  return std::to_string(n) + " " + unit_en + (n == 1 ? "" : "s");
}

}  // namespace

std::string content_to_sign(uint32_t sdkappid, std::string_view identifier, int64_t time,
                            int64_t expire, std::optional<std::string_view> userbuf_base64) {
  std::string text;
  text += "TLS.identifier:";
  text += identifier;
  text += "\nTLS.sdkappid:" + std::to_string(sdkappid);
  text += "\nTLS.time:" + std::to_string(time);
  text += "\nTLS.expire:" + std::to_string(expire) + "\n";
  if (userbuf_base64) {
    text += "TLS.userbuf:";
    text += *userbuf_base64;
    text += "\n";
  }
  return text;
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
  return hmac::sha256(key, message);
}

std::string base64_encode(std::string_view bytes) { return base64::encode(bytes); }

std::string generate(uint32_t sdkappid, std::string_view identifier, std::string_view key,
                     int64_t time, int64_t expire) {
  std::string sig = base64::encode(hmac::sha256(key, content_to_sign(sdkappid, identifier, time, expire)));
  // The order of Tencent's libraries; the service does not depend on it.
  Json doc = Json::object();
  doc["TLS.ver"] = "2.0";
  doc["TLS.identifier"] = std::string(identifier);
  doc["TLS.sdkappid"] = sdkappid;
  doc["TLS.expire"] = expire;
  doc["TLS.time"] = time;
  doc["TLS.sig"] = sig;
  // replace: an identifier that is not UTF-8 cannot throw here (identifier_problem reports it).
  std::string text = doc.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
  return base64::encode_usersig(zlib_codec::compress(text));
}

std::optional<Words> identifier_problem(std::string_view identifier) {
  if (identifier.empty()) return Words{"the identifier is empty", "管理员账号为空"};
  if (identifier.find('\n') != std::string_view::npos)
    return Words{"the identifier contains a line break, which would change the signed text",
                 "管理员账号含有换行符,会改变被签名的文本"};
  if (!is_valid_utf8(identifier))
    return Words{"the identifier is not valid UTF-8", "管理员账号不是合法的 UTF-8"};
  return std::nullopt;
}

std::string format_utc(int64_t unix_seconds) {
  // Days-from-civil inverse (H. Hinnant's published algorithm), valid far beyond 2^53 seconds.
  int64_t days = unix_seconds / 86400;
  int64_t secs = unix_seconds % 86400;
  if (secs < 0) {
    secs += 86400;
    days -= 1;
  }
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) y += 1;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d), static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  return buf;
}

Words format_duration(int64_t seconds) {
  std::string sign = seconds < 0 ? "-" : "";
  uint64_t s = seconds < 0 ? 0 - static_cast<uint64_t>(seconds) : static_cast<uint64_t>(seconds);
  struct Unit {
    uint64_t size;
    const char* en;
    const char* zh;
  };
  const Unit units[] = {{86400, "day", " 天"}, {3600, "h", " 小时"}, {60, "min", " 分"}, {1, "s", " 秒"}};
  Words out;
  int shown = 0;
  for (const Unit& u : units) {
    uint64_t n = s / u.size;
    s %= u.size;
    if (n == 0 && !(u.size == 1 && shown == 0)) {
      if (shown > 0) break;  // two adjacent units at most: "1 day 2 h", never "1 day 5 s"
      continue;
    }
    if (shown > 0) out += same(" ");
    out.zh += std::to_string(n) + u.zh;
    out.en += u.size == 86400 ? plural(static_cast<int64_t>(n), u.en) : std::to_string(n) + " " + u.en;
    if (++shown == 2) break;
  }
  return same(sign) + out;
}

Verdict decode(std::string_view usersig) {
  if (usersig.empty()) return failure(70002, "the UserSig is empty", "UserSig 为空");

  base64::Decoded raw = base64::decode_usersig(usersig);
  if (!raw.ok())
    return failure(70003, "malformed UserSig: " + raw.error->reason.en, "UserSig 格式错误：" + raw.error->reason.zh);

  zlib_codec::Inflated inflated = zlib_codec::inflate_capped(raw.bytes, max_document_bytes);
  if (!inflated.ok())
    return failure(70003, "malformed UserSig: " + inflated.error.en, "UserSig 格式错误：" + inflated.error.zh);

  JsonReadResult read = read_json(inflated.data);
  Json& doc = read.value;
  if (!read.ok()) {
    std::string why = json_error_of(read);
    return failure(70003, "malformed UserSig: the decompressed text is not JSON (" + why + ")",
                   "UserSig 格式错误：解压后的内容不是 JSON（" + why + "）");
  }
  if (!doc.is_object())
    return failure(70003, std::string("malformed UserSig: the document is a JSON ") + doc.type_name() + ", not an object",
                   std::string("UserSig 格式错误：文档是 JSON ") + doc.type_name() + "，不是对象");

  Decoded d;
  d.json = inflated.data;
  Verdict v;

  const Json* ver = field(doc, "TLS.ver", v);
  if (!ver) return v;
  if (!ver->is_string()) return wrong_type("TLS.ver", "a string", "字符串", *ver);
  d.version = ver->get<std::string>();

  const Json* identifier = field(doc, "TLS.identifier", v);
  if (!identifier) return v;
  if (!identifier->is_string()) return wrong_type("TLS.identifier", "a string", "字符串", *identifier);
  d.identifier = identifier->get<std::string>();

  const Json* sdkappid = field(doc, "TLS.sdkappid", v);
  if (!sdkappid) return v;
  int64_t appid = 0;
  if (!sdkappid->is_number_integer()) return wrong_type("TLS.sdkappid", "an integer", "整数", *sdkappid);
  if (!read_int(*sdkappid, appid) || appid < 0 || appid > int64_t{std::numeric_limits<uint32_t>::max()})
    return failure(70003, "malformed UserSig: field TLS.sdkappid is " + sdkappid->dump() + ", outside 0..4294967295",
                   "UserSig 格式错误：字段 TLS.sdkappid 为 " + sdkappid->dump() + "，超出 0..4294967295");
  d.sdkappid = static_cast<uint32_t>(appid);

  const Json* time = field(doc, "TLS.time", v);
  if (!time) return v;
  if (!time->is_number_integer()) return wrong_type("TLS.time", "an integer", "整数", *time);
  if (!read_int(*time, d.time))
    return failure(70003, "malformed UserSig: field TLS.time is " + time->dump() + ", out of range",
                   "UserSig 格式错误：字段 TLS.time 为 " + time->dump() + "，超出范围");

  const Json* expire = field(doc, "TLS.expire", v);
  if (!expire) return v;
  if (!expire->is_number_integer()) return wrong_type("TLS.expire", "an integer", "整数", *expire);
  if (!read_int(*expire, d.expire))
    return failure(70003, "malformed UserSig: field TLS.expire is " + expire->dump() + ", out of range",
                   "UserSig 格式错误：字段 TLS.expire 为 " + expire->dump() + "，超出范围");

  if (auto it = doc.find("TLS.userbuf"); it != doc.end()) {
    if (!it->is_string()) return wrong_type("TLS.userbuf", "a string", "字符串", *it);
    d.userbuf = it->get<std::string>();
  }

  const Json* sig = field(doc, "TLS.sig", v);
  if (!sig) return v;
  if (!sig->is_string()) return wrong_type("TLS.sig", "a string", "字符串", *sig);
  d.sig = sig->get<std::string>();

  Verdict ok;
  ok.decoded = std::move(d);
  if (ok.decoded->version != "2.0") {
    // Version 1 UserSigs were ECDSA-signed; nothing here can check them.
    ok.code = 70003;
    ok.reason.en = "unsupported UserSig version TLS.ver " + in_quotes(ok.decoded->version) +
                   " (only 2.0, HMAC-SHA256, is understood)";
    ok.reason.zh = "不支持的 UserSig 版本 TLS.ver " + in_quotes(ok.decoded->version) + "（只支持 2.0，HMAC-SHA256）";
    return ok;
  }
  ok.reason.en = "decoded";
  ok.reason.zh = "已解码";
  return ok;
}

Verdict verify(std::string_view usersig, uint32_t sdkappid, std::string_view identifier,
               std::optional<std::string_view> key, int64_t now) {
  Verdict v = decode(usersig);
  if (!v.decoded) return v;
  const Decoded& d = *v.decoded;
  v.remaining_seconds = saturating_sub(d.expires_at(), now);
  if (!v.ok()) return v;

  if (d.sdkappid != sdkappid) {
    v.code = 70014;
    v.reason.en = "SDKAppID mismatch: the UserSig was issued for " + std::to_string(d.sdkappid) +
                  ", the request uses " + std::to_string(sdkappid);
    v.reason.zh = "SDKAppID 不一致：UserSig 签发给 " + std::to_string(d.sdkappid) + "，请求使用的是 " +
                  std::to_string(sdkappid);
    return v;
  }
  if (d.identifier != identifier) {
    v.code = 70013;
    v.reason.en = "identifier mismatch: the UserSig was issued for " + in_quotes(d.identifier) +
                  ", the request uses " + in_quotes(identifier);
    v.reason.zh = "identifier 不一致：UserSig 签发给 " + in_quotes(d.identifier) + "，请求使用的是 " + in_quotes(identifier);
    return v;
  }
  if (now > d.expires_at()) {
    int64_t ago = saturating_sub(now, d.expires_at());
    v.code = 70001;
    v.reason.en = "expired: issued at " + format_utc(d.time) + " (" + std::to_string(d.time) + ") for " +
                  std::to_string(d.expire) + " s (" + format_duration(d.expire).en + "), expired at " +
                  format_utc(d.expires_at()) + ", " + std::to_string(ago) + " s (" + format_duration(ago).en + ") ago";
    v.reason.zh = "已过期：签发于 " + format_utc(d.time) + "（" + std::to_string(d.time) + "），有效期 " +
                  std::to_string(d.expire) + " 秒（" + format_duration(d.expire).zh + "），已于 " +
                  format_utc(d.expires_at()) + " 过期，距今 " + std::to_string(ago) + " 秒（" +
                  format_duration(ago).zh + "）";
    return v;
  }
  if (d.userbuf) {
    // A REST call carries no userbuf, so a UserSig with one (a TRTC PrivateMapKey) cannot match.
    // The service's code for this case is not documented; 70003 (malformed) is the nearest.
    v.code = 70003;
    v.reason.en = "the UserSig carries TLS.userbuf (it is a PrivateMapKey-style ticket); REST calls need a plain UserSig";
    v.reason.zh = "该 UserSig 含有 TLS.userbuf（属于 PrivateMapKey 类票据）；REST 调用需要不带 userbuf 的普通 UserSig";
    return v;
  }
  if (key) {
    v.signature_checked = true;
    std::string expected = base64::encode(hmac::sha256(*key, content_to_sign(d.sdkappid, d.identifier, d.time, d.expire)));
    if (!hmac::equal_constant_time(expected, d.sig)) {
      v.code = 70009;
      v.reason.en = "signature mismatch: TLS.sig was not made with this SecretKey (another app's key, or a key that was since reset)";
      v.reason.zh = "签名不一致：TLS.sig 不是用这个 SecretKey 生成的（可能是其他应用的密钥，或密钥已被重置）";
      return v;
    }
    v.reason.en = "valid";
    v.reason.zh = "有效";
  } else {
    v.reason.en = "valid as far as checked: no SecretKey was given, so the signature was not checked";
    v.reason.zh = "在已检查的范围内有效：未提供 SecretKey，未校验签名";
  }
  return v;
}

}  // namespace timpush::core::usersig
