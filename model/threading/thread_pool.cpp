// concurrent.futures.ThreadPoolExecutor, Future and as_completed on virtual threads.
#include "model/threading/thread_pool.hpp"

#include <algorithm> // find, max, min

#include "model/runtime/fingerprint.hpp" // Fingerprinter (reachability)
#include "model/runtime/machine.hpp"  // Machine
#include "model/threading/thread.hpp" // ThreadObj, start_thread

namespace rc {

namespace {

/// CPython's default max_workers is min(32, os.cpu_count() + 4); racecheck fixes cpu_count = 1
/// so that the model does not depend on the machine.
constexpr uint32_t kDefaultMaxWorkers = 5;


} // namespace

Value make_executor(Machine& m, const Args& a) {
    if (a.has(2, KnownName::initializer) && !a.get(2, KnownName::initializer, Value::none()).is_none())
        m.unsupported("ThreadPoolExecutor(initializer=...)");
    if (a.has(3, KnownName::initargs) && m.truthy(a.get(3, KnownName::initargs, Value::none())))
        m.unsupported("ThreadPoolExecutor(initargs=...)");
    Value mw = a.get(0, KnownName::max_workers, Value::none());
    ExecutorObj e;
    e.max_workers = kDefaultMaxWorkers;
    if (!mw.is_none()) {
        int64_t n = m.to_index(mw, "max_workers");
        if (n <= 0) m.raise(BuiltinId::ValueError, "max_workers must be greater than 0");
        e.max_workers = static_cast<uint32_t>(n);
    }
    Value prefix = a.get(1, KnownName::thread_name_prefix, Value::none());
    e.name_prefix = prefix.is_none() || m.str(prefix).empty()
                        ? "ThreadPoolExecutor-" + std::to_string(m.st.executor_counter++)
                        : m.str(prefix);
    return Value::object(m.alloc(Object{std::move(e)}));
}

Value make_as_completed(Machine& m, const Args& a) {
    if (!a.get(1, KnownName::timeout, Value::none()).is_none()) m.unsupported("as_completed(timeout=...)");
    AsCompletedObj ac;
    for (Value f : m.collect(a.get(0, KnownName::fs, Value::unbound()))) {
        if (!m.get<FutureObj>(f)) m.raise(BuiltinId::TypeError, "as_completed() expects futures");
        if (std::find(ac.futures.begin(), ac.futures.end(), f.obj()) == ac.futures.end())
            ac.futures.push_back(f.obj());
    }
    ac.yielded.assign(ac.futures.size(), false);
    Value it = Value::object(m.alloc(Object{std::move(ac)}));
    return m.make_prelude_generator(m.prog.prelude.as_completed, {it}, BuiltinId::GeneratorType);
}

Value pool_builtin(Machine& m, BuiltinId id, const Args& a) {
    switch (id) {
    case BuiltinId::RcPoolNext: {
        auto& e = *m.get<ExecutorObj>(a.pos[0]);
        if (e.pending.empty()) {
            RC_CHECK(e.shutdown, "pool worker took work from an empty queue");
            if (m.event) m.event->value = Value::none();
            return Value::none();
        }
        ObjectId f = e.pending.front();
        e.pending.erase(e.pending.begin());
        // _WorkItem.run: set_running_or_notify_cancel(); a cancelled item is skipped (False).
        auto& fo = m.ref<FutureObj>(f);
        Value got = Value::boolean(false);
        if (fo.status == FutureObj::Status::Pending) {
            fo.status = FutureObj::Status::Running;
            got = Value::object(f);
        }
        if (m.event) m.event->value = got;
        return got;
    }
    case BuiltinId::RcLazyResults: { // map's result iterator: a generator over the futures
        Value g = m.make_prelude_generator(m.prog.prelude.pool_results, {a.pos[0]}, BuiltinId::GeneratorType);
        m.st.map_results.emplace_back(g.obj(), a.pos[0].obj());
        return g;
    }
    case BuiltinId::RcPoolIdle: // the worker, after a work item: _idle_semaphore.release()
        m.get<ExecutorObj>(a.pos[0])->idle++;
        return Value::none();
    case BuiltinId::RcAsCompletedBatch: { // the futures done when as_completed's body starts
        auto* ac = m.get<AsCompletedObj>(a.pos[0]);
        std::vector<std::pair<uint64_t, size_t>> done;
        for (size_t i = 0; i < ac->futures.size(); ++i)
            if (!ac->yielded[i] && m.ref<FutureObj>(ac->futures[i]).done())
                done.emplace_back(m.ref<FutureObj>(ac->futures[i]).finish_seq, i);
        std::sort(done.begin(), done.end());
        std::vector<Value> batch;
        for (const auto& [seq, i] : done) {
            ac->yielded[i] = true;
            batch.push_back(Value::object(ac->futures[i]));
        }
        Value done_now = m.new_tuple(std::move(batch)); // a tuple: the event keeps what it was
        if (m.event) m.event->value = done_now;
        return done_now;
    }
    case BuiltinId::RcPoolSubmit: {
        Args sa;
        sa.pos = {a.pos[1]};
        if (auto* t = m.get<TupleObj>(a.pos[2])) sa.pos.insert(sa.pos.end(), t->items.begin(), t->items.end());
        return executor_method(m, a.pos[0], NameId(static_cast<uint32_t>(KnownName::submit)), sa);
    }
    case BuiltinId::RcFutureFn: return m.ref<FutureObj>(a.pos[0].obj()).fn;
    case BuiltinId::RcFutureArgs: return m.ref<FutureObj>(a.pos[0].obj()).args;
    case BuiltinId::RcFutureKwargs: return m.ref<FutureObj>(a.pos[0].obj()).kwargs;
    case BuiltinId::RcFutureFinish:
    case BuiltinId::RcFutureFail: {
        auto& f = m.ref<FutureObj>(a.pos[0].obj());
        f.status = FutureObj::Status::Finished;
        f.finish_seq = m.st.steps;
        if (id == BuiltinId::RcFutureFinish) f.result = a.pos[1];
        else f.exception = a.pos[1];
        // set_result / set_exception end with _invoke_callbacks: the worker runs them next
        std::vector<Value> callbacks = std::move(f.callbacks);
        f.callbacks.clear();
        m.mark_shared(a.pos[1]);
        return callbacks.empty() ? Value::none() : m.new_tuple(std::move(callbacks));
    }
    case BuiltinId::RcCallbackRaised: // _invoke_callbacks logs the exception and goes on
        m.unsupported("an exception raised by a Future's done callback",
                      "CPython logs it through the 'concurrent.futures' logger ('exception calling "
                      "callback for <Future ...>') and goes on; racecheck does not model that log");
    default: break;
    }
    RC_CHECK(false, "pool_builtin: not a pool helper");
    return Value::none();
}

void pool_shutdown(Machine& m, Value executor, bool wait) {
    m.get<ExecutorObj>(executor)->shutdown = true;
    if (!wait) return;
    Wait w;
    w.kind = Wait::Kind::PoolJoin;
    w.obj = executor.obj();
    m.th().wait = w;
}

void pool_finish_join(Machine& m) {
    for (ThreadId wt : m.get<ExecutorObj>(Value::object(m.th().wait.obj))->workers)
        m.th().clock_ns = std::max(m.th().clock_ns, m.st.threads[wt.value].clock_ns);
}

Value executor_method(Machine& m, Value self, NameId method, const Args& a) {
    switch (known_method(method)) {
    case KnownName::submit: {
        if (a.pos.empty())
            m.raise(BuiltinId::TypeError, "ThreadPoolExecutor.submit() missing 1 required positional argument: 'fn'");
        if (m.get<ExecutorObj>(self)->shutdown)
            m.raise(BuiltinId::RuntimeError, "cannot schedule new futures after shutdown");
        FutureObj fo;
        fo.fn = a.pos[0];
        fo.args = m.new_tuple(std::vector<Value>(a.pos.begin() + 1, a.pos.end()));
        Value kw = m.new_dict();
        for (auto& [n, v] : a.kw) m.store_subscript(kw, m.new_str(m.name_of(n)), v);
        fo.kwargs = kw;
        Value fut = Value::object(m.alloc(Object{std::move(fo)}));
        m.mark_shared(fut);
        m.get<ExecutorObj>(self)->pending.push_back(fut.obj());
        auto& ex = *m.get<ExecutorObj>(self);
        // _adjust_thread_count: if self._idle_semaphore.acquire(timeout=0): return. CPython puts
        // the item first, then checks, and a worker can run between; doing both in one step
        // shows the same behaviours (tests/soundness/submit_one_step.py enumerates both).
        if (ex.idle > 0) {
            ex.idle--;
        } else if (ex.workers.size() < ex.max_workers) {
            ThreadObj wt;
            wt.name = ex.name_prefix + "_" + std::to_string(ex.workers.size());
            ObjectId wobj = m.alloc(Object{std::move(wt)});
            ThreadId w = start_thread(m, wobj, m.prog.prelude.pool_worker, {self});
            m.get<ExecutorObj>(self)->workers.push_back(w);
        }
        if (m.event) m.event->value = fut;
        return fut;
    }
    case KnownName::map: {
        for (const auto& [n, v] : a.kw) {
            const KnownName k = known_method(n);
            if (k == KnownName::timeout) {
                if (!v.is_none()) m.unsupported("Executor.map(timeout=...)");
            } else if (k != KnownName::chunksize) { // ThreadPoolExecutor ignores chunksize
                m.raise(BuiltinId::TypeError, "Executor.map() got an unexpected keyword argument '" +
                                                  m.name_of(n) + "'");
            }
        }
        if (a.pos.empty())
            m.raise(BuiltinId::TypeError, "Executor.map() missing 1 required positional argument: 'fn'");
        std::vector<std::vector<Value>> cols;
        for (size_t i = 1; i < a.pos.size(); ++i) cols.push_back(m.collect(a.pos[i]));
        size_t n = cols.empty() ? 0 : SIZE_MAX;
        for (auto& c : cols) n = std::min(n, c.size());
        std::vector<Value> tuples;
        for (size_t i = 0; i < n; ++i) {
            std::vector<Value> row;
            for (auto& c : cols) row.push_back(c[i]);
            tuples.push_back(m.new_tuple(std::move(row)));
        }
        Args pa;
        pa.pos = {self, a.pos[0], m.new_list(std::move(tuples))};
        Value fn = Value::object(m.alloc(Object{FunctionObj{m.prog.prelude.pool_map, {}, {}, Value()}}));
        m.push_frame(fn, pa, m.line());
        return Value::unbound();
    }
    case KnownName::shutdown: {
        if (a.has(1, KnownName::cancel_futures) && m.truthy(a.get(1, KnownName::cancel_futures, Value::none())))
            m.unsupported("ThreadPoolExecutor.shutdown(cancel_futures=True)");
        bool wait = m.truthy(a.get(0, KnownName::wait, Value::boolean(true)));
        pool_shutdown(m, self, wait);
        return wait ? Value::unbound() : Value::none();
    }
    default: no_such_method(m, self, method);
    }
}

namespace {

/// Future._invoke_callbacks in the calling thread: each fn(future) as Python code after this
/// step (the prelude's _rc_future_callbacks), then the method returns `result`.
Value run_callbacks(Machine& m, Value future, Value callbacks, Value result) {
    Args pa;
    pa.pos = {future, callbacks, result};
    Value fn = Value::object(m.alloc(Object{FunctionObj{m.prog.prelude.future_callbacks, {}, {}, Value()}}));
    m.push_frame(fn, pa, m.line());
    return Value::unbound();
}

} // namespace

Value future_method(Machine& m, Value self, NameId method, const Args& a) {
    auto* f = m.get<FutureObj>(self);
    KnownName k = known_method(method);
    switch (k) {
    case KnownName::result:
    case KnownName::exception: {
        if (m.timeout) {
            Value tv = a.get(0, KnownName::timeout, Value::none());
            m.th().clock_ns += static_cast<int64_t>(std::max(0.0, m.to_float(tv, "timeout")) * 1e9);
            m.raise(BuiltinId::TimeoutError, "");
        }
        RC_CHECK(f->done(), "result() of an unfinished future");
        if (f->status == FutureObj::Status::Cancelled) m.raise(BuiltinId::CancelledError, "");
        if (k == KnownName::exception) return f->exception.is_unbound() ? Value::none() : f->exception;
        if (!f->exception.is_unbound() && !f->exception.is_none()) m.raise_value(f->exception);
        return f->result;
    }
    case KnownName::done: return Value::boolean(f->done());
    case KnownName::running: return Value::boolean(f->status == FutureObj::Status::Running);
    case KnownName::cancelled: return Value::boolean(f->status == FutureObj::Status::Cancelled);
    case KnownName::cancel: { // Future.cancel: only a future no worker has started
        if (f->status == FutureObj::Status::Running || f->status == FutureObj::Status::Finished)
            return Value::boolean(false);
        if (f->status == FutureObj::Status::Pending) {
            f->status = FutureObj::Status::Cancelled;
            f->finish_seq = m.st.steps;
            if (!f->callbacks.empty()) { // cancel() ends with _invoke_callbacks, then True
                std::vector<Value> callbacks = std::move(f->callbacks);
                f->callbacks.clear();
                return run_callbacks(m, self, m.new_tuple(std::move(callbacks)), Value::boolean(true));
            }
        }
        return Value::boolean(true);
    }
    case KnownName::add_done_callback: { // CPython 3.12's, under the future's condition lock
        Value fn = a.get(0, KnownName::fn, Value::unbound());
        if (!f->done()) {
            f->callbacks.push_back(fn);
            m.mark_shared(fn);
            return Value::none();
        }
        return run_callbacks(m, self, m.new_tuple({fn}), Value::none()); // done: called at once
    }
    default: no_such_method(m, self, method);
    }
}

bool drop_map_results(Machine& m) {
    State& s = m.st;
    if (s.map_results.empty()) return false;
    static thread_local Fingerprinter reach(FingerprintOptions{}); // what the roots reach
    reach(s);
    std::vector<ObjectId> dropped; // their lists of futures not yielded
    std::erase_if(s.map_results, [&](const std::pair<ObjectId, ObjectId>& r) {
        const auto status = std::get<GeneratorObj>(s.object(r.first).data).status;
        if (status == GeneratorObj::Status::Done) return true;
        if (reach.canonical_object(r.first) != UINT32_MAX) return false;
        // A generator never started has not entered its try: dropping it runs no finally, and
        // every call runs (`executor.map(fn, items)` with the result ignored).
        if (status != GeneratorObj::Status::Created) dropped.push_back(r.second);
        return true;
    });
    if (dropped.empty()) return false;
    // result_iterator's finally: for future in fs: future.cancel(). The thread that dropped the
    // iterator runs it next, each cancel a step of its own, before the operation it stopped at
    // (a frame that hands nothing back, so that operation runs afterwards unchanged).
    ThreadState& th = m.th();
    if (th.status == ThreadStatus::Running && th.wait.kind == Wait::Kind::None && !th.frames.empty() &&
        th.frames.size() + dropped.size() < m.interp.limits().max_frames) {
        for (auto it = dropped.rbegin(); it != dropped.rend(); ++it)
            m.enter_frame(m.prog.prelude.pool_cancel, {Value::object(*it)}, Frame::Return::Discard);
        run_on(m);
        return false;
    }
    // The thread ended as it dropped it (or cannot take a frame): the futures are cancelled
    // within this step.
    bool cancelled = false;
    for (ObjectId list : dropped)
        for (Value f : std::get<ListObj>(s.object(list).data).items) {
            auto& fo = std::get<FutureObj>(s.object(f.obj()).data);
            if (fo.status != FutureObj::Status::Pending) continue; // running or done: cancel() fails
            if (!fo.callbacks.empty())
                m.unsupported("a done callback of a future cancelled as its thread ends",
                              "the thread that drops an Executor.map iterator as it ends cancels "
                              "its futures in racecheck without running their callbacks");
            fo.status = FutureObj::Status::Cancelled;
            fo.finish_seq = s.steps;
            cancelled = true;
        }
    return cancelled;
}

bool as_completed_next(Machine& m, Value it, Value* out) {
    auto* ac = m.get<AsCompletedObj>(it);
    size_t best = SIZE_MAX;
    uint64_t best_seq = UINT64_MAX;
    for (size_t i = 0; i < ac->futures.size(); ++i) {
        if (ac->yielded[i]) continue;
        auto& f = m.ref<FutureObj>(ac->futures[i]);
        if (f.done() && f.finish_seq < best_seq) {
            best = i;
            best_seq = f.finish_seq;
        }
    }
    if (best == SIZE_MAX) return false; // enabled only when exhausted or one is done
    ac->yielded[best] = true;
    *out = Value::object(ac->futures[best]);
    if (m.event) m.event->value = *out;
    return true;
}

} // namespace rc
