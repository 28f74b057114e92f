// Reports: how the result of checking scenarios is presented. A reporter only renders; the
// check command runs the search, replays every witness and hands the reporter a ScenarioReport
// holding everything it may print. Reporters are an open set: one file each (text_report.cpp,
// json_report.cpp, sarif_report.cpp, junit_report.cpp, html/html_report.cpp), all listed in
// reporter_registry(), from which `--format` help is generated. One run may feed several
// reporters (`--format` to stdout, `--output FORMAT=FILE` and `--html FILE` to files), each
// given the same calls.
#pragma once

#include <functional> // factory
#include <memory>     // unique_ptr
#include <optional>   // expectation check
#include <ostream>    // output
#include <string>     // names
#include <vector>     // lists

#include "checker/explore/session.hpp" // SearchResult, Trace
#include "checker/validate/validation.hpp" // ValidationReport
#include "model/scenario/diagnostic.hpp" // Diagnostic
#include "model/scenario/scenario.hpp"  // Scenario

namespace rc {

/// One finding with its witness replayed (Session::replay of finding.schedule).
struct ReportedFinding {
    Finding finding;
    std::string token;  // encode_schedule(finding.schedule, scenario_fingerprint(scenario))
    Trace witness;
};

/// One distinct outcome with the replay token of the first execution that reached it.
struct ReportedOutcome {
    Outcome outcome;
    std::string token;         // empty when token_omitted says why
    std::string token_omitted; // "its execution switches threads 412,345 times; ..."
    /// That execution replayed, when a reporter shows outcomes' interleavings
    /// (ReporterInfo::outcome_traces), for the first kOutcomeTraces outcomes only.
    std::optional<Trace> witness;
};

/// How many outcomes of a scenario get ReportedOutcome::witness.
inline constexpr size_t kOutcomeTraces = 64;

/// An outcome's replay token longer than this is left out, with the reason: a long random or
/// stateful execution's token holds every thread switch (megabytes for a 1 M-step counter),
/// which would swamp the report. A finding's token is never left out (its witness is simplified
/// to few switches first).
inline constexpr size_t kMaxOutcomeToken = 4096;

/// What `--expect` compares: the kinds the scenario lists against the kinds found.
struct ExpectCheck {
    std::vector<std::string> missing; // listed in `expect:` but not found
    std::vector<std::string> extra;   // found but not listed
    bool ok() const { return missing.empty() && extra.empty(); }
};

/// Everything known about one checked scenario. Lives until the reporter call returns.
struct ScenarioReport {
    const Scenario* scenario = nullptr;
    Budgets budgets;
    SearchResult search;                   // findings/outcomes moved out into the lists below
    std::vector<ReportedFinding> findings; // in SearchResult order
    /// The outcomes of executions that ran to their end (ended, hang, run forever), in
    /// SearchResult order. Executions cut by a budget or one of racecheck's limits never reached
    /// an outcome: they are only counted, in `cut`.
    std::vector<ReportedOutcome> outcomes;
    /// Executions (stateful search: final states) cut before their end, by how they were cut
    /// ("cut by the step limit", "cut by the memory limit"), in SearchResult order.
    std::vector<std::pair<std::string, uint64_t>> cut;
    /// Whether `outcomes` are all the reachable ones (an exhaustive search) or only those seen.
    /// Executions cut before their end may have reached outcomes not listed.
    bool outcomes_exhaustive() const {
        return search.stopped_by == StopReason::Exhausted && cut.empty() &&
               search.cut_executions == 0 && search.limit_executions == 0;
    }
    /// The command that replays a token, without the token: "racecheck replay FILE [--param ..]".
    std::string replay_command;
    /// --print-lines: each print() was one write, so outputs in which another thread writes
    /// between a print's pieces (mixed lines CPython can show) were not explored.
    bool print_lines = false;
    std::optional<ExpectCheck> expect; // set under --expect
    /// Wall-clock seconds of each phase of the check (the JSON report's "seconds").
    struct PhaseSeconds {
        double search = 0;     // the search (portfolio, strategy)
        double witnesses = 0;  // fewer-preemption and simpler witnesses (witness_minimizer.hpp)
        double replays = 0;    // replaying each witness and outcome for its table
        double validation = 0; // on real threads under TSan (0 under --no-validate)
    } seconds;
    /// Validation on real threads under ThreadSanitizer (unless --no-validate): one Validation
    /// per finding, in `findings` order, plus races only TSan saw.
    std::optional<ValidationReport> validation;
    std::string validation_unavailable; // why validation could not run ("" when it ran or was off)
    /// TSan disagrees with a clean model, or racecheck_tsan failed: counts as a finding.
    bool validation_disagrees() const {
        return validation && (!validation->tsan_only.empty() || !validation->tsan_other.empty());
    }
};

/// A scenario that could not be checked (bad YAML, code outside the subset, ...).
struct RefusedScenario {
    std::string file;
    std::string message;   // the first diagnostic's message
    bool documented = false; // an "unsupported:" refusal of a scenario that expects nothing
    std::vector<Diagnostic> diagnostics; // every diagnostic, with its position
};

/// How the run ended, told to Reporter::finish.
struct RunEnd {
    bool interrupted = false;           // Ctrl-C ended the run, in the last scenario reported
    std::vector<std::string> unchecked; // files not checked because of that, in order
};

struct ReportOptions {
    bool color = false;        // ANSI colours (stdout is a terminal and no --no-color)
    bool show_time = false;    // "in N ms" (stdout is a terminal: CI output stays byte-stable)
    bool all_outcomes = false; // --outcomes: every distinct outcome with its count and token
    bool summary = false;      // several scenarios (a folder): one line each and a total
    std::string version;       // racecheck's version, for reports that name their tool
};

class Reporter {
public:
    virtual ~Reporter() = default;
    /// Called once per checked scenario, in command-line order (folders sorted).
    virtual void scenario(const ScenarioReport& report, std::ostream& out) = 0;
    /// Called, in the same order, for a scenario that could not be checked. The diagnostic itself
    /// has already gone to stderr.
    virtual void refused(const RefusedScenario& refused, std::ostream& out) = 0;
    /// Called once after the last scenario.
    virtual void finish(const RunEnd& end, std::ostream& out) = 0;
};

struct ReporterInfo {
    std::string name;
    std::string help;
    std::function<std::unique_ptr<Reporter>(const ReportOptions&)> make;
    bool outcome_traces = false; // shows outcomes' interleavings: ReportedOutcome::witness
};

/// Defined by each reporter's file; listed by reporter_registry().
std::unique_ptr<Reporter> make_text_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_json_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_junit_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_html_reporter(const ReportOptions& options);

/// Every reporter, in --help order. The first is the default.
inline const std::vector<ReporterInfo>& reporter_registry() {
    static const std::vector<ReporterInfo> registry = {
        {"text", "aligned tables for people; colour only on a terminal", make_text_reporter},
        {"json", "one JSON object per scenario (an array for several) for machines",
         make_json_reporter},
        {"sarif", "SARIF 2.1.0 for code scanning (GitHub, IDEs): a result per finding with its "
                  "interleaving as thread flows",
         make_sarif_reporter},
        {"junit", "JUnit XML for CI test reports: a testcase per scenario, a failure per finding",
         make_junit_reporter},
        {"html", "one self-contained page: each witness as swimlanes beside the code (--html FILE)",
         make_html_reporter, true},
    };
    return registry;
}

inline const ReporterInfo* find_reporter(const std::string& name) {
    for (const ReporterInfo& info : reporter_registry())
        if (info.name == name) return &info;
    return nullptr;
}

/// "exhausted", "bound", "max_executions", "max_seconds", "schedule_end", "interrupted" (JSON
/// and README).
inline const char* stop_reason_name(StopReason r) {
    switch (r) {
    case StopReason::Exhausted: return "exhausted";
    case StopReason::BoundReached: return "bound";
    case StopReason::MaxExecutions: return "max_executions";
    case StopReason::MaxSeconds: return "max_seconds";
    case StopReason::ScheduleEnded: return "schedule_end";
    case StopReason::Interrupted: return "interrupted";
    case StopReason::MaxStateMemory: return "max_state_memory";
    case StopReason::FirstFindings: return "first_findings";
    }
    return "?";
}

} // namespace rc
