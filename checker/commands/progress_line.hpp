// The progress line: on long searches, one line on a terminal's stderr, redrawn in place, saying
// how far the search is (after cargo's and ninja's status lines). Only ever drawn when stderr is
// a terminal, so CI logs stay byte-stable; erased before the report is printed.
#pragma once

#include <ostream> // the terminal
#include <string>  // the line

#include "checker/explore/session.hpp" // SearchProgress, Budgets

namespace rc {

class ProgressLine {
public:
    /// `label`: the scenario's name; `columns`: the terminal's width (the line is cut to fit, so
    /// that it never wraps and "\r" can redraw it).
    ProgressLine(std::ostream& terminal, std::string label, Budgets budgets, size_t columns);

    /// Called after every execution (Session's ProgressHook). Draws nothing in the first
    /// kFirstDraw seconds of a search (short searches stay silent), then redraws at most every
    /// kRedraw seconds. Reads the time from `p.seconds` only.
    void update(const SearchProgress& p);

    /// Erases the line if it was drawn. Call before anything else is printed.
    void clear();

    /// The text of the line, uncut, most important first: "dining-philosophers: 1 finding ·
    /// 2.51M executions + 1.16M repeats · 61,129/s · 41.0 s · up to 3 preemptions · depth 40 ·
    /// budget left: 97.5M executions, 79.0 s" (states are not counted: the search is stateless).
    static std::string render(const std::string& label, const SearchProgress& p,
                              const Budgets& budgets);

    static constexpr double kFirstDraw = 0.3, kRedraw = 0.1; // seconds

private:
    std::ostream& terminal_;
    std::string label_;
    Budgets budgets_;
    size_t columns_;
    bool drawn_ = false;
    double last_draw_ = 0; // p.seconds of the last draw
};

} // namespace rc
