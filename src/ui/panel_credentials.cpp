// Credentials: where requests go, which app, and the UserSig (made from the SecretKey here, or
// pasted), with its decoded fields and every problem named with the server's code.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/endpoints.h"
#include "ui/explain_panels.h"
#include "ui/panels.h"
#include "ui/target.h"
#include "ui/widgets.h"

namespace timpush::ui {
namespace {

// Where a shared target goes, said before anything else of the panel: the link's maker chose it.
void draw_share_mark(const AppState& state) {
  Lang lang = state.lang;
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(tone_colour(Tone::warn), "%s", tr(lang, txt::from_share_link));
  std::string host = core::url_authority(state.derived.base_url);
  if (!host.empty()) ImGui::TextColored(tone_colour(Tone::warn), "%s: %s", tr(lang, txt::from_share_link_host), host.c_str());
  ImGui::PopTextWrapPos();
}

void draw_target(AppState& state) {
  Credentials& c = state.creds;
  Lang lang = state.lang;
  if (c.from_share_link) draw_share_mark(state);
  // Picking a target here makes it the user's own: the share-link mark goes.
  const TargetKind kind_before = c.kind;
  const std::string region_before = c.region_id, base_before = c.custom_base;
  const bool backup_before = c.backup_host;
  ImGui::TextUnformatted(tr(lang, txt::target));
  same_line_or_wrap(label(lang, txt::target_sandbox));
  int kind = static_cast<int>(c.kind);
  ImGui::RadioButton(label(lang, txt::target_sandbox).c_str(), &kind, static_cast<int>(TargetKind::sandbox));
  same_line_or_wrap(label(lang, txt::target_region));
  ImGui::RadioButton(label(lang, txt::target_region).c_str(), &kind, static_cast<int>(TargetKind::region));
  same_line_or_wrap(label(lang, txt::target_custom));
  ImGui::RadioButton(label(lang, txt::target_custom).c_str(), &kind, static_cast<int>(TargetKind::custom));
  c.kind = static_cast<TargetKind>(kind);

  if (c.kind == TargetKind::sandbox) {
    switch (state.sandbox.status) {
      case SandboxApp::Status::loading:
        ImGui::TextDisabled("%s", tr(lang, txt::sandbox_loading));
        break;
      case SandboxApp::Status::loaded:
        ImGui::TextColored(tone_colour(Tone::good), "%s",
                           tr(lang, state.sandbox.has_key ? txt::sandbox_loaded_demo : txt::sandbox_loaded_no_key));
        break;
      case SandboxApp::Status::no_origin:
        ImGui::TextColored(tone_colour(Tone::warn), "%s", tr(lang, txt::sandbox_no_origin));
        break;
      case SandboxApp::Status::failed:
        ImGui::TextColored(tone_colour(Tone::warn), "%s %s", tr(lang, txt::sandbox_failed), tr(lang, state.sandbox.failure).c_str());
        break;
      case SandboxApp::Status::not_asked:
        break;
    }
  } else if (c.kind == TargetKind::region) {
    const core::Region* current = core::find_region(c.region_id);
    std::string preview = current ? std::string(tr(lang, current->name)) : c.region_id;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::BeginCombo(label(lang, txt::target_region, "combo").c_str(), preview.c_str())) {
      for (const core::Region& region : core::regions()) {
        std::string name = std::string(tr(lang, region.name)) + " (" +
                           std::string(region.host) + ")###" + std::string(region.id);
        if (ImGui::Selectable(name.c_str(), region.id == c.region_id)) c.region_id = std::string(region.id);
      }
      ImGui::EndCombo();
    }
    int host = c.backup_host ? 1 : 0;
    ImGui::RadioButton(label(lang, txt::host_main).c_str(), &host, 0);
    ImGui::SameLine();
    ImGui::RadioButton(label(lang, txt::host_backup).c_str(), &host, 1);
    c.backup_host = host == 1;
    int route = c.via_relay ? 1 : 0;
    ImGui::RadioButton(label(lang, txt::via_relay).c_str(), &route, 1);
    ImGui::SameLine();
    ImGui::RadioButton(label(lang, txt::direct).c_str(), &route, 0);
    c.via_relay = route == 1;
    help_marker(state, txt::relay_help);
  } else {
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 7);
    ImGui::InputTextWithHint(label(lang, txt::custom_base).c_str(), "https://example.com/path", &c.custom_base);
  }
  if (c.kind != kind_before || c.region_id != region_before || c.backup_host != backup_before ||
      c.custom_base != base_before)
    c.from_share_link = false;
  if (state.derived.base_error) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(tone_colour(Tone::bad), "%s", state.derived.base_error->c_str());
    ImGui::PopTextWrapPos();
  } else {
    ImGui::TextDisabled("%s: %s", tr(lang, txt::base_url_is), state.derived.base_url.c_str());
  }
}

// The decoded UserSig, a field an item: hovering one explains it (core/explain.h), a click goes
// to the field it must match.
void draw_decoded(AppState& state, const core::usersig::Verdict& verdict) {
  Lang lang = state.lang;
  if (!verdict.decoded) return;
  const auto& d = *verdict.decoded;
  int64_t left = d.expires_at() - state.input.now_unix;
  ImGui::Indent();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  const std::string sig = d.sig.size() > 12 ? d.sig.substr(0, 12) + "..." : d.sig;
  struct Field {
    const char* name;
    std::string text;  // the field and its value: one explained item
    std::string note;  // the date it stands for, which may go on the next line
  };
  const Field fields[] = {
      {"TLS.ver", "TLS.ver " + d.version, ""},
      {"TLS.sdkappid", "TLS.sdkappid " + std::to_string(d.sdkappid), ""},
      {"TLS.identifier", "TLS.identifier " + d.identifier, ""},
      {"TLS.time", "TLS.time " + std::to_string(d.time),
       "(" + std::string(tr(lang, txt::issued)) + " " + core::usersig::format_utc(d.time) + ")"},
      {"TLS.expire", "TLS.expire " + std::to_string(d.expire),
       "(" + std::string(tr(lang, txt::expires)) + " " + core::usersig::format_utc(d.expires_at()) + ")"},
      {"TLS.sig", "TLS.sig " + sig, ""},
  };
  // A phone's width wraps the fields, and a date after its number, onto more lines.
  auto next_fits = [](const std::string& text, float gap) {
    ImGui::SameLine(0, gap);
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(text.c_str()).x) ImGui::NewLine();
  };
  bool first = true;
  for (const Field& f : fields) {
    if (!first) next_fits(f.text, ImGui::GetFontSize());
    first = false;
    explained_text(state, core::ExplainScope::usersig, f.name, f.text + "##" + f.name);
    if (f.note.empty()) continue;
    next_fits(f.note, -1.0f);
    ImGui::TextUnformatted(f.note.c_str());
  }
  ImGui::PopStyleColor();
  ImGui::PushTextWrapPos(0);
  if (left >= 0)
    ImGui::Text("%s: %s", tr(lang, txt::time_left), tr(lang, core::usersig::format_duration(left)).c_str());
  else
    ImGui::TextColored(tone_colour(Tone::bad), "%s: %s (%s)", tr(lang, txt::time_left), tr(lang, txt::expired),
                       tr(lang, core::usersig::format_duration(left)).c_str());
  ImGui::PopTextWrapPos();
  ImGui::Unindent();
}

void draw_usersig(AppState& state) {
  Credentials& c = state.creds;
  Lang lang = state.lang;
  int source = static_cast<int>(c.sig_source);
  ImGui::RadioButton(label(lang, txt::sig_from_key).c_str(), &source, static_cast<int>(SigSource::key));
  same_line_or_wrap(label(lang, txt::sig_pasted));
  ImGui::RadioButton(label(lang, txt::sig_pasted).c_str(), &source, static_cast<int>(SigSource::pasted));
  c.sig_source = static_cast<SigSource>(source);

  if (c.sig_source == SigSource::key) {
    field_anchor(state, "?usersig");
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 12);
    secret_field(label(lang, txt::secret_key).c_str(), c.secret_key, state.view.show_key);
    ImGui::SameLine();
    if (small_button(state, label(lang, state.view.show_key ? txt::hide : txt::show, "key"))) state.view.show_key = !state.view.show_key;
    help_marker(state, txt::secret_key_help);
    // Room for four digits beside the - and + buttons, which are as wide as a frame is high.
    field_anchor(state, "?validity");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4 +
                            (ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x) * 2);
    if (ImGui::InputInt(label(lang, txt::validity_days).c_str(), &c.validity_days)) {
      if (c.validity_days < 1) c.validity_days = 1;
      if (c.validity_days > 3650) c.validity_days = 3650;
    }
    if (state.sig.usersig.empty()) {
      ImGui::TextDisabled("%s", tr(lang, txt::usersig_none));
    } else {
      std::string shown = state.sig.usersig.substr(0, 24) + "... (" + std::to_string(state.sig.usersig.size()) + ")";
      ImGui::Text("%s: %s", tr(lang, txt::usersig), shown.c_str());
      draw_decoded(state, state.sig.decoded);
    }
    return;
  }

  field_anchor(state, "?usersig");
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 9);
  ImVec2 size(-ImGui::GetFontSize() * 9, ImGui::GetTextLineHeight() * 3);
  secret_field(label(lang, txt::usersig_paste).c_str(), c.pasted_usersig, false, &size);
  help_marker(state, core::ExplainScope::query, "usersig");
  if (c.pasted_usersig.empty()) return;
  const auto& verdict = state.pasted.verdict;
  ImGui::PushTextWrapPos(0);
  if (verdict.ok()) {
    ImGui::TextColored(tone_colour(Tone::good), "%s", tr(lang, txt::usersig_ok));
  } else {
    ImGui::TextColored(tone_colour(Tone::bad), "%d: %s", verdict.code,
                       tr(lang, verdict.reason).c_str());
  }
  ImGui::TextDisabled("%s", tr(lang, txt::signature_not_checked));
  ImGui::PopTextWrapPos();
  draw_decoded(state, verdict);
}

}  // namespace

void draw_credentials(AppState& state) {
  Lang lang = state.lang;
  Credentials& c = state.creds;
  ImGui::PushID("credentials");
  draw_target(state);
  ImGui::Spacing();

  field_anchor(state, "?sdkappid");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  ImGui::InputText("SDKAppID", &c.sdkappid, ImGuiInputTextFlags_CharsDecimal);
  help_marker(state, core::ExplainScope::query, "sdkappid");
  if (!c.sdkappid.empty() && !parse_sdkappid(c.sdkappid))
    ImGui::TextColored(tone_colour(Tone::bad), "%s", tr(lang, txt::sdkappid_bad));
  field_anchor(state, "?identifier");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  ImGui::InputText(label(lang, txt::identifier).c_str(), &c.identifier);
  help_marker(state, core::ExplainScope::query, "identifier");
  if (c.identifier.empty()) ImGui::TextColored(tone_colour(Tone::bad), "%s", tr(lang, txt::identifier_empty));
  ImGui::Spacing();
  draw_usersig(state);
  ImGui::PopID();
}

}  // namespace timpush::ui
