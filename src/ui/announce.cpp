// The status line and the live region's text (announce.h).
#include "ui/announce.h"

#include "ui/send_flow.h"

namespace timpush::ui {
namespace {

// The daily counter's warning for the app in the form, near or at the quota (90047).
std::string quota_message(const AppState& state) {
  if (!state.derived.sdkappid) return {};
  core::QuotaStatus q = state.keep.guard.quota(*state.derived.sdkappid, state.input.now_unix);
  return tr(state.lang, q.message);
}

void append(std::string& out, const std::string& part) {
  if (part.empty()) return;
  if (!out.empty()) out += '\n';
  out += part;
}

}  // namespace

StatusLine status_line(const AppState& state) {
  const Lang lang = state.lang;
  if (!state.status_note.empty() && state.input.now_seconds < state.status_note_until)
    return {StatusLine::Kind::good, state.status_note};
  if (std::string quota = quota_message(state); !quota.empty()) return {StatusLine::Kind::warn, quota};
  if (std::optional<Text> blocker = send_blocker(state)) return {StatusLine::Kind::warn, tr(lang, *blocker)};
  if (!state.keep.storage_message.empty()) {
    // Drafts or history are not being saved: say so where it is seen, not only in the Drafts tab.
    const std::string& m = state.keep.storage_message;
    return {StatusLine::Kind::warn, m.substr(0, m.find('\n'))};
  }
  return {StatusLine::Kind::quiet, tr(lang, txt::ready_to_send)};
}

std::string checks_text(const AppState& state) {
  const Derived& d = state.derived;
  std::string out = tr(state.lang, fill(fill(txt::checks_summary, std::to_string(d.error_count)),
                                        std::to_string(d.warning_count)));
  for (const core::Issue& issue : d.report.issues)
    out += " " + std::to_string(issue.code) + ": " + tr(state.lang, issue.message);
  return out;
}

std::string take_announcement(AppState& state) {
  ScreenState& sc = state.screen;
  std::string out;
  // The status line changes rarely (the send lock counts down on the button, not here).
  std::string status = status_line(state).text;
  if (status != sc.said_status) {
    sc.said_status = status;
    append(out, status);
  }
  const SendFlow& s = state.send;
  if (s.has_result && s.request_id != sc.said_answer_for) {
    sc.said_answer_for = s.request_id;
    std::string answer = std::string(tr(state.lang, txt::answer_prefix)) + " " + tr(state.lang, s.response.summary);
    if (s.response.task_id) answer += " TaskId " + *s.response.task_id;
    if (s.response.error_code && *s.response.error_code != 0)
      answer += " ErrorCode " + std::to_string(*s.response.error_code);
    append(out, answer);
  }
  // The checks change only with the body (its revision) or the language: not rebuilt every frame.
  if (state.derived.revision == sc.checks_revision && state.lang == sc.checks_lang) return out;
  sc.checks_revision = state.derived.revision;
  sc.checks_lang = state.lang;
  std::string checks = checks_text(state);
  if (checks != sc.said_checks) {
    // The first frame's checks are the loaded draft's: not news, but remembered.
    const bool first = sc.said_checks.empty();
    sc.said_checks = checks;
    if (!first) append(out, checks);
  }
  return out;
}

}  // namespace timpush::ui
