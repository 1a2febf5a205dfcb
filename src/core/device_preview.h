// The push as each platform will show it: iOS through APNs and the seven Android channels Tencent
// pushes through (Huawei, Honor, Xiaomi, OPPO, vivo, Meizu, FCM). One pure function of the body:
// per platform the title, subtitle and body as shown collapsed and expanded, where each is cut
// and why, the fields it uses and drops, its image slot, its delivery class (silent or not) and
// its warnings, each with a local code and the field it points at.
//
// The facts and their sources are in ../shared/spec/vendors.md (cited by section below). Where
// the documents are silent these are our choices, written once here:
// - Hard limits are the first table of vendors.md §2 (vendor documents or their copies): over
//   one, the vendor refuses the push on its channel; a warning, never a block (§0: a vendor limit
//   affects one channel). Soft limits are the smallest aggregator number: "may be cut".
// - Display cuts are ours: iOS shows a title of width 40 and a banner body of width 62 (31 CJK,
//   the aggregator hints of §3), and all of it expanded. An Android shade line holds width 40;
//   collapsed shows one line of each, expanded two lines of body, or all of it with the long-text
//   style where the vendor has one (§6), up to Android's 1024 characters (§1).
// - Payload estimates build the JSON each channel would carry from the fields set (§8) and warn
//   above 3.5 KB; above 4096 bytes the channel refuses it.
// - Delivery classes follow §7; a class that is not set is the vendor's default: marketing on
//   Huawei, Honor and OPPO, Meizu's 公信, vivo's system class (VIVOClassification defaults to 1).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/device_text.h"
#include "core/json.h"
#include "core/words.h"

namespace timpush::core {

enum class Platform { apns, huawei, honor, xiaomi, oppo, vivo, meizu, fcm };
constexpr Platform all_platforms[] = {Platform::apns, Platform::huawei, Platform::honor, Platform::xiaomi,
                                      Platform::oppo, Platform::vivo, Platform::meizu, Platform::fcm};
std::string_view platform_id(Platform platform);  // "apns", "huawei", ... (the CLI's --platform)
std::optional<Platform> platform_from_id(std::string_view id);
Phrase platform_name(Platform platform);

// Local codes of the device warnings; they continue validation.h's local_code numbering, outside
// the server's ranges.
namespace device_code {
constexpr int title_refused = 21;     // over a vendor's hard title limit
constexpr int body_refused = 22;      // over a vendor's hard body limit
constexpr int may_be_cut = 23;        // over a soft (aggregator) limit
constexpr int payload_refused = 24;   // a channel's payload estimate over 4096 bytes
constexpr int payload_near = 25;      // the estimate over 3.5 KB
constexpr int channel_missing = 26;   // OPPO or Xiaomi channel ID empty: nothing on Android 8+
constexpr int silent_class = 27;      // a marketing class: delivered silently, shade only
constexpr int image_dropped = 28;     // an image this platform does not show
constexpr int image_not_https = 29;   // an image URL that is not public HTTPS
constexpr int test_like_text = 30;    // text vendors filter as trivial
constexpr int title_is_desc = 31;     // Title equal to Desc (Huawei's rules forbid it)
constexpr int ext_over_advice = 32;   // Ext over Tencent's advised 1 KB
constexpr int text_required = 33;     // a vendor that needs a non-blank title or body
constexpr int night_window = 34;      // vivo shows operational messages 07:00-23:00 only
}  // namespace device_code

struct DeviceWarning {
  int code = 0;
  bool hard = false;     // the vendor refuses or drops: drawn as an error on its card
  std::string pointer;   // the field to fix ("" for the whole push)
  Words message;
};

// One text as a platform draws it.
struct ShownText {
  std::string pointer;   // where it comes from (e.g. /OfflinePushInfo/ApnsInfo/Title)
  std::string text;      // the value
  TextCount count;
  CutText collapsed;
  CutText expanded;
  Words why_cut;         // empty when nothing is cut
};

struct PlatformPreview {
  Platform platform = Platform::apns;
  bool shows_notification = true;  // false: online only (PushFlag 1), or no title and no Desc
  ShownText title;
  std::optional<ShownText> subtitle;  // iOS only
  ShownText body;
  bool long_text = false;       // expanded shows the whole body
  enum class Image { none, shown, dropped } image = Image::none;
  std::string image_url;
  bool silent = false;          // no sound, banner or lock screen: a marketing class
  Words delivery_class;         // the class the push falls into and its daily cap; empty: none
  std::vector<std::string> uses;   // pointers of set fields this platform reads
  std::vector<std::string> drops;  // pointers of set fields it ignores
  size_t payload_bytes = 0;     // APNs, FCM, Huawei: the estimate; 0 for the others
  Counter counter = Counter::chars;  // how this platform counts its limits (width: CJK as 2)
  std::vector<DeviceWarning> warnings;
};

struct DevicePreview {
  std::vector<PlatformPreview> platforms;  // in all_platforms order
  std::vector<DeviceWarning> common;       // about the push on every platform
};

// The platforms that read the field at a body pointer (vendors.md section 4): an ApnsInfo field
// iOS, an AndroidInfo field the Android channels the field table names, Title, Desc, Ext and
// PushFlag all of them; none for a field no platform reads (Condition, MsgRandom: the service's).
std::vector<Platform> platforms_reading(std::string_view pointer);

// The body as parsed (a JSON object; anything else gives every card "no notification").
DevicePreview preview_devices(const Json& body);

}  // namespace timpush::core
