#include "core/draft.h"

#include <algorithm>
#include <limits>

namespace timpush::core {

const Phrase remember_warning{
    "The SecretKey (and a pasted UserSig) will be kept in this browser's storage: anyone who uses "
    "this browser profile, and any script running on this page's origin, can read it and push to "
    "every user of the app. Only tick this on your own device.",
    "SecretKey（以及粘贴的 UserSig）将保存在本浏览器的存储中：使用此浏览器配置的任何人、"
    "以及本页面所在源上运行的任何脚本都能读取它，并向应用的全部用户推送。仅在自己的设备上勾选。"};

namespace {

constexpr int store_version = 1;

// Storage is ours, but anything can end up in it (another version, an extension, a hand edit):
// read it with bounded cost.
constexpr JsonLimits storage_limits{64, 1000};

constexpr Phrase draft_word{"draft", "草稿"};
Words taken(std::string_view name) { return name_taken(draft_word, name); }
Words missing(std::string_view name) { return name_missing(draft_word, name); }

}  // namespace

constexpr const char* kind_names[] = {"sandbox", "region", "custom"};
constexpr const char* source_names[] = {"key", "pasted"};

Json to_json(const DraftTarget& target) {
  Json out = Json::object();
  out["kind"] = kind_names[static_cast<int>(target.kind)];
  out["region_id"] = target.region_id;
  out["backup_host"] = target.backup_host;
  out["via_relay"] = target.via_relay;
  out["custom_base"] = target.custom_base;
  out["sdkappid"] = target.sdkappid;
  out["identifier"] = target.identifier;
  out["validity_days"] = target.validity_days;
  out["sig_source"] = source_names[static_cast<int>(target.sig_source)];
  if (target.from_share_link) out["from_share_link"] = true;
  return out;
}

DraftTarget draft_target_from_json(const Json& value) {
  DraftTarget target;
  if (!value.is_object()) return target;
  std::string kind = get_string(value, "kind").value_or("");
  for (int i = 0; i < 3; ++i)
    if (kind == kind_names[i]) target.kind = static_cast<TargetKind>(i);
  target.region_id = get_string(value, "region_id").value_or(target.region_id);
  target.backup_host = get_bool(value, "backup_host").value_or(target.backup_host);
  target.via_relay = get_bool(value, "via_relay").value_or(target.via_relay);
  target.custom_base = get_string(value, "custom_base").value_or(target.custom_base);
  target.sdkappid = get_string(value, "sdkappid").value_or(target.sdkappid);
  target.identifier = get_string(value, "identifier").value_or(target.identifier);
  int64_t days = get_int64(value, "validity_days").value_or(target.validity_days);
  // The UI offers 1..3650 days; anything else is not a choice a user made.
  if (days >= 1 && days <= 3650) target.validity_days = static_cast<int>(days);
  std::string source = get_string(value, "sig_source").value_or("");
  for (int i = 0; i < 2; ++i)
    if (source == source_names[i]) target.sig_source = static_cast<SigSource>(i);
  target.from_share_link = get_bool(value, "from_share_link").value_or(false);
  return target;
}

Json to_json(const Draft& draft) {
  Json out = Json::object();
  out["name"] = draft.name;
  out["target"] = to_json(draft.target);
  out["body"] = draft.body;
  out["updated_at"] = draft.updated_at;
  if (draft.remember_secrets) {
    out["remember_secrets"] = true;
    if (!draft.secret_key.empty()) out["secret_key"] = draft.secret_key;
    if (!draft.pasted_usersig.empty()) out["pasted_usersig"] = draft.pasted_usersig;
  }
  return out;
}

std::optional<Draft> draft_from_json(const Json& value) {
  if (!value.is_object()) return std::nullopt;
  auto name = value.find("name");
  auto body = value.find("body");
  if (name == value.end() || !name->is_string() || body == value.end() || !body->is_string())
    return std::nullopt;
  Draft draft;
  draft.name = name->get<std::string>();
  if (name_problem(draft.name)) return std::nullopt;
  draft.body = body->get<std::string>();
  if (auto target = value.find("target"); target != value.end())
    draft.target = draft_target_from_json(*target);
  draft.updated_at = get_int64(value, "updated_at").value_or(0);
  // Secrets are read back only under the flag that let them be written.
  draft.remember_secrets = get_bool(value, "remember_secrets").value_or(false);
  if (draft.remember_secrets) {
    draft.secret_key = get_string(value, "secret_key").value_or("");
    draft.pasted_usersig = get_string(value, "pasted_usersig").value_or("");
  }
  return draft;
}

std::optional<Words> name_problem(std::string_view name) {
  if (name.empty()) return Words{"the name is empty", "名称为空"};
  if (name.size() > max_name_bytes)
    return Words{"the name is longer than " + std::to_string(max_name_bytes) + " bytes",
                 "名称超过 " + std::to_string(max_name_bytes) + " 字节"};
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F)
      return Words{"the name holds a line break or control character", "名称中含有换行符或控制字符"};
  }
  return std::nullopt;
}

Words name_taken(const Phrase& kind, std::string_view name) {
  return {"a " + std::string(kind.en) + " named \"" + std::string(name) + "\" already exists",
          "已有名为“" + std::string(name) + "”的" + std::string(kind.zh)};
}

Words name_missing(const Phrase& kind, std::string_view name) {
  return {"no " + std::string(kind.en) + " named \"" + std::string(name) + "\"",
          "没有名为“" + std::string(name) + "”的" + std::string(kind.zh)};
}

const Draft* DraftStore::find(std::string_view name) const {
  for (const auto& draft : drafts)
    if (draft.name == name) return &draft;
  return nullptr;
}

Draft* DraftStore::find(std::string_view name) {
  for (auto& draft : drafts)
    if (draft.name == name) return &draft;
  return nullptr;
}

StoreResult DraftStore::add(Draft draft) {
  if (auto problem = name_problem(draft.name)) return {*problem};
  if (find(draft.name)) return {taken(draft.name)};
  if (drafts.size() >= max_drafts)
    return {Words{"there are already " + std::to_string(max_drafts) + " drafts: delete one first",
                  "草稿已有 " + std::to_string(max_drafts) + " 个:请先删除一个"}};
  drafts.push_back(std::move(draft));
  return {};
}

StoreResult DraftStore::save(Draft draft) {
  if (Draft* existing = find(draft.name)) {
    *existing = std::move(draft);
    return {};
  }
  return add(std::move(draft));
}

StoreResult DraftStore::rename(std::string_view from, std::string_view to) {
  Draft* draft = find(from);
  if (!draft) return {missing(from)};
  if (from == to) return {};
  if (auto problem = name_problem(to)) return {*problem};
  if (find(to)) return {taken(to)};
  if (active == from) active = std::string(to);
  draft->name = std::string(to);
  return {};
}

StoreResult DraftStore::remove(std::string_view name) {
  auto it = std::find_if(drafts.begin(), drafts.end(), [&](const Draft& d) { return d.name == name; });
  if (it == drafts.end()) return {missing(name)};
  drafts.erase(it);
  if (active == name) active.clear();
  return {};
}

std::string DraftStore::unused_name(std::string_view stem) const {
  for (size_t n = 1;; ++n) {
    std::string name = std::string(stem) + " " + std::to_string(n);
    if (!find(name)) return name;
  }
}

std::string serialize_drafts(const DraftStore& store) {
  Json out = Json::object();
  out["version"] = store_version;
  out["active"] = store.active;
  Json list = Json::array();
  for (const auto& draft : store.drafts) list.push_back(to_json(draft));
  out["drafts"] = std::move(list);
  // Invalid UTF-8 typed into a field must not make saving throw: replace it, keep the rest.
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

DraftStoreRead parse_drafts(std::string_view text) {
  DraftStoreRead result;
  if (text.empty()) return result;  // nothing saved yet: not an error
  JsonReadResult read = read_json(text, storage_limits);
  if (!read.ok() || !read.value.is_object()) {
    result.message = {"The saved drafts could not be read (not a drafts store); starting with none.",
                      "无法读取已保存的草稿(不是草稿存储);从空白开始。"};
    result.unreadable = true;
    return result;
  }
  const Json& root = read.value;
  auto list = root.find("drafts");
  if (list == root.end() || !list->is_array()) {
    result.message = {"The saved drafts could not be read (no list of drafts); starting with none.",
                      "无法读取已保存的草稿(没有草稿列表);从空白开始。"};
    result.unreadable = true;
    return result;
  }
  for (const auto& entry : *list) {
    std::optional<Draft> draft = draft_from_json(entry);
    if (!draft || result.store.find(draft->name) || result.store.drafts.size() >= max_drafts) {
      ++result.skipped;
      continue;
    }
    result.store.drafts.push_back(std::move(*draft));
  }
  std::string active = get_string(root, "active").value_or("");
  if (result.store.find(active)) result.store.active = active;
  if (result.skipped)
    result.message = {std::to_string(result.skipped) + " saved draft(s) could not be read and were skipped; " +
                          std::to_string(result.store.drafts.size()) + " restored.",
                      "有 " + std::to_string(result.skipped) + " 个已保存的草稿无法读取,已跳过;恢复了 " +
                          std::to_string(result.store.drafts.size()) + " 个。"};
  int64_t version = get_int64(root, "version").value_or(store_version);
  if (version > store_version && result.message.en.empty())
    result.message = {"The drafts were saved by a newer version of this page; fields it added are not kept.",
                      "草稿由更新版本的页面保存;新版本增加的字段不会保留。"};
  return result;
}

void AutosaveTimer::note_edit(int64_t now_ms) {
  if (!first_unsaved_ms) first_unsaved_ms = now_ms;
  last_edit_ms = now_ms;
}

bool AutosaveTimer::due(int64_t now_ms) const { return wait_ms(now_ms) == 0; }

void AutosaveTimer::saved() { first_unsaved_ms.reset(); }

int64_t AutosaveTimer::wait_ms(int64_t now_ms) const {
  if (!first_unsaved_ms) return -1;
  int64_t at = std::min(last_edit_ms + quiet_ms, *first_unsaved_ms + max_delay_ms);
  return at <= now_ms ? 0 : at - now_ms;
}

}  // namespace timpush::core
