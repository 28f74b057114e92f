// threading.Condition: state, construction, methods, and the second phase of wait().
//
// wait() is two-phase, as in CPython: the call releases the lock and starts waiting (CondWait);
// after a notify (or the timeout the scheduler chose) the thread re-acquires the lock in a
// separate visible step (CondWake), completed by condition_finish_wait.
#pragma once

#include <vector> // waiters

#include "model/ids.hpp"                 // ObjectId, ThreadId, NameId
#include "model/threading/primitive.hpp" // Machine, Args
#include "model/values/value.hpp"        // Value

namespace rc {

struct ConditionObj {
    ObjectId lock;                 // a LockObj or RLockObj
    std::vector<ThreadId> waiters; // FIFO, as CPython's deque of waiter locks
};

/// Condition(lock=None): a new RLock when no lock is given.
Value make_condition(Machine& m, const Args& a);
/// acquire, release, wait, wait_for, notify, notify_all.
Value condition_method(Machine& m, Value self, NameId method, const Args& a);
/// The CondWake step: leaves the waiters on a timeout (re-acquiring in a further step), or
/// re-acquires the lock and sets *result to wait()'s return value. False when the call is not
/// complete yet (the timeout case).
bool condition_finish_wait(Machine& m, Value* result);

} // namespace rc
