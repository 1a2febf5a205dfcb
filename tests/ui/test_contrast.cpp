// The status colours (widgets.h tone_colour) and the text colours keep WCAG 2.1's 4.5:1 contrast
// for text (success criterion 1.4.3) on each theme's backgrounds (ui/theme.cpp), computed with
// WCAG 2.1's definitions of relative luminance and contrast ratio.
#include <doctest/doctest.h>

#include <cmath>

#include <imgui.h>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace {

// WCAG 2.1, "relative luminance": sRGB channels linearised, weighted 0.2126, 0.7152, 0.0722.
double channel(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double luminance(const ImVec4& c) {
  return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z);
}
// WCAG 2.1, "contrast ratio": (L1 + 0.05) / (L2 + 0.05), L1 the lighter.
double contrast(const ImVec4& a, const ImVec4& b) {
  double la = luminance(a), lb = luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

// A context of its own, styled as the page would be.
struct Styled {
  explicit Styled(bool dark) : previous(ImGui::GetCurrentContext()), context(ImGui::CreateContext()) {
    ImGui::SetCurrentContext(context);
    timpush::ui::apply_style(dark, false);
  }
  ~Styled() {
    ImGui::DestroyContext(context);
    ImGui::SetCurrentContext(previous);
  }
  ImGuiContext* previous;
  ImGuiContext* context;
};

}  // namespace

TEST_CASE("the contrast formula gives WCAG's end points") {
  // Black on white is 21:1 and a colour on itself 1:1 (WCAG 2.1, definition of contrast ratio).
  CHECK(contrast(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(21.0));
  CHECK(contrast(ImVec4(0.3f, 0.6f, 0.2f, 1), ImVec4(0.3f, 0.6f, 0.2f, 1)) == doctest::Approx(1.0));
}

TEST_CASE("status and text colours have at least 4.5:1 on both themes' backgrounds") {
  using timpush::ui::Tone;
  for (bool dark : {false, true}) {
    Styled styled(dark);
    const ImGuiStyle& s = ImGui::GetStyle();
    // The themes are what they say: a light window background for light, a dark one for dark.
    CHECK((luminance(s.Colors[ImGuiCol_WindowBg]) > 0.5) == !dark);
    // Text stands on the window (child windows are transparent over it), in popups and tooltips,
    // and in fields.
    const ImVec4 backgrounds[] = {s.Colors[ImGuiCol_WindowBg], s.Colors[ImGuiCol_PopupBg], s.Colors[ImGuiCol_FrameBg]};
    for (const ImVec4& bg : backgrounds) {
      for (Tone tone : {Tone::good, Tone::bad, Tone::warn}) {
        CAPTURE(dark);
        CAPTURE(static_cast<int>(tone));
        CHECK(contrast(timpush::ui::tone_colour(tone), bg) >= 4.5);
      }
      CHECK(contrast(s.Colors[ImGuiCol_Text], bg) >= 4.5);
      CHECK(contrast(s.Colors[ImGuiCol_TextDisabled], bg) >= 4.5);  // "Ready to send." is drawn so
    }
  }
}

TEST_CASE("a finger's targets are about 40 CSS px high; a mouse's stay as they were") {
  Styled touch_styled(false);
  timpush::ui::apply_style(false, true);
  ImGuiStyle& s = ImGui::GetStyle();
  CHECK(timpush::ui::kUiFontSize + s.FramePadding.y * 2 >= 40.0f);
  timpush::ui::apply_style(false, false);
  CHECK(timpush::ui::kUiFontSize + s.FramePadding.y * 2 == doctest::Approx(25.0f));
}
