// The sandbox checks the UserSig with the app's key through the core, and answers the service's
// codes (reference.md section 4: 70001, 70003, 70009, 70013, 70014; order of section 5).
#include <doctest/doctest.h>

#include "core/usersig.h"
#include "harness.h"

using namespace timpush;
using namespace timpush::test;

namespace {

int code_for_sig(Harness& h, const std::string& sig) {
  Json answer = h.push(body_with(7), with(h.good_params(), "usersig", sig));
  REQUIRE(answer.is_object());
  CHECK(answer.value("ActionStatus", "") == (answer.value("ErrorCode", -1) == 0 ? "OK" : "FAIL"));
  return answer.value("ErrorCode", -1);
}

}  // namespace

TEST_CASE("sandbox UserSig: a fresh sig of the admin passes") {
  Harness h;
  CHECK(code_for_sig(h, h.sig()) == 0);
}

TEST_CASE("sandbox 70001: expired (now > time + expire)") {
  Harness h;
  // Issued 200 s ago for 100 s.
  CHECK(code_for_sig(h, h.sig(kAdmin, h.now_s() - 200, 100)) == 70001);
  // Moving the server's clock past the expiry of a sig that was valid makes it expire.
  std::string sig = h.sig(kAdmin, h.now_s(), 30);
  CHECK(code_for_sig(h, sig) == 0);
  h.advance_ms(31 * 1000);
  CHECK(code_for_sig(h, sig) == 70001);
}

TEST_CASE("sandbox 70003: malformed or truncated") {
  Harness h;
  CHECK(code_for_sig(h, "abc") == 70003);
  CHECK(code_for_sig(h, "eJyrVspLzE1VslIqzUvPyi8tVtJRKi1OLUrLSS3WQ0kJKCJXLlQA") == 70003);
  std::string good = h.sig();
  CHECK(code_for_sig(h, good.substr(0, good.size() / 2)) == 70003);
}

TEST_CASE("sandbox 70009: signed with another app's key") {
  Harness h;
  CHECK(code_for_sig(h, h.sig(kAdmin, -1, 86400, kAppId, "another key")) == 70009);
}

TEST_CASE("sandbox 70013: the sig was made for another identifier") {
  Harness h;
  CHECK(code_for_sig(h, h.sig("user1")) == 70013);
}

TEST_CASE("sandbox 70014: the sig was made for another SDKAppID") {
  Harness h;
  CHECK(code_for_sig(h, h.sig(kAdmin, -1, 86400, 1400000001)) == 70014);
}
