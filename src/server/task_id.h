// TaskIds in the service's own shape: five lower-case hex fields joined by underscores, as in the
// product document's example "667015d4_537529d8_2000005e80aa873_d03ac87_56f5e750".
// Pure formatting: the caller passes time, counter and random values in.
#pragma once

#include <cstdint>
#include <string>

namespace timpush::server {

// Fields, read off the example: 0x667015d4 is a Unix time (2024-06-17), 0x537529d8 is an
// SDKAppID (1400187352), the third a 64-bit serial, the fourth the MsgRandom (a uint32), the
// last a random value. The serial here is 2 << 56 | counter, like the example's 0x2000005....
std::string make_task_id(int64_t unix_seconds, uint32_t sdkappid, uint64_t counter,
                         uint32_t msg_random, uint32_t random);

}  // namespace timpush::server
