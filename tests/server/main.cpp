#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

// The test build runs under AddressSanitizer, which by default keeps up to 256 MB of freed
// memory in quarantine to catch use after free. The hostile-client tests bound the server's
// memory by the process's RSS, so a smaller quarantine keeps them measuring what the server
// holds rather than what the sanitizer holds back. Read only when ASan is linked in.
extern "C" const char* __asan_default_options() { return "quarantine_size_mb=8"; }
