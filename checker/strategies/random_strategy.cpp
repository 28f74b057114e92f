// Random search with one SplitMix64 stream per search.
#include "checker/strategies/random_strategy.hpp" // RandomStrategy, SplitMix64

#include "model/check.hpp" // RC_CHECK

namespace rc {

uint64_t SplitMix64::next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

uint64_t SplitMix64::below(uint64_t n) {
    RC_CHECK(n > 0, "random: a choice among no options");
    // Reject the top partial block of 2^64 so every residue is equally likely.
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x = next();
    while (x >= limit)
        x = next();
    return x % n;
}

RandomStrategy::RandomStrategy(uint64_t seed, uint64_t executions)
    : seed_(seed), budget_(executions), rng_(seed) {}

bool RandomStrategy::begin_execution() {
    return done_ < budget_;
}

size_t RandomStrategy::choose(const ChoicePoint &point) {
    return static_cast<size_t>(rng_.below(point.options.size()));
}

std::string RandomStrategy::coverage() const {
    return std::to_string(done_) + (done_ == 1 ? " random execution" : " random executions") +
           " (seed " + std::to_string(seed_) + "; not exhaustive)";
}

} // namespace rc
