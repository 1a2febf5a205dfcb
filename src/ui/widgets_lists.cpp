// The editors of the body's collections, each a row per item with Remove and a field to add:
// a list of tags (TagsAnd, TagsOr, TagsNot), an ordered map of attribute names to values
// (AttrsAnd, AttrsOr), and the fields the model keeps verbatim (a vendor block's `extra`).
// The single-value editors and the shared helpers are in widgets.cpp.
#include "ui/widgets.h"

#include <cstdint>
#include <cstdlib>

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

namespace timpush::ui {

bool tag_list_editor(AppState& state, const char* name, std::optional<std::vector<std::string>>& tags,
                     std::string& new_tag, const std::string& pointer) {
  bool changed = false;
  ImGui::PushID(name);
  field_anchor(state, pointer);
  ImGui::TextUnformatted(name);
  ImGui::SameLine();
  ImGui::TextDisabled("(%d)", tags ? static_cast<int>(tags->size()) : 0);
  help_marker(state, core::ExplainScope::body, pointer);
  field_issues(state, pointer);
  ImGui::Indent();
  int remove_at = -1;
  if (tags) {
    for (size_t i = 0; i < tags->size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      std::string item_pointer = pointer + "/" + std::to_string(i);
      field_anchor(state, item_pointer);
      ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 6);
      if (ImGui::InputText("##tag", &(*tags)[i])) changed = true;
      ImGui::SameLine();
      if (small_button(state, label(state.lang, txt::remove))) remove_at = static_cast<int>(i);
      field_issues(state, item_pointer, true);
      ImGui::PopID();
    }
  }
  if (remove_at >= 0) {
    tags->erase(tags->begin() + remove_at);
    if (tags->empty()) tags.reset();
    changed = true;
  }
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 6);
  std::string add_label = std::string("##new ") + name;
  bool enter = ImGui::InputTextWithHint(add_label.c_str(), tr(state.lang, txt::new_tag), &new_tag,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
  // Enter adds the tag and leaves the field active for the next one (keyboard and soft keyboard).
  if (enter && !new_tag.empty()) ImGui::SetKeyboardFocusHere(-1);
  ImGui::SameLine();
  std::string add_button = label(state.lang, txt::add, name);
  if ((ImGui::Button(add_button.c_str()) || enter) && !new_tag.empty()) {
    if (!tags) tags.emplace();
    tags->push_back(new_tag);
    new_tag.clear();
    changed = true;
  }
  ImGui::Unindent();
  ImGui::PopID();
  return changed;
}

bool attr_map_editor(AppState& state, const char* name, std::optional<core::AttributeMap>& attrs,
                     std::string& new_name, std::string& new_value, const std::string& pointer) {
  bool changed = false;
  ImGui::PushID(name);
  field_anchor(state, pointer);
  ImGui::TextUnformatted(name);
  ImGui::SameLine();
  ImGui::TextDisabled("(%d)", attrs ? static_cast<int>(attrs->size()) : 0);
  help_marker(state, core::ExplainScope::body, pointer);
  field_issues(state, pointer);
  ImGui::Indent();
  float column = ImGui::GetFontSize() * 8;
  int remove_at = -1;
  if (attrs) {
    for (size_t i = 0; i < attrs->size(); ++i) {
      auto& [key, value] = (*attrs)[i];
      ImGui::PushID(static_cast<int>(i));
      std::string item_pointer = pointer_join(pointer, key);
      field_anchor(state, item_pointer);
      ImGui::SetNextItemWidth(column);
      if (ImGui::InputText("##name", &key)) changed = true;
      ImGui::SameLine();
      ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 6);
      if (ImGui::InputText("##value", &value)) changed = true;
      ImGui::SameLine();
      if (small_button(state, label(state.lang, txt::remove))) remove_at = static_cast<int>(i);
      field_issues(state, item_pointer, true);
      ImGui::PopID();
    }
  }
  if (remove_at >= 0) {
    attrs->erase(attrs->begin() + remove_at);
    if (attrs->empty()) attrs.reset();
    changed = true;
  }
  // After Enter added one, the keyboard goes back to a new name for the next (kept in the
  // window's storage for one frame: the name field is drawn before the value's Enter is known).
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID refocus = ImGui::GetID("refocus name");
  if (storage->GetBool(refocus)) {
    storage->SetBool(refocus, false);
    ImGui::SetKeyboardFocusHere();
  }
  ImGui::SetNextItemWidth(column);
  bool name_entered = ImGui::InputTextWithHint((std::string("##new name ") + name).c_str(), tr(state.lang, txt::name),
                                               &new_name, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 6);
  // Enter in the name goes on to its value, as a form's next field would; Enter there adds both.
  if (name_entered && !new_name.empty()) ImGui::SetKeyboardFocusHere();
  bool enter = ImGui::InputTextWithHint((std::string("##new value ") + name).c_str(),
                                        tr(state.lang, txt::value), &new_value,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button(label(state.lang, txt::add, name).c_str()) || enter) && !new_name.empty()) {
    if (!attrs) attrs.emplace();
    attrs->emplace_back(new_name, new_value);
    new_name.clear();
    new_value.clear();
    changed = true;
    if (enter) storage->SetBool(refocus, true);
  }
  ImGui::Unindent();
  ImGui::PopID();
  return changed;
}

bool extra_fields_editor(AppState& state, const char* id, Json& extra, const std::string& pointer,
                         std::initializer_list<const char*> suggestions) {
  bool changed = false;
  ImGui::PushID(id);
  ImGui::TextUnformatted(tr(state.lang, txt::extra_fields));
  help_marker(state, txt::extra_fields_help);
  ImGui::Indent();
  std::optional<std::string> remove_key;
  std::optional<std::pair<std::string, std::string>> rename;
  int index = 0;
  float column = ImGui::GetFontSize() * 9;
  for (auto it = extra.begin(); it != extra.end(); ++it, ++index) {
    ImGui::PushID(index);
    std::string item_pointer = pointer_join(pointer, it.key());
    field_anchor(state, item_pointer);
    std::string key = it.key();
    ImGui::SetNextItemWidth(column);
    if (ImGui::InputText("##key", &key) && !key.empty() && !extra.contains(key))
      rename = std::make_pair(it.key(), key);
    ImGui::SameLine();
    Json& value = it.value();
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 10);
    if (value.is_string()) {
      std::string text = value.get<std::string>();
      if (ImGui::InputText("##value", &text)) {
        value = text;
        changed = true;
      }
    } else if (value.is_number_integer()) {
      int64_t number = value.get<int64_t>();
      if (ImGui::InputScalar("##value", ImGuiDataType_S64, &number)) {
        value = number;
        changed = true;
      }
    } else {
      ImGui::TextDisabled("%s %s", value.dump().substr(0, 40).c_str(), tr(state.lang, txt::edit_in_raw));
    }
    if (value.is_string() || value.is_number_integer()) {
      ImGui::SameLine();
      bool is_number = value.is_number_integer();
      if (ImGui::Checkbox(label(state.lang, txt::as_number).c_str(), &is_number)) {
        if (is_number) value = static_cast<int64_t>(std::strtoll(value.get<std::string>().c_str(), nullptr, 10));
        else value = std::to_string(value.get<int64_t>());
        changed = true;
      }
    }
    ImGui::SameLine();
    if (small_button(state, label(state.lang, txt::remove))) remove_key = it.key();
    help_marker(state, core::ExplainScope::body, item_pointer);
    field_issues(state, item_pointer, true);
    ImGui::PopID();
  }
  if (remove_key) {
    extra.erase(*remove_key);
    changed = true;
  }
  if (rename) {
    // ordered_json has no rename: rebuild in the same order.
    Json renamed = Json::object();
    for (auto it = extra.begin(); it != extra.end(); ++it)
      renamed[it.key() == rename->first ? rename->second : it.key()] = it.value();
    extra = std::move(renamed);
    changed = true;
  }
  std::string& new_key = state.new_extra_key[id];
  ImGui::SetNextItemWidth(column);
  bool enter = ImGui::InputTextWithHint("##new key", tr(state.lang, txt::name), &new_key,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (suggestions.size() > 0) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 2);
    if (ImGui::BeginCombo("##suggest", "", ImGuiComboFlags_NoPreview)) {
      for (const char* suggestion : suggestions)
        if (!extra.contains(suggestion) && ImGui::Selectable(suggestion)) new_key = suggestion;
      ImGui::EndCombo();
    }
    ImGui::SameLine();
  }
  if ((ImGui::Button(label(state.lang, txt::add).c_str()) || enter) && !new_key.empty() &&
      !extra.contains(new_key)) {
    extra[new_key] = "";
    new_key.clear();
    changed = true;
  }
  ImGui::Unindent();
  ImGui::PopID();
  return changed;
}

}  // namespace timpush::ui
