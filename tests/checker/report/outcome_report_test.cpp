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

namespace {

/// The outcome of `json` (a scenario's JSON report) whose output is `output`, or null.
const nlohmann::json* outcome_with(const nlohmann::json& j, const std::string& output) {
    for (const auto& o : j["outcomes"])
        if (o["output"] == output) return &o;
    return nullptr;
}

} // namespace

TEST_CASE("a_line_into_which_two_threads_wrote_is_marked_and_whole_lines_are_not") {
    // Two threads each print("worker", n): four writes each ("worker", " ", n, "\n").
    int code = 0;
    auto j = nlohmann::json::parse(run({"scenarios/print_two_threads.yaml", "--format", "json"}, code));
    CHECK(j["outcomes_are"] == "reachable");
    CHECK(j["print_lines"] == false);
    const auto* whole = outcome_with(j, "worker 0\nworker 1\n");
    REQUIRE(whole);
    CHECK((*whole)["mixed_lines"].empty());
    // Thread 1 writes "worker", thread 0 "worker 0\n", thread 1 " 1\n": line 1 holds both
    // threads' writes; line 2 is only thread 1's (a piece of its print, but not mixed).
    const auto* split = outcome_with(j, "workerworker 0\n 1\n");
    REQUIRE(split);
    CHECK((*split)["mixed_lines"] == nlohmann::json::array({1}));
    const auto* two = outcome_with(j, "worker 1worker 0\n\n");
    REQUIRE(two);
    CHECK((*two)["mixed_lines"] == nlohmann::json::array({1}));
    // Each outcome is marked exactly when some line of it holds two threads' pieces: an output
    // whose lines are all "worker N" can only have been written line by line.
    for (const auto& o : j["outcomes"]) {
        const std::string out = o["output"];
        const bool lines_whole = out == "worker 0\nworker 1\n" || out == "worker 1\nworker 0\n";
        CHECK_MESSAGE(o["mixed_lines"].empty() == lines_whole, out);
    }
    std::string text = run({"scenarios/print_two_threads.yaml", "--outcomes"}, code);
    CHECK_MESSAGE(has(text, "output \"worker 1worker 0\\n\\n\"  ⇄ threads' writes interleave within line 1\n"), text);
    CHECK_MESSAGE(has(text, "output \"worker 0\\nworker 1\\n\"\n"), text);
    CHECK_MESSAGE(has(text, "of them threads' writes interleave within a line (⇄)"), text);
}

TEST_CASE("print_lines_makes_each_print_one_write_and_every_report_says_what_it_hides") {
    int code = 0;
    const std::vector<std::string> base{"scenarios/print_two_threads.yaml", "--print-lines"};
    auto j = nlohmann::json::parse(run([&] { auto a = base; a.insert(a.end(), {"--format", "json"}); return a; }(), code));
    CHECK(j["print_lines"] == true);
    CHECK(j["outcomes_are"] == "reachable-whole-prints"); // not all CPython can print
    std::set<std::string> outputs;
    for (const auto& o : j["outcomes"]) {
        outputs.insert(o["output"].get<std::string>());
        CHECK(o["mixed_lines"].empty());
    }
    CHECK(outputs == std::set<std::string>{"worker 0\nworker 1\n", "worker 1\nworker 0\n"});
    std::string text = run(base, code);
    CHECK_MESSAGE(has(text, "--print-lines: each print() was one write, so outputs in which another "
                            "thread writes between the pieces of a print (mixed lines, which CPython "
                            "can show) were not explored"),
                  text);
    // A token of a --print-lines search replays with --print-lines (the command says so).
    std::string listed = run({"scenarios/print_two_threads.yaml", "--print-lines", "--outcomes"}, code);
    const size_t at = listed.find("replay: racecheck replay scenarios/print_two_threads.yaml --print-lines --schedule ");
    REQUIRE_MESSAGE(at != std::string::npos, listed);
    const size_t token_at = listed.find("--schedule ", at) + 11;
    const std::string token = listed.substr(token_at, listed.find('\n', token_at) - token_at);
    std::vector<const char*> argv{"racecheck", "replay", "scenarios/print_two_threads.yaml", "--print-lines",
                                  "--schedule", token.c_str()};
    std::ostringstream out, err;
    CHECK(rc::run_cli(static_cast<int>(argv.size()), argv.data(), out, err) == 0);
    CHECK_MESSAGE(has(out.str(), "print \"worker"), out.str());
    CHECK_MESSAGE(!has(out.str(), "diverge"), out.str());
}
