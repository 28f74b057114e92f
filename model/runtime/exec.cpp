// The bytecode loop: one instruction at a time, exception unwinding, and running a thread on to
// its next visible operation. One file: run_on and the loop proof past the instruction budget
// (prove_loop_or_stop) step through the same file-local run_one/stops, and execute's cases share
// the helpers above it; split, they would need a header of internals.
#include <algorithm> // max
#include <cctype> // isalnum (interned constants)

#include "model/bytecode/cpython_names.hpp" // suggestions for NameError
#include "model/runtime/fingerprint.hpp"    // hash_local_run
#include "model/runtime/machine.hpp"        // Machine
#include "model/stdlib/collections_dicts.hpp" // counter_inplace_loops
#include "model/values/set_table.hpp"        // set_update_internal (folded set displays)

namespace rc {

namespace {

/// Virtual nanoseconds one instruction takes: makes time.time() advance with work done.
constexpr int64_t kInstructionNs = 100;

/// Called when the last frame of a thread is gone (returned or unwound).
void end_thread(Machine& m) {
    ThreadState& th = m.th();
    th.stack.clear();
    th.exc_stack.clear();
    // MainThread stays Running with ProgramExit pending: CPython joins non-daemon threads.
    // Another thread, when the program can observe its end (Interpreter::thread_end_steps),
    // stays Running with ThreadEnd pending: between its last operation and its end, other
    // threads still see it alive (is_alive, active_count, enumerate), as in CPython. Otherwise
    // it ends here, within its last step: nothing but a join could tell, and a join waits.
    if (m.tid.value == 0 || m.interp.thread_end_steps()) return;
    m.st.finish_thread(m.tid);
    if (m.event) m.event->thread_ended = true;
}

/// Return: pops the frame and hands the result to the caller as the frame's Return says.
void finish_frame(Machine& m, Value result) {
    ThreadState& th = m.th();
    Frame f = th.frames.back();
    m.refund(frame_bytes(m.prog.code[f.code.value]));
    th.stack.resize(f.locals_base);
    th.exc_stack.resize(std::min<size_t>(th.exc_stack.size(), f.exc_depth));
    th.frames.pop_back();
    if (th.frames.empty()) return end_thread(m);
    switch (f.returns) {
    case Frame::Return::Push: th.stack.push_back(result); break;
    case Frame::Return::Retry: m.peek(f.retry_depth) = result; break;
    case Frame::Return::ForIter:
    case Frame::Return::YieldFrom:
    case Frame::Return::Next: m.generator_returned(f, result); break;
    case Frame::Return::Construct:
        if (!result.is_none())
            m.raise(BuiltinId::TypeError, "__init__() should return None, not '" + m.type_name(result) + "'");
        th.stack.push_back(f.init_self);
        break;
    case Frame::Return::Discard: break;
    }
}

/// NameError for `name`, with the suggestion CPython's traceback adds (Lib/traceback.py): over
/// the frame's bound locals, the bound globals and the builtins; or a stdlib module to import.
[[noreturn]] void name_error(Machine& m, const std::string& name) {
    std::vector<std::string> owned;
    const Frame& f = m.frame();
    const CodeObject& code = m.code();
    for (uint32_t k = 0; k < code.local_count && k < code.local_names.size(); ++k)
        if (!m.th().stack[f.locals_base + k].is_unbound() && code.local_names[k][0] != '.')
            owned.push_back(code.local_names[k]);
    for (size_t g = 0; g < m.prog.globals.size(); ++g)
        if (!m.st.globals[g].is_unbound()) owned.push_back(m.prog.globals[g].name);
    std::vector<std::string_view> candidates(owned.begin(), owned.end());
    if (!m.prog.is_prelude(f.code)) // module-level names CPython's globals always hold
        for (const char* n : {"__name__", "__doc__", "__package__", "__loader__", "__spec__",
                              "__annotations__", "__builtins__", "__file__", "__cached__"})
            candidates.push_back(n);
    for (std::string_view b : cpython_builtins_order()) candidates.push_back(b);
    Value exc = m.make_exception(BuiltinId::NameError, "name '" + name + "' is not defined");
    std::string near = cpython_suggestion(name, candidates);
    std::string& suggestion = m.get<ExceptionObj>(exc)->suggestion;
    if (!near.empty()) suggestion = ". Did you mean: '" + near + "'?";
    if (is_stdlib_module(name))
        suggestion += near.empty() ? ". Did you forget to import '" + name + "'"
                                   : " Or did you forget to import '" + name + "'";
    m.raise_value(exc);
}

Value load_const(Machine& m, uint32_t index) {
    uint32_t heap = m.prog.constant_heap_index[index];
    if (heap != UINT32_MAX) return Value::object(ObjectId(heap));
    return std::visit(
        [](const auto& c) -> Value {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, NoneConst>) return Value::none();
            else if constexpr (std::is_same_v<T, bool>) return Value::boolean(c);
            else if constexpr (std::is_same_v<T, int64_t>) return Value::integer(c);
            else if constexpr (std::is_same_v<T, double>) return Value::floating(c);
            else if constexpr (std::is_same_v<T, BuiltinId>) return Value::builtin(c);
            else if constexpr (std::is_same_v<T, ModuleId>) return Value::module(c);
            else return Value::none(); // strings are heap objects (handled above)
        },
        m.prog.constants[index]);
}

/// Reading or deleting a cell variable that has no value: CPython's messages for its own cell
/// and for a free variable.
[[noreturn]] void deref_unbound(Machine& m, const Instr& in) {
    const std::string& id = m.code().local_names[in.a];
    if (in.b == 0)
        m.raise(BuiltinId::UnboundLocalError,
                "cannot access local variable '" + id + "' where it is not associated with a value");
    m.raise(BuiltinId::NameError,
            "cannot access free variable '" + id + "' where it is not associated with a value in enclosing scope");
}

} // namespace

namespace {

/// obj[key], obj[key] = v, del obj[key] on an instance whose class defines the method: a call of
/// it, as CPython's BINARY_SUBSCR/STORE_SUBSCR/DELETE_SUBSCR make (pc moves on). `operands` is
/// 2 ([obj, key]) or 3 ([v, obj, key]); the method gets (obj, key[, v]).
bool user_subscript(Machine& m, const char* method, uint32_t operands, Frame::Return how) {
    Value obj = m.peek(1);
    if (!m.get<InstanceObj>(obj)) return false;
    Value f = m.user_dunder(obj, method);
    if (f.is_unbound()) return false;
    Args a;
    Value key = m.pop();
    m.pop();
    a.pos = {obj, key};
    if (operands == 3) a.pos.push_back(m.pop());
    m.push_frame(f, a, m.line());
    m.frame().returns = how;
    return true;
}

/// The operand `depth` below the top is an object whose class defines __iter__, about to be
/// iterated by this instruction: it is replaced by what iter() of it gives (its __iter__ run as a
/// call), and the instruction runs again on that.
bool user_iterable_retry(Machine& m, uint32_t depth) {
    Value obj = m.peek(depth);
    if (!m.get<InstanceObj>(obj) || m.user_dunder(obj, "__iter__").is_unbound()) return false;
    m.push_retry(m.prog.prelude.user_iter, {obj}, depth);
    return true;
}

} // namespace

void execute(Machine& m) {
    ThreadState& th = m.th();
    Frame& f = th.frames.back();
    const Instr in = m.prog.code[f.code.value].code[f.pc];
    switch (in.op) {
    case Op::Nop: break;
    case Op::LoadConst: m.push(load_const(m, in.a)); break;
    case Op::LoadLocal: {
        Value v = th.stack[f.locals_base + in.a];
        if (v.is_unbound())
            m.raise(BuiltinId::UnboundLocalError,
                    "cannot access local variable '" + m.code().local_names[in.a] +
                        "' where it is not associated with a value");
        m.push(v);
        break;
    }
    case Op::StoreLocal: th.stack[f.locals_base + in.a] = m.pop(); break;
    case Op::DeleteLocal:
        if (th.stack[f.locals_base + in.a].is_unbound())
            m.raise(BuiltinId::UnboundLocalError,
                    "cannot access local variable '" + m.code().local_names[in.a] +
                        "' where it is not associated with a value");
        th.stack[f.locals_base + in.a] = Value::unbound();
        break;
    case Op::LoadGlobal: {
        Value v = m.st.globals[in.a];
        const GlobalInfo& g = m.prog.globals[in.a];
        if (v.is_unbound()) {
            if (g.fallback) v = Value::builtin(*g.fallback);
            else name_error(m, g.name);
        }
        if (m.event) m.event->value = v;
        m.push(v);
        break;
    }
    case Op::StoreGlobal: {
        Value v = m.pop();
        if (m.prog.globals[in.a].shared) m.mark_shared(v);
        m.st.globals[in.a] = v;
        if (m.event) m.event->value = v;
        break;
    }
    case Op::DeleteGlobal:
        if (m.st.globals[in.a].is_unbound()) name_error(m, m.prog.globals[in.a].name);
        m.st.globals[in.a] = Value::unbound();
        break;
    case Op::LoadBuiltin: m.push(Value::builtin(static_cast<BuiltinId>(in.a))); break;
    case Op::MakeCell: {
        const Value v = th.stack[f.locals_base + in.a];
        NameId name;
        for (const auto& [slot, n] : m.code().cells)
            if (slot == in.a) name = n;
        const FuncId owner = f.code;
        const uint32_t line = m.code().loc.line;
        const Value cell = Value::object(m.alloc(Object{CellObj{v, name, owner, line}}));
        m.th().stack[m.frame().locals_base + in.a] = cell; // alloc may have moved the heap, not the stack
        break;
    }
    case Op::LoadDeref: {
        auto* cell = m.get<CellObj>(th.stack[f.locals_base + in.a]);
        RC_CHECK(cell != nullptr, "LoadDeref of a slot without a cell");
        if (cell->value.is_unbound()) deref_unbound(m, in);
        const Value v = cell->value;
        if (m.event) m.event->value = v;
        m.push(v);
        break;
    }
    case Op::StoreDeref: {
        const Value cell = th.stack[f.locals_base + in.a];
        RC_CHECK(m.get<CellObj>(cell) != nullptr, "StoreDeref to a slot without a cell");
        const Value v = m.pop();
        if (m.shared(cell)) m.mark_shared(v);
        m.get<CellObj>(cell)->value = v;
        if (m.event) m.event->value = v;
        break;
    }
    case Op::DeleteDeref: {
        auto* cell = m.get<CellObj>(th.stack[f.locals_base + in.a]);
        RC_CHECK(cell != nullptr, "DeleteDeref of a slot without a cell");
        if (cell->value.is_unbound()) deref_unbound(m, in);
        cell->value = Value::unbound();
        if (m.event) m.event->value = Value::unbound();
        break;
    }
    case Op::LoadAttr: {
        Value obj = m.peek();
        Value getter;
        if (m.property_of(obj, NameId(in.a), false, &getter)) { // runs the getter: pc moves on
            m.pop();
            Args a;
            a.pos.push_back(obj);
            m.push_frame(getter, a, m.line());
            return;
        }
        m.pop();
        Value v = m.attribute(obj, NameId(in.a));
        if (m.event) m.event->value = v;
        m.push(v);
        break;
    }
    case Op::StoreAttr: {
        Value obj = m.peek();
        Value v = m.peek(1);
        Value setter;
        if (m.property_of(obj, NameId(in.a), true, &setter)) {
            m.pop();
            m.pop();
            Args a;
            a.pos = {obj, v};
            m.push_frame(setter, a, m.line());
            m.frame().returns = Frame::Return::Discard;
            return;
        }
        m.pop();
        m.pop();
        m.store_attribute(obj, NameId(in.a), v);
        if (m.event) m.event->value = v;
        break;
    }
    case Op::LoadSubscr: {
        if (in.a != 1 && user_subscript(m, "__getitem__", 2, Frame::Return::Push)) return;
        Value key = m.pop();
        Value obj = m.pop();
        // In an annotation (a == 1), a type subscripted is a generic alias, which racecheck
        // stands for by the type itself (annotations are evaluated, never kept).
        Value v = in.a == 1 && m.is_type_like(obj) ? obj : m.subscript(obj, key);
        if (m.event) {
            m.event->value = v;
            m.event->item = m.item_key(obj, key);
            if (m.event->item && m.event->kind == OpKind::ContainerWrite) m.event->item |= kItemReadToo;
        }
        m.push(v);
        break;
    }
    case Op::StoreSubscr: {
        if (user_subscript(m, "__setitem__", 3, Frame::Return::Discard)) return;
        Value key = m.pop();
        Value obj = m.pop();
        Value v = m.pop();
        m.store_subscript(obj, key, v);
        if (m.event) {
            m.event->value = v;
            m.event->item = m.item_key(obj, key);
        }
        break;
    }
    case Op::DeleteSubscr: {
        if (user_subscript(m, "__delitem__", 2, Frame::Return::Discard)) return;
        Value key = m.pop();
        Value obj = m.pop();
        m.delete_subscript(obj, key);
        if (m.event) m.event->item = m.item_key(obj, key);
        break;
    }
    case Op::BuildSlice: {
        SliceObj s;
        s.step = in.a == 3 ? m.pop() : Value::none();
        s.upper = m.pop();
        s.lower = m.pop();
        m.push(Value::object(m.alloc(Object{s})));
        break;
    }
    case Op::Binary: {
        Value r = m.pop();
        Value l = m.pop();
        const auto kind = static_cast<ast::BinOpKind>(in.b);
        if (in.a == 1 && counter_inplace_loops(m, kind, l, r)) { // CPython's __iadd__/__isub__
            m.push_prelude(m.prog.prelude.counter_iadd, {l, r, Value::integer(kind == ast::BinOpKind::Add ? 1 : -1)});
            return;
        }
        if (in.a == 2 && m.is_type_like(l) && m.is_type_like(r)) // `X | Y` in an annotation
            m.push(l.is_none() ? r : l);
        else
            m.push(m.binary(static_cast<ast::BinOpKind>(in.b), l, r, in.a == 1));
        break;
    }
    case Op::Unary:
        if (static_cast<ast::UnaryOpKind>(in.b) == ast::UnaryOpKind::Not && m.user_truth(m.peek(), 0)) return;
        m.push(m.unary(static_cast<ast::UnaryOpKind>(in.b), m.pop()));
        break;
    case Op::Compare: {
        const auto kind = static_cast<ast::CmpOpKind>(in.b);
        if ((kind == ast::CmpOpKind::In || kind == ast::CmpOpKind::NotIn) && m.is_generator(m.peek())) {
            Value gen = m.pop(), x = m.pop();
            m.push_prelude(kind == ast::CmpOpKind::In ? m.prog.prelude.contains
                                                      : m.prog.prelude.not_contains,
                           {gen, x});
            return;
        }
        if ((kind == ast::CmpOpKind::In || kind == ast::CmpOpKind::NotIn) && m.get<InstanceObj>(m.peek()) &&
            !m.user_dunder(m.peek(), "__contains__").is_unbound()) { // a call, as any method's
            Value obj = m.pop(), x = m.pop();
            m.push_prelude(m.prog.prelude.user_contains, {obj, x, Value::boolean(kind == ast::CmpOpKind::NotIn)});
            return;
        }
        // without __contains__, `in` iterates the object (its __iter__)
        if ((kind == ast::CmpOpKind::In || kind == ast::CmpOpKind::NotIn) && user_iterable_retry(m, 0)) return;
        Value r = m.pop();
        Value l = m.pop();
        bool res = m.compare(static_cast<ast::CmpOpKind>(in.b), l, r);
        if (m.event) {
            m.event->value = Value::boolean(res);
            // `key in d` reads one item of a shared dict (whether it is there): a check-then-act
            // (`if k not in cache: cache[k] = ...`) is then a lost update of that item.
            // The event's value is then the item's (Unbound: absent), as `d[k]`'s would be.
            if ((kind == ast::CmpOpKind::In || kind == ast::CmpOpKind::NotIn) &&
                m.event->kind == OpKind::ContainerRead && r.is_obj() && m.event->obj == r.obj())
                if ((m.event->item = m.item_key(r, l)) != 0) {
                    const Value* v = m.dict_find(*m.get<DictObj>(r), l);
                    m.event->value = v ? *v : Value::unbound();
                }
        }
        m.push(Value::boolean(res));
        break;
    }
    case Op::Jump: m.frame().pc = in.a; return;
    case Op::PopJumpIfFalse:
    case Op::PopJumpIfTrue: {
        if (m.user_truth(m.peek(), 0)) return; // the jump runs again on the bool
        bool t = m.truthy(m.pop());
        if (t == (in.op == Op::PopJumpIfTrue)) {
            m.frame().pc = in.a;
            return;
        }
        break;
    }
    case Op::JumpIfFalseOrPop:
    case Op::JumpIfTrueOrPop: {
        bool t = m.truthy(m.peek());
        if (t == (in.op == Op::JumpIfTrueOrPop)) {
            m.frame().pc = in.a;
            return;
        }
        m.pop();
        break;
    }
    case Op::Pop: m.pop(); break;
    case Op::Dup: m.push(m.peek()); break;
    case Op::DupTwo: {
        Value a = m.peek(1), b = m.peek(0);
        m.push(a);
        m.push(b);
        break;
    }
    case Op::Rot2: std::swap(m.peek(0), m.peek(1)); break;
    case Op::Rot3: {
        Value c = m.peek(0);
        m.peek(0) = m.peek(1);
        m.peek(1) = m.peek(2);
        m.peek(2) = c;
        break;
    }
    case Op::BuildList:
    case Op::BuildTuple: {
        auto& st = m.th().stack;
        std::vector<Value> items(st.end() - in.a, st.end());
        st.resize(st.size() - in.a);
        m.push(in.op == Op::BuildList ? m.new_list(std::move(items)) : m.new_tuple(std::move(items)));
        break;
    }
    case Op::BuildDict: {
        auto& st = m.th().stack;
        std::vector<Value> kv(st.end() - 2 * in.a, st.end());
        st.resize(st.size() - 2 * in.a);
        Value d = m.new_dict();
        for (size_t i = 0; i < kv.size(); i += 2) m.store_subscript(d, kv[i], kv[i + 1]);
        m.push(d);
        break;
    }
    case Op::ListAppend: {
        Value v = m.pop();
        m.charge(sizeof(Value));
        m.get<ListObj>(m.peek(in.a - 1))->items.push_back(v);
        break;
    }
    case Op::BuildSet: {
        auto& st = m.th().stack;
        std::vector<Value> items(st.end() - in.a, st.end());
        st.resize(st.size() - in.a);
        Value set = m.new_set(false);
        for (Value x : items) m.set_add(set, x);
        m.push(set);
        break;
    }
    case Op::SetUpdateConst: {
        // CPython's compiler builds the constant frozenset from the display, rebuilds it from its
        // own order when merging constants, and once more when it interns a str in it that has
        // only name characters (Python/compile.c merge_consts_recursive, Objects/codeobject.c
        // intern_string_constants); SET_UPDATE then merges it into the empty set.
        auto& st = m.th().stack;
        std::vector<Value> items(st.end() - in.a, st.end());
        st.resize(st.size() - in.a);
        bool interned = false;
        for (Value x : items) {
            const std::string* s = m.str_of(x);
            if (!s) continue;
            bool name_chars = true;
            for (char c : *s)
                name_chars = name_chars && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
            interned = interned || name_chars;
        }
        Value folded = m.new_tuple(std::move(items));
        for (int round = 0; round < (interned ? 3 : 2); ++round) {
            Value next = m.new_set(true);
            set_update_internal(m, next, round == 0 ? folded : m.new_tuple(set_items(m, folded)));
            folded = next;
        }
        set_update_internal(m, m.peek(), folded);
        break;
    }
    case Op::SetAdd: {
        Value v = m.pop();
        m.set_add(m.peek(in.a - 1), v);
        break;
    }
    case Op::BuildClass: {
        auto& st = m.th().stack;
        std::vector<Value> bases(st.end() - in.a, st.end());
        st.resize(st.size() - in.a);
        Value name = m.pop();
        m.push(m.build_class(name, bases));
        break;
    }
    case Op::MakeGenExp: {
        auto& st = m.th().stack;
        std::vector<Value> slots(st.end() - in.b - 1, st.end()); // the iterator, then captures
        st.resize(st.size() - in.b - 1);
        m.push(m.make_generator(m.prog.genexps[in.a], std::move(slots), BuiltinId::GeneratorType));
        break;
    }
    case Op::DictSetItem: {
        Value v = m.pop();
        Value k = m.pop();
        m.store_subscript(m.peek(in.a - 1), k, v);
        break;
    }
    case Op::CallExtendArgs:   // [fn, list, iterable]
    case Op::CallArgsList: { // [fn, iterable, dict]
        const uint32_t depth = in.op == Op::CallArgsList ? 1 : 0;
        if (user_iterable_retry(m, depth)) return;
        Value it = m.peek(depth);
        if (m.is_generator(it) || m.get<AsCompletedObj>(it)) { // taken item by item, as CPython does
            m.push_retry(m.prog.prelude.drain, {it}, depth);
            return;
        }
        if (!m.is_iterable(it))
            m.raise(BuiltinId::TypeError, (depth ? m.callable_str(m.peek(2)) + " argument" : std::string("Value")) +
                                              " after * must be an iterable, not " + m.type_name(it));
        std::vector<Value> items = m.collect(it);
        if (depth) {
            m.peek(1) = m.new_list(std::move(items));
            break;
        }
        m.charge(items.size() * sizeof(Value));
        m.pop();
        auto& list = m.get<ListObj>(m.peek())->items;
        list.insert(list.end(), items.begin(), items.end());
        break;
    }
    case Op::CallMergeKwargs: { // [fn, list, dict, mapping]
        Value mapping = m.peek();
        auto* from = m.get<DictObj>(mapping);
        if (!from) // a class of the program cannot be a mapping here: __getitem__ is refused
            m.raise(BuiltinId::TypeError, m.callable_str(m.peek(3)) + " argument after ** must be a mapping, not " +
                                              m.type_name(mapping));
        std::vector<std::pair<Value, Value>> items = from->items;
        Value into = m.peek(1);
        for (auto& [k, v] : items) {
            if (m.dict_find(*m.get<DictObj>(into), k))
                m.raise(BuiltinId::TypeError, m.callable_str(m.peek(3)) + " got multiple values for keyword argument '" +
                                                  m.str(k) + "'");
            m.store_subscript(into, k, v);
        }
        m.pop();
        break;
    }
    case Op::UnpackSequence: {
        if (user_iterable_retry(m, 0)) return;
        Value seq = m.peek();
        if (m.is_generator(seq)) { // take at most n + 1 items, as CPython does
            m.push_retry(m.prog.prelude.unpack, {seq, Value::integer(in.a)}, 0);
            return;
        }
        m.pop();
        if (!m.is_iterable(seq))
            m.raise(BuiltinId::TypeError, "cannot unpack non-iterable " + m.type_name(seq) + " object");
        std::vector<Value> items = m.collect(seq);
        if (items.size() != in.a) {
            if (items.size() > in.a)
                m.raise(BuiltinId::ValueError, "too many values to unpack (expected " + std::to_string(in.a) + ")");
            m.raise(BuiltinId::ValueError, "not enough values to unpack (expected " + std::to_string(in.a) +
                                               ", got " + std::to_string(items.size()) + ")");
        }
        for (size_t i = items.size(); i-- > 0;) m.push(items[i]);
        break;
    }
    case Op::UnpackEx: {
        if (user_iterable_retry(m, 0)) return;
        Value seq = m.peek();
        if (m.is_generator(seq) || m.get<AsCompletedObj>(seq)) { // every item, as CPython takes them
            m.push_retry(m.prog.prelude.drain, {seq}, 0);
            return;
        }
        m.pop();
        if (!m.is_iterable(seq))
            m.raise(BuiltinId::TypeError, "cannot unpack non-iterable " + m.type_name(seq) + " object");
        std::vector<Value> items = m.collect(seq);
        const size_t before = in.a, after = in.b;
        if (items.size() < before + after)
            m.raise(BuiltinId::ValueError, "not enough values to unpack (expected at least " +
                                               std::to_string(before + after) + ", got " +
                                               std::to_string(items.size()) + ")");
        for (size_t i = items.size(); i-- > items.size() - after;) m.push(items[i]);
        m.push(m.new_list(std::vector<Value>(items.begin() + static_cast<std::ptrdiff_t>(before),
                                             items.end() - static_cast<std::ptrdiff_t>(after))));
        for (size_t i = before; i-- > 0;) m.push(items[i]);
        break;
    }
    case Op::GetIter:
        if (user_iterable_retry(m, 0)) return; // its __iter__ runs as a call, as any method's
        m.push(m.get_iter(m.pop()));
        break;
    case Op::ForIter: {
        Value it = m.peek();
        const bool from = in.b == 1; // yield from: the iterator's place gets the result
        if (m.is_generator(it)) {
            if (!m.resume_generator(it, from ? Frame::Return::YieldFrom : Frame::Return::ForIter, in.a,
                                    Value::unbound())) {
                m.pop(); // an ended generator: CPython's yield from gives None (its value was taken)
                if (from) m.push(Value::none());
                m.frame().pc = in.a;
            }
            return;
        }
        Value next;
        bool more = m.get<AsCompletedObj>(it) ? as_completed_next(m, it, &next) : m.iter_next(it, &next);
        if (!more) {
            m.pop();
            if (from) m.push(Value::none());
            m.frame().pc = in.a;
            return;
        }
        if (m.event && m.event->kind == OpKind::ContainerRead) m.event->value = next;
        m.push(next);
        break;
    }
    case Op::KwNames: break; // consumed by the following Call
    case Op::Call: m.do_call(in.a, in.b); return; // do_call advances pc itself
    case Op::Return: finish_frame(m, m.pop()); return;
    case Op::YieldValue: m.yield_value(m.pop()); return;
    case Op::MakeFunction:
    case Op::MakeClosure: { // [defaults..., (cells tuple: MakeClosure)]
        std::vector<Value> cells;
        if (in.op == Op::MakeClosure) cells = m.get<TupleObj>(m.pop())->items;
        auto& st = m.th().stack;
        std::vector<Value> defaults(st.end() - in.b, st.end());
        st.resize(st.size() - in.b);
        for (Value d : defaults) m.mark_shared(d);
        m.push(Value::object(m.alloc(Object{FunctionObj{FuncId(in.a), std::move(defaults), std::move(cells), Value()}})));
        break;
    }
    case Op::Raise: {
        if (in.a == 0) {
            if (th.exc_stack.empty()) m.raise(BuiltinId::RuntimeError, "No active exception to reraise");
            m.raise_value(th.exc_stack.back());
        }
        Value e = m.pop();
        if (auto* c = m.get<ClassObj>(e); c && is_exception_class(c->native)) {
            if (!m.class_lookup(e.obj(), m.dunder("__init__")).is_unbound())
                m.unsupported("raising an exception class whose __init__ is Python code without calling it",
                              "raise an instance: raise " + c->name + "(...)");
            Value cls = e;
            e = m.make_exception(c->native, "");
            m.get<ExceptionObj>(e)->cls = cls.obj();
        } else if (e.tag == VTag::Builtin && is_exception_class(e.builtin_id())) {
            e = m.make_exception(e.builtin_id(), "");
        } else if (!m.get<ExceptionObj>(e)) {
            m.raise(BuiltinId::TypeError, "exceptions must derive from BaseException");
        } else {
            m.get<ExceptionObj>(e)->line = m.line();
        }
        m.raise_value(e);
    }
    case Op::Reraise: m.raise_value(m.pop());
    case Op::PushExcInfo: th.exc_stack.push_back(m.peek()); break;
    case Op::PopExcept:
        if (!th.exc_stack.empty()) th.exc_stack.pop_back();
        break;
    case Op::CheckExcMatch: {
        Value type = m.pop();
        Value exc = m.peek();
        std::vector<Value> types = m.get<TupleObj>(type) ? m.get<TupleObj>(type)->items : std::vector<Value>{type};
        bool match = false;
        auto* eo = m.get<ExceptionObj>(exc);
        for (Value t : types) {
            if (auto* c = m.get<ClassObj>(t)) {
                if (!is_exception_class(c->native))
                    m.raise(BuiltinId::TypeError, "catching classes that do not inherit from BaseException is not allowed");
                if (eo && eo->cls.valid() && m.user_subclass(eo->cls, t)) match = true;
                continue;
            }
            if (t.tag != VTag::Builtin || !is_exception_class(t.builtin_id()))
                m.raise(BuiltinId::TypeError, "catching classes that do not inherit from BaseException is not allowed");
            if (eo && exception_matches(eo->type, t.builtin_id())) match = true;
        }
        m.push(Value::boolean(match));
        break;
    }
    case Op::WithEnter: {
        const size_t frames = m.th().frames.size();
        m.with_enter(m.peek());
        if (m.th().frames.size() > frames) return; // a class's __enter__: push_frame moved the pc
        break;
    }
    case Op::WithExit:
    case Op::WithExitExc: {
        Value exc = in.op == Op::WithExitExc ? m.pop() : Value::unbound();
        Value ctx = m.pop();
        if (!exc.is_unbound()) m.push(exc);
        if (m.user_with_exit(ctx, exc)) return; // its frame returns here
        if (!exc.is_unbound()) m.push(Value::boolean(false));
        m.with_exit(ctx);
        if (m.th().wait.kind != Wait::Kind::None) return; // executor shutdown waits for workers
        break;
    }
    case Op::FormatValue: {
        Value v = m.pop();
        std::string spec = in.a == UINT32_MAX ? std::string() : *m.str_of(load_const(m, in.a));
        m.push(m.new_str(m.format(v, spec, static_cast<char>(in.b))));
        break;
    }
    case Op::BuildString: {
        auto& st = m.th().stack;
        uint64_t total = 0;
        for (size_t i = st.size() - in.a; i < st.size(); ++i) total += m.str_of(st[i])->size();
        m.reserve_string(total);
        std::string out;
        out.reserve(static_cast<size_t>(total));
        for (size_t i = st.size() - in.a; i < st.size(); ++i) out += *m.str_of(st[i]);
        st.resize(st.size() - in.a);
        m.push(m.new_str(std::move(out)));
        break;
    }
    }
    m.frame().pc++;
}

void unwind(Machine& m, Value exc) {
    ThreadState& th = m.th();
    if (auto* e = m.get<ExceptionObj>(exc)) {
        if (e->line == 0) e->line = m.line();
        if (!e->thread.valid()) e->thread = m.tid;
    }
    if (unwind_above(m, exc, 0)) return;
    auto* e = m.get<ExceptionObj>(exc);
    if (e && e->type == BuiltinId::SystemExit) th.system_exit = exc;
    else th.uncaught = exc;
    th.wait = Wait{};
    end_thread(m);
}

bool unwind_above(Machine& m, Value& exc, size_t depth) {
    ThreadState& th = m.th();
    bool at_instruction = true; // the frame's pc is at the raising instruction (else past it)
    while (th.frames.size() > depth) {
        Frame& f = th.frames.back();
        const CodeObject& code = m.prog.code[f.code.value];
        uint32_t pc = at_instruction ? f.pc : f.pc - 1;
        for (const ExceptionEntry& e : code.exception_table) {
            if (pc >= e.start && pc < e.end) {
                th.stack.resize(f.stack_base + e.depth);
                th.stack.push_back(exc);
                f.pc = e.handler;
                return true;
            }
        }
        const Frame gone = f;
        th.stack.resize(f.locals_base);
        th.exc_stack.resize(std::min<size_t>(th.exc_stack.size(), f.exc_depth));
        m.refund(frame_bytes(code));
        th.frames.pop_back();
        at_instruction = gone.returns == Frame::Return::Retry;
        if (gone.generator.valid()) exc = m.generator_raised(gone, exc);
    }
    return false;
}

namespace {

/// Whether the current thread stops here: before a visible operation (then pending is set), at
/// its end, or at a refusal.
inline bool stops(Machine& m) {
    ThreadState& th = m.th();
    if (th.status != ThreadStatus::Running || m.st.refusal) return true;
    PendingOp op;
    if (classify(m, &op)) {
        th.pending = op;
        return true;
    }
    return false;
}

/// Runs one instruction of the current thread; false instead when it stops here (stops()).
inline bool run_one(Machine& m) {
    if (stops(m)) return false;
    ThreadState& th = m.th();
    th.clock_ns += kInstructionNs;
    try {
        execute(m);
    } catch (PyRaise& r) {
        unwind(m, r.exc);
    } catch (PyUnsupported& u) {
        m.refuse(u);
        return false;
    }
    return true;
}

/// The next instruction jumps backwards: the end of a loop's body.
bool at_back_edge(Machine& m) {
    const ThreadState& th = m.th();
    if (th.frames.empty()) return false;
    const Frame& f = th.frames.back();
    const std::vector<Instr>& code = m.prog.code[f.code.value].code;
    if (f.pc >= code.size()) return false;
    const Instr& in = code[f.pc];
    switch (in.op) {
    case Op::Jump:
    case Op::PopJumpIfFalse:
    case Op::PopJumpIfTrue:
    case Op::JumpIfFalseOrPop:
    case Op::JumpIfTrueOrPop: return in.a <= f.pc;
    default: return false;
    }
}

/// The thread has run Limits::max_local_instructions without a visible operation. It runs on,
/// alone and deterministically: the same state twice means it goes round the same instructions
/// forever (ThreadStatus::Diverged). Its states are hashed at loop back-edges (hash_local_run),
/// one hash per at least `spacing` instructions, since a hash reads the whole heap: the sampled
/// states are still a deterministic function of the previous sample, so a run that repeats a
/// state repeats a sample too, and Brent's method sees it. A run that reaches
/// Limits::max_local_run without a repeat (`while n >= 0: n += 1`, or a long computation) stops
/// the execution at a limit of racecheck's: a cut, never a finding.
/// How often a long local run asks Interpreter::step's `stop` poll: every 2^18 instructions
/// (a few hundredths of a second).
constexpr uint64_t kStopPollMask = (uint64_t{1} << 18) - 1;

void prove_loop_or_stop(Machine& m) {
    const Limits& limits = m.interp.limits();
    const bool clock = m.interp.reads_clock();
    const uint64_t spacing =
        std::max<uint64_t>(64, 2 * (m.st.heap.size() + m.st.globals.size() + m.th().stack.size()));
    LoopProof proof;
    uint64_t since = 0;
    for (uint64_t ran = limits.max_local_instructions; ran < limits.max_local_run; ++ran, ++since) {
        ThreadState& th = m.th();
        if (since >= spacing && th.status == ThreadStatus::Running && !m.st.refusal && at_back_edge(m)) {
            since = 0;
            if (proof.repeats(hash_local_run(m.st, m.tid, clock))) {
                th.status = ThreadStatus::Diverged;
                th.diverged_line = m.line();
                return;
            }
        }
        if ((ran & kStopPollMask) == 0 && m.stop && (*m.stop)())
            throw LimitExceeded{LimitHit{LimitHit::Kind::Stopped, m.line(), ran, m.tid}};
        if (!run_one(m)) return;
    }
    if (stops(m)) return; // a visible operation just at the limit
    throw LimitExceeded{LimitHit{LimitHit::Kind::Instructions, m.line(), limits.max_local_run, m.tid}};
}

} // namespace

void run_on(Machine& m) {
    for (uint64_t n = m.interp.limits().max_local_instructions; n > 0; --n)
        if (!run_one(m)) return;
    prove_loop_or_stop(m);
}

} // namespace rc
