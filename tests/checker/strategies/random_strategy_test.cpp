// RandomStrategy: a fixed number of executions, reproducible from the seed on every platform.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <vector> // draws

#include "checker/strategies/random_strategy.hpp"          // RandomStrategy, SplitMix64
#include "tests/checker/strategies/strategy_test_util.hpp" // SyntheticProgram, run_search

using rc::RandomStrategy;
using rc::SplitMix64;
using rc::StopReason;
using rc::test::run_search;
using rc::test::schedule_set;
using rc::test::SyntheticProgram;

TEST_CASE("splitmix64_produces_the_reference_sequence") {
    // Reference values of SplitMix64 from seed 0 (Vigna's splitmix64.c).
    SplitMix64 rng(0);
    CHECK(rng.next() == 0xe220a8397b1dcdafULL);
    CHECK(rng.next() == 0x6e789e6aa1b965f4ULL);
    CHECK(rng.next() == 0x06c45d188009454fULL);
}

TEST_CASE("splitmix64_below_stays_in_range_and_reaches_every_value") {
    SplitMix64 rng(7);
    std::vector<int> seen(5, 0);
    for (int i = 0; i < 1000; ++i) {
        uint64_t v = rng.below(5);
        REQUIRE(v < 5);
        ++seen[v];
    }
    for (int n : seen)
        CHECK(n > 0);
    CHECK(rng.below(1) == 0);
}

TEST_CASE("random_runs_exactly_the_requested_number_of_executions") {
    RandomStrategy random(3, 25);
    auto log = run_search(random, {{2, 2, 2}, {}});
    CHECK(log.schedules.size() == 25);
    REQUIRE(log.stopped);
    CHECK(*log.stopped == StopReason::BoundReached);
    CHECK(log.coverage == "25 random executions (seed 3; not exhaustive)");
}

TEST_CASE("random_with_the_same_seed_repeats_the_same_schedules") {
    SyntheticProgram p{{3, 3, 3}, {true, false, false}};
    RandomStrategy a(42, 30), b(42, 30);
    CHECK(run_search(a, p).schedules == run_search(b, p).schedules);
}

TEST_CASE("random_with_another_seed_gives_other_schedules") {
    SyntheticProgram p{{3, 3, 3}, {}};
    RandomStrategy a(1, 30), b(2, 30);
    CHECK(run_search(a, p).schedules != run_search(b, p).schedules);
}

TEST_CASE("random_reaches_many_different_interleavings") {
    RandomStrategy random(5, 200);
    auto log = run_search(random, {{2, 2}, {}});
    CHECK(schedule_set(log.schedules).size() == 6); // seed 5 reaches all 6 in 200 runs
}
