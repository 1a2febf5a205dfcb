// GET /sandbox/tasks: one page of the sandbox's task list. Under the lock only the page's task
// pointers and revoked flags are copied; the JSON is built after the lock is released, so a
// large or slow listing never holds up a push, and an answer never passes 1 MiB. Decisions
// (order, limits, parameters): sandbox.h.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server/sandbox.h"
#include "server/sandbox_detail.h"

namespace timpush::server {

using sandbox_detail::dump;

namespace {

constexpr size_t kDefaultLimit = 50;
constexpr size_t kMaxLimit = 200;
constexpr size_t kMaxOffset = 1000000000;
constexpr size_t kMaxPageBytes = 1u << 20;

SandboxAnswer bad_request(const std::string& en, const std::string& zh) {
  Json doc = Json::object();
  doc["Error"] = en;
  doc["ErrorZh"] = zh;
  return {400, dump(doc)};
}

// A decimal count in [lo, hi]; nothing when the text is anything else.
std::optional<size_t> parse_count(const std::string& text, size_t lo, size_t hi) {
  if (text.empty() || text.size() > 10) return std::nullopt;
  size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<size_t>(c - '0');
  }
  if (value < lo || value > hi) return std::nullopt;
  return value;
}

}  // namespace

SandboxAnswer Sandbox::tasks(const std::multimap<std::string, std::string>& params) {
  size_t offset = 0;
  size_t limit = kDefaultLimit;
  for (const char* name : {"offset", "limit"}) {
    if (params.count(name) > 1) {
      return bad_request(std::string("parameter ") + name + " appears more than once",
                         std::string("参数 ") + name + " 出现了不止一次");
    }
  }
  if (auto it = params.find("offset"); it != params.end()) {
    auto value = parse_count(it->second, 0, kMaxOffset);
    if (!value) {
      return bad_request("offset must be a decimal number from 0 to 1000000000",
                         "offset 必须是 0 到 1000000000 之间的十进制整数");
    }
    offset = *value;
  }
  if (auto it = params.find("limit"); it != params.end()) {
    auto value = parse_count(it->second, 1, kMaxLimit);
    if (!value) {
      return bad_request("limit must be a decimal number from 1 to 200",
                         "limit 必须是 1 到 200 之间的十进制整数");
    }
    limit = *value;
  }

  std::vector<Kept> page;
  size_t total = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    dispatch_due(now());
    total = tasks_.size();
    const size_t begin = std::min(offset, total);
    const size_t end = std::min(total, begin + limit);
    page.assign(tasks_.begin() + static_cast<std::ptrdiff_t>(begin),
                tasks_.begin() + static_cast<std::ptrdiff_t>(end));
  }

  std::string items;
  size_t sent = 0;
  for (const auto& kept : page) {
    const Task& task = *kept.task;
    Json item = Json::object();
    item["TaskId"] = task.task_id;
    item["Api"] = task.api;
    item["Time"] = task.time;
    item["Identifier"] = task.identifier;
    item["From_Account"] = task.from_account;
    item["MsgRandom"] = task.msg_random;
    item["Target"] = task.target;
    item["Revoked"] = kept.revoked;
    item["Body"] = task.body;
    std::string text = dump(item);
    // The envelope around the items is under 200 bytes.
    if (sent > 0 && items.size() + text.size() + 1 + 200 > kMaxPageBytes) break;
    if (sent > 0) items += ',';
    items += text;
    ++sent;
  }

  const size_t shown_offset = std::min(offset, total);
  const size_t next = shown_offset + sent;
  Json head = Json::object();
  head["total"] = total;
  head["offset"] = offset;
  head["limit"] = limit;
  head["next_offset"] = next < total ? Json(next) : Json(nullptr);
  head["max_tasks_kept"] = options_.max_tasks_kept;
  std::string out = dump(head);
  out.pop_back();  // the closing brace: the task array goes last
  out += ",\"tasks\":[";
  out += items;
  out += "]}";
  return {200, std::move(out)};
}

}  // namespace timpush::server
