// Checks a push body against every rule the server enforces that can be checked before sending
// (reference.md sections 2-4). Each issue carries the server's own error code. Works on the exact
// body text that would be sent, so size and type rules see what the server sees.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/text_util.h"  // json_pointer_token, for pointers into a body
#include "core/words.h"

namespace timpush::core {

enum class Severity { error, warning };

// Codes for issues the server has no number for (it would still refuse or mishandle them).
// They are outside the server's ranges so they can never be mistaken for a server answer.
namespace local_code {
constexpr int data_id_too_long = 1;          // DataId over 64 bytes
constexpr int attr_value_too_long = 2;       // attribute value over 50 bytes
constexpr int ext_not_json = 3;              // warning: Ext is not JSON text
constexpr int payload_too_big_for_apns = 4;  // warning: Desc + Ext over 3 KB
constexpr int desc_missing = 5;              // warning: offline push without Desc
constexpr int all_users = 6;                 // warning: no Condition, reaches every user
constexpr int wrong_type = 7;                // a documented field has the wrong JSON type
constexpr int bad_value = 8;                 // a documented field holds a value outside its set
                                             // (PushFlag 2, HuaWeiImportance "HIGH", ...)
}  // namespace local_code

struct Issue {
  int code = 0;          // server error code (90xxx) or a local_code
  Severity severity = Severity::error;
  std::string pointer;   // RFC 6901 JSON pointer to the field, "" for the whole body
  Words message;
  int line = 0;          // for 90001: 1-based position of the parse error, else 0
  int column = 0;
};

struct ValidationReport {
  std::vector<Issue> issues;
  // The body as read for the checks (null when it is not JSON): the send guard reads this rather
  // than the text again, so a body is parsed once per edit.
  Json document;
  bool ok() const;  // true when no issue is an error
};

constexpr size_t max_body_bytes = 10240;
constexpr size_t max_tag_bytes = 50;
constexpr size_t max_tags_per_condition = 10;
constexpr size_t max_attr_value_bytes = 50;
constexpr size_t max_data_id_bytes = 64;
constexpr size_t apns_payload_warn_bytes = 3072;

// What the validator may know of the app beyond the body. Default: nothing, and no check needs it.
struct ValidationOptions {
  // The app's attribute names as get_attr_name answers them. When given, an AttrsAnd or AttrsOr
  // entry naming another attribute is 90033 at that entry (the service refuses it so:
  // reference.md section 2). Not given: attribute names are not judged.
  std::optional<std::vector<std::string>> attr_names;
};

// Validates the body text exactly as it would be sent.
// Order of issues: 90056 (size) first; then, walking the document in its own order, the issues
// of each field as it comes; then those about absent fields (MsgRandom missing, no Desc, no
// Condition). A 90001 stops the walk. MsgRandom written as a float (1.0, 1e3) is refused like
// 1.5: the server asks for an Integer. Byte limits count the decoded UTF-8 of a string.
ValidationReport validate_body(std::string_view body, const ValidationOptions& options = {});
// The same checks for a body whose document the caller already holds (the composer's model as
// core::to_json made it, `body` its compact dump): the text is not parsed again. `document` must
// be what parsing `body` gives; the validate fuzzer holds the two to the same issues.
ValidationReport validate_document(std::string_view body, Json document, const ValidationOptions& options = {});

}  // namespace timpush::core
