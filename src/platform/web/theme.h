// The UI font's size, for the font loader. The style itself is the UI's (ui/theme.h): it follows
// the theme setting, the system's colour scheme and the pointer, which the platform reports.
#pragma once

#include "ui/theme.h"

namespace timpush::web {

using ui::kUiFontSize;

}  // namespace timpush::web
