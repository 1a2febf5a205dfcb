#include "core/templates.h"

#include <algorithm>

namespace timpush::core {

namespace {

// The notification every offline example of the document carries.
OfflinePushInfo document_notification() {
  OfflinePushInfo info;
  info.push_flag = 0;
  info.title = "离线推送标题";
  info.desc = "离线推送内容";
  return info;
}

PushRequest document_request(uint32_t msg_random) {
  PushRequest request;
  request.from_account = "administrator";
  request.msg_random = msg_random;
  return request;
}

std::vector<BuiltinTemplate> make_builtins() {
  std::vector<BuiltinTemplate> list;

  // 全员推送示例: 管理员进行全员推送
  PushRequest all_offline = document_request(3674128);
  all_offline.offline_push_info = document_notification();
  list.push_back({"all_users_offline", "All users (online and offline)", "全员推送（含离线）",
                  "Every user of the app; offline devices get a notification.",
                  "应用的全部用户；离线设备收到通知栏消息。", all_offline});

  // 只推送在线用户(在线推送)
  PushRequest online_only = document_request(3674128);
  OfflinePushInfo passthrough;
  passthrough.push_flag = 1;
  passthrough.ext = "透传内容";
  online_only.offline_push_info = passthrough;
  list.push_back({"all_users_online_only", "All users, online only", "全员推送（仅在线）",
                  "Every user who is online now; Ext is passed through, no notification.",
                  "当前在线的全部用户；Ext 透传，不弹通知。", online_only});

  // 按用户标签推送示例: 关注"股票A"和"股票B"
  PushRequest tags_and = document_request(124032);
  tags_and.condition = Condition{};
  tags_and.condition->tags_and = std::vector<std::string>{"股票A", "股票B"};
  tags_and.offline_push_info = document_notification();
  list.push_back({"tags_and", "Users with all of these tags", "标签推送（同时具有）",
                  "Users tagged both 股票A and 股票B (TagsAnd).",
                  "同时带有“股票A”和“股票B”标签的用户（TagsAnd）。", tags_and});

  // 关注"股票A"或"股票B"
  PushRequest tags_or = document_request(124032);
  tags_or.condition = Condition{};
  tags_or.condition->tags_or = std::vector<std::string>{"股票A", "股票B"};
  tags_or.offline_push_info = document_notification();
  list.push_back({"tags_or", "Users with any of these tags", "标签推送（任一）",
                  "Users tagged 股票A or 股票B (TagsOr).",
                  "带有“股票A”或“股票B”标签的用户（TagsOr）。", tags_or});

  // 按用户属性推送: 在深圳的超白金会员用户
  PushRequest attrs_and = document_request(389475);
  attrs_and.condition = Condition{};
  attrs_and.condition->attrs_and = AttributeMap{{"会员等级", "超白金会员"}, {"city", "深圳"}};
  attrs_and.offline_push_info = document_notification();
  list.push_back({"attrs_and", "Users matching all of these attributes", "属性推送（同时满足）",
                  "Users whose attributes match every value given (AttrsAnd).",
                  "所有属性值都匹配的用户（AttrsAnd）。", attrs_and});
  return list;
}

constexpr JsonLimits storage_limits{64, 1000};

constexpr Phrase template_word{"template", "模板"};
Words taken(std::string_view name) { return name_taken(template_word, name); }
Words missing(std::string_view name) { return name_missing(template_word, name); }


}  // namespace

const std::vector<BuiltinTemplate>& builtin_templates() {
  static const std::vector<BuiltinTemplate> list = make_builtins();
  return list;
}

const BuiltinTemplate* find_builtin_template(std::string_view id) {
  for (const auto& builtin : builtin_templates())
    if (builtin.id == id) return &builtin;
  return nullptr;
}

PushRequest instantiate(const BuiltinTemplate& builtin, uint32_t fresh_msg_random) {
  PushRequest request = builtin.request;
  request.msg_random = fresh_msg_random;
  return request;
}

InstantiatedBody instantiate_body(std::string_view body, uint32_t fresh_msg_random) {
  ParsedRequest parsed = parse_push_request(body);
  if (!parsed.request) return {std::string(body), parsed.error};
  // A mistyped MsgRandom sits in `extra` under its name; the fresh value replaces it.
  parsed.request->extra.erase("MsgRandom");
  parsed.request->msg_random = fresh_msg_random;
  return {serialize_pretty(*parsed.request), {}};
}

const UserTemplate* TemplateStore::find(std::string_view name) const {
  for (const auto& entry : templates)
    if (entry.name == name) return &entry;
  return nullptr;
}

StoreResult TemplateStore::add(UserTemplate entry) {
  if (auto problem = name_problem(entry.name)) return {*problem};
  if (find(entry.name)) return {taken(entry.name)};
  if (templates.size() >= max_user_templates)
    return {Words{"there are already " + std::to_string(max_user_templates) + " templates: delete one first",
                  "模板已有 " + std::to_string(max_user_templates) + " 个:请先删除一个"}};
  templates.push_back(std::move(entry));
  return {};
}

StoreResult TemplateStore::rename(std::string_view from, std::string_view to) {
  auto it = std::find_if(templates.begin(), templates.end(), [&](const UserTemplate& t) { return t.name == from; });
  if (it == templates.end()) return {missing(from)};
  if (from == to) return {};
  if (auto problem = name_problem(to)) return {*problem};
  if (find(to)) return {taken(to)};
  it->name = std::string(to);
  return {};
}

StoreResult TemplateStore::remove(std::string_view name) {
  auto it = std::find_if(templates.begin(), templates.end(), [&](const UserTemplate& t) { return t.name == name; });
  if (it == templates.end()) return {missing(name)};
  templates.erase(it);
  return {};
}

std::string serialize_templates(const TemplateStore& store) {
  Json out = Json::object();
  out["version"] = 1;
  Json list = Json::array();
  for (const auto& entry : store.templates) {
    Json item = Json::object();
    item["name"] = entry.name;
    item["body"] = entry.body;
    item["created_at"] = entry.created_at;
    list.push_back(std::move(item));
  }
  out["templates"] = std::move(list);
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

TemplateStoreRead parse_templates(std::string_view text) {
  TemplateStoreRead result;
  if (text.empty()) return result;
  JsonReadResult read = read_json(text, storage_limits);
  const Json* list = nullptr;
  if (read.ok() && read.value.is_object()) {
    auto it = read.value.find("templates");
    if (it != read.value.end() && it->is_array()) list = &*it;
  }
  if (!list) {
    result.message = {"The saved templates could not be read; starting with none of your own.",
                      "无法读取已保存的模板;从没有自定义模板开始。"};
    result.unreadable = true;
    return result;
  }
  for (const auto& item : *list) {
    if (!item.is_object() || !item.contains("name") || !item["name"].is_string() || !item.contains("body") ||
        !item["body"].is_string()) {
      ++result.skipped;
      continue;
    }
    UserTemplate entry{item["name"].get<std::string>(), item["body"].get<std::string>(),
                       get_int64(item, "created_at").value_or(0)};
    if (!result.store.add(std::move(entry)).ok()) ++result.skipped;
  }
  if (result.skipped)
    result.message = {std::to_string(result.skipped) + " saved template(s) could not be read and were skipped; " +
                          std::to_string(result.store.templates.size()) + " restored.",
                      "有 " + std::to_string(result.skipped) + " 个已保存的模板无法读取,已跳过;恢复了 " +
                          std::to_string(result.store.templates.size()) + " 个。"};
  return result;
}

}  // namespace timpush::core
