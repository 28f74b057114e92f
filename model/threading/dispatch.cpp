// From the interpreter to the threading primitives: constructors, method calls, `with`, and the
// second phase of two-phase waits, each routed to the primitive's own file.
#include <algorithm> // max

#include "model/runtime/machine.hpp"       // Machine
#include "model/stdlib/futures_wait.hpp"   // futures_builtin
#include "model/threading/barrier.hpp"     // barrier_*
#include "model/threading/condition.hpp"   // condition_*
#include "model/threading/event.hpp"       // event_*
#include "model/threading/lock.hpp"        // lock_*
#include "model/threading/queue.hpp"       // queue_*
#include "model/threading/semaphore.hpp"   // semaphore_*
#include "model/library/signatures.hpp"  // sync_constructor_sig, sync_method_sig
#include "model/threading/thread.hpp"      // thread_*
#include "model/threading/thread_pool.hpp" // executor_*, future_*, pool_*

namespace rc {

double timeout_seconds(Machine& m, Value t) {
    if (t.is_unbound() || t.is_none()) return 0;
    return std::max(0.0, m.to_float(t, "timeout"));
}

void spend_timeout(Machine& m, Value timeout) {
    m.th().clock_ns += static_cast<int64_t>(timeout_seconds(m, timeout) * 1e9);
}

void no_such_method(Machine& m, Value self, NameId method) { m.no_attribute(self, method); }

Value Machine::construct_sync(BuiltinId id, const Args& a) {
    if (const Sig* sig = sync_constructor_sig(id)) bind(a, *sig);
    switch (id) {
    case BuiltinId::Thread: return make_thread(*this, a);
    case BuiltinId::Lock: return make_lock(*this, a);
    case BuiltinId::RLock: return make_rlock(*this, a);
    case BuiltinId::Condition: return make_condition(*this, a);
    case BuiltinId::Semaphore: return make_semaphore(*this, a, false);
    case BuiltinId::BoundedSemaphore: return make_semaphore(*this, a, true);
    case BuiltinId::Event: return make_event(*this, a);
    case BuiltinId::Barrier: return make_barrier(*this, a);
    case BuiltinId::Local: return make_local(*this, a);
    case BuiltinId::Timer: return make_timer(*this, a);
    case BuiltinId::Queue: return make_queue(*this, a, QueueObj::Order::Fifo);
    case BuiltinId::LifoQueue: return make_queue(*this, a, QueueObj::Order::Lifo);
    case BuiltinId::PriorityQueue: return make_queue(*this, a, QueueObj::Order::Priority);
    case BuiltinId::SimpleQueue: return make_simple_queue(*this, a);
    case BuiltinId::ThreadPoolExecutor: return make_executor(*this, a);
    case BuiltinId::AsCompleted: return make_as_completed(*this, a);
    case BuiltinId::RcPoolNext:
    case BuiltinId::RcPoolSubmit:
    case BuiltinId::RcFutureFn:
    case BuiltinId::RcFutureArgs:
    case BuiltinId::RcFutureKwargs:
    case BuiltinId::RcFutureFinish:
    case BuiltinId::RcFutureFail:
    case BuiltinId::RcCallbackRaised:
    case BuiltinId::RcPoolIdle:
    case BuiltinId::RcAsCompletedBatch:
    case BuiltinId::RcLazyResults: return pool_builtin(*this, id, a);
    case BuiltinId::RcBarrierOpen: return barrier_open(*this, a);
    case BuiltinId::FuturesWait:
    case BuiltinId::RcFutureFailed:
    case BuiltinId::RcDoneNotDone: return futures_builtin(*this, id, a);
    default: break;
    }
    RC_CHECK(false, "construct_sync: not a threading constructor");
    return Value::none();
}

Value Machine::call_sync_method(Value self, NameId method, const Args& a) {
    if (const Sig* sig = sync_method_sig(*this, self, known_method(method))) bind(a, *sig);
    if (get<QueueObj>(self)) return queue_method(*this, self, method, a);
    if (get<LockObj>(self) || get<RLockObj>(self)) return lock_method(*this, self, method, a);
    if (get<ConditionObj>(self)) return condition_method(*this, self, method, a);
    if (get<SemaphoreObj>(self)) return semaphore_method(*this, self, method, a);
    if (get<EventObj>(self)) return event_method(*this, self, method, a);
    if (get<BarrierObj>(self)) return barrier_method(*this, self, method, a);
    if (get<ThreadObj>(self)) return thread_method(*this, self, method, a);
    if (get<FutureObj>(self)) return future_method(*this, self, method, a);
    if (get<ExecutorObj>(self)) return executor_method(*this, self, method, a);
    no_such_method(*this, self, method);
}

void Machine::finish_wait() {
    Value result = Value::none();
    switch (th().wait.kind) {
    case Wait::Kind::Condition:
        if (!condition_finish_wait(*this, &result)) return; // timed out: re-acquires later
        break;
    case Wait::Kind::Barrier: result = barrier_finish_wait(*this); break;
    case Wait::Kind::PoolJoin: pool_finish_join(*this); break;
    case Wait::Kind::None: RC_CHECK(false, "finish_wait without a wait");
    }
    th().wait = Wait{};
    const Instr& in = code().code[frame().pc];
    if (in.op == Op::Call) complete_call(result);
    else frame().pc++; // WithExit / WithExitExc: the context was already popped
}

void Machine::with_enter(Value ctx) {
    const PendingOp op = th().pending;
    if (auto* c = get<ConditionObj>(ctx)) {
        lock_acquire(*this, c->lock, op, Value::none());
        push(Value::boolean(true));
        return;
    }
    if (get<LockObj>(ctx) || get<RLockObj>(ctx)) {
        lock_acquire(*this, ctx.obj(), op, Value::none());
        push(Value::boolean(true));
        return;
    }
    if (auto* s = get<SemaphoreObj>(ctx)) {
        semaphore_enter(*this, *s);
        push(Value::boolean(true));
        return;
    }
    if (get<ExecutorObj>(ctx)) {
        push(ctx);
        return;
    }
    if (Value enter = user_dunder(ctx, "__enter__"); !enter.is_unbound()) {
        // CPython 3.12's BEFORE_WITH looks both up before it calls __enter__.
        if (user_dunder(ctx, "__exit__").is_unbound())
            raise(BuiltinId::TypeError, "'" + type_name(ctx) +
                                            "' object does not support the context manager protocol "
                                            "(missed __exit__ method)");
        Args a;
        a.pos.push_back(ctx);
        push_frame(enter, a, line()); // what it returns is pushed: [ctx, entered]
        return;
    }
    raise(BuiltinId::TypeError,
          "'" + type_name(ctx) + "' object does not support the context manager protocol");
}

bool Machine::user_with_exit(Value ctx, Value exc) {
    Value exit = user_dunder(ctx, "__exit__");
    if (exit.is_unbound()) return false;
    Args a;
    if (exc.is_unbound()) a.pos = {ctx, Value::none(), Value::none(), Value::none()};
    else a.pos = {ctx, type_value(exc), exc, Value::none()}; // no traceback objects in the model
    push_frame(exit, a, line());
    if (exc.is_unbound()) frame().returns = Frame::Return::Discard;
    return true;
}

void Machine::with_exit(Value ctx) {
    if (auto* c = get<ConditionObj>(ctx)) return unlock(*this, c->lock);
    if (get<LockObj>(ctx) || get<RLockObj>(ctx)) return unlock(*this, ctx.obj());
    if (auto* s = get<SemaphoreObj>(ctx)) return semaphore_exit(*this, *s);
    if (get<ExecutorObj>(ctx)) return pool_shutdown(*this, ctx, true);
    raise(BuiltinId::TypeError,
          "'" + type_name(ctx) + "' object does not support the context manager protocol");
}

} // namespace rc
