// Heap objects: the Python objects that are not scalars, and the state of every threading and
// queue object. A closed set (std::variant); the interpreter and the state hash visit it.
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

/// concurrent.futures.as_completed(fs): yields each future once, in completion order.
struct AsCompletedObj {
    std::vector<ObjectId> futures;
    std::vector<bool> yielded;
};

// ---- threading objects -------------------------------------------------------------------------

struct ThreadObj {
    Value target, args, kwargs; // args: tuple, kwargs: dict or None
    std::string name;
    bool daemon = false;
    bool started = false;
    ThreadId tid; // valid once started (or for the main thread / pool workers)
};
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
struct ConditionObj {
    ObjectId lock; // a LockObj or RLockObj
    std::vector<ThreadId> waiters; // FIFO, as CPython's deque of waiter locks
};
struct SemaphoreObj {
    int64_t value = 1;
    int64_t initial = 1;
    bool bounded = false;
};
struct EventObj {
    bool flag = false;
};
struct BarrierObj {
    uint32_t parties = 1;
    uint32_t waiting = 0;
    uint64_t generation = 0;
    bool broken = false;
};
struct QueueObj {
    std::vector<Value> items; // FIFO (front = index 0)
    std::vector<uint64_t> item_seq; // per item: the sequence number of its put (happens-before)
    int64_t maxsize = 0; // <= 0: unbounded
    int64_t unfinished = 0; // puts minus task_done calls
    uint64_t next_seq = 0;
};
/// threading.local(): per-thread attribute dicts.
struct LocalObj {
    std::vector<std::pair<ThreadId, std::vector<std::pair<NameId, Value>>>> per_thread;
};
struct FutureObj {
    enum class Status : uint8_t { Pending, Running, Finished };
    Status status = Status::Pending;
    Value fn, args, kwargs;
    Value result;
    Value exception; // None unless it failed
    uint64_t finish_seq = 0; // completion order among the executor's futures
};
struct ExecutorObj {
    uint32_t max_workers = 1;
    std::string name_prefix;
    std::vector<ThreadId> workers;
    std::vector<ObjectId> pending; // submitted futures not yet taken by a worker (FIFO)
    uint32_t idle = 0; // workers blocked in _rc_pool_next
    bool shutdown = false;
    uint64_t finished = 0;
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
