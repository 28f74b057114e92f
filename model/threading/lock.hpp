// threading.Lock and threading.RLock: state, construction, methods, and the acquire/release
// helpers that Condition (over either kind of lock) and `with` share.
#pragma once

#include <cstdint> // uint32_t

#include "model/ids.hpp"                 // ObjectId, ThreadId, NameId
#include "model/threading/primitive.hpp" // Machine, Args
#include "model/values/value.hpp"        // Value

namespace rc {

struct PendingOp;

struct LockObj {
    ThreadId owner; // who acquired it (Lock may be released by any thread; kept for reports)
    bool locked = false;
    uint32_t acquired_line = 0;
};
struct RLockObj {
    ThreadId owner;
    uint32_t count = 0;
    uint32_t acquired_line = 0;
};

Value make_lock(Machine& m, const Args& a);
Value make_rlock(Machine& m, const Args& a);
/// acquire, release, locked (Lock and RLock).
Value lock_method(Machine& m, Value self, NameId method, const Args& a);

/// The ValueError message of Lock/RLock.acquire(blocking, timeout) arguments CPython rejects
/// ("can't specify a timeout for a non-blocking call", "timeout value must be positive"), or
/// empty. Unbound means absent. Such a call never blocks: it raises.
std::string lock_acquire_args_error(Machine& m, Value blocking, Value timeout);

/// Acquires a Lock or RLock (`count` recursion levels) for the calling thread if possible now.
bool try_lock(Machine& m, ObjectId lock, uint32_t count = 1);
/// Releases one level; RuntimeError as CPython when not held (by this thread, for an RLock).
void unlock(Machine& m, ObjectId lock);
/// CPython's Condition._is_owned: an RLock must be held by this thread; a Lock just locked.
bool owns_lock(Machine& m, ObjectId lock);
/// The acquire operation: True, or False for a failed non-blocking try or a timeout that fired.
Value lock_acquire(Machine& m, ObjectId lock, const PendingOp& op, Value timeout);

} // namespace rc
