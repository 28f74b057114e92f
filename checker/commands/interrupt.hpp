// Ctrl-C during a check: the first SIGINT asks the search to stop, so that the report of what
// was found is still printed (marked as interrupted); a second one ends the process at once.
//
// The one piece of process-wide state in the checker, because a signal handler can reach nothing
// else: an atomic flag, set by the handler, read by the check command's progress hook
// (Session::run stops when the hook returns false). The Session itself knows nothing of signals.
#pragma once

namespace rc {

/// While alive, SIGINT sets the flag instead of killing the process; the handler is installed
/// with SA_RESETHAND, so the second Ctrl-C has the default effect. The previous disposition is
/// restored on destruction. Clears the flag on construction.
class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    /// True once SIGINT arrived (or request() was called) since construction.
    static bool requested();
    /// What the handler does; tests call it to interrupt a search without a signal.
    static void request();
};

} // namespace rc
