// The dependency relation between racecheck's visible operations, written once: what each
// operation touches (its Footprint) and when two footprints conflict (dependent()).
//
// Two operations of different threads are independent when, executed one after the other from
// any state where both can run, either order reaches the same state and neither enables nor
// disables the other (Godefroid, "Partial-Order Methods for the Verification of Concurrent
// Systems", LNCS 1032, 1996, def. 3.3). Executions that differ only in the order of adjacent
// independent operations form one Mazurkiewicz trace; DPOR runs one execution per trace
// (Abdulla, Aronis, Jonsson, Sagonas, "Source Sets: A Foundation for Optimal Dynamic Partial
// Order Reduction", JACM 64(4), 2017, §2). The relation below over-approximates dependence: a
// pair it calls dependent may commute (then DPOR explores more than it must), but a pair it
// calls independent must commute, or DPOR would miss behaviours.
//
// A footprint is a short list of accesses (space, id, element, mode). Two operations of
// different threads are dependent when some pair of their accesses names the same space, id and
// overlapping element, and the modes conflict: Read with Read commutes, two operations of the
// same commuting group commute (two Event.set(), two Event.clear(), two thread ends), anything
// else conflicts. Operations of the same thread are always dependent (program order).
//
// | operation                                | accesses                                          |
// |------------------------------------------|---------------------------------------------------|
// | read / write of global g                 | Read / Write var g                                |
// | container read / write of object o       | Read / Write object o (one element for `a[i]`,    |
// |                                          | `a[i] = v` on a list: other elements commute)     |
// | attribute read / write of o.name         | Read / Write object o, element name (other        |
// |                                          | attributes commute)                               |
// | Lock/RLock acquire, release              | Write lock                                        |
// | Lock.locked()                            | Read lock                                         |
// | Condition wait (releases its lock), wake | Write condition, Write its lock                   |
// | (re-acquires it), notify                 | Write condition                                   |
// | Semaphore acquire, release               | Write semaphore                                   |
// | Event set / clear                        | group "set" / group "clear" on the event          |
// | Event wait, is_set (also timed out)      | Read event                                        |
// | Barrier wait, pass, abort                | Write barrier                                     |
// | Queue put, get, task_done                | Write queue                                       |
// | Queue join, qsize/empty/full             | Read queue                                        |
// | Thread start                             | Write thread object, Write spawn order            |
// | Thread join, is_alive                    | Read thread object, Read the thread's end         |
// | active_count(), threading.enumerate()    | Read spawn order, Read all ends                   |
// | thread t's end (its own step, ThreadEnd)  | Write t's end, group "end" on all ends            |
// | every executor/future operation          | Write pools (Read pools: result, done)            |
// | print                                    | Write output (Read the shared list it prints)     |
// | logging call (record, setLevel, ...)     | Write output (stderr and stdout as one stream)    |
// | sleep                                    | nothing                                           |
// | program exit                             | everything (it disables every other thread)       |
//
// Hidden effects of a step's invisible run-on are accesses too: constructing a Thread or an
// executor takes a name from State's counters (Write names: "Thread-N" depends on the order),
// threading.active_count() reads every thread's end (Read all ends), dropping an unfinished
// Executor.map iterator cancels its futures (Write pools; a pending step of a program that may
// call Executor.map is assumed to do so). When the scenario has
// `always:` invariants, every write of a global they read and every container write also
// Write "observed", so that the sequence of states the invariants see is the same in every
// execution of a trace. Reading a Lock/Semaphore/Event/Queue state is a Read; enabling is a
// conflict: every operation that can make a blocked operation of another thread runnable
// (release → acquire, set → wait, put → get, notify → wake, a thread's end → join) Writes what
// the blocked operation touches, so the two are dependent, as the definition demands.
//
// A pending operation's footprint is built before it runs, so it is conservative where the
// outcome is unknown: (when the program does so) any step may construct a Thread or read the
// thread count. A thread ends only in its ThreadEnd step, which runs no code: its footprint is
// exactly its end.
#pragma once

#include <array>   // accesses
#include <cstdint> // uint8_t, uint32_t, int64_t
#include <string>  // describe
#include <vector>  // observed globals

#include "model/ids.hpp"               // ThreadId
#include "model/runtime/operation.hpp" // Event, PendingOp, OpKind

namespace rc {

/// What the relation needs to know of the scenario, beyond single operations.
struct DependencyContext {
    std::vector<bool> observed_vars; // by VarId: read by an `always:` invariant
    bool observes_containers = false; // some `always:` invariant exists (it may read containers)
    bool names_in_threads = false;    // threads other than MainThread may construct Threads
    bool reads_thread_count = false;  // the program names active_count (conservative: the call is
                                      // now its own step, ThreadCount, with that read)
    bool thread_end_steps = false;    // a thread ends only in its ThreadEnd step
                                      // (Interpreter::thread_end_steps); else in any step
    bool maps_on_pools = false;       // the program may call Executor.map (an attribute `map`)
};

struct Footprint {
    enum class Space : uint8_t { Var, Object, End, AllEnds, Spawn, Names, Pools, Output, Observed };
    /// Read; Write; or a commuting group (two accesses of the same group commute).
    enum class Mode : uint8_t { Read, Write, SetGroup, ClearGroup, EndGroup };
    struct Access {
        Space space = Space::Var;
        uint32_t id = 0;
        int64_t elem = -1; // -1: the whole object
        Mode mode = Mode::Read;
    };
    static constexpr size_t kMaxAccesses = 8;

    ThreadId thread;
    OpKind kind = OpKind::Sleep;
    bool everything = false; // ProgramExit
    /// Pending operations only: it can be disabled (a blocking acquire, get, join, wait without
    /// a timeout...), so another thread's operation may be what lets it run.
    bool may_block = false;
    /// Executed operations only: it raised (e.g. a release of an unlocked lock changes nothing).
    bool raised = false;
    /// A choice of the explorer (OpKind::Choose): which branch ran (True). The two branches of one
    /// thread's choice are two different steps, which a reduction must tell apart.
    bool branch = false;
    /// Lock/RLock acquire and release, Condition wait and wake: the lock (re)acquired/released.
    ObjectId lock;
    uint8_t count = 0;
    std::array<Access, kMaxAccesses> access{};

    void add(Space s, uint32_t id, Mode m, int64_t elem = -1);
    /// "T1 write var 3", for test messages.
    std::string describe() const;
};

/// The footprint of an executed operation (exact: Event says how it went).
Footprint footprint(const Event& e, const DependencyContext& ctx);
/// The footprint of a thread's pending operation, resolved by Interpreter::resolved_pending
/// (conservative: it may take names or read the thread count, see the file comment).
Footprint footprint(ThreadId thread, const PendingOp& op, const DependencyContext& ctx);

/// Whether two operations are dependent (the same thread, or conflicting accesses).
bool dependent(const Footprint& a, const Footprint& b);
/// Whether two executed operations of a thread, at the same place in it, are the same step: the
/// same thread, and for a choice of the explorer the same branch.
bool same_step(const Footprint& a, const Footprint& b);

/// The step changed nothing another thread could observe (a read, a query, a sleep, a failed
/// non-blocking acquire, a timed-out wait): a thread that only takes such steps and comes back
/// to where it was is busy-waiting for another thread.
bool read_only(const Event& e);
/// Whether a step of this kind can be read_only (false: every step of this kind changes
/// something another thread could observe).
bool may_be_read_only(OpKind k);

} // namespace rc
