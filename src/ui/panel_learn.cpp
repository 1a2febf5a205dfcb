// The Learn place (View::learn): the lesson list with progress, each lesson's goal, Start, hints
// one at a time, Check and the verdict; the lesson bar above the composer while a lesson is on;
// and the reach of the Condition under the composer's Audience. Flows are in learn_flow.cpp.
//
// Labels follow app.cpp's rule (the English text is the widget ID). A verdict's requirement with a
// field is a button: a click focuses the field, as a Checks entry does.
#include <imgui.h>

#include <cfloat>
#include <string>

#include "ui/derive.h"
#include "ui/layout.h"
#include "ui/learn_flow.h"
#include "ui/later.h"
#include "ui/learn_panels.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace timpush::ui {
namespace {

// A label made at run time, its ID the English text as label() makes it for constant texts.
std::string words_label(Lang lang, const Words& text) {
  return lang == Lang::en ? text.en : text.zh + "###" + text.en;
}

void wrapped(const std::string& text) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
}

void wrapped_coloured(Tone tone, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(tone));
  wrapped(text);
  ImGui::PopStyleColor();
}

// A requirement's field brought into the form; the audience it needs shown first when none is.
void focus_requirement(AppState& state, const std::string& pointer) {
  if (state.audience == Audience::all) {
    if (pointer.rfind("/Condition/Tags", 0) == 0) set_audience(state, Audience::tags);
    else if (pointer.rfind("/Condition/Attrs", 0) == 0) set_audience(state, Audience::attrs);
  }
  request_focus(state, pointer);
}

void draw_verdict(AppState& state, const core::Verdict& verdict) {
  const Lang lang = state.lang;
  wrapped_coloured(verdict.passed ? Tone::good : Tone::bad, tr(lang, verdict.summary));
  for (size_t i = 0; i < verdict.results.size(); ++i) {
    const core::RequirementResult& r = verdict.results[i];
    std::string shown = tr(lang, fill(r.met ? txt::req_met : txt::req_missed, r.say));
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(r.met ? Tone::good : Tone::bad));
    if (r.pointer.empty()) {
      wrapped(shown);
    } else {
      // One button a requirement, as wide as the pane, its text wrapped when long.
      ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
      const float width = ImGui::GetContentRegionAvail().x;
      shown += " " + tr(lang, fill(txt::req_go, r.pointer));
      const float pad = ImGui::GetStyle().FramePadding.x * 2;
      const std::string id = shown + "##requirement";
      if (ImGui::CalcTextSize(shown.c_str()).x + pad <= width) {
        if (ImGui::Button(id.c_str(), ImVec2(width, 0))) focus_requirement(state, r.pointer);
      } else {
        // Too long for one line: a selectable of the wrapped text's height keeps it readable.
        const ImVec2 size = ImGui::CalcTextSize(shown.c_str(), nullptr, false, width);
        const ImVec2 at = ImGui::GetCursorPos();
        if (ImGui::Selectable(("##" + id).c_str(), false, 0, ImVec2(width, size.y)))
          focus_requirement(state, r.pointer);
        ImGui::SetCursorPos(at);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextUnformatted(shown.c_str());
        ImGui::PopTextWrapPos();
      }
      ImGui::PopStyleVar();
    }
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
}

// A lesson's question: one radio a choice, the pick graded at once (the verdict says met or missed).
void draw_question(AppState& state, const core::Requirement& question) {
  const Lang lang = state.lang;
  wrapped(tr(lang, fill(txt::lesson_question, question.question)));
  // Side by side where they fit: the verdict under them stays in the bar's view.
  for (size_t i = 0; i < question.choices.size(); ++i) {
    const std::string shown = words_label(lang, question.choices[i]);
    if (i > 0) same_line_or_wrap(shown);
    ImGui::PushID(static_cast<int>(i));
    const bool picked = state.learn.run.chosen == i;
    if (ImGui::RadioButton(shown.c_str(), picked) && !picked) choose_answer(state, i);
    ImGui::PopID();
  }
}

// The hints, Check and the verdict of the lesson on: in the lesson bar and in the list alike.
void draw_lesson_work(AppState& state, const core::Lesson& lesson) {
  const Lang lang = state.lang;
  LessonRun& run = state.learn.run;
  for (size_t i = 0; i < run.hints_shown && i < lesson.hints.size(); ++i)
    wrapped_coloured(Tone::warn, tr(lang, fill(fill(txt::lesson_hint_n, std::to_string(i + 1)), lesson.hints[i])));
  if (run.hints_shown < lesson.hints.size()) {
    if (small_button(state, label(lang, txt::lesson_hint))) show_next_hint(state);
  } else {
    ImGui::TextDisabled("%s", tr(lang, txt::lesson_no_more_hints));
  }
  if (!lesson.needs_send) {
    ImGui::SameLine();
    if (small_button(state, label(lang, txt::lesson_check))) check_lesson(state);
  }
  if (lesson.expect_error) {
    const std::string code = std::to_string(*lesson.expect_error);
    if (run.error_seen) {
      wrapped(tr(lang, fill(txt::lesson_error_seen, code)));
      if (small_button(state, words_label(lang, fill(txt::lesson_explain, code)))) {
        state.view.error_search = code;
        go_to(state, Location{View::error_codes, Pane::form});
      }
    } else {
      ImGui::TextDisabled("%s", tr(lang, fill(txt::lesson_expects, code)).c_str());
    }
  }
  if (const core::Requirement* question = core::question_of(lesson)) draw_question(state, *question);
  if (run.verdict) draw_verdict(state, *run.verdict);
  else ImGui::TextDisabled("%s", tr(lang, lesson.needs_send ? txt::lesson_on_send : txt::lesson_on_check));
}

Text mark_of(const core::LessonProgress& progress, const std::string& id) {
  auto found = progress.marks.find(id);
  if (found == progress.marks.end()) return txt::mark_new;
  return found->second.passed ? txt::mark_passed : txt::mark_tried;
}

void draw_lesson_entry(AppState& state, const LessonSlot& slot) {
  const Lang lang = state.lang;
  LearnState& l = state.learn;
  ImGui::PushID(slot.id.c_str());
  if (!slot.lesson) {
    const std::string problem = slot.loading ? tr(lang, txt::lesson_loading_one)
                                             : tr(lang, fill(txt::lesson_broken, slot.problem));
    wrapped_coloured(slot.loading ? Tone::warn : Tone::bad, slot.id + ": " + problem);
    ImGui::PopID();
    return;
  }
  const core::Lesson& lesson = *slot.lesson;
  const Text mark = mark_of(l.progress, lesson.id);
  const std::string header = std::to_string(lesson.order) + ". " + tr(lang, lesson.title) + "  [" + tr(lang, mark) +
                             "]###" + lesson.id;
  // One lesson open at a time: the one selected (by a click, Start or a #lesson= link).
  ImGui::SetNextItemOpen(l.selected == lesson.id, ImGuiCond_Always);
  if (mark.en == txt::mark_passed.en) ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(Tone::good));
  const bool open = ImGui::CollapsingHeader(header.c_str());
  if (mark.en == txt::mark_passed.en) ImGui::PopStyleColor();
  if (ImGui::IsItemToggledOpen()) l.selected = open ? lesson.id : std::string();
  if (open) {
    ImGui::Indent();
    wrapped(tr(lang, lesson.goal));
    const bool on = l.run.id == lesson.id;
    if (small_button(state, label(lang, on ? txt::lesson_restart : txt::lesson_start))) start_lesson(state, lesson.id);
    ImGui::SameLine();
    if (small_button(state, label(lang, txt::lesson_copy_link))) {
      state.out.copy_text = state.keep.page_url.substr(0, state.keep.page_url.find('#')) + "#lesson=" + lesson.id;
      note(state, txt::lesson_link_copied);
    }
    if (on) {
      ImGui::SameLine();
      if (small_button(state, label(lang, txt::lesson_leave))) stop_lesson(state);
      ImGui::TextDisabled("%s", tr(lang, txt::lesson_on_now));
      if (lesson_on(state)) draw_lesson_work(state, lesson);
    }
    ImGui::Unindent();
  }
  ImGui::PopID();
}

}  // namespace

TIMPUSH_LATER void draw_learn(AppState& state) {
  open_learn(state);
  const Lang lang = state.lang;
  LearnState& l = state.learn;
  if (!ImGui::BeginChild("learn scroll", ImVec2(0, 0), kFlat)) {
    ImGui::EndChild();
    return;
  }
  ImGui::SeparatorText(tr(lang, txt::learn_title));
  wrapped(tr(lang, txt::learn_intro));
  if (l.status == LearnState::Status::loading) {
    ImGui::TextDisabled("%s", tr(lang, txt::learn_loading));
  } else if (l.status == LearnState::Status::failed) {
    wrapped_coloured(Tone::bad, tr(lang, fill(txt::learn_failed, l.index_problem)));
  } else if (l.status == LearnState::Status::loaded) {
    size_t lessons = 0, passed = 0, tried = 0;
    for (const LessonSlot& slot : l.slots) {
      if (!slot.lesson) continue;
      ++lessons;
      auto found = l.progress.marks.find(slot.id);
      if (found == l.progress.marks.end()) continue;
      passed += found->second.passed ? 1 : 0;
      tried += found->second.tried ? 1 : 0;
    }
    ImGui::TextUnformatted(tr(lang, fill(fill(fill(txt::learn_progress, std::to_string(passed)), std::to_string(lessons)),
                                        std::to_string(tried))).c_str());
    for (const LessonSlot& slot : l.slots) draw_lesson_entry(state, slot);
  }
  ImGui::EndChild();
}

TIMPUSH_LATER void draw_lesson_bar_now(AppState& state) {
  const core::Lesson* lesson = lesson_on(state);
  if (!lesson) return;
  const Lang lang = state.lang;
  // A new verdict is read where it is: the form's pane scrolls back to the bar at its top.
  if (state.learn.run.verdict_new) {
    state.learn.run.verdict_new = false;
    ImGui::SetScrollY(0);
  }
  // At most 40% of the pane: the form stays in view under it; the bar scrolls.
  const float most = ImGui::GetContentRegionAvail().y * 0.4f;
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, most));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
  if (ImGui::BeginChild("lesson bar", ImVec2(0, 0), ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY | kFlat)) {
    ImGui::TextUnformatted(tr(lang, fill(txt::lesson_bar_title, Words(lesson->title))).c_str());
    ImGui::SameLine();
    if (small_button(state, label(lang, txt::lesson_leave, "bar"))) {
      stop_lesson(state);
    } else {
      wrapped(tr(lang, lesson->goal));
      ImGui::PushID("bar");
      draw_lesson_work(state, *lesson);
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// Beside the audience's choices when it fits (the form below keeps its place), else under them.
// Measured on the widest count line (six-digit counts), so it never moves as counts come and go:
// a field being tapped stays where it was.
void beside_or_under(const AppState& state) {
  const std::string widest = tr(state.lang, fill(fill(txt::reach_line, "100000"), "100000"));
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(widest.c_str()).x) ImGui::NewLine();
  ImGui::AlignTextToFramePadding();
}

TIMPUSH_LATER void draw_reach_now(AppState& state) {
  const Lang lang = state.lang;
  const ReachView& r = state.learn.reach;
  if (r.failed) {
    beside_or_under(state);
    ImGui::TextColored(tone_colour(Tone::warn), "%s", tr(lang, txt::reach_failed));
    return;
  }
  if (!r.shown) {
    beside_or_under(state);
    ImGui::TextDisabled("%s", tr(lang, txt::reach_counting));
    return;
  }
  std::string line = tr(lang, fill(fill(txt::reach_line, std::to_string(r.shown->users)), std::to_string(r.shown->of)));
  beside_or_under(state);
  // A count for a Condition since edited is shown dimmed until the new one comes.
  const bool stale = r.shown_key != r.debounce.key();
  if (stale) ImGui::TextDisabled("%s", line.c_str());
  else ImGui::TextUnformatted(line.c_str());
  if (stale || r.shown_parts.empty() || r.shown_changes.size() != r.shown_parts.size()) return;
  ImGui::TextDisabled("%s", tr(lang, txt::reach_parts_title));
  for (size_t i = 0; i < r.shown_parts.size(); ++i) {
    const core::ConditionPart& part = r.shown_parts[i];
    const int64_t change = r.shown_changes[i];
    const std::string name = part.list + " " + part.shown;
    Words said = change > 0   ? fill(fill(txt::reach_adds, name), std::to_string(change))
                 : change < 0 ? fill(fill(txt::reach_removes, name), std::to_string(-change))
                              : fill(txt::reach_no_change, name);
    ImGui::BulletText("%s", tr(lang, said).c_str());
  }
}

}  // namespace timpush::ui
