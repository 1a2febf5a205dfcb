// Reading lesson files (lesson.h): every field of the schema (web/lessons/README.md) checked, and
// a file refused with the field it fails on. Grading is lesson_grade.cpp.
#include "core/lesson.h"

#include <algorithm>

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

std::optional<Requirement::Kind> kind_named(const std::string& name) {
  using K = Requirement::Kind;
  static const std::pair<const char*, K> names[] = {
      {"equals", K::equals},       {"contains", K::contains},       {"present", K::present},
      {"absent", K::absent},       {"valid", K::valid},             {"answer_ok", K::answer_ok},
      {"answer_code", K::answer_code}, {"no_issue", K::no_issue},   {"prefix", K::prefix},
      {"api", K::api},             {"same_task", K::same_task},     {"choice", K::choice}};
  for (const auto& [n, k] : names)
    if (name == n) return k;
  return std::nullopt;
}

// An API as lessons name it: the last part of its path, a-z and '_'.
bool valid_api(const std::string& api) {
  return !api.empty() && api.size() <= 40 &&
         std::all_of(api.begin(), api.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

Words requirement_error(const std::string& en, const std::string& zh) { return field_error("requirements", en, zh); }

// One requirement; the error names what is wrong with it.
std::optional<Requirement> read_requirement(const Json& r, bool needs_send, Words& error) {
  using K = Requirement::Kind;
  Requirement q;
  auto kind = r.is_object() ? kind_named(get_string(r, "kind").value_or("")) : std::nullopt;
  auto say = r.is_object() ? read_words(r, "say") : std::nullopt;
  if (!kind || !say) {
    error = requirement_error("each needs a known \"kind\" and a \"say\" in en and zh", "每条须有已知的 \"kind\" 以及中英文 \"say\"");
    return std::nullopt;
  }
  q.kind = *kind;
  q.say = *say;
  q.pointer = get_string(r, "pointer").value_or(q.kind == K::same_task ? "/TaskId" : "");
  if (const Json* v = find_member(r, "value")) q.value = *v;
  q.unordered = get_bool(r, "unordered").value_or(false);
  const std::string in = get_string(r, "in").value_or("body");
  q.in_answer = in == "answer";
  const bool needs_pointer = q.kind == K::equals || q.kind == K::contains || q.kind == K::present ||
                             q.kind == K::absent || q.kind == K::prefix || q.kind == K::same_task;
  const bool needs_answer = q.kind == K::answer_ok || q.kind == K::answer_code || q.kind == K::same_task || q.in_answer;
  if ((in != "body" && in != "answer") || (needs_pointer && (q.pointer.empty() || q.pointer[0] != '/')) ||
      (needs_answer && !needs_send)) {
    error = requirement_error("a field rule needs a \"pointer\" (/...) and \"in\" body or answer; an answer rule a lesson checked on send",
                              "字段规则须有 \"pointer\"（/...），\"in\" 须为 body 或 answer；应答规则须用于发送时评判的课程");
    return std::nullopt;
  }
  if ((q.kind == K::prefix || q.kind == K::api) && !q.value.is_string()) {
    error = requirement_error("a \"prefix\" or \"api\" rule needs a text \"value\"", "\"prefix\" 或 \"api\" 规则须有文本 \"value\"");
    return std::nullopt;
  }
  if (q.kind == K::choice) {
    auto question = read_words(r, "question");
    const Json* choices = find_member(r, "choices");
    const auto correct = get_int64(r, "correct");
    if (question && choices && choices->is_array() && choices->size() >= 2 && choices->size() <= 6) {
      q.question = *question;
      for (const Json& c : *choices) {
        Json wrap = {{"c", c}};
        if (auto words = read_words(wrap, "c")) q.choices.push_back(*words);
      }
    }
    if (q.choices.size() < 2 || q.choices.size() != choices->size() || !correct || *correct < 0 ||
        static_cast<size_t>(*correct) >= q.choices.size()) {
      error = requirement_error("a \"choice\" needs a \"question\", 2 to 6 \"choices\" (en and zh) and the \"correct\" one's index",
                                "\"choice\" 规则须有 \"question\"、2 至 6 个中英文 \"choices\"，以及正确项的序号 \"correct\"");
      return std::nullopt;
    }
    q.correct = static_cast<size_t>(*correct);
  }
  return q;
}

// "apis" (default push) and "model_steps", the model made of several calls.
std::optional<Words> read_calls(const Json& doc, Lesson& l) {
  if (const Json* apis = find_member(doc, "apis")) {
    if (!apis->is_array() || apis->empty() || apis->size() > 8)
      return field_error("apis", "needs 1 to 8 API names", "须有 1 至 8 个 API 名");
    for (const Json& a : *apis) {
      if (!a.is_string() || !valid_api(a.get<std::string>()))
        return field_error("apis", "each is the last part of an API's path (a-z, _)", "每项须为 API 路径的最后一段（a-z、_）");
      l.apis.push_back(a.get<std::string>());
    }
  } else {
    l.apis = {"push"};
  }
  const Json* steps = find_member(doc, "model_steps");
  if (!steps) return std::nullopt;
  if (!steps->is_array() || steps->empty() || steps->size() > 5)
    return field_error("model_steps", "needs 1 to 5 calls", "须有 1 至 5 次调用");
  for (const Json& s : *steps) {
    ModelStep step;
    step.api = s.is_object() ? get_string(s, "api").value_or("") : "";
    const Json* body = s.is_object() ? find_member(s, "body") : nullptr;
    const Json* answer = s.is_object() ? find_member(s, "answer") : nullptr;
    if (!grades_api(l, step.api) || !body || !body->is_object() || (l.needs_send && (!answer || !answer->is_object())))
      return field_error("model_steps", "each needs an \"api\" the lesson grades, a \"body\" and (checked on send) the \"answer\"",
                         "每次调用须有本课评判的 \"api\"、\"body\"，以及（发送时评判）\"answer\"");
    step.body = *body;
    if (answer) step.answer = *answer;
    l.model_steps.push_back(std::move(step));
  }
  return std::nullopt;
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
  size_t questions = 0;
  for (const Json& r : *reqs) {
    auto q = read_requirement(r, l.needs_send, out.error);
    if (!q) return out;
    questions += q->kind == Requirement::Kind::choice ? 1 : 0;
    l.requirements.push_back(std::move(*q));
  }
  if (questions > 1) {
    out.error = requirement_error("at most one \"choice\" a lesson", "每课至多一条 \"choice\"");
    return out;
  }
  if (auto error = read_calls(doc, l)) {
    out.error = *error;
    return out;
  }
  const Json* model = find_member(doc, "model");
  if ((!model || !model->is_object()) && l.model_steps.empty()) {
    out.error = field_error("model", "needs the model answer's body (or \"model_steps\")", "须提供标准答案的请求体（或 \"model_steps\"）");
    return out;
  }
  if (model) l.model = *model;
  if (const Json* a = find_member(doc, "model_answer")) l.model_answer = *a;
  if (const Json* a = find_member(doc, "start_answer")) l.start_answer = *a;
  if (l.needs_send && l.model_steps.empty() && !l.model_answer.is_object()) {
    out.error = field_error("model_answer", "a lesson checked on send needs the service's answer to the model",
                            "发送时评判的课程须提供服务对标准答案的应答");
    return out;
  }
  out.lesson = std::move(l);
  return out;
}

}  // namespace timpush::core
