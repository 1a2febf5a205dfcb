// The app-data and scheduled-task readers and rules (core/app_report.h, core/sched_report.h,
// ValidationOptions of core/validation.h) against the documents' examples (tests/data/task_apis,
// each file's source in its README; limits from task-apis.md sections 9 and 10).
#include <doctest/doctest.h>

#include <string>

#include "core/app_report.h"
#include "core/json.h"
#include "core/sched_report.h"
#include "core/validation.h"
#include "support/test_files.h"

using namespace timpush;
using namespace timpush::core;

namespace {
std::string sample(const char* name) {
  return test::read_file(std::string(TIMPUSH_TEST_DATA) + "/task_apis/" + name);
}
int first_code(const ValidationReport& r) {
  for (const auto& i : r.issues)
    if (i.severity == Severity::error) return i.code;
  return 0;
}
}  // namespace

TEST_CASE("an attribute the app does not have is 90033 at its entry, only when names are given") {
  // reference.md section 2: unknown attribute names -> 90033 (the server knows set_attr_name's).
  const std::string body =
      R"({"MsgRandom":1,"Condition":{"AttrsAnd":{"sex":"male","会员等级":"黄金会员"}},"OfflinePushInfo":{"Title":"t","Desc":"d"}})";
  CHECK(validate_body(body).ok());  // default: names unknown, not judged
  ValidationOptions options;
  options.attr_names = std::vector<std::string>{"sex", "city"};
  ValidationReport report = validate_body(body, options);
  REQUIRE(first_code(report) == 90033);
  const Issue& issue = report.issues.front();
  CHECK(issue.pointer == "/Condition/AttrsAnd/会员等级");
  CHECK(issue.message.en.find("会员等级") != std::string::npos);
  CHECK(issue.message.zh.find("会员等级") != std::string::npos);
  CHECK(issue.message.zh != issue.message.en);
  options.attr_names->push_back("会员等级");
  CHECK(validate_body(body, options).ok());
  // AttrsOr too; an empty list makes every name unknown.
  options.attr_names = std::vector<std::string>{};
  CHECK(first_code(validate_body(R"({"MsgRandom":1,"Condition":{"AttrsOr":{"city":"深圳"}}})", options)) == 90033);
}

TEST_CASE("get_attr_name's example reads into slots with their account types") {
  AttrNamesReport r = read_attr_names(200, sample("get_attr_name_answer.json"));
  REQUIRE(r.envelope.ok());
  REQUIRE(r.names.size() == 2);
  CHECK(r.names[0].slot == 0);
  CHECK(r.names[0].name == "sex");
  CHECK(r.names[0].type == 0);
  CHECK(r.names[1].name == "city");
  CHECK(r.plain() == std::vector<std::string>{"sex", "city"});
  // Tolerant: slot keys outside "0".."9" and names that are not strings are skipped.
  AttrNamesReport odd = read_attr_names(200, R"({"ActionStatus":"OK","ErrorCode":0,"AttrNames":{"10":"x","1":2,"2":"y"}})");
  REQUIRE(odd.names.size() == 1);
  CHECK(odd.names[0].slot == 2);
  CHECK_FALSE(odd.names[0].type.has_value());
}

TEST_CASE("get_tag and get_attr examples: the known account's data and the unknown one's 70107") {
  AppDataReport tags = read_app_data(200, sample("get_tag_answer.json"));
  REQUIRE(tags.envelope.ok());
  REQUIRE(tags.tags.size() == 1);
  CHECK(tags.tags[0].account == "xiaoming");
  CHECK(tags.tags[0].tags == std::vector<std::string>{"黄金会员", "周卡用户"});
  REQUIRE(tags.errors.size() == 1);
  CHECK(tags.errors[0].account == "Mary");
  CHECK(tags.errors[0].code == 70107);
  AppDataReport attrs = read_app_data(200, sample("get_attr_answer.json"));
  REQUIRE(attrs.attrs.size() == 1);
  CHECK(attrs.attrs[0].attrs == std::vector<std::pair<std::string, std::string>>{{"sex", "male"}, {"city", "NewYork"}});
  CHECK(attrs.errors[0].code == 70107);
  // A refusal reads as one, with nothing else.
  AppDataReport refused = read_app_data(200, R"({"ActionStatus":"FAIL","ErrorInfo":"x","ErrorCode":90018})");
  CHECK_FALSE(refused.envelope.ok());
  CHECK(refused.envelope.error_code == 90018);
}

TEST_CASE("the app-data bodies have the documents' shapes") {
  // https://cloud.tencent.com/document/product/269/111050
  CHECK(set_attr_name_body({"sex", "city"}, 0) == R"({"AttrNames":{"0":"sex","1":"city"},"AttrTypes":{"0":0,"1":0}})");
  CHECK(set_attr_name_body({"sex"}, std::nullopt) == R"({"AttrNames":{"0":"sex"}})");
  // https://cloud.tencent.com/document/product/269/100641
  CHECK(add_tag_body({"xiaoming"}, {"黄金会员", "周卡用户"}, false) ==
        R"({"Replace":0,"UserTags":[{"To_Account":"xiaoming","Tags":["黄金会员","周卡用户"]}]})");
  // https://trtc.io/document/60569
  CHECK(remove_tag_body({"xiaoming"}, {"GoldMember"}) == R"({"UserTags":[{"To_Account":"xiaoming","Tags":["GoldMember"]}]})");
  // https://cloud.tencent.com/document/product/269/100643 and /100640
  CHECK(accounts_body({"xiaoming", "xiaohong"}) == R"({"To_Account":["xiaoming","xiaohong"]})");
  // https://cloud.tencent.com/document/product/269/100638
  CHECK(set_attr_body({"xiaoming"}, {{"sex", "male"}, {"city", "NewYork"}}) ==
        R"({"UserAttrs":[{"To_Account":"xiaoming","Attrs":{"sex":"male","city":"NewYork"}}]})");
  // https://cloud.tencent.com/document/product/269/100639: names, not pairs
  CHECK(remove_attr_body({"Mary"}, {"sex", "city"}) == R"({"UserAttrs":[{"To_Account":"Mary","Attrs":["sex","city"]}]})");
}

TEST_CASE("attribute names: at most 10, 1..50 bytes, no repeats (90033 at the slot)") {
  CHECK(check_attr_names({"sex", "city"}).empty());
  std::vector<std::string> eleven;
  for (int i = 0; i < 11; ++i) eleven.push_back("a" + std::to_string(i));
  auto over = check_attr_names(eleven);
  REQUIRE(over.size() == 1);
  CHECK(over[0].pointer == "/AttrNames/10");
  CHECK(check_attr_names({std::string(50, 'x')}).empty());
  auto long_name = check_attr_names({std::string(51, 'x')});
  REQUIRE(long_name.size() == 1);
  CHECK(long_name[0].code == 90033);
  auto repeat = check_attr_names({"sex", "city", "sex"});
  REQUIRE(repeat.size() == 1);
  CHECK(repeat[0].pointer == "/AttrNames/2");
  CHECK(check_attr_names({""}).size() == 1);
}

TEST_CASE("tags and account counts: the documented caps") {
  CHECK_FALSE(check_tags({"黄金会员"}, false));
  CHECK(check_tags(std::vector<std::string>(11, "t"), false)->en.find("90032") == 0);
  CHECK_FALSE(check_tags(std::vector<std::string>(100, "t"), true));
  CHECK(check_tags(std::vector<std::string>(101, "t"), true)->en.find("90032") == 0);
  CHECK(check_tags({""}, false)->en.find("90040") == 0);
  CHECK(check_tags({std::string(51, 't')}, false)->en.find("90020") == 0);
  CHECK_FALSE(check_tags({std::string(50, 't')}, false));
  CHECK_FALSE(check_app_data_accounts(100));
  CHECK(check_app_data_accounts(101)->en.find("90018") == 0);
  CHECK(check_app_data_accounts(0));
}

TEST_CASE("an attribute-name file: a JSON array, or one name per line") {
  CHECK(read_attr_names_file("[\"sex\",\"city\"]").names == std::vector<std::string>{"sex", "city"});
  CHECK(read_attr_names_file("\xEF\xBB\xBFsex\r\n\n  city \n会员等级").names ==
        std::vector<std::string>{"sex", "city", "会员等级"});
  CHECK(read_attr_names_file("[\"sex\", 1]").error.has_value());
  // A line that only looks like JSON is a name.
  CHECK(read_attr_names_file("[vip]").names == std::vector<std::string>{"[vip]"});
  CHECK(read_attr_names_file("").names.empty());
}

TEST_CASE("get_sched_task's example: TaskInfo with From_Account as a number") {
  SchedReport r = read_sched(200, sample("sched_get_answer.json"));
  REQUIRE(r.envelope.ok());
  REQUIRE(r.task);
  CHECK(r.task->task_id == 1234567890);
  CHECK(r.task->sdkappid == 88888888);
  CHECK(r.task->type == "Tag");
  CHECK(r.task->sched_at == "2025-06-01 10:00:00");
  CHECK(r.task->status == "pending");
  CHECK(r.task->pending());
  CHECK(r.task->dispatch_success == 0);
  CHECK(r.task->dispatch_err.empty());
  CHECK(r.task->push_task_id.empty());
  CHECK(r.task->from_account == "12345");
  CHECK(r.task->content["Condition"]["TagsAnd"][0] == "股票A");
}

TEST_CASE("delete_sched_task's failure example: 90107 and TaskID 0") {
  SchedReport r = read_sched(200, sample("sched_delete_fail_answer.json"));
  CHECK_FALSE(r.envelope.ok());
  CHECK(r.envelope.error_code == 90107);
  CHECK(r.task_id == 0);
  CHECK(sched_status_name("pending").zh == "待执行");
  CHECK(sched_status_name("paused").en == "paused");  // unknown strings shown raw
}

TEST_CASE("list_sched_task: the documented body and its rules") {
  // https://cloud.tencent.com/document/product/269/130281
  SchedListQuery q;
  q.begin = 1746057600;  // 2025-05-01 00:00:00 UTC
  q.end = 1748736000;    // 2025-06-01 00:00:00 UTC
  q.keyword = "推送标题";
  CHECK(list_sched_body(88888888, q) ==
        R"({"Sdkappid":88888888,"Offset":0,"Want":20,"OrderBy":"schedAt","Asc":false,"BeginTime":"2025-05-01 00:00:00","EndTime":"2025-06-01 00:00:00","Keyword":"推送标题"})");
  CHECK_FALSE(check_sched_list(q));
  q.want = 0;
  CHECK(check_sched_list(q));
  q.want = 20;
  q.begin = q.end + 1;
  CHECK(check_sched_list(q));
  CHECK(get_sched_body(88888888, 1234567890) == R"({"Sdkappid":88888888,"TaskID":1234567890})");
  SchedReport list = read_sched(200, R"({"ActionStatus":"OK","ErrorCode":0,"Total":2,"Tasks":[{"TaskID":"7","Status":"dispatched","PushTaskID":"p"},5]})");
  CHECK(list.total == 2);
  REQUIRE(list.tasks.size() == 1);
  CHECK(list.tasks[0].task_id == 7);  // a number sent as a string is read
  CHECK(list.tasks[0].push_task_id == "p");
}

TEST_CASE("a test send's answer: the envelope and a batch_ TaskId, read as push's") {
  // https://cloud.tencent.com/document/product/269/108906 answers TaskId "batch_667015d4_..."
  // (task-apis.md section 8); the rest of this id is the push example's form.
  PushResponse r = read_push_response(
      200, R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"TaskId":"batch_667015d4_537529d8_2000005e80aa873_d03ac87_56f5e750"})");
  CHECK(r.ok());
  REQUIRE(r.task_id);
  CHECK(r.task_id->rfind("batch_", 0) == 0);
}
