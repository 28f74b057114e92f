// concurrent.futures: ThreadPoolExecutor, Future and as_completed — state, construction,
// methods, and the native helpers behind the prelude's worker loop (_rc_pool_*).
//
// Pool workers are virtual threads running the prelude's _rc_pool_worker loop, created on
// submit() as CPython 3.12's _adjust_thread_count does: a new worker unless the idle semaphore
// can be taken (a worker releases it after each work item, so between a future finishing and
// that release a second worker appears), and fewer than max_workers exist. map() submits at
// once and returns a generator (_rc_pool_results) that waits for each result as it is asked;
// as_completed() is a generator (_rc_as_completed) that yields the futures already finished
// when it starts in an order the explorer chooses (CPython's set order), then the others in
// completion order.
#pragma once

#include <cstdint> // uint8_t, uint32_t, uint64_t
#include <string>  // name prefix
#include <vector>  // workers, futures

#include "model/bytecode/builtins.hpp"   // BuiltinId
#include "model/ids.hpp"                 // ObjectId, ThreadId, NameId
#include "model/threading/primitive.hpp" // Machine, Args
#include "model/values/value.hpp"        // Value

namespace rc {

struct State;

struct FutureObj {
    enum class Status : uint8_t { Pending, Running, Finished, Cancelled };
    Status status = Status::Pending;
    Value fn, args, kwargs;
    Value result;
    Value exception;         // None unless it failed
    uint64_t finish_seq = 0; // completion (or cancellation) order among the futures
    // add_done_callback's functions, in order, while the future is not done; whoever makes it
    // done (the worker finishing it, a cancel()) runs them and the list is emptied.
    std::vector<Value> callbacks;
    bool done() const { return status == Status::Finished || status == Status::Cancelled; }
};
struct ExecutorObj {
    uint32_t max_workers = 1;
    std::string name_prefix;
    std::vector<ThreadId> workers;
    std::vector<ObjectId> pending; // submitted futures not yet taken by a worker (FIFO)
    uint32_t idle = 0;             // the value of CPython's _idle_semaphore
    bool shutdown = false;
    uint64_t finished = 0;
};
/// The state behind as_completed(fs)'s generator: each future is yielded once.
struct AsCompletedObj {
    std::vector<ObjectId> futures;
    std::vector<bool> yielded;
};

Value make_executor(Machine& m, const Args& a);
Value make_as_completed(Machine& m, const Args& a);
/// The prelude's native helpers: RcPoolNext, RcPoolSubmit, RcPoolIdle, RcFutureFn/Args/Kwargs,
/// RcFutureFinish/Fail, RcAsCompletedBatch.
Value pool_builtin(Machine& m, BuiltinId id, const Args& a);
/// submit, map, shutdown(wait=True).
Value executor_method(Machine& m, Value self, NameId method, const Args& a);
/// result(timeout=), exception(timeout=), done, running, cancelled, cancel.
Value future_method(Machine& m, Value self, NameId method, const Args& a);
/// Stops the executor taking work; with `wait`, starts the PoolJoin wait (two-phase).
void pool_shutdown(Machine& m, Value executor, bool wait);
/// The PoolJoin step, once every worker has exited: the waiter's clock catches up with theirs.
void pool_finish_join(Machine& m);
/// CPython 3.12's Executor.map returns a generator whose `finally` cancels the futures it has
/// not yielded; CPython runs it when the generator is freed, which reference counting does the
/// moment the last reference goes (`for r in ex.map(...): break`, a function returning), if it
/// has started (one never iterated has not entered its try: dropping it cancels nothing). After
/// thread m.tid's step, every unfinished map iterator (State::map_results) that nothing reachable
/// refers to any more was dropped by it: the thread runs that finally next (_rc_pool_cancel,
/// each Future.cancel() a step, so other threads can run between the drop and each cancel, as
/// in CPython), then goes on with the operation it had stopped at. A thread that ended as it
/// dropped one cancels in the same step; returns whether a future was cancelled so. (A reference
/// cycle would keep CPython's iterator until its cyclic garbage collector runs, and an
/// exception's traceback keeps a returned function's locals until the exception is gone;
/// racecheck drops such an iterator at once.)
bool drop_map_results(Machine& m);
/// Next future of an as_completed iterator; false when exhausted (enabled only then or when one
/// is done).
bool as_completed_next(Machine& m, Value it, Value* out);

} // namespace rc
