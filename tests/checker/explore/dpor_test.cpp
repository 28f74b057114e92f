// Optimal DPOR on the standard benchmark families: the published trace counts (Abdulla et al.,
// JACM 2017, §10; GenMC's and Nidhugg's test corpora agree), exactly one execution per trace,
// no redundant execution; and the same count as an independent oracle, the distinct traces
// among every execution exhaustive DFS runs.
#include <doctest/doctest.h> // TEST_CASE, SUBCASE, CHECK

#include <string> // names
#include <vector> // params

#include "checker/strategies/dpor_strategy.hpp"           // DporStrategy
#include "tests/checker/explore/explore_test_util.hpp"    // load, search, TraceCounter

namespace {

struct Family {
    const char* name; // as in the literature
    const char* file;
    std::vector<std::string> params;
    uint64_t traces;
};

// The published counts, each checked against racecheck's granularity in the scenario files:
// `counter += 1` is a read then a write; thread start, join and exit are operations of
// MainThread that do not add traces (each start precedes its thread, each join follows its end).
const Family kFamilies[] = {
    {"inc(2) = (2!)^2", "scenarios/counter.yaml", {"THREADS=2", "ITERATIONS=1"}, 4},
    {"inc(3) = (3!)^2", "scenarios/counter.yaml", {"THREADS=3", "ITERATIONS=1"}, 36},
    {"inc(4) = (4!)^2", "scenarios/counter.yaml", {"THREADS=4", "ITERATIONS=1"}, 576},
    {"unprotected counter 2x2", "scenarios/counter.yaml", {"THREADS=2", "ITERATIONS=2"}, 34},
    {"unprotected counter 2x3", "scenarios/counter.yaml", {"THREADS=2", "ITERATIONS=3"}, 328},
    {"unprotected counter 3x2", "scenarios/counter.yaml", {"THREADS=3", "ITERATIONS=2"}, 7134},
    {"unprotected counter 2x4", "scenarios/counter.yaml", {"THREADS=2", "ITERATIONS=4"}, 3334},
    {"locked inc(3) = 3!", "scenarios/counter_lock.yaml", {"THREADS=3", "ITERATIONS=1"}, 6},
    {"locked inc(4) = 4!", "scenarios/counter_lock.yaml", {"THREADS=4", "ITERATIONS=1"}, 24},
    {"locked counter 3x3 = 9!/(3!)^3", "scenarios/counter_lock.yaml", {"THREADS=3", "ITERATIONS=3"}, 1680},
    {"readers(2) = 2^2", "tests/families/readers.yaml", {"READERS=2"}, 4},
    {"readers(4) = 2^4", "tests/families/readers.yaml", {"READERS=4"}, 16},
    {"readers(8) = 2^8", "tests/families/readers.yaml", {"READERS=8"}, 256},
    {"lastzero(2) = 5 * 2^0", "tests/families/lastzero.yaml", {"N=2"}, 5},
    {"lastzero(3) = 6 * 2^1", "tests/families/lastzero.yaml", {"N=3"}, 12},
    {"lastzero(5) = 8 * 2^3", "tests/families/lastzero.yaml", {"N=5"}, 64},
    {"lastzero(8) = 11 * 2^6", "tests/families/lastzero.yaml", {"N=8"}, 704},
    {"fib_bench(2)", "tests/families/fib_bench.yaml", {"NUM=2"}, 140},
};

} // namespace

TEST_CASE("dpor_runs_exactly_one_execution_per_trace_on_the_benchmark_families") {
    for (const Family& f : kFamilies) {
        SUBCASE(f.name) {
            rc::LoadedScenario ls = rc::test::load(f.file, f.params);
            rc::DporStrategy dpor;
            rc::Budgets b;
            b.max_seconds = 600; // a count, not a speed: never cut by time
            rc::SearchResult r = rc::test::search(ls, dpor, b);
            CHECK(r.stopped_by == rc::StopReason::Exhausted);
            CHECK(r.executions == f.traces);
            CHECK(r.redundant_executions == 0);
            CHECK(dpor.sleep_blocked() == 0);
            CHECK(dpor.infeasible() == 0);
        }
    }
}

TEST_CASE("dpor_explores_as_many_traces_as_dfs_runs_distinct_traces") {
    struct Small {
        const char* file;
        std::vector<std::string> params;
    };
    const Small cases[] = {
        {"scenarios/counter.yaml", {"THREADS=2", "ITERATIONS=2"}},
        {"scenarios/counter_lock.yaml", {}},
        {"scenarios/abba_deadlock.yaml", {}},
        {"scenarios/condition_notify_items.yaml", {}},
        {"scenarios/condition_while_two_consumers.yaml", {}},
        {"scenarios/bounded_semaphore_over_release.yaml", {}},
        {"scenarios/check_then_act_withdraw.yaml", {}},
        {"tests/families/lastzero.yaml", {"N=3"}},
        {"tests/families/fib_bench.yaml", {"NUM=1"}},
        {"tests/families/readers.yaml", {"READERS=3"}},
        {"scenarios/as_completed_order.yaml", {"TASKS=2"}}, // choices of the explorer
        {"scenarios/is_alive_after_start.yaml", {}},        // a thread's end as a step (ThreadEnd)
        {"scenarios/active_count_two_workers.yaml", {}},    // active_count() (ThreadCount)
    };
    for (const Small& c : cases) {
        SUBCASE(c.file) {
            rc::LoadedScenario ls = rc::test::load(c.file, c.params);
            rc::Budgets b; // counts, not speeds: never cut by time (sanitizer builds, a loaded machine)
            b.max_seconds = 600;
            rc::test::TraceCounter oracle;
            rc::SearchResult all = rc::test::search(ls, oracle, b);
            REQUIRE(all.stopped_by == rc::StopReason::Exhausted);
            rc::DporStrategy dpor;
            rc::SearchResult r = rc::test::search(ls, dpor, b);
            CHECK(r.stopped_by == rc::StopReason::Exhausted);
            CHECK_MESSAGE(r.executions == oracle.traces(),
                          c.file << ": dfs ran " << all.executions << " executions");
            CHECK(r.redundant_executions == 0);
        }
    }
}

TEST_CASE("dpor_coverage_names_traces_and_says_all_only_when_finished") {
    rc::LoadedScenario ls = rc::test::load("scenarios/counter.yaml");
    rc::DporStrategy dpor;
    rc::SearchResult r = rc::test::search(ls, dpor);
    CHECK(r.coverage == "all 34 traces");
    rc::DporStrategy cut;
    rc::Budgets b;
    b.max_executions = 5;
    rc::SearchResult part = rc::test::search(ls, cut, b);
    CHECK(part.stopped_by == rc::StopReason::MaxExecutions);
    CHECK(part.coverage == "5 traces (not exhaustive: the search did not finish)");
}

TEST_CASE("dpor_explores_both_branches_of_the_explorers_choices") {
    // as_completed yields the futures already finished in an arbitrary (set) order, which the
    // program asks the explorer for (OpKind::Choose): dpor runs both branches of each choice,
    // reaches every output the stateful search reaches, and says it was exhaustive. (TASKS=3, all
    // 3! orders, takes 71,706 traces: too slow for the sanitizer builds' test run.)
    rc::LoadedScenario ls = rc::test::load("scenarios/as_completed_order.yaml", {"TASKS=2"});
    rc::Budgets b;
    b.max_seconds = 600;
    rc::SearchResult state = rc::test::search(ls, "state", b);
    REQUIRE(state.stopped_by == rc::StopReason::Exhausted);
    rc::DporStrategy dpor;
    rc::SearchResult r = rc::test::search(ls, dpor, b);
    CHECK(r.stopped_by == rc::StopReason::Exhausted);
    CHECK(r.coverage.rfind("all ", 0) == 0);
    CHECK(r.redundant_executions == 0);
    CHECK(rc::test::outcomes(r) == rc::test::outcomes(state));
    CHECK(rc::test::outcomes(r).size() == 2); // "0\n1\n" and "1\n0\n"
}
