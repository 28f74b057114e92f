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

#include <map>    // WitnessSimplification::traces
#include <string> // finding keys

#include "checker/explore/session.hpp" // Session, Budgets, SearchResult, Trace

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

namespace rc {

/// What simplify_witnesses did, for reports and tests.
struct WitnessSimplification {
    uint64_t replays = 0;  // candidates run that took every mark in order
    uint32_t improved = 0; // witnesses replaced
    /// The replay of each new witness, by finding key, when it is exactly the replay of the
    /// finding's schedule (the candidate ended where the finding shows): the report's witness
    /// table, which need not be replayed again.
    std::map<std::string, Trace> traces;
};

/// Witnesses of long executions, simplified without a search: for each finding, a candidate
/// schedule takes the steps a witness highlights (a lost update's stale read, foreign write and
/// stale write; a race's two accesses) in their order, as the same threads' same-numbered steps,
/// and otherwise lets the running thread go on while it can (a switch only when it blocks, ends,
/// or would pass a highlighted step that must wait). Candidates come from the finding's own
/// highlights and, for findings at the end of an execution (a failed final check), from each
/// lost update's, tried first. Each candidate is one recorded run with the detectors on, which
/// makes its schedule as it goes (Session::replay_choosing). A candidate replaces the witness when that run
/// shows the same finding (the same key) with fewer preemptions, or as many and fewer steps.
/// Stops early when `max_seconds` is used (check_command gives it the whole time budget again).
WitnessSimplification simplify_witnesses(const Interpreter& in, const std::vector<int64_t>& params,
                                         DetectorContext ctx, std::vector<std::string> watched,
                                         Budgets budget, SearchResult& r);

} // namespace rc
