#include "server/task_id.h"

#include <cinttypes>
#include <cstdio>

namespace timpush::server {

std::string make_task_id(int64_t unix_seconds, uint32_t sdkappid, uint64_t counter,
                         uint32_t msg_random, uint32_t random) {
  char buf[96];
  uint64_t serial = (uint64_t{2} << 56) | (counter & ((uint64_t{1} << 56) - 1));
  std::snprintf(buf, sizeof buf, "%08" PRIx32 "_%08" PRIx32 "_%" PRIx64 "_%" PRIx32 "_%08" PRIx32,
                static_cast<uint32_t>(unix_seconds), sdkappid, serial, msg_random, random);
  return buf;
}

}  // namespace timpush::server
