// What every field of a push request means, written once, in English and Chinese: the fields of
// the body (reference.md sections 2-3, push-api.zh.txt), the URL's query string (section 1) and a
// decoded UserSig's document (section 5). The form's (?) help, the annotated preview and
// `timpush explain` all read this table; nobody keeps a second copy of these texts.
//
// An entry says what the field means, cites the codes that guard it (the validator's, the device
// preview's and the service's, by number: their own tables say what each is), and where the form
// has it. Which platforms read a field is device_preview.h's rule (platforms_reading), not a column
// here.
//
// Keys: a body field by its JSON pointer pattern, with "*" for an array item or an attribute name
// ("/Condition/TagsAnd/*", "/Condition/AttrsAnd/*"); "" is the whole body. A query parameter by its
// name ("usersig"), a UserSig field by its name ("TLS.expire").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/words.h"

namespace timpush::core {

enum class ExplainScope { body, query, usersig };

// Where the form has a field: its section, named as the page names it.
// The form's names of its two fields that no request carries as they are typed (the UserSig's
// validity and the admin account), written once for the explanations' "where" and the form's own
// labels (ui/text.h takes these).
inline constexpr Bilingual<const char*> validity_field_name{"Validity (days)", "有效期(天)"};
inline constexpr Bilingual<const char*> identifier_field_name{"Admin identifier", "管理员账号"};

enum class FormSection { none, body, audience, audience_tags, audience_attrs, message, offline, android, apns, other_top, credentials };

struct FieldExplanation {
  ExplainScope scope = ExplainScope::body;
  std::string_view key;
  Phrase meaning;
  int codes[7] = {};   // the codes that guard it, 0-terminated
  FormSection section = FormSection::none;
  // The form field a click goes to: empty for a body field (its own pointer), else the id the
  // credentials panel anchors ("?sdkappid", "?identifier", "?usersig", "?validity"); "-" none.
  std::string_view field;
};

// The whole table, in the order of the documents (a constant array: no start-up work).
struct ExplanationList {
  const FieldExplanation* first = nullptr;
  size_t size = 0;
  const FieldExplanation* begin() const { return first; }
  const FieldExplanation* end() const { return first + size; }
};
ExplanationList explanations();

// A body field by its concrete pointer ("/Condition/TagsOr/2" finds "/Condition/TagsOr/*");
// nullptr for a field the documents do not name.
const FieldExplanation* explain_body(std::string_view pointer);
const FieldExplanation* explain_query(std::string_view name);
const FieldExplanation* explain_usersig(std::string_view name);
const FieldExplanation* explain(ExplainScope scope, std::string_view key);

// What a code means in one line: the error catalogue's meaning for the service's codes, else the
// validator's (1-8) or the device preview's (21-34) local codes. Empty when unknown.
Words code_meaning(int code);
Phrase section_name(FormSection section);

// The focus id of an entry for the concrete key it was found by ("" none).
std::string focus_id(const FieldExplanation& entry, std::string_view concrete_key);

// The entry as text, one part a line: the meaning; "Rules:" and each code with its meaning;
// the platforms that read it; where the form has it. For `timpush explain` and the tooltips.
struct ExplanationText {
  Words meaning;
  std::vector<Words> rules;  // "90020: A tag is longer than 50 bytes."
  Words platforms;           // empty when no platform reads it (a field of the service)
  Words where;               // empty when the form has no field for it
};
ExplanationText explanation_text(const FieldExplanation& entry, std::string_view concrete_key);

}  // namespace timpush::core
