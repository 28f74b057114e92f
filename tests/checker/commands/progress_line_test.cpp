// The progress line: its text, when it is drawn, and that it never wraps.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <sstream> // the terminal
#include <string>  // lines

#include "checker/commands/progress_line.hpp" // ProgressLine

namespace {

rc::SearchProgress progress(double seconds) {
    rc::SearchProgress p;
    p.runs = 3'660'007;
    p.executions = 2'505'076;
    p.steps = 90'000'000;
    p.depth = 41;
    p.preemptions = 3;
    p.findings = 2;
    p.seconds = seconds;
    return p;
}

} // namespace

TEST_CASE("progress_line_says_findings_executions_rate_time_bound_depth_and_budget_left") {
    rc::Budgets b;
    b.max_executions = 100'000'000;
    b.max_seconds = 120;
    CHECK(rc::ProgressLine::render("dining-philosophers", progress(60), b) ==
          "dining-philosophers: 2 findings · 2.51M executions + 1.15M repeats · 61,000/s · "
          "60.0 s · up to 3 preemptions · depth 41 · budget left: 96.34M executions, 60.0 s");
    rc::SearchProgress small;
    small.runs = small.executions = 1;
    small.findings = 1;
    small.preemptions = 1;
    small.seconds = 0.5;
    CHECK(rc::ProgressLine::render("x", small, rc::Budgets{}) ==
          "x: 1 finding · 1 execution · 2/s · 0.5 s · up to 1 preemption · depth 0 · budget "
          "left: 199k executions, 7.5 s");
}

TEST_CASE("progress_line_is_silent_at_first_then_redrawn_at_most_ten_times_a_second") {
    std::ostringstream terminal;
    rc::ProgressLine line(terminal, "s", rc::Budgets{}, 200);
    line.update(progress(0.1));
    line.clear();
    CHECK(terminal.str().empty()); // a short search draws nothing, and erases nothing
    line.update(progress(0.35));
    CHECK(terminal.str().rfind("\rs: 2 findings", 0) == 0);
    CHECK(terminal.str().back() == 'K'); // "\x1b[K": erase the rest of the old line
    size_t drawn = terminal.str().size();
    line.update(progress(0.40));
    CHECK(terminal.str().size() == drawn); // too soon
    line.update(progress(0.46));
    CHECK(terminal.str().size() > drawn);
    line.clear();
    CHECK(terminal.str().substr(terminal.str().size() - 4) == "\r\x1b[K");
}

TEST_CASE("progress_line_is_cut_to_the_terminal_width_so_it_never_wraps") {
    std::ostringstream terminal;
    rc::ProgressLine line(terminal, "dining-philosophers", rc::Budgets{}, 40);
    line.update(progress(1));
    std::string text = terminal.str();
    REQUIRE(text.size() > 4);
    text = text.substr(1, text.size() - 4); // between "\r" and "\x1b[K"
    size_t columns = 0;
    for (unsigned char c : text) columns += (c & 0xC0) != 0x80;
    CHECK(columns == 39); // the last column stays free for the cursor
    CHECK(text == "dining-philosophers: 2 findings · 2.51M");
}
