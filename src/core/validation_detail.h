// What the validator's parts share (validation.cpp walks the body and its Condition,
// validation_offline.cpp the notification fields): the list issues are added to, and how values
// read in messages. Internal to the validator; nothing else includes it.
#pragma once

#include <string>

#include "core/json.h"
#include "core/validation.h"

namespace timpush::core::validation_detail {

// Validation needs no depth limit (it never recurses into unknown values), only the guard
// against objects so wide that ordered_json's linear key lookup would take seconds.
constexpr JsonLimits validation_limits{0, 10000};

std::string num(size_t n);
// How a JSON value's type reads in a message.
Phrase type_words(const Json& v);
std::string type_en(const Json& v);
std::string type_zh(const Json& v);
// A short, printable excerpt of a value for messages (never the whole of a long string).
std::string excerpt(const Json& v);
inline bool is_integer(const Json& v) { return v.is_number_integer(); }  // signed or unsigned

class Issues {
public:
  void add(int code, Severity severity, std::string pointer, std::string en, std::string zh,
           int line = 0, int column = 0);
  void wrong_type(const std::string& pointer, const std::string& field, const Json& v,
                  const std::string& want_en, const std::string& want_zh, int code = local_code::wrong_type);

  ValidationReport report;
};

// The issues of OfflinePushInfo and its AndroidInfo and ApnsInfo (validation_offline.cpp).
void offline_push_info(Issues& out, const std::string& ptr, const Json& info);

}  // namespace timpush::core::validation_detail
