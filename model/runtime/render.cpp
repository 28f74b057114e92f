// Human-readable descriptions of values, threads, waits and events, for traces and reports.
// Rendering never changes the state (repr/str of existing objects allocate nothing).
#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

/// Rendering reuses Machine's semantics on a state it promises not to modify; it never raises.
Machine viewer(const Interpreter& in, const State& s) {
    Machine m(in, const_cast<State&>(s), ThreadId(0));
    m.rendering = true;
    m.render_short = true;
    return m;
}

std::string kind_label(const State& s, ObjectId o) {
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, LockObj>) return "Lock";
            else if constexpr (std::is_same_v<T, RLockObj>) return "RLock";
            else if constexpr (std::is_same_v<T, ConditionObj>) return "Condition";
            else if constexpr (std::is_same_v<T, SemaphoreObj>) return x.bounded ? "BoundedSemaphore" : "Semaphore";
            else if constexpr (std::is_same_v<T, EventObj>) return "Event";
            else if constexpr (std::is_same_v<T, BarrierObj>) return "Barrier";
            else if constexpr (std::is_same_v<T, QueueObj>)
                return x.simple                               ? "SimpleQueue"
                       : x.order == QueueObj::Order::Lifo     ? "LifoQueue"
                       : x.order == QueueObj::Order::Priority ? "PriorityQueue"
                                                              : "Queue";
            else if constexpr (std::is_same_v<T, ListObj>) return "list";
            else if constexpr (std::is_same_v<T, DictObj>) return "dict";
            else if constexpr (std::is_same_v<T, ThreadObj>) return "Thread";
            else if constexpr (std::is_same_v<T, FutureObj>) return "Future";
            else if constexpr (std::is_same_v<T, ExecutorObj>) return "ThreadPoolExecutor";
            else if constexpr (std::is_same_v<T, GeneratorObj>) return "generator";
            else return "object";
        },
        s.heap[o.value].data);
}

} // namespace

std::string Interpreter::repr(const State& s, Value v) const {
    Machine m = viewer(*this, s);
    std::string text = m.repr(v);
    return m.render_cut ? text + "…" : text;
}
std::string Interpreter::str(const State& s, Value v) const {
    Machine m = viewer(*this, s);
    std::string text = m.str(v);
    return m.render_cut ? text + "…" : text;
}

std::string Interpreter::thread_name(const State& s, ThreadId t) const {
    return std::string(thread_name_view(s, t));
}

std::string_view Interpreter::thread_name_view(const State& s, ThreadId t) const {
    if (!t.valid() || t.value >= s.threads.size()) return "?";
    return std::get<ThreadObj>(s.heap[s.thread(t).thread_obj.value].data).name;
}

bool Interpreter::is_daemon(const State& s, ThreadId t) const {
    return std::get<ThreadObj>(s.heap[s.thread(t).thread_obj.value].data).daemon;
}

std::string Interpreter::exception_text(const State& s, Value exc) const {
    Machine m = viewer(*this, s);
    auto* e = m.get<ExceptionObj>(exc);
    if (!e) return m.repr(exc);
    std::string msg = m.str(exc);
    std::string name = e->cls.valid() ? m.type_name(exc) : std::string(builtin_name(e->type));
    return msg.empty() ? name : name + ": " + msg;
}

std::string Interpreter::traceback_text(const State& s, Value exc) const {
    Machine m = viewer(*this, s);
    auto* e = m.get<ExceptionObj>(exc);
    if (!e) return m.repr(exc);
    std::string msg = m.str(exc);
    // CPython's traceback names a class of __main__ without its module
    std::string name = e->cls.valid() ? m.type_name(exc) : std::string(builtin_qualname(e->type));
    return (msg.empty() ? name : name + ": " + msg) + e->suggestion;
}

bool Interpreter::is_loop_target(size_t global) const {
    return global < tables_->loop_target.size() && tables_->loop_target[global];
}

std::string Interpreter::object_label(const State& s, ObjectId o) const {
    Machine m = viewer(*this, s);
    // A module-level loop variable names the object last: the main thread may have run on,
    // unseen, to its next loop (`for d in ds: d.join()`), and `d` then names another object than
    // the one the code just started; `ds[0]` does not change.
    auto loop_target = [&](size_t g) { return is_loop_target(g); };
    for (size_t g = 0; g < s.globals.size(); ++g) {
        Value v = s.globals[g];
        if (v.tag != VTag::Obj || loop_target(g)) continue;
        if (v.ref == o.value) return "`" + program_.globals[g].name + "`";
    }
    for (size_t g = 0; g < s.globals.size(); ++g) {
        Value v = s.globals[g];
        const std::vector<Value>* items = nullptr;
        if (auto* l = m.get<ListObj>(v)) items = &l->items;
        else if (auto* t = m.get<TupleObj>(v)) items = &t->items;
        if (items) {
            for (size_t i = 0; i < items->size(); ++i)
                if ((*items)[i].tag == VTag::Obj && (*items)[i].ref == o.value)
                    return "`" + program_.globals[g].name + "[" + std::to_string(i) + "]`";
        }
        if (auto* c = m.get<ConditionObj>(v); c && c->lock == o)
            return "of Condition `" + program_.globals[g].name + "`";
    }
    // An attribute of an object a global holds (`account.lock`), or of one in a global list.
    auto in_attrs = [&](Value holder, const std::string& path) -> std::string {
        const AttrList* attrs = nullptr;
        if (auto* i = m.get<InstanceObj>(holder)) attrs = &i->attrs;
        else if (auto* c = m.get<ClassObj>(holder)) attrs = &c->attrs;
        if (!attrs) return "";
        for (const auto& [n, x] : *attrs)
            if (x.tag == VTag::Obj && x.ref == o.value) return "`" + path + "." + program_.name_of(n) + "`";
        return "";
    };
    for (size_t g = 0; g < s.globals.size(); ++g) {
        Value v = s.globals[g];
        if (loop_target(g)) continue;
        if (std::string l = in_attrs(v, program_.globals[g].name); !l.empty()) return l;
        const std::vector<Value>* items = nullptr;
        if (auto* l = m.get<ListObj>(v)) items = &l->items;
        else if (auto* t = m.get<TupleObj>(v)) items = &t->items;
        if (!items) continue;
        for (size_t i = 0; i < items->size() && i < 64; ++i)
            if (std::string l = in_attrs((*items)[i], program_.globals[g].name + "[" + std::to_string(i) + "]");
                !l.empty())
                return l;
    }
    for (size_t g = 0; g < s.globals.size(); ++g) {
        if (!loop_target(g)) continue;
        if (s.globals[g].tag == VTag::Obj && s.globals[g].ref == o.value)
            return "`" + program_.globals[g].name + "`";
        if (std::string l = in_attrs(s.globals[g], program_.globals[g].name); !l.empty()) return l;
    }
    if (auto* i = m.get<InstanceObj>(Value::object(o)))
        return m.get<ClassObj>(Value::object(i->cls))->name + " object #" + std::to_string(o.value) +
               " (created at line " + std::to_string(i->line) + ")";
    return "#" + std::to_string(o.value);
}

std::vector<std::pair<std::string, std::string>> Interpreter::data_values(const State& s) const {
    auto is_data = [&](Value v) {
        switch (v.tag) {
        case VTag::None:
        case VTag::Bool:
        case VTag::Int:
        case VTag::Float: return true;
        case VTag::Obj: {
            const auto& d = s.object(v.obj()).data;
            return std::holds_alternative<StrObj>(d) || std::holds_alternative<TupleObj>(d) ||
                   std::holds_alternative<ListObj>(d) || std::holds_alternative<DictObj>(d);
        }
        default: return false;
        }
    };
    std::vector<std::pair<std::string, std::string>> out;
    for (size_t g = 0; g < program_.globals.size() && g < s.globals.size(); ++g) {
        const Value v = s.globals[g];
        if (program_.globals[g].is_param) continue;
        if (is_data(v)) {
            out.emplace_back(program_.globals[g].name, repr(s, v));
            continue;
        }
        if (v.tag != VTag::Obj) continue;
        const AttrList* attrs = nullptr;
        if (auto* i = std::get_if<InstanceObj>(&s.object(v.obj()).data)) attrs = &i->attrs;
        else if (auto* c = std::get_if<ClassObj>(&s.object(v.obj()).data)) attrs = &c->attrs;
        if (!attrs) continue;
        for (const auto& [name, value] : *attrs)
            if (is_data(value))
                out.emplace_back(program_.globals[g].name + "." + program_.name_of(name), repr(s, value));
    }
    return out;
}

std::string Interpreter::item_label(const State& s, ObjectId o, int64_t elem, uint64_t item) const {
    Machine m = viewer(*this, s);
    std::string base = object_label(s, o);
    if (base.size() >= 2 && base.front() == '`' && base.back() == '`') base = base.substr(1, base.size() - 2);
    std::string key = "<a key no longer in it>";
    if (elem >= 0) {
        key = std::to_string(elem);
    } else if (auto* d = m.get<DictObj>(Value::object(o))) {
        const std::vector<std::pair<Value, Value>> items = d->items;
        for (const auto& kv : items)
            if (m.item_key(Value::object(o), kv.first) == (item & ~kItemReadToo)) {
                key = m.repr(kv.first);
                break;
            }
    }
    return base + "[" + key + "]";
}

std::string Interpreter::attribute_label(const State& s, ObjectId o, NameId name) const {
    Machine m = viewer(*this, s);
    const std::string& attr = program_.name_of(name);
    if (auto* c = m.get<CellObj>(Value::object(o))) { // a closure variable: its function names it
        const CodeObject& code = program_.code[c->owner.value];
        return attr + " (a variable of " + (code.qualname.empty() ? code.name : code.qualname) + ", line " +
               std::to_string(program_.file_line(c->line)) + ")";
    }
    // A module-level loop variable names the object last (see object_label).
    for (int pass = 0; pass < 2; ++pass) {
        for (size_t g = 0; g < s.globals.size(); ++g) {
            Value v = s.globals[g];
            if (is_loop_target(g) == (pass == 0)) continue;
            if (v.tag == VTag::Obj && v.ref == o.value) return program_.globals[g].name + "." + attr;
        }
        if (pass == 1) break;
        for (size_t g = 0; g < s.globals.size(); ++g) {
            const std::vector<Value>* items = nullptr;
            if (auto* l = m.get<ListObj>(s.globals[g])) items = &l->items;
            else if (auto* t = m.get<TupleObj>(s.globals[g])) items = &t->items;
            if (!items) continue;
            for (size_t i = 0; i < items->size(); ++i)
                if ((*items)[i].tag == VTag::Obj && (*items)[i].ref == o.value)
                    return program_.globals[g].name + "[" + std::to_string(i) + "]." + attr;
        }
    }
    if (auto* c = m.get<ClassObj>(Value::object(o))) return c->name + "." + attr;
    if (ObjectId cls = m.class_of(Value::object(o)); cls.valid()) {
        uint32_t line = 0;
        if (auto* i = m.get<InstanceObj>(Value::object(o))) line = i->line;
        else line = m.get<ExceptionObj>(Value::object(o))->line;
        return m.get<ClassObj>(Value::object(cls))->name + "." + attr + " of the object created at line " +
               std::to_string(program_.file_line(line));
    }
    return "#" + std::to_string(o.value) + "." + attr;
}

std::string Interpreter::describe_pending(const State& s, ThreadId t) const {
    const ThreadState& th = s.thread(t);
    const PendingOp& op = th.pending;
    std::string verb(op_kind_verb(op.kind));
    switch (op.kind) {
    case OpKind::GlobalRead:
    case OpKind::GlobalWrite: return verb + " " + program_.name_of(op.var);
    case OpKind::AttrRead:
    case OpKind::AttrWrite: return verb + " " + attribute_label(s, op.obj, op.method);
    case OpKind::ProgramExit: return "exit (waits for non-daemon threads)";
    case OpKind::ThreadEnd: return "end";
    case OpKind::ThreadCount: return "read the live threads";
    case OpKind::Sleep: return "sleep";
    case OpKind::Print: return "print";
    default: break;
    }
    if (!op.obj.valid()) return verb;
    std::string what = kind_label(s, op.obj) + " " + object_label(s, op.obj);
    if (std::holds_alternative<GeneratorObj>(s.heap[op.obj.value].data)) // its frame is this thread's: leave
        return (!th.frames.empty() && th.frames.back().generator == op.obj ? "leave " : "enter ") + what;
    if (op.method.valid() && (op.kind == OpKind::ContainerRead || op.kind == OpKind::ContainerWrite))
        return verb + " " + what + " (." + program_.name_of(op.method) + ")";
    return verb + " " + what;
}

std::string Interpreter::describe_wait(const State& s, ThreadId t,
                                       const std::function<uint32_t(uint32_t)>& display_line) const {
    auto shown = [&](uint32_t line) { return std::to_string(display_line ? display_line(line) : line); };
    const ThreadState& th = s.thread(t);
    const PendingOp& op = th.pending;
    Machine m = viewer(*this, s);
    auto label = [&](ObjectId o) { return kind_label(s, o) + " " + object_label(s, o); };
    auto held = [&](ThreadId owner, uint32_t line) {
        // A thread that ended while holding the lock (a return or an exception before release)
        // holds it for ever: say so.
        const bool ended = owner.valid() && owner.value < s.threads.size() &&
                           s.thread(owner).status == ThreadStatus::Finished;
        return " held by " + thread_name(s, owner) + (ended ? ", which ended without releasing it," : "") +
               " since line " + shown(line);
    };
    auto holder = [&](ObjectId lock) -> std::string {
        if (auto* l = m.get<LockObj>(Value::object(lock)); l && l->locked) return held(l->owner, l->acquired_line);
        if (auto* r = m.get<RLockObj>(Value::object(lock)); r && r->count) return held(r->owner, r->acquired_line);
        return "";
    };
    switch (op.kind) {
    case OpKind::LockAcquire: return "waits to acquire " + label(op.obj) + holder(op.obj);
    case OpKind::CondWake: {
        auto* c = m.get<ConditionObj>(Value::object(th.wait.obj));
        if (!th.wait.notified && !th.wait.timed_out)
            return "waits on " + label(th.wait.obj) + " for a notify that never comes";
        return "waits to re-acquire the lock of " + label(th.wait.obj) + holder(c->lock);
    }
    case OpKind::SemAcquire: return "waits to acquire " + label(op.obj) + " (value 0)";
    case OpKind::EventWait: return "waits for " + label(op.obj) + " to be set";
    case OpKind::BarrierLeave: {
        auto* b = m.get<BarrierObj>(Value::object(th.wait.obj));
        return "waits at " + label(th.wait.obj) + " (" + std::to_string(b->waiting) + " of " +
               std::to_string(b->parties) + " arrived)";
    }
    case OpKind::QueueGet: return "waits to get from empty " + label(op.obj);
    case OpKind::QueuePut: return "waits to put into full " + label(op.obj);
    case OpKind::QueueJoin: {
        auto* q = m.get<QueueObj>(Value::object(op.obj));
        return "waits in " + label(op.obj) + ".join() with " + std::to_string(q->unfinished) +
               " task(s) never marked task_done()";
    }
    case OpKind::ThreadJoin: {
        auto* to = m.get<ThreadObj>(Value::object(op.obj));
        return "waits to join " + (to ? to->name : std::string("?"));
    }
    case OpKind::FutureResult: return "waits for the result of a Future";
    case OpKind::PoolNext: return "idle pool worker waits for work";
    case OpKind::PoolJoin: return "waits for the pool's workers to exit";
    case OpKind::AsCompletedNext:
        if (!th.frames.empty() && th.frames.back().code == m.prog.prelude.futures_wait)
            return "waits in concurrent.futures.wait() for a future to finish";
        return "waits in as_completed() for a future to finish";
    case OpKind::ProgramExit: {
        std::string names;
        for (const ThreadState& o : s.threads) {
            if (o.id == t || o.status == ThreadStatus::Finished || is_daemon(s, o.id)) continue;
            if (!names.empty()) names += ", ";
            names += thread_name(s, o.id);
        }
        return "finished its code; waits for non-daemon threads to end (" + names + ")";
    }
    default: return "waits to " + describe_pending(s, t);
    }
}

std::string Interpreter::describe_event(const State& s, const Event& e) const {
    std::string verb(op_kind_verb(e.kind));
    auto label = [&](ObjectId o) { return kind_label(s, o) + " " + object_label(s, o); };
    switch (e.kind) {
    case OpKind::GlobalRead: return "read  " + program_.name_of(e.var) + " → " + repr(s, e.value);
    case OpKind::GlobalWrite:
        return "write " + program_.name_of(e.var) + " = " + (e.value.is_unbound() ? std::string("<deleted>") : repr(s, e.value));
    case OpKind::AttrRead: return "read  " + attribute_label(s, e.obj, e.method) + " → " + repr(s, e.value);
    case OpKind::AttrWrite: return "write " + attribute_label(s, e.obj, e.method) + " = " + repr(s, e.value);
    case OpKind::ContainerRead:
    case OpKind::ContainerWrite: {
        if (auto* g = e.obj.valid() ? std::get_if<GeneratorObj>(&s.heap[e.obj.value].data) : nullptr)
            return (g->status == GeneratorObj::Status::Running ? "enter " : "leave ") + label(e.obj);
        std::string out = std::string(e.kind == OpKind::ContainerRead ? "read  " : "write ") + label(e.obj);
        if (e.method.valid()) out += " ." + program_.name_of(e.method) + "()";
        return out;
    }
    case OpKind::Print: { // one write of a print: an argument, a separator or the end
        std::string text;
        for (char c : e.value.is_obj() ? str(s, e.value) : std::string()) text += c == '\n' ? std::string("\\n") : std::string(1, c);
        return "print \"" + text + "\"";
    }
    case OpKind::Choose: return e.timed_out ? "choose the next" : "choose this one";
    case OpKind::ThreadStart: return "start " + thread_name(s, e.other);
    case OpKind::ThreadJoin:
        return (e.timed_out ? "join (timed out) " : "join ") + thread_name(s, e.other);
    case OpKind::QueuePut: return "put " + repr(s, e.value) + " into " + label(e.obj);
    case OpKind::QueueGet:
        if (e.timed_out) return "get from " + label(e.obj) + " timed out";
        if (e.raised) return "get from " + label(e.obj) + " (raised)"; // empty, or a bad argument
        return "get " + repr(s, e.value) + " from " + label(e.obj);
    case OpKind::ProgramExit: return "exit";
    case OpKind::ThreadEnd: return "end";
    case OpKind::ThreadCount:
        return e.value.tag == VTag::Int ? "active_count() → " + std::to_string(e.value.i) : "enumerate()";
    case OpKind::Sleep: return "sleep";
    case OpKind::BarrierArrive: // no method: the end of the barrier's action (_rc_barrier_open)
        if (!e.method.valid()) {
            auto* b = e.obj.valid() ? std::get_if<BarrierObj>(&s.heap[e.obj.value].data) : nullptr;
            return (b && b->broken ? "break " : "open ") + label(e.obj) + " (its action ended)";
        }
        break;
    case OpKind::FutureFinish:
        if (e.method == NameId(static_cast<uint32_t>(KnownName::add_done_callback)))
            return "add_done_callback to " + label(e.obj);
        break;
    default: break;
    }
    std::string out = verb + " " + (e.obj.valid() ? label(e.obj) : std::string());
    if (e.timed_out) out += " (timed out)";
    if (e.raised) out += " (raised)";
    if (e.kind == OpKind::LockAcquire && e.value.tag == VTag::Bool && !e.value.i) out += " → False";
    return out;
}

} // namespace rc

namespace rc {

namespace {

/// "1 GiB", "64 MiB", "1000 bytes".
std::string bytes_text(uint64_t n) {
    if (n >= (uint64_t{1} << 30) && n % (uint64_t{1} << 30) == 0)
        return std::to_string(n >> 30) + " GiB";
    if (n >= (uint64_t{1} << 20) && n % (uint64_t{1} << 20) == 0)
        return std::to_string(n >> 20) + " MiB";
    return std::to_string(n) + " bytes";
}

} // namespace

std::string Interpreter::describe_limit(const State& s,
                                        const std::function<uint32_t(uint32_t)>& display_line) const {
    const LimitHit& h = s.limit;
    std::string at;
    if (h.line != 0) at = " at line " + std::to_string(display_line ? display_line(h.line) : h.line);
    switch (h.kind) {
    case LimitHit::Kind::None: return "";
    case LimitHit::Kind::Memory: return "the program's memory passed " + bytes_text(h.limit) + at;
    case LimitHit::Kind::String:
        return "the program built a string longer than " + bytes_text(h.limit) + at;
    case LimitHit::Kind::Threads:
        return "the program started more than " + std::to_string(h.limit) + " threads" + at;
    case LimitHit::Kind::Instructions:
        return (h.thread.valid() && h.thread.value < s.threads.size() ? thread_name(s, h.thread) : "a thread") +
               " ran " + std::to_string(h.limit) + " instructions without a visible operation" + at +
               ", and no state of it repeated";
    case LimitHit::Kind::Stopped:
        return (h.thread.valid() && h.thread.value < s.threads.size() ? thread_name(s, h.thread) : "a thread") +
               " was stopped by the search after " + std::to_string(h.limit) +
               " instructions without a visible operation" + at;
    }
    return "";
}

} // namespace rc
