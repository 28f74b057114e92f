// The one always-on internal-consistency check. A failed RC_CHECK is a bug in racecheck, never
// in the user's scenario: it prints a clear prefix and exits with code 3 in every build type
// (fuzzing builds, RC_FUZZING, abort instead, so that libFuzzer keeps the input).
#pragma once

#include <cstdio>  // fprintf
#include <cstdlib> // _Exit, abort

namespace rc::detail {
[[noreturn]] inline void internal_bug(const char* cond, const char* msg, const char* file,
                                      int line) {
    std::fprintf(stderr,
                 "racecheck internal bug: %s (check `%s` failed at %s:%d)\n"
                 "  this is a bug in racecheck, not in your scenario; please report it with the "
                 "scenario file\n",
                 msg, cond, file, line);
    std::fflush(stderr);
#ifdef RC_FUZZING
    std::abort();
#else
    std::_Exit(3);
#endif
}
} // namespace rc::detail

#define RC_CHECK(cond, msg)                                                                        \
    do {                                                                                           \
        if (!(cond)) ::rc::detail::internal_bug(#cond, msg, __FILE__, __LINE__);                  \
    } while (0)
