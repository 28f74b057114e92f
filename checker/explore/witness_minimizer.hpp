// Fewest-preemption witnesses for the findings of a reducing search.
//
// A stateful or partial-order-reduced search shows each bug on whichever execution reached it
// first, which need not be the easiest to read. Racecheck's witnesses are the ones with the
// fewest preemptions (then the fewest steps), as iterative preemption bounding finds them
// (Musuvathi & Qadeer, PLDI 2007): so after such a search this runs preemption bounding, up to
// one preemption fewer than the worst witness, under its own small budget, and takes its witness
// for every finding it shows with fewer preemptions (or as many and fewer steps). A budget cut
// leaves the remaining witnesses as they were: still real executions that show the bug.
#pragma once

#include "checker/explore/session.hpp" // Session, Budgets, SearchResult

namespace rc {

/// What the minimizer did, for reports and tests.
struct WitnessMinimization {
    uint32_t bound = 0;      // the preemption bound it searched up to (0: nothing to do)
    bool complete = false;   // it explored every schedule within that bound
    uint64_t executions = 0; // executions it ran
    uint32_t improved = 0;   // witnesses it replaced
};

/// Replaces the witnesses in r.findings (schedule, preemptions, and what a detector says of
/// that schedule: summary, details, highlights) by fewer-preemption ones where it finds them.
/// `session` is the search's session; `budget` bounds the extra search.
WitnessMinimization minimize_witnesses(const Interpreter& in, std::vector<int64_t> params,
                                       DetectorContext ctx, std::vector<std::string> watched,
                                       Budgets budget, SearchResult& r);

} // namespace rc
