// Exploration strategies: policy apart from mechanism (after shuttle's Scheduler).
//
// The Session runs executions and, at every scheduling point, asks the strategy which of the
// possible choices to take. A strategy never executes anything and never sees the interpreter's
// internals: it sees choice points (what could run, what each would do) and the events that
// happened. One file per strategy; all are listed in the registry (strategy_registry.cpp), from
// which --help is generated.
#pragma once

#include <cstdint>    // uint64_t
#include <functional> // factory
#include <memory>     // unique_ptr
#include <optional>   // stop reason
#include <string>     // names
#include <vector>     // options

#include "model/ids.hpp"       // ThreadId
#include "model/runtime/choice.hpp" // Choice
#include "model/runtime/operation.hpp" // PendingOp, Event

namespace rc {

/// A scheduling point. `options` are in canonical order: by thread id, the normal branch before
/// the timeout branch. Valid only during the choose() call that receives it.
struct ChoicePoint {
    std::vector<Choice> options;
    std::vector<PendingOp> ops; // ops[i]: what options[i].thread would do
    uint64_t step = 0;          // number of steps already taken in this execution
    ThreadId last;              // the thread that took the previous step (invalid at step 0)
    /// Index into options of `last` continuing with its normal branch, if it can.
    std::optional<size_t> last_index;
};

/// Why a search stopped. Exhausted means every interleaving the strategy targets was run.
/// Interrupted: the user stopped it (Ctrl-C); set by the Session, never by a strategy.
enum class StopReason { Exhausted, BoundReached, MaxExecutions, MaxSeconds, ScheduleEnded, Interrupted };

class Strategy {
public:
    virtual ~Strategy() = default;
    /// Called before each execution. False ends the search (see stop_reason()).
    virtual bool begin_execution() = 0;
    /// Picks an index into point.options. Called only when options is non-empty.
    virtual size_t choose(const ChoicePoint& point) = 0;
    /// The event produced by the choice just made (for strategies that learn, e.g. DPOR).
    virtual void on_event(const Event&) {}
    /// Called when an execution ends (program ended, blocked, or a budget cut it).
    virtual void end_execution() = 0;
    /// After begin_execution() returned false: why.
    virtual StopReason stop_reason() const = 0;
    /// A one-line description of what was covered ("all interleavings with ≤ 2 preemptions").
    virtual std::string coverage() const = 0;
    /// Asked after end_execution(): true when the execution that just ended repeats one the
    /// strategy already handed over earlier in this search (pb re-runs cheaper schedules to reach
    /// new ones). The Session neither counts nor reports a repeat.
    virtual bool repeat_execution() const { return false; }
    /// Replay only, asked after end_execution(): why the schedule did not fit the program, as a
    /// sentence naming threads by id ("at step 4 the schedule runs thread 2 but only thread 1
    /// can move"); the Session maps ids to names. nullopt when the schedule fitted.
    virtual std::optional<std::string> divergence() const { return std::nullopt; }
};

/// Settings every strategy may read.
struct StrategyOptions {
    uint64_t seed = 1;
    std::optional<uint32_t> preemption_bound; // pb: the largest bound to try; unset = until exhausted
    std::vector<Choice> schedule;             // replay: the choices to follow
    uint64_t random_executions = 1000;        // random: how many executions
};

struct StrategyInfo {
    std::string name;
    std::string help;
    std::function<std::unique_ptr<Strategy>(const StrategyOptions&)> make;
};

/// Every strategy, in --help order. The first is the default.
const std::vector<StrategyInfo>& strategy_registry();
const StrategyInfo* find_strategy(const std::string& name);

} // namespace rc
