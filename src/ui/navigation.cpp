// The places of the page, their fragment names, and the back/forward list (see navigation.h).
#include "ui/navigation.h"

#include "core/lesson.h"

namespace timpush::ui {
namespace {

constexpr std::string_view view_key = "view=";
constexpr std::string_view lesson_key = "lesson=";

// The composer's panes share the compose view; their names live here, next to the places'.
struct PaneName {
  Pane pane;
  const char* name;
};
constexpr PaneName pane_names[] = {
    {Pane::preview, "preview"}, {Pane::device, "device"}, {Pane::checks, "checks"}, {Pane::response, "response"}};

}  // namespace

const std::vector<Place>& places() {
  static const std::vector<Place> all = {
      {View::compose, "compose", txt::place_compose},
      {View::follow, "follow", txt::place_follow},
      {View::schedules, "schedules", txt::place_schedules},
      {View::app_data, "app-data", txt::place_app_data},
      {View::learn, "learn", txt::place_learn},
      {View::history, "history", txt::tab_history},
      {View::drafts, "drafts", txt::tab_drafts},
      {View::templates, "templates", txt::tab_templates},
      {View::error_codes, "error-codes", txt::tab_error_codes},
      {View::help, "help", txt::place_help},
  };
  return all;
}

const Place& place_of(View view) {
  for (const Place& p : places())
    if (p.view == view) return p;
  return places().front();
}

std::string fragment_for(const Location& where) {
  if (where.view == View::compose) {
    for (const PaneName& p : pane_names)
      if (p.pane == where.pane) return std::string("#view=") + p.name;
    return {};
  }
  return std::string("#view=") + place_of(where.view).name;
}

Location location_from(std::string_view text) {
  size_t hash = text.find('#');
  if (hash != std::string_view::npos) text.remove_prefix(hash + 1);
  if (text.substr(0, lesson_key.size()) == lesson_key) return Location{View::learn, Pane::form};
  if (text.substr(0, view_key.size()) != view_key) return Location{};
  std::string_view name = text.substr(view_key.size());
  // Room for later parameters ("view=history&task=..."): the name ends at the first '&'.
  name = name.substr(0, name.find('&'));
  for (const PaneName& p : pane_names)
    if (name == p.name) return Location{View::compose, p.pane};
  for (const Place& p : places())
    if (name == p.name) return Location{p.view, Pane::form};
  return Location{};
}

void start_at(Navigation& nav, std::string_view page_url) {
  nav = Navigation{};
  nav.entries.front() = location_from(page_url);
}

void navigate(Navigation& nav, const Location& to) {
  if (to == nav.here()) return;
  nav.entries.resize(nav.index + 1);
  nav.entries.push_back(to);
  nav.index = nav.entries.size() - 1;
  nav.queued_push = fragment_for(to);
}

void on_location(Navigation& nav, std::string_view fragment) {
  const Location to = location_from(fragment);
  if (to == nav.here()) return;
  if (nav.index > 0 && nav.entries[nav.index - 1] == to) {
    --nav.index;
  } else if (nav.index + 1 < nav.entries.size() && nav.entries[nav.index + 1] == to) {
    ++nav.index;
  } else {
    nav.entries.resize(nav.index + 1);
    nav.entries.push_back(to);
    nav.index = nav.entries.size() - 1;
  }
}

bool can_go_back(const Navigation& nav) { return nav.index > 0; }

std::string lesson_in_link(std::string_view url_or_fragment) {
  const size_t hash = url_or_fragment.find('#');
  if (hash == std::string_view::npos) return {};
  std::string_view text = url_or_fragment.substr(hash + 1);
  if (text.substr(0, lesson_key.size()) != lesson_key) return {};
  text = text.substr(lesson_key.size());
  text = text.substr(0, text.find('&'));
  // Only a lesson id's characters: the link is typed or pasted by people, and carries no secret.
  return core::is_lesson_id(text) ? std::string(text) : std::string();
}

}  // namespace timpush::ui
