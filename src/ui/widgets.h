// Small ImGui building blocks shared by the panels: help on hover, issues shown at their field,
// focus requested from the checks list, and editors for the optional fields of the core model.
// Depends on ImGui and AppState only; never on the platform.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "core/explain.h"
#include "ui/app_state.h"
#include "ui/json_highlight.h"

namespace timpush::ui {

// Colours of status text: success, failure, and a warning or hint. Dark shades on a light window
// background, light ones on a dark one, so the text keeps its contrast in either theme.
enum class Tone { good, bad, warn };
ImVec4 tone_colour(Tone tone);

// The colour of a JSON token in the preview (the plain and the explained one).
ImVec4 json_token_colour(JsonToken kind);

// A "(?)" after the last widget that shows help on hover.
void help_marker(const AppState& state, const Text& help);
// The same for a field of the request: its explanation from the core's one table (core/explain.h),
// looked up only on hover. key: a body pointer, a query parameter's name or a UserSig field's.
void help_marker(const AppState& state, core::ExplainScope scope, const std::string& key);
// Issues of the body whose pointer is `pointer` (or, with `descendants`, below it), in red
// (errors) or yellow (warnings), under the widget.
void field_issues(const AppState& state, const std::string& pointer, bool descendants = false);
// Call before a widget: records the widget's pointer and, when a check was clicked for it,
// moves keyboard focus and scroll to it.
void field_anchor(AppState& state, const std::string& pointer);

// The editors of body fields show the field's explanation (help_marker) by its pointer.
// Text field for an optional string: empty means absent (the field is left out of the body).
bool optional_text(AppState& state, const char* label, std::optional<std::string>& value,
                   const std::string& pointer, bool multiline = false);
// Combo for an optional integer among documented values; keeps an undocumented value shown.
bool optional_int_choice(AppState& state, const char* label, std::optional<int64_t>& value,
                         std::initializer_list<std::pair<int64_t, const char*>> choices,
                         const std::string& pointer);
// Combo for an optional string among documented values (other values are kept and shown).
bool optional_string_choice(AppState& state, const char* label, std::optional<std::string>& value,
                            std::initializer_list<const char*> choices, const std::string& pointer);
// An editable list of tags (add, edit, remove). Emptying the list makes it absent.
bool tag_list_editor(AppState& state, const char* label,
                     std::optional<std::vector<std::string>>& tags, std::string& new_tag,
                     const std::string& pointer);
// An editable ordered map name -> value.
bool attr_map_editor(AppState& state, const char* label, std::optional<core::AttributeMap>& attrs,
                     std::string& new_name, std::string& new_value, const std::string& pointer);
// Fields the model keeps verbatim (`extra`): edit string and integer values, add suggested names.
bool extra_fields_editor(AppState& state, const char* id, Json& extra, const std::string& pointer,
                         std::initializer_list<const char*> suggestions);

// A field holding a credential (the SecretKey, a pasted UserSig): masked unless `shown`, and in
// either case kept out of the automation hook's activeText and of the captured page text, as a
// password field is. With `multiline_size` it is multi-line (never masked: ImGui cannot mask those).
bool secret_field(const char* label, std::string& value, bool shown, const ImVec2* multiline_size = nullptr);

// "ErrorCode N" with the error catalogue's meaning and fix (or "unknown code"), under a separator.
void error_code_explained(const AppState& state, int64_t code);

// A small button for a mouse; for a finger, a full-height one (a tap target of about 40 CSS px).
bool small_button(const AppState& state, const std::string& label);

// Before a radio button in a row of them: on the same line when it fits, else on the next, so a
// narrow screen wraps the row rather than cut it off at the right.
void same_line_or_wrap(const std::string& radio_label);

// The JSON pointer of a child: pointer_join("/Condition", "TagsAnd") -> "/Condition/TagsAnd".
std::string pointer_join(const std::string& parent, const std::string& child);

}  // namespace timpush::ui
