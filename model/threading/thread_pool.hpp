// concurrent.futures: ThreadPoolExecutor, Future and as_completed — state, construction,
// methods, and the native helpers behind the prelude's worker loop (_rc_pool_*).
//
// Pool workers are virtual threads running the prelude's _rc_pool_worker loop, created on
// submit() as CPython does (a new worker while none is idle and fewer than max_workers exist).
#pragma once

#include <cstdint> // uint8_t, uint32_t, uint64_t
#include <string>  // name prefix
#include <vector>  // workers, futures

#include "model/bytecode/builtins.hpp"   // BuiltinId
#include "model/ids.hpp"                 // ObjectId, ThreadId, NameId
#include "model/threading/primitive.hpp" // Machine, Args
#include "model/values/value.hpp"        // Value

namespace rc {

struct FutureObj {
    enum class Status : uint8_t { Pending, Running, Finished };
    Status status = Status::Pending;
    Value fn, args, kwargs;
    Value result;
    Value exception;         // None unless it failed
    uint64_t finish_seq = 0; // completion order among the executor's futures
};
struct ExecutorObj {
    uint32_t max_workers = 1;
    std::string name_prefix;
    std::vector<ThreadId> workers;
    std::vector<ObjectId> pending; // submitted futures not yet taken by a worker (FIFO)
    uint32_t idle = 0;             // workers blocked in _rc_pool_next
    bool shutdown = false;
    uint64_t finished = 0;
};
/// concurrent.futures.as_completed(fs): yields each future once, in completion order.
struct AsCompletedObj {
    std::vector<ObjectId> futures;
    std::vector<bool> yielded;
};

Value make_executor(Machine& m, const Args& a);
Value make_as_completed(Machine& m, const Args& a);
/// The prelude's native helpers: RcPoolNext, RcPoolSubmit, RcFutureFn/Args/Kwargs,
/// RcFutureFinish/Fail.
Value pool_builtin(Machine& m, BuiltinId id, const Args& a);
/// submit, map, shutdown(wait=True).
Value executor_method(Machine& m, Value self, NameId method, const Args& a);
/// result(timeout=), exception(timeout=), done, running.
Value future_method(Machine& m, Value self, NameId method, const Args& a);
/// Stops the executor taking work; with `wait`, starts the PoolJoin wait (two-phase).
void pool_shutdown(Machine& m, Value executor, bool wait);
/// The PoolJoin step, once every worker has exited: the waiter's clock catches up with theirs.
void pool_finish_join(Machine& m);
/// Next future of an as_completed iterator; false when exhausted (enabled only then or when one
/// is done).
bool as_completed_next(Machine& m, Value it, Value* out);

} // namespace rc
