// Iterative preemption bounding: Musuvathi & Qadeer, "Iterative context bounding for systematic
// testing of multithreaded programs", PLDI 2007 (the CHESS search order).
//
// A preemption is a switch away from a thread that could have continued: at a choice point
// where the last thread's normal branch is an option (ChoicePoint::last_index), choosing an
// option of another thread. Level k is a DFS over the schedules with at most k preemptions,
// pruning any branch that would make the k+1-th; levels run for k = 0, 1, 2, ... Few
// preemptions expose most concurrency bugs (the paper's finding), so the first witness found is
// one with the fewest preemptions, and the search is still exhaustive once a level prunes
// nothing.
//
// Level k re-runs the schedules with fewer than k preemptions (the search is stateless and
// they lead to their siblings); those are flagged by repeat_execution() and not reported again,
// so each schedule is handed over exactly once, at the level equal to its preemption count.
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // uint32_t, uint64_t
#include <optional> // the largest bound
#include <string>   // coverage
#include <vector>   // the stack

#include "checker/strategies/strategy.hpp" // Strategy

namespace rc {

class PreemptionBoundingStrategy final : public Strategy {
public:
    /// `max_bound`: the largest bound to try; unset means raise it until a level prunes nothing.
    explicit PreemptionBoundingStrategy(std::optional<uint32_t> max_bound);

    bool begin_execution() override;
    size_t choose(const ChoicePoint &point) override;
    void end_execution() override;
    StopReason stop_reason() const override;
    std::string coverage() const override;
    bool repeat_execution() const override { return repeat_; }
    /// The Session restores the state before the level that changes (a checkpoint).
    size_t resume_depth() const override { return stack_.empty() ? 0 : stack_.size() - 1; }
    uint32_t checkpoint_interval() const override { return 1; }

private:
    struct Level {
        size_t options = 0;          // how many options the choice point offers
        std::vector<size_t> allowed; // option indices within the bound, ascending; non-empty
        size_t next = 0;             // invariant: next < allowed.size(); allowed[next] is taken
        uint32_t preemptions = 0;    // preemptions before this choice point
        std::vector<bool> preempts;  // preempts[i]: option i is a preemption here
    };

    std::optional<uint32_t> max_bound_;
    uint32_t bound_ = 0;  // the current level k
    bool pruned_ = false; // some branch of level k was cut for exceeding k preemptions
    /// The current execution's choices; between executions, the prefix the next one replays
    /// (every level but the last as taken before, the last at an untried allowed option).
    std::vector<Level> stack_;
    size_t depth_ = 0;         // choice points seen in the current execution
    uint32_t preemptions_ = 0; // preemptions in the current execution so far
    bool repeat_ = false;      // the execution that just ended has fewer than bound_ preemptions
    uint64_t executions_ = 0;  // executions handed over, repeats excluded
    bool done_ = false;        // no level remains to run
    bool exhausted_ = false;   // done_ because a level pruned nothing (every schedule was run)
};

} // namespace rc
