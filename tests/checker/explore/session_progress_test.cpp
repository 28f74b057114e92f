// The Session's progress hook: told after every execution, and able to stop the search, which
// then says it was interrupted (never exhausted). The budget counts pb's repeats; the report
// counts each interleaving once, and SearchResult says both.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <memory>  // unique_ptr
#include <variant> // loader results

#include "checker/commands/check_command.hpp" // load_and_compile, detector_context
#include "checker/explore/session.hpp"        // Session, SearchProgress
#include "model/runtime/interpreter.hpp"      // Interpreter

namespace {

struct Search {
    rc::LoadedScenario ls;
    std::unique_ptr<rc::Interpreter> in;
    std::unique_ptr<rc::Session> session;
    explicit Search(const char* file, rc::Budgets budgets = {}) {
        auto loaded = rc::load_and_compile(file, {});
        REQUIRE(std::holds_alternative<rc::LoadedScenario>(loaded));
        ls = std::move(std::get<rc::LoadedScenario>(loaded));
        in = std::make_unique<rc::Interpreter>(ls.compiled->program);
        session =
            std::make_unique<rc::Session>(*in, ls.compiled->param_values, rc::detector_context(ls),
                                          budgets, rc::outcome_globals(ls.compiled->program));
    }
    rc::SearchResult run(const char* strategy, const rc::ProgressHook& hook = {}) {
        auto s = rc::find_strategy(strategy)->make(rc::StrategyOptions{});
        return session->run(*s, hook);
    }
};

} // namespace

TEST_CASE("the_progress_hook_sees_every_execution_and_can_stop_the_search") {
    Search s("scenarios/counter.yaml");
    uint64_t calls = 0, last_runs = 0;
    rc::SearchResult r = s.run("dfs", [&](const rc::SearchProgress& p) {
        ++calls;
        CHECK(p.runs == last_runs + 1);
        CHECK(p.executions == p.runs); // dfs repeats nothing
        CHECK(p.depth > 0);
        last_runs = p.runs;
        return p.runs < 5;
    });
    CHECK(calls == 5);
    CHECK(r.stopped_by == rc::StopReason::Interrupted);
    CHECK(r.executions == 5);
    CHECK(r.runs == 5);
    CHECK(!r.findings.empty()); // what was found until then is kept
}

TEST_CASE("without_a_hook_that_stops_the_search_runs_to_its_end") {
    Search s("scenarios/counter.yaml");
    uint64_t calls = 0;
    rc::SearchResult r = s.run("pb", [&](const rc::SearchProgress& p) {
        ++calls;
        CHECK(p.runs >= p.executions);
        return true;
    });
    CHECK(r.stopped_by == rc::StopReason::Exhausted);
    CHECK(calls == r.runs);
}

TEST_CASE("search_result_counts_the_runs_the_budget_counted_and_the_executions_it_reports") {
    rc::Budgets b;
    b.max_executions = 300;
    Search s("scenarios/counter.yaml", b);
    rc::SearchResult r = s.run("pb");
    CHECK(r.stopped_by == rc::StopReason::MaxExecutions);
    CHECK(r.runs == 300);         // what max_executions counts
    CHECK(r.executions < r.runs); // pb re-ran schedules of lower bounds: not reported again
    uint64_t outcomes = 0;
    for (const rc::Outcome& o : r.outcomes) outcomes += o.count;
    CHECK(outcomes == r.executions);
}

// scenarios/local_loop_forever.yaml: one step of its worker runs Limits::max_local_run
// (50,000,000) instructions before it is cut, seconds of work. The time budget and the hook
// must stop the search inside that step, not after it: the execution is then no execution (no
// limit cut is counted, no outcome is recorded) and the search says why it stopped.
TEST_CASE("the_time_budget_stops_the_search_inside_one_long_step") {
    rc::Budgets b;
    b.max_seconds = 0.2; // the step would need seconds
    Search s("scenarios/local_loop_forever.yaml", b);
    rc::SearchResult r = s.run("dfs");
    CHECK(r.stopped_by == rc::StopReason::MaxSeconds);
    CHECK(r.executions == 0);
    CHECK(r.limit_executions == 0); // stopped before the instruction limit cut it
    CHECK(r.outcomes.empty());
    CHECK(r.findings.empty());
    CHECK(!r.exhaustive());
}

TEST_CASE("the_progress_hook_is_asked_inside_one_long_step_and_can_stop_it") {
    Search s("scenarios/local_loop_forever.yaml");
    uint64_t calls = 0;
    rc::SearchResult r = s.run("dfs", [&](const rc::SearchProgress& p) {
        CHECK(p.executions == 0); // no execution has ended
        return ++calls < 3;
    });
    CHECK(calls == 3);
    CHECK(r.stopped_by == rc::StopReason::Interrupted);
    CHECK(r.executions == 0);
    CHECK(r.limit_executions == 0);
    CHECK(r.outcomes.empty());
}
