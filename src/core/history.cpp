#include "core/history.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <limits>
#include <unordered_map>

#include "core/endpoints.h"
#include "core/response.h"
#include "core/text_util.h"

namespace timpush::core {

namespace {

constexpr const char* file_format = "timpush-history";
constexpr int file_version = 1;
// An exported file of 500 entries nests 4 levels; the limits only keep a hostile file cheap.
constexpr JsonLimits file_limits{64, 1000};

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool contains_folded(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return fold(a) == fold(b); });
  return it != haystack.end();
}

// Cuts at a UTF-8 character boundary so a cut answer is still valid text.
std::string cap_utf8(std::string text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = utf8_prefix(text, max_bytes).size();
  size_t dropped = text.size() - cut;
  text.resize(cut);
  text += "\n[" + std::to_string(dropped) + " more bytes not kept]";
  return text;
}

// A target for entries from files that do not carry one: the region whose host the base names,
// or the base itself as a custom target.
DraftTarget infer_target(std::string_view base) {
  DraftTarget target;
  std::string_view rest = base;
  if (size_t scheme = rest.find("://"); scheme != std::string_view::npos) rest.remove_prefix(scheme + 3);
  std::string host = canonical_host(rest.substr(0, rest.find_first_of(":/")));
  bool backup = false;
  if (const Region* region = region_of_host(host, &backup)) {
    target.kind = TargetKind::region;
    target.region_id = std::string(region->id);
    target.backup_host = backup;
    return target;
  }
  target.kind = TargetKind::custom;
  target.custom_base = std::string(base);
  return target;
}

bool same_entry(const HistoryEntry& a, const HistoryEntry& b) {
  return a.time == b.time && a.base == b.base && a.api == b.api && a.sdkappid == b.sdkappid &&
         a.msg_random == b.msg_random && a.task_id == b.task_id && a.request_body == b.request_body &&
         a.response_body == b.response_body;
}

// Over the fields same_entry compares, so equal entries hash alike.
size_t entry_hash(const HistoryEntry& e) {
  size_t h = std::hash<int64_t>()(e.time);
  auto mix = [&h](size_t v) { h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2); };
  std::hash<std::string> text;
  mix(text(e.base));
  mix(text(e.api));
  mix(std::hash<uint32_t>()(e.sdkappid));
  mix(std::hash<uint32_t>()(e.msg_random));
  mix(text(e.task_id));
  mix(text(e.request_body));
  mix(text(e.response_body));
  return h;
}

// Time order, ties kept as they came; one comparison type, so the page carries one sort.
struct EarlierTime {
  bool operator()(const HistoryEntry& a, const HistoryEntry& b) const { return a.time < b.time; }
};

void keep_newest(std::vector<HistoryEntry>& entries, size_t cap, size_t* dropped = nullptr) {
  if (entries.size() <= cap) return;
  size_t excess = entries.size() - cap;
  entries.erase(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(excess));
  if (dropped) *dropped += excess;
}

struct EntriesIn {
  const Json* list = nullptr;
  Words error;
};

EntriesIn find_entries(const JsonReadResult& read) {
  if (!read.ok()) return {nullptr, {"the file is not JSON", "文件不是 JSON"}};
  const Json& root = read.value;
  if (root.is_array()) return {&root, {}};
  if (!root.is_object()) return {nullptr, {"the file is not a history file (expected an object with \"entries\")",
                                        "文件不是历史记录文件(应为带 \"entries\" 的对象)"}};
  auto format = root.find("format");
  if (format != root.end() && (!format->is_string() || format->get<std::string>() != file_format))
    return {nullptr, {"the file is not a timpush history file (its \"format\" is something else)",
                      "文件不是 timpush 历史记录文件(其 \"format\" 是别的格式)"}};
  auto entries = root.find("entries");
  if (entries == root.end() || !entries->is_array())
    return {nullptr, {"the file is not a history file (no \"entries\" list)",
                      "文件不是历史记录文件(没有 \"entries\" 列表)"}};
  return {&*entries, {}};
}

}  // namespace

HistoryEntry make_history_entry(const SentPush& sent, int http_status, std::string_view response_body,
                                const PushResponse& answer) {
  HistoryEntry entry;
  entry.time = sent.time;
  SplitUrl split = split_request_url(sent.url);
  entry.base = std::move(split.base);
  if (!split.api.empty()) entry.api = std::move(split.api);
  entry.sdkappid = sent.sdkappid;
  entry.identifier = sent.identifier;
  entry.target = sent.target;
  entry.msg_random = sent.msg_random;
  entry.request_body = sent.request_body;
  entry.http_status = http_status;
  entry.response_body = std::string(response_body);
  entry.error_code = answer.error_code;
  if (answer.task_id) entry.task_id = *answer.task_id;
  return entry;
}

HistoryEntry make_history_entry(const SentPush& sent, int http_status, std::string_view response_body) {
  return make_history_entry(sent, http_status, response_body, read_push_response(http_status, response_body));
}

void History::add(HistoryEntry entry, const std::vector<std::string>& secrets) {
  entry.base = redact(strip_query(entry.base), secrets);
  entry.api = redact(strip_query(entry.api), secrets);
  entry.identifier = redact(entry.identifier, secrets);
  entry.request_body = redact(entry.request_body, secrets);
  entry.response_body = cap_utf8(redact(entry.response_body, secrets), max_response_bytes);
  entry.target.custom_base = redact(strip_query(entry.target.custom_base), secrets);
  // Kept in time order even when the caller's clock stepped back.
  auto at = std::upper_bound(entries.begin(), entries.end(), entry.time,
                             [](int64_t t, const HistoryEntry& e) { return t < e.time; });
  entries.insert(at, std::move(entry));
  keep_newest(entries, max_history_entries);
}

std::vector<size_t> History::search(std::string_view query) const {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && std::isspace(static_cast<unsigned char>(query[i]))) ++i;
    size_t start = i;
    while (i < query.size() && !std::isspace(static_cast<unsigned char>(query[i]))) ++i;
    if (i > start) words.push_back(query.substr(start, i - start));
  }
  std::vector<size_t> found;
  for (size_t n = entries.size(); n-- > 0;) {
    const HistoryEntry& e = entries[n];
    std::string numbers = std::to_string(e.sdkappid) + " " + std::to_string(e.http_status) + " " +
                          std::to_string(e.msg_random) + " " +
                          (e.error_code ? std::to_string(*e.error_code) : std::string());
    bool all = std::all_of(words.begin(), words.end(), [&](std::string_view w) {
      return contains_folded(e.request_body, w) || contains_folded(e.response_body, w) ||
             contains_folded(e.task_id, w) || contains_folded(e.base, w) || contains_folded(e.api, w) ||
             contains_folded(e.identifier, w) || contains_folded(numbers, w);
    });
    if (all) found.push_back(n);
  }
  return found;
}

Draft draft_from_history(const HistoryEntry& entry, std::string name, int64_t now) {
  Draft draft;
  draft.name = std::move(name);
  draft.target = entry.target;
  draft.body = entry.request_body;
  draft.updated_at = now;
  return draft;
}

Json to_json(const HistoryEntry& entry) {
  Json out = Json::object();
  out["time"] = entry.time;
  out["base"] = entry.base;
  out["api"] = entry.api;
  out["sdkappid"] = entry.sdkappid;
  out["identifier"] = entry.identifier;
  out["target"] = to_json(entry.target);
  out["msg_random"] = entry.msg_random;
  out["request_body"] = entry.request_body;
  out["http_status"] = entry.http_status;
  out["response_body"] = entry.response_body;
  if (entry.error_code) out["error_code"] = *entry.error_code;
  out["task_id"] = entry.task_id;
  return out;
}

std::optional<HistoryEntry> history_entry_from_json(const Json& value) {
  if (!value.is_object()) return std::nullopt;
  auto get = [&](const char* key) { return find_member(value, key); };
  const Json* time = get("time");
  const Json* base = get("base");
  const Json* body = get("request_body");
  if (!time || !time->is_number_integer() || !base || !base->is_string() || !body || !body->is_string())
    return std::nullopt;
  HistoryEntry entry;
  entry.time = time->get<int64_t>();
  entry.base = redact(strip_query(base->get<std::string>()));
  entry.request_body = body->get<std::string>();
  if (const Json* api = get("api")) {
    if (!api->is_string()) return std::nullopt;
    entry.api = redact(strip_query(api->get<std::string>()));
  }
  for (auto [key, field] : {std::pair{"sdkappid", &entry.sdkappid}, std::pair{"msg_random", &entry.msg_random}}) {
    if (const Json* v = get(key)) {
      auto n = as_uint32(*v);
      if (!n) return std::nullopt;
      *field = *n;
    }
  }
  for (auto [key, field] : {std::pair{"identifier", &entry.identifier}, std::pair{"response_body", &entry.response_body},
                            std::pair{"task_id", &entry.task_id}}) {
    if (const Json* v = get(key)) {
      if (!v->is_string()) return std::nullopt;
      *field = v->get<std::string>();
    }
  }
  entry.response_body = cap_utf8(redact(entry.response_body), max_response_bytes);
  if (const Json* status = get("http_status")) {
    if (!status->is_number_integer() || status->get<int64_t>() < 0 || status->get<int64_t>() > 999)
      return std::nullopt;
    entry.http_status = status->get<int>();
  }
  if (const Json* code = get("error_code")) {
    if (!code->is_number_integer()) return std::nullopt;
    entry.error_code = code->get<int64_t>();
  }
  if (const Json* target = get("target")) {
    entry.target = draft_target_from_json(*target);
    entry.target.custom_base = redact(strip_query(entry.target.custom_base));
  } else {
    entry.target = infer_target(entry.base);
  }
  return entry;
}

std::string export_history(const History& history) {
  Json out = Json::object();
  out["format"] = file_format;
  out["version"] = file_version;
  Json list = Json::array();
  for (const auto& entry : history.entries) list.push_back(to_json(entry));
  out["entries"] = std::move(list);
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

HistoryImport import_history(History& history, std::string_view text) {
  HistoryImport result;
  if (text.size() > max_import_bytes) {
    std::string mb = std::to_string(max_import_bytes / 1'000'000);
    result.error = {"the file is larger than " + mb + " MB", "文件大于 " + mb + " MB"};
    return result;
  }
  JsonReadResult read = read_json(text, file_limits);
  EntriesIn in = find_entries(read);
  if (!in.list) {
    result.error = in.error;
    return result;
  }
  std::vector<HistoryEntry> merged = history.entries;
  // Entries by hash, each bucket holding the indices into merged that share it.
  std::unordered_multimap<size_t, size_t> seen;
  seen.reserve(merged.size() + in.list->size());
  for (size_t i = 0; i < merged.size(); ++i) seen.emplace(entry_hash(merged[i]), i);
  for (const auto& item : *in.list) {
    std::optional<HistoryEntry> entry = history_entry_from_json(item);
    if (!entry) {
      ++result.invalid;
      continue;
    }
    size_t hash = entry_hash(*entry);
    auto [first, last] = seen.equal_range(hash);
    bool known = std::any_of(first, last, [&](const auto& slot) { return same_entry(merged[slot.second], *entry); });
    if (known) {
      ++result.duplicates;
      continue;
    }
    seen.emplace(hash, merged.size());
    merged.push_back(std::move(*entry));
    ++result.added;
  }
  std::stable_sort(merged.begin(), merged.end(), EarlierTime());
  keep_newest(merged, max_history_entries, &result.dropped);
  history.entries = std::move(merged);
  return result;
}

std::string serialize_history(const History& history, size_t max_bytes) {
  // Newest first until the budget is spent, then written back in time order.
  std::vector<std::string> kept;
  size_t total = 2;  // the brackets
  for (size_t n = history.entries.size(); n-- > 0;) {
    std::string item = to_json(history.entries[n]).dump(-1, ' ', false, Json::error_handler_t::replace);
    if (total + item.size() + 1 > max_bytes) break;
    total += item.size() + 1;
    kept.push_back(std::move(item));
  }
  std::string out = "{\"format\":\"" + std::string(file_format) + "\",\"version\":" + std::to_string(file_version) +
                    ",\"entries\":[";
  for (size_t n = kept.size(); n-- > 0;) {
    out += kept[n];
    if (n) out += ',';
  }
  out += "]}";
  return out;
}

HistoryRead parse_history(std::string_view text) {
  HistoryRead result;
  if (text.empty()) return result;
  JsonReadResult read = read_json(text, file_limits);
  EntriesIn in = find_entries(read);
  if (!in.list) {
    result.message = Words{"The saved history could not be read (", "无法读取已保存的历史记录("} + in.error +
                     Words{"); starting with none.", ");从空白开始。"};
    result.unreadable = true;
    return result;
  }
  for (const auto& item : *in.list) {
    std::optional<HistoryEntry> entry = history_entry_from_json(item);
    if (!entry) {
      ++result.skipped;
      continue;
    }
    result.history.entries.push_back(std::move(*entry));
  }
  std::stable_sort(result.history.entries.begin(), result.history.entries.end(), EarlierTime());
  keep_newest(result.history.entries, max_history_entries);
  if (result.skipped)
    result.message = {std::to_string(result.skipped) + " saved history entr" + (result.skipped == 1 ? "y" : "ies") +
                          " could not be read and were skipped.",
                      "有 " + std::to_string(result.skipped) + " 条已保存的历史记录无法读取,已跳过。"};
  return result;
}

}  // namespace timpush::core
