// A test send (v4/timpush/batch, ../shared/spec/task-apis.md §8): the composer's content sent to a
// few named accounts instead of its audience. The account list as typed, its rules with codes,
// and the batch body, which carries the push's OfflinePushInfo, MsgRandom and optional fields
// but never its Condition.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/validation.h"

namespace timpush::core {

constexpr size_t max_test_accounts = 500;  // To_Account holds 1..500 (90018 beyond)

// Local codes of the account list, continuing local_code's numbering (validation.h).
namespace test_send_code {
constexpr int no_accounts = 35;         // To_Account is empty
constexpr int duplicate_account = 36;   // the same account twice
}  // namespace test_send_code

struct AccountList {
  std::vector<std::string> accounts;  // in the order typed, trimmed
  std::vector<Issue> issues;          // pointers into To_Account ("/To_Account/3")
};
// Accounts as typed: separated by commas (ASCII or Chinese), spaces or line breaks; blanks
// between separators are skipped. Duplicates, more than 500, and none at all are issues.
AccountList parse_accounts(std::string_view text);

// Accounts as a field shows them, "user1, user2"; after `at_most` of them ", ..." (a task's list).
std::string join_accounts(const std::vector<std::string>& accounts, size_t at_most = max_test_accounts);

// The batch body for `push_body`'s content to `to`, from the admin `from_account`.
Json batch_body(const Json& push_body, const std::vector<std::string>& to, const std::string& from_account);

// The checks of a batch body: the account list's, then the push rules on what it carries
// (MsgRandom, OfflinePushInfo, DataId), without the all-user warning, which cannot apply.
ValidationReport validate_batch(const Json& batch);

}  // namespace timpush::core
