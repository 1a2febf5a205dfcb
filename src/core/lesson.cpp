// Reading lesson files and grading attempts (lesson.h).
#include "core/lesson.h"

#include <algorithm>

#include "core/device_preview.h"
#include "core/response.h"
#include "core/validation.h"

namespace timpush::core {

namespace {

// Lessons are small: anything deeper or wider than this is not one.
constexpr JsonLimits lesson_limits{32, 2000};

Words field_error(const std::string& field, const std::string& en, const std::string& zh) {
  return {"lesson field \"" + field + "\": " + en, "课程字段“" + field + "”：" + zh};
}

// A {"en": ..., "zh": ...} object with both texts non-empty.
std::optional<Words> read_words(const Json& doc, const char* key) {
  const Json* v = find_member(doc, key);
  if (!v || !v->is_object()) return std::nullopt;
  auto en = get_string(*v, "en");
  auto zh = get_string(*v, "zh");
  if (!en || !zh || en->empty() || zh->empty()) return std::nullopt;
  return Words{*en, *zh};
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 40) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// RFC 6901 resolution without exceptions (the page's JSON has none): nullptr when nothing is there.
const Json* resolve(const Json& doc, std::string_view pointer) {
  const Json* at = &doc;
  if (pointer.empty()) return at;
  if (pointer[0] != '/') return nullptr;
  size_t i = 1;
  while (true) {
    size_t end = pointer.find('/', i);
    std::string_view raw = pointer.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    std::string token;
    for (size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '~' && k + 1 < raw.size() && (raw[k + 1] == '0' || raw[k + 1] == '1')) {
        token += raw[k + 1] == '0' ? '~' : '/';
        ++k;
      } else {
        token += raw[k];
      }
    }
    if (at->is_object()) {
      at = find_member(*at, token.c_str());
    } else if (at->is_array() && !token.empty() && token.size() < 6 &&
               std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      size_t index = std::stoul(token);
      at = index < at->size() ? &(*at)[index] : nullptr;
    } else {
      return nullptr;
    }
    if (!at || end == std::string_view::npos) return at;
    i = end + 1;
  }
}

std::optional<Requirement::Kind> kind_named(const std::string& name) {
  using K = Requirement::Kind;
  static const std::pair<const char*, K> names[] = {{"equals", K::equals},   {"contains", K::contains},
                                                    {"present", K::present}, {"absent", K::absent},
                                                    {"valid", K::valid},     {"answer_ok", K::answer_ok},
                                                    {"answer_code", K::answer_code}, {"no_issue", K::no_issue}};
  for (const auto& [n, k] : names)
    if (name == n) return k;
  return std::nullopt;
}

bool same_unordered(const Json& a, const Json& b) {
  if (!a.is_array() || !b.is_array() || a.size() != b.size()) return a == b;
  return std::all_of(b.begin(), b.end(), [&](const Json& x) { return std::find(a.begin(), a.end(), x) != a.end(); }) &&
         std::all_of(a.begin(), a.end(), [&](const Json& x) { return std::find(b.begin(), b.end(), x) != b.end(); });
}

std::optional<int64_t> answer_code(const Json& answer) {
  if (!answer.is_object()) return std::nullopt;
  return read_push_response(200, answer.dump(-1, ' ', false, Json::error_handler_t::replace)).error_code;
}

bool met(const Requirement& r, const Json& body, const std::string& text, const Json& answer) {
  using K = Requirement::Kind;
  const Json* at = body.is_object() ? resolve(body, r.pointer) : nullptr;
  switch (r.kind) {
    case K::equals: return at && (r.unordered ? same_unordered(*at, r.value) : *at == r.value);
    case K::contains:
      return at && at->is_array() && r.value.is_array() &&
             std::all_of(r.value.begin(), r.value.end(), [&](const Json& x) { return std::find(at->begin(), at->end(), x) != at->end(); });
    case K::present: return at != nullptr;
    case K::absent: return body.is_object() && !at;
    case K::valid: return validate_body(text).ok();
    case K::answer_ok: {
      if (!answer.is_object()) return false;
      PushResponse r2 = read_push_response(200, answer.dump(-1, ' ', false, Json::error_handler_t::replace));
      return r2.kind == ResponseKind::ok;
    }
    case K::answer_code: return r.value.is_number_integer() && answer_code(answer) == r.value.get<int64_t>();
    case K::no_issue: {
      if (!r.value.is_number_integer()) return false;
      const int64_t code = r.value.get<int64_t>();
      ValidationReport report = validate_body(text);
      for (const Issue& issue : report.issues)
        if (issue.code == code) return false;
      DevicePreview devices = preview_devices(report.document);
      for (const auto& card : devices.platforms)
        for (const auto& w : card.warnings)
          if (w.code == code) return false;
      for (const auto& w : devices.common)
        if (w.code == code) return false;
      return true;
    }
  }
  return false;
}

}  // namespace

bool is_lesson_id(std::string_view id) { return valid_id(id); }

LessonRead read_lesson(std::string_view text, std::string_view file_id) {
  LessonRead out;
  JsonReadResult read = read_json(text, lesson_limits);
  if (!read.ok() || !read.value.is_object()) {
    out.error = {"not a JSON object (or too deep or wide for a lesson)", "不是 JSON 对象（或层级、成员过多）"};
    return out;
  }
  const Json& doc = read.value;
  Lesson l;
  if (get_int64(doc, "schema").value_or(0) != 1) {
    out.error = field_error("schema", "must be 1", "须为 1");
    return out;
  }
  l.id = get_string(doc, "id").value_or("");
  if (!valid_id(l.id) || l.id != file_id) {
    out.error = field_error("id", "must be the file name (a-z, 0-9, -; at most 40)", "须与文件名相同（a-z、0-9、-，最多 40 个）");
    return out;
  }
  l.order = static_cast<int>(get_int64(doc, "order").value_or(0));
  for (const char* key : {"title", "goal"}) {
    auto words = read_words(doc, key);
    if (!words) {
      out.error = field_error(key, "needs non-empty \"en\" and \"zh\" texts", "须有非空的 \"en\" 与 \"zh\" 文本");
      return out;
    }
    (std::string_view(key) == "title" ? l.title : l.goal) = *words;
  }
  if (const Json* start = find_member(doc, "start"); start && start->is_object()) {
    l.start = start->dump(2, ' ', false, Json::error_handler_t::replace);
  } else if (auto text_start = get_string(doc, "start_text")) {
    l.start = *text_start;
  } else {
    out.error = field_error("start", "needs a body object, or \"start_text\"", "须为请求体对象，或提供 \"start_text\"");
    return out;
  }
  const Json* hints = find_member(doc, "hints");
  if (!hints || !hints->is_array() || hints->empty() || hints->size() > 5) {
    out.error = field_error("hints", "needs 1 to 5 hints", "须有 1 至 5 条提示");
    return out;
  }
  for (const Json& h : *hints) {
    Json wrap = {{"h", h}};
    auto words = read_words(wrap, "h");
    if (!words) {
      out.error = field_error("hints", "each needs non-empty \"en\" and \"zh\"", "每条须有非空的 \"en\" 与 \"zh\"");
      return out;
    }
    l.hints.push_back(*words);
  }
  const std::string check_on = get_string(doc, "check_on").value_or("send");
  if (check_on != "send" && check_on != "check") {
    out.error = field_error("check_on", "must be \"send\" or \"check\"", "须为 \"send\" 或 \"check\"");
    return out;
  }
  l.needs_send = check_on == "send";
  if (const Json* e = find_member(doc, "expect_error")) {
    if (!e->is_number_integer()) {
      out.error = field_error("expect_error", "must be an error code", "须为错误码");
      return out;
    }
    l.expect_error = e->get<int64_t>();
  }
  const Json* reqs = find_member(doc, "requirements");
  if (!reqs || !reqs->is_array() || reqs->empty()) {
    out.error = field_error("requirements", "needs at least one", "至少须有一条");
    return out;
  }
  for (const Json& r : *reqs) {
    Requirement q;
    auto kind = r.is_object() ? kind_named(get_string(r, "kind").value_or("")) : std::nullopt;
    auto say = r.is_object() ? read_words(r, "say") : std::nullopt;
    if (!kind || !say) {
      out.error = field_error("requirements", "each needs a known \"kind\" and a \"say\" in en and zh",
                              "每条须有已知的 \"kind\" 以及中英文 \"say\"");
      return out;
    }
    q.kind = *kind;
    q.say = *say;
    q.pointer = get_string(r, "pointer").value_or("");
    if (const Json* v = find_member(r, "value")) q.value = *v;
    q.unordered = get_bool(r, "unordered").value_or(false);
    const bool needs_pointer = q.kind == Requirement::Kind::equals || q.kind == Requirement::Kind::contains ||
                               q.kind == Requirement::Kind::present || q.kind == Requirement::Kind::absent;
    const bool needs_answer = q.kind == Requirement::Kind::answer_ok || q.kind == Requirement::Kind::answer_code;
    if ((needs_pointer && (q.pointer.empty() || q.pointer[0] != '/')) || (needs_answer && !l.needs_send)) {
      out.error = field_error("requirements", "a field rule needs a \"pointer\" (/...); an answer rule a lesson checked on send",
                              "字段规则须有 \"pointer\"（/...）；应答规则须用于发送时评判的课程");
      return out;
    }
    l.requirements.push_back(std::move(q));
  }
  const Json* model = find_member(doc, "model");
  if (!model || !model->is_object()) {
    out.error = field_error("model", "needs the model answer's body", "须提供标准答案的请求体");
    return out;
  }
  l.model = *model;
  if (const Json* a = find_member(doc, "model_answer")) l.model_answer = *a;
  if (const Json* a = find_member(doc, "start_answer")) l.start_answer = *a;
  if (l.needs_send && !l.model_answer.is_object()) {
    out.error = field_error("model_answer", "a lesson checked on send needs the service's answer to the model",
                            "发送时评判的课程须提供服务对标准答案的应答");
    return out;
  }
  out.lesson = std::move(l);
  return out;
}

Verdict grade_lesson(const Lesson& lesson, const std::vector<Attempt>& attempts) {
  Verdict v;
  if (attempts.empty()) {
    v.summary = {"Nothing sent or checked yet.", "尚未发送或检查。"};
    return v;
  }
  // The error is seen in the service's answer, or in Checks, which give the server's own code
  // for what they catch first (the page does not send a body with errors).
  if (lesson.expect_error)
    for (size_t i = 0; i + 1 < attempts.size(); ++i) {
      if (answer_code(attempts[i].answer) == *lesson.expect_error) v.error_seen = true;
      for (const Issue& issue : validate_body(attempts[i].body).issues)
        if (issue.code == *lesson.expect_error) v.error_seen = true;
    }
  const Attempt& last = attempts.back();
  JsonReadResult read = read_json(last.body, {512, 10000});
  const Json body = read.ok() ? read.value : Json();
  size_t missed = 0;
  for (const Requirement& r : lesson.requirements) {
    RequirementResult result{met(r, body, last.body, last.answer), r.pointer, r.say};
    missed += result.met ? 0 : 1;
    v.results.push_back(std::move(result));
  }
  const bool error_ok = !lesson.expect_error || v.error_seen;
  v.passed = missed == 0 && error_ok;
  const std::string n = std::to_string(missed);
  if (v.passed) {
    v.summary = {"Passed: every requirement is met.", "通过：所有要求均已满足。"};
  } else if (!error_ok && missed == 0) {
    const std::string code = std::to_string(*lesson.expect_error);
    v.summary = {"Right request, but this lesson asks you to see error " + code + " first and read its explanation.",
                 "请求正确，但本课要求先看到错误 " + code + " 并阅读其说明。"};
  } else {
    v.summary = {n + (missed == 1 ? " requirement" : " requirements") + " not met yet.", "还有 " + n + " 项要求未满足。"};
  }
  return v;
}

Words self_check(const Lesson& l) {
  const std::string model = l.model.dump(-1, ' ', false, Json::error_handler_t::replace);
  const Json model_answer = l.needs_send ? l.model_answer : Json();
  std::vector<Attempt> pass;
  if (l.expect_error) pass.push_back({l.start, l.start_answer});
  pass.push_back({model, model_answer});
  Verdict good = grade_lesson(l, pass);
  if (!good.passed) {
    Words why = Words{"the model answer does not pass: ", "标准答案未通过："} + good.summary;
    for (const auto& r : good.results)
      if (!r.met) why += Words{" [", " ["} + r.say + Words{"]", "]"};
    return why;
  }
  const Json start_answer = !l.needs_send ? Json() : l.start_answer.is_null() ? model_answer : l.start_answer;
  if (grade_lesson(l, {{l.start, start_answer}}).passed)
    return {"the starting request already passes: nothing to learn", "起始请求已能通过，课程无事可做"};
  return {};
}

}  // namespace timpush::core
