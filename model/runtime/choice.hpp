// A scheduling choice: the two arguments of Interpreter::step, as one value that strategies
// choose, schedules record and detectors' findings carry.
#pragma once

#include <cstdint> // uint64_t
#include <vector>  // ready threads

#include "model/ids.hpp" // ThreadId

namespace rc {

class Interpreter;
struct State;

/// One possible move at a scheduling point: run `thread`'s pending operation, or (timeout) take
/// the timeout branch of its timed wait.
struct Choice {
    ThreadId thread;
    bool timeout = false;
    friend bool operator==(const Choice&, const Choice&) = default;
};

/// How a forced replay goes on after its witness, the same on real threads (racecheck_tsan's
/// forced mode) and in the model's prediction of that run's final values
/// (forced_replay_final_values): one definition, so that the two cannot drift apart.
/// Deterministic and fair: the thread that ran last keeps running while it is enabled, up to
/// kQuantum steps in a row; then the next enabled thread after it in id order, round robin.
/// Time passes (the first schedulable thread's timeout) only when no thread is enabled. Fair, so
/// a thread that waits for another by polling (`while t.is_alive(): time.sleep(0.1)`, a spin on
/// a flag) lets it run and the run ends, where "the lowest enabled thread" ran the poller
/// forever; a quantum of many steps keeps a long run's handoffs between real threads few.
class ForcedContinuation {
public:
    static constexpr uint64_t kQuantum = 1024;

    /// `last`: the thread of the witness's last step (none for an empty witness).
    explicit ForcedContinuation(ThreadId last) : last_(last) {}

    /// The next step (interpreter.cpp). `ready` is scratch space; requires a schedulable thread.
    Choice next(const Interpreter& in, const State& s, std::vector<ThreadId>& ready);

private:
    ThreadId last_;
    uint64_t run_ = 0;
};

} // namespace rc
