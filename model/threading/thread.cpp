// threading.Thread and threading.local on virtual threads, with CPython 3.12's semantics.
#include "model/threading/thread.hpp"

#include <algorithm> // max

#include "model/runtime/machine.hpp" // Machine, run_on

namespace rc {

ThreadId start_thread(Machine& m, ObjectId thread_obj, FuncId body, std::vector<Value> args) {
    ThreadId child(static_cast<uint32_t>(m.st.threads.size()));
    ThreadState ts;
    ts.id = child;
    ts.thread_obj = thread_obj;
    ts.status = ThreadStatus::Running;
    ts.clock_ns = m.th().clock_ns;
    m.st.threads.push_back(std::move(ts));
    auto& tobj = m.ref<ThreadObj>(thread_obj);
    tobj.started = true;
    tobj.tid = child;
    Machine cm(m.interp, m.st, child);
    Args a;
    a.pos = std::move(args);
    for (Value v : a.pos) m.mark_shared(v);
    Value fn = Value::object(m.alloc(Object{FunctionObj{body, {}}}));
    cm.push_frame(fn, a, m.line());
    run_on(cm);
    return child;
}

Value make_thread(Machine& m, const Args& a) {
    ThreadObj t;
    t.target = a.get(1, KnownName::target, Value::none());
    Value name = a.get(2, KnownName::name, Value::none());
    t.args = a.get(3, KnownName::args, Value::unbound());
    t.kwargs = a.get(4, KnownName::kwargs, Value::none());
    if (t.args.is_unbound()) t.args = m.new_tuple({});
    else if (!m.get<TupleObj>(t.args)) t.args = m.new_tuple(m.collect(t.args));
    Value daemon = a.get(99, KnownName::daemon, Value::none());
    t.daemon = daemon.is_none() ? m.ref<ThreadObj>(m.th().thread_obj).daemon : m.truthy(daemon);
    if (!name.is_none()) {
        t.name = m.str(name);
    } else {
        t.name = "Thread-" + std::to_string(++m.st.thread_name_counter);
        if (auto* f = m.get<FunctionObj>(t.target)) t.name += " (" + m.prog.code[f->code.value].name + ")";
    }
    return Value::object(m.alloc(Object{std::move(t)}));
}

Value make_local(Machine& m, const Args&) { return Value::object(m.alloc(Object{LocalObj{}})); }

Value thread_method(Machine& m, Value self, NameId method, const Args& a) {
    auto* t = m.get<ThreadObj>(self);
    switch (known_method(method)) {
    case KnownName::start: {
        if (t->started) m.raise(BuiltinId::RuntimeError, "threads can only be started once");
        m.check_arity("start", a, 0, 0);
        Value target = t->target, args = t->args, kwargs = t->kwargs;
        ThreadId child = start_thread(m, self.obj(), m.prog.prelude.thread_main, {target, args, kwargs});
        if (m.event) m.event->other = child;
        return Value::none();
    }
    case KnownName::join: {
        if (!t->started) m.raise(BuiltinId::RuntimeError, "cannot join thread before it is started");
        ThreadId other = t->tid;
        if (other == m.tid) m.raise(BuiltinId::RuntimeError, "cannot join current thread");
        if (m.event) m.event->other = other;
        if (m.timeout) {
            Value tv = a.get(0, KnownName::timeout, Value::none());
            m.th().clock_ns += static_cast<int64_t>(std::max(0.0, m.to_float(tv, "timeout")) * 1e9);
            return Value::none();
        }
        m.th().clock_ns = std::max(m.th().clock_ns, m.st.threads[other.value].clock_ns);
        return Value::none();
    }
    case KnownName::is_alive: {
        bool alive = t->started && m.st.threads[t->tid.value].status != ThreadStatus::Finished;
        if (m.event) {
            m.event->other = t->tid;
            m.event->value = Value::boolean(alive);
        }
        return Value::boolean(alive);
    }
    case KnownName::run: {
        Value target = t->target;
        if (target.is_none()) return Value::none();
        Args ra;
        if (auto* tup = m.get<TupleObj>(t->args)) ra.pos = tup->items;
        if (m.get<DictObj>(t->kwargs) && !m.get<DictObj>(t->kwargs)->items.empty())
            m.unsupported("Thread.run() called directly with kwargs");
        if (!m.get<FunctionObj>(target))
            m.unsupported("Thread.run() called directly with a target that is not a def function");
        m.push_frame(target, ra, m.line());
        return Value::unbound();
    }
    default: no_such_method(m, self, method);
    }
}

} // namespace rc
