// Ctrl-C: a SIGINT handler that only sets a lock-free atomic flag (async-signal-safe).
#include "checker/commands/interrupt.hpp"

#include <atomic>   // the flag
#include <csignal>  // SIGINT
#include <signal.h> // sigaction, SA_RESETHAND

namespace rc {

namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

struct sigaction g_previous {};

void on_sigint(int) {
    g_interrupted.store(true, std::memory_order_relaxed);
}

} // namespace

InterruptGuard::InterruptGuard() {
    g_interrupted.store(false, std::memory_order_relaxed);
    struct sigaction action {};
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_RESTART; // the second Ctrl-C kills, as usual
    sigaction(SIGINT, &action, &g_previous);
}

InterruptGuard::~InterruptGuard() {
    sigaction(SIGINT, &g_previous, nullptr);
}

bool InterruptGuard::requested() {
    return g_interrupted.load(std::memory_order_relaxed);
}

void InterruptGuard::request() {
    g_interrupted.store(true, std::memory_order_relaxed);
}

} // namespace rc
