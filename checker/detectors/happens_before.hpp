// The happens-before relation of one execution, built from its Events, and the locks each
// thread holds. Shared by the race detector (clocks, locksets) and the lock-order detector
// (locksets); it observes, it never reports.
//
// Clocks follow FastTrack (Flanagan & Freund, PLDI 2009, figure 2): a thread's own component
// starts at 1 and is ticked after every release; an acquire joins the released clock into the
// thread's. Each synchronization object keeps the clock of what it publishes, as loom keeps a
// clock in each of its runtime objects; here they live in one table keyed by (object, role,
// index), because the model's objects are plain values in State and carry no checker data.
#pragma once

#include <cstdint>  // uint32_t, uint64_t
#include <map>      // sync clocks, ordered for determinism
#include <optional> // newly acquired lock
#include <tuple>    // SyncKey ordering
#include <vector>   // per-thread data

#include "checker/detectors/vector_clock.hpp" // VectorClock, Epoch
#include "model/ids.hpp"            // ThreadId, ObjectId
#include "model/runtime/operation.hpp"      // Event
#include "model/runtime/state.hpp"          // State

namespace rc {

/// Whether a lock-like operation took effect: an acquire that neither failed (blocking=False),
/// timed out nor raised. `with lock:` entries carry no value and always succeed.
bool acquire_succeeded(const Event& e);

class HappensBefore {
public:
    /// Resets to the initial state of a new execution: one fresh clock per existing thread.
    void begin(const State& initial);
    /// Applies the synchronization the step performed; `after` is the state it produced.
    void on_step(const Event& e, const State& after);
    const VectorClock& clock(ThreadId t) const { return threads_[t.value]; }
    /// The thread's current epoch c@t: the time stamp of its next access.
    Epoch epoch(ThreadId t) const { return {t, threads_[t.value].get(t)}; }

private:
    enum class Role : uint8_t {
        Released,   // locks, semaphores, events, queue task_done, future finish
        Item,       // queue item by put sequence number
        Generation, // barrier generation
        Submitted,  // future, at submit
    };
    struct SyncKey {
        ObjectId obj;
        Role role = Role::Released;
        uint64_t index = 0;
        friend bool operator<(const SyncKey& a, const SyncKey& b) {
            return std::tie(a.obj, a.role, a.index) < std::tie(b.obj, b.role, b.index);
        }
    };
    void acquire(ThreadId t, SyncKey k);
    void acquire_thread(ThreadId t, ThreadId from);
    void release(ThreadId t, SyncKey k);

    std::vector<VectorClock> threads_;    // invariant: one per thread of the last state seen
    std::map<SyncKey, VectorClock> sync_; // what each object has published so far
    bool released_ = false; // the current step released: tick the thread's clock after it
};

/// The locks each thread holds, with re-entry counts (RLock) and where each was acquired.
class HeldLocks {
public:
    struct Held {
        ObjectId lock;
        uint32_t count = 1; // RLock recursion depth; invariant: ≥ 1
        uint32_t line = 0;  // code-block line of the first acquisition
        uint64_t step = 0;
    };
    void begin() { held_.clear(); }
    /// Updates the holdings; returns the lock `e` newly acquired (not an RLock re-entry), which
    /// is then the last entry of held(e.thread).
    std::optional<ObjectId> on_step(const Event& e, const State& after, uint64_t step);
    const std::vector<Held>& held(ThreadId t) const;

private:
    std::vector<std::vector<Held>> held_; // by thread id, in acquisition order
};

} // namespace rc
