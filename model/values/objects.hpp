// Heap objects: the Python objects that are not scalars, and (from model/threading/) the state
// of every threading and queue object. A closed set (std::variant); the interpreter and the
// state hash visit it.
//
// Objects are never freed during an execution (executions are short); ObjectIds stay valid and
// deterministic, which replay and reports rely on.
#pragma once

#include <cstdint> // int64_t, uint32_t, uint64_t
#include <string>  // StrObj
#include <utility> // pair
#include <variant> // Object
#include <vector>  // contents

#include "model/bytecode/builtins.hpp" // BuiltinId for exception classes
#include "model/ids.hpp"      // ObjectId, ThreadId, FuncId, NameId
#include "model/values/value.hpp"    // Value
// The threading primitives' state (each primitive's own file holds it, as loom does):
#include "model/threading/barrier.hpp"     // BarrierObj
#include "model/threading/condition.hpp"   // ConditionObj
#include "model/threading/event.hpp"       // EventObj
#include "model/threading/lock.hpp"        // LockObj, RLockObj
#include "model/threading/queue.hpp"       // QueueObj
#include "model/threading/semaphore.hpp"   // SemaphoreObj
#include "model/threading/thread.hpp"      // ThreadObj, LocalObj
#include "model/threading/thread_pool.hpp" // FutureObj, ExecutorObj, AsCompletedObj

namespace rc {

struct StrObj {
    std::string s;
};
struct TupleObj {
    std::vector<Value> items;
};
struct ListObj {
    std::vector<Value> items;
};
/// Insertion-ordered; keys compared with Python equality (small dicts: linear lookup).
struct DictObj {
    std::vector<std::pair<Value, Value>> items;
};
struct RangeObj {
    int64_t start = 0, stop = 0, step = 1;
};
struct SliceObj {
    Value lower, upper, step; // None when absent
};
struct FunctionObj {
    FuncId code;
    std::vector<Value> defaults; // for the last defaults.size() parameters
};
struct ExceptionObj {
    BuiltinId type = BuiltinId::Exception;
    std::vector<Value> args;
    uint32_t line = 0;  // where it was raised (code-block line), 0 = unknown
    ThreadId thread;    // which thread raised it
};

/// An iterator over a sequence or a range. Its `pos` advances; the source is read at each step.
struct IterObj {
    enum class Kind : uint8_t { Sequence, DictKeys, DictItems, DictValues, Range, String };
    Kind kind = Kind::Sequence;
    Value source;   // the list/tuple/dict/str being iterated (for Range: unused)
    int64_t pos = 0; // index, or the next range value
    int64_t stop = 0, step = 1; // Range only
};

struct Object {
    std::variant<StrObj, TupleObj, ListObj, DictObj, RangeObj, SliceObj, FunctionObj,
                 ExceptionObj, IterObj, AsCompletedObj, ThreadObj, LockObj, RLockObj,
                 ConditionObj, SemaphoreObj, EventObj, BarrierObj, QueueObj, LocalObj, FutureObj,
                 ExecutorObj>
        data;
    /// Reachable by more than one thread (stored in a shared global, passed to a thread, put in
    /// a queue...). Operations on unshared containers are invisible. Never reset.
    bool shared = false;
};

} // namespace rc
