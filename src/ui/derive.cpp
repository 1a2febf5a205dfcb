// What the form turns into (see derive.h).
#include "ui/derive.h"

#include "core/text_util.h"
#include "ui/app_data_flow.h"
#include "ui/sched_flow.h"
#include "ui/target.h"

namespace timpush::ui {

void refresh_derived(AppState& state) {
  Derived& d = state.derived;
  d.sdkappid = parse_sdkappid(state.creds.sdkappid);
  refresh_usersig(state, d.sdkappid);
  BaseUrl base = base_url(state);
  d.base_url = std::move(base.base);
  d.base_error = std::move(base.error);
  if (state.creds.sig_source == SigSource::key) d.usersig = state.sig.usersig;
  else d.usersig = state.pasted.usersig;
  forget_app_data_if_moved(state);  // names read from another app or target are not this one's

  if (d.revision == state.revision) return;
  d.revision = state.revision;
  const bool raw_broken = state.raw.active && !state.raw.parses;
  // One document per edit: the body, the preview and the checks all come from it (the checks
  // need not parse the text the model was just dumped to).
  Json document = raw_broken ? Json() : core::to_json(state.request);
  std::string body = raw_broken ? state.raw.text : core::dump_body(document);
  // Checks carry both languages, so only new bytes need new checks (an edit of the target or a
  // setting leaves the body as it was).
  // The app's attribute names, once read, judge the body too (App data): new names, new checks.
  const uint64_t names = state.app_data.names_generation;
  if (body == d.body && !d.body.empty() && names == d.names_generation && state.sched.mode == SendMode::push) return;
  d.body = std::move(body);
  d.names_generation = names;
  d.pretty = raw_broken ? state.raw.text : core::dump_pretty(document);
  const core::ValidationOptions options{state.app_data.known_names};
  d.report = raw_broken ? core::validate_body(d.body, options) : core::validate_document(d.body, std::move(document), options);
  d.error_count = 0;
  d.warning_count = 0;
  for (const auto& issue : d.report.issues) {
    if (issue.severity == core::Severity::error) ++d.error_count;
    else ++d.warning_count;
  }
  d.devices = core::preview_devices(d.report.document);
  d.device_warning_count = d.devices.common.size();
  for (const auto& card : d.devices.platforms) d.device_warning_count += card.warnings.size();
  if (state.sched.mode != SendMode::push) derive_send_mode(state);  // a test send's or a schedule's body
}

Audience infer_audience(const core::PushRequest& request) {
  if (!request.condition) return Audience::all;
  const core::Condition& c = *request.condition;
  if (c.attrs_and || c.attrs_or) return Audience::attrs;
  if (c.tags_and || c.tags_or || c.tags_not) return Audience::tags;
  return Audience::all;
}

void set_audience(AppState& state, Audience audience) {
  mark_edited(state);
  state.audience = audience;
  auto& cond = state.request.condition;
  if (audience == Audience::all) {
    cond.reset();
    return;
  }
  if (!cond) return;
  if (audience == Audience::tags) {
    cond->attrs_and.reset();
    cond->attrs_or.reset();
  } else {
    cond->tags_and.reset();
    cond->tags_or.reset();
    cond->tags_not.reset();
  }
  if (core::is_blank(*cond)) cond.reset();
}

void apply_raw_text(AppState& state) {
  mark_edited(state);
  core::ParsedRequest parsed = core::parse_push_request(state.raw.text);
  if (parsed.request) {
    state.request = std::move(*parsed.request);
    state.audience = infer_audience(state.request);
    state.raw.parses = true;
    state.raw.error = {};
    return;
  }
  // The checks of the next frame validate this text as the body (refresh_derived).
  state.raw.parses = false;
  state.raw.error = parsed.error;
}

const core::Issue* raw_json_error(const AppState& state) {
  if (!state.raw.active || state.raw.parses) return nullptr;
  for (const core::Issue& issue : state.derived.report.issues)
    if (issue.code == 90001 && issue.line > 0) return &issue;
  return nullptr;
}

void go_to_raw_error(AppState& state) {
  const core::Issue* issue = raw_json_error(state);
  if (!issue) return;
  state.raw.caret_to = static_cast<int>(core::text_offset(state.raw.text, {issue->line, issue->column}));
}

void enter_raw_mode(AppState& state) {
  mark_edited(state);
  state.raw.active = true;
  state.raw.text = core::serialize_pretty(state.request);
  state.raw.parses = true;
  state.raw.error = {};
}

std::string current_body(const AppState& state) {
  if (state.raw.active && !state.raw.parses) return state.raw.text;
  return core::serialize_body(state.request);
}

void load_body(AppState& state, const std::string& body) {
  mark_edited(state);
  core::ParsedRequest parsed = core::parse_push_request(body);
  if (parsed.request) {
    state.request = std::move(*parsed.request);
    state.audience = infer_audience(state.request);
    state.raw.active = false;
    state.raw.parses = true;
    state.view.show_raw = false;
    return;
  }
  // Kept as text in the raw tab, so a body that does not parse is never lost.
  state.raw.active = true;
  state.raw.text = body;
  apply_raw_text(state);
  state.view.show_raw = true;
}

void regenerate_msg_random(AppState& state) {
  uint32_t value = fresh_random_besides(state, state.request.msg_random.value_or(0));
  if (value == 0) value = 1;
  state.request.msg_random = value;
  mark_edited(state);
}

}  // namespace timpush::ui
