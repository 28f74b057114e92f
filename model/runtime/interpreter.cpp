// The interpreter's public face: initial state, stepping, enabledness, checks.
#include "model/runtime/interpreter.hpp"

#include <algorithm> // all_of

#include "model/runtime/choice.hpp" // ForcedContinuation
#include "model/runtime/machine.hpp" // Machine, classify, run_on, pending_enabled
#include "model/threading/thread_pool.hpp" // drop_map_results

namespace rc {

namespace {
constexpr std::string_view kOpNames[] = {
#define RC_X(e, s) #e,
    RC_OP_KINDS(RC_X)
#undef RC_X
};
constexpr std::string_view kOpVerbs[] = {
#define RC_X(e, s) s,
    RC_OP_KINDS(RC_X)
#undef RC_X
};
/// Instructions that change nothing of the state but the evaluating thread's frame and new
/// heap objects (Interpreter::evaluate runs checks made only of these in place).
bool appends_only(const Instr& in) {
    switch (in.op) {
    case Op::Nop: case Op::LoadConst: case Op::LoadLocal: case Op::StoreLocal:
    case Op::DeleteLocal: case Op::LoadGlobal: case Op::LoadBuiltin: case Op::LoadAttr:
    case Op::LoadSubscr: case Op::BuildSlice: case Op::Unary: case Op::Compare: case Op::Jump:
    case Op::PopJumpIfFalse: case Op::PopJumpIfTrue: case Op::JumpIfFalseOrPop:
    case Op::JumpIfTrueOrPop: case Op::Pop: case Op::Dup: case Op::DupTwo: case Op::Rot2:
    case Op::Rot3: case Op::BuildList: case Op::BuildTuple: case Op::BuildDict:
    case Op::FormatValue: case Op::BuildString: case Op::Return: return true;
    case Op::Binary: return in.a == 0; // `+=` on a list extends it in place
    default: return false;
    }
}

} // namespace

std::string_view op_kind_name(OpKind k) { return kOpNames[static_cast<size_t>(k)]; }
std::string_view op_kind_verb(OpKind k) { return kOpVerbs[static_cast<size_t>(k)]; }

Interpreter::Interpreter(const Program& program, Limits limits)
    : program_(program), limits_(limits), tables_(std::make_unique<InterpreterTables>()) {
    tables_->loop_target.assign(program_.globals.size(), false);
    if (!program_.code.empty()) { // ForIter, then the targets: `for x in`, `for a, b in`
        const std::vector<Instr>& body = program_.code[0].code;
        for (size_t i = 0; i < body.size(); ++i) {
            if (body[i].op != Op::ForIter) continue;
            size_t j = i + 1;
            if (j < body.size() && body[j].op == Op::UnpackSequence) ++j;
            for (; j < body.size() && body[j].op == Op::StoreGlobal; ++j)
                if (body[j].a < tables_->loop_target.size()) tables_->loop_target[body[j].a] = true;
        }
    }
    tables_->module_members.resize(program_.names.size());
    for (size_t n = 0; n < program_.names.size(); ++n) {
        for (size_t mod = 0; mod < static_cast<size_t>(ModuleId::Count); ++mod) {
            auto b = module_member(static_cast<ModuleId>(mod), program_.names[n]);
            tables_->module_members[n][mod] = b ? static_cast<uint16_t>(static_cast<uint16_t>(*b) + 1) : 0;
        }
    }
    // A class's special methods and property getters run Python code from instructions that are
    // otherwise only reads (obj[k], a == b, obj.prop): with any of them in the program, a check
    // runs on a copy of the state, so that what such code writes cannot change the state it
    // checks (an always-check runs between the program's steps).
    // A defaultdict's missing key read by a check (`counts['x'] == 2`) inserts it: that check
    // must not run on the state itself either. (Such a builtin is loaded by name, or bound by an
    // import as a constant.)
    auto writes_on_read = [](BuiltinId b) { return b == BuiltinId::Property || b == BuiltinId::Defaultdict; };
    bool user_hooks = false;
    for (const CodeObject& c : program_.code) {
        const bool dunder = c.name.size() > 4 && c.name.rfind("__", 0) == 0 &&
                            c.name.compare(c.name.size() - 2, 2, "__") == 0 && c.name != "__init__";
        user_hooks = user_hooks || dunder;
        for (const Instr& in : c.code)
            user_hooks = user_hooks || (in.op == Op::LoadBuiltin && writes_on_read(static_cast<BuiltinId>(in.a)));
    }
    for (const Constant& k : program_.constants)
        if (auto* b = std::get_if<BuiltinId>(&k); b && writes_on_read(*b)) user_hooks = true;
    for (const CodeObject& c : program_.code)
        tables_->append_only.push_back(!user_hooks && std::all_of(c.code.begin(), c.code.end(), appends_only));
    auto clock_name = [](const std::string& n) {
        return n == "time" || n == "monotonic" || n == "perf_counter" || n == "strftime" || n == "ctime" ||
               n == "localtime" || n == "gmtime";
    };
    bool& clock = tables_->reads_clock;
    for (const CodeObject& c : program_.code)
        for (const Instr& in : c.code) {
            if (in.op == Op::LoadAttr && clock_name(program_.names[in.a])) clock = true;
            if (in.op == Op::LoadBuiltin) {
                auto b = static_cast<BuiltinId>(in.a);
                if (b == BuiltinId::Time || b == BuiltinId::Monotonic || b == BuiltinId::PerfCounter ||
                    b == BuiltinId::TimeStrftime || b == BuiltinId::TimeCtime || b == BuiltinId::TimeLocaltime ||
                    b == BuiltinId::TimeGmtime)
                    clock = true;
            }
        }
    for (const GlobalInfo& g : program_.globals)
        if (g.name == "monotonic" || g.name == "perf_counter" || g.name == "strftime" || g.name == "ctime" ||
            g.name == "localtime" || g.name == "gmtime")
            clock = true;
    for (uint32_t c : program_.string_constants) // getattr(time, "monotonic")
        if (clock_name(std::get<std::string>(program_.constants[c]))) clock = true;
    tables_->thread_end_steps = observes_thread_ends(program_);
}

bool Interpreter::reads_clock() const { return tables_->reads_clock; }
bool Interpreter::thread_end_steps() const { return tables_->thread_end_steps; }

Choice ForcedContinuation::next(const Interpreter& in, const State& s, std::vector<ThreadId>& ready) {
    in.schedulable(s, ready);
    RC_CHECK(!ready.empty(), "a forced continuation with no schedulable thread");
    Choice c{ready.front(), true};
    if (last_.valid() && run_ < kQuantum && in.is_enabled(s, last_)) {
        c = Choice{last_, false};
    } else {
        size_t start = 0; // the first thread after `last`, in id order
        while (last_.valid() && start < ready.size() && ready[start].value <= last_.value) ++start;
        for (size_t k = 0; k < ready.size(); ++k) {
            const ThreadId t = ready[(start + k) % ready.size()];
            if (in.is_enabled(s, t)) {
                c = Choice{t, false};
                break;
            }
        }
    }
    run_ = c.thread == last_ ? run_ + 1 : 1;
    last_ = c.thread;
    return c;
}

bool observes_thread_ends(const Program& p) {
    auto observer = [](const std::string& n) {
        return n == "is_alive" || n == "isAlive" || n == "active_count" || n == "activeCount" ||
               n == "_active";
    };
    auto observer_builtin = [](BuiltinId b) {
        return b == BuiltinId::ActiveCount || b == BuiltinId::ThreadingEnumerate;
    };
    for (const CodeObject& c : p.code)
        for (const Instr& in : c.code) {
            // `enumerate` as an attribute is threading.enumerate (the builtin is a LoadBuiltin)
            if (in.op == Op::LoadAttr && (observer(p.names[in.a]) || p.names[in.a] == "enumerate")) return true;
            if (in.op == Op::LoadBuiltin && observer_builtin(static_cast<BuiltinId>(in.a))) return true;
        }
    for (const Constant& k : p.constants) // `from threading import active_count, enumerate`
        if (auto* b = std::get_if<BuiltinId>(&k); b && observer_builtin(*b)) return true;
    for (const GlobalInfo& g : p.globals)
        if (observer(g.name)) return true;
    for (uint32_t c : p.string_constants) // getattr(t, "is_alive")
        if (observer(std::get<std::string>(p.constants[c]))) return true;
    return false;
}

Interpreter::~Interpreter() = default;

Machine::Machine(const Interpreter& in, State& s, ThreadId t)
    : interp(in), prog(in.program()), tables(*in.tables_), st(s), tid(t) {}

State Interpreter::initial_state(const std::vector<int64_t>& params) const {
    State s;
    s.globals.assign(program_.globals.size(), Value::unbound());
    RC_CHECK(params.size() == program_.params.size(), "param count mismatch");
    for (size_t i = 0; i < params.size(); ++i) s.globals[program_.params[i].value] = Value::integer(params[i]);
    for (uint32_t c : program_.string_constants) {
        s.heap.push_back(Object{StrObj{std::get<std::string>(program_.constants[c])}});
        s.heap.back().shared = true; // immutable; never a container
        s.memory += object_bytes(s.heap.back()); // bounded by the code's size
    }
    ThreadObj main;
    main.name = "MainThread";
    main.started = true;
    main.tid = ThreadId(0);
    s.heap.push_back(Object{std::move(main)});
    ThreadState ts;
    ts.id = ThreadId(0);
    ts.thread_obj = ObjectId(static_cast<uint32_t>(s.heap.size() - 1));
    ts.status = ThreadStatus::Running;
    s.threads.push_back(std::move(ts));
    s.live_threads.push_back(ThreadId(0));
    Machine m(*this, s, ThreadId(0));
    try {
        Value module = Value::object(m.alloc(Object{FunctionObj{FuncId(0), {}, {}, Value()}}));
        m.push_frame(module, Args{}, 0);
        run_on(m);
    } catch (const LimitExceeded& e) {
        s.limit = e.hit;
    }
    return s;
}

bool Interpreter::is_enabled(const State& s, ThreadId t) const { return pending_enabled(*this, s, t); }

PendingOp Interpreter::resolved_pending(const State& s, ThreadId t) const {
    PendingOp op = s.thread(t).pending;
    auto object = [&](ObjectId o) -> const Object* {
        return o.valid() && o.value < s.heap.size() ? &s.heap[o.value] : nullptr;
    };
    switch (op.kind) {
    case OpKind::CondWait:
    case OpKind::CondWake:
        if (const Object* o = object(op.obj))
            if (auto* c = std::get_if<ConditionObj>(&o->data)) op.lock = c->lock;
        break;
    case OpKind::ThreadStart:
    case OpKind::ThreadJoin:
    case OpKind::ThreadQuery:
        if (const Object* o = object(op.obj))
            if (auto* th = std::get_if<ThreadObj>(&o->data); th && th->started) op.other = th->tid;
        break;
    default: break;
    }
    return op;
}

bool Interpreter::can_time_out(const State& s, ThreadId t) const {
    const ThreadState& th = s.thread(t);
    if (th.status != ThreadStatus::Running) return false;
    if (th.pending.kind == OpKind::Choose) return true; // the other branch of the choice
    if (!th.pending.timed) return false;
    if (th.pending.kind == OpKind::CondWake) return !th.wait.notified && !th.wait.timed_out;
    return !is_enabled(s, t);
}

void Interpreter::schedulable(const State& s, std::vector<ThreadId>& out) const {
    out.clear();
    if (s.ended || s.limit || s.refusal) return;
    for (ThreadId t : s.live_threads) {
        if (s.thread(t).status != ThreadStatus::Running) continue;
        if (is_enabled(s, t) || can_time_out(s, t)) out.push_back(t);
    }
}

RunStatus Interpreter::status(const State& s) const {
    if (s.refusal) return RunStatus::Refused;
    if (s.ended) return RunStatus::Ended;
    if (s.limit) return RunStatus::Limit;
    bool any = false;
    for (ThreadId id : s.live_threads) {
        const ThreadState& t = s.thread(id);
        if (t.status == ThreadStatus::Diverged) return RunStatus::Diverged;
        if (t.status == ThreadStatus::Running && (is_enabled(s, id) || can_time_out(s, id))) any = true;
    }
    return any ? RunStatus::Running : RunStatus::Blocked;
}

Event Interpreter::step(State& s, ThreadId t, bool timeout, const std::function<bool()>* stop) const {
    ThreadState& th = s.thread(t);
    RC_CHECK(th.status == ThreadStatus::Running, "step on a thread that is not running");
    RC_CHECK(!s.limit, "step after a limit stopped the execution");
    RC_CHECK(timeout ? can_time_out(s, t) : is_enabled(s, t), "step on a disabled operation");
    Event ev;
    ev.thread = t;
    ev.kind = th.pending.kind;
    ev.line = th.pending.line;
    ev.var = th.pending.var;
    ev.obj = th.pending.obj;
    ev.method = th.pending.method;
    ev.elem = th.pending.elem;
    ev.timed_out = timeout;
    const uint32_t names_before = s.thread_name_counter + s.executor_counter;
    s.steps++;
    if (ev.kind == OpKind::ProgramExit) {
        s.ended = true;
        s.finish_thread(t);
        return ev;
    }
    if (ev.kind == OpKind::ThreadEnd) {
        s.finish_thread(t);
        ev.thread_ended = true;
        return ev;
    }
    Machine m(*this, s, t);
    m.event = &ev;
    m.step_event = &ev;
    m.timeout = timeout;
    m.stop = stop;
    try {
        try {
            if (m.th().wait.kind != Wait::Kind::None) m.finish_wait();
            else execute(m);
        } catch (PyRaise& r) {
            ev.raised = true;
            unwind(m, r.exc);
        } catch (PyUnsupported& u) {
            m.refuse(u);
        }
        m.event = nullptr;
        m.timeout = false;
        run_on(m);
        ev.cancelled_futures = drop_map_results(m); // may run on into a dropped iterator's finally
    } catch (const LimitExceeded& e) {
        s.limit = e.hit; // the execution stops here, whatever the operation had done
        return ev;
    }
    if (m.th().status == ThreadStatus::Finished) ev.thread_ended = true; // without ThreadEnd steps
    ev.took_name = s.thread_name_counter + s.executor_counter != names_before;
    return ev;
}

CheckValue Interpreter::evaluate(const State& s, FuncId check) const {
    if (!tables_->append_only[check.value]) {
        State copy = s;
        return evaluate_on(copy, check);
    }
    // A check that only reads (`counter == N`, the usual kind) runs on the state itself and is
    // undone: it appended heap objects and a thread, and may have charged memory. This keeps an
    // always-check per step proportional to its own work, not to the size of the heap.
    State& in_place = const_cast<State&>(s);
    const size_t heap = s.heap.size(), threads = s.threads.size();
    const uint64_t memory = s.memory;
    const bool ended = s.ended;
    const LimitHit limit = s.limit;
    const std::optional<Refusal> refusal = s.refusal;
    CheckValue out = evaluate_on(in_place, check);
    in_place.heap.resize(heap);
    in_place.threads.resize(threads);
    in_place.memory = memory;
    in_place.ended = ended;
    in_place.limit = limit;
    in_place.refusal = refusal;
    return out;
}

CheckValue Interpreter::evaluate_on(State& copy, FuncId check) const {
    copy.ended = false;
    ThreadState ts;
    ts.id = ThreadId(static_cast<uint32_t>(copy.threads.size()));
    ts.thread_obj = copy.threads[0].thread_obj;
    ts.status = ThreadStatus::Running;
    copy.threads.push_back(std::move(ts));
    Machine m(*this, copy, ThreadId(static_cast<uint32_t>(copy.threads.size() - 1)));
    CheckValue out;
    try {
        m.push_frame(Value::object(m.alloc(Object{FunctionObj{check, {}, {}, Value()}})), Args{}, 0);
        uint64_t budget = limits_.max_local_instructions;
        while (!m.th().frames.empty()) {
            if (budget-- == 0) {
                out.cut = true;
                out.repr = "the check ran " + std::to_string(limits_.max_local_instructions) +
                           " instructions without returning";
                return out;
            }
            PendingOp p;
            if (classify(m, &p)) {
                m.th().pending = p;
                if (!pending_enabled(*this, copy, m.tid)) {
                    out.repr = "the check would block (" + std::string(op_kind_verb(p.kind)) + ")";
                    return out;
                }
            }
            const Instr& in = m.code().code[m.frame().pc];
            if (in.op == Op::Return && m.th().frames.size() == 1) {
                Value v = m.pop();
                out.ok = true;
                out.truthy = m.truthy(v);
                out.repr = m.repr(v);
                return out;
            }
            execute(m);
        }
    } catch (PyRaise& r) {
        out.repr = exception_text(copy, r.exc);
        auto* e = std::get_if<ExceptionObj>(&copy.heap[r.exc.ref].data);
        out.name_error = e && exception_matches(e->type, BuiltinId::NameError);
        return out;
    } catch (const LimitExceeded& e) {
        copy.limit = e.hit;
        out.repr = "the check stopped at a limit: " + describe_limit(copy);
    } catch (PyUnsupported& u) {
        out.repr = "unsupported: " + u.what;
        out.refused = true;
        return out;
    }
    out.repr = "check ended without a value";
    return out;
}

} // namespace rc
