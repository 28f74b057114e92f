// threading.Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier and
// queue.Queue on virtual threads, with CPython 3.12's semantics and error messages.
//
// A method here runs only when its pending operation is enabled (see enabled.cpp), or with
// Machine::timeout set when the scheduler chose the timeout branch.
#include <algorithm> // find, max

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

double timeout_seconds(Machine& m, Value t) {
    if (t.is_unbound() || t.is_none()) return 0;
    return std::max(0.0, m.to_float(t, "timeout"));
}

/// Acquires a Lock or RLock for thread `tid` if possible now; returns whether it did.
bool try_lock(Machine& m, ObjectId lock, uint32_t count = 1) {
    Value lv = Value::object(lock);
    if (auto* l = m.get<LockObj>(lv)) {
        if (l->locked) return false;
        l->locked = true;
        l->owner = m.tid;
        l->acquired_line = m.line();
        return true;
    }
    auto* r = m.get<RLockObj>(lv);
    RC_CHECK(r != nullptr, "try_lock on a non-lock");
    if (r->count > 0 && r->owner != m.tid) return false;
    if (r->count == 0) r->acquired_line = m.line();
    r->owner = m.tid;
    r->count += count;
    return true;
}

void unlock(Machine& m, ObjectId lock) {
    Value lv = Value::object(lock);
    if (auto* l = m.get<LockObj>(lv)) {
        if (!l->locked) m.raise(BuiltinId::RuntimeError, "release unlocked lock");
        l->locked = false;
        return;
    }
    auto* r = m.get<RLockObj>(lv);
    if (r->count == 0 || r->owner != m.tid)
        m.raise(BuiltinId::RuntimeError, "cannot release un-acquired lock");
    r->count--;
}

/// CPython's Condition._is_owned: an RLock must be held by this thread; a Lock just locked.
bool owns(Machine& m, ObjectId lock) {
    Value lv = Value::object(lock);
    if (auto* l = m.get<LockObj>(lv)) return l->locked;
    auto* r = m.get<RLockObj>(lv);
    return r->count > 0 && r->owner == m.tid;
}

Value lock_acquire(Machine& m, ObjectId lock, const PendingOp& op, Value timeout) {
    if (m.timeout) {
        m.th().clock_ns += static_cast<int64_t>(timeout_seconds(m, timeout) * 1e9);
        return Value::boolean(false);
    }
    bool got = try_lock(m, lock);
    RC_CHECK(got || op.nonblocking, "blocking acquire executed while the lock is held");
    return Value::boolean(got);
}

Value queue_method(Machine& m, Value self, KnownName k, const Args& a) {
    auto q = [&]() -> QueueObj& { return *m.get<QueueObj>(self); };
    const PendingOp& op = m.th().pending;
    switch (k) {
    case KnownName::put:
    case KnownName::put_nowait: {
        m.check_arity(k == KnownName::put ? "put" : "put_nowait", a, 1, k == KnownName::put ? 3 : 1);
        Value item = a.pos[0];
        bool full = q().maxsize > 0 && static_cast<int64_t>(q().items.size()) >= q().maxsize;
        if (m.timeout) {
            m.th().clock_ns += static_cast<int64_t>(timeout_seconds(m, a.get(2, KnownName::timeout, Value::none())) * 1e9);
            m.raise(BuiltinId::QueueFull, "");
        }
        if (full) {
            RC_CHECK(op.nonblocking, "blocking put executed on a full queue");
            m.raise(BuiltinId::QueueFull, "");
        }
        m.mark_shared(item);
        uint64_t seq = q().next_seq++;
        q().items.push_back(item);
        q().item_seq.push_back(seq);
        q().unfinished++;
        if (m.event) {
            m.event->item = seq;
            m.event->value = item;
        }
        return Value::none();
    }
    case KnownName::get:
    case KnownName::get_nowait: {
        m.check_arity(k == KnownName::get ? "get" : "get_nowait", a, 0, k == KnownName::get ? 2 : 0);
        if (m.timeout) {
            m.th().clock_ns += static_cast<int64_t>(timeout_seconds(m, a.get(1, KnownName::timeout, Value::none())) * 1e9);
            m.raise(BuiltinId::QueueEmpty, "");
        }
        if (q().items.empty()) {
            RC_CHECK(op.nonblocking, "blocking get executed on an empty queue");
            m.raise(BuiltinId::QueueEmpty, "");
        }
        Value item = q().items.front();
        uint64_t seq = q().item_seq.front();
        q().items.erase(q().items.begin());
        q().item_seq.erase(q().item_seq.begin());
        if (m.event) {
            m.event->item = seq;
            m.event->value = item;
        }
        return item;
    }
    case KnownName::task_done:
        if (q().unfinished <= 0) m.raise(BuiltinId::ValueError, "task_done() called too many times");
        q().unfinished--;
        return Value::none();
    case KnownName::join: return Value::none(); // enabled only when unfinished == 0
    case KnownName::qsize: return Value::integer(static_cast<int64_t>(q().items.size()));
    case KnownName::empty: return Value::boolean(q().items.empty());
    case KnownName::full:
        return Value::boolean(q().maxsize > 0 && static_cast<int64_t>(q().items.size()) >= q().maxsize);
    default: break;
    }
    m.raise(BuiltinId::AttributeError, "'Queue' object has no attribute '" + std::string(known_name_spelling(k)) + "'");
}

} // namespace

Value Machine::call_sync_method(Value self, NameId method, const Args& a) {
    const std::string& mname = prog.name_of(method);
    auto k = method.value < kKnownNameCount ? static_cast<KnownName>(method.value) : KnownName::Count;
    const PendingOp op = th().pending;
    if (get<QueueObj>(self)) return queue_method(*this, self, k, a);
    if (get<LockObj>(self) || get<RLockObj>(self)) {
        switch (k) {
        case KnownName::acquire: {
            Value r = lock_acquire(*this, self.obj(), op, a.get(1, KnownName::timeout, Value::none()));
            if (event) event->value = r;
            return r;
        }
        case KnownName::release: unlock(*this, self.obj()); return Value::none();
        case KnownName::locked: {
            Value r = get<LockObj>(self) ? Value::boolean(get<LockObj>(self)->locked)
                                         : Value::boolean(get<RLockObj>(self)->count > 0);
            if (event) event->value = r;
            return r;
        }
        default: break;
        }
    } else if (auto* c = get<ConditionObj>(self)) {
        ObjectId lock = c->lock;
        switch (k) {
        case KnownName::acquire:
            return lock_acquire(*this, lock, op, a.get(1, KnownName::timeout, Value::none()));
        case KnownName::release: unlock(*this, lock); return Value::none();
        case KnownName::wait: {
            if (!owns(*this, lock)) raise(BuiltinId::RuntimeError, "cannot wait on un-acquired lock");
            Wait w;
            w.kind = Wait::Kind::Condition;
            w.obj = self.obj();
            w.timed = op.timed;
            if (auto* r = get<RLockObj>(Value::object(lock))) {
                w.rlock_count = r->count;
                r->count = 0;
            } else {
                get<LockObj>(Value::object(lock))->locked = false;
            }
            get<ConditionObj>(self)->waiters.push_back(tid);
            th().wait = w;
            if (event) event->lock = lock;
            return Value::unbound(); // completes in finish_wait
        }
        case KnownName::wait_for: {
            check_arity("wait_for", a, 1, 2);
            Args pa;
            pa.pos = {self, a.pos[0], a.get(1, KnownName::timeout, Value::none())};
            Value fn = Value::object(alloc(Object{FunctionObj{prog.prelude.wait_for, {}}}));
            push_frame(fn, pa, line());
            return Value::unbound();
        }
        case KnownName::notify:
        case KnownName::notify_all: {
            if (!owns(*this, lock)) raise(BuiltinId::RuntimeError, "cannot notify on un-acquired lock");
            auto& waiters = get<ConditionObj>(self)->waiters;
            size_t n = waiters.size();
            if (k == KnownName::notify) n = std::min<size_t>(n, static_cast<size_t>(std::max<int64_t>(0, to_index(a.get(0, KnownName::n, Value::integer(1)), "n"))));
            for (size_t i = 0; i < n; ++i) st.threads[waiters[i].value].wait.notified = true;
            waiters.erase(waiters.begin(), waiters.begin() + static_cast<long>(n));
            if (event) event->value = Value::integer(static_cast<int64_t>(n));
            return Value::none();
        }
        default: break;
        }
    } else if (auto* s = get<SemaphoreObj>(self)) {
        if (k == KnownName::acquire) {
            Value r;
            if (timeout) {
                th().clock_ns += static_cast<int64_t>(timeout_seconds(*this, a.get(1, KnownName::timeout, Value::none())) * 1e9);
                r = Value::boolean(false);
            } else if (s->value > 0) {
                s->value--;
                r = Value::boolean(true);
            } else {
                RC_CHECK(op.nonblocking, "blocking semaphore acquire executed at zero");
                r = Value::boolean(false);
            }
            if (event) event->value = r;
            return r;
        }
        if (k == KnownName::release) {
            int64_t n = to_index(a.get(0, KnownName::n, Value::integer(1)), "n");
            if (n < 1) raise(BuiltinId::ValueError, "n must be one or more");
            if (s->bounded && s->value + n > s->initial)
                raise(BuiltinId::ValueError, "Semaphore released too many times");
            s->value += n;
            return Value::none();
        }
    } else if (auto* e = get<EventObj>(self)) {
        switch (k) {
        case KnownName::set: e->flag = true; return Value::none();
        case KnownName::clear: e->flag = false; return Value::none();
        case KnownName::is_set:
            if (event) event->value = Value::boolean(e->flag);
            return Value::boolean(e->flag);
        case KnownName::wait:
            if (timeout) {
                th().clock_ns += static_cast<int64_t>(timeout_seconds(*this, a.get(0, KnownName::timeout, Value::none())) * 1e9);
                if (event) event->value = Value::boolean(false);
                return Value::boolean(false);
            }
            RC_CHECK(e->flag, "Event.wait executed while unset");
            if (event) event->value = Value::boolean(true);
            return Value::boolean(true);
        default: break;
        }
    } else if (auto* b = get<BarrierObj>(self)) {
        if (k == KnownName::wait) {
            if (a.has(0, KnownName::timeout))
                raise(BuiltinId::TypeError, "Barrier.wait(timeout) is outside racecheck's subset");
            if (b->broken) raise(BuiltinId::BrokenBarrierError, "");
            uint32_t index = b->waiting++;
            if (event) event->item = b->generation;
            if (b->waiting == b->parties) {
                b->waiting = 0;
                b->generation++;
                return Value::integer(index);
            }
            Wait w;
            w.kind = Wait::Kind::Barrier;
            w.obj = self.obj();
            w.generation = b->generation;
            w.index = index;
            th().wait = w;
            return Value::unbound();
        }
        if (k == KnownName::abort) {
            b->broken = true;
            return Value::none();
        }
        if (k == KnownName::reset) {
            if (b->waiting > 0)
                raise(BuiltinId::RuntimeError, "Barrier.reset() with waiting threads is outside racecheck's subset");
            b->broken = false;
            return Value::none();
        }
    } else {
        return call_pool_method(self, method, a);
    }
    raise(BuiltinId::AttributeError, "'" + type_name(self) + "' object has no attribute '" + mname + "'");
}

void Machine::finish_wait() {
    Wait w = th().wait;
    Value result = Value::none();
    switch (w.kind) {
    case Wait::Kind::Condition: {
        if (timeout) { // the timeout fires: stop waiting, then re-acquire as a separate step
            auto& waiters = get<ConditionObj>(Value::object(w.obj))->waiters;
            waiters.erase(std::find(waiters.begin(), waiters.end(), tid));
            th().wait.timed_out = true;
            th().wait.timed = false;
            th().clock_ns += 1'000'000;
            return;
        }
        ObjectId lock = get<ConditionObj>(Value::object(w.obj))->lock;
        bool got = try_lock(*this, lock, std::max<uint32_t>(1, w.rlock_count));
        RC_CHECK(got, "condition wake while its lock is held");
        if (event) event->lock = lock;
        result = Value::boolean(!w.timed_out);
        break;
    }
    case Wait::Kind::Barrier: {
        auto* b = get<BarrierObj>(Value::object(w.obj));
        if (event) event->item = w.generation;
        if (b->broken) {
            th().wait = Wait{};
            raise(BuiltinId::BrokenBarrierError, "");
        }
        result = Value::integer(w.index);
        break;
    }
    case Wait::Kind::PoolJoin: {
        for (ThreadId wt : get<ExecutorObj>(Value::object(w.obj))->workers)
            th().clock_ns = std::max(th().clock_ns, st.threads[wt.value].clock_ns);
        break;
    }
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
        RC_CHECK(s->value > 0, "with-semaphore entered at zero");
        s->value--;
        push(Value::boolean(true));
        return;
    }
    if (get<ExecutorObj>(ctx)) {
        push(ctx);
        return;
    }
    raise(BuiltinId::TypeError,
          "'" + type_name(ctx) + "' object does not support the context manager protocol");
}

void Machine::with_exit(Value ctx) {
    if (auto* c = get<ConditionObj>(ctx)) return unlock(*this, c->lock);
    if (get<LockObj>(ctx) || get<RLockObj>(ctx)) return unlock(*this, ctx.obj());
    if (auto* s = get<SemaphoreObj>(ctx)) {
        if (s->bounded && s->value + 1 > s->initial)
            raise(BuiltinId::ValueError, "Semaphore released too many times");
        s->value++;
        return;
    }
    if (get<ExecutorObj>(ctx)) {
        pool_shutdown(ctx, true);
        return;
    }
    raise(BuiltinId::TypeError,
          "'" + type_name(ctx) + "' object does not support the context manager protocol");
}

} // namespace rc
