// threading.Condition on virtual threads, with CPython 3.12's semantics and messages.
#include "model/threading/condition.hpp"

#include <algorithm> // find, min, max

#include "model/runtime/machine.hpp" // Machine
#include "model/threading/lock.hpp"  // try_lock, unlock, owns_lock, lock_acquire

namespace rc {

Value make_condition(Machine& m, const Args& a) {
    Value lock = a.get(0, KnownName::lock, Value::none());
    ConditionObj c;
    if (lock.is_none()) c.lock = m.alloc(Object{RLockObj{}});
    else if (m.get<LockObj>(lock) || m.get<RLockObj>(lock)) c.lock = lock.obj();
    else m.unsupported("Condition(lock) with a lock that is not a threading.Lock or RLock");
    return Value::object(m.alloc(Object{std::move(c)}));
}

Value condition_method(Machine& m, Value self, NameId method, const Args& a) {
    const PendingOp op = m.th().pending;
    ObjectId lock = m.get<ConditionObj>(self)->lock;
    KnownName k = known_method(method);
    switch (k) {
    case KnownName::acquire: return lock_acquire(m, lock, op, a.get(1, KnownName::timeout, Value::none()));
    case KnownName::release: unlock(m, lock); return Value::none();
    case KnownName::wait: {
        if (!owns_lock(m, lock)) m.raise(BuiltinId::RuntimeError, "cannot wait on un-acquired lock");
        Wait w;
        w.kind = Wait::Kind::Condition;
        w.obj = self.obj();
        w.timed = op.timed;
        if (auto* r = m.get<RLockObj>(Value::object(lock))) {
            w.rlock_count = r->count;
            r->count = 0;
        } else {
            m.get<LockObj>(Value::object(lock))->locked = false;
        }
        m.get<ConditionObj>(self)->waiters.push_back(m.tid);
        m.th().wait = w;
        if (m.event) m.event->lock = lock;
        return Value::unbound(); // completes in condition_finish_wait
    }
    case KnownName::wait_for: {
        m.check_arity("wait_for", a, 1, 2);
        Args pa;
        pa.pos = {self, a.pos[0], a.get(1, KnownName::timeout, Value::none())};
        Value fn = Value::object(m.alloc(Object{FunctionObj{m.prog.prelude.wait_for, {}, {}, Value()}}));
        m.push_frame(fn, pa, m.line());
        return Value::unbound();
    }
    case KnownName::notify:
    case KnownName::notify_all: {
        if (!owns_lock(m, lock)) m.raise(BuiltinId::RuntimeError, "cannot notify on un-acquired lock");
        auto& waiters = m.get<ConditionObj>(self)->waiters;
        size_t n = waiters.size();
        if (k == KnownName::notify)
            n = std::min<size_t>(n, static_cast<size_t>(std::max<int64_t>(
                                        0, m.to_index(a.get(0, KnownName::n, Value::integer(1)), "n"))));
        for (size_t i = 0; i < n; ++i) m.st.threads[waiters[i].value].wait.notified = true;
        waiters.erase(waiters.begin(), waiters.begin() + static_cast<long>(n));
        if (m.event) m.event->value = Value::integer(static_cast<int64_t>(n));
        return Value::none();
    }
    default: no_such_method(m, self, method);
    }
}

bool condition_finish_wait(Machine& m, Value* result) {
    const Wait w = m.th().wait;
    auto* c = m.get<ConditionObj>(Value::object(w.obj));
    if (m.timeout) { // the timeout fires: stop waiting, then re-acquire as a separate step
        c->waiters.erase(std::find(c->waiters.begin(), c->waiters.end(), m.tid));
        m.th().wait.timed_out = true;
        m.th().wait.timed = false;
        m.th().clock_ns += 1'000'000;
        return false;
    }
    bool got = try_lock(m, c->lock, std::max<uint32_t>(1, w.rlock_count));
    RC_CHECK(got, "condition wake while its lock is held");
    if (m.event) m.event->lock = c->lock;
    *result = Value::boolean(!w.timed_out);
    return true;
}

} // namespace rc
