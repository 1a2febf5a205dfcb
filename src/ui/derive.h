// What the form turns into: the exact body (the raw JSON text while it does not parse), its checks
// and pretty form, the audience that matches a Condition, the raw JSON mode, and MsgRandom.
#pragma once

#include <string>

#include "ui/app_state.h"

namespace timpush::ui {

// Brings `state.derived` up to date: target and UserSig (cheap, they compare their inputs), and
// after an edit the body, then its checks and pretty text when the body's bytes changed.
void refresh_derived(AppState& state);

// The body as the user has it: the raw text while it does not parse, else the form's body.
std::string current_body(const AppState& state);
// Puts a body into the form (or, when it does not parse, into the raw JSON tab).
void load_body(AppState& state, const std::string& body);

// Audience that matches a request's Condition (used after a paste of raw JSON).
Audience infer_audience(const core::PushRequest& request);
void set_audience(AppState& state, Audience audience);

// Raw JSON text edited: read it into the form when it parses.
void apply_raw_text(AppState& state);
void enter_raw_mode(AppState& state);
// The check saying where the Raw JSON text stops being JSON (90001, with line and column), from
// the derived report; nullptr while the text parses or the check has no place.
const core::Issue* raw_json_error(const AppState& state);
// Puts the Raw JSON field's caret at that place.
void go_to_raw_error(AppState& state);

// A new MsgRandom (fresh_random of this frame; never 0 so it cannot read as "unset").
void regenerate_msg_random(AppState& state);

}  // namespace timpush::ui
