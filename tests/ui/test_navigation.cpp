// The navigation's logic: each place's fragment both ways (navigation.h's decisions), share links
// and unknown names opening the composer, and the back/forward list the browser's Back follows.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "ui/navigation.h"

using timpush::ui::Location;
using timpush::ui::Navigation;
using timpush::ui::Pane;
using timpush::ui::View;
namespace ui = timpush::ui;

TEST_CASE("each place has the fragment navigation.h names, and reads back from it") {
  // The names as the decision list writes them; a link made by one page opens the same place in another.
  const std::pair<Location, const char*> named[] = {
      {{View::compose, Pane::form}, ""},
      {{View::compose, Pane::preview}, "#view=preview"},
      {{View::compose, Pane::checks}, "#view=checks"},
      {{View::compose, Pane::response}, "#view=response"},
      {{View::follow, Pane::form}, "#view=follow"},
      {{View::schedules, Pane::form}, "#view=schedules"},
      {{View::app_data, Pane::form}, "#view=app-data"},
      {{View::learn, Pane::form}, "#view=learn"},
      {{View::history, Pane::form}, "#view=history"},
      {{View::drafts, Pane::form}, "#view=drafts"},
      {{View::templates, Pane::form}, "#view=templates"},
      {{View::error_codes, Pane::form}, "#view=error-codes"},
      {{View::help, Pane::form}, "#view=help"},
  };
  for (const auto& [where, fragment] : named) {
    CAPTURE(fragment);
    CHECK(ui::fragment_for(where) == fragment);
    CHECK(ui::location_from(fragment) == where);
  }
  // Every place the navigation shows has a distinct name.
  std::set<std::string> names;
  for (const ui::Place& p : ui::places()) names.insert(p.name);
  CHECK(names.size() == ui::places().size());
  CHECK(ui::places().size() == 10);
}

TEST_CASE("a whole URL, a bare view= and later parameters name the place; anything else is the composer") {
  CHECK(ui::location_from("http://127.0.0.1:8080/?x=1#view=history") == Location{View::history, Pane::form});
  CHECK(ui::location_from("view=help") == Location{View::help, Pane::form});
  CHECK(ui::location_from("#view=templates&task=abc") == Location{View::templates, Pane::form});
  // A share link is read by keeping.cpp; as a place it is the composer's form.
  CHECK(ui::location_from("http://127.0.0.1:8080/#draft=eJyrVg") == Location{});
  CHECK(ui::location_from("#view=nowhere") == Location{});
  CHECK(ui::location_from("#view=") == Location{});
  CHECK(ui::location_from("http://127.0.0.1:8080/") == Location{});
  CHECK(ui::location_from("#View=history") == Location{});  // names are exact
}

TEST_CASE("a trainer's #lesson=ID link opens the Learn place and names only a lesson id") {
  CHECK(ui::location_from("http://127.0.0.1:8080/#lesson=no-mixing") == Location{View::learn, Pane::form});
  CHECK(ui::lesson_in_link("http://127.0.0.1:8080/#lesson=no-mixing") == "no-mixing");
  CHECK(ui::lesson_in_link("#lesson=tags-or&x=1") == "tags-or");
  // Not a lesson id: nothing to open (the place still opens, on the list).
  CHECK(ui::lesson_in_link("#lesson=../../etc") == "");
  CHECK(ui::lesson_in_link("#lesson=Tags") == "");
  CHECK(ui::lesson_in_link("#lesson=") == "");
  CHECK(ui::lesson_in_link("#view=learn") == "");
  CHECK(ui::lesson_in_link("http://127.0.0.1:8080/?lesson=tags-or") == "");
}

TEST_CASE("navigating pushes one entry; Back and Forward walk the list without pushing") {
  Navigation nav;
  ui::start_at(nav, "http://127.0.0.1:8080/");
  CHECK(nav.here() == Location{});
  CHECK_FALSE(ui::can_go_back(nav));

  ui::navigate(nav, {View::history, Pane::form});
  REQUIRE(nav.queued_push);
  CHECK(*nav.queued_push == "#view=history");
  nav.queued_push.reset();
  ui::navigate(nav, {View::history, Pane::form});  // already there: no entry
  CHECK_FALSE(nav.queued_push);
  ui::navigate(nav, {View::compose, Pane::preview});
  CHECK(*nav.queued_push == "#view=preview");
  nav.queued_push.reset();
  CHECK(nav.entries.size() == 3);

  // The browser's Back: the previous entry's fragment arrives.
  ui::on_location(nav, "#view=history");
  CHECK(nav.here() == Location{View::history, Pane::form});
  CHECK_FALSE(nav.queued_push);
  ui::on_location(nav, "");
  CHECK(nav.here() == Location{});
  CHECK_FALSE(ui::can_go_back(nav));
  // Forward twice.
  ui::on_location(nav, "#view=history");
  ui::on_location(nav, "#view=preview");
  CHECK(nav.here() == Location{View::compose, Pane::preview});
  CHECK(nav.index == 2);

  // Back, then somewhere new: the forward entry goes, as in a browser.
  ui::on_location(nav, "#view=history");
  ui::navigate(nav, {View::drafts, Pane::form});
  CHECK(nav.entries.size() == 3);
  CHECK(nav.entries.back() == Location{View::drafts, Pane::form});
  // A fragment typed that is no neighbour is a new entry after the current one.
  ui::on_location(nav, "#view=help");
  CHECK(nav.here() == Location{View::help, Pane::form});
  CHECK(nav.entries.size() == 4);
}

TEST_CASE("the page starts where its URL says; a share link starts on the composer") {
  Navigation nav;
  ui::start_at(nav, "http://127.0.0.1:8080/#view=error-codes");
  CHECK(nav.here() == Location{View::error_codes, Pane::form});
  CHECK_FALSE(nav.queued_push);  // the entry is the browser's already
  ui::start_at(nav, "http://127.0.0.1:8080/#draft=eJyrVg");
  CHECK(nav.here() == Location{});
}
