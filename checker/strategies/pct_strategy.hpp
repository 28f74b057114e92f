// PCT, probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, "A
// Randomized Scheduler with Probabilistic Guarantees of Finding Bugs", ASPLOS 2010): a bug hunter
// for executions too long to explore exhaustively.
//
// Each execution gives the threads random distinct priorities (a thread gets its priority when it
// first appears) and always runs the highest-priority thread that can move. d − 1 priority change
// points are drawn uniformly among the k steps of an execution; at the i-th one the thread about
// to run drops to priority d − i, below every initial priority, and the highest-priority thread
// that can move runs instead. A bug of depth d (d ordering constraints between steps, e.g. a
// lost update: the stale read before the foreign write, the foreign write before the stale write)
// is found by one execution with probability at least 1/(n·k^(d−1)), n the number of threads.
//
// k is not known before the program runs: the first execution schedules the threads round robin
// (fair, so a program that ends under a fair scheduler ends there) and its length is the first
// estimate; every later execution raises k to the longest seen. The same seed gives the same
// executions (SplitMix64, as the random strategy).
#pragma once

#include <cstddef> // size_t
#include <cstdint> // uint32_t, uint64_t
#include <string>  // coverage
#include <vector>  // priorities, change points

#include "checker/strategies/random_strategy.hpp" // SplitMix64
#include "checker/strategies/strategy.hpp"        // Strategy

namespace rc {

class PctStrategy final : public Strategy {
public:
    /// `depth` d ≥ 1; `executions`: how many to run (the budgets may stop it first).
    PctStrategy(uint64_t seed, uint32_t depth, uint64_t executions);

    bool begin_execution() override;
    size_t choose(const ChoicePoint& point) override;
    void on_end_state(const ChoicePoint& point) override;
    void end_execution() override;
    StopReason stop_reason() const override { return StopReason::BoundReached; }
    std::string coverage() const override;

    /// The guarantee of one execution for a bug of depth d: 1/(n·k^(d−1)) with the n and k
    /// estimated so far (0 before the first execution ended).
    double probability_bound() const;
    uint64_t steps_estimate() const { return k_; }
    uint32_t threads_seen() const { return n_; }
    uint64_t executions_done() const { return done_; }

private:
    uint64_t seed_;
    uint32_t depth_;
    uint64_t budget_;
    uint64_t done_ = 0;
    uint64_t cut_ = 0;          // of those, stopped before the program's end (a budget, Ctrl-C)
    bool reached_end_ = false;  // the current execution reached an end state (no thread can move)
    SplitMix64 rng_;
    uint64_t k_ = 0;  // the longest execution so far (steps)
    uint32_t n_ = 0;  // the most threads seen in one execution
    // The current execution:
    std::vector<uint64_t> priority_;       // by thread id; 0: not seen yet
    std::vector<uint64_t> change_points_;  // change_points_[i]: the step of the (i+1)-th change
    uint64_t steps_ = 0;
    uint32_t seen_ = 0;
    size_t round_robin_ = 0; // first execution: the thread that ran last
};

/// "1/(n·k^(d−1)) = 1/(6·1,000,006²) ≈ 1.7e-13" for the coverage line.
std::string pct_bound_text(uint32_t threads, uint64_t steps, uint32_t depth);

} // namespace rc
