// The App data place's requests and answers: the app's attribute names read and saved, accounts'
// tags and attributes looked up and changed, each with the rules core/app_report.h knows checked
// before anything is sent. Requests go where a push goes, signed as a push is (follow_flow.h's
// queue_service_call); nothing is asked on its own: every request follows a button.
//
// Decisions:
// - Save needs the names read first from this target: set_attr_name writes slots 0..N-1, and an
//   editor that had not seen the app's names would overwrite them. A slot cannot be emptied (the
//   documents give no way), so names read are edited, never removed; new ones may be.
// - The account type (AttrTypes) is one choice for every slot, as set_attr_name_body sends it;
//   a choice that differs from a type the app already has is 90035 at the field.
// - Tags are typed separated by commas (ASCII or Chinese) or line breaks, since a tag may hold
//   a space; accounts as everywhere else (core::parse_accounts).
// - A successful save reads the names again, so the checks know what the app now has; a change to
//   accounts looks them up again, and against the sandbox the composer's reach is asked again
//   (the world changed under the same Condition).
// - The names and what was looked up belong to the base URL and SDKAppID they came from: when
//   either changes they are forgotten, with any answer still on its way.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ui/app_state.h"

namespace timpush::ui {

// Why nothing can be asked now (target, UserSig, a request on its way), or nothing.
std::optional<Text> app_data_blocker(const AppState& state);

// Attribute names.
void ask_attr_names(AppState& state);
// The editor's problems: check_attr_names' 90033s at "/AttrNames/<slot>", and 90035 at
// "/AttrTypes" for a type that changes one the app has.
std::vector<core::Issue> attr_name_issues(const AppState& state);
// Why Save cannot go now (names not read, nothing changed, an issue), or nothing.
std::optional<Text> save_blocker(const AppState& state);
void save_attr_names(AppState& state);

// Accounts and their data. Each problem is what the field shows under it; nothing when it may go.
std::vector<std::string> typed_accounts(const AppState& state);
std::optional<Words> accounts_problem(const AppState& state);
std::vector<std::string> typed_tags(const AppState& state);
std::optional<Words> tags_problem(const AppState& state);
// The attribute field: `with_value` for Set attribute, without for Remove attribute.
std::optional<Words> attr_problem(const AppState& state, bool with_value);
// A warning about the attribute that does not stop Set (90035: a RegistrationID attribute).
std::optional<Words> attr_warning(const AppState& state);

void look_up_accounts(AppState& state);
void add_tags(AppState& state);
void set_attribute(AppState& state);
// Remove tags, Clear all tags and Remove attribute ask first: this opens the confirmation, and
// confirm_removal sends what it confirmed.
void ask_removal(AppState& state, AppDataRemoval what);
void confirm_removal(AppState& state);
void cancel_removal(AppState& state);

// An answer to one of the requests above; false when the id is none of them.
bool handle_app_data_result(AppState& state, const HttpResult& result);

// Forgets the names and look-ups when the target or the SDKAppID moved (each frame, after the
// target is derived; cheap when the place holds nothing).
void forget_app_data(AppState& state);
inline void forget_app_data_if_moved(AppState& state) {
  const AppDataState& a = state.app_data;
  if (!a.names && !a.looked_up && !a.names_request && !a.tags_request && !a.attrs_request && !a.change_request &&
      !a.save_request)
    return;
  if (a.names_base != state.derived.base_url || a.names_app != state.derived.sdkappid) forget_app_data(state);
}

}  // namespace timpush::ui
