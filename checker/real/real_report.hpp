// racecheck_tsan's output: real runs and TSan's reports as one JSON object (the contract
// checker/validate/validation.cpp parses; keep the two in step).
//
// {
//   "mode": "forced" | "free",
//   "runs": [{
//     "ending": "ended" | "exception" | "hang" | "diverged" | "runs-forever" | "step-limit" |
//               "time-limit" | "schedule-end" | "internal-error",   // "exception": ended, and
//               // some thread raised uncaught; "time-limit": cut when the --max-seconds budget
//               // ran out; "schedule-end": a `;stop` schedule's run stopped where it ends
//     "steps": N, "final_values": {global: repr}, "failed_checks": [expr], "output": "...",
//     "exceptions": [{"thread", "type", "text", "line"}],
//     "hang": ["Thread-1 (worker) (line 12) waits to acquire Lock `a` (held by ...)"],
//     "diverged_at": N | null, "note": "...",
//     "schedule": "0,0,1,1t,...",     // every step taken, as --schedule-choices spells it
//     "tsan_reports": N}],             // reports TSan made in the run, repeats included
//   "tsan": [{"variable", "threads": [earlier, later], "lines": [..], "writes": [..],
//             "runs": [run indices], "count": N}],
//   "tsan_other": ["..."],
//   "budget": {"seconds": S, "runs_planned": N, "ran_out": bool}   // under --max-seconds:
//       // runs not started when the budget ran out are not in "runs"
// }
// Lines are YAML file lines. Nothing depends on addresses or times.
#pragma once

#include <string> // mode
#include <unordered_map> // tsan_index_
#include <vector> // runs

#include <nlohmann/json.hpp> // nlohmann::json

#include "checker/real/real_run.hpp" // RunResult
#include "model/runtime/interpreter.hpp"     // Interpreter
#include "model/scenario/scenario.hpp"        // Scenario

namespace rc::real {

class RealReport {
public:
    RealReport(const Scenario& s, const Interpreter& in, std::string mode);

    /// Adds one finished run (its index is the number of runs added before).
    void add(const RunResult& r);
    /// Adds a run the watchdog abandoned: no state can be read any more.
    void add_abandoned(const std::string& why);

    /// Under a time budget: `planned` runs were asked for; `ran_out`: the budget ended the
    /// process's runs early (runs not started are not in "runs"; one cut is "time-limit").
    void set_budget(double seconds, uint64_t planned, bool ran_out);

    nlohmann::json json() const;

private:
    uint32_t yaml_line(uint32_t code_line) const;

    const Scenario& scenario_;
    const Interpreter& in_;
    std::string mode_;
    nlohmann::json runs_ = nlohmann::json::array();
    nlohmann::json tsan_ = nlohmann::json::array();
    /// (variable, threads, lines, writes) as one string → its entry in tsan_ (a run of 64 racing
    /// threads makes thousands of entries: no linear search per race).
    std::unordered_map<std::string, size_t> tsan_index_;
    nlohmann::json other_ = nlohmann::json::array();
    nlohmann::json budget_; // null: no time budget
};

} // namespace rc::real
