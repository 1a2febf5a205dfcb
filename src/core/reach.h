// The reach of a push's Condition as the page shows it against the sandbox: the parts of a
// Condition (each tag of TagsAnd, TagsOr and TagsNot, each term of AttrsAnd and AttrsOr), the
// body without one part, what a part adds or removes, and when to ask again as the trainee types.
// Pure: the page asks the sandbox's POST /sandbox/reach (src/server/sandbox.h) and feeds the
// answers back; the clock comes in as milliseconds.
//
// Decisions:
// - A part's effect is the users reached with the whole Condition minus those reached without
//   that part: positive where it widens (an OR term), negative where it narrows (an AND term, a
//   TagsNot tag). Removing a list's last element removes the list, and removing the Condition's
//   last member removes the Condition (the push then reaches every user, as the service reads a
//   body without one).
// - At most max_reach_parts parts, in the Condition's order (TagsAnd, TagsOr, TagsNot, AttrsAnd,
//   AttrsOr), each one a request: the sandbox is asked at most that many extra times a settled
//   condition.
// - The page asks once the Condition has been still for reach_quiet_ms, and never with a request
//   in flight: typing a tag costs one round of requests, not one per key.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"

namespace timpush::core {

inline constexpr size_t max_reach_parts = 10;
inline constexpr int64_t reach_quiet_ms = 300;

struct ConditionPart {
  std::string list;     // "TagsAnd", "TagsOr", "TagsNot", "AttrsAnd" or "AttrsOr"
  std::string pointer;  // RFC 6901: "/Condition/TagsAnd/0", "/Condition/AttrsOr/city"
  std::string shown;    // the tag, or "name=value"
};
// The parts of the body's Condition, at most `max` (none when the body has no Condition object).
std::vector<ConditionPart> condition_parts(const Json& body, size_t max = max_reach_parts);
// The body with that one part taken out (see the decisions above).
Json body_without(const Json& body, const ConditionPart& part);
// Users a part adds (positive) or removes (negative): reached with it minus reached without it.
inline int64_t part_change(int64_t with_part, int64_t without_part) { return with_part - without_part; }

// {"Users":N,"Of":M} read; nothing when the answer is not that.
struct ReachCount {
  int64_t users = 0;
  int64_t of = 0;
};
std::optional<ReachCount> read_reach_answer(int status, std::string_view body);

// When to ask: feed it the Condition as it is every frame; it says when a round is due.
class ReachDebounce {
public:
  // The Condition (its text, or any key that changes with it) as it is at now_ms.
  void note(const std::string& key, int64_t now_ms);
  // A round is due: the key has been still for reach_quiet_ms, is not the one last asked, and
  // nothing is in flight.
  bool due(int64_t now_ms) const;
  // Milliseconds until due() could turn true without another change; -1 when it cannot.
  int64_t wait_ms(int64_t now_ms) const;
  void asked();      // a round for the current key left
  void answered();   // its last answer came (or it failed)
  bool in_flight() const { return in_flight_; }
  const std::string& asked_key() const { return asked_; }
  const std::string& key() const { return key_; }

private:
  std::string key_;
  int64_t changed_at_ = 0;
  bool seen_ = false;
  std::string asked_;
  bool asked_once_ = false;
  bool in_flight_ = false;
};

}  // namespace timpush::core
