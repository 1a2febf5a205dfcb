// The page's look: a calm Dear ImGui style in a light and a dark palette, with larger tap targets
// for a finger, and the device's theme setting (system, light, dark). The style is ImGui's; the
// setting's rule and storage are plain (theme.cpp). The UI applies the style itself when the
// theme or the pointer changes, so the platform only reports what the system prefers.
#pragma once

#include "ui/app_state.h"

namespace timpush::ui {

constexpr float kUiFontSize = 15.0f;  // CSS pixels; 1.92 rasterises at the device pixel ratio
// A finger's target: frames at least this high (CSS px) when the pointer is coarse.
constexpr float kTouchTargetHeight = 40.0f;

// Storage key of the theme setting: "system", "light" or "dark".
inline constexpr const char* theme_key = "timpush.theme";

// Sets the whole ImGui style: palette, paddings, spacings.
void apply_style(bool dark, bool touch);
// The theme to draw: the setting, or the system's preference when the setting follows it.
bool wants_dark(ThemeSetting setting, bool system_dark);
const char* theme_setting_name(ThemeSetting setting);
ThemeSetting theme_setting_from(const std::string& stored);
// Reads the setting from the stored keys at start; the switch stores it (queue_storage_write).
void load_theme_setting(AppState& state, const StartupInfo& info);
void set_theme_setting(AppState& state, ThemeSetting setting);
// Before a frame draws: the style follows the setting, the system and the pointer.
void update_style(AppState& state);

}  // namespace timpush::ui
