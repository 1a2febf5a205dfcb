// All state of the composer UI in one struct: what the user edits, caches of derived values,
// and the send flow. Draw code keeps no state elsewhere. No ImGui or platform types here.
#pragma once

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/device_preview.h"
#include "core/draft.h"
#include "core/history.h"
#include "core/push_request.h"
#include "core/response.h"
#include "core/send_guard.h"
#include "core/templates.h"
#include "core/usersig.h"
#include "core/validation.h"
#include "ui/app.h"
#include "ui/app_data_state.h"
#include "ui/explain_state.h"
#include "ui/learn_state.h"
#include "ui/follow_state.h"
#include "ui/sched_state.h"
#include "ui/screen_state.h"
#include "ui/text.h"

namespace timpush::ui {

using core::SigSource;
using core::TargetKind;
enum class Audience { all, tags, attrs };
enum class RightTab { none, preview, checks, response, error_codes };

// The credentials panel edits a draft's target itself (core::DraftTarget: kind, region, relay,
// custom base, the SDKAppID as typed, identifier, validity, signature source, share-link mark)
// plus the two secrets, which never leave this struct except into usersig::generate or, with
// "remember" ticked, a stored draft.
struct Credentials : core::DraftTarget {
  std::string secret_key;
  std::string pasted_usersig;
};

// GET {origin}/sandbox/app at start.
struct SandboxApp {
  enum class Status { not_asked, no_origin, loading, loaded, failed };
  Status status = Status::not_asked;
  uint64_t request_id = 0;
  bool key_is_demo = false;
  bool has_key = false;
  core::Words failure;  // why the GET failed
};

// The UserSig made from the key, regenerated only when its inputs change or it expires.
struct SigCache {
  uint32_t sdkappid = 0;
  std::string identifier;
  std::string key;
  int64_t expire = 0;
  std::string usersig;
  core::usersig::Verdict decoded;  // decode() of usersig
};

// The verdict on a pasted UserSig, redone when the paste, the app or the second changes.
struct PastedCheck {
  std::string usersig;
  uint32_t sdkappid = 0;
  std::string identifier;
  int64_t now = -1;
  core::usersig::Verdict verdict;
};

// Values derived from the form: the body and its checks once per edit (revision), the target and
// UserSig each frame (they compare their inputs; a UserSig also expires).
struct Derived {
  uint64_t revision = 0;     // AppState::revision the body was derived at
  std::string body;          // exact bytes that will be sent and signed
  std::string pretty;        // for the preview
  core::ValidationReport report;
  uint64_t names_generation = 0;  // AppDataState::names_generation the report was checked with
  size_t error_count = 0;
  size_t warning_count = 0;
  core::DevicePreview devices;  // the push on each platform, from the same reading of the body
  size_t device_warning_count = 0;
  std::string base_url;      // where requests go (without the API path)
  std::optional<std::string> base_error;
  std::optional<uint32_t> sdkappid;   // parsed from the field
  std::string usersig;       // the UserSig that would be sent ("" when none)
};

struct RawJson {
  bool active = false;       // the Raw JSON tab is showing
  std::string text;
  bool parses = true;
  core::Words error;         // why the text is not a push request (its 90001 check says where)
  int caret_to = -1;         // byte offset the field's caret goes to once it is active; -1 none
};

// One request on its way, and what came back.
struct SendFlow {
  bool in_flight = false;
  uint64_t request_id = 0;
  double started_at = 0;
  double timeout_seconds = 15;
  std::string host;          // region host when the target is a region, for "use the relay"
  bool cross_origin = false; // sent to another origin than the page's
  core::SentPush sent;        // what left, URL with the UserSig masked: shown, then recorded whole
  std::string usersig;       // the UserSig it carried, so the history record is scrubbed of it
  bool has_result = false;
  HttpResult result;
  core::PushResponse response;
  double elapsed = 0;
  bool client_timeout = false;  // the platform never answered; the UI gave up
};

// Clicking a check focuses its field: the pointer waits here until a widget claims it.
struct FocusRequest {
  std::string pointer;       // requested JSON pointer ("" none)
  std::string claimed;       // the widget pointer chosen for it
  int frames_left = 0;
  std::vector<std::string> seen;  // field pointers drawn in the last frame
};

// Drafts, templates, history and the send guard: what goes to browser storage and comes back.
struct Keeping {
  core::DraftStore drafts;
  core::TemplateStore templates;
  core::History history;
  core::SendGuard guard;
  core::AutosaveTimer autosave;
  bool loaded = false;         // storage read at start (autosave waits for it)
  uint64_t seen_revision = 0;  // AppState::revision autosave last noticed or saved
  bool remember = false;       // "remember the key on this device": one setting of the device
  std::vector<std::string> sent_hosts;  // hosts this device has sent to (url_authority form)
  // Copies of storage that could not be read, by storage key, so unticking "remember" can drop them.
  std::map<std::string, std::string> unreadable;
  std::string storage_message; // the last storage problem, shown until the next success
  std::string page_url;        // for share links
  StartupInfo startup;         // kept until the first frame reads storage
  core::MsgRandomPlan plan;    // what the last send carried as MsgRandom, and why
  std::optional<core::OutcomeInfo> outcome;  // what its answer means for the next send
};

// What the panels show or are asked, kept for the next frame but never stored: the fields of the
// Drafts, Templates, History and Error codes tabs, which tab to open, and the two confirmations.
struct ViewScratch {
  bool show_key = false;       // the SecretKey field shows its text
  bool show_usersig = false;   // the preview URL shows the UserSig unmasked
  std::string rename_to;       // the Drafts tab's name field
  std::string template_name;   // the Templates tab's name field
  std::string history_query;
  std::string import_message;
  std::string error_search;    // the Error codes tab's search field
  RightTab select_tab = RightTab::none;  // one-shot tab switch
  bool show_raw = false;       // a loaded body did not parse: show it in the raw JSON tab
  std::optional<bool> device_dark;  // the Device pane's phones: dark or light (unset: the page's)
  std::string device_hovered;  // the warning under the pointer, so hovering focuses its field once
  // The all-user confirmation (a modal): open while the user types the SDKAppID.
  bool confirm_open = false;
  std::string confirm_typed;
  // The first send to a host this device has not sent to (a modal naming it). host_confirmed is
  // the host the user said yes to, good for the send that asked.
  bool host_confirm_open = false;
  std::string confirm_host;
  std::string host_confirmed;
};

struct AppState {
  Lang lang = Lang::en;
  std::string origin;

  Credentials creds;
  SandboxApp sandbox;
  SigCache sig;
  PastedCheck pasted;

  core::PushRequest request;
  Audience audience = Audience::all;
  bool renew_msg_random_after_ok = true;
  bool open_android = false;  // collapsible sections, forced open to reach a field
  bool open_apns = false;
  std::string new_tag[3];     // the "add" fields of TagsAnd, TagsOr, TagsNot
  std::string new_attr_name[2];
  std::string new_attr_value[2];
  std::map<std::string, std::string> new_extra_key;  // the "add" field of each extra-fields editor

  RawJson raw;
  Derived derived;
  // Bumped by every edit of what the body, the target or a stored draft depend on (mark_edited):
  // the body is derived again, and autosave notices, only when it moved.
  uint64_t revision = 1;

  std::string status_note;    // short feedback, e.g. "Copied."
  double status_note_until = 0;

  SendFlow send;
  FocusRequest focus;
  Keeping keep;
  ViewScratch view;
  ScreenState screen;  // place, theme, layout, announcements (screen_state.h)
  LearnState learn;    // lessons, progress, the lesson on, the reach (learn_state.h)
  FollowState follow;  // the Follow place (follow_state.h)
  SchedState sched;    // test send, schedule and the Schedules place (sched_state.h)
  AppDataState app_data;  // the App data place; its attribute names go to the checks (app_data_state.h)
  ExplainState explain;  // the explained request (explain_state.h)

  uint64_t next_http_id = 1;
  // What the platform is to do, pushed by panels and flows during the frame and handed over whole
  // by App::frame, which fills the frame-wide fields (text input, animating, wake) itself.
  Intents out;
  uint32_t next_url_random = 0;             // `random` of the next send, shown in the preview
  bool first_frame_done = false;
  FrameInput input;                          // this frame's clock and random
};

// Something the body, the target or a stored draft depend on was edited: the next refresh_derived
// serializes the body again (derive.h), and autosave saves. Widgets report edits (ImGui returns
// true on a change): App::frame marks any edit a widget made in the frame; code that edits the
// form calls this itself.
inline void mark_edited(AppState& state) { ++state.revision; }

// This frame's random value, made to differ from `avoid`, a value in use. The platform gives one
// random value a frame, and a frame may need two (MsgRandom and the URL's `random` on the first
// frame), or a new one must differ from the last: a fixed odd mask (2^32 divided by the golden
// ratio; any nonzero one would do) makes the second from the first.
inline uint32_t fresh_random_besides(const AppState& state, uint32_t avoid) {
  const uint32_t value = state.input.fresh_random;
  return value == avoid ? value ^ 0x9E3779B9u : value;
}

// This frame's monotonic clock in milliseconds, the unit of core's send guard and autosave timer.
inline int64_t now_ms(const AppState& state) {
  return static_cast<int64_t>(std::llround(state.input.now_seconds * 1000.0));
}

// A short message in the status line under the top bar, for `seconds`.
inline void note_text(AppState& state, const std::string& text, double seconds = 4) {
  state.status_note = text;
  state.status_note_until = state.input.now_seconds + seconds;
}
inline void note(AppState& state, const Text& text, double seconds = 2.5) {
  note_text(state, tr(state.lang, text), seconds);
}

}  // namespace timpush::ui
