// The App data place's requests, rules at the field and answers (app_data_flow.h).
#include "ui/app_data_flow.h"

#include <algorithm>
#include <utility>

#include "core/test_send.h"
#include "core/text_util.h"
#include "ui/follow_flow.h"
#include "ui/later.h"

namespace timpush::ui {
namespace {

AppDataState& data(AppState& state) { return state.app_data; }

// The place's data now belongs to this target: what it held for another one goes first.
void bind_target(AppState& state) {
  const AppDataState& a = state.app_data;
  if (a.names_base != state.derived.base_url || a.names_app != state.derived.sdkappid) forget_app_data(state);
  state.app_data.names_base = state.derived.base_url;
  state.app_data.names_app = state.derived.sdkappid;
}

uint64_t call(AppState& state, const char* api, std::string body) {
  bind_target(state);
  return queue_service_call(state, (std::string("v4/timpush/") + api).c_str(), std::move(body));
}

// The checks know these names from now on (or, with nullopt, no names at all).
void know_names(AppState& state, std::optional<std::vector<std::string>> names) {
  AppDataState& a = data(state);
  if (a.known_names == names) return;
  a.known_names = std::move(names);
  ++a.names_generation;
  mark_edited(state);  // the checks are derived again with them
}

const core::AttrName* slot_named(const AppState& state, const std::string& name) {
  if (!state.app_data.names) return nullptr;
  for (const core::AttrName& entry : state.app_data.names->names)
    if (entry.name == name) return &entry;
  return nullptr;
}

void ask_change(AppState& state, const char* api, std::string body) {
  const uint64_t id = call(state, api, std::move(body));  // may forget another target's data first
  AppDataState& a = data(state);
  a.change_api = api;
  a.change_answer.reset();
  a.change_request = id;
}

}  // namespace

TIMPUSH_LATER std::optional<Text> app_data_blocker(const AppState& state) {
  if (state.derived.base_url.empty() || state.derived.usersig.empty()) return txt::follow_need_target;
  const AppDataState& a = state.app_data;
  if (a.names_request || a.save_request || a.tags_request || a.attrs_request || a.change_request)
    return txt::follow_waiting;
  return std::nullopt;
}

TIMPUSH_LATER void ask_attr_names(AppState& state) {
  if (app_data_blocker(state)) return;
  AppDataState& a = data(state);
  a.names_request = call(state, "get_attr_name", "{}");
  a.names_refused.reset();
  a.saved = false;
}

TIMPUSH_LATER std::vector<core::Issue> attr_name_issues(const AppState& state) {
  const AppDataState& a = state.app_data;
  std::vector<core::Issue> issues = core::check_attr_names(a.edit);
  if (a.edit_type >= 0 && a.names) {
    for (const core::AttrName& entry : a.names->names) {
      if (!entry.type || *entry.type == a.edit_type) continue;
      core::Issue issue;
      issue.code = 90035;
      issue.pointer = "/AttrTypes";
      issue.message = fill(fill(Words(txt::appdata_type_fixed), entry.name), std::to_string(*entry.type));
      issues.push_back(std::move(issue));
      break;
    }
  }
  return issues;
}

TIMPUSH_LATER std::optional<Text> save_blocker(const AppState& state) {
  const AppDataState& a = state.app_data;
  if (!a.names) return txt::appdata_read_first;
  if (a.edit.empty()) return txt::appdata_no_names;
  if (!attr_name_issues(state).empty()) return txt::appdata_fix_names;
  if (a.edit == a.names->plain() && a.edit_type < 0) return txt::appdata_unchanged;
  if (auto blocked = app_data_blocker(state)) return blocked;
  return std::nullopt;
}

TIMPUSH_LATER void save_attr_names(AppState& state) {
  if (save_blocker(state)) return;
  AppDataState& a = data(state);
  std::optional<int> type;
  if (a.edit_type >= 0) type = a.edit_type;
  a.save_request = call(state, "set_attr_name", core::set_attr_name_body(a.edit, type));
  a.names_refused.reset();
  a.saved = false;
}

TIMPUSH_LATER std::vector<std::string> typed_accounts(const AppState& state) {
  return core::parse_accounts(state.app_data.accounts).accounts;
}

TIMPUSH_LATER std::optional<Words> accounts_problem(const AppState& state) {
  core::AccountList list = core::parse_accounts(state.app_data.accounts);
  // parse_accounts' count rules are the batch's (1..500); these APIs take 1..100.
  if (auto problem = core::check_app_data_accounts(list.accounts.size())) return problem;
  for (const core::Issue& issue : list.issues)
    if (issue.code == core::test_send_code::duplicate_account) return issue.message;
  return std::nullopt;
}

TIMPUSH_LATER std::vector<std::string> typed_tags(const AppState& state) {
  std::string text = state.app_data.tags;
  for (size_t at; (at = text.find("\xEF\xBC\x8C")) != std::string::npos;) text.replace(at, 3, "\n");  // ，
  std::replace(text.begin(), text.end(), ',', '\n');
  std::vector<std::string> out;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view tag = core::trim(std::string_view(text).substr(start, end - start));
    if (!tag.empty()) out.emplace_back(tag);
    start = end + 1;
  }
  return out;
}

TIMPUSH_LATER std::optional<Words> tags_problem(const AppState& state) {
  return core::check_tags(typed_tags(state), state.app_data.replace);
}

TIMPUSH_LATER std::optional<Words> attr_problem(const AppState& state, bool with_value) {
  const AppDataState& a = state.app_data;
  const std::string name = std::string(core::trim(a.attr_name));
  if (name.empty()) return Words(txt::appdata_need_attr);
  if (a.known_names && !slot_named(state, name)) return fill(Words(txt::appdata_no_such_attr), name);
  if (!with_value) return std::nullopt;
  if (a.attr_value.empty()) return Words(txt::appdata_need_value);
  if (a.attr_value.size() > core::max_attr_value_bytes)
    return fill(Words(txt::appdata_value_long), std::to_string(a.attr_value.size()));
  return std::nullopt;
}

TIMPUSH_LATER std::optional<Words> attr_warning(const AppState& state) {
  const core::AttrName* slot = slot_named(state, std::string(core::trim(state.app_data.attr_name)));
  if (slot && slot->type == 1) return fill(Words(txt::appdata_registration_attr), slot->name);
  return std::nullopt;
}

TIMPUSH_LATER void look_up_accounts(AppState& state) {
  if (app_data_blocker(state) || accounts_problem(state)) return;
  AppDataState& a = data(state);
  const std::string body = core::accounts_body(typed_accounts(state));
  a.tags_request = call(state, "get_tag", body);
  a.attrs_request = call(state, "get_attr", body);
  a.lookup_refused.reset();
}

TIMPUSH_LATER void add_tags(AppState& state) {
  if (app_data_blocker(state) || accounts_problem(state) || tags_problem(state)) return;
  ask_change(state, "add_tag", core::add_tag_body(typed_accounts(state), typed_tags(state), state.app_data.replace));
}

TIMPUSH_LATER void set_attribute(AppState& state) {
  if (app_data_blocker(state) || accounts_problem(state) || attr_problem(state, true)) return;
  const AppDataState& a = state.app_data;
  ask_change(state, "set_attr",
             core::set_attr_body(typed_accounts(state), {{std::string(core::trim(a.attr_name)), a.attr_value}}));
}

TIMPUSH_LATER void ask_removal(AppState& state, AppDataRemoval what) {
  if (app_data_blocker(state) || accounts_problem(state)) return;
  // Removing tags takes the tags typed (no Replace: that is add_tag's).
  if (what == AppDataRemoval::remove_tags && core::check_tags(typed_tags(state), false)) return;
  if (what == AppDataRemoval::remove_attr && attr_problem(state, false)) return;
  data(state).confirming = what;
}

TIMPUSH_LATER void confirm_removal(AppState& state) {
  const AppDataRemoval what = std::exchange(data(state).confirming, AppDataRemoval::none);
  if (app_data_blocker(state) || accounts_problem(state)) return;
  const std::vector<std::string> accounts = typed_accounts(state);
  switch (what) {
    case AppDataRemoval::remove_tags:
      if (core::check_tags(typed_tags(state), false)) return;
      ask_change(state, "remove_tag", core::remove_tag_body(accounts, typed_tags(state)));
      return;
    case AppDataRemoval::clear_tags: ask_change(state, "clear_all_tags", core::accounts_body(accounts)); return;
    case AppDataRemoval::remove_attr:
      if (attr_problem(state, false)) return;
      ask_change(state, "remove_attr",
                 core::remove_attr_body(accounts, {std::string(core::trim(state.app_data.attr_name))}));
      return;
    case AppDataRemoval::none: return;
  }
}

TIMPUSH_LATER void cancel_removal(AppState& state) { data(state).confirming = AppDataRemoval::none; }

TIMPUSH_LATER void forget_app_data(AppState& state) {
  AppDataState& a = data(state);
  AppDataState fresh;  // the fields as typed stay: they are the operator's, not the app's
  fresh.accounts = std::move(a.accounts);
  fresh.tags = std::move(a.tags);
  fresh.replace = a.replace;
  fresh.attr_name = std::move(a.attr_name);
  fresh.attr_value = std::move(a.attr_value);
  fresh.known_names = std::move(a.known_names);
  fresh.names_generation = a.names_generation;
  fresh.names_base = state.derived.base_url;
  fresh.names_app = state.derived.sdkappid;
  a = std::move(fresh);
  know_names(state, std::nullopt);
}

TIMPUSH_LATER bool handle_app_data_result(AppState& state, const HttpResult& result) {
  AppDataState& a = data(state);
  if (result.id == 0) return false;
  if (result.id == a.names_request) {
    a.names_request = 0;
    core::AttrNamesReport report = core::read_attr_names(result.status, result.body);
    if (!report.envelope.ok()) {
      a.names_refused = report.envelope;
      return true;
    }
    a.edit = report.plain();
    a.edit_type = -1;
    know_names(state, report.plain());
    a.names = std::move(report);
  } else if (result.id == a.save_request) {
    a.save_request = 0;
    core::AppDataReport report = core::read_app_data(result.status, result.body);
    if (!report.envelope.ok()) {
      a.names_refused = report.envelope;
      return true;
    }
    a.saved = true;
    a.names_request = call(state, "get_attr_name", "{}");  // what the app now has, for the checks
  } else if (result.id == a.tags_request || result.id == a.attrs_request) {
    const bool tags = result.id == a.tags_request;
    (tags ? a.tags_request : a.attrs_request) = 0;
    core::AppDataReport report = core::read_app_data(result.status, result.body);
    if (!report.envelope.ok()) {
      a.lookup_refused = report.envelope;
      return true;
    }
    if (tags) a.found_tags = std::move(report.tags), a.lookup_errors = std::move(report.errors);
    else a.found_attrs = std::move(report.attrs);
    a.looked_up = true;
  } else if (result.id == a.change_request) {
    a.change_request = 0;
    a.change_answer = core::read_app_data(result.status, result.body);
    if (!a.change_answer->envelope.ok()) return true;
    // Who a tag or attribute push reaches changed under the same Condition: ask the reach again.
    state.learn.reach.debounce = core::ReachDebounce{};
    look_up_accounts(state);
  } else {
    return false;
  }
  return true;
}

}  // namespace timpush::ui
