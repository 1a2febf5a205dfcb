// The Follow place's sections, drawn by draw_follow (panel_follow.cpp) in this order: the funnel
// there, then the loss reasons, a user's trace and revoke (panel_follow_more.cpp).
#pragma once

#include "core/response.h"
#include "ui/app_state.h"

namespace timpush::ui {

void draw_loss(AppState& state);
void draw_trace(AppState& state);
void draw_revoke(AppState& state);
// A refused answer: its summary, and its ErrorCode with the catalogue's meaning and fix.
void draw_answer_failure(AppState& state, const core::PushResponse& answer);

}  // namespace timpush::ui
