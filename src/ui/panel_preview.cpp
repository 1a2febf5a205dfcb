// Preview: the exact body (syntax-coloured), the full URL with the UserSig masked unless asked,
// the size against the 10 KB limit, and copy buttons (JSON, URL, curl). The SecretKey is never
// part of anything shown or copied here.
#include <cfloat>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/validation.h"
#include "ui/explain_panels.h"
#include "ui/json_highlight.h"
#include "ui/panels.h"
#include "ui/send_flow.h"
#include "ui/widgets.h"

namespace timpush::ui {
namespace {

// One line of spans as one text item: a frame draws its visible lines only, and a span each as
// an item of its own cost several times the drawing.
void draw_line(const std::string& text, const std::vector<JsonSpan>& spans, size_t i) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  float x = pos.x;
  for (; i < spans.size() && spans[i].kind != JsonToken::newline; ++i) {
    const char* begin = text.data() + spans[i].begin;
    const char* end = text.data() + spans[i].end;
    if (spans[i].kind != JsonToken::space)
      window->DrawList->AddText(font, size, ImVec2(x, pos.y), ImGui::GetColorU32(json_token_colour(spans[i].kind)), begin, end);
    x += font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x;
  }
  const ImVec2 line_size(x - pos.x, ImGui::GetTextLineHeight());
  ImGui::ItemSize(line_size, 0.0f);  // as ImGui's own text items do
  ImGui::ItemAdd(ImRect(pos, ImVec2(pos.x + line_size.x, pos.y + line_size.y)), 0);
}

// The same line as text items, which ImGui's text capture (the automation hook's page text)
// writes out as they are drawn.
void draw_logged_line(const std::string& text, const std::vector<JsonSpan>& spans, size_t i) {
  bool first = true;
  for (; i < spans.size() && spans[i].kind != JsonToken::newline; ++i) {
    if (!first) ImGui::SameLine(0, 0);
    first = false;
    ImGui::PushStyleColor(ImGuiCol_Text, json_token_colour(spans[i].kind));
    ImGui::TextUnformatted(text.data() + spans[i].begin, text.data() + spans[i].end);
    ImGui::PopStyleColor();
  }
  if (first) ImGui::TextUnformatted("");
}

void draw_highlighted(AppState& state, const std::string& pretty) {
  // The page shows one preview; its layout is kept for the next frame.
  static JsonLayout layout;
  layout.set_text(pretty);
  if (explaining(state)) return draw_explained_json(state, layout);
  const bool logging = ImGui::GetCurrentContext()->LogEnabled;
  // Only the visible lines are drawn.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(layout.line_starts().size()));
  while (clipper.Step()) {
    for (int line = clipper.DisplayStart; line < clipper.DisplayEnd; ++line) {
      const size_t first = layout.line_starts()[static_cast<size_t>(line)];
      if (logging) draw_logged_line(layout.text(), layout.spans(), first);
      else draw_line(layout.text(), layout.spans(), first);
    }
  }
}

}  // namespace

void draw_preview(AppState& state) {
  Lang lang = state.lang;
  const Derived& d = state.derived;
  ImGui::PushID("preview");

  ImGui::TextUnformatted(tr(lang, txt::url));
  ImGui::SameLine();
  ImGui::Checkbox(label(lang, txt::show_usersig).c_str(), &state.view.show_usersig);
  same_line_or_wrap(label(lang, txt::explain));
  ImGui::Checkbox(label(lang, txt::explain).c_str(), &state.explain.on);
  ImGui::SetItemTooltip("%s", tr(lang, txt::explain_tip));
  std::string url = preview_url(state, state.view.show_usersig);
  if (explaining(state) && !url.empty()) draw_explained_url(state, url);
  ImGui::PushTextWrapPos(0);
  if (url.empty()) ImGui::TextDisabled("%s", d.base_error.value_or("-").c_str());
  else if (!explaining(state)) ImGui::TextUnformatted(url.c_str());
  ImGui::TextDisabled("%s", tr(lang, txt::random_note));
  ImGui::PopTextWrapPos();

  float fraction = static_cast<float>(d.body.size()) / static_cast<float>(core::max_body_bytes);
  std::string overlay = std::to_string(d.body.size()) + " / " + std::to_string(core::max_body_bytes) + " B";
  ImGui::TextUnformatted(tr(lang, txt::body_size));
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, fraction > 1.0f ? ImVec4(0.85f, 0.25f, 0.25f, 1.0f)
                                                                : ImVec4(0.30f, 0.65f, 0.35f, 1.0f));
  ImGui::ProgressBar(fraction > 1.0f ? 1.0f : fraction, ImVec2(ImGui::GetFontSize() * 14, 0), overlay.c_str());
  ImGui::PopStyleColor();

  if (ImGui::Button(label(lang, txt::copy_json).c_str())) {
    state.out.copy_text = d.body;
    note(state, txt::copied);
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(url.empty());
  if (ImGui::Button(label(lang, txt::copy_url).c_str())) {
    state.out.copy_text = preview_url(state, true);
    note(state, txt::copied);
  }
  ImGui::SameLine();
  if (ImGui::Button(label(lang, txt::copy_curl).c_str())) {
    state.out.copy_text = curl_command(state);
    note(state, txt::copied);
  }
  ImGui::EndDisabled();
  ImGui::SetItemTooltip("%s", tr(lang, txt::curl_note));
  field_issues(state, "");

  ImGui::Separator();
  if (ImGui::BeginChild("json", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_HorizontalScrollbar))
    draw_highlighted(state, d.pretty);
  ImGui::EndChild();
  ImGui::PopID();
}

}  // namespace timpush::ui
