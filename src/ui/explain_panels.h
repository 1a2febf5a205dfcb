// The explained request (panel_explain.cpp): a field's explanation in a tooltip, the preview's
// JSON and URL with every key, value and query parameter explained on hover or keyboard focus,
// and a click that goes to the field. The explanations are the core's one table (core/explain.h).
//
// The inline functions are what the first frame may call: a cheap check or one plain item, so
// the explaining code itself (marked TIMPUSH_LATER) runs only on hover or with Explain on.
#pragma once

#include <string>

#include <imgui.h>

#include "core/explain.h"
#include "ui/app_state.h"
#include "ui/json_highlight.h"

namespace timpush::ui {

// The explanation of the field `key` (a concrete body pointer, a query parameter's name or a
// UserSig field's name), drawn into the current tooltip.
void explanation_tooltip(const AppState& state, core::ExplainScope scope, const std::string& key);
// The preview's JSON, one item per line as the plain preview draws it, explained.
void draw_explained_json(AppState& state, const JsonLayout& layout);
// The preview's URL, one line per query parameter, explained.
void draw_explained_url(AppState& state, const std::string& url);
// Goes to the form field of an explained key (nothing for a field the form does not have).
void go_to_explained_field(AppState& state, core::ExplainScope scope, const std::string& key);

// The preview explains in Learn mode (a lesson is on) and with its Explain toggle.
inline bool explaining(const AppState& state) { return state.explain.on || !state.learn.run.id.empty(); }

// A text item whose explanation shows on hover (or keyboard focus) and whose click goes to its
// field: a decoded UserSig's fields.
inline void explained_text(AppState& state, core::ExplainScope scope, const std::string& key, const std::string& text) {
  const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, true);
  if (ImGui::Selectable(text.c_str(), false, ImGuiSelectableFlags_None, size)) go_to_explained_field(state, scope, key);
  if (ImGui::BeginItemTooltip()) {
    explanation_tooltip(state, scope, key);
    ImGui::EndTooltip();
  }
}

}  // namespace timpush::ui
