// Which instructions are visible operations (scheduling points and detector events), and when a
// pending operation is enabled. One file: every kind of object's classification (the calls'
// switch per type, shared-container reads, generators) feeds the one classify() the interpreter
// calls at each instruction, and the rules below are stated once for all of them.
//
// Invisible: everything on locals, arithmetic, control flow (save the truth test of a shared
// container, `if items:`, a read of it), calls of Python functions, and
// operations on objects no other thread can reach yet (Object::shared is false) or that cannot
// change (str, tuple, a write-once global once bound). Visible: shared global reads and writes,
// operations on shared lists and dicts, every threading/queue/futures operation, print, sleep.
// One file: classify's cases for every instruction share the call view and the shared-root
// helpers here, and must agree with each other on what one operation reads and writes.
#include <algorithm> // find

#include "model/runtime/machine.hpp"       // Machine, classify
#include "model/threading/lock.hpp"       // lock_acquire_args_error
#include "model/library/signatures.hpp" // sync_method_sig, sig_accepts
#include "model/stdlib/collections_dicts.hpp" // subscript_may_insert

namespace rc {

namespace {

/// The arguments of a pending Call, without popping anything: on the stack, or (for the call
/// `_rc_apply(fn, args, kwargs)` makes, as Thread.run does) given explicitly.
struct CallView {
    Machine& m;
    uint32_t argc, kwcount;
    const std::vector<NameId>* kwnames;
    // Explicit arguments (_rc_apply): the callee, positional and keyword arguments, and whether
    // a key of the kwargs dict is not a str (the call raises TypeError).
    const std::vector<Value>* pos = nullptr;
    const std::vector<std::pair<NameId, Value>>* kw = nullptr;
    Value explicit_callee = Value::unbound();
    bool unbindable = false;

    Value callee() { return pos ? explicit_callee : m.peek(argc + kwcount); }
    /// The argument at positional `index` or keyword `name`; Unbound when absent.
    Value arg(uint32_t index, KnownName name) {
        if (pos) {
            if (index < pos->size()) return (*pos)[index];
            for (const auto& [n, v] : *kw)
                if (n.value == static_cast<uint32_t>(name)) return v;
            return Value::unbound();
        }
        if (index < argc) return m.peek(argc + kwcount - 1 - index);
        for (uint32_t i = 0; i < kwcount; ++i)
            if ((*kwnames)[i].value == static_cast<uint32_t>(name)) return m.peek(kwcount - 1 - i);
        return Value::unbound();
    }
    std::vector<NameId> keywords() const {
        std::vector<NameId> out;
        if (pos) {
            for (const auto& [n, v] : *kw) out.push_back(n);
        } else if (kwcount) {
            out.assign(kwnames->begin(), kwnames->begin() + kwcount);
        }
        return out;
    }
};

bool present(Value v) { return !v.is_unbound() && !v.is_none(); }

/// A mutable container another thread can reach (list, dict, set, deque).
bool shared_container(Machine& m, Value v) { return m.shared(v) && m.is_container(v); }

/// A generator another thread can reach. Entering its frame (for, next()) and leaving it (yield,
/// return) are visible writes of it (ContainerWrite of the generator object): CPython marks the
/// generator running while its frame runs and can switch threads inside (at the frame's RESUME
/// and its loops), where another thread's next() raises "ValueError: generator already
/// executing". Two threads taking turns on it under a lock never see that. Only Python
/// generators (generator functions and expressions, and the executor's map and as_completed,
/// which are generator functions in CPython too): map, filter, zip, enumerate and itertools are
/// C iterators in CPython, with no running state, though racecheck runs them as generators.
bool shared_generator(Machine& m, Value v) {
    const auto* g = m.shared(v) ? m.get<GeneratorObj>(v) : nullptr;
    return g && g->type == BuiltinId::GeneratorType;
}

/// Entering or leaving generator v's frame: a visible write of it when it is shared.
bool generator_step(Machine& m, Value v, PendingOp* out) {
    if (!shared_generator(m, v)) return false;
    out->kind = OpKind::ContainerWrite;
    out->obj = v.obj();
    return true;
}

/// The shared container an operation on v reads: v itself, a dict view's dict, or what an
/// iterator (or the iterator an enumerate/zip wraps) walks; invalid when none.
ObjectId shared_root(Machine& m, Value v) {
    if (shared_container(m, v)) return v.obj();
    if (auto* dv = m.get<DictViewObj>(v)) return shared_container(m, dv->dict) ? dv->dict.obj() : ObjectId();
    if (auto* it = m.get<IterObj>(v)) {
        if (it->kind == IterObj::Kind::Enumerate) return shared_root(m, it->inner);
        if (it->kind == IterObj::Kind::Zip) {
            for (Value inner : m.get<TupleObj>(it->source)->items)
                if (ObjectId o = shared_root(m, inner); o.valid()) return o;
            return ObjectId();
        }
        return shared_container(m, it->source) ? it->source.obj() : ObjectId();
    }
    return ObjectId();
}

bool read_only_container_method(KnownName k) {
    switch (k) {
    case KnownName::index:
    case KnownName::count:
    case KnownName::get:
    case KnownName::keys:
    case KnownName::values:
    case KnownName::items:
    case KnownName::copy:
    case KnownName::union_:
    case KnownName::intersection:
    case KnownName::difference:
    case KnownName::symmetric_difference:
    case KnownName::issubset:
    case KnownName::issuperset:
    case KnownName::isdisjoint:
    case KnownName::most_common: // Counter
    case KnownName::elements:
    case KnownName::total: return true;
    default: return false;
    }
}

bool classify_sync_method(Machine& m, CallView c, Value self, KnownName k, PendingOp* out);
bool classify_call(Machine& m, CallView c, PendingOp* out);

/// _rc_apply(fn, args, kwargs) (Thread.run, a pool worker, a Timer) calls fn: the operation
/// is that call's. False when the arguments are not a tuple/list and a dict (the call raises).
bool classify_apply(Machine& m, CallView c, PendingOp* out) {
    std::vector<Value> pos;
    Value args = c.arg(1, KnownName::Count), kwargs = c.arg(2, KnownName::Count);
    if (auto* t = m.get<TupleObj>(args)) pos = t->items;
    else if (auto* l = m.get<ListObj>(args)) pos = l->items;
    else if (!args.is_none()) return false;
    std::vector<std::pair<NameId, Value>> kw;
    bool unbindable = false;
    if (auto* d = m.get<DictObj>(kwargs)) {
        for (const auto& [key, v] : d->items) {
            const std::string* ks = m.str_of(key);
            if (!ks) unbindable = true;
            else kw.emplace_back(m.keyword_name(*ks), v);
        }
    } else if (!kwargs.is_none()) {
        return false;
    }
    CallView inner{m, static_cast<uint32_t>(pos.size()), static_cast<uint32_t>(kw.size()), nullptr, &pos, &kw,
                   c.arg(0, KnownName::Count), unbindable};
    return classify_call(m, inner, out);
}

/// A call of a functools.partial: the operation is that of the call it makes.
bool classify_partial(Machine& m, CallView c, const PartialObj& p, PendingOp* out) {
    std::vector<Value> pos = m.get<TupleObj>(p.args)->items;
    for (uint32_t i = 0; i < c.argc; ++i) pos.push_back(c.arg(i, KnownName::Count));
    std::vector<std::pair<NameId, Value>> kw;
    bool unbindable = c.unbindable;
    for (const auto& [key, v] : m.get<DictObj>(p.keywords)->items) {
        const std::string* ks = m.str_of(key);
        if (!ks) unbindable = true;
        else kw.emplace_back(m.keyword_name(*ks), v);
    }
    const std::vector<NameId> names = c.keywords();
    for (uint32_t i = 0; i < names.size(); ++i) {
        Value v = c.pos ? (*c.kw)[i].second : m.peek(c.kwcount - 1 - i);
        auto same = std::find_if(kw.begin(), kw.end(), [&](const auto& kv) { return kv.first == names[i]; });
        if (same != kw.end()) same->second = v;
        else kw.emplace_back(names[i], v);
    }
    CallView inner{m, static_cast<uint32_t>(pos.size()), static_cast<uint32_t>(kw.size()), nullptr, &pos, &kw,
                   p.func, unbindable};
    return classify_call(m, inner, out);
}

bool classify_call(Machine& m, CallView c, PendingOp* out) {
    Value callee = c.callee();
    if (auto* p = m.get<PartialObj>(callee)) return classify_partial(m, c, PartialObj(*p), out);
    if (callee.tag == VTag::Builtin && callee.builtin_id() == BuiltinId::RcApply && !c.pos && c.argc == 3)
        return classify_apply(m, c, out);
    if (callee.tag == VTag::Builtin) {
        switch (callee.builtin_id()) {
        case BuiltinId::Print: { // runs _rc_print: each piece is an _rc_write; to stderr: one write
            Value file = c.arg(UINT32_MAX, KnownName::file);
            if (file.tag != VTag::Builtin || file.builtin_id() != BuiltinId::SysStderr) return false;
            out->kind = OpKind::Log;
            return true;
        }
        case BuiltinId::StdoutWrite: // sys.stdout.write(s): one write of s
            out->kind = OpKind::Print;
            return true;
        case BuiltinId::StderrWrite: out->kind = OpKind::Log; return true; // stderr, as logging's
        case BuiltinId::RcWrite:
            out->kind = OpKind::Print;
            if (c.argc == 3) { // --print-lines: a whole print (objects, sep, end), at most one shared container
                if (auto* objects = m.get<TupleObj>(c.arg(0, KnownName::Count)))
                    for (Value v : objects->items)
                        if (shared_container(m, v)) out->obj = v.obj();
            } else if (shared_container(m, c.arg(0, KnownName::Count))) {
                out->obj = c.arg(0, KnownName::Count).obj();
            }
            return true;
        case BuiltinId::RcChoose: out->kind = OpKind::Choose; return true;
        case BuiltinId::Next: return generator_step(m, c.arg(0, KnownName::Count), out); // enters its frame
        case BuiltinId::RcPoolIdle:
            out->kind = OpKind::PoolIdle;
            out->obj = c.arg(0, KnownName::Count).obj();
            return true;
        case BuiltinId::RcAsCompletedBatch:
            out->kind = OpKind::AsCompletedNext;
            out->obj = c.arg(0, KnownName::Count).obj();
            out->nonblocking = true;
            return true;
        case BuiltinId::Sleep: out->kind = OpKind::Sleep; return true;
        case BuiltinId::ActiveCount:
        case BuiltinId::ThreadingEnumerate: out->kind = OpKind::ThreadCount; return true;
        case BuiltinId::LogBasicConfig:
        case BuiltinId::LogDebug:
        case BuiltinId::LogInfo:
        case BuiltinId::LogWarning:
        case BuiltinId::LogError:
        case BuiltinId::LogCritical:
        case BuiltinId::LogException:
        case BuiltinId::LogLog: out->kind = OpKind::Log; return true;
        case BuiltinId::RcPoolNext:
            out->kind = OpKind::PoolNext;
            out->obj = c.arg(0, KnownName::Count).obj();
            return true;
        case BuiltinId::RcPoolSubmit:
            out->kind = OpKind::PoolSubmit;
            out->obj = c.arg(0, KnownName::Count).obj();
            return true;
        case BuiltinId::RcFutureFinish:
        case BuiltinId::RcFutureFail:
            out->kind = OpKind::FutureFinish;
            out->obj = c.arg(0, KnownName::Count).obj();
            return true;
        case BuiltinId::RcBarrierOpen: // the end of a barrier's action: the generation opens
            out->kind = OpKind::BarrierArrive;
            out->obj = c.arg(0, KnownName::Count).obj();
            return true;
        default: break;
        }
        // A builtin reading a shared container (len(items), sum(results), list(d)...).
        for (uint32_t i = 0; i < c.argc; ++i) {
            if (ObjectId o = shared_root(m, c.arg(i, KnownName::Count)); o.valid()) {
                out->kind = OpKind::ContainerRead;
                out->obj = o;
                return true;
            }
        }
        return false;
    }
    auto reads_shared_argument = [&]() {
        for (uint32_t i = 0; i < c.argc; ++i)
            if (ObjectId o = shared_root(m, c.arg(i, KnownName::Count)); o.valid()) {
                out->kind = OpKind::ContainerRead;
                out->obj = o;
                return true;
            }
        return false;
    };
    if (m.get<MethodDescriptorObj>(callee)) return reads_shared_argument();
    if (callee.tag != VTag::BoundMethod) return false;
    Value self = Value::object(callee.obj());
    auto k = static_cast<KnownName>(callee.method().value);
    if (callee.method().value >= kKnownNameCount) return false; // AttributeError when executed
    out->obj = self.obj();
    out->method = callee.method();
    if (m.is_container(self)) {
        if (!m.shared(self)) {
            out->obj = ObjectId();
            return reads_shared_argument(); // mine.extend(shared), mine.update(shared)...
        }
        out->kind = read_only_container_method(k) ? OpKind::ContainerRead : OpKind::ContainerWrite;
        return true;
    }
    if (m.get<StrObj>(self) || m.get<TupleObj>(self)) { // ", ".join(shared_list)
        out->obj = ObjectId();
        return reads_shared_argument();
    }
    if (m.get<LoggerObj>(self)) {
        switch (k) {
        case KnownName::debug:
        case KnownName::info:
        case KnownName::warning:
        case KnownName::error:
        case KnownName::critical:
        case KnownName::exception:
        case KnownName::log:
        case KnownName::setLevel: out->kind = OpKind::Log; return true;
        default: return false;
        }
    }
    // A call whose arguments do not bind raises TypeError when it runs: it never waits.
    bool r = classify_sync_method(m, c, self, k, out);
    if (const Sig* sig = r ? sync_method_sig(m, self, k) : nullptr)
        if (c.unbindable || !sig_accepts(m, *sig, c.argc, c.keywords())) out->nonblocking = true;
    return r;
}

/// classify_call for a method of a threading, queue or concurrent.futures object.
bool classify_sync_method(Machine& m, CallView c, Value self, KnownName k, PendingOp* out) {
    Value timeout = c.arg(k == KnownName::acquire ? 1 : 0, KnownName::timeout);
    if (auto* thread = m.get<ThreadObj>(self)) {
        if (k == KnownName::cancel && thread->timer.valid()) { // Timer.cancel sets `finished`
            out->kind = OpKind::EventSet;
            out->obj = thread->timer;
            return true;
        }
        if (k == KnownName::start) out->kind = OpKind::ThreadStart;
        else if (k == KnownName::join) {
            out->kind = OpKind::ThreadJoin;
            out->timed = present(c.arg(0, KnownName::timeout));
        } else if (k == KnownName::is_alive) out->kind = OpKind::ThreadQuery;
        else return false;
        return true;
    }
    bool lock = m.get<LockObj>(self) || m.get<RLockObj>(self);
    auto* cond = m.get<ConditionObj>(self);
    if (lock || cond) {
        if (cond && (k == KnownName::acquire || k == KnownName::release)) out->obj = cond->lock;
        if (k == KnownName::acquire) {
            out->kind = OpKind::LockAcquire;
            Value blocking = c.arg(0, KnownName::blocking);
            out->nonblocking = (!blocking.is_unbound() && !m.truthy(blocking)) ||
                               !lock_acquire_args_error(m, blocking, timeout).empty();
            out->timed = !out->nonblocking && timeout.tag != VTag::Unbound &&
                         !(timeout.is_int_like() && timeout.i < 0) &&
                         !(timeout.tag == VTag::Float && timeout.f < 0) && !timeout.is_none();
            return true;
        }
        if (k == KnownName::release) {
            out->kind = OpKind::LockRelease;
            return true;
        }
        if (lock && k == KnownName::locked) {
            out->kind = OpKind::LockQuery;
            return true;
        }
        if (cond && k == KnownName::wait) {
            out->kind = OpKind::CondWait;
            out->timed = present(c.arg(0, KnownName::timeout));
            return true;
        }
        if (cond && (k == KnownName::notify || k == KnownName::notify_all)) {
            out->kind = OpKind::CondNotify;
            return true;
        }
        return false; // wait_for runs as Python code (the prelude); others raise
    }
    if (m.get<SemaphoreObj>(self)) {
        if (k == KnownName::acquire) {
            out->kind = OpKind::SemAcquire;
            Value blocking = c.arg(0, KnownName::blocking);
            // blocking=False with a timeout raises ValueError: it never waits.
            out->nonblocking = !blocking.is_unbound() && !m.truthy(blocking);
            out->timed = !out->nonblocking && present(timeout);
            return true;
        }
        if (k == KnownName::release) {
            out->kind = OpKind::SemRelease;
            return true;
        }
        return false;
    }
    if (m.get<EventObj>(self)) {
        switch (k) {
        case KnownName::set: out->kind = OpKind::EventSet; return true;
        case KnownName::clear: out->kind = OpKind::EventClear; return true;
        case KnownName::is_set: out->kind = OpKind::EventIsSet; return true;
        case KnownName::wait:
            out->kind = OpKind::EventWait;
            out->timed = present(c.arg(0, KnownName::timeout));
            return true;
        default: return false;
        }
    }
    if (m.get<BarrierObj>(self)) {
        if (k == KnownName::wait || k == KnownName::abort || k == KnownName::reset) {
            out->kind = OpKind::BarrierArrive;
            return true;
        }
        return false;
    }
    if (m.get<QueueObj>(self)) {
        switch (k) {
        case KnownName::put:
        case KnownName::get: {
            out->kind = k == KnownName::put ? OpKind::QueuePut : OpKind::QueueGet;
            uint32_t base = k == KnownName::put ? 1 : 0;
            Value block = c.arg(base, KnownName::block);
            Value qt = c.arg(base + 1, KnownName::timeout);
            const bool negative = (qt.is_int_like() && qt.i < 0) || (qt.tag == VTag::Float && qt.f < 0);
            // block=False never waits; a negative timeout raises ValueError (it never waits); a
            // SimpleQueue is unbounded and its put ignores block and timeout.
            out->nonblocking = (!block.is_unbound() && !m.truthy(block)) || negative ||
                               (k == KnownName::put && m.get<QueueObj>(self)->simple);
            out->timed = !out->nonblocking && present(c.arg(base + 1, KnownName::timeout));
            return true;
        }
        case KnownName::put_nowait:
        case KnownName::get_nowait:
            out->kind = k == KnownName::put_nowait ? OpKind::QueuePut : OpKind::QueueGet;
            out->nonblocking = true;
            return true;
        case KnownName::task_done: out->kind = OpKind::QueueTaskDone; return true;
        case KnownName::join: out->kind = OpKind::QueueJoin; return true;
        case KnownName::qsize:
        case KnownName::empty:
        case KnownName::full: out->kind = OpKind::QueueQuery; return true;
        default: return false;
        }
    }
    if (m.get<FutureObj>(self)) {
        if (k == KnownName::result || k == KnownName::exception) {
            out->kind = OpKind::FutureResult;
            out->timed = present(c.arg(0, KnownName::timeout));
            return true;
        }
        if (k == KnownName::done || k == KnownName::running || k == KnownName::cancelled) {
            out->kind = OpKind::FutureQuery;
            return true;
        }
        // cancel changes a pending future's state, as its finish does; add_done_callback takes
        // the future's condition lock, as finishing it does, to add to the list it runs
        if (k == KnownName::cancel || k == KnownName::add_done_callback) {
            out->kind = OpKind::FutureFinish;
            return true;
        }
        return false;
    }
    if (m.get<ExecutorObj>(self)) {
        if (k == KnownName::submit) out->kind = OpKind::PoolSubmit;
        else if (k == KnownName::shutdown) out->kind = OpKind::PoolShutdown;
        else return false; // map runs as Python code (the prelude)
        return true;
    }
    return false;
}

/// An attribute access `obj.name` is a visible read or write of the attribute when another
/// thread can reach obj (an instance of a user class, or a user class) and the name is data:
/// not a method, a staticmethod/classmethod or a property (whose getter runs as Python code and
/// makes its own accesses), and not a native attribute of a Thread subclass. Reads of a class
/// attribute through an instance are keyed by the class that holds it.
bool classify_attr(Machine& m, Value obj, NameId name, bool write, PendingOp* out) {
    if (!m.shared(obj)) return false;
    // Barrier.n_waiting and .broken read the barrier's state: a query, as Queue.qsize() is (a
    // thread polling `while b.n_waiting < 2: pass` must let the others arrive).
    if (m.get<BarrierObj>(obj)) {
        const KnownName k = known_name(name);
        if (write || (k != KnownName::n_waiting && k != KnownName::broken)) return false;
        out->kind = OpKind::QueueQuery;
        out->obj = obj.obj();
        out->method = name;
        return true;
    }
    ObjectId owner;
    if (auto* c = m.get<ClassObj>(obj)) {
        (void)c;
        Value found = m.class_lookup(obj.obj(), name);
        if (m.get<FunctionObj>(found) || m.get<WrapperObj>(found)) return false;
        owner = obj.obj();
        if (!write && found.is_unbound()) return false; // AttributeError or a native attribute
        if (!write) {
            for (ObjectId k : m.get<ClassObj>(obj)->mro)
                if (find_attr(m.get<ClassObj>(Value::object(k))->attrs, name)) {
                    owner = k;
                    break;
                }
        }
    } else {
        ObjectId cls = m.class_of(obj);
        if (!cls.valid()) return false;
        const AttrList& attrs =
            m.get<InstanceObj>(obj) ? m.get<InstanceObj>(obj)->attrs : m.get<ExceptionObj>(obj)->attrs;
        Value found = m.class_lookup(cls, name);
        if (auto* w = m.get<WrapperObj>(found); w && w->kind == WrapperObj::Kind::Property) return false;
        if (auto* i = m.get<InstanceObj>(obj); i && !i->native.is_unbound()) {
            const KnownName k = known_name(name);
            if (k == KnownName::name || k == KnownName::daemon) return false; // the Thread's own
        }
        owner = obj.obj();
        if (!write && !find_attr(attrs, name)) {
            if (found.is_unbound() || m.get<FunctionObj>(found) || m.get<WrapperObj>(found)) return false;
            for (ObjectId k : m.get<ClassObj>(Value::object(cls))->mro)
                if (find_attr(m.get<ClassObj>(Value::object(k))->attrs, name)) {
                    owner = k;
                    break;
                }
            if (!m.shared(Value::object(owner))) return false;
        }
    }
    out->kind = write ? OpKind::AttrWrite : OpKind::AttrRead;
    out->obj = owner;
    out->method = name;
    out->elem = name.value; // (object, attribute): accesses to other attributes commute
    return true;
}

/// The lock/semaphore/executor operation a `with` block's entry or exit performs.
bool classify_with(Machine& m, Value ctx, bool enter, PendingOp* out) {
    if (ctx.tag != VTag::Obj) return false;
    out->obj = ctx.obj();
    if (auto* cond = m.get<ConditionObj>(ctx)) {
        out->obj = cond->lock;
        out->kind = enter ? OpKind::LockAcquire : OpKind::LockRelease;
        return true;
    }
    if (m.get<LockObj>(ctx) || m.get<RLockObj>(ctx)) {
        out->kind = enter ? OpKind::LockAcquire : OpKind::LockRelease;
        return true;
    }
    if (m.get<SemaphoreObj>(ctx)) {
        out->kind = enter ? OpKind::SemAcquire : OpKind::SemRelease;
        return true;
    }
    if (m.get<ExecutorObj>(ctx) && !enter) {
        out->kind = OpKind::PoolShutdown;
        return true;
    }
    return false;
}

} // namespace

bool classify(Machine& m, PendingOp* out) {
    ThreadState& th = m.th();
    *out = PendingOp{};
    if (th.wait.kind != Wait::Kind::None) {
        out->obj = th.wait.obj;
        out->line = m.line();
        switch (th.wait.kind) {
        case Wait::Kind::Condition:
            out->kind = OpKind::CondWake;
            out->timed = th.wait.timed;
            break;
        case Wait::Kind::Barrier: out->kind = OpKind::BarrierLeave; break;
        case Wait::Kind::PoolJoin: out->kind = OpKind::PoolJoin; break;
        case Wait::Kind::None: break;
        }
        return true;
    }
    if (th.frames.empty()) {
        out->kind = m.tid.value == 0 ? OpKind::ProgramExit : OpKind::ThreadEnd;
        return true;
    }
    const Instr& in = m.code().code[m.frame().pc];
    out->line = m.line();
    switch (in.op) {
    case Op::LoadGlobal: {
        const GlobalInfo& g = m.prog.globals[in.a];
        if (!g.shared) return false;
        if (g.write_once && !m.st.globals[in.a].is_unbound()) return false;
        out->kind = OpKind::GlobalRead;
        out->var = VarId(in.a);
        return true;
    }
    case Op::StoreGlobal:
    case Op::DeleteGlobal:
        if (!m.prog.globals[in.a].shared) return false;
        out->kind = OpKind::GlobalWrite;
        out->var = VarId(in.a);
        return true;
    case Op::LoadDeref:
    case Op::StoreDeref:
    case Op::DeleteDeref: {
        // A cell another thread can reach: shared memory, named by its variable, as an attribute
        // of the cell (accesses to other cells commute).
        const Value cell = m.th().stack[m.frame().locals_base + in.a];
        if (!m.shared(cell)) return false;
        out->kind = in.op == Op::LoadDeref ? OpKind::AttrRead : OpKind::AttrWrite;
        out->obj = cell.obj();
        out->method = m.get<CellObj>(cell)->name;
        out->elem = out->method.value;
        return true;
    }
    case Op::LoadAttr: return classify_attr(m, m.peek(0), NameId(in.a), false, out);
    case Op::StoreAttr: return classify_attr(m, m.peek(0), NameId(in.a), true, out);
    case Op::LoadSubscr:
    case Op::DeleteSubscr:
    case Op::StoreSubscr: {
        Value obj = m.peek(1);
        if (!shared_container(m, obj)) return false;
        out->kind = in.op == Op::LoadSubscr ? OpKind::ContainerRead : OpKind::ContainerWrite;
        // A defaultdict's missing key: the subscript inserts the factory's value.
        if (in.op == Op::LoadSubscr && subscript_may_insert(m, obj, m.peek(0))) out->kind = OpKind::ContainerWrite;
        out->obj = obj.obj();
        // One element of a list by a non-negative index: a[i] and a[i] = v keep the length.
        Value key = m.peek(0);
        if (in.op != Op::DeleteSubscr && m.get<ListObj>(obj) && key.tag == VTag::Int && key.i >= 0)
            out->elem = key.i;
        return true;
    }
    case Op::Compare: {
        auto k = static_cast<ast::CmpOpKind>(in.b);
        if (k != ast::CmpOpKind::In && k != ast::CmpOpKind::NotIn) return false;
        ObjectId root = shared_root(m, m.peek(0));
        if (!root.valid()) return false;
        out->kind = OpKind::ContainerRead;
        out->obj = root;
        return true;
    }
    case Op::Unary:
        if (static_cast<ast::UnaryOpKind>(in.b) != ast::UnaryOpKind::Not) return false;
        [[fallthrough]]; // `not items`: a truth test
    case Op::PopJumpIfFalse:
    case Op::PopJumpIfTrue:
    case Op::JumpIfFalseOrPop:
    case Op::JumpIfTrueOrPop: {
        // `if items:`, `while items:`, `items or default`: the truth test reads the container's
        // length, which another thread may change between this and the thread's last step.
        Value v = m.peek(0);
        if (!shared_container(m, v)) return false;
        out->kind = OpKind::ContainerRead;
        out->obj = v.obj();
        return true;
    }
    case Op::Binary: {
        Value l = m.peek(1), r = m.peek(0);
        if (!shared_container(m, l) && !shared_container(m, r)) return false;
        bool write = in.a == 1 && shared_container(m, l);
        out->kind = write ? OpKind::ContainerWrite : OpKind::ContainerRead;
        out->obj = shared_container(m, l) ? l.obj() : r.obj();
        return true;
    }
    case Op::GetIter: {
        // iter() of a shared dict, dict view, set or deque remembers its size (a deque: its
        // version), as CPython's does: a change between this and a next() raises "changed size
        // during iteration". So the iterator is made when the thread gets there, not at its
        // previous visible step (probe6: an insert just before `for k in scores` made the loop
        // raise, where CPython printed both keys). A list's iterator keeps only an index.
        Value v = m.peek(0);
        if (!m.get<DictObj>(v) && !m.get<DictViewObj>(v) && !m.get<SetObj>(v) && !m.get<DequeObj>(v)) return false;
        ObjectId root = shared_root(m, v);
        if (!root.valid()) return false;
        out->kind = OpKind::ContainerRead;
        out->obj = root;
        return true;
    }
    case Op::ForIter: {
        Value it = m.peek(0);
        if (m.get<AsCompletedObj>(it)) {
            out->kind = OpKind::AsCompletedNext;
            out->obj = it.obj();
            return true;
        }
        if (generator_step(m, it, out)) return true;
        ObjectId root = m.get<IterObj>(it) ? shared_root(m, it) : ObjectId();
        if (!root.valid()) return false;
        out->kind = OpKind::ContainerRead;
        out->obj = root;
        return true;
    }
    case Op::UnpackSequence: // `a, b = shared`: reads the whole container
    case Op::UnpackEx:
    case Op::CallExtendArgs:   // f(*shared): reads the whole container
    case Op::CallArgsList:
    case Op::CallMergeKwargs: { // f(**shared)
        ObjectId root = shared_root(m, m.peek(in.op == Op::CallArgsList ? 1 : 0));
        if (!root.valid()) return false;
        out->kind = OpKind::ContainerRead;
        out->obj = root;
        return true;
    }
    case Op::YieldValue: // leaving a shared generator's frame: it is no longer running
    case Op::Return: {
        const ObjectId g = m.frame().generator;
        return g.valid() && generator_step(m, Value::object(g), out);
    }
    case Op::Call: {
        const std::vector<NameId>* names = nullptr;
        if (in.b) names = &m.prog.kwnames[m.code().code[m.frame().pc - 1].a];
        return classify_call(m, CallView{m, in.a, in.b, names}, out);
    }
    case Op::WithEnter: return classify_with(m, m.peek(0), true, out);
    case Op::WithExit: return classify_with(m, m.peek(0), false, out);
    case Op::WithExitExc: return classify_with(m, m.peek(1), false, out);
    default: return false;
    }
}

} // namespace rc
