// threading.Thread, concurrent.futures.ThreadPoolExecutor, Future and as_completed, and the
// construction of every threading and queue object.
//
// Pool workers are virtual threads running the prelude's _rc_pool_worker loop, created on
// submit() as CPython does (a new worker while none is idle and fewer than max_workers exist).
#include <algorithm> // max

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

/// CPython's default max_workers is min(32, os.cpu_count() + 4); racecheck fixes cpu_count = 1
/// so that the model does not depend on the machine.
constexpr uint32_t kDefaultMaxWorkers = 5;

Value positional_or(const Args& a, size_t i, KnownName k, Value dflt) { return a.get(i, k, dflt); }

/// Workers of `pool` that are idle: blocked taking work from an empty queue.
uint32_t idle_workers(Machine& m, const ExecutorObj& pool) {
    uint32_t n = 0;
    for (ThreadId w : pool.workers) {
        const ThreadState& t = m.st.threads[w.value];
        if (t.status == ThreadStatus::Running && t.pending.kind == OpKind::PoolNext) ++n;
    }
    return n;
}

} // namespace

ThreadId Machine::start_thread(ObjectId thread_obj, FuncId body, std::vector<Value> args) {
    ThreadId child(static_cast<uint32_t>(st.threads.size()));
    ThreadState ts;
    ts.id = child;
    ts.thread_obj = thread_obj;
    ts.status = ThreadStatus::Running;
    ts.clock_ns = th().clock_ns;
    st.threads.push_back(std::move(ts));
    auto& tobj = ref<ThreadObj>(thread_obj);
    tobj.started = true;
    tobj.tid = child;
    Machine cm(interp, st, child);
    cm.step_event = step_event;
    Args a;
    a.pos = std::move(args);
    for (Value v : a.pos) mark_shared(v);
    Value fn = Value::object(alloc(Object{FunctionObj{body, {}}}));
    cm.push_frame(fn, a, line());
    run_on(cm);
    return child;
}

Value Machine::construct_sync(BuiltinId id, const Args& a) {
    switch (id) {
    case BuiltinId::Thread: {
        ThreadObj t;
        t.target = positional_or(a, 1, KnownName::target, Value::none());
        Value name = positional_or(a, 2, KnownName::name, Value::none());
        t.args = positional_or(a, 3, KnownName::args, Value::unbound());
        t.kwargs = positional_or(a, 4, KnownName::kwargs, Value::none());
        if (t.args.is_unbound()) t.args = new_tuple({});
        else if (!get<TupleObj>(t.args)) t.args = new_tuple(collect(t.args));
        Value daemon = a.get(99, KnownName::daemon, Value::none());
        t.daemon = daemon.is_none() ? ref<ThreadObj>(th().thread_obj).daemon : truthy(daemon);
        if (!name.is_none()) {
            t.name = str(name);
        } else {
            t.name = "Thread-" + std::to_string(++st.thread_name_counter);
            if (auto* f = get<FunctionObj>(t.target)) t.name += " (" + prog.code[f->code.value].name + ")";
        }
        return Value::object(alloc(Object{std::move(t)}));
    }
    case BuiltinId::Lock: check_arity("Lock", a, 0, 0); return Value::object(alloc(Object{LockObj{}}));
    case BuiltinId::RLock: check_arity("RLock", a, 0, 0); return Value::object(alloc(Object{RLockObj{}}));
    case BuiltinId::Condition: {
        Value lock = a.get(0, KnownName::lock, Value::none());
        ConditionObj c;
        if (lock.is_none()) c.lock = alloc(Object{RLockObj{}});
        else if (get<LockObj>(lock) || get<RLockObj>(lock)) c.lock = lock.obj();
        else raise(BuiltinId::TypeError, "Condition() lock must be a Lock or RLock in racecheck");
        return Value::object(alloc(Object{std::move(c)}));
    }
    case BuiltinId::Semaphore:
    case BuiltinId::BoundedSemaphore: {
        int64_t v = to_index(a.get(0, KnownName::value, Value::integer(1)), "Semaphore value");
        if (v < 0) raise(BuiltinId::ValueError, "semaphore initial value must be >= 0");
        return Value::object(alloc(Object{SemaphoreObj{v, v, id == BuiltinId::BoundedSemaphore}}));
    }
    case BuiltinId::Event: return Value::object(alloc(Object{EventObj{}}));
    case BuiltinId::Barrier: {
        int64_t parties = to_index(a.get(0, KnownName::parties, Value::unbound()), "parties");
        if (a.has(1, KnownName::action) || a.has(2, KnownName::timeout))
            raise(BuiltinId::TypeError, "Barrier action and timeout are outside racecheck's subset");
        if (parties <= 0) raise(BuiltinId::ValueError, "parties must be > 0");
        BarrierObj b;
        b.parties = static_cast<uint32_t>(parties);
        return Value::object(alloc(Object{b}));
    }
    case BuiltinId::Local: return Value::object(alloc(Object{LocalObj{}}));
    case BuiltinId::Queue: {
        QueueObj q;
        q.maxsize = to_index(a.get(0, KnownName::maxsize, Value::integer(0)), "maxsize");
        return Value::object(alloc(Object{std::move(q)}));
    }
    case BuiltinId::ThreadPoolExecutor: {
        Value mw = a.get(0, KnownName::max_workers, Value::none());
        ExecutorObj e;
        e.max_workers = kDefaultMaxWorkers;
        if (!mw.is_none()) {
            int64_t n = to_index(mw, "max_workers");
            if (n <= 0) raise(BuiltinId::ValueError, "max_workers must be greater than 0");
            e.max_workers = static_cast<uint32_t>(n);
        }
        Value prefix = a.get(1, KnownName::thread_name_prefix, Value::none());
        e.name_prefix = prefix.is_none() || str(prefix).empty()
                            ? "ThreadPoolExecutor-" + std::to_string(st.executor_counter++)
                            : str(prefix);
        return Value::object(alloc(Object{std::move(e)}));
    }
    case BuiltinId::AsCompleted: {
        AsCompletedObj ac;
        for (Value f : collect(a.get(0, KnownName::fs, Value::unbound()))) {
            if (!get<FutureObj>(f)) raise(BuiltinId::TypeError, "as_completed() expects futures");
            if (std::find(ac.futures.begin(), ac.futures.end(), f.obj()) == ac.futures.end())
                ac.futures.push_back(f.obj());
        }
        ac.yielded.assign(ac.futures.size(), false);
        return Value::object(alloc(Object{std::move(ac)}));
    }
    case BuiltinId::RcPoolNext: {
        Value pool = a.pos[0];
        auto& e = *get<ExecutorObj>(pool);
        if (e.pending.empty()) {
            RC_CHECK(e.shutdown, "pool worker took work from an empty queue");
            if (event) event->value = Value::none();
            return Value::none();
        }
        ObjectId f = e.pending.front();
        e.pending.erase(e.pending.begin());
        ref<FutureObj>(f).status = FutureObj::Status::Running;
        if (event) event->value = Value::object(f);
        return Value::object(f);
    }
    case BuiltinId::RcPoolSubmit: {
        Args sa;
        sa.pos = {a.pos[1]};
        if (auto* t = get<TupleObj>(a.pos[2])) sa.pos.insert(sa.pos.end(), t->items.begin(), t->items.end());
        return call_pool_method(a.pos[0], NameId(static_cast<uint32_t>(KnownName::submit)), sa);
    }
    case BuiltinId::RcFutureFn: return ref<FutureObj>(a.pos[0].obj()).fn;
    case BuiltinId::RcFutureArgs: return ref<FutureObj>(a.pos[0].obj()).args;
    case BuiltinId::RcFutureKwargs: return ref<FutureObj>(a.pos[0].obj()).kwargs;
    case BuiltinId::RcFutureFinish:
    case BuiltinId::RcFutureFail: {
        auto& f = ref<FutureObj>(a.pos[0].obj());
        f.status = FutureObj::Status::Finished;
        f.finish_seq = st.steps;
        if (id == BuiltinId::RcFutureFinish) f.result = a.pos[1];
        else f.exception = a.pos[1];
        mark_shared(a.pos[1]);
        return Value::none();
    }
    default: break;
    }
    RC_CHECK(false, "construct_sync: not a threading constructor");
    return Value::none();
}

void Machine::pool_shutdown(Value executor, bool wait) {
    get<ExecutorObj>(executor)->shutdown = true;
    if (!wait) return;
    Wait w;
    w.kind = Wait::Kind::PoolJoin;
    w.obj = executor.obj();
    th().wait = w;
}

Value Machine::call_pool_method(Value self, NameId method, const Args& a) {
    auto k = method.value < kKnownNameCount ? static_cast<KnownName>(method.value) : KnownName::Count;
    if (auto* t = get<ThreadObj>(self)) {
        switch (k) {
        case KnownName::start: {
            if (t->started) raise(BuiltinId::RuntimeError, "threads can only be started once");
            check_arity("start", a, 0, 0);
            Value target = t->target, args = t->args, kwargs = t->kwargs;
            ThreadId child = start_thread(self.obj(), prog.prelude.thread_main, {target, args, kwargs});
            if (event) event->other = child;
            return Value::none();
        }
        case KnownName::join: {
            if (!t->started) raise(BuiltinId::RuntimeError, "cannot join thread before it is started");
            ThreadId other = t->tid;
            if (other == tid) raise(BuiltinId::RuntimeError, "cannot join current thread");
            if (event) event->other = other;
            if (timeout) {
                Value tv = a.get(0, KnownName::timeout, Value::none());
                th().clock_ns += static_cast<int64_t>(std::max(0.0, to_float(tv, "timeout")) * 1e9);
                return Value::none();
            }
            th().clock_ns = std::max(th().clock_ns, st.threads[other.value].clock_ns);
            return Value::none();
        }
        case KnownName::is_alive: {
            bool alive = t->started && st.threads[t->tid.value].status != ThreadStatus::Finished;
            if (event) {
                event->other = t->tid;
                event->value = Value::boolean(alive);
            }
            return Value::boolean(alive);
        }
        case KnownName::run: {
            Value target = t->target;
            if (target.is_none()) return Value::none();
            Args ra;
            if (auto* tup = get<TupleObj>(t->args)) ra.pos = tup->items;
            if (get<DictObj>(t->kwargs) && !get<DictObj>(t->kwargs)->items.empty())
                raise(BuiltinId::TypeError, "Thread.run() with kwargs is outside racecheck's subset");
            if (!get<FunctionObj>(target)) raise(BuiltinId::TypeError, "Thread.run() target must be a function in racecheck");
            push_frame(target, ra, line());
            return Value::unbound();
        }
        default: break;
        }
    } else if (auto* f = get<FutureObj>(self)) {
        switch (k) {
        case KnownName::result:
        case KnownName::exception: {
            if (timeout) {
                Value tv = a.get(0, KnownName::timeout, Value::none());
                th().clock_ns += static_cast<int64_t>(std::max(0.0, to_float(tv, "timeout")) * 1e9);
                raise(BuiltinId::TimeoutError, "");
            }
            RC_CHECK(f->status == FutureObj::Status::Finished, "result() of an unfinished future");
            if (k == KnownName::exception) return f->exception.is_unbound() ? Value::none() : f->exception;
            if (!f->exception.is_unbound() && !f->exception.is_none()) raise_value(f->exception);
            return f->result;
        }
        case KnownName::done: return Value::boolean(f->status == FutureObj::Status::Finished);
        case KnownName::running: return Value::boolean(f->status == FutureObj::Status::Running);
        case KnownName::cancel:
            raise(BuiltinId::TypeError, "Future.cancel() is outside racecheck's subset");
        default: break;
        }
    } else if (auto* e = get<ExecutorObj>(self)) {
        switch (k) {
        case KnownName::submit: {
            if (a.pos.empty()) raise(BuiltinId::TypeError, "submit expected at least 1 argument, got 0");
            if (e->shutdown) raise(BuiltinId::RuntimeError, "cannot schedule new futures after shutdown");
            FutureObj fo;
            fo.fn = a.pos[0];
            fo.args = new_tuple(std::vector<Value>(a.pos.begin() + 1, a.pos.end()));
            Value kw = new_dict();
            for (auto& [n, v] : a.kw) store_subscript(kw, new_str(prog.name_of(n)), v);
            fo.kwargs = kw;
            Value fut = Value::object(alloc(Object{std::move(fo)}));
            mark_shared(fut);
            get<ExecutorObj>(self)->pending.push_back(fut.obj());
            auto& ex = *get<ExecutorObj>(self);
            if (idle_workers(*this, ex) == 0 && ex.workers.size() < ex.max_workers) {
                ThreadObj wt;
                wt.name = ex.name_prefix + "_" + std::to_string(ex.workers.size());
                ObjectId wobj = alloc(Object{std::move(wt)});
                ThreadId w = start_thread(wobj, prog.prelude.pool_worker, {self});
                get<ExecutorObj>(self)->workers.push_back(w);
            }
            if (event) event->value = fut;
            return fut;
        }
        case KnownName::map: {
            if (a.pos.size() < 2) raise(BuiltinId::TypeError, "map() needs a function and an iterable");
            std::vector<std::vector<Value>> cols;
            for (size_t i = 1; i < a.pos.size(); ++i) cols.push_back(collect(a.pos[i]));
            size_t n = SIZE_MAX;
            for (auto& c : cols) n = std::min(n, c.size());
            std::vector<Value> tuples;
            for (size_t i = 0; i < n; ++i) {
                std::vector<Value> row;
                for (auto& c : cols) row.push_back(c[i]);
                tuples.push_back(new_tuple(std::move(row)));
            }
            Args pa;
            pa.pos = {self, a.pos[0], new_list(std::move(tuples))};
            Value fn = Value::object(alloc(Object{FunctionObj{prog.prelude.pool_map, {}}}));
            push_frame(fn, pa, line());
            return Value::unbound();
        }
        case KnownName::shutdown: {
            bool wait = truthy(a.get(0, KnownName::wait, Value::boolean(true)));
            pool_shutdown(self, wait);
            return wait ? Value::unbound() : Value::none();
        }
        default: break;
        }
    }
    raise(BuiltinId::AttributeError, "'" + type_name(self) + "' object has no attribute '" +
                                         prog.name_of(method) + "'");
}

bool Machine::as_completed_next(Value it, Value* out) {
    auto* ac = get<AsCompletedObj>(it);
    size_t best = SIZE_MAX;
    uint64_t best_seq = UINT64_MAX;
    for (size_t i = 0; i < ac->futures.size(); ++i) {
        if (ac->yielded[i]) continue;
        auto& f = ref<FutureObj>(ac->futures[i]);
        if (f.status == FutureObj::Status::Finished && f.finish_seq < best_seq) {
            best = i;
            best_seq = f.finish_seq;
        }
    }
    if (best == SIZE_MAX) return false; // enabled only when exhausted or one is done
    ac->yielded[best] = true;
    *out = Value::object(ac->futures[best]);
    if (event) event->value = *out;
    return true;
}

} // namespace rc
