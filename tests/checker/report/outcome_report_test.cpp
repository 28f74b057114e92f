// Outcomes are only outcomes: executions cut before their end are counted apart and their
// values never listed; a search that is not exhaustive says "seen", with counts; module-level
// loop variables are no outcome globals.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <nlohmann/json.hpp> // the JSON report
#include <fmt/format.h>        // expected texts
#include <set>               // distinct values
#include <sstream>           // captured output
#include <string>            // texts
#include <vector>            // arguments

#include "checker/commands/cli.hpp" // run_cli

namespace {

std::string run(const std::vector<std::string>& args, int& exit_code) {
    std::vector<const char*> argv{"racecheck", "--no-validate"};
    for (const std::string& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    exit_code = rc::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
    return out.str();
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("values_of_executions_cut_by_the_step_budget_are_never_outcomes") {
    int code = 0;
    std::string text = run({"scenarios/counter.yaml", "--strategy", "dfs", "--max-steps", "6",
                            "--max-executions", "10"},
                           code);
    CHECK_MESSAGE(!has(text, "reachable outcomes"), text);
    CHECK_MESSAGE(!has(text, "outcomes seen"), text);
    CHECK_MESSAGE(has(text, "10 executions cut by the step limit before the end: not outcomes"), text);
    std::string json = run({"scenarios/counter.yaml", "--strategy", "dfs", "--max-steps", "6",
                            "--max-executions", "10", "--format", "json"},
                           code);
    auto j = nlohmann::json::parse(json);
    CHECK(j["outcomes"].empty());
    REQUIRE(j["cut"].size() == 1);
    CHECK(j["cut"][0]["ending"] == "cut by the step limit");
    CHECK(j["cut"][0]["count"] == 10);
    CHECK(j["outcomes_are"] == "seen");
}

TEST_CASE("a_search_that_is_not_exhaustive_says_seen_with_counts") {
    int code = 0;
    std::string text = run({"scenarios/counter.yaml", "--strategy", "random", "--param",
                            "ITERATIONS=3", "--max-executions", "40"},
                           code);
    CHECK_MESSAGE(has(text, "outcomes seen (not exhaustive) in 40 executions that ran to their end: counter ∈ {"), text);
    CHECK_MESSAGE(has(text, " ×"), text);
    CHECK_MESSAGE(!has(text, "reachable outcomes"), text);
    std::string exhaustive = run({"scenarios/counter.yaml"}, code);
    CHECK_MESSAGE(has(exhaustive, "reachable outcomes: counter ∈ {2, 3, 4}"), exhaustive);
}

TEST_CASE("loop_variables_of_module_level_for_loops_are_no_outcome_globals") {
    // No checks: every scalar global is an outcome value, but not `_` or `t`.
    int code = 0;
    std::string json = run({"scenarios/semaphore_names.yaml", "--format", "json"}, code);
    auto j = nlohmann::json::parse(json);
    for (const auto& o : j["outcomes"]) {
        CHECK(!o["values"].contains("i"));
        CHECK(!o["values"].contains("_"));
    }
}

TEST_CASE("a_global_with_very_many_values_is_shortened_unless_outcomes_are_asked_for") {
    // The counter with one thread doing 60 increments against another: a random search sees
    // dozens of final values; the line shows the smallest and largest few and how many.
    int code = 0;
    const std::vector<std::string> base{"scenarios/counter.yaml", "--strategy", "random", "--param",
                                        "ITERATIONS=60", "--max-executions", "400", "--seed", "3"};
    std::string text = run(base, code);
    auto j = nlohmann::json::parse(run([&] { auto a = base; a.insert(a.end(), {"--format", "json"}); return a; }(), code));
    std::set<std::string> values;
    for (const auto& o : j["outcomes"]) values.insert(o["values"]["counter"].dump());
    REQUIRE(values.size() > 20); // enough values to be shortened
    CHECK_MESSAGE(has(text, fmt::format("more …, ")), text);
    CHECK_MESSAGE(has(text, fmt::format("({} values; list them with --outcomes)", values.size())), text);
    auto all = base;
    all.push_back("--outcomes");
    std::string full = run(all, code);
    CHECK_MESSAGE(!has(full, "more …"), full);
    CHECK_MESSAGE(!has(full, "list them with --outcomes"), full);
}
