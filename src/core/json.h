// The JSON type of the core: nlohmann's ordered_json, so documents keep the order they were
// written in (the docs' order when we emit, the user's order when we round-trip a paste).
#pragma once

#include <nlohmann/json.hpp>

namespace timpush {
using Json = nlohmann::ordered_json;
}
