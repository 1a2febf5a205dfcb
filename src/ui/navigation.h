// Where the operator is: the places of the page (Compose and its panes, Follow, Schedules, App
// data, Learn, History, Drafts, Templates, Error codes, Help), their names in the URL fragment, and
// the back/forward list that mirrors the browser's history. No ImGui, no browser: panel_nav.cpp
// draws it, the platform carries the fragment intents out and reports popstate/hashchange.
//
// Decisions:
// - The fragment names the place: "#view=history". Compose with its form is the page's plain URL
//   (no fragment), so a share link ("#draft=...", core/share_link.h) and a plain visit both open
//   on the composer, and the composer's panes have names of their own ("#view=preview", "device",
//   "checks", "response"): on a phone, Back from the preview returns to the form.
// - A fragment this page does not know (a typo, a newer page's place) opens the composer.
// - A trainer's link "#lesson=ID" opens the Learn place on that lesson (learn_flow.h); it names
//   a lesson and nothing else.
// - A share link's fragment is no place: it is read once at start (keeping.cpp) and dropped.
// - Changing place pushes a browser history entry; a popstate or hashchange moves back or
//   forward in the list when it names the neighbouring place, else it is a new entry (a fragment
//   typed or a link followed inside the page).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/text.h"

namespace timpush::ui {

enum class View { compose, follow, schedules, app_data, learn, history, drafts, templates, error_codes, help };
// The composer's own panes. Beside the form on a wide page, one at a time on a narrow one.
enum class Pane { form, preview, device, checks, response };

struct Location {
  View view = View::compose;
  Pane pane = Pane::form;  // only meaningful for View::compose
  bool operator==(const Location& o) const { return view == o.view && (view != View::compose || pane == o.pane); }
  bool operator!=(const Location& o) const { return !(*this == o); }
};

// One place of the navigation: its view, its name in the fragment, and its label.
struct Place {
  View view;
  const char* name;  // "history" in "#view=history"
  Text label;
};
// Every place, in the order the navigation shows them.
const std::vector<Place>& places();
const Place& place_of(View view);

// "" for the composer's form, "#view=<name>" otherwise.
std::string fragment_for(const Location& where);
// The place a fragment, a whole URL, or "view=<name>" names; the composer for anything else
// (no fragment, a share link, an unknown name).
Location location_from(std::string_view url_or_fragment);

struct Navigation {
  std::vector<Location> entries{Location{}};  // this page's history, as far as it knows it
  size_t index = 0;                            // the entry shown
  std::optional<std::string> queued_push;      // a fragment to push, for the next frame's intents
  const Location& here() const { return entries[index]; }
};

// Starts where the page's URL says (a share link or no fragment: the composer).
void start_at(Navigation& nav, std::string_view page_url);
// The user went somewhere: a new entry after the current one (forward entries go, as a
// browser's do) and a fragment to push. Going where one already is does nothing.
void navigate(Navigation& nav, const Location& to);
// The browser moved to this fragment (back, forward, or a fragment typed): no push.
void on_location(Navigation& nav, std::string_view fragment);
bool can_go_back(const Navigation& nav);
// The lesson a "#lesson=ID" link names ("" for any other URL or a name that is not a lesson id).
std::string lesson_in_link(std::string_view url_or_fragment);

}  // namespace timpush::ui
