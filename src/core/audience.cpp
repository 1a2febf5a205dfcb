// The all-user rule of audience.h, written once on the JSON body; the other forms reach it.
#include "core/audience.h"

namespace timpush::core {

namespace {

// The send guard's bounds for a body text: far beyond what fits in the server's 10 K.
constexpr JsonLimits body_limits{512, 10000};

bool non_empty(const Json& condition, const char* key, Json::value_t type) {
  auto it = condition.find(key);
  return it != condition.end() && it->type() == type && !it->empty();
}

}  // namespace

bool reaches_everyone(const Json& body) {
  if (!body.is_object()) return false;
  auto condition = body.find("Condition");
  if (condition == body.end()) return true;
  if (!condition->is_object()) return false;
  return !(non_empty(*condition, "TagsAnd", Json::value_t::array) ||
           non_empty(*condition, "TagsOr", Json::value_t::array) ||
           non_empty(*condition, "AttrsAnd", Json::value_t::object) ||
           non_empty(*condition, "AttrsOr", Json::value_t::object));
}

bool reaches_everyone(std::string_view body) {
  JsonReadResult read = read_json(body, body_limits);
  return read.ok() && reaches_everyone(read.value);
}

bool reaches_everyone(const PushRequest& request) { return reaches_everyone(to_json(request)); }

bool is_blank(const Condition& c) {
  return !c.tags_and && !c.tags_or && !c.tags_not && !c.attrs_and && !c.attrs_or && c.extra.empty();
}

}  // namespace timpush::core
