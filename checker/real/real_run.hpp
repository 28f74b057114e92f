// The real-thread runtime: runs a scenario's program with the same interpreter, but on one
// std::thread per Python thread, with the program's globals in real memory and its
// synchronization performed on real primitives, so that ThreadSanitizer judges the execution.
//
// Mechanism (x86-64 only; see the turn protocol in real_run.cpp):
//  - One thread at a time runs interpreter code: a turn token in a std::atomic accessed with
//    relaxed loads, stores and CAS only, with compiler barriers (atomic_signal_fence) around the
//    handoff. TSan treats relaxed atomics and signal fences as no synchronization, so the turns
//    create no happens-before edges that could hide a race; x86-64's TSO order makes the
//    handoff of the (ignored) interpreter state safe in practice. Other targets are refused.
//  - Every call into the interpreter and every access to the runtime's bookkeeping is inside an
//    IgnoreScope; TSan sees only (a) plain loads and stores of one memory cell per module global,
//    done by the thread whose GlobalRead/GlobalWrite it is, the load's value fed to the program,
//    and of one cell per shared attribute (made at its first AttrRead/AttrWrite);
//    (b) the synchronization of real_sync.hpp; (c) std::thread creation during ThreadStart.
//  - Forced mode follows a schedule (then the lowest schedulable thread); free mode lets the OS
//    interleave threads at visible-operation granularity through a relaxed spin "GIL".
//  - A watchdog in the calling thread ends a run that hangs; the process never hangs.
#pragma once

#include <chrono>     // deadline
#include <cstdint>    // uint32_t, uint64_t
#include <functional> // abandon callback
#include <optional>   // diverged_at
#include <string>     // notes
#include <vector>     // schedule, results

#include "model/ids.hpp"         // ThreadId, VarId
#include "model/runtime/choice.hpp" // Choice
#include "model/runtime/interpreter.hpp" // Interpreter
#include "model/runtime/state.hpp"       // State

#if !defined(__x86_64__)
#error "the real-thread runtime relies on x86-64's TSO memory order for its turn handoff"
#endif

namespace rc::real {

enum class RealMode { Forced, Free };

struct RunConfig {
    RealMode mode = RealMode::Free;
    std::vector<Choice> schedule; // Forced: followed from the first step
    /// Forced: the run ends where the schedule ends (Ending::ScheduleEnd) rather than going on
    /// to the program's end: a data race's witness has shown both accesses by then.
    bool stop_after_schedule = false;
    uint64_t max_steps = 2000;        // a run longer than this is cut (Ending::StepLimit)
    /// A run still going at this time is cut (Ending::TimeLimit): the process's time budget.
    std::optional<std::chrono::steady_clock::time_point> deadline;
    /// The watchdog fires when no step is taken while the run's threads spend this much CPU
    /// time spinning for turns, or 10× this much wall time.
    double stall_seconds = 2.0;
    /// Free: seeds each thread's count of extra yields after its turn (0-2), which varies the
    /// interleavings the OS produces; free runs stay unrepeatable whatever the seed.
    uint64_t seed = 1;
    /// Testing aid (negative control): skip the synchronization of real_sync.hpp, so that TSan
    /// reports the races those edges order. Locks are then not exclusive on real threads, but
    /// the model still serializes the program, so its results are unchanged.
    bool skip_sync = false;
    /// Called when a stalled run's threads do not stop within 2 s more: print what is known;
    /// the runtime then ends the process with std::_Exit(0).
    std::function<void(const std::string& why)> abandon;
};

enum class Ending {
    Ended,       // the program exited
    Hang,        // no thread can move (the model says Blocked), or the watchdog fired
    Diverged,    // Forced: the schedule named a thread that cannot move
    RunsForever, // proven to go round forever: a thread ran past the interpreter's local-
                 // instruction limit repeating a state, or (free runs, forced runs past their
                 // schedule) the one thread that could move came back to a state (loops_alone)
    StepLimit,   // cut by RunConfig::max_steps
    TimeLimit,   // cut by RunConfig::deadline (the time budget of racecheck_tsan)
    ScheduleEnd, // Forced with stop_after_schedule: stopped where the schedule ends
    Limit,       // one of racecheck's resource limits stopped the model (State::limit)
    Internal,    // the runtime's primitives disagreed with the model (a racecheck bug)
    Refused,     // the program met an operation outside the subset (State::refusal; note says it)
};

/// A TSan data-race report on a global's or a shared attribute's memory cell, mapped back to
/// the scenario.
struct CellRace {
    VarId var;             // a global's cell, or:
    std::string attribute; // a shared attribute's ("account.balance"), labelled when reported
    ThreadId threads[2]; // the earlier access's thread first
    uint32_t lines[2] = {0, 0}; // code-block lines (0: unknown)
    bool writes[2] = {false, false};
};

struct RunResult {
    Ending ending = Ending::Ended;
    std::optional<uint64_t> diverged_at; // 1-based step the schedule could not take
    std::string note;                    // divergence, watchdog or internal error, as a sentence
    State final_state;
    /// Every step taken, in order: a free run's interleaving, to replay on the model.
    std::vector<Choice> schedule;
    std::vector<CellRace> races;
    std::vector<std::string> other_reports; // TSan reports not on a global's cell
    uint64_t tsan_reports = 0;              // reports TSan made during the run (repeats included)
};

/// Runs the program once on fresh real threads, fresh memory cells and fresh primitives.
/// Several runs may follow each other in one process (each joins all its threads).
RunResult run_real(const Interpreter& in, const std::vector<int64_t>& params,
                   const RunConfig& config);

} // namespace rc::real
