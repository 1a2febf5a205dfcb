// The shared building blocks of the panels (see widgets.h): status colours, help on hover, issues
// shown at their field, focus requested from Checks, the single-value editors of optional fields,
// and the credential field kept out of the page's captured text. The collection editors (tag
// lists, attribute maps, extra fields) are in widgets_lists.cpp.
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

}  // namespace timpush::ui
