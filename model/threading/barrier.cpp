// threading.Barrier on virtual threads, with CPython 3.12's semantics (timeouts are refused).
#include "model/threading/barrier.hpp"

#include "model/runtime/machine.hpp" // Machine

namespace rc {

Value make_barrier(Machine& m, const Args& a) {
    int64_t parties = m.to_index(a.get(0, KnownName::parties, Value::unbound()), "parties");
    if (a.has(2, KnownName::timeout)) m.unsupported("Barrier(timeout=...)");
    // CPython 3.12 accepts any number of parties (3.13 raises ValueError for parties < 1).
    BarrierObj b;
    b.parties = static_cast<uint32_t>(parties);
    // CPython calls the action when it is truthy (`if self._action:`), whatever it is.
    if (Value action = a.get(1, KnownName::action, Value::none()); m.truthy(action)) {
        b.action = action;
        m.mark_shared(action);
    }
    return Value::object(m.alloc(Object{b}));
}

Value barrier_method(Machine& m, Value self, NameId method, const Args& a) {
    auto& b = *m.get<BarrierObj>(self);
    if (b.releaser.valid()) // only the thread running the action gets here (others wait)
        m.unsupported("Barrier." + m.name_of(method) + "() inside the barrier's own action",
                      "in CPython it waits forever for the barrier's lock, which the action holds");
    switch (known_method(method)) {
    case KnownName::wait: {
        if (a.has(0, KnownName::timeout))
            m.unsupported("Barrier.wait(timeout=...)");
        if (b.broken) m.raise(BuiltinId::BrokenBarrierError, "");
        uint32_t index = b.waiting++;
        if (m.event) m.event->item = b.generation;
        if (b.waiting == b.parties) {
            if (!b.action.is_unbound()) { // _release: the action, then the generation opens
                b.releaser = m.tid;
                Args pa;
                pa.pos = {self, b.action, Value::integer(index)};
                Value fn = Value::object(
                    m.alloc(Object{FunctionObj{m.prog.prelude.barrier_release, {}, {}, Value()}}));
                m.push_frame(fn, pa, m.line());
                return Value::unbound();
            }
            b.waiting = 0;
            b.generation++;
            return Value::integer(index);
        }
        Wait w;
        w.kind = Wait::Kind::Barrier;
        w.obj = self.obj();
        w.generation = b.generation;
        w.index = index;
        m.th().wait = w;
        return Value::unbound(); // completes in barrier_finish_wait
    }
    case KnownName::abort: b.broken = true; return Value::none();
    case KnownName::reset:
        if (b.waiting > 0)
            m.unsupported("Barrier.reset() while threads wait at the barrier");
        b.broken = false;
        return Value::none();
    default: no_such_method(m, self, method);
    }
}

Value barrier_open(Machine& m, const Args& a) {
    auto& b = *m.get<BarrierObj>(a.pos[0]);
    RC_CHECK(b.releaser == m.tid, "a barrier opened by a thread that did not run its action");
    b.releaser = ThreadId();
    if (m.event) m.event->item = b.generation;
    if (m.truthy(a.pos[1])) {
        b.waiting = 0;
        b.generation++;
    } else { // the action raised: _break(), and the exception goes on out of wait()
        b.broken = true;
    }
    return Value::none();
}

Value barrier_finish_wait(Machine& m) {
    const Wait w = m.th().wait;
    auto* b = m.get<BarrierObj>(Value::object(w.obj));
    if (m.event) m.event->item = w.generation;
    if (b->broken) {
        m.th().wait = Wait{};
        m.raise(BuiltinId::BrokenBarrierError, "");
    }
    return Value::integer(w.index);
}

} // namespace rc
