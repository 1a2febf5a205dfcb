// The composer's memory and guards wired to AppState: drafts autosaved to browser storage and
// restored, templates, the send history, share links, and the send guard around Send. No ImGui:
// panels call these and only draw. The logic itself lives in src/core (draft, templates, history,
// send_guard, share_link); this file only connects it to the form and the storage intents.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "ui/app_state.h"

namespace timpush::ui {

// Browser storage keys (localStorage), all under one prefix.
inline constexpr const char* drafts_key = "timpush.drafts";
inline constexpr const char* templates_key = "timpush.templates";
inline constexpr const char* history_key = "timpush.history";
inline constexpr const char* counters_key = "timpush.counters";
inline constexpr const char* storage_prefix = "timpush.";

int64_t now_ms(const AppState& state);

core::DraftTarget target_of(const Credentials& creds);
void apply_target(Credentials& creds, const core::DraftTarget& target);
// The body as the user has it: the raw text while it does not parse, else the form's body.
std::string current_body(const AppState& state);
// The form as a draft named after the active one; the key only when "remember" is ticked.
core::Draft current_draft(const AppState& state);
// Fills the form from a draft. A draft without secrets keeps the key already in memory.
void apply_draft(AppState& state, const core::Draft& draft);
// Puts a body into the form (or, when it does not parse, into the raw JSON tab).
void load_body(AppState& state, const std::string& body);

// Reads storage and any share link, once, on the first frame (it needs the clock).
void load_kept(AppState& state, const StartupInfo& info);
// Each frame after drawing: notices edits and saves the drafts when the autosave timer says so.
void autosave_tick(AppState& state);
void save_drafts_now(AppState& state);
void on_storage_result(AppState& state, const StorageResult& result);

bool new_draft(AppState& state);
bool switch_draft(AppState& state, const std::string& name);
bool rename_active_draft(AppState& state, const std::string& to);
bool delete_active_draft(AppState& state);
void set_remember(AppState& state, bool remember);

void load_builtin_template(AppState& state, const core::BuiltinTemplate& builtin);
bool load_user_template(AppState& state, const std::string& name);
bool save_as_template(AppState& state, const std::string& name);
bool delete_user_template(AppState& state, const std::string& name);

// Send finished (or given up on): the guard learns the outcome, the history records it.
void finish_send(AppState& state);
bool reopen_history(AppState& state, size_t index);
void export_history_file(AppState& state);
void import_history_file(AppState& state, const ImportedFile& file);

void copy_share_link(AppState& state);

// Shows a message of the memory features in the status line.
void note_text(AppState& state, const std::string& text, double seconds = 4);

}  // namespace timpush::ui
