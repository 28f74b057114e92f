// threading.Semaphore and BoundedSemaphore on virtual threads, with CPython 3.12's semantics.
#include "model/threading/semaphore.hpp"

#include "model/runtime/machine.hpp"       // Machine
#include "model/library/signatures.hpp" // sync_method_sig

namespace rc {

namespace {

/// release(n): ValueError as CPython for n < 1 and for over-releasing a BoundedSemaphore.
void release(Machine& m, SemaphoreObj& s, int64_t n) {
    if (n < 1) m.raise(BuiltinId::ValueError, "n must be one or more");
    if (s.bounded && s.value + n > s.initial)
        m.raise(BuiltinId::ValueError, "Semaphore released too many times");
    s.value += n;
}

} // namespace

Value make_semaphore(Machine& m, const Args& a, bool bounded) {
    int64_t v = m.to_index(a.get(0, KnownName::value, Value::integer(1)), "Semaphore value");
    if (v < 0) m.raise(BuiltinId::ValueError, "semaphore initial value must be >= 0");
    return Value::object(m.alloc(Object{SemaphoreObj{v, v, bounded}}));
}

Value semaphore_method(Machine& m, Value self, NameId method, const Args& a) {
    auto& s = *m.get<SemaphoreObj>(self);
    switch (known_method(method)) {
    case KnownName::acquire: {
        Bound b = m.bind(a, *sync_method_sig(m, self, KnownName::acquire));
        if (b.has(0) && !m.truthy(b[0]) && b.has(1) && !b[1].is_none())
            m.raise(BuiltinId::ValueError, "can't specify timeout for non-blocking acquire");
        Value r;
        if (m.timeout) {
            spend_timeout(m, a.get(1, KnownName::timeout, Value::none()));
            r = Value::boolean(false);
        } else if (s.value > 0) {
            s.value--;
            r = Value::boolean(true);
        } else {
            RC_CHECK(m.th().pending.nonblocking, "blocking semaphore acquire executed at zero");
            r = Value::boolean(false);
        }
        if (m.event) m.event->value = r;
        return r;
    }
    case KnownName::release:
        release(m, s, m.to_index(a.get(0, KnownName::n, Value::integer(1)), "n"));
        return Value::none();
    default: no_such_method(m, self, method);
    }
}

void semaphore_enter(Machine&, SemaphoreObj& s) {
    RC_CHECK(s.value > 0, "with-semaphore entered at zero");
    s.value--;
}

void semaphore_exit(Machine& m, SemaphoreObj& s) { release(m, s, 1); }

} // namespace rc
