// Exhaustive depth-first search over every scheduling choice: the oracle every reduction is
// tested against. Stateless, as in CHESS (Musuvathi et al., OSDI 2008): each execution replays
// a prefix of choices from the initial state, so the program's determinism is what makes a
// replayed prefix reach the same choice points; DfsStrategy checks that it does.
#pragma once

#include <cstddef> // size_t
#include <cstdint> // uint64_t
#include <string>  // coverage
#include <vector>  // the stack

#include "checker/strategies/strategy.hpp" // Strategy

namespace rc {

class DfsStrategy final : public Strategy {
public:
    bool begin_execution() override;
    size_t choose(const ChoicePoint &point) override;
    void end_execution() override;
    StopReason stop_reason() const override { return StopReason::Exhausted; }
    std::string coverage() const override;
    /// The Session restores the state before the level that changes (a checkpoint).
    size_t resume_depth() const override { return stack_.empty() ? 0 : stack_.size() - 1; }
    uint32_t checkpoint_interval() const override { return 1; }

private:
    struct Level {
        size_t options = 0; // how many options the choice point at this depth offers
        size_t chosen = 0;  // invariant: chosen < options
    };
    /// The choices of the current execution so far; between executions, the prefix the next one
    /// replays. invariant: between executions, every level but the last is the one taken last
    /// time, and the last level's `chosen` is a sibling not explored yet.
    std::vector<Level> stack_;
    size_t depth_ = 0;        // choice points seen in the current execution
    uint64_t executions_ = 0; // executions completed
    bool exhausted_ = false;  // every branch of the tree has been run
};

} // namespace rc
