// A test send's accounts and batch body (test_send.h).
#include "core/test_send.h"

#include <set>

#include "core/text_util.h"

namespace timpush::core {

namespace {

std::string at(size_t i) { return "/To_Account/" + std::to_string(i); }

// The account rules on a list, as the batch body will carry it.
void check_accounts(const std::vector<std::string>& accounts, std::vector<Issue>& issues) {
  if (accounts.empty()) {
    issues.push_back({test_send_code::no_accounts, Severity::error, "/To_Account",
                      {"name at least one account to test-send to", "请至少填写一个测试账号"}});
    return;
  }
  if (accounts.size() > max_test_accounts) {
    const std::string n = std::to_string(accounts.size());
    issues.push_back({90018, Severity::error, "/To_Account",
                      {n + " accounts; a test send takes at most 500", n + " 个账号；测试推送最多 500 个"}});
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < accounts.size(); ++i) {
    if (!seen.insert(accounts[i]).second)
      issues.push_back({test_send_code::duplicate_account, Severity::error, at(i),
                        {"account " + accounts[i] + " is named twice", "账号 " + accounts[i] + " 重复"}});
  }
}

}  // namespace

AccountList parse_accounts(std::string_view text) {
  AccountList out;
  std::string current;
  auto flush = [&] {
    std::string_view t = trim(current);
    if (!t.empty()) out.accounts.emplace_back(t);
    current.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';') {
      flush();
    } else if (text.compare(i, 3, "，") == 0 || text.compare(i, 3, "；") == 0 || text.compare(i, 3, "、") == 0) {
      flush();
      i += 2;
    } else {
      current += c;
    }
  }
  flush();
  check_accounts(out.accounts, out.issues);
  return out;
}

std::string join_accounts(const std::vector<std::string>& accounts, size_t at_most) {
  std::string out;
  for (size_t i = 0; i < accounts.size() && i < at_most; ++i) out += (i ? ", " : "") + accounts[i];
  if (accounts.size() > at_most) out += ", ...";
  return out;
}

Json batch_body(const Json& push_body, const std::vector<std::string>& to, const std::string& from_account) {
  Json out = Json::object();
  out["From_Account"] = from_account;
  out["To_Account"] = to;
  if (push_body.is_object()) {
    for (const char* key : {"MsgRandom", "OfflinePushInfo", "DataId", "Classification", "OfflineStorageTime"})
      if (const Json* v = find_member(push_body, key)) out[key] = *v;
  }
  return out;
}

ValidationReport validate_batch(const Json& batch) {
  ValidationReport out;
  std::vector<std::string> accounts;
  const Json* to = batch.is_object() ? find_member(batch, "To_Account") : nullptr;
  if (to && to->is_array())
    for (const Json& a : *to) accounts.push_back(a.is_string() ? a.get<std::string>() : std::string());
  check_accounts(accounts, out.issues);
  for (size_t i = 0; i < accounts.size(); ++i)
    if (trim(accounts[i]).empty())
      out.issues.push_back({test_send_code::no_accounts, Severity::error, at(i),
                            {"account " + std::to_string(i + 1) + " is empty", "第 " + std::to_string(i + 1) + " 个账号为空"}});
  // The push rules on the content it carries: a push body of the same fields, with no Condition.
  Json content = Json::object();
  if (batch.is_object())
    for (const auto& item : batch.items())
      if (item.key() != "To_Account" && item.key() != "From_Account") content[item.key()] = item.value();
  ValidationReport push = validate_body(content.dump(-1, ' ', false, Json::error_handler_t::replace));
  for (Issue& issue : push.issues)
    if (issue.code != local_code::all_users) out.issues.push_back(std::move(issue));
  out.document = batch;
  return out;
}

}  // namespace timpush::core
