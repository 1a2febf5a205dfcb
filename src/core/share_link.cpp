#include "core/share_link.h"

#include "core/endpoints.h"

#include <algorithm>

#include "core/base64.h"
#include "core/usersig.h"
#include "core/zlib_codec.h"

namespace timpush::core {

namespace {

constexpr int link_version = 1;
// The decoded document is a name, a few settings and a body: far below this.
constexpr size_t max_document_bytes = 64 * 1024;
constexpr JsonLimits link_limits{64, 1000};

bool is_url_safe_base64(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Runs of UserSig alphabet characters long enough to be one (real ones are 150+ characters).
bool holds_a_usersig(std::string_view text) {
  auto in_alphabet = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '*' || c == '-' ||
           c == '_' || c == '+' || c == '/' || c == '=';
  };
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !in_alphabet(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && in_alphabet(text[i])) ++i;
    if (i - start >= 64 && usersig::decode(text.substr(start, i - start)).ok()) return true;
  }
  return false;
}

bool contains_usersig_param(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  return lower.find("usersig=") != std::string::npos;
}

ShareEncoded refuse(std::string en, std::string zh) {
  ShareEncoded out;
  out.error = {std::move(en), std::move(zh)};
  return out;
}

ShareDecoded fail(std::string en, std::string zh) {
  ShareDecoded out;
  out.error = {std::move(en), std::move(zh)};
  return out;
}

// The text after "draft=" in a URL, a fragment or the bare part; nullopt when there is none.
std::optional<std::string_view> payload_of(std::string_view text) {
  size_t hash = text.find('#');
  std::string_view fragment = hash == std::string_view::npos ? text : text.substr(hash + 1);
  constexpr std::string_view key = "draft=";
  size_t at = 0;
  while (true) {
    size_t found = fragment.find(key, at);
    if (found == std::string_view::npos) return std::nullopt;
    if (found == 0 || fragment[found - 1] == '&') {
      std::string_view value = fragment.substr(found + key.size());
      return value.substr(0, value.find('&'));
    }
    at = found + 1;
  }
}

}  // namespace

ShareEncoded encode_share_fragment(const Draft& draft, const std::vector<std::string>& extra_secrets) {
  std::vector<std::string> secrets = extra_secrets;
  secrets.push_back(draft.secret_key);
  secrets.push_back(draft.pasted_usersig);
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    if (draft.body.find(secret) != std::string::npos || draft.target.custom_base.find(secret) != std::string::npos ||
        draft.name.find(secret) != std::string::npos)
      return refuse("Not shared: the draft contains the SecretKey or the UserSig. Remove it from the body first.",
                    "未分享：草稿中包含 SecretKey 或 UserSig，请先从请求体中删除。");
  }
  if (contains_usersig_param(draft.body) || contains_usersig_param(draft.target.custom_base) ||
      holds_a_usersig(draft.body) || holds_a_usersig(draft.name))
    return refuse("Not shared: the draft contains a UserSig (or a usersig= parameter). Remove it first.",
                  "未分享：草稿中包含 UserSig（或 usersig= 参数），请先删除。");

  Json doc = Json::object();
  doc["v"] = link_version;
  doc["name"] = draft.name;
  doc["target"] = to_json(draft.target);
  doc["body"] = draft.body;
  std::string json = doc.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string packed = zlib_codec::compress(json, 9);
  if (packed.empty()) return refuse("Not shared: compressing the draft failed.", "未分享：压缩草稿失败。");

  // base64url from the standard alphabet: '+' -> '-', '/' -> '_', padding dropped.
  std::string encoded = base64::encode(packed);
  while (!encoded.empty() && encoded.back() == '=') encoded.pop_back();
  for (char& c : encoded) c = c == '+' ? '-' : c == '/' ? '_' : c;

  ShareEncoded out;
  out.fragment = "#draft=" + encoded;
  if (out.fragment.size() > max_share_fragment_chars)
    return refuse("Not shared: the link would be " + std::to_string(out.fragment.size()) +
                      " characters, more than the limit of " + std::to_string(max_share_fragment_chars) +
                      ". Save it as a template or export it instead.",
                  "未分享：链接将有 " + std::to_string(out.fragment.size()) + " 个字符，超过上限 " +
                      std::to_string(max_share_fragment_chars) + "。请改为保存为模板或导出。");
  if (out.fragment.size() > long_share_link_chars) {
    out.warning.en = "This link is " + std::to_string(out.fragment.size()) +
                  " characters long; some chat and mail programs cut links longer than about " +
                  std::to_string(long_share_link_chars) + ".";
    out.warning.zh = "该链接长 " + std::to_string(out.fragment.size()) + " 个字符；部分聊天和邮件软件会截断超过约 " +
                     std::to_string(long_share_link_chars) + " 个字符的链接。";
  }
  return out;
}

bool has_share_fragment(std::string_view url_or_fragment) { return payload_of(url_or_fragment).has_value(); }

ShareDecoded decode_share_fragment(std::string_view url_or_fragment) {
  std::optional<std::string_view> payload = payload_of(url_or_fragment);
  if (!payload) return fail("The link carries no draft (no \"#draft=\" part).", "链接中没有草稿（缺少“#draft=”）。");
  if (payload->empty()) return fail("The link's draft is empty.", "链接中的草稿为空。");
  if (payload->size() > max_share_fragment_chars)
    return fail("The link's draft is longer than " + std::to_string(max_share_fragment_chars) +
                    " characters; it was not read.",
                "链接中的草稿超过 " + std::to_string(max_share_fragment_chars) + " 个字符，未读取。");
  for (size_t i = 0; i < payload->size(); ++i) {
    if (!is_url_safe_base64((*payload)[i]))
      return fail("The link is damaged: character " + std::to_string(i + 1) +
                      " of the draft is not one a share link uses (it may have been cut or edited).",
                  "链接已损坏：草稿的第 " + std::to_string(i + 1) + " 个字符不是分享链接使用的字符（链接可能被截断或修改）。");
  }
  std::string standard(*payload);
  for (char& c : standard) c = c == '-' ? '+' : c == '_' ? '/' : c;
  if (standard.size() % 4 == 1)
    return fail("The link is damaged: its draft is cut short.", "链接已损坏：草稿被截断。");
  base64::Decoded bytes = base64::decode_usersig(standard);
  if (!bytes.ok()) return fail("The link is damaged: " + bytes.error->reason.en + ".", "链接已损坏：" + bytes.error->reason.zh + "。");

  std::string json;
  if (!bytes.bytes.empty() && bytes.bytes.front() == '{') {
    json = std::move(bytes.bytes);  // an uncompressed link, written by hand or by a tool
  } else {
    zlib_codec::Inflated inflated = zlib_codec::inflate_capped(bytes.bytes, max_document_bytes);
    if (!inflated.ok())
      return fail("The link is damaged (it may have been cut): " + inflated.error.en + ".",
                  "链接已损坏（可能被截断）：" + inflated.error.zh + "。");
    json = std::move(inflated.data);
  }
  if (json.size() > max_document_bytes) return fail("The link's draft is too large.", "链接中的草稿过大。");

  JsonReadResult read = read_json(json, link_limits);
  if (!read.ok() || !read.value.is_object())
    return fail("The link is damaged: its draft is not readable.", "链接已损坏：草稿无法读取。");
  const Json& doc = read.value;
  auto version = doc.find("v");
  if (version == doc.end() || !version->is_number_integer())
    return fail("The link's draft has no version: not a share link of this page.", "链接中的草稿没有版本号：不是本页面的分享链接。");
  if (version->get<int64_t>() > link_version)
    return fail("The link was made by a newer version of this page; reload the page to read it.",
                "该链接由更新版本的页面生成，请刷新页面后再打开。");
  auto body = doc.find("body");
  if (body == doc.end() || !body->is_string())
    return fail("The link's draft has no request body.", "链接中的草稿没有请求体。");

  Draft draft;
  auto name = doc.find("name");
  if (name != doc.end() && name->is_string() && !name_problem(name->get<std::string>()))
    draft.name = name->get<std::string>();
  else
    draft.name = "Shared draft";
  draft.body = body->get<std::string>();
  if (auto target = doc.find("target"); target != doc.end()) draft.target = draft_target_from_json(*target);
  // A hand-made link could put a query on the base; the page must not send it anywhere.
  if (size_t q = draft.target.custom_base.find_first_of("?#"); q != std::string::npos) draft.target.custom_base.resize(q);
  draft.target.from_share_link = true;
  ShareDecoded out;
  if (draft.target.kind == TargetKind::custom) {
    out.host = url_authority(draft.target.custom_base);
  } else if (draft.target.kind == TargetKind::region) {
    if (const Region* region = find_region(draft.target.region_id))
      out.host = std::string(region_host(*region, draft.target.backup_host));
  }
  out.draft = std::move(draft);
  return out;
}

std::string share_url(std::string_view page_url, std::string_view fragment) {
  std::string_view base = page_url.substr(0, page_url.find('#'));
  std::string out(base);
  if (!fragment.empty() && fragment.front() != '#') out += '#';
  out += fragment;
  return out;
}

}  // namespace timpush::core
