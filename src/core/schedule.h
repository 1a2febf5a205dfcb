// Scheduled pushes (v4/timpush/add_sched_task and friends, ../shared/spec/task-apis.md §9): the
// SchedAt time both ways, the time an operator types in their own time zone, the task's Type
// derived from the push, and the request bodies. Pure: the caller passes the clock and the
// time-zone offset (the page reads them from the browser).
//
// Where the documents are silent, our choices:
// - A SchedAt must be at least 60 s ahead (so the task is still pending when it arrives) and at
//   most 30 days ahead (Tencent documents no window; the sandbox keeps tasks that long).
// - Content always carries MsgRandom (whether it needs one is not documented).
// - A task of Type User ("User: To_Account [1..500]", task-apis.md section 9) carries what a test
//   send of the same push carries (test_send.h's batch_body: To_Account, MsgRandom,
//   OfflinePushInfo, DataId and the operational fields, never a Condition), and its accounts are
//   judged by the test send's rules (1..500, none empty or repeated): the document gives User
//   tasks no rules of their own, and a User task is a test send at a later time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/validation.h"
#include "core/words.h"

namespace timpush::core {

constexpr int64_t min_sched_lead_seconds = 60;
constexpr int64_t max_sched_ahead_seconds = 30 * 86400;

// "2026-12-01 20:00:00" (UTC) for Unix seconds, and back; nothing for any other text.
std::string format_sched_at(int64_t unix_seconds);
std::optional<int64_t> parse_sched_at(std::string_view text);

// A time typed in a time zone `offset_minutes` east of UTC (UTC+8: 480; JavaScript's
// getTimezoneOffset() is the negative of this), as "YYYY-MM-DD HH:MM" or with ":SS", to Unix
// seconds; nothing when it is not such a time or not a real date.
std::optional<int64_t> parse_local_time(std::string_view text, int offset_minutes);
// The same moment written back in that zone, "YYYY-MM-DD HH:MM:SS".
std::string format_local_time(int64_t unix_seconds, int offset_minutes);

// Why a moment cannot be a SchedAt now (in the past, too soon, too far ahead), or nothing.
std::optional<Words> sched_time_problem(int64_t at, int64_t now);

enum class SchedType { all, tag, user };
std::string_view sched_type_name(SchedType type);  // "All", "Tag", "User" as the API spells them
std::optional<SchedType> sched_type_named(std::string_view name);  // and back; nothing for others
// All for a push that reaches every user (core/audience.h), Tag for one with a Condition.
SchedType sched_type_of(const Json& push_body);

// add_sched_task's body for a push body: Content is the push (From_Account, MsgRandom, its
// Condition unless it reaches everyone, OfflinePushInfo and the optional fields).
Json add_sched_body(uint32_t sdkappid, int64_t at, const Json& push_body, const std::string& from_account);
// add_sched_task's body of Type User: the push's content to the accounts `to`, as a test send.
Json add_user_sched_body(uint32_t sdkappid, int64_t at, const Json& push_body, const std::vector<std::string>& to,
                         const std::string& from_account);
// modify_sched_task's body: the task's Type (it cannot change: a new content must have the same
// sched_type_of, which the caller checks), the new time and, when given, the new content. For
// Type User the content goes to `to` (a User Content needs To_Account; none given is an empty
// list, which validate_sched_content refuses).
Json modify_sched_body(uint32_t sdkappid, int64_t task_id, SchedType type, int64_t at, const Json* push_body,
                       const std::string& from_account, const std::vector<std::string>* to = nullptr);

// The checks of an add or modify body's Content of Type User: validate_batch's (the accounts,
// then the push rules on what it carries); pointers are the Content's ("/To_Account/2",
// "/OfflinePushInfo/Title"), as the form names its fields. An empty report for other Types,
// whose Content is the push and is checked as one.
ValidationReport validate_sched_content(const Json& sched_body);
// The push body a task's Content holds, to edit in the composer: Content without To_Account.
Json sched_push_of(const Json& content);
Json delete_sched_body(uint32_t sdkappid, int64_t task_id, SchedType type);

}  // namespace timpush::core
