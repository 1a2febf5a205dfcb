// The device preview (core/device_preview.h) as the CLI prints it: the cards of `timpush preview`
// and the device warnings `timpush validate` adds after its issues. Standard library only.
#pragma once

#include <optional>
#include <ostream>

#include "core/device_preview.h"
#include "core/json.h"
#include "core/words.h"

namespace timpush::cli {

// One block a platform: its name and class, the title, subtitle and text as shown collapsed and
// expanded, the image slot, the fields it reads and ignores, then its warnings.
void print_preview(std::ostream& out, const core::DevicePreview& preview, core::Lang lang,
                   std::optional<core::Platform> only);
Json preview_json(const core::DevicePreview& preview, core::Lang lang, std::optional<core::Platform> only);

// Every device warning as "device PLATFORM CODE POINTER: message" ("all" for the common ones),
// and the same as JSON items {platform, code, hard, pointer, message}.
void print_device_warnings(std::ostream& out, const core::DevicePreview& preview, core::Lang lang);
Json device_warnings_json(const core::DevicePreview& preview, core::Lang lang);

}  // namespace timpush::cli
