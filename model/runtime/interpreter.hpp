// The interpreter: executes a Program on virtual threads, one visible operation at a time.
//
// Contract for whoever schedules (the `run` command, every exploration strategy):
//  - initial_state() returns MainThread stopped before its first visible operation.
//  - A Running thread is stopped before `pending`; is_enabled() says whether that operation can
//    proceed now (a lock free, a queue non-empty...); can_time_out() whether the timeout branch
//    is possible instead (a timed wait that is currently unsatisfiable).
//  - step() executes exactly that operation atomically (or its timeout), then runs the thread on
//    through invisible work to its next visible operation or its end, and returns the Event.
//  - The interpreter holds no per-execution state: everything is in State, so copying a State
//    forks an execution and the same steps from equal States give equal States.
#pragma once

#include <cstdint> // uint32_t, uint64_t
#include <functional> // line mapping for describe_wait
#include <memory>  // unique_ptr (lookup tables)
#include <string>  // rendering
#include <utility> // pair
#include <vector>  // out-params

#include "model/ids.hpp"       // ThreadId, ObjectId, FuncId
#include "model/runtime/operation.hpp" // PendingOp, Event
#include "model/bytecode/program.hpp"   // Program
#include "model/runtime/state.hpp"     // State

namespace rc {

struct Limits {
    uint32_t max_frames = 1000; // CPython's default recursion limit
    /// Instructions a thread may run between two visible operations before racecheck looks
    /// for a proof that it loops: from then on it runs on, and a state of it that repeats (its
    /// run is deterministic, nothing else runs) proves an endless loop over locals only
    /// (ThreadStatus::Diverged, a `nontermination` finding).
    uint64_t max_local_instructions = 2'000'000;
    /// The most instructions a thread may run between two visible operations when no state of
    /// it repeats: past this the execution stops at a limit of racecheck's
    /// (LimitHit::Kind::Instructions), a cut and never a finding.
    uint64_t max_local_run = 50'000'000;
    /// racecheck's own resource limits (README "Limits"). Passing one stops the execution with
    /// State::limit set (RunStatus::Limit): a limit of racecheck's, not a bug in the program.
    /// The program's memory: every heap object (strings, containers, threading objects), the
    /// frames of its threads and what it printed, as State::memory accounts them.
    uint64_t max_memory = uint64_t{1} << 30;
    /// The longest string the program may build, in bytes (intermediate copies of a string are
    /// not accounted in max_memory, so this bounds them).
    uint64_t max_string = uint64_t{1} << 26;
    /// Threads in one execution, MainThread included.
    uint32_t max_threads = 10'000;
    /// --print-lines: a print() is one visible write of its whole text (CPython makes one write
    /// per object, separator and end, so another thread can write between them; this coarser
    /// model hides those mixed lines). Off: one write per piece, as CPython.
    bool print_lines = false;
};

/// Where an execution stands.
enum class RunStatus {
    Running, // some thread is enabled (or can time out)
    Ended,   // MainThread exited after every non-daemon thread ended
    Blocked, // not ended, and no thread can move: a deadlock or lost wakeup
    Diverged, // a thread ran away without visible operations
    Limit,    // one of racecheck's resource limits stopped it (State::limit)
    Refused   // the program met an operation outside the subset (State::refusal)
};

/// The result of evaluating a check expression on a state.
struct CheckValue {
    bool ok = false;         // evaluated without raising
    bool truthy = false;     // bool(value)
    std::string repr;        // repr(value), or the exception's "Type: message"
    /// It raised NameError: a global it reads is not bound (yet). An always-invariant over a
    /// global the program has not created yet does not apply to that state.
    bool name_error = false;
    /// It met an operation outside the subset (then `repr` says which): no verdict.
    bool refused = false;
    /// It ran past Limits::max_local_instructions without returning (a cut, `repr` says so):
    /// no verdict either, never a failed check.
    bool cut = false;
};

struct InterpreterTables; // lookup tables built once per program (interpreter.cpp)

/// Whether the program can observe a thread's end other than by joining it: it names
/// Thread.is_alive, threading.active_count or threading.enumerate (an attribute, an imported name,
/// or a string getattr may use). Then, as in CPython, another thread can see a thread alive
/// between its last operation and its end, and that end is a step of its own.
bool observes_thread_ends(const Program& p);

class Interpreter {
public:
    explicit Interpreter(const Program& program, Limits limits = {});
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    const Program& program() const { return program_; }
    const Limits& limits() const { return limits_; }
    /// The program may read virtual time (time.time, time.monotonic, time.perf_counter, by name
    /// or by a string that names one): then a thread's clock is part of what it computes from.
    bool reads_clock() const;
    /// A thread's end is a step of its own (OpKind::ThreadEnd): the program can observe it other
    /// than by joining (observes_thread_ends). Otherwise a thread ends within its last step.
    bool thread_end_steps() const;

    /// params: values for Program::params, in order.
    State initial_state(const std::vector<int64_t>& params) const;

    bool is_enabled(const State& s, ThreadId t) const;
    /// Thread t's pending operation with the fields that depend on other threads' progress
    /// resolved from s (PendingOp::lock, PendingOp::other).
    PendingOp resolved_pending(const State& s, ThreadId t) const;
    bool can_time_out(const State& s, ThreadId t) const;
    /// Running threads whose pending operation is enabled or can time out, in id order.
    void schedulable(const State& s, std::vector<ThreadId>& out) const;
    RunStatus status(const State& s) const;

    /// Executes thread t's pending operation (timeout = take the timeout branch; requires
    /// can_time_out) and runs t on to its next visible operation. `stop` (may be null) is asked
    /// now and then while the thread runs a long stretch without visible operations (past
    /// Limits::max_local_instructions): when it returns true the step stops where it is, with
    /// State::limit of kind LimitHit::Kind::Stopped (a search's time budget or Ctrl-C; the state
    /// is then partly through the operation and fit for nothing but being dropped).
    Event step(State& s, ThreadId t, bool timeout, const std::function<bool()>* stop = nullptr) const;

    /// Evaluates a zero-argument check code object on a copy of the state's globals. Never
    /// produces events; a visible operation inside it (a call) is refused as an error value.
    CheckValue evaluate(const State& s, FuncId check) const;

    // ---- rendering for traces and reports (not on the hot path) ----
    std::string repr(const State& s, Value v) const;
    std::string str(const State& s, Value v) const;
    std::string thread_name(const State& s, ThreadId t) const;
    /// The same, without a copy: valid while the state's thread keeps its name.
    std::string_view thread_name_view(const State& s, ThreadId t) const;
    bool is_daemon(const State& s, ThreadId t) const;
    /// "IndexError: pop from empty list"
    std::string exception_text(const State& s, Value exc) const;
    /// The last line of CPython's traceback of an uncaught exception: the class's qualified
    /// name ("_queue.Empty"), the message, and the "Did you mean" suggestion CPython adds.
    std::string traceback_text(const State& s, Value exc) const;
    /// A global whose value is this object ("lock"), or a description ("Lock object #3"). A
    /// module-level loop variable (`for d in ds:`) is the last choice (is_loop_target).
    std::string object_label(const State& s, ObjectId o) const;
    /// Global `global` is a target of a module-level `for` loop.
    bool is_loop_target(size_t global) const;
    /// "account.balance", "accounts[1].balance", "BankAccount.balance of the object created at
    /// line 12", "count (a variable of make_counter, line 3)" (lines of the file the user sees:
    /// Program::file_line), for attribute and closure-variable accesses.
    std::string attribute_label(const State& s, ObjectId o, NameId name) const;
    /// "counts['apple']", "slots[2]": the item of a container an access names (Event::elem for
    /// a list element, Event::item for a dict key, see Machine::item_key).
    std::string item_label(const State& s, ObjectId o, int64_t elem, uint64_t item) const;
    /// The program's data as validation compares a real run with the model's: (name, repr) of
    /// each module global (parameters aside) holding None, a bool, int, float, str, tuple, list
    /// or dict, then ("g.attr", repr) for each such attribute of the user-class instance or
    /// class a global holds (`counter.value`), in the globals' order.
    std::vector<std::pair<std::string, std::string>> data_values(const State& s) const;
    /// One line saying what a blocked thread waits for: "waits to acquire Lock `lock` held by
    /// Thread-1 (worker) since line 12". `display_line` maps code-block lines to the lines the
    /// user sees (the YAML file's); identity when empty.
    std::string describe_wait(const State& s, ThreadId t,
                              const std::function<uint32_t(uint32_t)>& display_line = {}) const;
    /// "read counter", "acquire Lock `lock`", "put 3 into Queue `q`" for a pending op.
    std::string describe_pending(const State& s, ThreadId t) const;
    /// "read counter → 0", "write counter = 1", for an event just executed on state s.
    std::string describe_event(const State& s, const Event& e) const;
    /// "the program's memory passed 1 GiB at line 7" for a state stopped by a limit (lines
    /// mapped as in describe_wait); "" when no limit stopped it.
    std::string describe_limit(const State& s,
                               const std::function<uint32_t(uint32_t)>& display_line = {}) const;

private:
    friend class Machine;
    /// evaluate() on a state it may change (a copy, or the state itself when it undoes it).
    CheckValue evaluate_on(State& s, FuncId check) const;
    const Program& program_;
    Limits limits_;
    std::unique_ptr<InterpreterTables> tables_;
};

} // namespace rc
