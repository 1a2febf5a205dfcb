// Field explanations (core/explain.h): every field the validator or the device preview can point
// at has an entry in both languages; the query string's five parameters (reference.md section 1)
// and a UserSig's fields (section 5) have theirs; every code an entry cites has a meaning; an
// item of a list finds its list's "*" entry; the platforms come from vendors.md section 4.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/device_preview.h"
#include "core/explain.h"
#include "core/validation.h"

using namespace timpush::core;
using timpush::Json;

namespace {

void check_entry(const FieldExplanation* entry, const std::string& key) {
  CAPTURE(key);
  REQUIRE(entry != nullptr);
  CHECK_FALSE(entry->meaning.en.empty());
  CHECK_FALSE(entry->meaning.zh.empty());
  const ExplanationText text = explanation_text(*entry, key);
  for (const Words& rule : text.rules) {
    CHECK_FALSE(rule.en.empty());
    CHECK_FALSE(rule.zh.empty());
  }
}

// Bodies that reach each of the validator's checks (validation.cpp, validation_offline.cpp).
const char* const broken_bodies[] = {
    R"({"From_Account":1,"MsgRandom":-1})",
    R"({"MsgRandom":1.5})",
    R"({"MsgRandom":"7"})",
    R"({"MsgRandom":5000000000})",
    R"({})",
    R"({"MsgRandom":1,"Condition":1})",
    R"({"MsgRandom":1,"Condition":{}})",
    R"({"MsgRandom":1,"Condition":{"TagsAnd":1,"TagsOr":{},"TagsNot":"x"}})",
    R"({"MsgRandom":1,"Condition":{"TagsAnd":["a","b","c","d","e","f","g","h","i","j","k"]}})",
    R"({"MsgRandom":1,"Condition":{"TagsAnd":["",1,"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]}})",
    R"({"MsgRandom":1,"Condition":{"TagsAnd":["x"],"TagsOr":["x"],"TagsNot":["",2]}})",
    R"({"MsgRandom":1,"Condition":{"TagsOr":["x"],"TagsAnd":["x"]}})",
    R"({"MsgRandom":1,"Condition":{"TagsOr":["x"],"AttrsAnd":{"city":"a"}}})",
    R"({"MsgRandom":1,"Condition":{"AttrsAnd":1,"AttrsOr":[]}})",
    R"({"MsgRandom":1,"Condition":{"AttrsAnd":{"a":1,"b":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"},"AttrsOr":{"c":2}}})",
    R"({"MsgRandom":1,"OfflinePushInfo":1})",
    R"({"MsgRandom":1,"OfflinePushInfo":{"PushFlag":2,"Title":1,"Desc":1,"Ext":1}})",
    R"({"MsgRandom":1,"OfflinePushInfo":{"PushFlag":"0","Ext":"not json"}})",
    R"({"MsgRandom":1,"OfflinePushInfo":{"AndroidInfo":1,"ApnsInfo":1}})",
    R"({"MsgRandom":1,"OfflinePushInfo":{"Desc":"d","AndroidInfo":{"Sound":1,"HuaWeiChannelID":1,"XiaoMiChannelID":1,
        "OPPOChannelID":1,"GoogleChannelID":1,"HuaWeiCategory":1,"VIVOClassification":5,"HuaWeiImportance":"HIGH",
        "ExtAsHuaweiIntentParam":"1"}}})",
    R"({"MsgRandom":1,"OfflinePushInfo":{"Desc":"d","AndroidInfo":{"HuaWeiImportance":3,"VIVOClassification":"x"},
        "ApnsInfo":{"Sound":1,"Title":1,"SubTitle":1,"Image":1,"BadgeMode":3,"MutableContent":"1"}}})",
    R"({"MsgRandom":1,"DataId":1})",
    R"({"MsgRandom":1,"DataId":"0123456789012345678901234567890123456789012345678901234567890123456789"})",
    R"({"MsgRandom":1,"OfflinePushInfo":{)",
    R"([1,2])",
};

}  // namespace

TEST_CASE("explain: every field the validator points at has an entry, in English and Chinese") {
  std::set<std::string> pointers;
  ValidationOptions names;
  names.attr_names = std::vector<std::string>{"city"};
  for (const char* body : broken_bodies) {
    for (const ValidationOptions& options : {ValidationOptions{}, names})
      for (const Issue& issue : validate_body(body, options).issues) pointers.insert(issue.pointer);
  }
  // The size rule, and Desc plus Ext over what APNs carries.
  const std::string long_ext(4000, 'x');
  for (const Issue& issue : validate_body(R"({"MsgRandom":1,"OfflinePushInfo":{"Desc":"d","Ext":")" + long_ext + "\"}}").issues)
    pointers.insert(issue.pointer);
  for (const Issue& issue : validate_body("{\"MsgRandom\":1,\"DataId\":\"" + std::string(11000, 'x') + "\"}").issues)
    pointers.insert(issue.pointer);
  // Enough different pointers that the bodies above do reach the checks they are meant for.
  CHECK(pointers.size() >= 35);
  CHECK(pointers.count("/Condition/TagsAnd/0"));
  CHECK(pointers.count("/Condition/AttrsAnd/b"));
  CHECK(pointers.count("/OfflinePushInfo/ApnsInfo/MutableContent"));
  for (const std::string& pointer : pointers) check_entry(explain_body(pointer), pointer);
}

TEST_CASE("explain: every field the device preview points at has an entry") {
  const char* bodies[] = {
      R"({"OfflinePushInfo":{"Title":"test","Desc":"test"}})",
      R"({"OfflinePushInfo":{"Title":"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十","Desc":"x",
          "AndroidInfo":{"HuaWeiImage":"http://a/b.png","HonorImage":"http://a/c.png","GoogleImage":"http://a/d.png",
          "VIVOCategory":"MARKETING","HuaWeiCategory":"MARKETING"},"ApnsInfo":{"Image":"http://a/e.png","Title":"t"}}})",
      R"({"OfflinePushInfo":{"Desc":"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
          "AndroidInfo":{"VIVOClassification":0}}})",
  };
  std::set<std::string> pointers;
  for (const char* body : bodies) {
    JsonReadResult read = read_json(body);
    REQUIRE(read.ok());
    DevicePreview preview = preview_devices(read.value);
    for (const auto& w : preview.common) pointers.insert(w.pointer);
    for (const auto& card : preview.platforms)
      for (const auto& w : card.warnings) pointers.insert(w.pointer);
  }
  CHECK(pointers.size() >= 6);
  for (const std::string& pointer : pointers) check_entry(explain_body(pointer), pointer);
}

TEST_CASE("explain: the query string's five parameters and a UserSig's fields") {
  for (const char* name : {"usersig", "identifier", "sdkappid", "random", "contenttype"})
    check_entry(explain_query(name), name);
  for (const char* name : {"TLS.ver", "TLS.identifier", "TLS.sdkappid", "TLS.time", "TLS.expire", "TLS.sig"})
    check_entry(explain_usersig(name), name);
  CHECK(explain_query("MsgRandom") == nullptr);
  CHECK(explain_usersig("TLS.other") == nullptr);
  // The fields the credentials panel has: a click on sdkappid, or on the UserSig's, goes there.
  CHECK(focus_id(*explain_query("sdkappid"), "sdkappid") == "?sdkappid");
  CHECK(focus_id(*explain_usersig("TLS.identifier"), "TLS.identifier") == "?identifier");
  CHECK(focus_id(*explain_query("random"), "random").empty());  // made for each send: no field
}

TEST_CASE("explain: every body field of reference.md sections 2 and 3 has an entry") {
  for (const char* pointer :
       {"", "/From_Account", "/MsgRandom", "/Condition", "/Condition/TagsAnd", "/Condition/TagsOr", "/Condition/TagsNot",
        "/Condition/AttrsAnd", "/Condition/AttrsOr", "/OfflinePushInfo", "/OfflinePushInfo/PushFlag", "/OfflinePushInfo/Title",
        "/OfflinePushInfo/Desc", "/OfflinePushInfo/Ext", "/OfflinePushInfo/AndroidInfo/Sound",
        "/OfflinePushInfo/AndroidInfo/HuaWeiChannelID", "/OfflinePushInfo/AndroidInfo/XiaoMiChannelID",
        "/OfflinePushInfo/AndroidInfo/OPPOChannelID", "/OfflinePushInfo/AndroidInfo/GoogleChannelID",
        "/OfflinePushInfo/AndroidInfo/VIVOClassification", "/OfflinePushInfo/AndroidInfo/HuaWeiImportance",
        "/OfflinePushInfo/AndroidInfo/ExtAsHuaweiIntentParam", "/OfflinePushInfo/AndroidInfo/HuaWeiCategory",
        "/OfflinePushInfo/AndroidInfo/PushStyle", "/OfflinePushInfo/AndroidInfo/HuaWeiImage",
        "/OfflinePushInfo/AndroidInfo/HonorImage", "/OfflinePushInfo/AndroidInfo/HonorImportance",
        "/OfflinePushInfo/AndroidInfo/GoogleImage", "/OfflinePushInfo/AndroidInfo/GooglePriority",
        "/OfflinePushInfo/AndroidInfo/OPPOCategory", "/OfflinePushInfo/AndroidInfo/OPPONotifyLevel",
        "/OfflinePushInfo/AndroidInfo/VIVOCategory", "/OfflinePushInfo/AndroidInfo/VIVONotifyType",
        "/OfflinePushInfo/AndroidInfo/MeiZuNoticeMsgType", "/OfflinePushInfo/ApnsInfo/Sound",
        "/OfflinePushInfo/ApnsInfo/BadgeMode", "/OfflinePushInfo/ApnsInfo/Title", "/OfflinePushInfo/ApnsInfo/SubTitle",
        "/OfflinePushInfo/ApnsInfo/Image", "/OfflinePushInfo/ApnsInfo/MutableContent", "/DataId"})
    check_entry(explain_body(pointer), pointer);
  CHECK(explain_body("/Condition/TagsOr/3") == explain_body("/Condition/TagsOr/*"));
  CHECK(explain_body("/Condition/TagsOr/3") != explain_body("/Condition/TagsOr"));
  CHECK(explain_body("/Unknown") == nullptr);
}

TEST_CASE("explain: every code an entry cites has a meaning in both languages") {
  size_t cited = 0;
  for (const FieldExplanation& entry : explanations()) {
    for (int code : entry.codes) {
      if (code == 0) break;
      ++cited;
      CAPTURE(code);
      CHECK_FALSE(code_meaning(code).en.empty());
      CHECK_FALSE(code_meaning(code).zh.empty());
    }
  }
  CHECK(cited > 60);
  CHECK(code_meaning(424242).en.empty());
}

TEST_CASE("explain: the platforms that read a field (vendors.md section 4)") {
  // XiaoMiChannelID: Xiaomi only. ApnsInfo: iOS only. Desc: every platform. MsgRandom: none.
  ExplanationText xiaomi = explanation_text(*explain_body("/OfflinePushInfo/AndroidInfo/XiaoMiChannelID"),
                                            "/OfflinePushInfo/AndroidInfo/XiaoMiChannelID");
  CHECK(xiaomi.platforms.en == "Xiaomi");
  CHECK(xiaomi.platforms.zh == "小米");
  ExplanationText push_style = explanation_text(*explain_body("/OfflinePushInfo/AndroidInfo/PushStyle"),
                                                "/OfflinePushInfo/AndroidInfo/PushStyle");
  CHECK(push_style.platforms.en == "Huawei, Honor, OPPO");
  CHECK(platforms_reading("/OfflinePushInfo/ApnsInfo/Sound").size() == 1);
  CHECK(platforms_reading("/OfflinePushInfo/Desc").size() == 8);
  CHECK(explanation_text(*explain_body("/MsgRandom"), "/MsgRandom").platforms.en.empty());
  // Where the form has it, and the rule cited by number.
  ExplanationText tag = explanation_text(*explain_body("/Condition/TagsAnd/1"), "/Condition/TagsAnd/1");
  CHECK(tag.where.en == "Form > Audience > Tags > TagsAnd");
  REQUIRE_FALSE(tag.rules.empty());
  CHECK(tag.rules[0].en.rfind("90040: ", 0) == 0);
}
