// Visible operations: what a virtual thread is about to do when it stops (PendingOp), and what
// happened when the scheduler let it (Event). These are all a strategy or detector ever sees of
// the interpreter, so they carry what DPOR and happens-before need: the thread, the object or
// variable, whether it reads or writes, and the synchronization it performs.
#pragma once

#include <cstdint>     // uint32_t, uint64_t
#include <string_view> // op_kind_name

#include "model/ids.hpp"   // ThreadId, ObjectId, VarId
#include "model/values/value.hpp" // Value

namespace rc {

// clang-format off
/// X(enum, short description used in traces)
#define RC_OP_KINDS(X)                                                                             \
    X(GlobalRead, "read")            /* var; value = value read */                                 \
    X(GlobalWrite, "write")          /* var; value = value written (Unbound for del) */            \
    X(ContainerRead, "read")         /* obj: a shared list/dict/str read (len, subscript, iter) */ \
    X(ContainerWrite, "write")       /* obj: a shared list/dict mutation (append, pop, []=) */     \
    X(AttrRead, "read")              /* obj: a shared instance or class; method = attribute name;*/\
                                     /* value = value read                                      */\
    X(AttrWrite, "write")            /* obj, method: the attribute written; value = value       */\
    X(LockAcquire, "acquire")        /* obj: Lock/RLock; value = True/False (non-blocking fail) */ \
    X(LockRelease, "release")        /* obj: Lock/RLock */                                         \
    X(LockQuery, "locked")           /* obj: Lock/RLock; value = locked() */                       \
    X(CondWait, "wait")              /* obj: Condition; releases its lock, starts waiting */       \
    X(CondWake, "wake")              /* obj: Condition; re-acquires the lock after notify/timeout*/\
    X(CondNotify, "notify")          /* obj: Condition; value = number woken */                    \
    X(SemAcquire, "acquire")         /* obj: Semaphore; value = True/False */                      \
    X(SemRelease, "release")         /* obj: Semaphore */                                          \
    X(EventSet, "set")               /* obj: Event */                                              \
    X(EventClear, "clear")           /* obj: Event */                                              \
    X(EventWait, "wait")             /* obj: Event; value = flag returned */                       \
    X(EventIsSet, "is_set")          /* obj: Event; value = flag */                                \
    X(BarrierArrive, "wait")         /* obj: Barrier; item = generation */                         \
    X(BarrierLeave, "pass")          /* obj: Barrier; item = generation left */                    \
    X(QueuePut, "put")               /* obj: Queue; item = put sequence number; value = item */    \
    X(QueueGet, "get")               /* obj: Queue; item = sequence number of the item got */      \
    X(QueueTaskDone, "task_done")    /* obj: Queue */                                              \
    X(QueueJoin, "join")             /* obj: Queue; waits until every item is task_done */         \
    X(QueueQuery, "query")           /* obj: Queue; qsize/empty/full */                            \
    X(ThreadStart, "start")          /* obj: Thread; other = the started thread */                 \
    X(ThreadJoin, "join")            /* obj: Thread; other = the joined thread */                  \
    X(ThreadQuery, "is_alive")       /* obj: Thread; other = the thread queried */                 \
    X(ThreadCount, "read live threads") /* threading.active_count() or enumerate() */           \
    X(ThreadEnd, "end")              /* a thread other than MainThread ends: is_alive() turns */   \
                                     /* False, join() returns, active_count() drops by one     */  \
    X(PoolSubmit, "submit")          /* obj: Future created; other = none */                       \
    X(PoolNext, "next work")         /* obj: Executor; a worker takes a future (value), False  */ \
                                     /* (a cancelled one) or None (exits)                      */ \
    X(PoolIdle, "idle")              /* obj: Executor; a worker releases the idle semaphore    */ \
    X(FutureFinish, "finish")        /* obj: Future; the worker stores its result */               \
    X(FutureResult, "result")        /* obj: Future; waits until finished */                       \
    X(FutureQuery, "done")           /* obj: Future */                                             \
    X(AsCompletedNext, "next done")  /* obj: the as_completed iterator; value = future yielded */  \
                                     /* (nonblocking: the list of those done when it started)  */  \
    X(PoolShutdown, "shutdown")      /* obj: Executor; stops taking work (then PoolJoin if wait) */ \
    X(PoolJoin, "join workers")      /* obj: Executor; waits until every worker has exited */      \
    X(Print, "print")                /* value: the text printed (a str object) */                  \
    X(Log, "log")                    /* value: the text a logging call wrote to stderr; it holds */\
                                     /* logging's module lock while it does (an HB edge)       */\
    X(Sleep, "sleep")                /* a scheduling point; no shared effect */                    \
    X(Choose, "choose")              /* a choice the explorer makes (the timeout branch: True) */  \
                                     /* where CPython's order is arbitrary; no shared effect  */  \
    X(ProgramExit, "exit")           /* MainThread waits for every non-daemon thread, then ends */
// clang-format on

enum class OpKind : uint8_t {
#define RC_X(e, s) e,
    RC_OP_KINDS(RC_X)
#undef RC_X
};

std::string_view op_kind_name(OpKind k);  // "GlobalRead"
std::string_view op_kind_verb(OpKind k);  // "read"

/// What a stopped thread will do next. `enabled` is not stored: it depends on the other threads
/// (ask Interpreter::is_enabled).
struct PendingOp {
    OpKind kind = OpKind::Sleep;
    uint32_t line = 0;  // code-block line
    VarId var;          // GlobalRead/GlobalWrite
    ObjectId obj;       // the object operated on, when there is one
    bool timed = false; // a blocking operation with a timeout: may time out while unsatisfiable
    bool nonblocking = false; // blocking=False / *_nowait / arguments that do not bind: never
                              // waits (fails or raises instead)
    NameId method;      // the method called, for operations that are method calls
    /// Filled by Interpreter::resolved_pending from the current state (not stored in the thread):
    ObjectId lock;      // CondWait/CondWake: the Condition's lock
    ThreadId other;     // ThreadStart/ThreadJoin/ThreadQuery: the thread, once started
    /// ContainerRead/ContainerWrite of one list element by a non-negative int index (`a[i]`,
    /// `a[i] = v`), which does not change the list's length; -1 for whole-container operations.
    int64_t elem = -1;
};

/// Event::item of a ContainerRead/ContainerWrite of one dict item (Machine::item_key): this bit,
/// the key's hash in the low 62 bits, and kItemReadToo when a read inserted the item (a
/// defaultdict's missing key read by `d[k]`).
constexpr uint64_t kItemKey = uint64_t{1} << 63;
constexpr uint64_t kItemReadToo = uint64_t{1} << 62;

/// What one scheduled step did: the visible operation, executed atomically. (The thread then ran
/// on through invisible work to its next visible operation, or to its end.)
struct Event {
    ThreadId thread;
    OpKind kind = OpKind::Sleep;
    uint32_t line = 0;
    VarId var;
    ObjectId obj;
    ThreadId other;     // ThreadStart/ThreadJoin/ThreadQuery: the other thread
    ObjectId lock;      // CondWait/CondWake: the Condition's lock (released / re-acquired)
    NameId method;      // the method called, for operations that are method calls
    Value value;        // read/written/returned value, see RC_OP_KINDS
    uint64_t item = 0;  // queue sequence number, barrier generation, a dict item's key (kItemKey)
    bool timed_out = false;  // the scheduler chose the timeout branch
    bool thread_ended = false; // the thread finished during this step's run-on
    bool raised = false;       // the operation raised a Python exception in the thread
    int64_t elem = -1;         // as PendingOp::elem
    // Effects of the step's invisible run-on on state shared by all threads (DPOR must order
    // such steps; see checker/strategies/dependency.hpp):
    bool took_name = false;    // constructed a Thread or executor (State's name counters)
    bool read_threads = false; // read every thread's liveness (threading.active_count())
    /// dropped the last reference to an unfinished Executor.map iterator: the futures it had not
    /// taken and no worker had started were cancelled in this step (drop_map_results: the thread
    /// ended as it dropped it)
    bool cancelled_futures = false;
    /// The program looked at a thread's identity: its name, ident, or repr (symmetry reduction
    /// may treat threads as interchangeable only while nothing does).
    bool observed_identity = false;
};

} // namespace rc
