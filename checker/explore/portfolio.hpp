// The default search, a portfolio: bug hunting on long executions, then the systematic search.
//
// A probe execution first measures the program: PCT's first execution, which schedules the
// threads round robin (checker/strategies/pct_strategy.hpp). A program whose probe ends within
// `large_steps` steps is small: the systematic strategy alone runs, with the whole budget, and
// the probe is not reported (the result is the systematic search's, as if it had run alone).
// A larger program gets a slice of the time and execution budgets (`hunt_share`) for bug
// hunting, half PCT,
// half preemptions placed between a read and a write of the same variable
// (stale_read_strategy.hpp); then the systematic strategy runs with what is left of the budgets.
// Unless `keep_going`, a large program's search ends after the first execution that shows a bug
// (StopReason::FirstFindings), as SPIN, GenMC and shuttle stop at their first error: no systematic
// search of such a program finishes within a default budget (one execution of the tutorial's
// counter is 1,000,017 steps), and the findings are what the run is for.
// Findings and outcomes of every part are reported together (the best witness of each finding,
// counts summed); the result is exhaustive only when the systematic part finished, and its
// coverage names every part.
#pragma once

#include <cstdint> // uint32_t, uint64_t

#include "checker/explore/session.hpp"     // Session, SearchResult, ProgressHook
#include "checker/strategies/strategy.hpp" // Strategy

namespace rc {

struct PortfolioOptions {
    uint64_t seed = 1;
    uint32_t pct_depth = 3;
    double hunt_share = 0.25;      // of the time budget, for a large program
    uint64_t large_steps = 20'000; // a probe longer than this makes the program large
    bool keep_going = false;       // a large program: search on after the first findings
};

/// Runs the portfolio on `session` with its budgets; `systematic` is the exhaustive part.
/// SearchResult::strategy is set: the systematic strategy's `systematic_name` for a small
/// program, "portfolio" for a large one.
SearchResult run_portfolio(Session& session, Strategy& systematic, const std::string& systematic_name,
                           const PortfolioOptions& options, const ProgressHook& progress = {});

/// Adds `part` to `into`: findings by key (counts summed, the witness with the fewest
/// preemptions, then steps), outcomes by value (counts summed), execution counts summed.
/// Everything else (stop reason, coverage, states) stays `into`'s.
void merge_search(SearchResult& into, SearchResult part);

} // namespace rc
