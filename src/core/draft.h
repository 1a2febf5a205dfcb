// Drafts of a push: where it goes (target settings) and the body text, several under names, as one
// JSON string for browser storage. Pure data: no storage, clock or ImGui here; time is passed in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/words.h"

#include "core/json.h"

namespace timpush::core {

enum class TargetKind { sandbox, region, custom };  // stored as "sandbox" | "region" | "custom"
enum class SigSource { key, pasted };               // stored as "key" (sign here) | "pasted"

// Where a push goes and as whom. The composer's credentials panel edits this very struct (its
// Credentials adds the secrets), so a draft and the form never need mapping field by field.
// Nothing secret: the SecretKey and a pasted UserSig live in Draft, behind the "remember on this
// device" choice.
struct DraftTarget {
  TargetKind kind = TargetKind::sandbox;
  std::string region_id = "china";    // for "region": an id of endpoints.h's table
  bool backup_host = false;
  bool via_relay = true;
  std::string custom_base;            // for "custom": a base URL without query
  std::string sdkappid;               // as typed, so a half-typed value survives a reload
  std::string identifier = "administrator";
  int validity_days = 180;            // UserSig validity the user chose
  SigSource sig_source = SigSource::key;  // sign here, or a UserSig made elsewhere
  // Where it goes was set by a share link, someone else's choice: the page marks it until the
  // user picks a target themselves. Stored only when set.
  bool from_share_link = false;
};

struct Draft {
  std::string name;
  DraftTarget target;
  std::string body;                   // the request body text, as the user has it
  int64_t updated_at = 0;             // Unix seconds of the last edit, from the caller's clock
  // Written to storage only when remember_secrets is set; dropped otherwise, even when filled.
  // The page sets it from the device's one "remember the key" setting (ui/keeping.h), never per
  // draft; it is read back only so that old stores can be migrated and scrubbed.
  bool remember_secrets = false;
  std::string secret_key;
  std::string pasted_usersig;
};

// Shown next to the "remember on this device" box: storage is readable by anyone using this
// browser profile and by any script of the page's origin.
extern const Phrase remember_warning;

Json to_json(const DraftTarget& target);
// Reads what it can: a missing or mistyped field keeps its default, never fails.
DraftTarget draft_target_from_json(const Json& value);

Json to_json(const Draft& draft);  // secrets only with remember_secrets
// Needs an object with a non-empty string "name" and a string "body"; nullopt otherwise.
std::optional<Draft> draft_from_json(const Json& value);

constexpr size_t max_name_bytes = 80;
constexpr size_t max_drafts = 100;

// Why a name cannot be used (empty, too long, a line break or control character), or nothing.
// Shared by drafts and user templates.
std::optional<Words> name_problem(std::string_view name);

// The refusals of a named store (drafts, templates): "a draft named "x" already exists",
// "no template named "x"", with kind {"draft", "草稿"} or {"template", "模板"}.
Words name_taken(const Phrase& kind, std::string_view name);
Words name_missing(const Phrase& kind, std::string_view name);

// What an edit of a store did: nothing on success, a message for people on refusal.
struct StoreResult {
  Words error;  // empty on success
  bool ok() const { return error.en.empty(); }
};

// Several named drafts and the one being edited. Names are unique (compared byte for byte).
struct DraftStore {
  std::vector<Draft> drafts;          // in the order they were created
  std::string active;                 // name of the draft the composer shows ("" none)

  const Draft* find(std::string_view name) const;
  Draft* find(std::string_view name);
  // Adds a new draft; refuses a taken or bad name, or a full store.
  StoreResult add(Draft draft);
  // The autosave path: replaces the draft of the same name, or adds it. Keeps the
  // remember_secrets choice as given.
  StoreResult save(Draft draft);
  StoreResult rename(std::string_view from, std::string_view to);
  StoreResult remove(std::string_view name);
  // "Draft 1", "Draft 2", ...: the first such name not taken.
  std::string unused_name(std::string_view stem = "Draft") const;
};

// The whole store as one JSON text: {"version":1,"active":..,"drafts":[..]}.
std::string serialize_drafts(const DraftStore& store);

// What came back from storage. Corrupt storage never throws and never loses a valid entry:
// text that is not a store gives an empty store and a message; entries that cannot be read are
// skipped (and counted), the rest kept; a repeated name keeps the first.
struct DraftStoreRead {
  DraftStore store;
  Words message;           // empty when everything was read
  size_t skipped = 0;      // entries that could not be read
  // The text was not a drafts store at all: keep a copy of it (under another storage key)
  // before saving over it, so a reader of a newer or damaged format can still recover it.
  bool unreadable = false;
};
DraftStoreRead parse_drafts(std::string_view text);

// When to autosave: a save is due once the edits have paused for quiet_ms, or max_delay_ms
// after the first unsaved edit even while typing goes on, so nothing older than a second is lost.
struct AutosaveTimer {
  int64_t quiet_ms = 300;
  int64_t max_delay_ms = 900;
  std::optional<int64_t> first_unsaved_ms;
  int64_t last_edit_ms = 0;

  void note_edit(int64_t now_ms);
  bool due(int64_t now_ms) const;
  void saved();
  // Milliseconds until due() turns true (0 when due, -1 when nothing is waiting), so the
  // caller knows when to wake for the next frame.
  int64_t wait_ms(int64_t now_ms) const;
};

}  // namespace timpush::core
