#include "ui/widgets.h"

#include "core/error_catalog.h"
#include "core/text_util.h"

#include <cstdint>
#include <cstdlib>

#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include "ui/explain_panels.h"
#include "ui/item_registry.h"

namespace timpush::ui {
namespace {

bool under(const std::string& pointer, const std::string& parent) {
  return pointer.size() > parent.size() && pointer.compare(0, parent.size(), parent) == 0 &&
         pointer[parent.size()] == '/';
}

}  // namespace

bool secret_field(const char* label, std::string& value, bool shown, const ImVec2* multiline_size) {
  mark_secret_item(ImGui::GetID(label));
  // ImGui's text capture (pageText) logs a field's text unless it is a password field: logging is
  // paused around the field and only its label and a mask are written.
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const bool logging = g.LogEnabled;
  g.LogEnabled = false;
  bool changed = multiline_size
      ? ImGui::InputTextMultiline(label, &value, *multiline_size)
      : ImGui::InputText(label, &value, shown ? 0 : ImGuiInputTextFlags_Password);
  g.LogEnabled = logging;
  if (logging) ImGui::LogText(IM_NEWLINE "{********} %s", visible_label(label).c_str());
  return changed;
}

ImVec4 tone_colour(Tone tone) {
  const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
  const bool light = 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z > 0.5f;
  switch (tone) {
    case Tone::good: return light ? ImVec4(0.08f, 0.45f, 0.18f, 1.0f) : ImVec4(0.45f, 0.85f, 0.45f, 1.0f);
    case Tone::bad: return light ? ImVec4(0.75f, 0.12f, 0.15f, 1.0f) : ImVec4(1.0f, 0.50f, 0.50f, 1.0f);
    case Tone::warn: break;
  }
  return light ? ImVec4(0.58f, 0.38f, 0.0f, 1.0f) : ImVec4(0.95f, 0.75f, 0.30f, 1.0f);
}

ImVec4 json_token_colour(JsonToken kind) {
  switch (kind) {
    case JsonToken::key: return ImVec4(0.55f, 0.78f, 1.00f, 1.0f);
    case JsonToken::string: return ImVec4(0.80f, 0.90f, 0.55f, 1.0f);
    case JsonToken::number: return ImVec4(0.95f, 0.70f, 0.45f, 1.0f);
    case JsonToken::literal: return ImVec4(0.85f, 0.60f, 0.95f, 1.0f);
    default: return ImGui::GetStyleColorVec4(ImGuiCol_Text);
  }
}

void error_code_explained(const AppState& state, int64_t code) {
  const Lang lang = state.lang;
  ImGui::SeparatorText(("ErrorCode " + std::to_string(code)).c_str());
  const core::ErrorEntry* entry = code >= INT32_MIN && code <= INT32_MAX ? core::find_error(static_cast<int>(code)) : nullptr;
  if (!entry) {
    ImGui::TextDisabled("%s", tr(lang, txt::unknown_code));
    return;
  }
  ImGui::PushTextWrapPos(0);
  ImGui::Text("%s: %s", tr(lang, txt::meaning), std::string(tr(lang, entry->meaning)).c_str());
  ImGui::Text("%s: %s", tr(lang, txt::fix), std::string(tr(lang, entry->fix)).c_str());
  ImGui::PopTextWrapPos();
}

bool small_button(const AppState& state, const std::string& label) {
  return state.screen.applied_touch ? ImGui::Button(label.c_str()) : ImGui::SmallButton(label.c_str());
}

void same_line_or_wrap(const std::string& radio_label) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                      ImGui::CalcTextSize(radio_label.c_str(), nullptr, true).x;
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

std::string pointer_join(const std::string& parent, const std::string& child) {
  return parent + "/" + core::json_pointer_token(child);
}

void help_marker(const AppState& state, const Text& help) {
  ImGui::SameLine();
  ImGui::TextDisabled("%s", "(?)");  // "%s" alone skips ImGui's printf: a frame shows many of these
  if (ImGui::BeginItemTooltip()) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    ImGui::TextUnformatted(tr(state.lang, help));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void help_marker(const AppState& state, core::ExplainScope scope, const std::string& key) {
  ImGui::SameLine();
  ImGui::TextDisabled("%s", "(?)");
  if (ImGui::BeginItemTooltip()) {
    explanation_tooltip(state, scope, key);
    ImGui::EndTooltip();
  }
}

void field_issues(const AppState& state, const std::string& pointer, bool descendants) {
  for (const auto& issue : state.derived.report.issues) {
    if (issue.pointer != pointer && !(descendants && under(issue.pointer, pointer))) continue;
    bool is_error = issue.severity == core::Severity::error;
    const std::string& message = tr(state.lang, issue.message);
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(is_error ? Tone::bad : Tone::warn));
    ImGui::Bullet();
    ImGui::TextWrapped("%d: %s", issue.code, message.c_str());
    ImGui::PopStyleColor();
  }
  // The device warnings (Device pane) about this field, in the same place: a vendor's limit is
  // a warning, never a block.
  auto show = [&](const core::DeviceWarning& w) {
    if (w.pointer != pointer && !(descendants && under(w.pointer, pointer))) return;
    ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(Tone::warn));
    ImGui::Bullet();
    ImGui::TextWrapped("%d: %s", w.code, tr(state.lang, w.message).c_str());
    ImGui::PopStyleColor();
  };
  for (const auto& w : state.derived.devices.common) show(w);
  for (const auto& card : state.derived.devices.platforms)
    for (const auto& w : card.warnings) show(w);
}

void field_anchor(AppState& state, const std::string& pointer) {
  state.focus.seen.push_back(pointer);
  if (!state.focus.claimed.empty() && state.focus.claimed == pointer) {
    ImGui::SetScrollHereY(0.3f);
    // The clicked check keeps the keyboard's item (NavId) in the Checks pane. In a flattened pane
    // (layout.h) that item, drawn later in this frame, would take the nav window back and cancel
    // the focus request; the field becomes the keyboard's item instead.
    ImGui::GetCurrentContext()->NavId = 0;
    ImGui::SetKeyboardFocusHere(0);
    state.focus.claimed.clear();
    state.focus.pointer.clear();
  }
}

bool optional_text(AppState& state, const char* label_text, std::optional<std::string>& value,
                   const std::string& pointer, bool multiline) {
  field_anchor(state, pointer);
  std::string buffer = value.value_or("");
  bool changed = multiline
                     ? ImGui::InputTextMultiline(label_text, &buffer,
                                                 ImVec2(-ImGui::GetFontSize() * 9, ImGui::GetTextLineHeight() * 4))
                     : ImGui::InputText(label_text, &buffer);
  if (changed) {
    if (buffer.empty()) value.reset();
    else value = buffer;
  }
  help_marker(state, core::ExplainScope::body, pointer);
  field_issues(state, pointer);
  return changed;
}

bool optional_int_choice(AppState& state, const char* label_text, std::optional<int64_t>& value,
                         std::initializer_list<std::pair<int64_t, const char*>> choices,
                         const std::string& pointer) {
  field_anchor(state, pointer);
  std::string preview = tr(state.lang, txt::not_set);
  if (value) {
    preview = std::to_string(*value);
    for (const auto& [number, name] : choices)
      if (number == *value) preview = name;
  }
  bool changed = false;
  if (ImGui::BeginCombo(label_text, preview.c_str())) {
    if (ImGui::Selectable(tr(state.lang, txt::not_set), !value)) {
      value.reset();
      changed = true;
    }
    for (const auto& [number, name] : choices) {
      if (ImGui::Selectable(name, value && *value == number)) {
        value = number;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  help_marker(state, core::ExplainScope::body, pointer);
  field_issues(state, pointer);
  return changed;
}

bool optional_string_choice(AppState& state, const char* label_text, std::optional<std::string>& value,
                            std::initializer_list<const char*> choices, const std::string& pointer) {
  field_anchor(state, pointer);
  std::string preview = value ? *value : std::string(tr(state.lang, txt::not_set));
  bool changed = false;
  if (ImGui::BeginCombo(label_text, preview.c_str())) {
    if (ImGui::Selectable(tr(state.lang, txt::not_set), !value)) {
      value.reset();
      changed = true;
    }
    for (const char* choice : choices) {
      if (ImGui::Selectable(choice, value && *value == choice)) {
        value = choice;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  help_marker(state, core::ExplainScope::body, pointer);
  field_issues(state, pointer);
  return changed;
}

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
