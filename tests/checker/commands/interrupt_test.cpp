// InterruptGuard: Ctrl-C (SIGINT) sets a flag instead of killing the process, once.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <csignal>  // raise, SIGINT
#include <signal.h> // sigaction

#include "checker/commands/interrupt.hpp" // InterruptGuard

namespace {

void (*current_handler())(int) {
    struct sigaction now {};
    sigaction(SIGINT, nullptr, &now);
    return now.sa_handler;
}

} // namespace

TEST_CASE("sigint_inside_the_guard_is_a_request_and_the_next_one_would_kill") {
    void (*before)(int) = current_handler();
    {
        rc::InterruptGuard guard;
        CHECK(!rc::InterruptGuard::requested());
        CHECK((current_handler() != before));
        std::raise(SIGINT); // the process lives on
        CHECK(rc::InterruptGuard::requested());
        CHECK((current_handler() == SIG_DFL)); // SA_RESETHAND: a second Ctrl-C ends the process
    }
    CHECK((current_handler() == before)); // the previous disposition is back
    rc::InterruptGuard again;
    CHECK(!rc::InterruptGuard::requested()); // each check starts uninterrupted
}
