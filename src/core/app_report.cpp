// Bodies, checks and readers of the attribute and tag APIs (app_report.h).
#include "core/app_report.h"

#include <algorithm>

#include "core/answer_read.h"
#include "core/json.h"
#include "core/text_util.h"

namespace timpush::core {

namespace {

using namespace answer_read;

std::string n(size_t v) { return std::to_string(v); }

Issue attr_issue(size_t slot, std::string en, std::string zh) {
  Issue issue;
  issue.code = 90033;
  issue.pointer = "/AttrNames/" + n(slot);
  issue.message = {std::move(en), std::move(zh)};
  return issue;
}

Json string_array(const std::vector<std::string>& items) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(item);
  return out;
}

}  // namespace

std::vector<Issue> check_attr_names(const std::vector<std::string>& names) {
  std::vector<Issue> out;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    if (i == max_attr_names) {
      out.push_back(attr_issue(i, "an app has at most 10 attribute names; this list has " + n(names.size()),
                               "应用最多 10 个属性名;此列表有 " + n(names.size()) + " 个"));
      break;
    }
    if (name.empty()) {
      out.push_back(attr_issue(i, "attribute name " + n(i + 1) + " is empty",
                               "第 " + n(i + 1) + " 个属性名为空"));
    } else if (name.size() > max_attr_name_bytes) {
      out.push_back(attr_issue(i, "attribute name " + n(i + 1) + " is " + n(name.size()) +
                                      " bytes; the limit is 50",
                               "第 " + n(i + 1) + " 个属性名为 " + n(name.size()) +
                                   " 字节,上限为 50 字节"));
    }
    auto first = std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), name);
    if (!name.empty() && first != names.begin() + static_cast<std::ptrdiff_t>(i)) {
      const size_t j = static_cast<size_t>(first - names.begin());
      out.push_back(attr_issue(i, "attribute name " + n(i + 1) + " repeats name " + n(j + 1),
                               "第 " + n(i + 1) + " 个属性名与第 " + n(j + 1) + " 个重复"));
    }
  }
  return out;
}

std::string set_attr_name_body(const std::vector<std::string>& names, std::optional<int> type) {
  Json doc = Json::object();
  Json attr_names = Json::object();
  Json attr_types = Json::object();
  for (size_t i = 0; i < names.size(); ++i) {
    attr_names[n(i)] = names[i];
    if (type) attr_types[n(i)] = *type;
  }
  doc["AttrNames"] = std::move(attr_names);
  if (type) doc["AttrTypes"] = std::move(attr_types);
  return dump(doc);
}

AttrNamesFile read_attr_names_file(std::string_view text) {
  AttrNamesFile out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string_view head = trim(text);
  if (!head.empty() && head.front() == '[') {
    JsonReadResult read = read_json(head, answer_limits);
    if (read.ok() && read.value.is_array()) {
      for (const auto& item : read.value) {
        if (!item.is_string()) {
          out.error = Words{"the JSON array of attribute names holds something other than strings",
                            "属性名 JSON 数组中有非字符串的元素"};
          out.names.clear();
          return out;
        }
        out.names.push_back(item.get<std::string>());
      }
      return out;
    }
    // Not a JSON array after all: a name may begin with "[".
  }
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(start, end - start));
    if (!line.empty()) out.names.emplace_back(line);
    start = end + 1;
  }
  return out;
}

std::optional<Words> check_app_data_accounts(size_t count) {
  if (count == 0) return Words{"give at least one account", "请至少给出一个账号"};
  if (count > max_app_data_accounts) {
    return Words{"90018: at most 100 accounts a call; " + n(count) + " given",
                 "90018:每次最多 100 个账号;给出了 " + n(count) + " 个"};
  }
  return std::nullopt;
}

std::optional<Words> check_tags(const std::vector<std::string>& tags, bool replace) {
  if (tags.empty()) return Words{"give at least one tag", "请至少给出一个标签"};
  const size_t cap = replace ? max_tags_per_replace : max_tags_per_add;
  if (tags.size() > cap) {
    return Words{"90032: at most " + n(cap) + " tags a call; " + n(tags.size()) + " given",
                 "90032:每次最多 " + n(cap) + " 个标签;给出了 " + n(tags.size()) + " 个"};
  }
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i].empty()) {
      return Words{"90040: tag " + n(i + 1) + " is empty", "90040:第 " + n(i + 1) + " 个标签为空"};
    }
    if (tags[i].size() > max_tag_bytes) {
      return Words{"90020: tag " + n(i + 1) + " is " + n(tags[i].size()) + " bytes; the limit is 50",
                   "90020:第 " + n(i + 1) + " 个标签为 " + n(tags[i].size()) + " 字节,上限为 50 字节"};
    }
  }
  return std::nullopt;
}

std::string accounts_body(const std::vector<std::string>& accounts) {
  Json doc = Json::object();
  doc["To_Account"] = string_array(accounts);
  return dump(doc);
}

namespace {

std::string user_list_body(const char* list_key, const std::vector<std::string>& accounts,
                           const char* item_key, const Json& item, std::optional<int> replace) {
  Json doc = Json::object();
  if (replace) doc["Replace"] = *replace;
  Json list = Json::array();
  for (const auto& account : accounts) {
    Json entry = Json::object();
    entry["To_Account"] = account;
    entry[item_key] = item;
    list.push_back(std::move(entry));
  }
  doc[list_key] = std::move(list);
  return dump(doc);
}

}  // namespace

std::string add_tag_body(const std::vector<std::string>& accounts,
                         const std::vector<std::string>& tags, bool replace) {
  return user_list_body("UserTags", accounts, "Tags", string_array(tags), replace ? 1 : 0);
}

std::string remove_tag_body(const std::vector<std::string>& accounts,
                            const std::vector<std::string>& tags) {
  return user_list_body("UserTags", accounts, "Tags", string_array(tags), std::nullopt);
}

std::string set_attr_body(const std::vector<std::string>& accounts,
                          const std::vector<std::pair<std::string, std::string>>& attrs) {
  Json map = Json::object();
  for (const auto& [name, value] : attrs) map[name] = value;
  return user_list_body("UserAttrs", accounts, "Attrs", map, std::nullopt);
}

std::string remove_attr_body(const std::vector<std::string>& accounts,
                             const std::vector<std::string>& names) {
  return user_list_body("UserAttrs", accounts, "Attrs", string_array(names), std::nullopt);
}

std::vector<std::string> AttrNamesReport::plain() const {
  std::vector<std::string> out;
  for (const auto& entry : names) out.push_back(entry.name);
  return out;
}

AttrNamesReport read_attr_names(int http_status, std::string_view body) {
  Read r = read_answer(http_status, body, {"The attribute names came back.", "已取得属性名。"});
  AttrNamesReport out{std::move(r.envelope), {}};
  const Json* names = find_member(r.doc, "AttrNames");
  const Json* types = find_member(r.doc, "AttrTypes");
  if (!names || !names->is_object()) return out;
  for (const auto& [key, value] : names->items()) {
    if (key.size() != 1 || key[0] < '0' || key[0] > '9' || !value.is_string()) continue;
    AttrName entry;
    entry.slot = key[0] - '0';
    entry.name = value.get<std::string>();
    if (types) entry.type = loose_int(*types, key.c_str());
    out.names.push_back(std::move(entry));
  }
  std::sort(out.names.begin(), out.names.end(),
            [](const AttrName& a, const AttrName& b) { return a.slot < b.slot; });
  return out;
}

AppDataReport read_app_data(int http_status, std::string_view body) {
  Read r = read_answer(http_status, body, {"Done.", "已完成。"});
  AppDataReport out{std::move(r.envelope), {}, {}, {}};
  for (const auto& item : array_of(r.doc, "UserTags")) {
    UserTags entry;
    entry.account = loose_text(item, "To_Account");
    for (const auto& tag : array_of(item, "Tags")) {
      if (tag.is_string()) entry.tags.push_back(tag.get<std::string>());
    }
    out.tags.push_back(std::move(entry));
  }
  for (const auto& item : array_of(r.doc, "UserAttrs")) {
    UserAttrs entry;
    entry.account = loose_text(item, "To_Account");
    if (const Json* attrs = find_member(item, "Attrs"); attrs && attrs->is_object()) {
      for (const auto& [name, value] : attrs->items()) {
        if (value.is_string()) entry.attrs.emplace_back(name, value.get<std::string>());
        else if (value.is_number()) entry.attrs.emplace_back(name, value.dump());
      }
    }
    out.attrs.push_back(std::move(entry));
  }
  for (const auto& item : array_of(r.doc, "ErrorList")) {
    AccountError error;
    error.account = loose_text(item, "To_Account");
    error.code = loose_int(item, "ErrorCode");
    error.info = loose_text(item, "ErrorInfo");
    out.errors.push_back(std::move(error));
  }
  return out;
}

}  // namespace timpush::core
