// The parts of a Condition, the body without one, and the reach requests' pacing (see reach.h).
#include "core/reach.h"

#include <cstddef>

namespace timpush::core {
namespace {

// RFC 6901 escapes a key's '~' and '/'.
std::string pointer_key(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

constexpr const char* tag_lists[] = {"TagsAnd", "TagsOr", "TagsNot"};
constexpr const char* attr_maps[] = {"AttrsAnd", "AttrsOr"};

}  // namespace

std::vector<ConditionPart> condition_parts(const Json& body, size_t max) {
  std::vector<ConditionPart> out;
  const Json* condition = find_member(body, "Condition");
  if (!condition || !condition->is_object()) return out;
  for (const char* list : tag_lists) {
    const Json* tags = find_member(*condition, list);
    if (!tags || !tags->is_array()) continue;
    for (size_t i = 0; i < tags->size(); ++i) {
      if (out.size() >= max) return out;
      const Json& tag = (*tags)[i];
      out.push_back({list, "/Condition/" + std::string(list) + "/" + std::to_string(i),
                     tag.is_string() ? tag.get<std::string>() : tag.dump()});
    }
  }
  for (const char* map : attr_maps) {
    const Json* attrs = find_member(*condition, map);
    if (!attrs || !attrs->is_object()) continue;
    for (const auto& [name, value] : attrs->items()) {
      if (out.size() >= max) return out;
      out.push_back({map, "/Condition/" + std::string(map) + "/" + pointer_key(name),
                     name + "=" + (value.is_string() ? value.get<std::string>() : value.dump())});
    }
  }
  return out;
}

Json body_without(const Json& body, const ConditionPart& part) {
  Json out = body;
  if (!out.is_object() || !out.contains("Condition") || !out["Condition"].is_object()) return out;
  Json& condition = out["Condition"];
  if (!condition.contains(part.list)) return out;
  Json& holder = condition[part.list];
  const std::string last = part.pointer.substr(part.pointer.rfind('/') + 1);
  if (holder.is_array()) {
    size_t index = 0;
    if (last.empty() || last.size() > 6) return out;
    for (char c : last) {
      if (c < '0' || c > '9') return out;
      index = index * 10 + static_cast<size_t>(c - '0');
    }
    if (index < holder.size()) holder.erase(holder.begin() + static_cast<std::ptrdiff_t>(index));
  } else if (holder.is_object()) {
    std::string key;
    for (size_t i = 0; i < last.size(); ++i) {
      if (last[i] == '~' && i + 1 < last.size()) key += last[++i] == '0' ? '~' : '/';
      else key += last[i];
    }
    holder.erase(key);
  }
  if (holder.empty()) condition.erase(part.list);
  if (condition.empty()) out.erase("Condition");
  return out;
}

std::optional<ReachCount> read_reach_answer(int status, std::string_view body) {
  if (status != 200) return std::nullopt;
  JsonReadResult read = read_json(body, JsonLimits{4, 16});
  if (read.failure != JsonReadResult::Failure::none) return std::nullopt;
  std::optional<int64_t> users = get_int64(read.value, "Users");
  std::optional<int64_t> of = get_int64(read.value, "Of");
  if (!users || !of || *users < 0 || *of < *users) return std::nullopt;
  return ReachCount{*users, *of};
}

void ReachDebounce::note(const std::string& key, int64_t now_ms) {
  if (seen_ && key == key_) return;
  seen_ = true;
  key_ = key;
  changed_at_ = now_ms;
}

bool ReachDebounce::due(int64_t now_ms) const {
  if (!seen_ || in_flight_ || (asked_once_ && asked_ == key_)) return false;
  return now_ms - changed_at_ >= reach_quiet_ms;
}

int64_t ReachDebounce::wait_ms(int64_t now_ms) const {
  if (!seen_ || in_flight_ || (asked_once_ && asked_ == key_)) return -1;
  const int64_t left = changed_at_ + reach_quiet_ms - now_ms;
  return left > 0 ? left : 0;
}

void ReachDebounce::asked() {
  asked_ = key_;
  asked_once_ = true;
  in_flight_ = true;
}

void ReachDebounce::answered() { in_flight_ = false; }

}  // namespace timpush::core
