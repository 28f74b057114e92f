// threading.Barrier: state, construction, methods, and the second phase of wait().
//
// wait() is two-phase: the call arrives (BarrierArrive); the last party to arrive opens the
// generation and returns at once, the others leave in a separate step (BarrierLeave) completed
// by barrier_finish_wait once the generation has moved on or the barrier broke. With an action,
// the last party runs it first (the prelude's _rc_barrier_release), then opens the generation in
// a step of its own (_rc_barrier_open, a BarrierArrive without a method).
#pragma once

#include <cstdint> // uint32_t, uint64_t

#include "model/ids.hpp"                 // NameId, ThreadId
#include "model/threading/primitive.hpp" // Machine, Args
#include "model/values/value.hpp"        // Value

namespace rc {

struct BarrierObj {
    uint32_t parties = 1;
    uint32_t waiting = 0;
    uint64_t generation = 0;
    bool broken = false;
    Value action; // Barrier(action=...): unbound without one
    /// The last party to arrive runs the action before the generation opens (CPython's _release,
    /// under the barrier's condition lock): while it does, no other thread can enter the barrier.
    ThreadId releaser;
};

Value make_barrier(Machine& m, const Args& a);
/// wait, abort, reset (reset only without waiters).
Value barrier_method(Machine& m, Value self, NameId method, const Args& a);
/// The BarrierLeave step: BrokenBarrierError if the barrier broke, else wait()'s arrival index.
Value barrier_finish_wait(Machine& m);
/// _rc_barrier_open(barrier, ok): the end of the action the last party ran; opens the next
/// generation (ok) or breaks the barrier (the action raised).
Value barrier_open(Machine& m, const Args& a);

} // namespace rc
