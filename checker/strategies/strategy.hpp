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

#include "checker/strategies/dependency.hpp" // Footprint
#include "model/ids.hpp"       // ThreadId
#include "model/runtime/choice.hpp" // Choice
#include "model/runtime/operation.hpp" // PendingOp, Event

namespace rc {

/// A state's fingerprint, as a value a strategy can keep.
struct StateKey {
    uint64_t hi = 0, lo = 0;
    friend bool operator==(const StateKey&, const StateKey&) = default;
};

/// A cycle of the state graph that threads may repeat forever under a fair scheduler: the
/// steps from the initial state to a state of the cycle, then the steps round it.
struct FairCycle {
    std::vector<Choice> stem, cycle;
    bool reads_only = false; // every step of the cycle only reads (a busy-wait)
    bool fair = true;        // false: a cycle some thread can always leave (not a finding)
};

/// A scheduling point. `options` are in canonical order: by thread id, the normal branch before
/// the timeout branch. Valid only during the call that receives it.
struct ChoicePoint {
    std::vector<Choice> options;
    std::vector<PendingOp> ops; // ops[i]: what options[i].thread would do
    uint64_t step = 0;          // number of steps already taken in this execution
    ThreadId last;              // the thread that took the previous step (invalid at step 0)
    /// Index into options of `last` continuing with its normal branch, if it can.
    std::optional<size_t> last_index;
    /// Filled only for a strategy that wants_footprints(): footprints[i] is options[i]'s pending
    /// operation; `blocked` holds the pending operations of the threads that have not ended but
    /// cannot move (blocked, or stopped by the Session as endless busy-waits), by thread id.
    std::vector<Footprint> footprints;
    std::vector<Footprint> blocked;
    /// The Session stopped a thread as an endless busy-wait (it returned to where it was without
    /// any shared change since): such a thread is left out of `options` until another thread
    /// changes something. Whether that happens depends on the path, not on the state.
    bool busy_wait_cut = false;
    /// Filled only for a stateful() strategy: the state's canonical fingerprint (128 bits; see
    /// model/runtime/fingerprint.hpp), including the detectors' history that matters; and
    /// daemon[i]: options[i]'s thread is a daemon (the program may end without it).
    StateKey state;
    std::vector<bool> daemon;
};

/// What-if questions a strategy may ask about the execution that just ended, answered by the
/// Session by running the interpreter (DPOR asks whether a race can be reversed).
class WhatIf {
public:
    virtual ~WhatIf() = default;
    /// From the state before step `position` (0-based) of the execution that just ended, runs
    /// `threads`' next operations in order. True when each could move in its turn and `then`
    /// can move after them (an option it has, normal or timeout).
    virtual bool can_run_after(uint64_t position, const std::vector<ThreadId>& threads,
                               ThreadId then) = 0;
};

/// Why a search stopped. Exhausted means every interleaving the strategy targets was run.
/// Interrupted: the user stopped it (Ctrl-C); set by the Session, never by a strategy.
/// MaxStateMemory: the stateful search's visited set reached its bound (--max-state-memory).
enum class StopReason {
    Exhausted,
    BoundReached,
    MaxExecutions,
    MaxSeconds,
    ScheduleEnded,
    Interrupted,
    MaxStateMemory,
    FirstFindings // the portfolio on a large program: bug hunting ended at an execution that showed a bug
};

class Strategy {
public:
    /// choose() may return this to end the execution where it is: the rest of it is known to
    /// repeat behaviour already explored (every option is in DPOR's sleep set). The Session
    /// then neither counts the execution nor records its outcome (see redundant_executions()).
    static constexpr size_t kStop = SIZE_MAX;

    virtual ~Strategy() = default;
    /// Called before each execution. False ends the search (see stop_reason()).
    virtual bool begin_execution() = 0;
    /// Picks an index into point.options, or kStop. Called only when options is non-empty.
    virtual size_t choose(const ChoicePoint& point) = 0;
    /// The event produced by the choice just made, and its footprint (for strategies that
    /// learn, e.g. DPOR).
    virtual void on_event(const Event& e, const Footprint& f) { (void)e, (void)f; }
    /// Once per execution, before end_execution(): the state it ended in. Options are empty when
    /// nothing could move; they are not when a budget or kStop cut the execution there.
    virtual void on_end_state(const ChoicePoint& point) { (void)point; }
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
    /// Whether ChoicePoint::footprints and ::blocked must be filled (they cost a little).
    virtual bool wants_footprints() const { return false; }
    /// Called once before the search by a Session that can answer what-if questions.
    virtual void set_what_if(WhatIf* what_if) { (void)what_if; }
    /// Executions the strategy cut with kStop so far (DPOR: sleep-set blocked).
    virtual uint64_t redundant_executions() const { return 0; }

    // ---- branching from saved states, and stateful search ----
    /// Asked after begin_execution() returned true: the number of leading choices of this
    /// execution that repeat the previous execution's. The Session may then restore the state
    /// after them (from a checkpoint) and call choose() only from that depth on, so the strategy
    /// must be ready to continue at that depth without seeing the earlier choice points.
    virtual size_t resume_depth() const { return 0; }
    /// Every how many steps the Session should save a checkpoint (0: never; replay prefixes).
    virtual uint32_t checkpoint_interval() const { return 0; }
    /// The strategy merges states (a visited set): the Session fills ChoicePoint::state, runs the
    /// detectors per state (DetectorContext::per_state) and does not cut busy-waits itself.
    virtual bool stateful() const { return false; }
    /// Stateful only: distinct states visited, the memory they take (bytes), and its bound.
    virtual uint64_t states() const { return 0; }
    virtual uint64_t memory_bytes() const { return 0; }
    virtual uint64_t memory_bound() const { return 0; }
    /// Stateful only, after the search: the cycles of the state graph (a few per kind); the fair
    /// ones are findings (nontermination, busy-waits).
    virtual std::vector<FairCycle> fair_cycles() const { return {}; }
    /// Stateful only: forget every state and search again without reductions; the Session
    /// changed how it fingerprints them (symmetry off: the program looked at a thread's
    /// identity), or needs the whole state graph (cycles).
    virtual void restart() {}
    /// Stateful only: the search left out transitions (a reduction), so the state graph it
    /// built may lack cycles; fair-cycle analysis then needs a search after restart().
    virtual bool reduced() const { return false; }
};

/// Settings every strategy may read.
struct StrategyOptions {
    uint64_t seed = 1;
    std::optional<uint32_t> preemption_bound; // pb: the largest bound to try; unset = until exhausted
    std::vector<Choice> schedule;             // replay: the choices to follow
    uint64_t random_executions = 1000;        // random, pct, stale-read: how many executions
    uint64_t memory_mb = 1024;                // stateful: bound of the visited set
    uint32_t pct_depth = 3;                   // pct: the bug depth d it targets
};

struct StrategyInfo {
    std::string name;
    std::string help;
    std::function<std::unique_ptr<Strategy>(const StrategyOptions&)> make;
    /// The portfolio (checker/explore/portfolio.hpp): `make` gives its systematic part, which
    /// runs after a probe and, for a large program, bug hunting.
    bool portfolio = false;
};

/// Every strategy, in --help order. The first is the default.
const std::vector<StrategyInfo>& strategy_registry();
const StrategyInfo* find_strategy(const std::string& name);

} // namespace rc
