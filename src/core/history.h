// The record of sends: what went where, what came back, searchable, exported and imported as a
// JSON file. Pure data: no storage, no clock (times are passed in), no ImGui. Nothing secret is
// kept: URLs are stored as base + API path only, never their query (which holds the UserSig).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/words.h"

#include "core/draft.h"
#include "core/redact.h"
#include "core/response.h"

namespace timpush::core {

struct HistoryEntry {
  int64_t time = 0;               // Unix seconds the push was sent, from the caller's clock
  std::string base;               // "https://console.tim.qq.com": scheme, host, port, path prefix
  std::string api = "v4/timpush/push";
  uint32_t sdkappid = 0;
  std::string identifier;
  DraftTarget target;             // the settings it was sent with, so it reopens as a draft
  uint32_t msg_random = 0;
  std::string request_body;       // the exact bytes sent
  int http_status = 0;            // 0: no HTTP answer
  std::string response_body;      // capped at max_response_bytes
  std::optional<int64_t> error_code;  // ErrorCode of the service's answer, when there was one
  std::string task_id;            // TaskId of a successful push
};

// Keeps the record small enough for browser storage (about 5 MB per origin): the newest
// max_history_entries only, each answer cut to max_response_bytes (a gateway's HTML page can be
// large; the service's own answers are ~150 bytes).
constexpr size_t max_history_entries = 500;
constexpr size_t max_response_bytes = 4096;

// One push as it left: what the sender knows before any answer. url may be the full request URL:
// the history keeps only its base and API path.
struct SentPush {
  int64_t time = 0;               // Unix seconds
  std::string url;
  uint32_t sdkappid = 0;
  std::string identifier;
  DraftTarget target;
  uint32_t msg_random = 0;
  std::string request_body;       // the exact bytes sent
};

// Builds an entry from one finished send and its answer as read_push_response read it (ErrorCode
// and TaskId come from there, so the answer is read once).
HistoryEntry make_history_entry(const SentPush& sent, int http_status, std::string_view response_body,
                                const PushResponse& answer);
// The same, reading the answer itself.
HistoryEntry make_history_entry(const SentPush& sent, int http_status, std::string_view response_body);

struct History {
  std::vector<HistoryEntry> entries;  // oldest first

  // Adds a send, after redacting the secrets given (the SecretKey, the UserSig sent) from every
  // text field and cutting the response; then drops the oldest entries beyond the cap.
  void add(HistoryEntry entry, const std::vector<std::string>& secrets = {});

  // Indices into entries, newest first, of those containing every whitespace-separated word of
  // the query (ASCII case folded) in the request or response body, TaskId, base, API, identifier,
  // SDKAppID, ErrorCode, HTTP status or MsgRandom. An empty query matches every entry.
  std::vector<size_t> search(std::string_view query) const;
};

// An entry as a draft again, named by the caller. Its MsgRandom stays in the body: the send
// guard decides whether the next send reuses it.
Draft draft_from_history(const HistoryEntry& entry, std::string name, int64_t now);

Json to_json(const HistoryEntry& entry);
// Needs integer "time", string "base" and string "request_body"; other fields default when
// absent. Refuses a wrong type in a present field (a file with "sdkappid": "x" is not ours).
// Any query or fragment in base or api is dropped, and usersig= values redacted, on the way in.
std::optional<HistoryEntry> history_entry_from_json(const Json& value);

// The file a user downloads: {"format":"timpush-history","version":1,"entries":[...]}, indented.
std::string export_history(const History& history);

// An imported file larger than this is refused before it is parsed: its JSON tree would take
// several times its size in the page's memory. A full export (500 entries of at most a 10 KB body
// and a 4 KB answer, escaped) stays below it.
constexpr size_t max_import_bytes = 16'000'000;

struct HistoryImport {
  size_t added = 0;
  size_t duplicates = 0;   // already present (same time, place, MsgRandom, bodies and TaskId)
  size_t invalid = 0;      // entries that could not be read
  size_t dropped = 0;      // oldest entries dropped to stay within max_history_entries
  Words error;             // the file as a whole was refused (not JSON, not a history file, too big)
  bool ok() const { return error.en.empty(); }
};
// Merges a file made by export_history (or a bare array of entries) into history, kept in time
// order, keeping the newest max_history_entries (the rest counted in dropped). Duplicates are found
// through a hash of each entry, so the cost grows with the file, not with its square. A refused
// file leaves history unchanged.
HistoryImport import_history(History& history, std::string_view text);

// For browser storage: compact, and within max_bytes by leaving out the oldest entries.
std::string serialize_history(const History& history, size_t max_bytes = 2'000'000);

struct HistoryRead {
  History history;
  Words message;           // empty when everything was read
  size_t skipped = 0;
  bool unreadable = false; // not a history at all (see DraftStoreRead)
};
// Never throws; keeps every readable entry.
HistoryRead parse_history(std::string_view text);

}  // namespace timpush::core
