// The Session wires one search: it runs executions on the interpreter, asks the strategy at
// every scheduling point, feeds every event to the detectors, keeps the best witness of each
// finding, collects outcomes, and enforces the budgets. It is the only type that knows both
// strategies and detectors; they do not know each other.
#pragma once

#include <cstdint>  // uint64_t
#include <functional> // Chooser
#include <map>      // outcomes by key
#include <memory>   // unique_ptr
#include <optional> // divergence
#include <string>   // names
#include <vector>   // results

#include "checker/detectors/detector.hpp"  // Detector, DetectorContext
#include "checker/detectors/finding.hpp"   // Finding
#include "checker/strategies/strategy.hpp"  // Strategy, Choice, StopReason
#include "model/runtime/interpreter.hpp" // Interpreter

namespace rc {

/// Independent budgets, each checked after every execution (steps: after every step).
struct Budgets {
    uint64_t max_executions = 200000;
    double max_seconds = 8.0;
    uint64_t max_steps = 2000; // per execution; an execution cut here is reported
};

/// One distinct final outcome: the values of the watched globals and the printed output.
struct Outcome {
    std::vector<std::pair<std::string, std::string>> values; // (global, repr), watched order
    std::string output;
    std::string ending; // "ended", "hangs", "cut by the step limit", "runs forever"
    uint64_t count = 0;
    std::vector<Choice> schedule; // the first execution that reached it
};

/// One step of a recorded execution (for traces and replay).
struct TraceStep {
    Choice choice;
    Event event;
    std::string thread;      // thread name
    uint32_t line = 0;       // YAML line
    std::string operation;   // Interpreter::describe_event
    bool preempted = false;  // another thread could have continued (its switch is a preemption)
    std::string output;      // what this step printed
};

struct Trace {
    std::vector<TraceStep> steps;
    ExecutionEnd end;
    std::string output;
    /// For each thread still not finished at the end: "Thread-1 (worker) line 12: waits ..."
    std::vector<std::string> blocked;
    /// Replay only: the schedule did not fit this program (step index, reason).
    std::optional<std::pair<uint64_t, std::string>> divergence;
    /// The execution met an operation outside the subset (in the program or in a check).
    std::optional<Refusal> refusal;
    State final_state;
};

struct SearchResult {
    std::string strategy;
    StopReason stopped_by = StopReason::Exhausted;
    std::string coverage;
    uint64_t executions = 0;
    uint64_t steps = 0;
    uint64_t cut_executions = 0; // executions cut by the steps budget
    double seconds = 0;          // wall time (reports may omit it for byte-stable output)
    std::vector<Finding> findings; // sorted: kind order, then key
    std::vector<Outcome> outcomes; // sorted by values then output
    /// The program met an operation outside the subset: the search stopped at the first
    /// execution that met one, and its findings and outcomes are not a verdict (they are empty).
    std::optional<Refusal> refusal;
};

class Session {
public:
    /// `watched`: the globals whose final values make an outcome (checks' globals, or every
    /// scalar global when there are no checks).
    Session(const Interpreter& in, std::vector<int64_t> params, DetectorContext ctx,
            Budgets budgets, std::vector<std::string> watched);

    /// Runs the search to the end of the strategy or of a budget.
    SearchResult run(Strategy& strategy);

    /// Runs exactly `schedule`, recording every step; detectors run too (their findings are
    /// returned in `findings`). A schedule that does not fit is reported in Trace::divergence.
    Trace replay(const std::vector<Choice>& schedule, std::vector<Finding>* findings = nullptr);

    /// The number of preemptions in a schedule (a switch away from a thread that could go on).
    uint32_t count_preemptions(const std::vector<Choice>& schedule);

private:
    struct Execution;
    /// Picks an index into the options, or nullopt to stop the execution here (replay).
    using Chooser = std::function<std::optional<size_t>(const ChoicePoint&)>;
    void run_execution(Execution& ex, std::vector<std::unique_ptr<Detector>>& detectors,
                       const Chooser& choose, Strategy* strategy);
    void record_finding(Execution& ex, Finding f);
    void record_outcome(const Execution& ex, std::map<std::string, Outcome>& outcomes);

    const Interpreter& in_;
    std::vector<int64_t> params_;
    DetectorContext ctx_;
    Budgets budgets_;
    std::vector<std::string> watched_;
    State initial_;
};

/// Globals whose final values define outcomes: the globals the scenario's checks read, in
/// first-use order. Empty when there are no checks; the Session then watches every non-param
/// global that holds a scalar (None, bool, int, float, str) at the end of an execution.
std::vector<std::string> outcome_globals(const Program& program);

} // namespace rc
