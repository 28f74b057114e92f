// threading.Barrier: state, construction, methods, and the second phase of wait().
//
// wait() is two-phase: the call arrives (BarrierArrive); the last party to arrive opens the
// generation and returns at once, the others leave in a separate step (BarrierLeave) completed
// by barrier_finish_wait once the generation has moved on or the barrier broke.
#pragma once

#include <cstdint> // uint32_t, uint64_t

#include "model/ids.hpp"                 // NameId
#include "model/threading/primitive.hpp" // Machine, Args
#include "model/values/value.hpp"        // Value

namespace rc {

struct BarrierObj {
    uint32_t parties = 1;
    uint32_t waiting = 0;
    uint64_t generation = 0;
    bool broken = false;
};

Value make_barrier(Machine& m, const Args& a);
/// wait, abort, reset (reset only without waiters).
Value barrier_method(Machine& m, Value self, NameId method, const Args& a);
/// The BarrierLeave step: BrokenBarrierError if the barrier broke, else wait()'s arrival index.
Value barrier_finish_wait(Machine& m);

} // namespace rc
