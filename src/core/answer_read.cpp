// The tolerant reading every answer reader of the core shares (answer_read.h).
#include "core/answer_read.h"

namespace timpush::core::answer_read {

std::string dump(const Json& doc) {
  return doc.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
}

std::optional<int64_t> loose_int(const Json& object, const char* key) {
  const Json* value = find_member(object, key);
  if (!value) return std::nullopt;
  if (auto n = as_int64(*value)) return n;
  if (value->is_string()) {
    const std::string& text = value->get_ref<const std::string&>();
    size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
    // 18 digits always fit an int64.
    if (i == text.size() || text.size() - i > 18) return std::nullopt;
    int64_t n = 0;
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      n = n * 10 + (text[i] - '0');
    }
    return text[0] == '-' ? -n : n;
  }
  return std::nullopt;
}

std::string loose_text(const Json& object, const char* key) {
  const Json* value = find_member(object, key);
  if (!value) return {};
  if (value->is_string()) return value->get<std::string>();
  if (value->is_number_integer()) return value->dump();
  return {};
}

Read read_answer(int http_status, std::string_view body, const Words& done) {
  Read r{read_push_response(http_status, body), Json()};
  if (r.envelope.kind == ResponseKind::ok) r.envelope.summary = done;
  JsonReadResult read = read_json(body, answer_limits);
  if (read.ok() && read.value.is_object()) r.doc = std::move(read.value);
  return r;
}

const Json& array_of(const Json& object, const char* key) {
  static const Json empty = Json::array();
  const Json* value = find_member(object, key);
  return value && value->is_array() ? *value : empty;
}

}  // namespace timpush::core::answer_read
