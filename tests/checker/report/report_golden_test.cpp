// Golden reports: the text and JSON reports of a few scenarios, byte for byte. Run with
// RC_REGENERATE_GOLDEN=1 to rewrite tests/checker/report/golden/ from the current output (then review the
// diff). On a mismatch the first differing line is shown with context.
#include <doctest/doctest.h> // TEST_CASE, SUBCASE, CHECK

#include <cstdlib>    // getenv
#include <fstream>    // golden files
#include <regex>      // the JSON report's phase seconds, zeroed
#include <sstream>    // captured output, reading files
#include <string>     // texts
#include <vector>     // lines, arguments

#include "checker/commands/cli.hpp" // run_cli

namespace {

/// Runs the CLI in-process. Validation on real threads is off: free-run counts depend on the
/// OS scheduler, and golden files must be byte-stable.
std::string run(const std::vector<std::string> &args, int &exit_code) {
    std::vector<const char *> argv{"racecheck", "--no-validate"};
    for (const std::string &a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    exit_code = rc::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
    return out.str();
}

std::vector<std::string> lines(const std::string &text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

/// "line 12 differs:" with two lines of context before it, expected (-) and actual (+).
std::string first_difference(const std::string &expected, const std::string &actual) {
    std::vector<std::string> e = lines(expected), a = lines(actual);
    size_t i = 0;
    while (i < e.size() && i < a.size() && e[i] == a[i]) ++i;
    std::ostringstream d;
    d << "first difference at line " << i + 1 << ":\n";
    for (size_t k = i >= 2 ? i - 2 : 0; k < i; ++k) d << "  " << e[k] << "\n";
    for (size_t k = i; k < std::min(e.size(), i + 3); ++k) d << "- " << e[k] << "\n";
    for (size_t k = i; k < std::min(a.size(), i + 3); ++k) d << "+ " << a[k] << "\n";
    if (e.size() == a.size() && i == e.size()) d << "(the texts differ only in the last newline)\n";
    return d.str();
}

void compare_with_golden(const std::string &golden, const std::string &actual) {
    if (const char *regen = std::getenv("RC_REGENERATE_GOLDEN"); regen && std::string(regen) == "1") {
        std::ofstream(golden, std::ios::binary) << actual;
        MESSAGE("rewrote " << golden);
        return;
    }
    std::ifstream in(golden, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), golden << " is missing; run with RC_REGENERATE_GOLDEN=1");
    std::stringstream expected;
    expected << in.rdbuf();
    if (expected.str() != actual)
        FAIL_CHECK(golden << " does not match the report\n"
                          << first_difference(expected.str(), actual)
                          << "(if the change is intended, rerun with RC_REGENERATE_GOLDEN=1)");
}

} // namespace

TEST_CASE("text_and_json_reports_match_their_golden_files_byte_for_byte") {
    const char *names[] = {"counter", "counter_lock", "abba_deadlock", "condition_notify_items"};
    for (const char *name : names) {
        std::string file = std::string("scenarios/") + name + ".yaml";
        SUBCASE((std::string(name) + " text").c_str()) {
            int code = 0;
            std::string out = run({file}, code);
            CHECK(code == (std::string(name) == "counter_lock" ? 0 : 1));
            compare_with_golden(std::string("tests/checker/report/golden/") + name + ".txt", out);
        }
        SUBCASE((std::string(name) + " json").c_str()) {
            int code = 0;
            std::string out = run({file, "--format", "json"}, code);
            // The wall seconds of each phase ("seconds": {"search": 0.0123, ...}) vary from run
            // to run: the golden file has 0 for each, and they must be numbers.
            const std::regex phase(R"re("(search|witnesses|replays|validation)": [0-9][0-9.e+-]*)re");
            CHECK(std::regex_search(out, phase));
            out = std::regex_replace(out, phase, "\"$1\": 0");
            compare_with_golden(std::string("tests/checker/report/golden/") + name + ".json", out);
        }
    }
}

TEST_CASE("sarif_and_junit_reports_match_their_golden_files_byte_for_byte") {
    // The structure is checked by sarif_report_test.py and junit_report_test.py; these pin the
    // bytes, so that any change to them is seen and reviewed.
    const char *names[] = {"abba_deadlock", "counter_lock"};
    for (const char *name : names) {
        std::string file = std::string("scenarios/") + name + ".yaml";
        for (const char *format : {"sarif", "junit"}) {
            SUBCASE((std::string(name) + " " + format).c_str()) {
                int code = 0;
                std::string out = run({file, "--format", format}, code);
                CHECK(code == (std::string(name) == "counter_lock" ? 0 : 1));
                compare_with_golden(std::string("tests/checker/report/golden/") + name + "." +
                                        (std::string(format) == "sarif" ? "sarif" : "junit.xml"),
                                    out);
            }
        }
    }
}

TEST_CASE("a_report_is_the_same_bytes_every_time") {
    int c1 = 0, c2 = 0;
    CHECK(run({"scenarios/counter.yaml", "--outcomes"}, c1) ==
          run({"scenarios/counter.yaml", "--outcomes"}, c2));
}

TEST_CASE("replaying_a_reported_witness_shows_the_same_finding") {
    int code = 0;
    std::string report = run({"scenarios/abba_deadlock.yaml"}, code);
    size_t at = report.find("--schedule ");
    REQUIRE(at != std::string::npos);
    std::string token = report.substr(at + 11, report.find('\n', at) - at - 11);
    std::string replay = run({"replay", "scenarios/abba_deadlock.yaml", "--schedule", token}, code);
    CHECK(code == 1);
    CHECK(replay.find("✗ deadlock") != std::string::npos);
}
