// The composer's panels, one source file each. Each draws into the current ImGui window from
// AppState and edits it; none calls the platform (intents go through AppState queues).
#pragma once

#include "ui/app_state.h"

namespace timpush::ui {

void draw_credentials(AppState& state);    // panel_credentials.cpp
void draw_composer(AppState& state);       // panel_composer.cpp
void draw_raw_json(AppState& state);       // panel_raw_json.cpp
void draw_preview(AppState& state);        // panel_preview.cpp
void draw_device(AppState& state);         // panel_device.cpp
void draw_checks(AppState& state);         // panel_checks.cpp
void draw_response(AppState& state);       // panel_response.cpp
void draw_error_codes(AppState& state);    // panel_error_codes.cpp
void draw_drafts(AppState& state);         // panel_drafts.cpp
void draw_templates(AppState& state);      // panel_templates.cpp
void draw_history(AppState& state);        // panel_history.cpp
void draw_follow(AppState& state);         // panel_follow.cpp (the Follow place)
void draw_schedules(AppState& state);      // panel_schedules.cpp (the Schedules place)
// The send mode's choice and its field (accounts or time), at the top of the form (panel_schedules.cpp).
void draw_send_mode(AppState& state);
void draw_app_data(AppState& state);       // panel_app_data.cpp (the App data place)
// The confirmations before a send (panel_confirm.cpp): a push to every user, enabled once the
// SDKAppID typed matches, and the first send to a host. Each returns true when its send button was
// pressed, as the top bar's Send does; the frame then calls the send flow.
bool draw_confirm(AppState& state);
bool draw_host_confirm(AppState& state);

// Asks the form to bring the field of a JSON pointer into view and focus (panel_checks.cpp).
void request_focus(AppState& state, const std::string& pointer);
// Called once per frame after drawing: picks the widget for a pending focus request.
void resolve_focus(AppState& state);

}  // namespace timpush::ui
