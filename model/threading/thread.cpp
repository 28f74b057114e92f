// threading.Thread and threading.local on virtual threads, with CPython 3.12's semantics.
#include "model/threading/thread.hpp"

#include <algorithm> // max

#include "model/objects/classes.hpp" // MethodObj
#include "model/runtime/machine.hpp" // Machine, run_on
#include "model/threading/event.hpp"      // make_event, event_method (Timer.finished)
#include "model/library/signatures.hpp" // sync_constructor_sig

namespace rc {

ThreadId start_thread(Machine& m, ObjectId thread_obj, FuncId body, std::vector<Value> args) {
    if (m.st.threads.size() >= m.interp.limits().max_threads)
        m.exceed(LimitHit::Kind::Threads, m.interp.limits().max_threads);
    m.charge(sizeof(ThreadState));
    ThreadId child(static_cast<uint32_t>(m.st.threads.size()));
    ThreadState ts;
    ts.id = child;
    ts.thread_obj = thread_obj;
    ts.status = ThreadStatus::Running;
    ts.clock_ns = m.th().clock_ns;
    m.st.threads.push_back(std::move(ts));
    m.st.live_threads.push_back(child); // ids only grow: the list stays in order
    auto& tobj = m.ref<ThreadObj>(thread_obj);
    tobj.started = true;
    tobj.tid = child;
    Machine cm(m.interp, m.st, child);
    cm.step_event = m.step_event;
    cm.stop = m.stop;
    Args a;
    a.pos = std::move(args);
    for (Value v : a.pos) m.mark_shared(v);
    Value fn = Value::object(m.alloc(Object{FunctionObj{body, {}, {}, Value()}}));
    cm.push_frame(fn, a, m.line());
    run_on(cm);
    return child;
}

namespace {

/// target.__name__, as Thread names its threads ("Thread-1 (worker)"); empty when unknown.
std::string callable_name(Machine& m, Value target) {
    if (auto* f = m.get<FunctionObj>(target)) {
        if (!f->wrapped.is_unbound()) return callable_name(m, f->wrapped); // functools.wraps
        return m.prog.code[f->code.value].name;
    }
    if (auto* bound = m.get<MethodObj>(target)) return callable_name(m, bound->func); // obj.work
    if (target.tag == VTag::Builtin) return std::string(builtin_name(target.builtin_id()));
    if (target.tag == VTag::BoundMethod) return m.name_of(target.method());
    if (auto* md = m.get<MethodDescriptorObj>(target)) return m.name_of(md->method);
    return {};
}

} // namespace

Value make_thread(Machine& m, const Args& a) {
    Bound b = m.bind(a, *sync_constructor_sig(BuiltinId::Thread));
    if (b.has(0) && !b[0].is_none()) m.unsupported("Thread(group=...)");
    ThreadObj t;
    t.target = b.has(1) ? b[1] : Value::none();
    Value name = b.has(2) ? b[2] : Value::none();
    t.args = b.has(3) ? b[3] : m.new_tuple({});
    t.kwargs = b.has(4) ? b[4] : Value::none();
    if (!m.get<TupleObj>(t.args)) t.args = m.new_tuple(m.collect(t.args));
    Value daemon = b.has(5) ? b[5] : Value::none();
    t.daemon = daemon.is_none() ? m.ref<ThreadObj>(m.th().thread_obj).daemon : m.truthy(daemon);
    if (!name.is_none()) {
        t.name = m.str(name);
    } else {
        t.name = "Thread-" + std::to_string(++m.st.thread_name_counter);
        if (std::string target = callable_name(m, t.target); !target.empty()) t.name += " (" + target + ")";
    }
    return Value::object(m.alloc(Object{std::move(t)}));
}

Value make_timer(Machine& m, const Args& a) {
    Bound b = m.bind(a, *sync_constructor_sig(BuiltinId::Timer));
    ThreadObj t;
    t.interval = b[0];
    m.to_float(t.interval, "interval");
    t.target = b[1];
    t.args = b.has(2) && !b[2].is_none() ? b[2] : m.new_list({});
    t.kwargs = b.has(3) && !b[3].is_none() ? b[3] : m.new_dict();
    t.daemon = m.ref<ThreadObj>(m.th().thread_obj).daemon;
    t.name = "Thread-" + std::to_string(++m.st.thread_name_counter);
    Args none;
    t.timer = make_event(m, none).obj();
    return Value::object(m.alloc(Object{std::move(t)}));
}

Value make_local(Machine& m, const Args& a) {
    if (!a.pos.empty() || !a.kw.empty()) m.raise(BuiltinId::TypeError, "Initialization arguments are not supported");
    return Value::object(m.alloc(Object{LocalObj{}}));
}

Value thread_method(Machine& m, Value self, NameId method, const Args& a) {
    auto* t = m.get<ThreadObj>(self);
    switch (known_method(method)) {
    case KnownName::start: {
        if (t->started) m.raise(BuiltinId::RuntimeError, "threads can only be started once");
        m.check_arity("start", a, 0, 0);
        Value target = t->target, args = t->args, kwargs = t->kwargs;
        ThreadId child = t->timer.valid()
                             ? start_thread(m, self.obj(), m.prog.prelude.timer_main,
                                            {Value::object(t->timer), t->interval, target, args, kwargs})
                             : start_thread(m, self.obj(), m.prog.prelude.thread_main, {target, args, kwargs});
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
    case KnownName::cancel: {
        if (!t->timer.valid()) no_such_method(m, self, method);
        m.check_arity("cancel", a, 0, 0);
        Args none;
        return event_method(m, Value::object(t->timer), NameId(static_cast<uint32_t>(KnownName::set)), none);
    }
    case KnownName::run: {
        if (t->timer.valid()) m.unsupported("Timer.run() called directly");
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
