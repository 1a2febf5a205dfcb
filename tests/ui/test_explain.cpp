// The explained request, run natively: each span of the preview's JSON knows its field's
// pointer; with Explain on the URL shows a line per query parameter; a click on an explained
// query parameter or UserSig field focuses its credentials field, as a Checks entry does.
#include <doctest/doctest.h>

#include <string>

#include "core/push_request.h"
#include "harness.h"
#include "ui/explain_panels.h"
#include "ui/json_paths.h"

using namespace timpush;
using timpush::ui::test::Harness;

namespace {

// The pointer of the span whose text is `piece` (the n-th such span).
std::string pointer_of(const std::string& text, const std::string& piece, int nth = 0) {
  std::vector<ui::JsonSpan> spans = ui::tokenize_json(text);
  std::vector<std::string> pointers = ui::json_span_pointers(text, spans);
  REQUIRE(pointers.size() == spans.size());
  for (size_t i = 0; i < spans.size(); ++i)
    if (text.compare(spans[i].begin, spans[i].end - spans[i].begin, piece) == 0 && nth-- == 0) return pointers[i];
  return "<not found>";
}

}  // namespace

TEST_CASE("explain: each key and value of the preview names its field") {
  core::ParsedRequest parsed = core::parse_push_request(
      R"({"MsgRandom":7,"Condition":{"TagsOr":["股票A","股票B"],"AttrsAnd":{"ci/ty":"深圳"}},
          "OfflinePushInfo":{"Title":"t","ApnsInfo":{"Sound":"a.mp3"}}})");
  REQUIRE(parsed.request);
  const std::string pretty = core::serialize_pretty(*parsed.request);
  CHECK(pointer_of(pretty, "\"MsgRandom\"") == "/MsgRandom");
  CHECK(pointer_of(pretty, "7") == "/MsgRandom");
  CHECK(pointer_of(pretty, "\"TagsOr\"") == "/Condition/TagsOr");
  CHECK(pointer_of(pretty, "\"股票A\"") == "/Condition/TagsOr/0");
  CHECK(pointer_of(pretty, "\"股票B\"") == "/Condition/TagsOr/1");
  CHECK(pointer_of(pretty, "\"ci/ty\"") == "/Condition/AttrsAnd/ci~1ty");  // RFC 6901 escapes "/"
  CHECK(pointer_of(pretty, "\"深圳\"") == "/Condition/AttrsAnd/ci~1ty");
  CHECK(pointer_of(pretty, "\"a.mp3\"") == "/OfflinePushInfo/ApnsInfo/Sound");
  CHECK(pointer_of(pretty, "\"Title\"") == "/OfflinePushInfo/Title");
  // Punctuation between values names nothing; a broken text keeps what it reached.
  CHECK(pointer_of(pretty, ",").empty());
  CHECK(pointer_of("{\"MsgRandom\": [1, ", "1") == "/MsgRandom/0");
}

TEST_CASE("explain: the URL shows a line per query parameter, and a click goes to its field") {
  Harness h;
  h.frames(2);
  h.answer_sandbox_app("Zq9-demo-SECRET-k3y-771");
  h.frames(2);
  CHECK(h.drawn.find("&identifier=administrator&sdkappid=") != std::string::npos);  // off: one text
  h.state.explain.on = true;
  h.frames(2);
  CHECK(h.drawn.find("&identifier=administrator&sdkappid=") == std::string::npos);
  CHECK(h.drawn.find("&identifier=administrator") != std::string::npos);
  CHECK(h.drawn.find("&contenttype=json") != std::string::npos);
  CHECK(h.drawn.find("Zq9-demo") == std::string::npos);  // the SecretKey never shows

  ui::go_to_explained_field(h.state, core::ExplainScope::query, "sdkappid");
  CHECK(h.state.focus.pointer == "?sdkappid");
  bool focused = false;
  for (int i = 0; i < 6 && !focused; ++i) focused = h.frame().wants_text_input;
  CHECK(focused);
  CHECK(h.state.focus.pointer.empty());
  // random and contenttype are made by the page: no field to go to.
  ui::go_to_explained_field(h.state, core::ExplainScope::query, "random");
  CHECK(h.state.focus.pointer.empty());
  // A decoded UserSig's identifier goes to the identifier field.
  ui::go_to_explained_field(h.state, core::ExplainScope::usersig, "TLS.identifier");
  CHECK(h.state.focus.pointer == "?identifier");
}
