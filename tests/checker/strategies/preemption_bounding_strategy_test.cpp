// PreemptionBoundingStrategy: level k hands over exactly the schedules with k preemptions, each
// once; cross-checked against exhaustive DFS filtered by preemption count.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <algorithm> // max_element, is_sorted
#include <set>       // schedule sets
#include <string>    // schedule texts
#include <vector>    // shapes

#include "checker/strategies/dfs_strategy.hpp"                 // DfsStrategy, the oracle
#include "checker/strategies/preemption_bounding_strategy.hpp" // PreemptionBoundingStrategy
#include "tests/checker/strategies/strategy_test_util.hpp"     // SyntheticProgram, run_search

using rc::DfsStrategy;
using rc::PreemptionBoundingStrategy;
using rc::StopReason;
using rc::test::count_preemptions;
using rc::test::run_search;
using rc::test::schedule_set;
using rc::test::SyntheticProgram;

namespace {

const std::vector<SyntheticProgram> kShapes = {
    {{2, 2}, {}}, {{3, 3}, {}}, {{2, 2, 2}, {}}, {{1, 2, 3}, {}}, {{2, 1}, {true, false}},
    {{4, 1}, {}}, {{1}, {}},
};

/// The dfs schedules with at most `bound` preemptions.
std::set<std::string> dfs_within(const SyntheticProgram &program, uint32_t bound) {
    DfsStrategy dfs;
    auto log = run_search(dfs, program);
    std::vector<std::vector<rc::Choice>> kept;
    for (auto &s : log.schedules)
        if (count_preemptions(program, s) <= bound)
            kept.push_back(s);
    return schedule_set(kept);
}

uint64_t factorial(uint64_t n) {
    return n <= 1 ? 1 : n * factorial(n - 1);
}

} // namespace

TEST_CASE("pb_at_bound_0_runs_each_order_of_whole_threads") {
    for (const SyntheticProgram &p :
         {SyntheticProgram{{2, 2}, {}}, SyntheticProgram{{2, 2, 2}, {}},
          SyntheticProgram{{3, 3}, {}}, SyntheticProgram{{1, 1, 1, 1}, {}}}) {
        PreemptionBoundingStrategy pb(0);
        auto log = run_search(pb, p);
        CHECK(log.schedules.size() == factorial(p.steps.size()));
        CHECK(log.repeats == 0);
    }
}

TEST_CASE("pb_with_two_threads_of_k_steps_has_2k_schedules_within_one_preemption") {
    // 2 with no preemption; with one, the first thread stops after 1..k-1 steps: 2(k-1).
    for (uint32_t k = 1; k <= 5; ++k) {
        SyntheticProgram p{{k, k}, {}};
        PreemptionBoundingStrategy pb(1);
        CHECK(run_search(pb, p).schedules.size() == (k == 1 ? 2 : 2 * k));
    }
}

TEST_CASE("pb_with_bound_k_explores_exactly_the_dfs_schedules_within_k_preemptions") {
    for (const SyntheticProgram &p : kShapes) {
        for (uint32_t k = 0; k <= 3; ++k) {
            CAPTURE(k);
            PreemptionBoundingStrategy pb(k);
            auto log = run_search(pb, p);
            CHECK(schedule_set(log.schedules) == dfs_within(p, k));
            CHECK(schedule_set(log.schedules).size() == log.schedules.size()); // each once
        }
    }
}

TEST_CASE("pb_hands_over_schedules_in_order_of_preemption_count") {
    SyntheticProgram p{{2, 2, 2}, {}};
    PreemptionBoundingStrategy pb(std::nullopt);
    auto log = run_search(pb, p);
    std::vector<uint32_t> counts;
    for (auto &s : log.schedules)
        counts.push_back(count_preemptions(p, s));
    CHECK(std::is_sorted(counts.begin(), counts.end()));
}

TEST_CASE("pb_without_a_bound_ends_exhausted_with_the_same_schedules_as_dfs") {
    for (const SyntheticProgram &p : kShapes) {
        DfsStrategy dfs;
        auto all = run_search(dfs, p);
        uint32_t most = 0;
        for (auto &s : all.schedules)
            most = std::max(most, count_preemptions(p, s));
        PreemptionBoundingStrategy pb(std::nullopt);
        auto log = run_search(pb, p);
        CHECK(log.schedules.size() == all.schedules.size());
        CHECK(schedule_set(log.schedules) == schedule_set(all.schedules));
        REQUIRE(log.stopped);
        CHECK(*log.stopped == StopReason::Exhausted);
        std::string n = std::to_string(all.schedules.size());
        if (most == 0)
            CHECK(log.coverage == "all " + n + " interleaving" + (n == "1" ? "" : "s") +
                                      " (exhaustive: no schedule has a preemption)");
        else
            CHECK(log.coverage == "all " + n +
                                      " interleavings (exhaustive: no schedule needs "
                                      "more than " +
                                      std::to_string(most) +
                                      (most == 1 ? " preemption)" : " preemptions)"));
    }
}

TEST_CASE("pb_reports_the_bound_when_it_cut_schedules") {
    PreemptionBoundingStrategy pb(1);
    auto log = run_search(pb, {{3, 3}, {}});
    REQUIRE(log.stopped);
    CHECK(*log.stopped == StopReason::BoundReached);
    CHECK(log.coverage == "all 6 interleavings with ≤ 1 preemption");
}

TEST_CASE("pb_with_a_bound_above_the_need_is_exhausted") {
    PreemptionBoundingStrategy pb(10);
    auto log = run_search(pb, {{2, 2}, {}});
    REQUIRE(log.stopped);
    CHECK(*log.stopped == StopReason::Exhausted);
    CHECK(log.schedules.size() == 6);
}

TEST_CASE("pb_reruns_cheaper_schedules_only_as_flagged_repeats") {
    PreemptionBoundingStrategy pb(std::nullopt);
    auto log = run_search(pb, {{2, 2}, {}});
    CHECK(log.schedules.size() == 6);
    CHECK(log.repeats > 0);
}

TEST_CASE("pb_counts_a_timeout_of_the_running_thread_as_no_preemption") {
    // Thread 0 may time out at each of its steps; staying on thread 0 either way is free.
    PreemptionBoundingStrategy pb(0);
    auto log = run_search(pb, {{2, 1}, {true, false}});
    // Orders (0 0 1) with 4 timeout patterns, and (1 0 0) with 4.
    CHECK(log.schedules.size() == 8);
}

TEST_CASE("pb_coverage_of_a_cut_search_is_not_exhaustive") {
    PreemptionBoundingStrategy pb(std::nullopt);
    auto log = run_search(pb, {{3, 3}, {}}, 5);
    CHECK_FALSE(log.stopped);
    CHECK(log.coverage ==
          "5 interleavings: all with no preemption and some with 1 (not exhaustive: the search "
          "did not finish)");
}

TEST_CASE("pb_at_bound_0_that_cut_schedules_says_no_preemption") {
    PreemptionBoundingStrategy pb(0);
    auto log = run_search(pb, {{2, 1}, {}});
    REQUIRE(log.stopped);
    CHECK(*log.stopped == StopReason::BoundReached);
    CHECK(log.coverage == "all 2 interleavings with no preemption");
}
