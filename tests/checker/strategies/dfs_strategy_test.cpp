// DfsStrategy: every interleaving exactly once, then Exhausted.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include "checker/strategies/dfs_strategy.hpp"             // DfsStrategy
#include "tests/checker/strategies/strategy_test_util.hpp" // SyntheticProgram, run_search, multinomial

using rc::DfsStrategy;
using rc::StopReason;
using rc::test::multinomial;
using rc::test::run_search;
using rc::test::SyntheticProgram;

namespace {

void check_explores_each_interleaving_once(const SyntheticProgram &program, uint64_t expected) {
    DfsStrategy dfs;
    auto log = run_search(dfs, program);
    CHECK(rc::test::schedule_set(log.schedules).size() == expected);
    CHECK(log.schedules.size() == expected);
    CHECK(log.repeats == 0);
    REQUIRE(log.stopped);
    CHECK(*log.stopped == StopReason::Exhausted);
}

} // namespace

TEST_CASE("multinomial_counts_the_interleavings_of_whole_step_sequences") {
    CHECK(multinomial({2, 2}) == 6);
    CHECK(multinomial({2, 2, 2}) == 90);
    CHECK(multinomial({3, 3}) == 20);
    CHECK(multinomial({1, 2, 3}) == 60);
}

TEST_CASE("dfs_explores_every_interleaving_exactly_once") {
    check_explores_each_interleaving_once({{2, 2}, {}}, 6);
    check_explores_each_interleaving_once({{2, 2, 2}, {}}, 90);
    check_explores_each_interleaving_once({{3, 3}, {}}, 20);
    check_explores_each_interleaving_once({{1, 2, 3}, {}}, 60);
    check_explores_each_interleaving_once({{4}, {}}, 1);
}

TEST_CASE("dfs_explores_both_branches_of_every_timed_step") {
    // 3!/(2!1!) orders, and each of thread 0's two steps may time out or not.
    check_explores_each_interleaving_once({{2, 1}, {true, false}}, 3 * 4);
}

TEST_CASE("dfs_on_a_program_without_choice_points_runs_it_once") {
    DfsStrategy dfs;
    auto log = run_search(dfs, SyntheticProgram{});
    CHECK(log.schedules.size() == 1);
    CHECK(log.coverage == "all 1 interleaving");
}

TEST_CASE("dfs_coverage_says_all_only_when_the_search_finished") {
    DfsStrategy done;
    CHECK(run_search(done, {{2, 2}, {}}).coverage == "all 6 interleavings");
    DfsStrategy cut;
    auto log = run_search(cut, {{2, 2}, {}}, 4);
    CHECK_FALSE(log.stopped);
    CHECK(log.coverage == "4 interleavings (not exhaustive: the search did not finish)");
}

TEST_CASE("dfs_explores_in_canonical_order_lowest_option_first") {
    DfsStrategy dfs;
    auto log = run_search(dfs, {{1, 1}, {}});
    REQUIRE(log.schedules.size() == 2);
    CHECK(log.schedules[0][0].thread.value == 0);
    CHECK(log.schedules[1][0].thread.value == 1);
}
