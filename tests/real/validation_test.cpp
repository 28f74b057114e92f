// checker/validation end to end: model-check a scenario, then validate its findings with
// racecheck_tsan (the binary this build made), as racecheck will.
#include <algorithm>  // sort
#include <chrono>     // the time each validation takes, printed
#include <filesystem> // the survey's scenario folder
#include <cstdio>  // printf
#include <memory>  // unique_ptr
#include <string>  // names
#include <variant> // loader results

#include <doctest/doctest.h> // TEST_CASE, CHECK

#include "checker/explore/session.hpp"        // Session, outcome_globals
#include "checker/strategies/strategy.hpp"       // find_strategy
#include "checker/validate/validation.hpp"     // validate
#include "model/compile/compile_scenario.hpp" // compile_scenario
#include "model/scenario/scenario.hpp"         // load_scenario

namespace {

struct Checked {
    rc::Scenario scenario;
    std::unique_ptr<rc::CompiledScenario> compiled;
    std::unique_ptr<rc::Interpreter> in;
    std::vector<rc::Finding> findings;
    std::vector<std::vector<std::pair<std::string, std::string>>> expected;
};

/// Loads, applies params, checks with DFS (or `strategy`) and computes each finding's expected
/// final values.
Checked check(const std::string& file, const std::vector<std::string>& params = {},
              const char* strategy_name = "dfs", rc::Budgets budgets = {}) {
    Checked c;
    auto loaded = rc::load_scenario(file);
    REQUIRE(std::holds_alternative<rc::Scenario>(loaded));
    c.scenario = std::get<rc::Scenario>(loaded);
    for (const std::string& p : params) REQUIRE(!rc::apply_param_override(c.scenario, p));
    auto compiled = rc::compile_scenario(c.scenario);
    REQUIRE(std::holds_alternative<std::unique_ptr<rc::CompiledScenario>>(compiled));
    c.compiled = std::move(std::get<std::unique_ptr<rc::CompiledScenario>>(compiled));
    c.in = std::make_unique<rc::Interpreter>(c.compiled->program);
    rc::DetectorContext ctx;
    ctx.program = &c.compiled->program;
    for (const rc::Check& k : c.scenario.final_checks) ctx.final_checks.push_back(k.expr);
    for (const rc::Check& k : c.scenario.always_checks) ctx.always_checks.push_back(k.expr);
    ctx.yaml_line = c.scenario.code_map.yaml_line;
    const auto watched = rc::outcome_globals(c.compiled->program);
    rc::Session session(*c.in, c.compiled->param_values, ctx, budgets, watched);
    auto strategy = rc::find_strategy(strategy_name)->make(rc::StrategyOptions{});
    c.findings = session.run(*strategy).findings;
    for (size_t i = 0; i < c.findings.size(); ++i) // as racecheck computes them
        c.expected.push_back(rc::forced_replay_final_values(
            *c.in, c.compiled->param_values,
            c.findings[rc::forced_schedule_of(c.findings, i)].schedule, watched, budgets.max_steps));
    return c;
}

rc::ValidationOptions options() {
    rc::ValidationOptions o;
    o.tsan_binary = RC_TSAN_BINARY;
    return o;
}

/// Validates and prints the wall time (figures are printed, never asserted).
rc::ValidationReport validated(const Checked& c) {
    const auto start = std::chrono::steady_clock::now();
    auto r = rc::validate(c.scenario, c.findings, c.expected, options());
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("validation of %s: %.2f s (forced %.2f s, %llu free runs %.2f s)\n",
                c.scenario.file.c_str(), s, r ? r->forced_seconds : 0.0,
                static_cast<unsigned long long>(r ? r->free_runs : 0), r ? r->free_seconds : 0.0);
    REQUIRE(r.has_value());
    CHECK(r->errors.empty());
    return *r;
}

const rc::Validation* of_kind(const Checked& c, const rc::ValidationReport& r, rc::FindingKind k) {
    for (size_t i = 0; i < c.findings.size(); ++i)
        if (c.findings[i].kind == k) return &r.findings[i];
    return nullptr;
}

} // namespace

TEST_CASE("choices_argument_spells_timeouts_with_t") {
    CHECK(rc::choices_argument({{rc::ThreadId(0), false}, {rc::ThreadId(2), true}}) == "0,2t");
    CHECK(rc::choices_argument({}).empty());
}

TEST_CASE("a_tsan_only_race_names_both_accesses_kinds_and_lines") {
    // Races on one variable between the same threads differ by their accesses' kinds: the text
    // says them, so two such lines never read the same.
    rc::TsanRace write_read{"counter", {"Thread-1 (worker)", "Thread-2 (worker)"}, {22, 23}, {true, false}, 3};
    CHECK(rc::tsan_only_text(write_read) ==
          "TSan reports a race on `counter`: Thread-1 (worker) write (line 22) ∥ Thread-2 (worker) "
          "read (line 23), which the model did not report");
    rc::TsanRace unknown_line = write_read;
    unknown_line.lines = {0, 23};
    unknown_line.writes = {true, true};
    CHECK(rc::tsan_only_text(unknown_line) ==
          "TSan reports a race on `counter`: Thread-1 (worker) write ∥ Thread-2 (worker) write "
          "(line 23), which the model did not report");
}

TEST_CASE("validation_is_available_when_racecheck_tsan_was_built") {
    CHECK(!rc::validation_unavailable(options()));
    rc::ValidationOptions missing;
    missing.tsan_binary = "/nonexistent/racecheck_tsan";
    auto why = rc::validation_unavailable(missing);
    REQUIRE(why);
    CHECK(why->rfind("validation unavailable: ", 0) == 0);
}

TEST_CASE("counter_findings_are_confirmed_and_reproduced") {
    // class_counter_unsafe: the race is on an attribute (`counter.value`), closure_counter_unsafe
    // on a closure variable's cell; the real-thread runtime makes a memory cell for each at its
    // first visible access.
    for (const char* scenario : {"scenarios/counter.yaml", "scenarios/unsafe_increase_two_threads.yaml",
                                 "scenarios/class_counter_unsafe.yaml", "scenarios/closure_counter_unsafe.yaml"}) {
        CAPTURE(scenario);
        Checked c = check(scenario);
        auto r = validated(c);
        const rc::Validation* race = of_kind(c, r, rc::FindingKind::DataRace);
        const rc::Validation* lost = of_kind(c, r, rc::FindingKind::LostUpdate);
        const rc::Validation* check_failed = of_kind(c, r, rc::FindingKind::CheckFailed);
        REQUIRE(race);
        REQUIRE(lost);
        REQUIRE(check_failed);
        CHECK(race->tsan == "confirmed");
        CHECK(race->forced_replay == "reproduced");
        CHECK(lost->forced_replay == "reproduced");
        CHECK(lost->tsan == "confirmed");
        CHECK(check_failed->forced_replay == "reproduced");
        CHECK(race->free_runs == 20);
        CHECK(r.tsan_only.empty());
        CHECK(r.tsan_other.empty());
    }
}

TEST_CASE("lost_update_expected_values_are_the_models_exact_values") {
    Checked c = check("scenarios/counter.yaml", {"ITERATIONS=1"});
    for (size_t i = 0; i < c.findings.size(); ++i)
        if (c.findings[i].kind == rc::FindingKind::LostUpdate)
            CHECK(c.expected[i] == std::vector<std::pair<std::string, std::string>>{{"counter", "1"}});
    auto r = validated(c);
    CHECK(of_kind(c, r, rc::FindingKind::LostUpdate)->forced_replay == "reproduced");
}

TEST_CASE("an_attributes_lost_update_expects_the_models_value_of_the_attribute") {
    Checked c = check("scenarios/class_counter_unsafe.yaml", {"ITERATIONS=1"});
    size_t lost = 0;
    for (size_t i = 0; i < c.findings.size(); ++i)
        if (c.findings[i].kind == rc::FindingKind::LostUpdate) {
            ++lost;
            CHECK(c.expected[i] == std::vector<std::pair<std::string, std::string>>{{"counter.value", "1"}});
        }
    CHECK(lost == 1);
    auto r = validated(c);
    CHECK(of_kind(c, r, rc::FindingKind::LostUpdate)->forced_replay == "reproduced");
    CHECK(of_kind(c, r, rc::FindingKind::DataRace)->tsan == "confirmed");
}

TEST_CASE("a_forced_replay_goes_on_fairly_past_a_thread_that_polls") {
    // After the witness the main thread, polling active_count() with sleeps, is always enabled:
    // the continuation must still run the workers, or every forced replay runs until the
    // validation's time budget (as it did while it ran "the lowest enabled thread").
    Checked c = check("tests/real/poll_until_workers_end.yaml", {}, "state");
    auto r = validated(c);
    const rc::Validation* race = of_kind(c, r, rc::FindingKind::DataRace);
    const rc::Validation* lost = of_kind(c, r, rc::FindingKind::LostUpdate);
    const rc::Validation* check_failed = of_kind(c, r, rc::FindingKind::CheckFailed);
    REQUIRE(race);
    REQUIRE(lost);
    REQUIRE(check_failed);
    CHECK(race->forced_replay == "reproduced");
    CHECK(lost->forced_replay == "reproduced");
    CHECK(check_failed->forced_replay == "reproduced");
    for (size_t i = 0; i < c.findings.size(); ++i)
        if (c.findings[i].kind == rc::FindingKind::LostUpdate)
            CHECK(c.expected[i] == std::vector<std::pair<std::string, std::string>>{{"n", "1"}});
    CHECK(r.tsan_only.empty()); // the main thread's read of n after the count is ordered
}

TEST_CASE("abba_deadlock_is_reproduced_as_a_hang") {
    Checked c = check("tests/real/abba_deadlock.yaml");
    auto r = validated(c);
    const rc::Validation* dl = of_kind(c, r, rc::FindingKind::Deadlock);
    REQUIRE(dl);
    CHECK(dl->forced_replay == "reproduced");
    CHECK(dl->tsan == "n.a.");
    CHECK(r.tsan_only.empty());
}

TEST_CASE("a_clean_scenario_validates_clean") {
    Checked c = check("scenarios/counter_lock.yaml");
    CHECK(c.findings.empty());
    auto r = validated(c);
    CHECK(r.findings.empty());
    CHECK(r.tsan_only.empty());
    CHECK(r.tsan_other.empty());
}

TEST_CASE("a_validation_past_its_time_budget_says_so_and_kills_nothing") {
    Checked c = check("scenarios/counter.yaml");
    rc::ValidationOptions o = options();
    o.timeout_seconds = 0.001; // racecheck_tsan cannot even start a run in a millisecond
    o.free_runs = 3;
    auto r = rc::validate(c.scenario, c.findings, c.expected, o);
    REQUIRE(r.has_value());
    CHECK(r->errors.empty()); // racecheck_tsan kept to its budget: nothing was killed
    CHECK(r->free_runs == 0);
    CHECK(r->free_planned == 3);
    CHECK(r->free_budget_ran_out);
    for (const rc::Validation& v : r->findings) {
        CHECK(v.forced_replay == "n.a."); // no verdict from a run that did not happen
        CHECK(v.tsan == "n.a.");
        CHECK(v.free_runs == 0);
        CHECK(v.free_showed == 0);
    }
    const rc::Validation* lost = of_kind(c, *r, rc::FindingKind::LostUpdate);
    REQUIRE(lost != nullptr);
    CHECK(lost->detail == "the forced replay did not start: the validation's time budget of "
                          "0.001 s ran out before it");
}

TEST_CASE("a_long_lost_update_witness_forced_on_real_threads_ends_with_the_models_value") {
    // 2 workers × 1,000 iterations: Thread-1 reads 0, Thread-2 runs its whole loop, Thread-1
    // writes its stale 1 and goes on: 4,008 steps (far past the default step budget), and the
    // model predicts counter = 1,000.
    constexpr uint32_t n = 1000;
    Checked c;
    {
        auto loaded = rc::load_scenario("scenarios/counter.yaml");
        REQUIRE(std::holds_alternative<rc::Scenario>(loaded));
        c.scenario = std::get<rc::Scenario>(loaded);
        REQUIRE(!rc::apply_param_override(c.scenario, "THREADS=2"));
        REQUIRE(!rc::apply_param_override(c.scenario, "ITERATIONS=" + std::to_string(n)));
        auto compiled = rc::compile_scenario(c.scenario);
        REQUIRE(std::holds_alternative<std::unique_ptr<rc::CompiledScenario>>(compiled));
        c.compiled = std::move(std::get<std::unique_ptr<rc::CompiledScenario>>(compiled));
        c.in = std::make_unique<rc::Interpreter>(c.compiled->program);
    }
    std::vector<rc::Choice> schedule;
    auto run = [&](uint32_t thread, size_t k) {
        for (size_t i = 0; i < k; ++i) schedule.push_back(rc::Choice{rc::ThreadId(thread), false});
    };
    run(0, 3);
    run(1, 1);
    run(2, 2 * n);
    run(1, 1); // the stale write: the lost update's witness ends here
    rc::DetectorContext ctx;
    ctx.program = &c.compiled->program;
    for (const rc::Check& k : c.scenario.final_checks) ctx.final_checks.push_back(k.expr);
    ctx.yaml_line = c.scenario.code_map.yaml_line;
    const auto watched = rc::outcome_globals(c.compiled->program);
    rc::Budgets b;
    b.max_steps = 100000;
    rc::Session session(*c.in, c.compiled->param_values, ctx, b, watched);
    std::vector<rc::Finding> found;
    session.replay(schedule, &found);
    for (const rc::Finding& f : found)
        if (f.kind == rc::FindingKind::LostUpdate) c.findings.push_back(f);
    REQUIRE(c.findings.size() == 1);
    REQUIRE(c.findings[0].schedule.size() == schedule.size());
    c.expected.push_back(rc::forced_replay_final_values(*c.in, c.compiled->param_values,
                                                        c.findings[0].schedule, watched, 100000));
    REQUIRE(c.expected[0] == std::vector<std::pair<std::string, std::string>>{{"counter", "1000"}});
    rc::ValidationOptions o = options();
    o.max_steps = 100000;
    o.free_runs = 0;
    o.timeout_seconds = 120; // generous: the machine may be loaded; the time is printed
    const auto start = std::chrono::steady_clock::now();
    auto r = rc::validate(c.scenario, c.findings, c.expected, o);
    std::printf("forcing a %zu-step witness on real threads: %.2f s\n", schedule.size(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    REQUIRE(r.has_value());
    CHECK(r->errors.empty());
    REQUIRE(r->findings.size() == 1);
    CHECK(r->findings[0].forced_replay == "reproduced");
    CHECK(r->findings[0].detail == "the witness, forced on real threads (4011 steps), ended with "
                                   "counter = 1000; the model predicted counter = 1000");
}

TEST_CASE("witnesses_that_begin_one_another_share_one_forced_replay") {
    auto finding = [](rc::FindingKind kind, const char* key, std::vector<uint32_t> threads) {
        rc::Finding f;
        f.kind = kind;
        f.key = key;
        for (uint32_t t : threads) f.schedule.push_back(rc::Choice{rc::ThreadId(t), false});
        return f;
    };
    using K = rc::FindingKind;
    const std::vector<rc::Finding> findings{
        finding(K::DataRace, "race:a", {0, 0, 1}),
        finding(K::LostUpdate, "lost:a", {0, 0, 1, 1}),
        finding(K::CheckFailed, "check-failed:final:0", {0, 0, 1, 1, 0}),
        finding(K::DataRace, "race:b", {0, 1}),                 // begins no other witness
        finding(K::Nontermination, "loop", {0, 0, 1, 1, 0, 0}), // gets no forced replay
        finding(K::CheckFailed, "check-failed:final:1", {0, 0, 1, 1, 0}), // the same as [2]
    };
    CHECK(rc::forced_schedule_of(findings, 0) == 2);
    CHECK(rc::forced_schedule_of(findings, 1) == 2);
    CHECK(rc::forced_schedule_of(findings, 2) == 2);
    CHECK(rc::forced_schedule_of(findings, 3) == 3);
    CHECK(rc::forced_schedule_of(findings, 4) == 4);
    CHECK(rc::forced_schedule_of(findings, 5) == 2); // equal witnesses: the first one's run
}

TEST_CASE("a_long_counters_findings_share_a_forced_run_and_its_free_runs_end_once_all_showed") {
    // 2 × 20,000 iterations, one PCT execution (round robin): the race's, the lost update's and
    // the failed check's witnesses are prefixes of the failed check's, so one forced run shows
    // all three; its lost update ends with the value of that run.
    rc::Budgets one;
    one.max_executions = 1;
    one.max_steps = 200000;
    Checked c = check("scenarios/counter.yaml", {"THREADS=2", "ITERATIONS=20000"}, "pct", one);
    size_t failed = c.findings.size();
    for (size_t i = 0; i < c.findings.size(); ++i)
        if (c.findings[i].kind == rc::FindingKind::CheckFailed) failed = i;
    REQUIRE(failed < c.findings.size());
    REQUIRE(c.findings.size() == 3);
    for (size_t i = 0; i < c.findings.size(); ++i) CHECK(rc::forced_schedule_of(c.findings, i) == failed);
    rc::ValidationOptions o = options();
    o.max_steps = 200000;
    o.free_runs = 4;
    o.timeout_seconds = 120; // generous: the machine may be loaded
    o.long_free_run_seconds = 0; // any first run that shows every finding ends the free runs
    o.split_free_runs_steps = 50000; // the 80,000 steps of this program are a long run
    auto r = rc::validate(c.scenario, c.findings, c.expected, o);
    REQUIRE(r.has_value());
    CHECK(r->errors.empty());
    for (const rc::Validation& v : r->findings) CHECK(v.forced_replay == "reproduced");
    CHECK(of_kind(c, *r, rc::FindingKind::DataRace)->tsan == "confirmed");
    bool all_showed = true;
    for (const rc::Validation& v : r->findings) all_showed = all_showed && v.free_showed == v.free_runs;
    std::printf("free runs of a 40,000-iteration counter: %llu (stopped after %llu)\n",
                static_cast<unsigned long long>(r->free_runs),
                static_cast<unsigned long long>(r->free_stopped_after));
    if (r->free_stopped_after) { // the first run showed every finding
        CHECK(r->free_stopped_after == 1);
        CHECK(r->free_runs == 1);
        CHECK(all_showed);
    } else { // it did not: the other runs followed
        CHECK(r->free_runs == 4);
    }
    // A short program makes all its free runs in one process (even with no threshold of time).
    Checked small = check("scenarios/counter.yaml");
    rc::ValidationOptions so = options();
    so.long_free_run_seconds = 0;
    auto rs = rc::validate(small.scenario, small.findings, small.expected, so);
    REQUIRE(rs.has_value());
    CHECK(rs->free_stopped_after == 0);
    CHECK(rs->free_runs == 20);
}

TEST_CASE("free_runs_of_a_long_program_stop_at_their_budget_and_say_how_many_ran") {
    // 2 × 200,000 iterations: 800,000 steps a run, far more than 2 s of real threads.
    Checked c;
    {
        auto loaded = rc::load_scenario("scenarios/counter.yaml");
        REQUIRE(std::holds_alternative<rc::Scenario>(loaded));
        c.scenario = std::get<rc::Scenario>(loaded);
        REQUIRE(!rc::apply_param_override(c.scenario, "THREADS=2"));
        REQUIRE(!rc::apply_param_override(c.scenario, "ITERATIONS=200000"));
    }
    rc::ValidationOptions o = options();
    o.max_steps = 2000000;
    o.free_runs = 5;
    o.timeout_seconds = 2;
    const auto start = std::chrono::steady_clock::now();
    auto r = rc::validate(c.scenario, {}, {}, o);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("free runs with a 2 s budget: %.2f s, %llu of 5 ran to their end\n", seconds,
                static_cast<unsigned long long>(r ? r->free_runs : 0));
    REQUIRE(r.has_value());
    CHECK(r->errors.empty()); // stopped by its budget, not killed
    CHECK(r->free_planned == 5);
    CHECK(r->free_runs < 5);
    CHECK(r->free_budget_ran_out);
}

// Not run by default (`build/test_real -tc=validation_survey --no-skip`): validates every
// scenario and prints each finding's verdicts and the time taken, for the validation notes.
TEST_CASE("validation_survey" * doctest::skip()) {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator("scenarios"))
        if (e.path().extension() == ".yaml") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    files.push_back("tests/real/abba_deadlock.yaml");
    for (const std::string& file : files) {
        auto loaded = rc::load_scenario(file);
        if (!std::holds_alternative<rc::Scenario>(loaded)) continue;
        if (std::holds_alternative<rc::Diagnostic>(rc::compile_scenario(std::get<rc::Scenario>(loaded))))
            continue;
        Checked c = check(file);
        auto r = validated(c);
        for (size_t i = 0; i < c.findings.size(); ++i)
            std::printf("  %-20s forced %-14s tsan %-12s free %llu/%llu  %s | %s\n",
                        std::string(rc::finding_kind_name(c.findings[i].kind)).c_str(),
                        r.findings[i].forced_replay.c_str(), r.findings[i].tsan.c_str(),
                        static_cast<unsigned long long>(r.findings[i].free_showed),
                        static_cast<unsigned long long>(r.findings[i].free_runs),
                        c.findings[i].summary.c_str(), r.findings[i].detail.c_str());
        for (const rc::TsanRace& t : r.tsan_only)
            std::printf("  tsan-only race on %s (%s / %s)\n", t.variable.c_str(),
                        t.threads[0].c_str(), t.threads[1].c_str());
        for (const std::string& o : r.tsan_other) std::printf("  tsan-other: %s\n", o.c_str());
        for (const std::string& e : r.errors) std::printf("  error: %s\n", e.c_str());
    }
}
