// How the core's readers of the task APIs' answers read a document (task_report.cpp,
// app_report.cpp, sched_report.cpp): the envelope by read_push_response's rules, and members read
// tolerantly, so a number sent as a string or a field of another type never fails a reader.
// Internal to the core's readers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/json.h"
#include "core/response.h"
#include "core/words.h"

namespace timpush::core::answer_read {

// Reading an answer stays cheap whatever arrives: the documents' answers nest 5 levels deep
// (a scheduled task's Content a few more).
constexpr JsonLimits answer_limits{64, 10000};

std::string dump(const Json& doc);

// An integer, or a string of one (relays and older services are not always strict).
std::optional<int64_t> loose_int(const Json& object, const char* key);
// A string, or the digits of a number.
std::string loose_text(const Json& object, const char* key);

// The envelope by read_push_response, and the document itself when the answer is an object.
struct Read {
  PushResponse envelope;
  Json doc;
};
// `done` becomes the envelope's summary when the answer is a success.
Read read_answer(int http_status, std::string_view body, const Words& done);

// The member when it is an array, else an empty array.
const Json& array_of(const Json& object, const char* key);

}  // namespace timpush::core::answer_read
