#include "core/draft.h"

#include <algorithm>
#include <limits>

namespace timpush::core {

const char* const remember_warning_en =
    "The SecretKey (and a pasted UserSig) will be kept in this browser's storage: anyone who uses "
    "this browser profile, and any script running on this page's origin, can read it and push to "
    "every user of the app. Only tick this on your own device.";
const char* const remember_warning_zh =
    "SecretKey（以及粘贴的 UserSig）将保存在本浏览器的存储中：使用此浏览器配置的任何人、"
    "以及本页面所在源上运行的任何脚本都能读取它，并向应用的全部用户推送。仅在自己的设备上勾选。";

namespace {

constexpr int store_version = 1;

// Storage is ours, but anything can end up in it (another version, an extension, a hand edit):
// read it with bounded cost.
constexpr JsonLimits storage_limits{64, 1000};

std::string string_or(const Json& object, const char* key, const std::string& fallback) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

bool bool_or(const Json& object, const char* key, bool fallback) {
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

int64_t int_or(const Json& object, const char* key, int64_t fallback) {
  auto it = object.find(key);
  if (it == object.end()) return fallback;
  if (it->is_number_integer()) return it->get<int64_t>();
  if (it->is_number_unsigned()) {
    auto value = it->get<uint64_t>();
    return value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) ? fallback
                                                                               : static_cast<int64_t>(value);
  }
  return fallback;
}

bool one_of(const std::string& value, std::initializer_list<const char*> allowed) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return value == a; });
}

}  // namespace

Json to_json(const DraftTarget& target) {
  Json out = Json::object();
  out["kind"] = target.kind;
  out["region_id"] = target.region_id;
  out["backup_host"] = target.backup_host;
  out["via_relay"] = target.via_relay;
  out["custom_base"] = target.custom_base;
  out["sdkappid"] = target.sdkappid;
  out["identifier"] = target.identifier;
  out["validity_days"] = target.validity_days;
  out["sig_source"] = target.sig_source;
  if (target.from_share_link) out["from_share_link"] = true;
  return out;
}

DraftTarget draft_target_from_json(const Json& value) {
  DraftTarget target;
  if (!value.is_object()) return target;
  std::string kind = string_or(value, "kind", target.kind);
  if (one_of(kind, {"sandbox", "region", "custom"})) target.kind = kind;
  target.region_id = string_or(value, "region_id", target.region_id);
  target.backup_host = bool_or(value, "backup_host", target.backup_host);
  target.via_relay = bool_or(value, "via_relay", target.via_relay);
  target.custom_base = string_or(value, "custom_base", target.custom_base);
  target.sdkappid = string_or(value, "sdkappid", target.sdkappid);
  target.identifier = string_or(value, "identifier", target.identifier);
  int64_t days = int_or(value, "validity_days", target.validity_days);
  // The UI offers 1..3650 days; anything else is not a choice a user made.
  if (days >= 1 && days <= 3650) target.validity_days = static_cast<int>(days);
  std::string source = string_or(value, "sig_source", target.sig_source);
  if (one_of(source, {"key", "pasted"})) target.sig_source = source;
  target.from_share_link = bool_or(value, "from_share_link", false);
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
  draft.updated_at = int_or(value, "updated_at", 0);
  // Secrets are read back only under the flag that let them be written.
  draft.remember_secrets = bool_or(value, "remember_secrets", false);
  if (draft.remember_secrets) {
    draft.secret_key = string_or(value, "secret_key", "");
    draft.pasted_usersig = string_or(value, "pasted_usersig", "");
  }
  return draft;
}

std::optional<std::string> name_problem(std::string_view name) {
  if (name.empty()) return std::string("the name is empty");
  if (name.size() > max_name_bytes)
    return "the name is longer than " + std::to_string(max_name_bytes) + " bytes";
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) return std::string("the name holds a line break or control character");
  }
  return std::nullopt;
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
  if (find(draft.name)) return {"a draft named \"" + draft.name + "\" already exists"};
  if (drafts.size() >= max_drafts)
    return {"there are already " + std::to_string(max_drafts) + " drafts: delete one first"};
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
  if (!draft) return {"no draft named \"" + std::string(from) + "\""};
  if (from == to) return {};
  if (auto problem = name_problem(to)) return {*problem};
  if (find(to)) return {"a draft named \"" + std::string(to) + "\" already exists"};
  if (active == from) active = std::string(to);
  draft->name = std::string(to);
  return {};
}

StoreResult DraftStore::remove(std::string_view name) {
  auto it = std::find_if(drafts.begin(), drafts.end(), [&](const Draft& d) { return d.name == name; });
  if (it == drafts.end()) return {"no draft named \"" + std::string(name) + "\""};
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
    result.message = "The saved drafts could not be read (not a drafts store); starting with none.";
    result.unreadable = true;
    return result;
  }
  const Json& root = read.value;
  auto list = root.find("drafts");
  if (list == root.end() || !list->is_array()) {
    result.message = "The saved drafts could not be read (no list of drafts); starting with none.";
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
  std::string active = string_or(root, "active", "");
  if (result.store.find(active)) result.store.active = active;
  if (result.skipped)
    result.message = std::to_string(result.skipped) + " saved draft(s) could not be read and were skipped; " +
                     std::to_string(result.store.drafts.size()) + " restored.";
  int64_t version = int_or(root, "version", store_version);
  if (version > store_version && result.message.empty())
    result.message = "The drafts were saved by a newer version of this page; fields it added are not kept.";
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
