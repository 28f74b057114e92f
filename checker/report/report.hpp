// Reports: how the result of checking scenarios is presented. A reporter only renders; the
// check command runs the search, replays every witness and hands the reporter a ScenarioReport
// holding everything it may print. Reporters are an open set: one file each (text_report.cpp,
// json_report.cpp), all listed in reporter_registry(), from which `--format` help is generated.
#pragma once

#include <functional> // factory
#include <memory>     // unique_ptr
#include <optional>   // expectation check
#include <ostream>    // output
#include <string>     // names
#include <vector>     // lists

#include "checker/explore/session.hpp" // SearchResult, Trace
#include "checker/validate/validation.hpp" // ValidationReport
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
    std::string token;
};

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
    std::vector<ReportedOutcome> outcomes; // in SearchResult order
    /// The command that replays a token, without the token: "racecheck replay FILE [--param ..]".
    std::string replay_command;
    std::optional<ExpectCheck> expect; // set under --expect
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
    std::string message;   // the formatted diagnostic
    bool documented = false; // an "unsupported:" refusal of a scenario that expects nothing
};

struct ReportOptions {
    bool color = false;        // ANSI colours (stdout is a terminal and no --no-color)
    bool show_time = false;    // "in N ms" (stdout is a terminal: CI output stays byte-stable)
    bool all_outcomes = false; // --outcomes: every distinct outcome with its count and token
    bool summary = false;      // several scenarios (a folder): one line each and a total
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
    virtual void finish(std::ostream& out) = 0;
};

struct ReporterInfo {
    std::string name;
    std::string help;
    std::function<std::unique_ptr<Reporter>(const ReportOptions&)> make;
};

/// Defined by each reporter's file; listed by reporter_registry().
std::unique_ptr<Reporter> make_text_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_json_reporter(const ReportOptions& options);

/// Every reporter, in --help order. The first is the default.
inline const std::vector<ReporterInfo>& reporter_registry() {
    static const std::vector<ReporterInfo> registry = {
        {"text", "aligned tables for people; colour only on a terminal", make_text_reporter},
        {"json", "one JSON object per scenario (an array for several) for machines",
         make_json_reporter},
    };
    return registry;
}

inline const ReporterInfo* find_reporter(const std::string& name) {
    for (const ReporterInfo& info : reporter_registry())
        if (info.name == name) return &info;
    return nullptr;
}

/// "exhausted", "bound", "max_executions", "max_seconds", "schedule_end" (JSON and README).
inline const char* stop_reason_name(StopReason r) {
    switch (r) {
    case StopReason::Exhausted: return "exhausted";
    case StopReason::BoundReached: return "bound";
    case StopReason::MaxExecutions: return "max_executions";
    case StopReason::MaxSeconds: return "max_seconds";
    case StopReason::ScheduleEnded: return "schedule_end";
    case StopReason::MaxMemory: return "max_memory";
    }
    return "?";
}

} // namespace rc
