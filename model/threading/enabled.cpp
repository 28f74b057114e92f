// When a pending visible operation can proceed: the blocking rules of every threading object.
#include "model/runtime/machine.hpp" // pending_enabled

namespace rc {

namespace {

template <class T> const T* obj(const State& s, ObjectId id) {
    if (!id.valid() || id.value >= s.heap.size()) return nullptr;
    return std::get_if<T>(&s.heap[id.value].data);
}

bool lock_available(const State& s, ObjectId lock, ThreadId t) {
    if (auto* l = obj<LockObj>(s, lock)) return !l->locked;
    if (auto* r = obj<RLockObj>(s, lock)) return r->count == 0 || r->owner == t;
    return true; // not a lock: the operation raises when executed
}

bool finished(const State& s, ThreadId t) {
    return s.threads[t.value].status == ThreadStatus::Finished;
}

/// CPython's atexit hook shuts pools down: an idle worker does not keep the program alive.
bool idle_pool_worker(const State& s, const ThreadState& t) {
    if (t.status != ThreadStatus::Running || t.pending.kind != OpKind::PoolNext) return false;
    auto* e = obj<ExecutorObj>(s, t.pending.obj);
    return e && e->pending.empty();
}

} // namespace

bool pending_enabled(const Interpreter& in, const State& s, ThreadId tid) {
    (void)in;
    const ThreadState& th = s.threads[tid.value];
    if (th.status != ThreadStatus::Running) return false;
    const PendingOp& op = th.pending;
    switch (op.kind) {
    case OpKind::LockAcquire: return op.nonblocking || lock_available(s, op.obj, tid);
    case OpKind::CondWake: {
        if (!th.wait.notified && !th.wait.timed_out) return false;
        auto* c = obj<ConditionObj>(s, th.wait.obj);
        return c && lock_available(s, c->lock, tid);
    }
    case OpKind::SemAcquire: {
        auto* sem = obj<SemaphoreObj>(s, op.obj);
        return op.nonblocking || !sem || sem->value > 0;
    }
    case OpKind::EventWait: {
        auto* e = obj<EventObj>(s, op.obj);
        return op.nonblocking || !e || e->flag;
    }
    case OpKind::BarrierArrive: { // the lock an action holds (the releaser's own open passes)
        auto* b = obj<BarrierObj>(s, op.obj);
        return !b || !b->releaser.valid() || b->releaser == tid;
    }
    case OpKind::BarrierLeave: {
        auto* b = obj<BarrierObj>(s, th.wait.obj);
        return b->broken || b->generation != th.wait.generation;
    }
    case OpKind::QueuePut: {
        auto* q = obj<QueueObj>(s, op.obj);
        return op.nonblocking || q->maxsize <= 0 || static_cast<int64_t>(q->items.size()) < q->maxsize;
    }
    case OpKind::QueueGet: return op.nonblocking || !obj<QueueObj>(s, op.obj)->items.empty();
    case OpKind::QueueJoin: return op.nonblocking || obj<QueueObj>(s, op.obj)->unfinished == 0;
    case OpKind::ThreadJoin: {
        auto* t = obj<ThreadObj>(s, op.obj);
        if (op.nonblocking || !t->started || t->tid == tid) return true; // raises an error
        return finished(s, t->tid);
    }
    case OpKind::FutureResult: {
        auto* f = obj<FutureObj>(s, op.obj);
        return op.nonblocking || f->done();
    }
    case OpKind::PoolNext: {
        auto* e = obj<ExecutorObj>(s, op.obj);
        return !e->pending.empty() || e->shutdown;
    }
    case OpKind::PoolJoin: {
        auto* e = obj<ExecutorObj>(s, th.wait.obj);
        for (ThreadId w : e->workers)
            if (!finished(s, w)) return false;
        return true;
    }
    case OpKind::AsCompletedNext: {
        if (op.nonblocking) return true;
        auto* ac = obj<AsCompletedObj>(s, op.obj);
        bool all = true;
        for (size_t i = 0; i < ac->futures.size(); ++i) {
            if (ac->yielded[i]) continue;
            all = false;
            if (obj<FutureObj>(s, ac->futures[i])->done()) return true;
        }
        return all;
    }
    case OpKind::ProgramExit:
        for (ThreadId id : s.live_threads) {
            const ThreadState& t = s.thread(id);
            if (t.id == tid) continue;
            if (idle_pool_worker(s, t)) continue;
            const auto* to = obj<ThreadObj>(s, t.thread_obj);
            if (to && to->daemon) continue;
            return false;
        }
        return true;
    default: return true;
    }
}

} // namespace rc
