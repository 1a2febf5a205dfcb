// The error catalogue holds every code of reference.md section 4 and the task APIs' code of
// task-apis.md sections 9 and 11, each on its own, sorted.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/error_catalog.h"

using namespace timpush::core;

namespace {

// Typed from reference.md section 4, one by one (ranges and pairs expanded by hand).
const std::vector<int> private_codes = {90001, 90005, 90009, 90018, 90020, 90022, 90024, 90026,
                                        90032, 90033, 90035, 90039, 90040, 90045, 90047, 90049,
                                        90050, 90051, 90052, 90053, 90056, 91000};
const std::vector<int> common_codes = {
    60002, 60003, 60004, 60005, 60006, 60007, 60008, 60009, 60010, 60011, 60012, 60013, 60015,
    60016, 60017, 60018, 60019, 60020, 60021, 70001, 70002, 70003, 70005, 70009, 70013, 70014,
    70016, 70020, 70050, 70052, 70107, 70169, 70202, 70398, 70402, 70403, 70500, 80001, 80002};

// task-apis.md section 9 ("90104 请求参数无效"), which the sandbox answers for the task APIs'
// bad parameters (section 11), and 90107 of delete_sched_task's failure example
// (https://cloud.tencent.com/document/product/269/130279).
const std::vector<int> task_api_codes = {90104, 90107};

std::set<int> codes_of(const std::vector<const ErrorEntry*>& entries) {
  std::set<int> codes;
  for (const auto* entry : entries) codes.insert(entry->code);
  return codes;
}

}  // namespace

TEST_CASE("every code of reference.md section 4 is in the table, explained in both languages") {
  for (const auto& list : {private_codes, common_codes, task_api_codes}) {
    for (int code : list) {
      CAPTURE(code);
      const ErrorEntry* entry = find_error(code);
      REQUIRE(entry);
      CHECK(entry->code == code);
      CHECK(!entry->meaning.zh.empty());
      CHECK(!entry->meaning.en.empty());
      CHECK(!entry->fix.zh.empty());
      CHECK(!entry->fix.en.empty());
    }
  }
  CHECK(error_catalog().size() ==
        private_codes.size() + common_codes.size() + task_api_codes.size());
}

TEST_CASE("the table is sorted by code, each code once") {
  const auto& table = error_catalog();
  for (size_t i = 1; i < table.size(); ++i) CHECK(table[i - 1].code < table[i].code);
}

TEST_CASE("unknown codes are not found") {
  for (int code : {0, 1, 7, 60001, 60014, 90002, 90048, 90054, 99999, -90001}) {
    CAPTURE(code);
    CHECK(find_error(code) == nullptr);
  }
}

TEST_CASE("the meanings carry the facts of the product document") {
  CHECK(std::string(find_error(90020)->meaning.zh).find("50") != std::string::npos);
  CHECK(std::string(find_error(90020)->meaning.en).find("50 bytes") != std::string::npos);
  CHECK(std::string(find_error(90032)->meaning.en).find("10") != std::string::npos);
  CHECK(std::string(find_error(90047)->meaning.zh).find("100") != std::string::npos);
  CHECK(std::string(find_error(90056)->meaning.zh).find("10K") != std::string::npos);
  CHECK(std::string(find_error(90005)->meaning.en).find("MsgRandom") != std::string::npos);
  CHECK(std::string(find_error(70003)->fix.en).find("*") != std::string::npos);
}

TEST_CASE("search by keyword: either language, any case, code digits") {
  SUBCASE("English, case-insensitively") {
    std::set<int> lower = codes_of(search_errors("usersig"));
    CHECK(lower == codes_of(search_errors("USERSIG")));
    for (int code : {60005, 70001, 70002, 70003, 70005, 70050, 70052}) {
      CAPTURE(code);
      CHECK(lower.count(code) == 1);
    }
    CHECK(lower.count(90020) == 0);
  }
  SUBCASE("Chinese") {
    std::set<int> found = codes_of(search_errors("标签"));
    for (int code : {90020, 90022, 90032, 90040}) {
      CAPTURE(code);
      CHECK(found.count(code) == 1);
    }
    CHECK(found.count(70001) == 0);
  }
  SUBCASE("digits of a code") {
    std::set<int> found = codes_of(search_errors("9005"));
    CHECK(found == std::set<int>{90050, 90051, 90052, 90053, 90056});
    CHECK(codes_of(search_errors("70013")) .count(70013) == 1);
  }
  SUBCASE("revoke codes") {
    std::set<int> found = codes_of(search_errors("Revoke"));
    for (int code : {90049, 90050, 90051, 90052, 90053}) CHECK(found.count(code) == 1);
  }
  SUBCASE("results keep the table's order; no match is empty") {
    auto found = search_errors("retry");
    CHECK(found.size() >= 3);
    CHECK(std::is_sorted(found.begin(), found.end(),
                         [](const ErrorEntry* a, const ErrorEntry* b) { return a->code < b->code; }));
    CHECK(search_errors("no-such-word-anywhere").empty());
  }
}
