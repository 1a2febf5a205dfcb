// The Templates tab: the product document's five examples and the user's own templates; one
// click loads one (with a fresh MsgRandom), and the current body can be saved as a template.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/templates.h"
#include "ui/keeping.h"
#include "ui/panels.h"

namespace timpush::ui {

void draw_templates(AppState& state) {
  Lang lang = state.lang;
  Keeping& k = state.keep;
  ImGui::SeparatorText(tr(lang, txt::builtin_templates));
  for (const core::BuiltinTemplate& t : core::builtin_templates()) {
    std::string id(t.id);
    std::string button = label(lang, txt::load, id.c_str());
    if (ImGui::Button(button.c_str())) load_builtin_template(state, t);
    ImGui::SameLine();
    std::string name(tr(lang, t.name));
    ImGui::TextUnformatted(name.c_str());
    ImGui::Indent();
    ImGui::PushTextWrapPos(0);
    std::string about(tr(lang, t.about));
    ImGui::TextDisabled("%s", about.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Unindent();
  }
  ImGui::SeparatorText(tr(lang, txt::user_templates));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  ImGui::InputText(label(lang, txt::template_name).c_str(), &state.view.template_name);
  ImGui::SameLine();
  if (ImGui::Button(label(lang, txt::save_template).c_str()) && save_as_template(state, state.view.template_name))
    state.view.template_name.clear();
  if (k.templates.templates.empty()) ImGui::TextDisabled("%s", tr(lang, txt::no_user_templates));
  std::string load_name, delete_name;
  for (const core::UserTemplate& t : k.templates.templates) {
    ImGui::PushID(t.name.c_str());
    if (ImGui::Button(label(lang, txt::load, "user").c_str())) load_name = t.name;
    ImGui::SameLine();
    if (ImGui::Button(label(lang, txt::delete_item, "user").c_str())) delete_name = t.name;
    ImGui::SameLine();
    ImGui::TextUnformatted(t.name.c_str());
    ImGui::PopID();
  }
  if (!load_name.empty()) load_user_template(state, load_name);
  if (!delete_name.empty()) delete_user_template(state, delete_name);
}

}  // namespace timpush::ui
