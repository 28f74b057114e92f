// PCT (checker/strategies/pct_strategy.hpp): seeded and replayable, the first execution round
// robin, change points within the estimated k, the bound it prints, and a depth-2 bug (a lost
// update: the stale read before the foreign write, the foreign write before the stale write)
// found by its prioritized executions at least as often as the bound guarantees.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <string> // coverage
#include <vector> // schedules

#include "checker/explore/session.hpp"                     // Session
#include "checker/strategies/pct_strategy.hpp"             // PctStrategy
#include "checker/strategies/stale_read_strategy.hpp"      // StaleReadStrategy
#include "tests/checker/explore/explore_test_util.hpp"     // load
#include "tests/checker/strategies/strategy_test_util.hpp" // SyntheticProgram, run_search

using rc::PctStrategy;

TEST_CASE("pct_with_the_same_seed_runs_the_same_executions_and_another_seed_others") {
    rc::test::SyntheticProgram p{{6, 6, 6}, {}};
    PctStrategy a(5, 3, 40), b(5, 3, 40), c(6, 3, 40);
    auto ra = rc::test::run_search(a, p), rb = rc::test::run_search(b, p), rc_ = rc::test::run_search(c, p);
    REQUIRE(ra.schedules.size() == 40);
    CHECK(ra.schedules == rb.schedules);
    CHECK(ra.schedules != rc_.schedules);
}

TEST_CASE("pct_first_execution_is_round_robin_and_measures_k") {
    rc::test::SyntheticProgram p{{2, 2, 2}, {}};
    PctStrategy s(1, 3, 1);
    auto r = rc::test::run_search(s, p);
    REQUIRE(r.schedules.size() == 1);
    std::vector<uint32_t> order;
    for (const rc::Choice& c : r.schedules[0]) order.push_back(c.thread.value);
    CHECK(order == std::vector<uint32_t>{0, 1, 2, 0, 1, 2});
    CHECK(s.steps_estimate() == 6);
    CHECK(s.threads_seen() == 3);
    // 1/(n·k^(d−1)) = 1/(3·36)
    CHECK(s.probability_bound() == doctest::Approx(1.0 / 108));
    CHECK(r.coverage.find("1/(n·k^(d−1)) = 1/(3·6^2) ≈ 0.0093") != std::string::npos);
}

TEST_CASE("pct_and_stale_read_count_executions_cut_before_their_end_apart") {
    // An execution the budget stops inside never reached its end state: the coverage counts it
    // as cut, not as an execution (a 1 s budget on a 1 M-step program said "2 PCT executions"
    // after one had run to its end).
    rc::test::SyntheticProgram p{{3, 3}, {}};
    PctStrategy s(1, 3, 3);
    rc::StaleReadStrategy r(1, 2, 2);
    for (rc::Strategy* strategy : std::initializer_list<rc::Strategy*>{&s, &r}) {
        REQUIRE(strategy->begin_execution());
        std::vector<rc::Choice> previous;
        rc::test::run_execution(*strategy, p, previous); // ran to the end
        REQUIRE(strategy->begin_execution());
        rc::ChoicePoint cut = p.point({1, 0}, rc::ThreadId(0), 1); // stopped with threads to run
        REQUIRE(!cut.options.empty());
        strategy->on_end_state(cut);
        strategy->end_execution();
    }
    CHECK(s.coverage().rfind("1 PCT execution and 1 cut before its end (depth 3", 0) == 0);
    CHECK(r.coverage().rfind("1 execution with up to 2 preemptions placed between a read and a write of "
                             "the same variable and 1 cut before its end (seed 1", 0) == 0);
}

TEST_CASE("pct_depth_1_runs_each_thread_to_its_end_by_priority") {
    // No change points: every execution after the first is a sequence of whole threads.
    rc::test::SyntheticProgram p{{3, 3}, {}};
    PctStrategy s(3, 1, 10);
    auto r = rc::test::run_search(s, p);
    for (size_t e = 1; e < r.schedules.size(); ++e) {
        size_t switches = 0;
        for (size_t i = 1; i < r.schedules[e].size(); ++i)
            switches += r.schedules[e][i].thread != r.schedules[e][i - 1].thread;
        CHECK(switches == 1);
    }
}

TEST_CASE("pct_finds_a_depth_2_bug_at_least_as_often_as_its_bound_and_replays_it") {
    // The unsafe counter, 2 threads × 30: a lost update needs two ordering constraints.
    rc::LoadedScenario ls = rc::test::load("scenarios/counter.yaml", {"ITERATIONS=30"});
    rc::Interpreter in(ls.compiled->program);
    rc::Budgets b;
    b.max_seconds = 60;
    auto search = [&](uint64_t seed) {
        rc::Session session(in, ls.compiled->param_values, rc::detector_context(ls), b,
                            rc::outcome_globals(ls.compiled->program));
        PctStrategy pct(seed, 2, 400);
        rc::SearchResult r = session.run(pct);
        return std::make_pair(r, pct.probability_bound());
    };
    auto [r, bound] = search(11);
    REQUIRE(r.executions == 400);
    const rc::Finding* lost = nullptr;
    for (const rc::Finding& f : r.findings)
        if (f.kind == rc::FindingKind::LostUpdate) lost = &f;
    REQUIRE(lost != nullptr);
    // Beyond the round-robin first execution, the prioritized ones find it, as often as promised.
    CHECK(lost->count >= 2);
    CHECK(static_cast<double>(lost->count - 1) / 399 >= bound);
    CHECK(r.coverage.find("400 PCT executions (depth 2, seed 11;") == 0);
    CHECK(r.coverage.find("probability ≥ 1/(n·k^(d−1)) = 1/(3·") != std::string::npos);
    // The same seed, the same search: the same witness and counts.
    auto [again, bound_again] = search(11);
    REQUIRE(again.findings.size() == r.findings.size());
    for (size_t i = 0; i < r.findings.size(); ++i) {
        CHECK(again.findings[i].schedule == r.findings[i].schedule);
        CHECK(again.findings[i].count == r.findings[i].count);
    }
    CHECK(bound_again == bound);
}

TEST_CASE("stale_read_preempts_only_between_a_read_and_its_write") {
    rc::LoadedScenario ls = rc::test::load("scenarios/counter.yaml", {"ITERATIONS=30"});
    rc::Interpreter in(ls.compiled->program);
    rc::Session session(in, ls.compiled->param_values, rc::detector_context(ls), rc::Budgets{},
                        rc::outcome_globals(ls.compiled->program));
    rc::StaleReadStrategy stale(1, 2, 20);
    rc::SearchResult r = session.run(stale);
    REQUIRE(r.executions == 20);
    bool lost = false;
    for (const rc::Finding& f : r.findings) {
        lost = lost || f.kind == rc::FindingKind::LostUpdate;
        if (f.kind == rc::FindingKind::LostUpdate) CHECK(f.preemptions <= 2);
    }
    CHECK(lost);
}
