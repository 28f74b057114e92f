// A scheduling choice: the two arguments of Interpreter::step, as one value that strategies
// choose, schedules record and detectors' findings carry.
#pragma once

#include "model/ids.hpp" // ThreadId

namespace rc {

/// One possible move at a scheduling point: run `thread`'s pending operation, or (timeout) take
/// the timeout branch of its timed wait.
struct Choice {
    ThreadId thread;
    bool timeout = false;
    friend bool operator==(const Choice&, const Choice&) = default;
};

} // namespace rc
