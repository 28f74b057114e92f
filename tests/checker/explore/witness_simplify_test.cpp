// simplify_witnesses: a random search's witnesses of a long counter, full of preemptions, become
// one-preemption witnesses of the same findings.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include "checker/explore/witness_minimizer.hpp" // simplify_witnesses
#include "explore_test_util.hpp"                 // load

TEST_CASE("random_witnesses_of_a_long_counter_are_simplified_to_one_preemption") {
    rc::LoadedScenario ls = rc::test::load("scenarios/counter.yaml", {"THREADS=3", "ITERATIONS=300"});
    rc::Interpreter in(ls.compiled->program);
    rc::Budgets b;
    b.max_steps = 100000;
    b.max_executions = 2;
    const auto watched = rc::outcome_globals(ls.compiled->program);
    rc::Session session(in, ls.compiled->param_values, rc::detector_context(ls), b, watched);
    rc::StrategyOptions so;
    so.seed = 1;
    auto strategy = rc::find_strategy("random")->make(so);
    rc::SearchResult r = session.run(*strategy);
    REQUIRE(r.findings.size() == 3); // data race, lost update, failed check
    uint32_t before = 0;
    for (const rc::Finding& f : r.findings) before = std::max(before, f.preemptions);
    CHECK(before > 10);
    const std::vector<rc::Finding> original = r.findings;
    b.max_seconds = 60;
    rc::WitnessSimplification w = rc::simplify_witnesses(
        in, ls.compiled->param_values, rc::detector_context(ls), watched, b, r);
    CHECK(w.improved == 3);
    REQUIRE(r.findings.size() == 3);
    for (size_t i = 0; i < r.findings.size(); ++i) {
        const rc::Finding& f = r.findings[i];
        CHECK(f.key == original[i].key);
        CHECK(f.count == original[i].count);
        CHECK(f.preemptions <= 1);
        CHECK(f.preemptions == session.count_preemptions(f.schedule)); // exact
        std::vector<rc::Finding> again; // the new witness shows the same finding
        session.replay(f.schedule, &again);
        bool same = false;
        for (const rc::Finding& g : again) same = same || g.key == f.key;
        CHECK_MESSAGE(same, f.summary);
    }
}
