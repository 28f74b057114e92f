// threading.Semaphore and threading.BoundedSemaphore: state, construction, methods, `with`.
#pragma once

#include <cstdint> // int64_t

#include "model/ids.hpp"                 // NameId
#include "model/threading/primitive.hpp" // Machine, Args
#include "model/values/value.hpp"        // Value

namespace rc {

struct SemaphoreObj {
    int64_t value = 1;
    int64_t initial = 1;
    bool bounded = false;
};

Value make_semaphore(Machine& m, const Args& a, bool bounded);
/// acquire(blocking=, timeout=), release(n=1).
Value semaphore_method(Machine& m, Value self, NameId method, const Args& a);
/// `with sem:` enters (its pending acquire is enabled) and exits (a release of one).
void semaphore_enter(Machine& m, SemaphoreObj& s);
void semaphore_exit(Machine& m, SemaphoreObj& s);

} // namespace rc
