// The App data place's state: the app's attribute names as read (and the editor over them), the
// accounts looked up with their tags and attributes, the change asked last and its answer, and
// the confirmation a removal waits on. One member of AppState (`app_data`). No ImGui here.
//
// The names read are also what the composer's checks know of the app (derive.cpp passes
// `known_names` to the validator): they belong to the target and SDKAppID they were read from,
// and are forgotten when either changes (app_data_flow.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app_report.h"
#include "core/response.h"

namespace timpush::ui {

// A change that removes something, waiting for its confirmation.
enum class AppDataRemoval { none, remove_tags, clear_tags, remove_attr };

struct AppDataState {
  // Attribute names (get_attr_name, set_attr_name)
  uint64_t names_request = 0;                      // a read in flight (0: none)
  uint64_t save_request = 0;                       // a save in flight
  std::optional<core::AttrNamesReport> names;      // the last read that was answered OK
  std::optional<std::vector<std::string>> known_names;  // names.plain(), for the checks
  uint64_t names_generation = 0;                   // moves whenever known_names does
  std::string names_base;                          // the base URL and SDKAppID they belong to
  std::optional<uint32_t> names_app;
  std::optional<core::PushResponse> names_refused; // the last read's or save's refusal
  bool saved = false;                              // the last save was accepted
  std::vector<std::string> edit;                   // the editor's names, slot by slot
  int edit_type = -1;                              // AttrTypes to send: -1 none, 0 UserID, 1 RegistrationID

  // Accounts (get_tag, get_attr, add_tag, remove_tag, clear_all_tags, set_attr, remove_attr)
  std::string accounts;                            // as typed
  std::string tags;                                // tags for add or remove, as typed
  bool replace = false;                            // add_tag's Replace 1
  std::string attr_name, attr_value;
  uint64_t tags_request = 0, attrs_request = 0;    // a look-up in flight: both halves
  std::vector<core::UserTags> found_tags;
  std::vector<core::UserAttrs> found_attrs;
  std::vector<core::AccountError> lookup_errors;
  std::optional<core::PushResponse> lookup_refused;
  bool looked_up = false;

  uint64_t change_request = 0;
  std::string change_api;                          // "add_tag", ... of the change asked last
  std::optional<core::AppDataReport> change_answer;
  AppDataRemoval confirming = AppDataRemoval::none;
};

}  // namespace timpush::ui
