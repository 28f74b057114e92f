// The interpreter's public face: initial state, stepping, enabledness, checks.
#include "model/runtime/interpreter.hpp"

#include "model/runtime/machine.hpp" // Machine, classify, run_on, pending_enabled

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
} // namespace

std::string_view op_kind_name(OpKind k) { return kOpNames[static_cast<size_t>(k)]; }
std::string_view op_kind_verb(OpKind k) { return kOpVerbs[static_cast<size_t>(k)]; }

Interpreter::Interpreter(const Program& program, Limits limits)
    : program_(program), limits_(limits), tables_(std::make_unique<InterpreterTables>()) {
    tables_->module_members.resize(program_.names.size());
    for (size_t n = 0; n < program_.names.size(); ++n) {
        for (size_t mod = 0; mod < static_cast<size_t>(ModuleId::Count); ++mod) {
            auto b = module_member(static_cast<ModuleId>(mod), program_.names[n]);
            tables_->module_members[n][mod] = b ? static_cast<uint16_t>(static_cast<uint16_t>(*b) + 1) : 0;
        }
    }
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
    Machine m(*this, s, ThreadId(0));
    Value module = Value::object(m.alloc(Object{FunctionObj{FuncId(0), {}}}));
    m.push_frame(module, Args{}, 0);
    run_on(m);
    return s;
}

bool Interpreter::is_enabled(const State& s, ThreadId t) const { return pending_enabled(*this, s, t); }

bool Interpreter::can_time_out(const State& s, ThreadId t) const {
    const ThreadState& th = s.thread(t);
    if (th.status != ThreadStatus::Running || !th.pending.timed) return false;
    if (th.pending.kind == OpKind::CondWake) return !th.wait.notified && !th.wait.timed_out;
    return !is_enabled(s, t);
}

void Interpreter::schedulable(const State& s, std::vector<ThreadId>& out) const {
    out.clear();
    if (s.ended || s.refusal) return;
    for (const ThreadState& t : s.threads) {
        if (t.status != ThreadStatus::Running) continue;
        if (is_enabled(s, t.id) || can_time_out(s, t.id)) out.push_back(t.id);
    }
}

RunStatus Interpreter::status(const State& s) const {
    if (s.refusal) return RunStatus::Refused;
    if (s.ended) return RunStatus::Ended;
    bool any = false;
    for (const ThreadState& t : s.threads) {
        if (t.status == ThreadStatus::Diverged) return RunStatus::Diverged;
        if (t.status == ThreadStatus::Running && (is_enabled(s, t.id) || can_time_out(s, t.id))) any = true;
    }
    return any ? RunStatus::Running : RunStatus::Blocked;
}

Event Interpreter::step(State& s, ThreadId t, bool timeout) const {
    ThreadState& th = s.thread(t);
    RC_CHECK(th.status == ThreadStatus::Running, "step on a thread that is not running");
    RC_CHECK(timeout ? can_time_out(s, t) : is_enabled(s, t), "step on a disabled operation");
    Event ev;
    ev.thread = t;
    ev.kind = th.pending.kind;
    ev.line = th.pending.line;
    ev.var = th.pending.var;
    ev.obj = th.pending.obj;
    ev.method = th.pending.method;
    ev.timed_out = timeout;
    s.steps++;
    if (ev.kind == OpKind::ProgramExit) {
        s.ended = true;
        th.status = ThreadStatus::Finished;
        return ev;
    }
    Machine m(*this, s, t);
    m.event = &ev;
    m.timeout = timeout;
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
    if (m.th().status == ThreadStatus::Finished) ev.thread_ended = true;
    return ev;
}

CheckValue Interpreter::evaluate(const State& s, FuncId check) const {
    State copy = s;
    copy.ended = false;
    ThreadState ts;
    ts.id = ThreadId(static_cast<uint32_t>(copy.threads.size()));
    ts.thread_obj = copy.threads[0].thread_obj;
    ts.status = ThreadStatus::Running;
    copy.threads.push_back(std::move(ts));
    Machine m(*this, copy, ThreadId(static_cast<uint32_t>(copy.threads.size() - 1)));
    CheckValue out;
    try {
        m.push_frame(Value::object(m.alloc(Object{FunctionObj{check, {}}})), Args{}, 0);
        uint64_t budget = limits_.max_local_instructions;
        while (!m.th().frames.empty()) {
            if (budget-- == 0) {
                out.repr = "check did not finish (step limit)";
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
    } catch (PyUnsupported& u) {
        out.repr = "unsupported: " + u.what;
        out.refused = true;
        return out;
    }
    out.repr = "check ended without a value";
    return out;
}

} // namespace rc
