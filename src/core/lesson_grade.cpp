// Grading a trainee's attempts against a lesson (lesson.h): the calls to the APIs it grades, the
// last one judged on every requirement, an expected error looked for in the ones before; and a
// lesson's check against its own model. Reading the files is lesson.cpp.
#include <algorithm>

#include "core/device_preview.h"
#include "core/lesson.h"
#include "core/response.h"
#include "core/validation.h"

namespace timpush::core {

namespace {

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

bool same_unordered(const Json& a, const Json& b) {
  if (!a.is_array() || !b.is_array() || a.size() != b.size()) return a == b;
  return std::all_of(b.begin(), b.end(), [&](const Json& x) { return std::find(a.begin(), a.end(), x) != a.end(); }) &&
         std::all_of(a.begin(), a.end(), [&](const Json& x) { return std::find(b.begin(), b.end(), x) != b.end(); });
}

std::optional<int64_t> answer_code(const Json& answer) {
  if (!answer.is_object()) return std::nullopt;
  return read_push_response(200, answer.dump(-1, ' ', false, Json::error_handler_t::replace)).error_code;
}

// The TaskId an OK answer carries, or "".
std::string task_id_of(const Json& answer) {
  if (!answer.is_object() || answer_code(answer).value_or(-1) != 0) return {};
  return get_string(answer, "TaskId").value_or("");
}

// The value at `at` is, or (an array) holds, the TaskId an earlier push's (or test send's) OK
// answer carried: a revoke's answer echoes its TaskId too, but it made no task.
bool is_earlier_task(const Json* at, const std::vector<const Attempt*>& earlier) {
  if (!at) return false;
  for (const Attempt* a : earlier) {
    if (a->api != "push" && a->api != "batch") continue;
    const std::string id = task_id_of(a->answer);
    if (id.empty()) continue;
    if (at->is_string() && at->get<std::string>() == id) return true;
    if (at->is_array() && std::find(at->begin(), at->end(), Json(id)) != at->end()) return true;
  }
  return false;
}

// What one requirement is judged on: the last attempt, the ones before it, the answer chosen.
struct Graded {
  const Json& body;
  const Attempt& last;
  const std::vector<const Attempt*>& earlier;
  std::optional<size_t> chosen;
};

bool met(const Requirement& r, const Graded& g) {
  using K = Requirement::Kind;
  const Json& body = g.body;
  const std::string& text = g.last.body;
  const Json& answer = g.last.answer;
  const Json& where = r.in_answer ? answer : body;
  const Json* at = where.is_object() ? resolve(where, r.pointer) : nullptr;
  switch (r.kind) {
    case K::equals: return at && (r.unordered ? same_unordered(*at, r.value) : *at == r.value);
    case K::contains:
      return at && at->is_array() && r.value.is_array() &&
             std::all_of(r.value.begin(), r.value.end(), [&](const Json& x) { return std::find(at->begin(), at->end(), x) != at->end(); });
    case K::present: return at != nullptr;
    case K::absent: return where.is_object() && !at;
    case K::prefix:
      return at && at->is_string() && r.value.is_string() && at->get<std::string>().rfind(r.value.get<std::string>(), 0) == 0;
    case K::api: return r.value.is_string() && g.last.api == r.value.get<std::string>();
    case K::same_task: return is_earlier_task(at, g.earlier);
    case K::choice: return g.chosen && *g.chosen == r.correct;
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

std::string api_of_url(std::string_view url) {
  const std::string_view path = url.substr(0, url.find_first_of("?#"));
  if (path.find("/v4/") == std::string_view::npos && path.rfind("v4/", 0) != 0) return {};
  const size_t slash = path.rfind('/');
  return std::string(path.substr(slash + 1));
}

bool grades_api(const Lesson& lesson, std::string_view api) {
  if (lesson.apis.empty()) return api == "push";
  return std::find(lesson.apis.begin(), lesson.apis.end(), api) != lesson.apis.end();
}

const Requirement* question_of(const Lesson& lesson) {
  for (const Requirement& r : lesson.requirements)
    if (r.kind == Requirement::Kind::choice) return &r;
  return nullptr;
}

void trim_attempts(std::vector<Attempt>& attempts, size_t most) {
  // Drop the oldest attempt that is neither the first, the last nor a TaskId's bearer; when none
  // is left to drop, the oldest after the first.
  while (attempts.size() > std::max<size_t>(most, 2)) {
    auto drop = std::find_if(attempts.begin() + 1, attempts.end() - 1, [](const Attempt& a) { return task_id_of(a.answer).empty(); });
    attempts.erase(drop == attempts.end() - 1 ? attempts.begin() + 1 : drop);
  }
}

Verdict grade_lesson(const Lesson& lesson, const std::vector<Attempt>& all, std::optional<size_t> chosen) {
  Verdict v;
  std::vector<const Attempt*> attempts;
  for (const Attempt& a : all)
    if (grades_api(lesson, a.api)) attempts.push_back(&a);
  if (attempts.empty()) {
    v.summary = {"Nothing sent or checked yet.", "尚未发送或检查。"};
    return v;
  }
  // The error is seen in the service's answer, or in Checks, which give the server's own code
  // for what they catch first (the page does not send a body with errors).
  if (lesson.expect_error)
    for (size_t i = 0; i + 1 < attempts.size(); ++i) {
      if (answer_code(attempts[i]->answer) == *lesson.expect_error) v.error_seen = true;
      for (const Issue& issue : validate_body(attempts[i]->body).issues)
        if (issue.code == *lesson.expect_error) v.error_seen = true;
    }
  const Attempt& last = *attempts.back();
  JsonReadResult read = read_json(last.body, {512, 10000});
  const Json body = read.ok() ? read.value : Json();
  const std::vector<const Attempt*> earlier(attempts.begin(), attempts.end() - 1);
  const Graded graded{body, last, earlier, chosen};
  size_t missed = 0;
  for (const Requirement& r : lesson.requirements) {
    // Only a field of the composer's push body can be gone to.
    const bool field = !r.in_answer && last.api == "push" && r.kind != Requirement::Kind::same_task;
    RequirementResult result{met(r, graded), field ? r.pointer : std::string(), r.say};
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
  const Requirement* question = question_of(l);
  const std::optional<size_t> right = question ? std::optional<size_t>(question->correct) : std::nullopt;
  std::vector<Attempt> pass;
  if (l.expect_error) pass.push_back({l.start, l.start_answer});
  if (l.model_steps.empty()) pass.push_back({model, model_answer, l.apis.empty() ? "push" : l.apis.front()});
  for (const ModelStep& step : l.model_steps)
    pass.push_back({step.body.dump(-1, ' ', false, Json::error_handler_t::replace), l.needs_send ? step.answer : Json(), step.api});
  Verdict good = grade_lesson(l, pass, right);
  if (!good.passed) {
    Words why = Words{"the model answer does not pass: ", "标准答案未通过："} + good.summary;
    for (const auto& r : good.results)
      if (!r.met) why += Words{" [", " ["} + r.say + Words{"]", "]"};
    return why;
  }
  // The start is what the composer holds: a push body. The last model call's answer stands in
  // when the file records none.
  const Json last_answer = pass.back().answer;
  const Json start_answer = !l.needs_send ? Json() : l.start_answer.is_null() ? last_answer : l.start_answer;
  if (grade_lesson(l, {{l.start, start_answer}}).passed)
    return {"the starting request already passes: nothing to learn", "起始请求已能通过，课程无事可做"};
  return {};
}

}  // namespace timpush::core
