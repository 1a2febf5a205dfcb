// The app's attribute names and its users' tags and attributes (task-apis.md section 10): the
// request bodies of get/set_attr_name, get/set/remove_attr, get/add/remove_tag and
// clear_all_tags, the documented limits checked before sending, a list of names read from a
// file, and tolerant readers of the answers (partial success: ErrorList per account). Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/response.h"
#include "core/validation.h"
#include "core/words.h"

namespace timpush::core {

// The documented caps (task-apis.md section 10).
constexpr size_t max_attr_names = 10;            // slots "0".."9"
constexpr size_t max_attr_name_bytes = 50;
constexpr size_t max_app_data_accounts = 100;    // accounts in one call
constexpr size_t max_tags_per_add = 10;          // add_tag with Replace 0
constexpr size_t max_tags_per_replace = 100;     // add_tag with Replace 1
constexpr size_t max_tags_per_user = 100;
constexpr size_t max_tags_per_app = 1000;

// Problems with a list of attribute names for set_attr_name: more than 10 (90033 at the 11th),
// an empty name or one over 50 bytes, the same name twice (each 90033 at "/AttrNames/<slot>").
std::vector<Issue> check_attr_names(const std::vector<std::string>& names);
// set_attr_name's body: names[i] in slot "i"; AttrTypes only when `type` is given (0 UserID,
// 1 RegistrationID), then for every slot.
std::string set_attr_name_body(const std::vector<std::string>& names, std::optional<int> type);

// Attribute names as a file gives them: a JSON array of strings, or else one name per line
// (spaces around a name and blank lines are ignored; a UTF-8 byte order mark too). The names are
// not judged here (check_attr_names does that).
struct AttrNamesFile {
  std::vector<std::string> names;
  std::optional<Words> error;  // a JSON array that holds something other than strings
};
AttrNamesFile read_attr_names_file(std::string_view text);

// An account list for one call: 1..100 accounts (90018 above, our wording otherwise).
std::optional<Words> check_app_data_accounts(size_t count);
// Tags for add_tag or remove_tag: each 1..50 bytes (90040 empty, 90020 long), at most 10 per
// add or 100 per replace (90032).
std::optional<Words> check_tags(const std::vector<std::string>& tags, bool replace);

// {"To_Account":[...]}: get_tag, get_attr and clear_all_tags.
std::string accounts_body(const std::vector<std::string>& accounts);
// {"Replace":0|1,"UserTags":[{"To_Account":a,"Tags":[...]}...]}: the same tags for each account.
std::string add_tag_body(const std::vector<std::string>& accounts,
                         const std::vector<std::string>& tags, bool replace);
std::string remove_tag_body(const std::vector<std::string>& accounts,
                            const std::vector<std::string>& tags);
std::string set_attr_body(const std::vector<std::string>& accounts,
                          const std::vector<std::pair<std::string, std::string>>& attrs);
std::string remove_attr_body(const std::vector<std::string>& accounts,
                             const std::vector<std::string>& names);

struct AttrName {
  int slot = 0;          // "0".."9"
  std::string name;
  std::optional<int64_t> type;  // AttrTypes: 0 UserID, 1 RegistrationID; absent when not given
};
struct AttrNamesReport {
  PushResponse envelope;
  std::vector<AttrName> names;  // by slot; slots that are not "0".."9" are skipped
  std::vector<std::string> plain() const;  // the names alone, for ValidationOptions
};
AttrNamesReport read_attr_names(int http_status, std::string_view body);

struct AccountError {
  std::string account;
  std::optional<int64_t> code;
  std::string info;
};
struct UserTags {
  std::string account;
  std::vector<std::string> tags;
};
struct UserAttrs {
  std::string account;
  std::vector<std::pair<std::string, std::string>> attrs;  // in the answer's order
};
// Any answer of get_tag, get_attr, add_tag, remove_tag, clear_all_tags, set_attr, remove_attr.
struct AppDataReport {
  PushResponse envelope;
  std::vector<UserTags> tags;        // get_tag's UserTags
  std::vector<UserAttrs> attrs;      // get_attr's UserAttrs
  std::vector<AccountError> errors;  // ErrorList: the accounts that failed, when others passed
};
AppDataReport read_app_data(int http_status, std::string_view body);

}  // namespace timpush::core
