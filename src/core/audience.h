// Who a push reaches: the one rule that says "this push goes to every user", read by the
// validator (its all-user warning), the send guard (the typed confirmation), the composer and the
// sandbox (the task's target), so the warning in Checks and the confirmation always agree.
//
// The rule. push-api.zh.txt (Condition, 注意): "如果没有 Condition,则推送给全部用户" and
// reference.md section 2 (Condition: "absent -> every user"). Neither document says what the
// service does with a Condition that is present but selects nobody by tag or attribute: an empty
// object, empty lists, only unknown keys, or only TagsNot (whose documented meaning is
// "(A or B) and not (C or D)", so alone it excludes some users and keeps all the others). We
// decide to treat every one of those as reaching every user: a push cannot be taken back, so
// the cautious reading is the one that warns and asks for the SDKAppID. A push reaches a subset
// only when TagsAnd or TagsOr is a non-empty array, or AttrsAnd or AttrsOr a non-empty object.
// A Condition that is not an object is refused by validation (wrong type), so no push with it
// is sent: it counts as not reaching everyone, and no confirmation opens for it.
#pragma once

#include <string>
#include <string_view>

#include "core/json.h"
#include "core/push_request.h"

namespace timpush::core {

// The rule on a parsed body. A value that is not a JSON object gives false (validation refuses
// it before any send).
bool reaches_everyone(const Json& body);
// The same rule on the body text; text that is not a JSON object (or is too deep or wide to
// read cheaply) gives false.
bool reaches_everyone(std::string_view body);
inline bool reaches_everyone(const std::string& body) { return reaches_everyone(std::string_view(body)); }
inline bool reaches_everyone(const char* body) { return reaches_everyone(std::string_view(body)); }
// The same rule on the typed model (a Condition of the wrong type sits in `extra`).
bool reaches_everyone(const PushRequest& request);

// True when the form's Condition holds nothing at all (no list, no map, no unknown key): the
// composer then drops it, so the body has no Condition rather than an empty one.
bool is_blank(const Condition& condition);

}  // namespace timpush::core
