// The whole state of one execution: globals, heap, every virtual thread, the output so far.
// A plain value: copying it forks the execution; hash_state() fingerprints it. Nothing in it
// depends on addresses, so equal schedules give equal states.
#pragma once

#include <cstdint> // uint32_t, int64_t
#include <optional> // refusal
#include <string>  // output
#include <vector>  // globals, heap, threads

#include "model/ids.hpp"       // ThreadId, ObjectId, FuncId
#include "model/values/objects.hpp"   // Object
#include "model/runtime/operation.hpp" // PendingOp
#include "model/values/value.hpp"     // Value

namespace rc {

struct Frame {
    /// How the frame hands its result back to its caller.
    enum class Return : uint8_t {
        Push,      // a call: the caller's pc is past its Call; the result is pushed
        Retry,     // a drain for an instruction (generators/drain.cpp): the result replaces
                   // the caller's operand at `retry_depth`, and the caller re-executes the
                   // instruction at its unchanged pc
        ForIter,   // a generator resumed by ForIter (caller pc past it): a yielded value is
                   // pushed; when the generator ends the iterator is popped and the caller
                   // jumps to `exit_pc`
        YieldFrom, // the same, for `yield from` (ForIter with b = 1): when the generator ends,
                   // its return value replaces the iterator
        Next,      // a generator resumed by next() (caller pc past the Call): a yielded value
                   // is pushed; when it ends, next_default is pushed or StopIteration raised
        Construct, // __init__ called by instantiation (caller pc past the Call): the result
                   // must be None; init_self is pushed instead
        Discard,   // a property setter run by StoreAttr (caller pc past it): nothing is pushed
    };
    FuncId code;
    uint32_t exc_depth = 0;   // ThreadState::exc_stack size when the frame was entered
    uint32_t pc = 0;
    uint32_t locals_base = 0; // index into ThreadState::stack of local slot 0
    uint32_t stack_base = 0;  // locals_base + local_count: the operand stack starts here
    uint32_t call_line = 0;   // the caller's line (prelude frames report it)
    uint32_t call_col = 0;    // the caller's column (prelude frames report it)
    Return returns = Return::Push;
    uint32_t retry_depth = 0; // Retry
    uint32_t exit_pc = 0;     // ForIter
    ObjectId generator;       // the GeneratorObj this frame runs, if any
    Value next_default;       // Next: Unbound when next() has no default
    Value init_self;          // Construct: the instance being initialized
};

enum class ThreadStatus : uint8_t {
    NotStarted, // reserved slot (never scheduled)
    Running,    // stopped before `pending`
    Finished,   // returned or ended by an uncaught exception
    Diverged,   // ran past the local-instruction limit without a visible operation
};

/// The second phase of an operation that blocks after it has had an effect (Condition.wait has
/// released the lock; Barrier.wait has arrived; ThreadPoolExecutor.shutdown has stopped the pool
/// and now waits for its workers).
struct Wait {
    enum class Kind : uint8_t { None, Condition, Barrier, PoolJoin };
    Kind kind = Kind::None;
    ObjectId obj;
    bool notified = false;    // Condition: notify() chose this waiter
    bool timed_out = false;   // Condition: the scheduler chose the timeout; wait() returns False
    bool timed = false;       // the wait has a timeout
    uint32_t rlock_count = 0; // Condition over an RLock: the recursion count to restore
    uint64_t generation = 0;  // Barrier: the generation waited in
    uint32_t index = 0;       // Barrier: the arrival index wait() returns
};

struct ThreadState {
    ThreadId id;
    ObjectId thread_obj; // its ThreadObj (name, daemon flag)
    ThreadStatus status = ThreadStatus::NotStarted;
    std::vector<Frame> frames;
    std::vector<Value> stack;     // every frame's locals and operand stack, contiguous
    std::vector<Value> exc_stack; // exceptions being handled (PushExcInfo / PopExcept)
    PendingOp pending;            // valid while status == Running
    Wait wait;
    int64_t clock_ns = 0;         // virtual time: instructions, sleeps, timeouts
    Value uncaught;               // the exception that ended it (Unbound if none)
    /// The SystemExit that ended it (sys.exit()): a normal end, never a finding. MainThread's
    /// is the program's exit status (CPython still waits for non-daemon threads).
    Value system_exit;
    uint32_t diverged_line = 0;   // where it ran away (status Diverged)
};

/// Which of racecheck's resource limits (Limits in interpreter.hpp) stopped an execution.
struct LimitHit {
    /// Instructions: a thread ran Limits::max_local_run instructions without a visible
    /// operation, and no state of it repeated (no proof that it loops forever).
    /// Stopped: not a limit of the program's run but the search's (Interpreter::step's `stop`
    /// poll: the time budget ran out or Ctrl-C arrived inside one long step).
    enum class Kind : uint8_t { None, Memory, String, Threads, Instructions, Stopped };
    Kind kind = Kind::None;
    uint32_t line = 0;  // the code-block line being executed (0 = unknown)
    uint64_t limit = 0; // the limit passed (bytes, threads or instructions)
    ThreadId thread;    // Instructions: the thread that ran them
    explicit operator bool() const { return kind != Kind::None; }
};

/// An operation outside racecheck's subset, met at run time: the execution stops before it,
/// and whoever runs the program turns it into a `file:line:col: error: unsupported: <what>`
/// diagnostic (exit 2). Never a Python exception, never a finding.
struct Refusal {
    std::string what;     // "keyword argument 'key' of sorted()" (without "unsupported: ")
    std::string hint;     // one actionable sentence
    uint32_t line = 0;    // code-block position of the operation
    uint32_t col = 0;
    ThreadId thread;      // the thread that met it
};

/// The logging module's configuration (logging_module.cpp).
struct LoggingState {
    bool configured = false; // basicConfig() ran, explicitly or by a module-level log call
    std::string format = "%(levelname)s:%(name)s:%(message)s";
    std::string datefmt;
    int64_t root_level = 30; // WARNING
    /// getLogger(name) objects, so that one name is one logger.
    std::vector<std::pair<std::string, ObjectId>> loggers;
};

struct State {
    std::vector<Value> globals;
    std::vector<Object> heap;
    std::vector<ThreadState> threads; // index = ThreadId; 0 = MainThread
    /// The threads not Finished, in id order: what scheduling looks at, so that a step costs
    /// time in the live threads, not in every thread ever started (Interpreter::schedulable,
    /// status, ProgramExit's enabledness, the Session's choice points).
    /// invariant: exactly the ids t with threads[t].status != Finished, ascending.
    std::vector<ThreadId> live_threads;
    std::string output;               // what print() wrote (stdout)
    /// A running 128-bit digest of `output` (two lanes), extended by every print: fingerprints
    /// use it instead of hashing the whole output again in every state.
    uint64_t output_digest[2] = {0x6A09E667F3BCC908ull, 0xBB67AE8584CAA73Bull};
    /// Who wrote the output, for reports only: in no fingerprint, so states that differ only
    /// in which thread wrote a piece stay one state (the first path to reach it tells).
    /// mixed_lines: the 0-based numbers of the output's lines (a line ends with its '\n') into
    /// which two or more threads wrote, ascending; line_writer: the thread that began the
    /// current, unfinished line (invalid when it is empty); output_lines: the lines finished.
    std::vector<uint32_t> mixed_lines;
    ThreadId line_writer;
    uint32_t output_lines = 0;
    std::string error_output;         // what logging wrote (stderr)
    uint32_t thread_name_counter = 0; // CPython's Thread-N counter
    uint32_t executor_counter = 0;    // ThreadPoolExecutor-N
    uint64_t steps = 0;               // visible operations executed
    bool ended = false;               // ProgramExit executed
    /// Bytes the program holds as racecheck accounts them (Machine::charge): heap objects
    /// (never freed during an execution), live frames, thread states, printed output.
    /// invariant: <= Limits::max_memory.
    uint64_t memory = 0;
    /// Set when a limit stopped the execution; then no thread is scheduled any more.
    LimitHit limit;

    /// Marks thread t Finished and drops it from live_threads.
    void finish_thread(ThreadId t);
    /// Set when the program met an unsupported operation: nothing can be scheduled any more.
    std::optional<Refusal> refusal;
    /// The program has looked at an object's identity (id(), hash() of an object hashed by
    /// identity, an address in a repr): from then on heap numbering is observable, so the
    /// stateful search compares such states with their objects' real numbers too (fingerprint).
    bool identity_observed = false;
    /// The random module's Mersenne Twister state (random_module.cpp): empty until the program
    /// first uses random; seeded as random.seed(0) then, identically in every execution.
    std::vector<uint32_t> random_mt;
    uint32_t random_index = 0;
    LoggingState logging;
    /// The result iterators of ThreadPoolExecutor.map not yet finished, each with the list of
    /// its futures not yet taken. When one becomes unreachable, CPython frees it at once
    /// (reference counting) and its `finally` cancels those futures; Interpreter::step does the
    /// same after each step (drop_map_results). Between steps it holds exactly the
    /// reachable unfinished ones, which the heap determines: no fingerprint needs it.
    std::vector<std::pair<ObjectId, ObjectId>> map_results;

    const ThreadState& thread(ThreadId t) const { return threads[t.value]; }
    ThreadState& thread(ThreadId t) { return threads[t.value]; }
    Object& object(ObjectId o) { return heap[o.value]; }
    const Object& object(ObjectId o) const { return heap[o.value]; }
};

/// Extends State::output_digest with text just appended to the output.
void digest_output(State& s, const std::string& text);

/// Records that thread `writer` appended `text` to the output (State::mixed_lines).
void note_output_writer(State& s, ThreadId writer, const std::string& text);

/// A 64-bit fingerprint of everything that determines the future of the execution (not
/// `steps`, not virtual clocks' absolute values beyond what the program read).
uint64_t hash_state(const State& s);

/// A fingerprint of what thread t's future depends on: the globals, the heap and t's own frames,
/// stacks and wait (not other threads' positions, not the output, not clocks).
uint64_t hash_thread_view(const State& s, ThreadId t);

} // namespace rc
