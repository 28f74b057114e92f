// ReplayStrategy: follows a schedule for one execution; a misfit is a sentence, never a crash.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <vector> // schedules

#include "checker/strategies/dfs_strategy.hpp"             // DfsStrategy, to enumerate schedules
#include "checker/strategies/replay_strategy.hpp"          // ReplayStrategy
#include "tests/checker/strategies/strategy_test_util.hpp" // SyntheticProgram, run_search

using rc::Choice;
using rc::ReplayStrategy;
using rc::StopReason;
using rc::ThreadId;
using rc::test::run_search;
using rc::test::schedule_text;
using rc::test::SyntheticProgram;

namespace {

Choice run(uint32_t t, bool timeout = false) {
    return Choice{ThreadId(t), timeout};
}

} // namespace

TEST_CASE("replay_follows_every_schedule_for_exactly_one_execution") {
    SyntheticProgram p{{2, 2}, {false, true}};
    rc::DfsStrategy dfs;
    for (const auto &schedule : run_search(dfs, p).schedules) {
        ReplayStrategy replay(schedule);
        auto log = run_search(replay, p);
        REQUIRE(log.schedules.size() == 1);
        CHECK(log.schedules[0] == schedule);
        REQUIRE(log.stopped);
        CHECK(*log.stopped == StopReason::ScheduleEnded);
        CHECK_FALSE(replay.divergence());
        CHECK(log.coverage == "1 execution following the schedule");
    }
}

TEST_CASE("replay_of_a_thread_that_cannot_move_reports_divergence_and_goes_on") {
    ReplayStrategy replay({run(0), run(0), run(1)});
    auto log = run_search(replay, {{1, 1}, {}});
    REQUIRE(log.schedules.size() == 1);
    CHECK(schedule_text(log.schedules[0]) == "0 1");
    REQUIRE(replay.divergence());
    CHECK(*replay.divergence() ==
          "at step 2 the schedule runs thread 0 but only thread 1 can move");
    CHECK(log.coverage == "1 execution, which did not fit the schedule: at step 2 the schedule "
                          "runs thread 0 but only thread 1 can move");
}

TEST_CASE("replay_divergence_lists_every_option_and_names_timeouts") {
    ReplayStrategy replay({run(3, true)});
    run_search(replay, {{1, 1, 1}, {false, true, false}});
    REQUIRE(replay.divergence());
    CHECK(*replay.divergence() == "at step 1 the schedule runs thread 3 (timing out) but only "
                                  "threads 0, 1, 1 (timing out) and 2 can move");
}

TEST_CASE("replay_of_a_schedule_shorter_than_the_program_reports_where_it_ended") {
    ReplayStrategy replay({run(1)});
    auto log = run_search(replay, {{2, 1}, {}});
    CHECK(schedule_text(log.schedules[0]) == "1 0 0");
    REQUIRE(replay.divergence());
    CHECK(*replay.divergence() == "the schedule ended at step 1 before the program did");
}

TEST_CASE("replay_of_a_schedule_longer_than_the_program_reports_the_extra_steps") {
    ReplayStrategy replay({run(0), run(1), run(1)});
    run_search(replay, {{1, 1}, {}});
    REQUIRE(replay.divergence());
    CHECK(*replay.divergence() == "the program ended after step 2 but the schedule has 3 steps");
}
