// The explained request (explain_panels.h): tooltips from the core's explanation table, the
// preview's JSON and URL explained span by span, and the way from an explained key to its field.
//
// The JSON keeps the plain preview's one item per line (a frame draws its visible lines only);
// the span under the mouse is found from the line's glyph widths, so no item is made per span.
// In explain mode each line is a keyboard stop (Tab and the arrow keys reach it); focused, it
// explains its first key or value, and Enter goes to that field.
#include <algorithm>
#include <cfloat>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/explain.h"
#include "core/text_util.h"
#include "ui/explain_panels.h"
#include "ui/json_paths.h"
#include "ui/later.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace timpush::ui {
namespace {

const core::FieldExplanation* find_entry(core::ExplainScope scope, const std::string& key) {
  if (scope == core::ExplainScope::body) return core::explain_body(key);
  return core::explain(scope, key);
}

void wrapped(const std::string& text) { ImGui::TextUnformatted(text.c_str()); }

// One line of the JSON: drawn as the plain preview draws it, one item, and explained.
void explained_line(AppState& state, const JsonLayout& layout, size_t first, int line) {
  const std::string& text = layout.text();
  const std::vector<JsonSpan>& spans = layout.spans();
  const std::vector<std::string>& pointers = state.explain.pointers;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  size_t end = first;
  while (end < spans.size() && spans[end].kind != JsonToken::newline) ++end;
  // Where each span starts on screen, and the line's first explained span (for the keyboard).
  std::vector<float> xs(end - first + 1);
  float x = pos.x;
  size_t main_span = end;
  for (size_t i = first; i < end; ++i) {
    xs[i - first] = x;
    x += font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data() + spans[i].begin, text.data() + spans[i].end).x;
    if (main_span == end && i < pointers.size() && !pointers[i].empty() && spans[i].kind != JsonToken::punct) main_span = i;
  }
  xs[end - first] = x;
  const ImVec2 line_size(std::max(x - pos.x, ImGui::GetContentRegionAvail().x), ImGui::GetTextLineHeight());
  const ImRect bb(pos, ImVec2(pos.x + line_size.x, pos.y + line_size.y));
  ImGui::ItemSize(line_size, 0.0f);
  const ImGuiID id = window->GetID(line);
  if (!ImGui::ItemAdd(bb, id)) return;
  // The automation hook names the line by its text, so a script finds a key's line.
  const size_t from = first < spans.size() ? spans[first].begin : text.size();
  const std::string label = text.substr(from, (end > first ? spans[end - 1].end : from) - from);
  IMGUI_TEST_ENGINE_ITEM_INFO(id, label.c_str(), 0);
  bool hovered = false, held = false;
  const bool pressed = ImGui::ButtonBehavior(bb, id, &hovered, &held);
  size_t target = end;
  if (hovered) {
    const float mx = ImGui::GetIO().MousePos.x;
    for (size_t i = first; i < end; ++i)
      if (mx >= xs[i - first] && mx < xs[i - first + 1] && i < pointers.size() && !pointers[i].empty()) target = i;
  }
  const bool focused = ImGui::IsItemFocused() && g.NavCursorVisible;
  if (target == end && focused) target = main_span;
  if (focused) ImGui::RenderNavCursor(bb, id);
  // The explained span is underlined in its own colour: a filled background would take the
  // contrast of the light token colours away.
  if (target < end) {
    const float under = pos.y + line_size.y - 1.0f;
    window->DrawList->AddLine(ImVec2(xs[target - first], under), ImVec2(xs[target - first + 1], under),
                              ImGui::GetColorU32(json_token_colour(spans[target].kind)), 2.0f);
  }
  // ImGui's text capture (the automation hook's page text) writes the line as a text item would.
  if (g.LogEnabled) ImGui::LogRenderedText(&pos, label.c_str(), label.c_str() + label.size());
  for (size_t i = first; i < end; ++i) {
    if (spans[i].kind == JsonToken::space) continue;
    window->DrawList->AddText(font, size, ImVec2(xs[i - first], pos.y), ImGui::GetColorU32(json_token_colour(spans[i].kind)),
                              text.data() + spans[i].begin, text.data() + spans[i].end);
  }
  if (target >= end) return;
  const std::string& pointer = pointers[target];
  if (ImGui::BeginTooltip()) {
    explanation_tooltip(state, core::ExplainScope::body, pointer);
    ImGui::EndTooltip();
  }
  if (pressed) go_to_explained_field(state, core::ExplainScope::body, pointer);
}

}  // namespace

TIMPUSH_LATER void explanation_tooltip(const AppState& state, core::ExplainScope scope, const std::string& key) {
  const Lang lang = state.lang;
  // 30 characters' width, or less on a phone, where the tooltip must fit the screen.
  const float room = ImGui::GetMainViewport()->WorkSize.x - ImGui::GetStyle().WindowPadding.x * 4;
  ImGui::PushTextWrapPos(std::min(ImGui::GetFontSize() * 30.0f, room));
  const std::string name = scope == core::ExplainScope::query ? key + "=" : key.empty() ? "{ }" : key;
  ImGui::TextColored(tone_colour(Tone::good), "%s", name.c_str());
  const core::FieldExplanation* entry = find_entry(scope, key);
  if (!entry) {
    ImGui::TextUnformatted(tr(lang, txt::explain_unknown));
    ImGui::PopTextWrapPos();
    return;
  }
  const core::ExplanationText shown = core::explanation_text(*entry, key);
  wrapped(tr(lang, shown.meaning));
  if (!shown.rules.empty()) {
    ImGui::TextDisabled("%s", tr(lang, txt::explain_rules));
    for (const Words& rule : shown.rules) {
      ImGui::Bullet();
      wrapped(tr(lang, rule));
    }
  }
  if (!shown.platforms.en.empty())
    wrapped(std::string(tr(lang, txt::explain_read_by)) + (lang == Lang::zh ? "：" : ": ") + tr(lang, shown.platforms));
  if (!shown.where.en.empty()) {
    wrapped(std::string(tr(lang, txt::explain_in_form)) + (lang == Lang::zh ? "：" : ": ") + tr(lang, shown.where));
    ImGui::TextDisabled("%s", tr(lang, txt::explain_click));
  } else {
    ImGui::TextDisabled("%s", tr(lang, txt::explain_no_field));
  }
  ImGui::PopTextWrapPos();
}

TIMPUSH_LATER void go_to_explained_field(AppState& state, core::ExplainScope scope, const std::string& key) {
  const core::FieldExplanation* entry = find_entry(scope, key);
  if (!entry) return;
  const std::string field = core::focus_id(*entry, key);
  if (field.empty() && scope != core::ExplainScope::body) return;
  if (field.rfind("/Condition/Tags", 0) == 0 && state.audience != Audience::tags) return request_focus(state, "/Condition");
  if (field.rfind("/Condition/Attrs", 0) == 0 && state.audience != Audience::attrs) return request_focus(state, "/Condition");
  request_focus(state, field);
}

TIMPUSH_LATER void draw_explained_json(AppState& state, const JsonLayout& layout) {
  ExplainState& ex = state.explain;
  if (!ex.made || ex.pointers_for != layout.text()) {
    ex.pointers = json_span_pointers(layout.text(), layout.spans());
    ex.pointers_for = layout.text();
    ex.made = true;
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(layout.line_starts().size()));
  while (clipper.Step())
    for (int line = clipper.DisplayStart; line < clipper.DisplayEnd; ++line)
      explained_line(state, layout, layout.line_starts()[static_cast<size_t>(line)], line);
}

TIMPUSH_LATER void draw_explained_url(AppState& state, const std::string& url) {
  const size_t query = url.find('?');
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(url.substr(0, query).c_str());
  ImGui::PopTextWrapPos();
  if (query == std::string::npos) return;
  ImGui::Indent();
  size_t at = query + 1;
  while (at <= url.size()) {
    size_t next = url.find('&', at);
    if (next == std::string::npos) next = url.size();
    const std::string part = url.substr(at, next - at);
    const std::string name = part.substr(0, part.find('='));
    // A revealed UserSig is long: the line shows its start, the Copy URL button copies it whole.
    std::string shown = (at == query + 1 ? "?" : "&") + part;
    if (shown.size() > 56) shown = std::string(core::utf8_prefix(shown, 52)) + "...";
    ImGui::PushID(name.c_str());
    explained_text(state, core::ExplainScope::query, name, shown + "##query");
    ImGui::PopID();
    at = next + 1;
  }
  ImGui::Unindent();
}

}  // namespace timpush::ui
