// Detectors observe executions and report findings; they never choose or execute anything.
// One file per detector; the Session owns one instance of each for a whole search, so a
// detector may accumulate knowledge across executions (the lock-order graph does).
#pragma once

#include <any>     // saved per-execution state
#include <cstdint> // uint64_t
#include <memory>  // unique_ptr
#include <vector>  // detector lists, spinning threads

#include "checker/detectors/finding.hpp"   // Finding
#include "model/runtime/interpreter.hpp" // Interpreter, RunStatus
#include "model/runtime/operation.hpp"   // Event
#include "model/runtime/state.hpp"       // State

namespace rc {

/// Where detectors send findings. The Session attaches the witness: the current execution's
/// choices up to the current step (or to the end, in end_execution).
class FindingSink {
public:
    virtual ~FindingSink() = default;
    virtual void report(Finding f) = 0;
    /// A check met an operation outside racecheck's subset (`what`, e.g. "str.title() (in
    /// check `...`)"): no verdict is possible, the search stops with a diagnostic.
    virtual void refused(Refusal r) = 0;
};

/// How an execution ended.
struct ExecutionEnd {
    RunStatus status = RunStatus::Ended;
    bool step_limit = false;           // cut by the steps-per-execution budget
    std::vector<ThreadId> spinning;    // threads stopped as endless busy-waits (see Session)
    /// The execution closed a cycle of the state graph that the threads can go round forever
    /// under a fair scheduler (stateful search): the program need not end. With `spinning`
    /// set, every step of the cycle only reads (a busy-wait no thread releases).
    bool fair_cycle = false;
    uint64_t cycle_length = 0; // fair_cycle: the steps of the cycle (the last ones)
};

/// One item of a detector's execution history that can change what it reports later (see
/// Detector::history): words about a thread and an object, renamed with the state's threads and
/// heap objects when a stateful search fingerprints the state.
struct HistoryItem {
    ThreadId thread;  // invalid: none
    ObjectId object;  // invalid: none
    uint64_t word = 0;
};

class Detector {
public:
    virtual ~Detector() = default;
    /// Before the first step of each execution; `initial` is the state before it.
    virtual void begin_execution(const Interpreter&, const State& initial) { (void)initial; }
    /// After each step. `step` is 1-based; `after` is the state the step produced. May keep
    /// copies of what it needs, never references into `after`.
    virtual void on_step(const Interpreter& in, uint64_t step, const Event& e, const State& after,
                         FindingSink& sink) = 0;
    /// When the execution has ended or was cut.
    virtual void end_execution(const Interpreter& in, const State& final_state,
                               const ExecutionEnd& end, FindingSink& sink) {
        (void)in, (void)final_state, (void)end, (void)sink;
    }
    /// This execution's state so far, as a value restore() accepts later in the same search: the
    /// Session branches from saved states instead of re-running prefixes. Knowledge kept across
    /// executions (the lock-order graph) is not part of it and survives a restore.
    virtual std::any save() const = 0;
    virtual void restore(const std::any& saved) = 0;
    /// Stateful search: appends what of this execution's history can still change the findings
    /// (a read a later write may make stale, a notify that woke nobody). Two states with equal
    /// program state and equal history have the same findings ahead of them.
    virtual void history(std::vector<HistoryItem>& out) const { (void)out; }
    /// Stateful search, once per state reached (after on_step): findings that are properties of
    /// the state alone (DetectorContext::per_state).
    virtual void on_state(const Interpreter& in, const State& s, FindingSink& sink) {
        (void)in, (void)s, (void)sink;
    }
};

/// What detectors need to know of the scenario. Every line number a user sees is a line of the
/// YAML file: display_line() maps a code-block line (Event::line) to it.
struct DetectorContext {
    const Program* program = nullptr;
    std::vector<std::string> final_checks, always_checks; // check texts, in Program order
    std::vector<uint32_t> yaml_line; // SourceMap::yaml_line
    /// A stateful search runs the detectors: findings must not depend on how a state was
    /// reached. The race detector then reports co-enabled conflicting accesses in each state
    /// instead of happens-before races along the path (see race_detector.hpp).
    bool per_state = false;
    uint32_t display_line(uint32_t code_line) const {
        if (code_line == 0 || yaml_line.empty()) return code_line;
        if (code_line < yaml_line.size()) return yaml_line[code_line];
        return yaml_line.back() + code_line - static_cast<uint32_t>(yaml_line.size()) + 1;
    }
};

/// One of each detector, in report order (detectors.cpp).
std::vector<std::unique_ptr<Detector>> make_detectors(const DetectorContext& ctx);

} // namespace rc
