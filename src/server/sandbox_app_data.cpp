// The app's data in the sandbox (task-apis.md section 10): its attribute names, and the tags
// and attribute values of the world's users, which the audience of later pushes reads. Runs
// under the sandbox's mutex. Decisions (codes, shapes, partial success): sandbox.h.
#include <algorithm>
#include <utility>

#include "core/app_report.h"
#include "server/sandbox.h"
#include "server/sandbox_detail.h"

namespace timpush::server {

using namespace sandbox_detail;

namespace {

constexpr int kAppDataPerSecond = 100;

// The answer: the envelope, then `extra`'s members, then ErrorList when an account failed.
SandboxAnswer answer(Json extra, const Json& errors) {
  Json doc = envelope();
  for (auto& [key, value] : extra.items()) doc[key] = value;
  if (!errors.empty()) doc["ErrorList"] = errors;
  return {200, dump(doc)};
}

void account_error(Json& errors, const std::string& account, int code, std::string info) {
  errors.push_back(Json{{"To_Account", account}, {"ErrorCode", code}, {"ErrorInfo", std::move(info)}});
}

// The documented entry lists: an array of at most 100 entries (90001 for another shape, 90018
// beyond 100). For To_Account, entries are strings; else objects with a string To_Account.
std::optional<SandboxAnswer> check_list(const Json* list, const char* key, bool objects) {
  if (!list || !list->is_array()) return fail(90001, std::string(key) + " must be an array");
  if (list->size() > core::max_app_data_accounts) {
    return fail(90018, std::string(key) + " holds " + std::to_string(list->size()) +
                           " accounts; the limit is 100");
  }
  for (const auto& entry : *list) {
    const bool good = objects ? entry.is_object() && core::get_string(entry, "To_Account")
                              : entry.is_string();
    if (!good) {
      return fail(90001, std::string("every ") + key + " entry must be " +
                             (objects ? "an object with a string To_Account" : "a string"));
    }
  }
  return std::nullopt;
}

std::optional<SandboxAnswer> check_tag(const Json& tag) {
  if (!tag.is_string()) return fail(90001, "every tag must be a string");
  const auto& text = tag.get_ref<const std::string&>();
  if (text.empty()) return fail(90040, "a tag is empty");
  if (text.size() > core::max_tag_bytes) {
    return fail(90020, "a tag is " + std::to_string(text.size()) + " bytes; the limit is 50");
  }
  return std::nullopt;
}

}  // namespace

SandboxAnswer Sandbox::app_data(std::string_view api, int64_t now_ms, std::string_view body) {
  if (rate_exceeded(api, kAppDataPerSecond, now_ms)) {
    return fail(60018, std::string(api) + " is limited to 100 calls a second");
  }
  if (body.size() > core::max_body_bytes * 4) return fail(90056);
  Json doc = core::read_json(body, core::JsonLimits{16, 1000}).value;
  if (!doc.is_object()) return fail(90001, "body is not a JSON object");
  Json errors = Json::array();

  if (api == "get_attr_name") {
    Json names = Json::object(), types = Json::object();
    for (size_t i = 0; i < attr_slots_.size(); ++i) {
      if (attr_slots_[i].name.empty()) continue;
      names[std::to_string(i)] = attr_slots_[i].name;
      types[std::to_string(i)] = attr_slots_[i].type;
    }
    return answer(Json{{"AttrNames", names}, {"AttrTypes", types}}, errors);
  }
  if (api == "set_attr_name") {
    const Json* names = core::find_member(doc, "AttrNames");
    if (!names || !names->is_object()) return fail(90001, "AttrNames must be an object");
    std::vector<AttrSlot> next = attr_slots_;
    for (const auto& [key, value] : names->items()) {
      if (key.size() != 1 || key[0] < '0' || key[0] > '9') {
        return fail(90033, "AttrNames keys are \"0\" to \"9\" (at most 10 attributes)");
      }
      if (!value.is_string() || value.get_ref<const std::string&>().empty() ||
          value.get_ref<const std::string&>().size() > core::max_attr_name_bytes) {
        return fail(90033, "attribute name " + key + " must be a string of 1 to 50 bytes");
      }
      next[static_cast<size_t>(key[0] - '0')].name = value.get<std::string>();
    }
    if (const Json* types = core::find_member(doc, "AttrTypes")) {
      if (!types->is_object()) return fail(90001, "AttrTypes must be an object");
      for (const auto& [key, value] : types->items()) {
        auto type = core::as_int64(value);
        if (key.size() != 1 || key[0] < '0' || key[0] > '9' || !type || (*type != 0 && *type != 1)) {
          return fail(90035, "AttrTypes maps \"0\"..\"9\" to 0 (UserID) or 1 (RegistrationID)");
        }
        const size_t slot = static_cast<size_t>(key[0] - '0');
        if (next[slot].name.empty()) return fail(90033, "AttrTypes names slot " + key + ", which has no name");
        if (!attr_slots_[slot].name.empty() && attr_slots_[slot].type != *type) {
          return fail(90035, "the account type of attribute " + key + " is set; it cannot change");
        }
        next[slot].type = static_cast<int>(*type);
      }
    }
    for (size_t i = 0; i < next.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (!next[i].name.empty() && next[i].name == next[j].name) {
          return fail(90033, "attributes " + std::to_string(j) + " and " + std::to_string(i) +
                                 " have the same name");
        }
      }
    }
    attr_slots_ = std::move(next);
    return answer(Json::object(), errors);
  }

  const bool accounts_only = api == "get_attr" || api == "get_tag" || api == "clear_all_tags";
  if (accounts_only) {
    const Json* to = core::find_member(doc, "To_Account");
    if (auto refused = check_list(to, "To_Account", false)) return *refused;
    Json items = Json::array();
    for (const auto& account : *to) {
      const std::string& id = account.get_ref<const std::string&>();
      User* user = world_->find_user(id);
      if (!user) {
        account_error(errors, id, 70107, "the account does not exist");
        continue;
      }
      if (api == "clear_all_tags") {
        for (const auto& tag : user->tags) {
          if (--tag_users_[tag] == 0) tag_users_.erase(tag);
        }
        user->tags.clear();
      } else if (api == "get_tag") {
        items.push_back(Json{{"To_Account", id}, {"Tags", user->tags}});
      } else {
        Json attrs = Json::object();
        for (const auto& [name, value] : user->attrs) attrs[name] = value;
        items.push_back(Json{{"To_Account", id}, {"Attrs", attrs}});
      }
    }
    if (api == "clear_all_tags") return answer(Json::object(), errors);
    return answer(Json{{api == "get_tag" ? "UserTags" : "UserAttrs", items}}, errors);
  }

  const bool tags = api == "add_tag" || api == "remove_tag";
  const char* list_key = tags ? "UserTags" : "UserAttrs";
  const Json* list = core::find_member(doc, list_key);
  if (auto refused = check_list(list, list_key, true)) return *refused;
  bool replace = false;
  if (api == "add_tag") {
    auto flag = core::get_int64(doc, "Replace");
    if (core::find_member(doc, "Replace") && (!flag || (*flag != 0 && *flag != 1))) {
      return fail(90001, "Replace must be 0 or 1");
    }
    replace = flag == 1;
  }
  // The whole request's shape first: nothing is applied when part of it is malformed.
  for (const auto& entry : *list) {
    const Json* items = core::find_member(entry, tags ? "Tags" : "Attrs");
    const bool want_object = api == "set_attr";
    if (!items || (want_object ? !items->is_object() : !items->is_array())) {
      return fail(90001, std::string(tags ? "Tags" : "Attrs") + " must be " +
                             (want_object ? "an object of name to value" : "an array"));
    }
    if (tags) {
      const size_t cap = replace ? core::max_tags_per_replace : core::max_tags_per_add;
      if (api == "add_tag" && items->size() > cap) {
        return fail(90032, "an entry may hold at most " + std::to_string(cap) + " tags");
      }
      for (const auto& tag : *items) {
        if (auto refused = check_tag(tag)) return *refused;
      }
    } else if (!want_object) {
      for (const auto& item : *items) {
        if (!item.is_string()) return fail(90001, "remove_attr takes attribute names (strings)");
      }
    }
  }
  for (const auto& entry : *list) {
    const std::string id = *core::get_string(entry, "To_Account");
    User* user = world_->find_user(id);
    if (!user) {
      account_error(errors, id, 70107, "the account does not exist");
      continue;
    }
    const Json& items = *core::find_member(entry, tags ? "Tags" : "Attrs");
    if (api == "add_tag") {
      std::vector<std::string> next = replace ? std::vector<std::string>{} : user->tags;
      for (const auto& tag : items) {
        const auto& text = tag.get_ref<const std::string&>();
        if (std::find(next.begin(), next.end(), text) == next.end()) next.push_back(text);
      }
      size_t new_distinct = 0;
      for (const auto& tag : next) new_distinct += tag_users_.count(tag) == 0;
      if (next.size() > core::max_tags_per_user) {
        account_error(errors, id, 90032, "a user may hold at most 100 tags (the cap per user)");
        continue;
      }
      if (tag_users_.size() + new_distinct > core::max_tags_per_app) {
        account_error(errors, id, 90032, "an app may have at most 1000 distinct tags (the cap per app)");
        continue;
      }
      for (const auto& tag : user->tags) {
        if (--tag_users_[tag] == 0) tag_users_.erase(tag);
      }
      user->tags = std::move(next);
      for (const auto& tag : user->tags) ++tag_users_[tag];
    } else if (api == "remove_tag") {
      for (const auto& tag : items) {
        auto it = std::find(user->tags.begin(), user->tags.end(), tag.get<std::string>());
        if (it == user->tags.end()) continue;
        if (--tag_users_[*it] == 0) tag_users_.erase(*it);
        user->tags.erase(it);
      }
    } else if (api == "set_attr") {
      int code = 0;
      std::string info;
      for (const auto& [name, value] : items.items()) {
        const std::string& wanted = name;  // a structured binding cannot be captured before C++20
        auto slot = std::find_if(attr_slots_.begin(), attr_slots_.end(),
                                 [&](const AttrSlot& s) { return s.name == wanted; });
        if (slot == attr_slots_.end()) {
          code = 90033, info = "the app has no attribute named " + name.substr(0, 60);
        } else if (!value.is_string() || value.get_ref<const std::string&>().size() > core::max_attr_value_bytes) {
          code = 90033, info = "the value of " + name.substr(0, 60) + " must be a string of at most 50 bytes";
        } else if (slot->type != 0) {
          code = 90035, info = "attribute " + name.substr(0, 60) + " is for RegistrationIDs; this account is a UserID";
        }
        if (code) break;
      }
      if (code) {
        account_error(errors, id, code, info);
        continue;
      }
      for (const auto& [name, value] : items.items()) user->attrs[name] = value.get<std::string>();
    } else {  // remove_attr
      for (const auto& name : items) user->attrs.erase(name.get<std::string>());
    }
  }
  return answer(Json::object(), errors);
}

}  // namespace timpush::server
