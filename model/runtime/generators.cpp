// Generators and the prelude calls that run Python code on behalf of an instruction.
//
// A generator is a frame that can leave the thread's frame stack and come back: resuming it
// pushes its saved slots and operand stack as a new frame above the resumer (ForIter or a
// next() call), YieldValue saves them again and hands the value to the resumer, and Return
// ends it. Builtins that consume an iterable (list(), sum(), sorted(), str.join...) cannot run
// a generator's Python code from C++; they drain it first through the prelude's _rc_drain
// (a Retry frame), then re-execute with the list it returned.
#include "model/runtime/machine.hpp" // Machine

namespace rc {

Value Machine::make_generator(FuncId code, std::vector<Value> slots, BuiltinId type) {
    GeneratorObj g;
    g.code = code;
    g.saved_locals = static_cast<uint32_t>(slots.size());
    g.saved = std::move(slots);
    g.type = type;
    return Value::object(alloc(Object{std::move(g)}));
}

void Machine::enter_frame(FuncId code, std::vector<Value> slots, Frame::Return returns) {
    ThreadState& t = th();
    if (t.frames.size() >= interp.limits().max_frames)
        raise(BuiltinId::RecursionError, "maximum recursion depth exceeded");
    const CodeObject& c = prog.code[code.value];
    charge(frame_bytes(c)); // given back when the frame is popped (exec.cpp) or suspended (yield)
    Frame f;
    f.code = code;
    f.exc_depth = static_cast<uint32_t>(t.exc_stack.size());
    f.call_line = t.frames.empty() ? 0 : line();
    f.call_col = t.frames.empty() ? 0 : col();
    f.locals_base = static_cast<uint32_t>(t.stack.size());
    f.stack_base = f.locals_base + c.local_count;
    f.returns = returns;
    slots.resize(std::max<size_t>(slots.size(), c.local_count), Value::unbound());
    t.stack.insert(t.stack.end(), slots.begin(), slots.end());
    t.frames.push_back(f);
}

void Machine::push_prelude(FuncId code, std::vector<Value> args) {
    if (!th().frames.empty()) th().frames.back().pc++; // the caller resumes after its Call
    enter_frame(code, std::move(args), Frame::Return::Push);
}

void Machine::push_retry(FuncId code, std::vector<Value> args, uint32_t depth) {
    enter_frame(code, std::move(args), Frame::Return::Retry);
    th().frames.back().retry_depth = depth;
}

bool Machine::resume_generator(Value gen, Frame::Return how, uint32_t exit_pc, Value next_default) {
    auto* g = get<GeneratorObj>(gen);
    RC_CHECK(g != nullptr, "resume of a non-generator");
    if (g->status == GeneratorObj::Status::Running) {
        if (g->type != BuiltinId::GeneratorType) // a C iterator in CPython: no running state
            unsupported("two threads inside one " + std::string(builtin_name(g->type)) + "() iterator at once",
                        "CPython runs both (its " + std::string(builtin_name(g->type)) +
                            " has no running state) and racecheck cannot; guard the shared iterator with a Lock");
        raise(BuiltinId::ValueError, "generator already executing");
    }
    if (g->status == GeneratorObj::Status::Done) return false;
    if (th().frames.size() >= interp.limits().max_frames)
        raise(BuiltinId::RecursionError, "maximum recursion depth exceeded");
    const FuncId code = g->code;
    const uint32_t pc = g->pc;
    const bool yielded_before = g->status == GeneratorObj::Status::Suspended;
    std::vector<Value> locals(g->saved.begin(), g->saved.begin() + g->saved_locals);
    std::vector<Value> operands(g->saved.begin() + g->saved_locals, g->saved.end());
    std::vector<Value> handled = g->saved_exc;
    g->status = GeneratorObj::Status::Running;
    th().frames.back().pc++; // the resumer continues after its instruction
    enter_frame(code, std::move(locals), how);
    Frame& f = th().frames.back();
    f.generator = gen.obj();
    f.exit_pc = exit_pc;
    f.next_default = next_default;
    f.pc = pc;
    th().stack.insert(th().stack.end(), operands.begin(), operands.end());
    if (yielded_before) th().stack.push_back(Value::none()); // the value of the `yield`
    th().exc_stack.insert(th().exc_stack.end(), handled.begin(), handled.end());
    return true;
}

void Machine::yield_value(Value v) {
    ThreadState& t = th();
    Frame f = t.frames.back();
    RC_CHECK(f.generator.valid(), "yield outside a generator frame");
    auto& g = ref<GeneratorObj>(f.generator);
    g.saved.assign(t.stack.begin() + f.locals_base, t.stack.end());
    g.saved_locals = f.stack_base - f.locals_base;
    g.saved_exc.assign(t.exc_stack.begin() + f.exc_depth, t.exc_stack.end());
    g.pc = f.pc + 1;
    g.status = GeneratorObj::Status::Suspended;
    t.stack.resize(f.locals_base);
    t.exc_stack.resize(f.exc_depth);
    refund(frame_bytes(prog.code[f.code.value]));
    t.frames.pop_back();
    if (shared(Value::object(f.generator))) mark_shared(v);
    push(v); // ForIter and Next alike: the resumer's pc is already past its instruction
}

void Machine::generator_returned(const Frame& f, Value result) {
    ref<GeneratorObj>(f.generator).status = GeneratorObj::Status::Done;
    ref<GeneratorObj>(f.generator).saved.clear();
    ref<GeneratorObj>(f.generator).saved_exc.clear();
    if (shared(Value::object(f.generator))) mark_shared(result); // as a yielded value
    if (f.returns == Frame::Return::ForIter || f.returns == Frame::Return::YieldFrom) {
        pop(); // the iterator
        if (f.returns == Frame::Return::YieldFrom) push(result);
        frame().pc = f.exit_pc;
        return;
    }
    RC_CHECK(f.returns == Frame::Return::Next, "a generator frame resumed by neither");
    if (!f.next_default.is_unbound()) {
        push(f.next_default);
        return;
    }
    frame().pc--; // raise at the next() call itself
    Value stop = make_exception(BuiltinId::StopIteration, "");
    if (!result.is_none()) ref<ExceptionObj>(stop.obj()).args.push_back(result); // StopIteration(value)
    raise_value(stop);
}

Value Machine::generator_raised(const Frame& f, Value exc) {
    auto& g = ref<GeneratorObj>(f.generator);
    g.status = GeneratorObj::Status::Done;
    g.saved.clear();
    g.saved_exc.clear();
    auto* e = get<ExceptionObj>(exc);
    if (e && e->type == BuiltinId::StopIteration) // PEP 479
        return make_exception(BuiltinId::RuntimeError, "generator raised StopIteration");
    return exc;
}

bool Machine::is_generator(Value v) { return get<GeneratorObj>(v) != nullptr; }

} // namespace rc
