// threading.Lock and RLock on virtual threads, with CPython 3.12's semantics and messages.
#include "model/threading/lock.hpp"

#include "model/runtime/machine.hpp" // Machine

namespace rc {

Value make_lock(Machine& m, const Args&) {
    return Value::object(m.alloc(Object{LockObj{}}));
}

Value make_rlock(Machine& m, const Args&) { // threading.RLock(*args, **kwargs) ignores its arguments
    return Value::object(m.alloc(Object{RLockObj{}}));
}

bool try_lock(Machine& m, ObjectId lock, uint32_t count) {
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

bool owns_lock(Machine& m, ObjectId lock) {
    Value lv = Value::object(lock);
    if (auto* l = m.get<LockObj>(lv)) return l->locked;
    auto* r = m.get<RLockObj>(lv);
    return r->count > 0 && r->owner == m.tid;
}

Value lock_acquire(Machine& m, ObjectId lock, const PendingOp& op, Value timeout) {
    if (m.timeout) {
        spend_timeout(m, timeout);
        return Value::boolean(false);
    }
    bool got = try_lock(m, lock);
    RC_CHECK(got || op.nonblocking, "blocking acquire executed while the lock is held");
    return Value::boolean(got);
}

std::string lock_acquire_args_error(Machine& m, Value blocking, Value timeout) {
    if (timeout.is_unbound() || timeout.is_none()) return {};
    if (!timeout.is_int_like() && timeout.tag != VTag::Float) return {};
    const double t = m.to_float(timeout, "timeout");
    if (!blocking.is_unbound() && !m.truthy(blocking) && t != -1)
        return "can't specify a timeout for a non-blocking call";
    if (t < 0 && t != -1) return "timeout value must be positive";
    return {};
}

Value lock_method(Machine& m, Value self, NameId method, const Args& a) {
    switch (known_method(method)) {
    case KnownName::acquire: {
        if (std::string e = lock_acquire_args_error(m, a.get(0, KnownName::blocking, Value::unbound()),
                                                    a.get(1, KnownName::timeout, Value::unbound()));
            !e.empty())
            m.raise(BuiltinId::ValueError, e);
        const PendingOp op = m.th().pending;
        Value r = lock_acquire(m, self.obj(), op, a.get(1, KnownName::timeout, Value::none()));
        if (m.event) m.event->value = r;
        return r;
    }
    case KnownName::release: unlock(m, self.obj()); return Value::none();
    case KnownName::locked: {
        Value r = m.get<LockObj>(self) ? Value::boolean(m.get<LockObj>(self)->locked)
                                       : Value::boolean(m.get<RLockObj>(self)->count > 0);
        if (m.event) m.event->value = r;
        return r;
    }
    default: no_such_method(m, self, method);
    }
}

} // namespace rc
