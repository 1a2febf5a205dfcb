// The History tab: each send with its time, host, answer and TaskId, newest first, searchable;
// an entry reopens as a draft, or opens in Follow when it has a TaskId; the whole record is
// exported or imported as a JSON file.

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "ui/follow_flow.h"
#include "ui/keeping.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace timpush::ui {

void draw_history(AppState& state) {
  Lang lang = state.lang;
  Keeping& k = state.keep;
  if (ImGui::Button(label(lang, txt::export_history).c_str())) export_history_file(state);
  ImGui::SameLine();
  if (ImGui::Button(label(lang, txt::import_history).c_str())) state.out.pick_import_file = true;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint(("##" + std::string(txt::history_search.en) + " history").c_str(),
                           tr(lang, txt::history_search), &state.view.history_query);
  if (!state.view.import_message.empty()) ImGui::TextWrapped("%s", state.view.import_message.c_str());

  std::vector<size_t> found = k.history.search(state.view.history_query);
  if (k.history.entries.empty()) ImGui::TextDisabled("%s", tr(lang, txt::no_history));
  std::optional<size_t> reopen_index;
  std::string follow_id;
  if (ImGui::BeginChild("history list")) {
    for (size_t index : found) {
      const core::HistoryEntry& e = k.history.entries[index];
      ImGui::PushID(static_cast<int>(index));
      if (small_button(state, label(lang, txt::reopen, "history"))) reopen_index = index;
      ImGui::SameLine();
      if (!e.task_id.empty() && small_button(state, label(lang, txt::follow, "history"))) follow_id = e.task_id;
      if (!e.task_id.empty()) ImGui::SameLine();
      if (e.api == "v4/timpush/batch") {  // a test send to named accounts, not a push to an audience
        ImGui::TextColored(tone_colour(Tone::warn), "[%s]", tr(lang, txt::history_test));
        ImGui::SameLine();
      }
      std::string code = e.error_code ? std::to_string(*e.error_code) : std::string("-");
      std::string line = core::usersig::format_utc(e.time) + "  HTTP " + std::to_string(e.http_status) +
                         "  ErrorCode " + code;
      if (!e.task_id.empty()) line += "  TaskId " + e.task_id;
      ImGui::TextUnformatted(line.c_str());
      ImGui::TextDisabled("%s/%s", e.base.c_str(), e.api.c_str());
      std::string body = "MsgRandom " + std::to_string(e.msg_random) + "  " + e.request_body;
      if (body.size() > 160) body = body.substr(0, 157) + "...";
      ImGui::TextDisabled("%s", body.c_str());
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
  if (reopen_index) reopen_history(state, *reopen_index);
  if (!follow_id.empty()) follow_task(state, follow_id);
}

}  // namespace timpush::ui
