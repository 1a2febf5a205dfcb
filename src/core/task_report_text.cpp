// The words of task_report.h: the enum names of task-apis.md section 3 and what each loss code
// means with its fix (section 5; the wording of the fixes is ours). The sandbox's own codes
// (-3, -4, -5) are marked as such, since Tencent documents no code for those cases.
#include <string>

#include "core/task_report.h"
#include "core/text_util.h"

namespace timpush::core {

namespace {

struct LossText {
  std::string_view code;
  Phrase meaning;
  Phrase fix;
};

const LossText loss_table[] = {
    {"-1",
     {"No certificate id is set for this platform.", "该平台没有设置证书 ID。"},
     {"Add the vendor's certificate in the IM console and pass its id when the client registers "
      "for push.",
      "在即时通信控制台添加该厂商的证书,并在客户端注册推送时传入证书 ID。"}},
    {"-2",
     {"The device never uploaded its push token.", "设备从未上传推送 token。"},
     {"Check the client's push registration: it must finish registerPush after login.",
      "检查客户端的推送注册:登录后必须完成 registerPush。"}},
    {"1",
     {"The vendor says the device id (regid) is invalid.", "厂商认为设备 ID(regid)无效。"},
     {"The app was reinstalled or the id expired; the user must open the app again to upload a "
      "new one.",
      "应用被重装或 ID 已过期;用户需重新打开应用以上传新的 ID。"}},
    {"410",
     {"APNs: the device token is no longer active (Unregistered).",
      "APNs:设备 token 已失效(Unregistered)。"},
     {"The app was removed or the token expired; drop the token.",
      "应用已被删除或 token 已过期;不要再向该 token 推送。"}},
    {"-3",
     {"The vendor's daily cap on marketing messages for this device was reached (a sandbox "
      "code).",
      "该设备已达到厂商对营销类消息的每日上限(沙箱错误码)。"},
     {"Send service messages in the service class (HuaWeiCategory, HonorImportance NORMAL, "
      "XiaoMiChannelID, OPPOCategory IM), or mark operational pushes with Classification 1.",
      "服务类消息请使用服务与通讯类别(HuaWeiCategory、HonorImportance NORMAL、XiaoMiChannelID、"
      "OPPOCategory IM),运营类推送可设置 Classification 为 1。"}},
    {"-4",
     {"vivo sends operational messages only from 07:00 to 23:00 (a sandbox code).",
      "vivo 只在 07:00 至 23:00 下发运营消息(沙箱错误码)。"},
     {"Send operational pushes to vivo during the day, or use VIVOCategory IM for system "
      "messages.",
      "在白天向 vivo 发送运营消息,或对系统消息使用 VIVOCategory IM。"}},
    {"-5",
     {"The push was revoked before it reached the device (a sandbox code).",
      "推送在送达设备前已被撤回(沙箱错误码)。"},
     {"Nothing to do: this is what the revoke asked for.", "无需处理:这正是撤回的效果。"}},
};

}  // namespace

Words platform_name(int64_t push_platform) {
  static const Phrase names[] = {
      {"online (no vendor)", "在线推送(不区分厂商)"}, {"APNs", "APNs"}, {"Xiaomi", "小米"},
      {"Huawei", "华为"}, {"FCM", "FCM"}, {"Meizu", "魅族"}, {"OPPO", "OPPO"},
      {"vivo", "vivo"}, {"Honor", "荣耀"}};
  if (push_platform >= 0 && push_platform <= 8) return names[push_platform];
  return {"platform " + std::to_string(push_platform), "平台 " + std::to_string(push_platform)};
}

Words event_type_name(int64_t event_type) {
  if (event_type == 1) return Phrase{"offline push", "离线推送"};
  if (event_type == 2) return Phrase{"online push", "在线推送"};
  return {"event type " + std::to_string(event_type), "事件类型 " + std::to_string(event_type)};
}

Words stage_name(StageKind stage) {
  switch (stage) {
    case StageKind::im: return Phrase{"IM", "IM 提交"};
    case StageKind::offline: return Phrase{"offline push", "离线推送"};
    case StageKind::channel: return Phrase{"vendor channel", "厂商通道"};
    case StageKind::device: return Phrase{"device", "设备"};
    case StageKind::click: return Phrase{"click", "点击"};
  }
  return Phrase{"stage", "阶段"};
}

LossExplanation explain_loss(std::string_view err_code, std::string_view err_info) {
  for (const auto& entry : loss_table) {
    if (entry.code == err_code) return {entry.meaning, entry.fix, true};
  }
  // Both come from the answer: shown short and as UTF-8 whatever arrived.
  const std::string code = valid_utf8(utf8_prefix(err_code, 32));
  const std::string info =
      err_info.empty() ? std::string() : " (" + valid_utf8(utf8_prefix(err_info, 200)) + ")";
  return {{"Vendor code " + code + info + ", passed through unchanged.",
           "厂商错误码 " + code + info + ",原样透传。"},
          {"Look the code up in the vendor's push documentation.",
           "请在该厂商的推送文档中查询此错误码。"},
          false};
}

}  // namespace timpush::core
