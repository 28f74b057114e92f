// The HTML report in-process (so that the sanitizer builds run it too): one section per
// scenario, swimlanes for every witness, folding of 10,000-step witnesses. What the page shows
// in a browser is tested in headless Chromium by html_report_test.py.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <sstream> // captured output
#include <string>  // pages
#include <vector>  // arguments

#include "checker/commands/cli.hpp" // run_cli

namespace {

std::string html(const std::vector<std::string>& args, int& code) {
    std::vector<const char*> argv{"racecheck", "--no-validate", "--format", "html"};
    for (const std::string& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    code = rc::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
    return out.str();
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

} // namespace

TEST_CASE("html_page_has_a_section_per_scenario_and_lanes_for_every_witness") {
    int code = 0;
    std::string page = html({"scenarios/counter.yaml", "scenarios/abba_deadlock.yaml",
                             "scenarios/gil_demo_full.yaml"},
                            code);
    CHECK(code == 2); // a refused scenario
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(count(page, "<section class=\"scenario\"") == 3);
    CHECK(count(page, "<div class=\"finding\"") == 5); // 3 in the counter, 2 in abba
    CHECK(count(page, "<template id=\"s1-code\">") == 1);
    CHECK(count(page, "<div class=\"witness\"") ==
          5 + count(page, "<details id=\"s")); // findings, then outcomes with interleavings
    CHECK(count(page, "<tr class=\"end\"><th>then</th>") >= 1); // abba's blocked threads
    CHECK(page.find("‖ blocked forever (line 13) waits to acquire Lock `lock_b` held by Thread-2 "
                    "(worker2) since line 17") != std::string::npos);
    CHECK(page.find("unsupported: multiprocessing") != std::string::npos);
    CHECK(page.find("http") == std::string::npos); // nothing to fetch
    CHECK(page.substr(page.size() - 15) == "</body></html>\n");
}

TEST_CASE("html_page_folds_ten_thousand_step_witnesses_to_a_few_rows") {
    int code = 0;
    std::string page = html({"scenarios/counter.yaml", "--param", "ITERATIONS=2500", "--max-steps",
                             "20000", "--strategy", "random", "--max-executions", "3"},
                            code);
    CHECK(code == 1);
    // 2 x 2500 read+write pairs, start, join and print("Counter:", counter): 4 writes
    CHECK(page.find("data-steps=\"10011\"") != std::string::npos);
    CHECK(page.size() < 150000);
    CHECK(count(page, "<tr class=\"fold\">") > 0);
    // every witness shows at most kWitnessRows steps
    for (size_t at = page.find("<div class=\"witness\""); at != std::string::npos;
         at = page.find("<div class=\"witness\"", at + 1)) {
        size_t end = page.find("</table>", at);
        CHECK(count(page.substr(at, end - at), "<tr class=\"st") <= 24);
    }
}
