// A finding: one bug racecheck can show, with the witness interleaving that shows it.
//
// Findings are values. The same bug seen in many executions is one finding: `key` names it by
// kind and source locations (never by addresses, object ids or step numbers), and the Session
// keeps the witness with the fewest preemptions, then the fewest steps.
#pragma once

#include <cstdint>     // uint32_t, uint64_t
#include <string>      // texts
#include <string_view> // kind names
#include <vector>      // lists

#include "model/runtime/choice.hpp" // Choice

namespace rc {

// clang-format off
#define RC_FINDING_KINDS(X)                                                                        \
    X(DataRace, "data-race") X(LostUpdate, "lost-update") X(Deadlock, "deadlock")                  \
    X(LostWakeup, "lost-wakeup") X(PotentialDeadlock, "potential-deadlock")                        \
    X(CheckFailed, "check-failed") X(Exception, "exception") X(Nontermination, "nontermination")
// clang-format on

enum class FindingKind {
#define RC_X(e, s) e,
    RC_FINDING_KINDS(RC_X)
#undef RC_X
};

/// "data-race", as in scenario `expect:` lists and JSON reports.
std::string_view finding_kind_name(FindingKind k);

/// A step of the witness to point at in the trace, with a note ("← preempts Thread-1").
struct Highlight {
    uint64_t step = 0; // 1-based index into the witness schedule
    std::string note;
};

struct Finding {
    FindingKind kind = FindingKind::Exception;
    std::string key;                    // identity for deduplication (kind + locations)
    std::string summary;                // one line: "lost update on `counter`"
    std::vector<std::string> details;   // further lines: values, the wait-for graph, ...
    std::vector<std::string> variables; // globals or objects involved (`counter`, `lock`)
    std::vector<uint32_t> lines;        // YAML file lines involved (DetectorContext::display_line)
    std::vector<std::string> threads;   // thread names involved
    std::vector<Highlight> highlights;
    // The witness, filled by the Session: the choices from the initial state up to the step that
    // shows the bug (the whole execution for end-of-execution findings).
    std::vector<Choice> schedule;
    uint32_t preemptions = 0;
    /// Set by a detector that finds a bug in a state (on_state): the steps that show it from
    /// there (the two racing accesses). The Session appends them to the witness.
    std::vector<Choice> then;
    uint64_t count = 1; // explored executions that showed it
};

} // namespace rc
