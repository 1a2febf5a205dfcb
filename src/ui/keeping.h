// The composer's memory wired to AppState: drafts autosaved to browser storage and restored,
// templates, the send history's storage and file, share links (keeping.cpp), and the device's
// settings and the secrets in storage (keeping_device.cpp). No ImGui: panels call these and only
// draw. The logic itself lives in src/core (draft, templates, history, send_guard, share_link);
// these files connect it to the form and to the storage intents.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "ui/app_state.h"

namespace timpush::ui {

// Browser storage keys (localStorage), all under the prefix "timpush." the platform reads at start.
inline constexpr const char* drafts_key = "timpush.drafts";
inline constexpr const char* templates_key = "timpush.templates";
inline constexpr const char* history_key = "timpush.history";
inline constexpr const char* counters_key = "timpush.counters";
// Settings of the device rather than of a draft: "remember the key" ("on" / "off") and the hosts
// this device has sent to (a JSON array of host[:port]).
inline constexpr const char* remember_key_key = "timpush.remember_key";
inline constexpr const char* sent_hosts_key = "timpush.sent_hosts";
// Where a copy of storage that could not be read is put aside: drafts_key + unreadable_suffix.
inline constexpr const char* unreadable_suffix = ".unreadable";

// The form as a draft named after the active one; the key only when "remember" is ticked.
core::Draft current_draft(const AppState& state);
// Fills the form from a draft. A draft without secrets keeps the key already in memory.
void apply_draft(AppState& state, const core::Draft& draft);

// Reads storage and any share link, once, on the first frame (it needs the clock).
void load_kept(AppState& state, const StartupInfo& info);
// Each frame after drawing: notices edits (the revision moved) and saves the drafts when the
// autosave timer says so.
void autosave_tick(AppState& state);
void save_drafts_now(AppState& state);
void on_storage_result(AppState& state, const StorageResult& result);

bool new_draft(AppState& state);
bool switch_draft(AppState& state, const std::string& name);
bool rename_active_draft(AppState& state, const std::string& to);
bool delete_active_draft(AppState& state);

// keeping_device.cpp: the device's settings and the secrets in storage.
// "Remember the key on this device" is one setting for every draft. Ticking it stores the key and a
// pasted UserSig with the drafts; unticking takes both out of every stored draft, template and
// history entry, and drops any unreadable copy that may hold them, at once, and says what went.
void set_remember(AppState& state, bool remember);
// At start, before the drafts are read: the remember setting and the hosts sent to.
void load_device(AppState& state, const StartupInfo& info);
// At start, after the drafts are read: with remember off, no stored draft keeps a secret. Old
// stores kept "remember" per draft; a draft that remembered does not turn the device setting on
// (someone ticked it for one draft, perhaps on a shared machine): the setting stays off and the
// key is scrubbed, and the user is told so.
void settle_stored_secrets(AppState& state, bool device_setting_stored);
// An unreadable storage text about to be put aside: false when it must not be kept (remember is
// off and it may hold a secret); the caller then drops it.
bool may_keep_unreadable(const AppState& state, const std::string& text);
// Where the next send goes, as host[:port], when the device should ask before it goes there: not
// for the sandbox or anything on the page's own origin, nor for a host sent to before.
std::string host_to_confirm(const AppState& state);
// After a send left: its host is remembered, so the next send there does not ask.
void remember_sent_host(AppState& state);

void load_builtin_template(AppState& state, const core::BuiltinTemplate& builtin);
bool load_user_template(AppState& state, const std::string& name);
bool save_as_template(AppState& state, const std::string& name);
bool delete_user_template(AppState& state, const std::string& name);

// The history and the guard's daily counters, written to storage (after a send, an import).
void write_history(AppState& state);
bool reopen_history(AppState& state, size_t index);
void export_history_file(AppState& state);
void import_history_file(AppState& state, const ImportedFile& file);

void copy_share_link(AppState& state);

// For keeping_device.cpp: a write (or, with nullopt, a removal) handed to the platform, and the
// autosave's record that the draft as it is now is stored (no edit since).
void queue_storage_write(AppState& state, const std::string& key, std::optional<std::string> value);
void mark_saved(AppState& state);

}  // namespace timpush::ui
