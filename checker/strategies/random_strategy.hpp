// Random search: each choice uniform among the options, from one seeded generator, for a fixed
// number of executions. Not exhaustive; useful when a scenario is too big for pb or dfs. The
// same seed gives the same executions on every platform (SplitMix64, no standard distribution).
#pragma once

#include <cstddef> // size_t
#include <cstdint> // uint64_t
#include <string>  // coverage

#include "checker/strategies/strategy.hpp" // Strategy

namespace rc {

/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA
/// 2014): a 64-bit state stepped by a constant and mixed; every seed, including 0, is fine.
class SplitMix64 {
public:
    explicit SplitMix64(uint64_t seed) : state_(seed) {}
    uint64_t next();
    /// Uniform in [0, n), without modulo bias. Requires n > 0.
    uint64_t below(uint64_t n);

private:
    uint64_t state_;
};

class RandomStrategy final : public Strategy {
public:
    RandomStrategy(uint64_t seed, uint64_t executions);

    bool begin_execution() override;
    size_t choose(const ChoicePoint &point) override;
    void end_execution() override { ++done_; }
    StopReason stop_reason() const override { return StopReason::BoundReached; }
    std::string coverage() const override;

private:
    uint64_t seed_;     // for coverage()
    uint64_t budget_;   // executions to run
    uint64_t done_ = 0; // executions completed; invariant: done_ <= budget_
    SplitMix64 rng_;    // the one source of randomness, seeded once for the whole search
};

} // namespace rc
