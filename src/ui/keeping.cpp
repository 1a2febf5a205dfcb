// Drafts, templates, the history file and share links wired to AppState (see keeping.h).
#include "ui/keeping.h"

#include <cmath>
#include <optional>
#include <utility>

#include "core/share_link.h"
#include "ui/derive.h"
#include "ui/target.h"

namespace timpush::ui {
namespace {

void queue_write(AppState& state, const char* key, std::string value) {
  queue_storage_write(state, key, std::move(value));
}

void write_templates(AppState& state) { queue_write(state, templates_key, core::serialize_templates(state.keep.templates)); }
}  // namespace

void write_history(AppState& state) {
  queue_write(state, history_key, core::serialize_history(state.keep.history));
  queue_write(state, counters_key, state.keep.guard.counters_to_json().dump());
}

namespace {

// Storage that held something else is copied aside before it is saved over.
template <typename Read>
void keep_unreadable(AppState& state, const char* key, const std::string& text, const Read& read) {
  if (read.unreadable) {
    std::string copy = std::string(key) + unreadable_suffix;
    if (may_keep_unreadable(state, text)) {
      queue_write(state, copy.c_str(), text);
      state.keep.unreadable[copy] = text;
    } else {
      state.keep.storage_message += std::string(tr(state.lang, txt::unreadable_removed)) + "\n";
    }
  }
  if (!read.message.en.empty()) {
    state.keep.storage_message += tr(state.lang, fill(txt::storage_problem, key) + read.message) + "\n";
  }
}

core::Draft draft_with_body(const AppState& state, std::string body) {
  core::Draft d;
  d.name = state.keep.drafts.active;
  d.target = target_of(state.creds);
  d.body = std::move(body);
  d.remember_secrets = state.keep.remember;  // the device's setting, the same for every draft
  if (d.remember_secrets) {
    d.secret_key = state.creds.secret_key;
    d.pasted_usersig = state.creds.pasted_usersig;
  }
  return d;
}

}  // namespace

// Shared with keeping_device.cpp.
void queue_storage_write(AppState& state, const std::string& key, std::optional<std::string> value) {
  state.out.storage.push_back(StorageWrite{key, std::move(value)});
}

void mark_saved(AppState& state) { state.keep.seen_revision = state.revision; }

core::Draft current_draft(const AppState& state) { return draft_with_body(state, current_body(state)); }

void apply_draft(AppState& state, const core::Draft& draft) {
  apply_target(state.creds, draft.target);
  if (!draft.secret_key.empty()) state.creds.secret_key = draft.secret_key;
  if (!draft.pasted_usersig.empty()) state.creds.pasted_usersig = draft.pasted_usersig;
  load_body(state, draft.body);  // an edit: derived again, noticed by autosave
}

void load_kept(AppState& state, const StartupInfo& info) {
  Keeping& k = state.keep;
  k.page_url = info.page_url;
  if (!info.storage_error.empty()) {
    k.storage_message = tr(state.lang, fill(txt::storage_unavailable, info.storage_error)) + "\n";
  }
  auto stored = [&](const char* key) -> const std::string* {
    auto it = info.stored.find(key);
    return it == info.stored.end() ? nullptr : &it->second;
  };
  load_device(state, info);
  if (const std::string* text = stored(drafts_key)) {
    core::DraftStoreRead read = core::parse_drafts(*text);
    keep_unreadable(state, drafts_key, *text, read);
    k.drafts = std::move(read.store);
  }
  if (const std::string* text = stored(templates_key)) {
    core::TemplateStoreRead read = core::parse_templates(*text);
    keep_unreadable(state, templates_key, *text, read);
    k.templates = std::move(read.store);
  }
  if (const std::string* text = stored(history_key)) {
    core::HistoryRead read = core::parse_history(*text);
    keep_unreadable(state, history_key, *text, read);
    k.history = std::move(read.history);
  }
  if (const std::string* text = stored(counters_key)) {
    Json counters = core::parse_json(*text);
    if (!counters.is_discarded()) k.guard.counters_from_json(counters, state.input.now_unix);
  }
  k.guard.count_from_history(k.history, state.input.now_unix);
  settle_stored_secrets(state, stored(remember_key_key) != nullptr);

  bool opened = false;
  if (core::has_share_fragment(info.page_url)) {
    core::ShareDecoded shared = core::decode_share_fragment(info.page_url);
    if (shared.ok()) {
      core::Draft d = *shared.draft;
      if (core::name_problem(d.name) || k.drafts.find(d.name)) d.name = k.drafts.unused_name("Shared");
      d.updated_at = state.input.now_unix;
      if (k.drafts.add(d).ok()) {
        k.drafts.active = d.name;
        apply_draft(state, d);
        // Material from someone else is a new push here: never the sharer's MsgRandom.
        regenerate_msg_random(state);
        opened = true;
        note_text(state, tr(state.lang, fill(txt::opened_shared, d.name)), 6);
      }
    } else {
      k.storage_message += tr(state.lang, shared.error) + "\n";
    }
    state.out.set_fragment = std::string();  // a reload must not add the shared draft again
  }
  if (!opened) {
    const core::Draft* active = k.drafts.find(k.drafts.active);
    if (!active && !k.drafts.drafts.empty()) active = &k.drafts.drafts.front();
    if (active) {
      k.drafts.active = active->name;
      apply_draft(state, *active);
    } else {
      k.drafts.active = k.drafts.unused_name();
    }
  }
  k.loaded = true;
  // What was read (a shared draft added, a damaged store replaced) is written as an edit would
  // be, a moment after the first frame rather than in it: the page appears sooner.
  k.autosave.note_edit(now_ms(state));
  mark_saved(state);
}

void save_drafts_now(AppState& state) {
  Keeping& k = state.keep;
  if (!k.loaded) return;
  core::Draft d = current_draft(state);
  d.updated_at = state.input.now_unix;
  core::StoreResult r = k.drafts.save(std::move(d));
  if (!r.ok()) k.storage_message = tr(state.lang, r.error) + "\n";
  queue_write(state, drafts_key, core::serialize_drafts(k.drafts));
  k.autosave.saved();
}

void autosave_tick(AppState& state) {
  Keeping& k = state.keep;
  if (!k.loaded) return;
  int64_t ms = now_ms(state);
  if (state.revision != k.seen_revision) {
    k.seen_revision = state.revision;
    k.autosave.note_edit(ms);
  }
  if (k.autosave.due(ms)) save_drafts_now(state);
}

void on_storage_result(AppState& state, const StorageResult& result) {
  Keeping& k = state.keep;
  if (result.error.empty()) {
    if (result.key == drafts_key) k.storage_message.clear();
    return;
  }
  std::string error = result.error;
  while (!error.empty() && (error.back() == '.' || error.back() == ' ')) error.pop_back();
  k.storage_message = tr(state.lang, fill(fill(txt::storage_write_failed, result.key), error)) + "\n";
}

namespace {

// A new draft added and made the active one (its fields put into the form when `load`), then
// stored; false, with the reason shown, when the store refuses it.
bool add_and_open(AppState& state, const core::Draft& d, bool load) {
  Keeping& k = state.keep;
  core::StoreResult r = k.drafts.add(d);
  if (!r.ok()) {
    note_text(state, tr(state.lang, r.error));
    return false;
  }
  k.drafts.active = d.name;
  state.view.rename_to = d.name;
  if (load) apply_draft(state, d);
  save_drafts_now(state);
  mark_saved(state);
  return true;
}

}  // namespace

bool new_draft(AppState& state) {
  save_drafts_now(state);
  core::Draft d = current_draft(state);
  d.name = state.keep.drafts.unused_name();
  d.updated_at = state.input.now_unix;
  return add_and_open(state, d, false);
}

bool switch_draft(AppState& state, const std::string& name) {
  Keeping& k = state.keep;
  if (name == k.drafts.active) return true;
  save_drafts_now(state);
  const core::Draft* d = k.drafts.find(name);
  if (!d) return false;
  k.drafts.active = d->name;
  state.view.rename_to = d->name;
  apply_draft(state, *d);
  k.guard.discard_retry();
  save_drafts_now(state);
  mark_saved(state);
  return true;
}

bool rename_active_draft(AppState& state, const std::string& to) {
  Keeping& k = state.keep;
  save_drafts_now(state);
  core::StoreResult r = k.drafts.rename(k.drafts.active, to);
  if (!r.ok()) {
    note_text(state, tr(state.lang, r.error));
    return false;
  }
  k.drafts.active = to;
  save_drafts_now(state);
  mark_saved(state);
  return true;
}

bool delete_active_draft(AppState& state) {
  Keeping& k = state.keep;
  if (!k.drafts.remove(k.drafts.active).ok()) return false;
  if (k.drafts.drafts.empty()) {
    k.drafts.active = k.drafts.unused_name();
  } else {
    k.drafts.active = k.drafts.drafts.front().name;
    apply_draft(state, k.drafts.drafts.front());
  }
  state.view.rename_to = k.drafts.active;
  save_drafts_now(state);
  mark_saved(state);
  return true;
}

void load_builtin_template(AppState& state, const core::BuiltinTemplate& builtin) {
  uint32_t fresh = state.input.fresh_random ? state.input.fresh_random : 1;
  state.request = core::instantiate(builtin, fresh);
  state.audience = infer_audience(state.request);
  // An open raw tab re-reads the new body on its next frame (it enters raw mode again).
  state.raw.active = false;
  state.raw.parses = true;
  state.keep.guard.discard_retry();
  mark_edited(state);
  note_text(state, tr(state.lang, fill(txt::loaded_named, Words(builtin.name))));
}

bool load_user_template(AppState& state, const std::string& name) {
  const core::UserTemplate* t = state.keep.templates.find(name);
  if (!t) return false;
  uint32_t fresh = state.input.fresh_random ? state.input.fresh_random : 1;
  core::InstantiatedBody body = core::instantiate_body(t->body, fresh);
  load_body(state, body.body);
  state.keep.guard.discard_retry();
  note_text(state, tr(state.lang, fill(txt::loaded_named, name)));
  return true;
}

bool save_as_template(AppState& state, const std::string& name) {
  core::UserTemplate t{name, current_body(state), state.input.now_unix};
  core::StoreResult r = state.keep.templates.add(std::move(t));
  if (!r.ok()) {
    note_text(state, tr(state.lang, r.error));
    return false;
  }
  write_templates(state);
  note_text(state, tr(state.lang, fill(txt::saved_template, name)));
  return true;
}

bool delete_user_template(AppState& state, const std::string& name) {
  if (!state.keep.templates.remove(name).ok()) return false;
  write_templates(state);
  return true;
}

bool reopen_history(AppState& state, size_t index) {
  Keeping& k = state.keep;
  if (index >= k.history.entries.size()) return false;
  save_drafts_now(state);
  const core::HistoryEntry& e = k.history.entries[index];
  core::Draft d = core::draft_from_history(e, k.drafts.unused_name("Sent"), state.input.now_unix);
  d.remember_secrets = k.remember;
  if (!add_and_open(state, d, true)) return false;
  note_text(state, tr(state.lang, fill(txt::reopened_as, d.name)));
  return true;
}

void export_history_file(AppState& state) {
  state.out.download = FileDownload{"timpush-history.json", core::export_history(state.keep.history),
                                            "application/json"};
}

void import_history_file(AppState& state, const ImportedFile& file) {
  Keeping& k = state.keep;
  if (!file.error.empty()) {
    state.view.import_message = tr(state.lang, fill(txt::file_unreadable, file.error));
    return;
  }
  core::HistoryImport r = core::import_history(k.history, file.text);
  if (!r.ok()) {
    state.view.import_message = tr(state.lang, fill(txt::not_imported, r.error));
    return;
  }
  state.view.import_message = tr(state.lang, fill(fill(fill(txt::imported_counts, std::to_string(r.added)),
                                                std::to_string(r.duplicates)),
                                           std::to_string(r.invalid)));
  if (r.dropped) {
    state.view.import_message += tr(state.lang, fill(fill(txt::import_dropped, std::to_string(r.dropped)),
                                            std::to_string(core::max_history_entries)));
  }
  write_history(state);
}

void copy_share_link(AppState& state) {
  core::Draft d = current_draft(state);
  // The encoder refuses a body holding a credential; it must know them even when not remembered.
  d.secret_key = state.creds.secret_key;
  d.pasted_usersig = state.creds.pasted_usersig;
  std::vector<std::string> extra;
  if (!state.derived.usersig.empty()) extra.push_back(state.derived.usersig);
  core::ShareEncoded enc = core::encode_share_fragment(d, extra);
  if (!enc.ok()) {
    note_text(state, tr(state.lang, enc.error), 6);
    return;
  }
  state.out.copy_text = core::share_url(state.keep.page_url, enc.fragment);
  Words msg = txt::share_copied;
  if (!enc.warning.en.empty()) msg += core::same(" ") + enc.warning;
  note_text(state, tr(state.lang, msg), 5);
}

}  // namespace timpush::ui
