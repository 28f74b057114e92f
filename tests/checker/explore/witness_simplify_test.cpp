// simplify_witnesses: a random search's witnesses of a long counter, full of preemptions, become
// one-preemption witnesses of the same findings; deadlock witnesses end where the program hangs.
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
        const rc::Trace replayed = session.replay(f.schedule, &again);
        bool same = false;
        for (const rc::Finding& g : again) same = same || g.key == f.key;
        CHECK_MESSAGE(same, f.summary);
        // The simplification's own replay of the new witness, which the report shows instead of
        // replaying it again, is that replay step for step.
        auto kept = w.traces.find(f.key);
        REQUIRE(kept != w.traces.end());
        const rc::Trace& t = kept->second;
        REQUIRE(t.steps.size() == replayed.steps.size());
        for (size_t k = 0; k < t.steps.size(); ++k) {
            CHECK(t.steps[k].choice == replayed.steps[k].choice);
            CHECK(t.steps[k].operation == replayed.steps[k].operation);
            CHECK(t.steps[k].line == replayed.steps[k].line);
            CHECK(t.steps[k].preempted == replayed.steps[k].preempted);
        }
        CHECK(t.output == replayed.output);
        CHECK(t.blocked == replayed.blocked);
    }
}

namespace {

/// A random search's deadlock witness of `ls`, simplified: the same finding, shown by its
/// replay, with at most `max_preemptions`, and a schedule that ends where the program hangs.
/// Returns how many witnesses were improved.
uint32_t check_deadlock_simplified(rc::LoadedScenario ls, uint32_t max_preemptions, uint64_t seed = 1,
                                   uint64_t executions = 1) {
    rc::Interpreter in(ls.compiled->program);
    rc::Budgets b;
    b.max_executions = executions;
    b.max_steps = 100000;
    const auto watched = rc::outcome_globals(ls.compiled->program);
    rc::Session session(in, ls.compiled->param_values, rc::detector_context(ls), b, watched);
    rc::StrategyOptions so;
    so.seed = seed;
    auto strategy = rc::find_strategy("random")->make(so);
    rc::SearchResult r = session.run(*strategy);
    std::erase_if(r.findings, [](const rc::Finding& f) { return f.kind != rc::FindingKind::Deadlock; });
    REQUIRE(r.findings.size() == 1);
    const rc::Finding original = r.findings[0];
    b.max_seconds = 60;
    const rc::WitnessSimplification w =
        rc::simplify_witnesses(in, ls.compiled->param_values, rc::detector_context(ls), watched, b, r);
    REQUIRE(r.findings.size() == 1);
    const rc::Finding& f = r.findings[0];
    CHECK(f.key == original.key);
    CHECK(f.preemptions <= original.preemptions);
    CHECK(f.preemptions <= max_preemptions);
    CHECK(f.preemptions == session.count_preemptions(f.schedule));
    CHECK(f.schedule.size() < 200); // it ends where the program hangs, not at a steps budget
    std::vector<rc::Finding> again;
    session.replay(f.schedule, &again);
    bool same = false;
    for (const rc::Finding& g : again) same = same || g.key == f.key;
    CHECK_MESSAGE(same, f.summary);
    return w.improved;
}

} // namespace

TEST_CASE("a_busy_wait_witness_is_simplified_to_where_the_program_hangs") {
    // The waiter spins, holding the lock, on a flag only the setter sets, with that lock. A
    // random witness where MainThread and the waiter preempt each other becomes the one without
    // preemptions: MainThread starts both threads and joins, the waiter spins. The simplified
    // schedule stops where only the spinning thread could move, as the replay's busy-wait
    // detection sees it (it used to run the spin on up to the steps budget, and its replay then
    // diverged: no simplified witness).
    CHECK(check_deadlock_simplified(rc::test::load("scenarios/spin_forever.yaml"), 0) == 1);
}

TEST_CASE("a_lock_cycle_witness_is_simplified") {
    // Each blocked thread's last step is a mark; the simplified schedule takes them in order and
    // ends where no thread can move (it used to give up there: no simplified deadlock witness).
    // Whether it has fewer preemptions depends on the marks: a philosopher's last step before
    // its blocking acquire does not say who took the fork first.
    CHECK(check_deadlock_simplified(rc::test::load("scenarios/abba_deadlock.yaml"), 1, 3, 50) <= 1);
    CHECK(check_deadlock_simplified(rc::test::load("scenarios/dining_philosophers.yaml"), 6, 3, 50) <= 1);
}
