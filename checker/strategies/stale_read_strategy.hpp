// Stale-read preemptions: a bug hunter for lost updates in long executions. Each execution runs
// the threads without preemptions (the thread that ran last goes on while it can; else the
// lowest thread id that can move), except at a few points, drawn at random, where a thread has
// just read a shared variable (a global, or a container) and its next step writes that same
// variable: there it is preempted, and another thread, drawn at random, runs instead, itself
// without preemptions. A lost update needs exactly this: the read, foreign writes, then the
// stale write; and a schedule with one such preemption is the shortest witness there is (after
// Musuvathi & Qadeer's observation that most concurrency bugs need few preemptions, PLDI 2007,
// with the preemptions placed where they can make a read stale).
//
// The candidates (read-then-write points) of an execution are counted; the points of the next
// execution are drawn uniformly among as many candidates as the longest count so far (the first
// execution, with none known, preempts at none and only counts). Executions alternate between
// 1 and `preemptions` preemptions. Seeded (SplitMix64): the same seed, the same executions.
#pragma once

#include <cstddef> // size_t
#include <cstdint> // uint32_t, uint64_t
#include <string>  // coverage
#include <vector>  // points

#include "checker/strategies/random_strategy.hpp" // SplitMix64
#include "checker/strategies/strategy.hpp"        // Strategy

namespace rc {

class StaleReadStrategy final : public Strategy {
public:
    StaleReadStrategy(uint64_t seed, uint32_t preemptions, uint64_t executions);

    bool begin_execution() override;
    size_t choose(const ChoicePoint& point) override;
    void on_event(const Event& e, const Footprint& f) override;
    void on_end_state(const ChoicePoint& point) override { reached_end_ = point.options.empty(); }
    void end_execution() override;
    StopReason stop_reason() const override { return StopReason::BoundReached; }
    std::string coverage() const override;

private:
    uint64_t seed_;
    uint32_t preemptions_;
    uint64_t budget_;
    uint64_t done_ = 0;
    uint64_t cut_ = 0;         // of those, stopped before the program's end (a budget, Ctrl-C)
    bool reached_end_ = false; // the current execution reached an end state
    SplitMix64 rng_;
    uint64_t candidates_max_ = 0; // the most candidates of one execution so far
    // The current execution:
    std::vector<uint64_t> points_; // candidate numbers (1-based) to preempt at, any order
    uint64_t candidates_ = 0;
    Event last_;              // the last step's event
    bool have_last_ = false;
};

} // namespace rc
