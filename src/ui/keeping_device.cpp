// The device's own settings, beside the drafts: "remember the key on this device" (one setting for
// every draft) and the hosts this device has sent to; and the scrubbing of secrets out of storage
// when remember is off. No ImGui: panels call these.
//
// Decisions:
// - remember is stored under its own key (remember_key_key). Old stores kept it per draft; on
//   load a draft that remembered does not turn it on: the device setting stays off, the key is
//   removed from storage and the user told (someone may have ticked it for one draft only).
// - With remember off, a storage text that could not be read is not copied aside when it may hold
//   a secret (it names a secret field, or holds a secret this page knows): it cannot be scrubbed
//   field by field, so it is dropped, and the user told.
// - The first send to a host (host[:port], compared canonically) this device has not sent to asks
//   first. The sandbox and any base on the page's own origin never ask: the page's own server
//   already has everything the page has. Region hosts ask once too: a share link can pick them.
#include <algorithm>
#include <string>
#include <vector>

#include "core/endpoints.h"
#include "core/history.h"
#include "core/json.h"
#include "ui/keeping.h"
#include "ui/target.h"

namespace timpush::ui {
namespace {

// Enough for every host a person uses; a hostile page cannot make the list grow storage unbounded.
constexpr size_t max_sent_hosts = 200;

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::string> known_secrets(const AppState& state) {
  std::vector<std::string> out;
  auto add = [&out](const std::string& s) {
    if (!s.empty()) out.push_back(s);
  };
  add(state.creds.secret_key);
  add(state.creds.pasted_usersig);
  add(state.derived.usersig);
  for (const core::Draft& d : state.keep.drafts.drafts) {
    add(d.secret_key);
    add(d.pasted_usersig);
  }
  return out;
}

// Text whose secrets cannot be taken out field by field: does it name or hold one?
bool may_hold_secret(const std::string& text, const std::vector<std::string>& secrets) {
  if (text.find("secret_key") != std::string::npos || text.find("pasted_usersig") != std::string::npos) return true;
  return core::redact(text, secrets) != text;
}

bool redact_in_place(std::string& text, const std::vector<std::string>& secrets) {
  std::string clean = core::redact(text, secrets);
  if (clean == text) return false;
  text = std::move(clean);
  return true;
}

// What unticking (or a migration) took out of storage, for the message that says so.
struct Scrubbed {
  size_t drafts = 0;
  size_t templates = 0;
  size_t history = 0;
  size_t copies = 0;
  bool any() const { return drafts || templates || history || copies; }
};

Scrubbed scrub_storage(AppState& state, bool drop_drafts_copy) {
  Keeping& k = state.keep;
  const std::vector<std::string> secrets = known_secrets(state);
  Scrubbed out;
  for (core::Draft& d : k.drafts.drafts) {
    if (!d.secret_key.empty() || !d.pasted_usersig.empty()) ++out.drafts;
    d.remember_secrets = false;
    d.secret_key.clear();
    d.pasted_usersig.clear();
  }
  for (core::UserTemplate& t : k.templates.templates)
    if (redact_in_place(t.body, secrets)) ++out.templates;
  for (core::HistoryEntry& e : k.history.entries) {
    bool changed = false;
    for (std::string* text : {&e.base, &e.identifier, &e.request_body, &e.response_body, &e.target.custom_base})
      changed = redact_in_place(*text, secrets) || changed;
    if (changed) ++out.history;
  }
  for (auto it = k.unreadable.begin(); it != k.unreadable.end();) {
    bool drafts_copy = it->first == std::string(drafts_key) + unreadable_suffix;
    if ((drafts_copy && drop_drafts_copy) || may_hold_secret(it->second, secrets)) {
      queue_storage_write(state, it->first, std::nullopt);
      ++out.copies;
      it = k.unreadable.erase(it);
    } else {
      ++it;
    }
  }
  queue_storage_write(state, drafts_key, core::serialize_drafts(k.drafts));
  if (out.templates) queue_storage_write(state, templates_key, core::serialize_templates(k.templates));
  if (out.history) queue_storage_write(state, history_key, core::serialize_history(k.history));
  return out;
}

std::string scrubbed_message(const AppState& state, const Scrubbed& s) {
  // Built part by part: which parts appear depends on what was found.
  std::string en = "Removed from this browser's storage: the key of " + std::to_string(s.drafts) + " draft(s)";
  std::string zh = "已从本浏览器存储中删除：" + std::to_string(s.drafts) + " 个草稿中的密钥";
  if (s.templates) {
    en += ", from " + std::to_string(s.templates) + " template(s)";
    zh += "、" + std::to_string(s.templates) + " 个模板中的密钥";
  }
  if (s.history) {
    en += ", from " + std::to_string(s.history) + " history entr" + (s.history == 1 ? "y" : "ies");
    zh += "、" + std::to_string(s.history) + " 条历史记录中的密钥";
  }
  if (s.copies) {
    en += ", " + std::to_string(s.copies) + " unreadable saved cop" + (s.copies == 1 ? "y" : "ies");
    zh += "、" + std::to_string(s.copies) + " 份无法读取的存储副本";
  }
  return tr(state.lang, Words{en + ".", zh + "。"});
}

}  // namespace

void load_device(AppState& state, const StartupInfo& info) {
  Keeping& k = state.keep;
  auto remember = info.stored.find(remember_key_key);
  k.remember = remember != info.stored.end() && remember->second == "on";
  k.sent_hosts.clear();
  if (auto hosts = info.stored.find(sent_hosts_key); hosts != info.stored.end()) {
    Json list = core::parse_json(hosts->second);
    if (list.is_array()) {
      for (const Json& h : list) {
        if (!h.is_string() || k.sent_hosts.size() >= max_sent_hosts) continue;
        std::string host = core::url_authority("https://" + h.get<std::string>());
        if (!host.empty() && std::find(k.sent_hosts.begin(), k.sent_hosts.end(), host) == k.sent_hosts.end())
          k.sent_hosts.push_back(host);
      }
    }
  }
  // Copies put aside by an earlier visit: known, so that unticking can drop them.
  for (const auto& [key, text] : info.stored)
    if (ends_with(key, unreadable_suffix)) k.unreadable[key] = text;
}

void settle_stored_secrets(AppState& state, bool device_setting_stored) {
  Keeping& k = state.keep;
  if (k.remember) return;
  bool legacy = !device_setting_stored &&
                std::any_of(k.drafts.drafts.begin(), k.drafts.drafts.end(),
                            [](const core::Draft& d) { return d.remember_secrets; });
  bool secrets_left = std::any_of(k.drafts.drafts.begin(), k.drafts.drafts.end(), [](const core::Draft& d) {
    return !d.secret_key.empty() || !d.pasted_usersig.empty();
  });
  bool copies_left = std::any_of(k.unreadable.begin(), k.unreadable.end(),
                                 [](const auto& copy) { return may_hold_secret(copy.second, {}); });
  if (!legacy && !secrets_left && !copies_left) return;
  Scrubbed s = scrub_storage(state, false);
  queue_storage_write(state, remember_key_key, std::string("off"));
  std::string message = scrubbed_message(state, s);
  if (legacy) {
    message = tr(state.lang, txt::remember_now_device) + message + tr(state.lang, txt::remember_tick_again);
  }
  k.storage_message += message + "\n";
}

bool may_keep_unreadable(const AppState& state, const std::string& text) {
  return state.keep.remember || !may_hold_secret(text, known_secrets(state));
}

void set_remember(AppState& state, bool remember) {
  Keeping& k = state.keep;
  k.remember = remember;
  mark_edited(state);
  queue_storage_write(state, remember_key_key, std::string(remember ? "on" : "off"));
  if (!remember) {
    // Every stored copy at once, not the active draft at its next edit.
    Scrubbed s = scrub_storage(state, true);
    note_text(state, s.any() ? scrubbed_message(state, s)
                             : std::string(tr(state.lang, txt::nothing_secret_stored)), 8);
  }
  save_drafts_now(state);
  mark_saved(state);
}

std::string host_to_confirm(const AppState& state) {
  if (state.creds.kind == TargetKind::sandbox) return {};
  std::string host;
  if (state.creds.kind == TargetKind::region) {
    const core::Region* region = core::find_region(state.creds.region_id);
    if (!region) return {};
    host = core::canonical_host(core::region_host(*region, state.creds.backup_host));
    if (host.empty()) return {};  // no backup host: nothing is sent (the target says why)
  } else {
    host = core::url_authority(state.derived.base_url);
    if (host.empty() || (!state.origin.empty() && host == core::url_authority(state.origin))) return {};
  }
  const Keeping& k = state.keep;
  if (host == state.view.host_confirmed) return {};
  if (std::find(k.sent_hosts.begin(), k.sent_hosts.end(), host) != k.sent_hosts.end()) return {};
  return host;
}

void remember_sent_host(AppState& state) {
  Keeping& k = state.keep;
  std::string host = host_to_confirm(state);
  if (host.empty() && !state.view.host_confirmed.empty()) host = state.view.host_confirmed;
  state.view.host_confirmed.clear();
  if (host.empty() || std::find(k.sent_hosts.begin(), k.sent_hosts.end(), host) != k.sent_hosts.end()) return;
  if (k.sent_hosts.size() >= max_sent_hosts) k.sent_hosts.erase(k.sent_hosts.begin());
  k.sent_hosts.push_back(host);
  Json list = Json::array();
  for (const std::string& h : k.sent_hosts) list.push_back(h);
  queue_storage_write(state, sent_hosts_key, list.dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace timpush::ui
