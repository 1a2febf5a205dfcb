// Region hosts and request URLs (reference.md section 1; the product document's URL example).
#include <doctest/doctest.h>

#include <string>

#include "core/endpoints.h"

using namespace timpush::core;

TEST_CASE("the region table of reference.md section 1, and Riyadh of task-apis.md section 1") {
  struct Row {
    const char* id;
    const char* host;
    const char* backup;
  };
  const Row expected[] = {
      {"china", "console.tim.qq.com", "adminapi.my-imcloud.com"},
      {"singapore", "adminapisgp.im.qcloud.com", "adminapisgp.my-imcloud.com"},
      {"seoul", "adminapikr.im.qcloud.com", "adminapikr.my-imcloud.com"},
      {"tokyo", "adminapijpn.im.qcloud.com", "adminapijpn.my-imcloud.com"},
      {"frankfurt", "adminapiger.im.qcloud.com", "adminapiger.my-imcloud.com"},
      {"silicon-valley", "adminapiusa.im.qcloud.com", "adminapiusa.my-imcloud.com"},
      {"jakarta", "adminapiidn.im.qcloud.com", "adminapiidn.my-imcloud.com"},
      {"mumbai", "adminapiind.im.qcloud.com", "adminapiind.my-imcloud.com"},
      // The scheduled-task pages add it with its main host only (https://trtc.io/zh/document/78839).
      {"riyadh", "adminapiksa.im.qcloud.com", ""},
  };
  REQUIRE(regions().size() == 9);
  for (size_t i = 0; i < 9; ++i) {
    CAPTURE(expected[i].id);
    CHECK(regions()[i].id == expected[i].id);
    CHECK(regions()[i].host == expected[i].host);
    CHECK(regions()[i].backup_host == expected[i].backup);
    CHECK(!regions()[i].name.en.empty());
    CHECK(!regions()[i].name.zh.empty());
    const Region* found = find_region(expected[i].id);
    REQUIRE(found);
    CHECK(found->host == expected[i].host);
  }
  CHECK(find_region("mars") == nullptr);
  CHECK(find_region("") == nullptr);
  CHECK(find_region("China") == nullptr);  // ids are exact
}

TEST_CASE("a region without a backup host: no empty host, a message that names the main one") {
  const Region* riyadh = find_region("riyadh");
  REQUIRE(riyadh);
  CHECK(region_host(*riyadh, false) == "adminapiksa.im.qcloud.com");
  CHECK(region_host(*riyadh, true).empty());
  CHECK(region_host(*find_region("tokyo"), true) == "adminapijpn.my-imcloud.com");
  const Words why = no_backup_host(*riyadh);
  CHECK(why.en.find("Riyadh") != std::string::npos);
  CHECK(why.en.find("adminapiksa.im.qcloud.com") != std::string::npos);
  CHECK(why.zh.find("利雅得") != std::string::npos);
  CHECK(why.zh.find("adminapiksa.im.qcloud.com") != std::string::npos);
  // The missing backup host is never a host of the table: "" names no region.
  CHECK(region_of_host("") == nullptr);
  CHECK_FALSE(is_known_host(""));
  bool backup = true;
  CHECK(region_of_host("AdminApiKSA.im.qcloud.com.", &backup) == riyadh);
  CHECK_FALSE(backup);
  CHECK(region_of_host("adminapi.my-imcloud.com", &backup) == find_region("china"));
  CHECK(backup);
}

TEST_CASE("is_known_host admits the table's hosts and nothing that merely looks like them") {
  CHECK(is_known_host("console.tim.qq.com"));
  CHECK(is_known_host("adminapiksa.im.qcloud.com"));
  CHECK(is_known_host("adminapi.my-imcloud.com"));
  CHECK(is_known_host("adminapiind.my-imcloud.com"));
  CHECK(is_known_host("ADMINAPISGP.IM.QCLOUD.COM"));  // DNS names ignore case
  for (const char* host : {"", "qq.com", "tim.qq.com", "console.tim.qq.com.evil.example",
                           "evil.example", "console.tim.qq.com:443", "console.tim.qq.com..",
                           "xconsole.tim.qq.com", "127.0.0.1"}) {
    CAPTURE(host);
    CHECK(!is_known_host(host));
  }
}

TEST_CASE("push_url: the five query parameters in the documented order") {
  UrlParams params;
  params.usersig = "eJw1jE0*-_";
  params.identifier = "administrator";
  params.sdkappid = 1400000000;
  params.random = 4294967295u;
  // Shape from the product document's example URL.
  CHECK(push_url("https://console.tim.qq.com", params) ==
        "https://console.tim.qq.com/v4/timpush/push?usersig=eJw1jE0*-_&identifier=administrator"
        "&sdkappid=1400000000&random=4294967295&contenttype=json");
  SUBCASE("slashes between base and path are not doubled") {
    CHECK(request_url("https://console.tim.qq.com/", "/v4/timpush/batch", params)
              .rfind("https://console.tim.qq.com/v4/timpush/batch?usersig=", 0) == 0);
  }
  SUBCASE("a custom base keeps its path") {
    CHECK(push_url("http://127.0.0.1:8080/sandbox", params)
              .rfind("http://127.0.0.1:8080/sandbox/v4/timpush/push?", 0) == 0);
  }
  SUBCASE("values are percent-encoded (RFC 3986 section 2.1), keeping unreserved and *") {
    params.identifier = "a b&c=d/é+~.";
    params.usersig = "A*-_z09+/=";
    params.sdkappid = 0;
    params.random = 0;
    CHECK(push_url("https://h", params) ==
          "https://h/v4/timpush/push?usersig=A*-_z09%2B%2F%3D&identifier=a%20b%26c%3Dd%2F%C3%A9%2B~."
          "&sdkappid=0&random=0&contenttype=json");
  }
}

// A trailing dot names the same DNS host (RFC 1034 section 3.1: a name ending in a dot is the
// absolute form), so it must meet every rule the plain name meets.
TEST_CASE("a host with a trailing dot or upper case is judged as the plain lower-case host") {
  CHECK(canonical_host("Console.TIM.qq.com.") == "console.tim.qq.com");
  CHECK(canonical_host("127.0.0.1") == "127.0.0.1");
  CHECK(is_known_host("console.tim.qq.com."));
  CHECK(is_known_host("AdminApi.My-IMCloud.com."));
  for (const char* plain : {"http://console.tim.qq.com.", "http://CONSOLE.TIM.QQ.COM./v4",
                            "http://adminapiger.im.qcloud.com.:80", "HTTP://AdminApi.my-imcloud.com."}) {
    CAPTURE(plain);
    auto error = check_base_url(plain);
    REQUIRE(error.has_value());
    CHECK(error->en.find("https") != std::string::npos);
  }
  CHECK(!check_base_url("https://console.tim.qq.com.").has_value());
}

TEST_CASE("url_authority names where a URL goes as host[:port], compared canonically") {
  CHECK(url_authority("https://Console.TIM.qq.com./v4/timpush/push?usersig=x") == "console.tim.qq.com");
  CHECK(url_authority("http://LOCALHOST:8080/sandbox") == "localhost:8080");
  CHECK(url_authority("http://127.0.0.1:8080") == "127.0.0.1:8080");
  CHECK(url_authority("http://[::1]:9000/x") == "[::1]:9000");
  CHECK(url_authority("https://user@evil.example/x") == "evil.example");
  CHECK(url_authority("no scheme") == "");
  CHECK(url_authority("https:///path") == "");
  CHECK(url_authority("http://localhost:8080") != url_authority("http://127.0.0.1:8080"));
}

TEST_CASE("check_base_url accepts http(s)://host[:port][/path] only") {
  for (const char* good : {"https://console.tim.qq.com", "https://adminapisgp.im.qcloud.com/",
                           "http://127.0.0.1:8080/sandbox", "http://localhost:1", "https://h:65535",
                           "http://[::1]:8080/sandbox", "HTTPS://Console.Tim.QQ.com"}) {
    CAPTURE(good);
    CHECK(!check_base_url(good).has_value());
  }
  for (const char* bad : {"", "console.tim.qq.com", "ftp://h", "https://", "https:///path",
                          "https://h?x=1", "https://h/p#f", "https://user:pw@h", "https://h:0",
                          "https://h:65536", "https://h:abc", "https://h:", "https://ho st",
                          "https://h/a b", "https://h_x", "http://[::1", "http://console.tim.qq.com"}) {
    CAPTURE(bad);
    auto error = check_base_url(bad);
    REQUIRE(error.has_value());
    CHECK(!error->en.empty());
  }
}
