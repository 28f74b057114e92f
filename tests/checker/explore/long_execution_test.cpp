// Long executions (issue 9): a cut by the steps budget is a cut, never nontermination; the
// default portfolio reports what its bug-hunting part found together with the systematic part,
// and never calls a result exhaustive that is not; the checkpoints of a long execution stay few.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <set>    // kinds
#include <string> // coverage

#include "checker/explore/portfolio.hpp"               // run_portfolio, merge_search
#include "checker/strategies/stateful_strategy.hpp"    // StatefulStrategy
#include "tests/checker/explore/explore_test_util.hpp" // load, kinds

namespace {

rc::SearchResult portfolio(rc::LoadedScenario& ls, rc::Budgets b, rc::PortfolioOptions o = {}) {
    rc::Interpreter in(ls.compiled->program);
    rc::Session session(in, ls.compiled->param_values, rc::detector_context(ls), b,
                        rc::outcome_globals(ls.compiled->program));
    rc::StatefulStrategy state(1024);
    return rc::run_portfolio(session, state, "state", o);
}

} // namespace

TEST_CASE("an_execution_cut_by_the_steps_budget_is_never_nontermination") {
    // Programs that end, cut long before their end: every strategy counts the cut, none calls
    // it a finding (before issue 9, each of these was a false `nontermination`).
    for (const char* file : {"scenarios/counter_lock.yaml", "scenarios/lock_acquire_release.yaml",
                             "scenarios/daemon_forever.yaml"}) {
        for (const char* strategy : {"state", "pb", "dfs", "random", "pct", "stale-read"}) {
            const std::string what = std::string(file) + " " + strategy;
            INFO(what);
            rc::LoadedScenario ls = rc::test::load(file, std::string(file).find("daemon") ==
                                                                 std::string::npos
                                                             ? std::vector<std::string>{"ITERATIONS=50"}
                                                             : std::vector<std::string>{});
            rc::Budgets b;
            b.max_steps = 40;
            b.max_executions = 300;
            rc::SearchResult r = rc::test::search(ls, strategy, b);
            // The daemon's program may end at once (MainThread exits): only some are cut.
            if (std::string(file).find("daemon") == std::string::npos) CHECK(r.cut_executions > 0);
            CHECK(rc::test::kinds(r).count("nontermination") == 0);
            if (r.cut_executions > 0) CHECK(r.stopped_by != rc::StopReason::Exhausted);
            for (const rc::Outcome& o : r.outcomes)
                if (o.ending == "cut by the step limit") CHECK(o.count > 0);
        }
    }
}

TEST_CASE("a_small_program_runs_the_systematic_search_alone_under_the_portfolio") {
    rc::LoadedScenario ls = rc::test::load("scenarios/counter.yaml");
    rc::SearchResult p = portfolio(ls, rc::Budgets{});
    rc::SearchResult s = rc::test::search(ls, "state");
    CHECK(p.strategy == "state");
    CHECK(p.stopped_by == rc::StopReason::Exhausted);
    CHECK(p.states == s.states);
    CHECK(p.executions == s.executions);
    CHECK(rc::test::kinds(p) == rc::test::kinds(s));
    CHECK(rc::test::outcomes(p) == rc::test::outcomes(s));
}

TEST_CASE("the_portfolio_ends_a_large_programs_search_at_the_first_execution_with_findings") {
    // 2 threads × 20,000: one execution is 80,000 steps, a large program. The probe (PCT's
    // first, round-robin execution) shows all three findings, and the search ends there.
    rc::LoadedScenario ls = rc::test::load("scenarios/counter.yaml", {"ITERATIONS=20000"});
    rc::Budgets b;
    b.max_seconds = 600;
    rc::SearchResult r = portfolio(ls, b);
    CHECK(r.strategy == "portfolio");
    CHECK(r.stopped_by == rc::StopReason::FirstFindings);
    CHECK(r.executions == 1);
    CHECK(rc::test::kinds(r) == std::set<std::string>{"data-race", "lost-update", "check-failed"});
    INFO(r.coverage);
    CHECK(r.coverage.find("bug hunting: 1 PCT execution (depth 3, seed 1;") == 0);
    CHECK(r.coverage.find("state") == std::string::npos); // no systematic search ran
    CHECK(!r.exhaustive());
    // A lock-protected large program shows nothing, and its search goes on
    // (the_portfolio_with_a_systematic_part_that_does_not_finish_is_not_exhaustive).
}

TEST_CASE("the_portfolio_reports_what_bug_hunting_found_and_is_not_exhaustive_then") {
    // The same program with --keep-going: with 3 executions (the probe, one PCT, one
    // stale-read) the systematic part never runs: every finding comes from the bug-hunting part.
    rc::LoadedScenario ls = rc::test::load("scenarios/counter.yaml", {"ITERATIONS=20000"});
    rc::Budgets b;
    b.max_executions = 3;
    b.max_seconds = 600;
    rc::PortfolioOptions o;
    o.keep_going = true;
    rc::SearchResult r = portfolio(ls, b, o);
    CHECK(r.strategy == "portfolio");
    CHECK(r.stopped_by == rc::StopReason::MaxExecutions);
    CHECK(r.executions == 3);
    CHECK(rc::test::kinds(r) == std::set<std::string>{"data-race", "lost-update", "check-failed"});
    CHECK(r.coverage.find("bug hunting: ") == 0);
    CHECK(r.coverage.find("PCT executions (depth 3, seed 1;") != std::string::npos);
    CHECK(r.coverage.find("no state search (the execution budget was spent)") != std::string::npos);
    CHECK(r.cut_executions == 0); // every execution ran to the program's end
    for (const rc::Outcome& o : r.outcomes) CHECK(o.ending == "ended");
}

TEST_CASE("the_portfolio_with_a_systematic_part_that_does_not_finish_is_not_exhaustive") {
    rc::LoadedScenario ls = rc::test::load("scenarios/counter_lock.yaml", {"ITERATIONS=20000"});
    rc::Budgets b;
    b.max_executions = 12; // the probe, 1 PCT, 1 stale-read, then the state search
    b.max_seconds = 3;     // the state search stops by time (its cut paths are no executions)
    rc::SearchResult r = portfolio(ls, b);
    CHECK(r.strategy == "portfolio");
    CHECK(r.stopped_by != rc::StopReason::Exhausted);
    CHECK(r.findings.empty());
    INFO(r.coverage);
    CHECK(r.coverage.find("; then state: ") != std::string::npos);
    CHECK(r.coverage.find("not exhaustive") != std::string::npos);
}

TEST_CASE("merge_search_sums_counts_and_keeps_the_best_witness") {
    rc::SearchResult a, b;
    rc::Finding f;
    f.kind = rc::FindingKind::LostUpdate;
    f.key = "lost-update:1";
    f.preemptions = 3;
    f.schedule.resize(10);
    f.count = 2;
    a.findings.push_back(f);
    f.preemptions = 1;
    f.schedule.resize(50);
    f.count = 5;
    b.findings.push_back(f);
    rc::Finding race;
    race.kind = rc::FindingKind::DataRace;
    race.key = "data-race:1";
    b.findings.push_back(race);
    rc::Outcome o;
    o.ending = "ended";
    o.values = {{"counter", "3"}};
    o.count = 4;
    a.outcomes.push_back(o);
    o.count = 1;
    b.outcomes.push_back(o);
    a.executions = 6, b.executions = 7, a.runs = 6, b.runs = 9;
    rc::merge_search(a, b);
    REQUIRE(a.findings.size() == 2);
    CHECK(a.findings[0].kind == rc::FindingKind::DataRace); // kind order
    CHECK(a.findings[1].count == 7);
    CHECK(a.findings[1].preemptions == 1);
    REQUIRE(a.outcomes.size() == 1);
    CHECK(a.outcomes[0].count == 5);
    CHECK(a.executions == 13);
    CHECK(a.runs == 15);
}

TEST_CASE("a_poll_with_a_timed_join_yields_on_the_stateful_searchs_first_path") {
    // MainThread polls with join(timeout) and counts its polls: timing out again and again is a
    // path of ever new states. The stateful search tries the other threads first after a wait
    // that timed out, as after a sleep, so its first path ends and finds the division by zero
    // (it used to run one path for the whole budget: 0 executions, no finding).
    rc::LoadedScenario ls = rc::test::load_text(R"(name: join-timeout-poll
params: {}
code: |
  import threading
  def worker():
      print("worker finished")
  t = threading.Thread(target=worker)
  t.start()
  polls = 0
  while t.is_alive():
      t.join(timeout=0.05)
      polls += 1
  print("done", 1 / 0)
checks:
  final: []
  always: []
)");
    rc::Budgets b;
    b.max_executions = 20; // the search cannot finish (polls grows without bound)
    rc::SearchResult r = rc::test::search(ls, "state", b);
    CHECK(r.executions > 0);
    CHECK(rc::test::kinds(r).count("exception") == 1);
}
