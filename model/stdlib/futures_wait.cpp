// concurrent.futures.wait as CPython 3.12's Lib/concurrent/futures/_base.py has it: the futures
// done when it starts, then (unless return_when is met) blocking until the first completes
// (FIRST_COMPLETED), one raises (FIRST_EXCEPTION) or all are done (ALL_COMPLETED); the result
// is DoneAndNotDoneFutures(done=set, not_done=set), a namedtuple (a TupleObj named so).
//
// The waiting is as_completed's (model/threading/thread_pool.cpp): the prelude's
// _rc_futures_wait takes the futures already done (RcAsCompletedBatch, one visible operation),
// then iterates the as_completed state, each step an AsCompletedNext operation enabled only when
// a future it has not yet seen is done, and at the end takes those done meanwhile, as CPython's
// waiter collects what finished before it was removed.
#include "model/stdlib/futures_wait.hpp"

#include <algorithm> // find

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

bool return_condition(Machine& m, Value v) {
    const std::string* s = m.str_of(v);
    return s && (*s == "FIRST_COMPLETED" || *s == "FIRST_EXCEPTION" || *s == "ALL_COMPLETED");
}

} // namespace

Value futures_builtin(Machine& m, BuiltinId id, const Args& a) {
    using S = Sig::Style;
    switch (id) {
    case BuiltinId::FuturesWait: {
        Bound b = m.bind(a, Sig{"wait", S::Python, {"fs", "timeout", "return_when"}, 1, 0});
        if (b.has(1) && !b[1].is_none())
            m.unsupported("concurrent.futures.wait(timeout=...)",
                          "racecheck models wait() without a timeout; as_completed and result(timeout=) "
                          "have one");
        Value return_when = b.has(2) ? b[2] : m.new_str("ALL_COMPLETED");
        AsCompletedObj ac; // fs = set(fs): each future once
        bool all_done = true;
        for (Value f : m.collect(b[0])) {
            m.hash(f);
            if (!m.get<FutureObj>(f))
                m.raise(BuiltinId::AttributeError, "'" + m.type_name(f) + "' object has no attribute '_condition'");
            if (std::find(ac.futures.begin(), ac.futures.end(), f.obj()) == ac.futures.end())
                ac.futures.push_back(f.obj());
            all_done = all_done && m.get<FutureObj>(f)->done();
        }
        if (!return_condition(m, return_when) && !all_done)
            m.raise(BuiltinId::ValueError, "Invalid return condition: " + m.repr(return_when));
        ac.yielded.assign(ac.futures.size(), false);
        std::vector<Value> futures;
        for (ObjectId f : ac.futures) futures.push_back(Value::object(f));
        Value it = Value::object(m.alloc(Object{std::move(ac)}));
        m.push_prelude(m.prog.prelude.futures_wait, {it, m.new_tuple(std::move(futures)), return_when});
        return Value::unbound();
    }
    case BuiltinId::RcFutureFailed: { // a done future that raised (never changes once done)
        const FutureObj& f = *m.get<FutureObj>(a.pos[0]);
        return Value::boolean(f.status == FutureObj::Status::Finished && !f.exception.is_none() && !f.exception.is_unbound());
    }
    case BuiltinId::RcDoneNotDone: { // (done set, every future of fs) -> DoneAndNotDoneFutures
        Value done = a.pos[0];
        Value not_done = m.new_set(false);
        for (Value f : m.get<TupleObj>(a.pos[1])->items)
            if (!m.set_contains(done, f)) m.set_add(not_done, f);
        Value out = m.new_tuple({done, not_done});
        m.get<TupleObj>(out)->named = BuiltinId::DoneAndNotDone;
        return out;
    }
    default: break;
    }
    RC_CHECK(false, "futures_builtin: not a futures builtin");
    return Value::none();
}

} // namespace rc
