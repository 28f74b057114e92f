// Calls: binding arguments to Python functions, generator functions, dispatching builtins and
// methods, and the errors every part of the interpreter raises (exceptions and refusals).
#include <algorithm> // find
#include <optional>  // the native level of a builtin call

#include "model/runtime/machine.hpp"  // Machine
#include "model/values/arguments.hpp" // plural, quote_list

namespace rc {

namespace {

/// Builtins and methods that consume an iterable argument whole: given a generator (whose
/// Python code C++ cannot run), they get it drained into a list first (generators.cpp).
bool consumes_iterables(Machine& m, Value callee) {
    if (callee.tag == VTag::Builtin) {
        switch (callee.builtin_id()) {
        case BuiltinId::List:
        case BuiltinId::Tuple:
        case BuiltinId::Set:
        case BuiltinId::Frozenset:
        case BuiltinId::Dict:
        case BuiltinId::Sorted:
        case BuiltinId::Sum:
        case BuiltinId::Min:
        case BuiltinId::Max:
        case BuiltinId::Deque:
        case BuiltinId::Defaultdict:
        case BuiltinId::Counter:
        case BuiltinId::ItProduct:
        case BuiltinId::ItPermutations:
        case BuiltinId::ItCombinations: return true;
        default: return false;
        }
    }
    NameId method;
    if (callee.tag == VTag::BoundMethod) method = callee.method();
    else if (auto* md = m.get<MethodDescriptorObj>(callee)) method = md->method;
    else return false;
    switch (known_name(method)) {
    case KnownName::join:
    case KnownName::extend:
    case KnownName::extendleft:
    case KnownName::update:
    case KnownName::union_:
    case KnownName::intersection:
    case KnownName::difference:
    case KnownName::symmetric_difference:
    case KnownName::issubset:
    case KnownName::issuperset:
    case KnownName::isdisjoint:
    case KnownName::intersection_update:
    case KnownName::difference_update:
    case KnownName::symmetric_difference_update:
    case KnownName::subtract:
    case KnownName::fromkeys: return true;
    default: return false;
    }
}

} // namespace

void Machine::push_retry_drain(Value callee, Value arg, uint32_t i, uint32_t argc, uint32_t kwcount) {
    // CPython's consumers take the items one at a time: each drain does, as each item comes, what
    // the consumer would do with it and could fail on, so that an error stops the generator at
    // the same item; extend and update keep the items taken before an error.
    const uint32_t depth = argc + kwcount - 1 - i;
    bool keyed = false;
    if (kwcount) {
        const auto& names = prog.kwnames[code().code[frame().pc - 1].a];
        for (uint32_t k = 0; k < kwcount; ++k) keyed = keyed || name_of(names[k]) == "key";
    }
    enum { None, Hash, DictItem } check = None;
    Value into = Value::none();
    if (callee.tag == VTag::Builtin) {
        switch (callee.builtin_id()) {
        case BuiltinId::Set:
        case BuiltinId::Frozenset: check = Hash; break;
        case BuiltinId::Dict: check = DictItem; break;
        case BuiltinId::Min:
        case BuiltinId::Max:
            if (argc == 1 && !keyed) {
                const bool want_max = callee.builtin_id() == BuiltinId::Max;
                push_retry(prog.prelude.minmax_drain, {arg, Value::boolean(want_max)}, depth);
                return;
            }
            break;
        default: break;
        }
    } else if (callee.tag == VTag::BoundMethod) {
        const bool is_set = get<SetObj>(Value::object(callee.obj())) != nullptr;
        switch (known_name(callee.method())) {
        case KnownName::isdisjoint:
            push_retry(prog.prelude.drain_until_in, {arg, Value::object(callee.obj())}, depth);
            return;
        case KnownName::update:
            check = is_set ? Hash : DictItem;
            into = callee;
            break;
        case KnownName::difference_update:
            check = Hash;
            into = callee;
            break;
        case KnownName::extend:
        case KnownName::extendleft: into = callee; break;
        case KnownName::union_:
        case KnownName::intersection:
        case KnownName::difference:
        case KnownName::symmetric_difference:
        case KnownName::issubset:
        case KnownName::issuperset:
        case KnownName::intersection_update:
        case KnownName::symmetric_difference_update:
        case KnownName::fromkeys: check = Hash; break;
        default: break;
        }
    }
    if (check == None && into.is_none()) push_retry(prog.prelude.drain, {arg}, depth);
    else push_retry(prog.prelude.drain_checked, {arg, Value::integer(check), into}, depth);
}

uint32_t Machine::line() {
    auto& frames = th().frames;
    for (size_t i = frames.size(); i-- > 0;) {
        const Frame& f = frames[i];
        if (!prog.is_prelude(f.code)) {
            uint32_t pc = std::min<uint32_t>(f.pc, static_cast<uint32_t>(prog.code[f.code.value].code.size() - 1));
            return prog.code[f.code.value].code[pc].line;
        }
        if (f.call_line) return f.call_line;
    }
    return 0;
}

uint32_t Machine::col() {
    auto& frames = th().frames;
    for (size_t i = frames.size(); i-- > 0;) {
        const Frame& f = frames[i];
        if (!prog.is_prelude(f.code)) {
            const CodeObject& c = prog.code[f.code.value];
            if (c.cols.empty()) return 0;
            uint32_t pc = std::min<uint32_t>(f.pc, static_cast<uint32_t>(c.cols.size() - 1));
            return c.cols[pc];
        }
        if (f.call_line) return f.call_col;
    }
    return 0;
}

void Machine::unsupported(std::string what, std::string hint) {
    if (hint.empty())
        hint = "racecheck refuses what it does not model rather than guess; the README's "
               "\"Python subset\" section lists what it supports";
    throw PyUnsupported{std::move(what), std::move(hint)};
}

void Machine::refuse(const PyUnsupported& u) {
    if (st.refusal) return;
    Refusal r;
    r.what = u.what;
    r.hint = u.hint;
    r.thread = tid;
    if (!th().frames.empty()) {
        r.line = line();
        r.col = col();
    }
    st.refusal = std::move(r);
}

Value Machine::make_exception(BuiltinId type, std::string message) {
    ExceptionObj e;
    e.type = type;
    if (!message.empty()) e.args.push_back(new_str(std::move(message)));
    e.thread = tid;
    e.line = th().frames.empty() ? 0 : line();
    return Value::object(alloc(Object{std::move(e)}));
}

void Machine::raise(BuiltinId type, std::string message) {
    throw PyRaise{make_exception(type, std::move(message))};
}

void Machine::raise_value(Value exc) { throw PyRaise{exc}; }

NativeLevel::NativeLevel(Machine& m, const char* where) : m_(m) {
    if (++m_.native_depth > Machine::kMaxNativeDepth && !m_.rendering) {
        --m_.native_depth;
        m_.raise(BuiltinId::RecursionError, std::string("maximum recursion depth exceeded") + where);
    }
}

NativeLevel::~NativeLevel() { --m_.native_depth; }

void Machine::check_arity(const char* name, const Args& a, size_t lo, size_t hi) {
    size_t n = a.pos.size();
    if (n >= lo && n <= hi) return;
    if (lo == hi)
        raise(BuiltinId::TypeError, std::string(name) + "() takes exactly " +
                                        plural(lo, "argument", "arguments") + " (" +
                                        std::to_string(n) + " given)");
    if (n < lo)
        raise(BuiltinId::TypeError, std::string(name) + " expected at least " +
                                        plural(lo, "argument", "arguments") + ", got " +
                                        std::to_string(n));
    raise(BuiltinId::TypeError, std::string(name) + " expected at most " +
                                    plural(hi, "argument", "arguments") + ", got " +
                                    std::to_string(n));
}

void Machine::complete_call(Value result) {
    push(result);
    frame().pc++;
}

void Machine::push_frame(Value fnv, const Args& a, uint32_t call_line, Value construct) {
    const uint32_t call_col = th().frames.empty() ? 0 : col();
    auto* fn = get<FunctionObj>(fnv);
    RC_CHECK(fn != nullptr, "push_frame on a non-function");
    FuncId code_id = fn->code;
    std::vector<Value> defaults = fn->defaults;
    const std::vector<Value> closure = fn->closure; // binding allocates: fn may move
    const CodeObject& code = prog.code[code_id.value];
    const std::string& fname = code.qualname.empty() ? code.name : code.qualname; // for messages
    if (th().frames.size() >= interp.limits().max_frames)
        raise(BuiltinId::RecursionError, "maximum recursion depth exceeded");
    const size_t n = code.param_count;
    const size_t k = code.kwonly_count;
    size_t kw_defaults = 0;
    for (bool d : code.kwonly_default) kw_defaults += d ? 1 : 0;
    const size_t pos_defaults = defaults.size() - kw_defaults;
    std::vector<Value> slots(code.local_count, Value::unbound());
    for (size_t i = 0; i < std::min(n, a.pos.size()); ++i) slots[i] = a.pos[i];
    size_t next_slot = n + k;
    if (code.varargs) {
        std::vector<Value> rest;
        if (a.pos.size() > n) rest.assign(a.pos.begin() + static_cast<long>(n), a.pos.end());
        slots[next_slot++] = new_tuple(std::move(rest));
    }
    Value extra_kw = Value::unbound();
    if (code.varkw) extra_kw = slots[next_slot] = new_dict();
    for (auto& [name, v] : a.kw) {
        size_t i = 0;
        while (i < n + k && code.param_names[i] != name) ++i;
        if (i == n + k) {
            if (code.varkw) {
                Value key = new_str(name_of(name)); // allocates: may move the heap
                get<DictObj>(extra_kw)->append(key, v);
                continue;
            }
            raise(BuiltinId::TypeError, fname + "() got an unexpected keyword argument '" +
                                            name_of(name) + "'");
        }
        if (!slots[i].is_unbound())
            raise(BuiltinId::TypeError, fname + "() got multiple values for argument '" +
                                            name_of(name) + "'");
        slots[i] = v;
    }
    // Too many positional arguments is reported after the keywords are bound, as CPython's
    // initialize_locals does (a keyword error wins).
    if (a.pos.size() > n && !code.varargs) {
        const size_t required = n - pos_defaults;
        std::string takes = required == n ? plural(n, "positional argument", "positional arguments")
                                          : "from " + std::to_string(required) + " to " + std::to_string(n) +
                                                " positional arguments";
        size_t kwonly_given = 0;
        for (auto& [name, v] : a.kw)
            for (size_t i = n; i < n + k; ++i) kwonly_given += code.param_names[i] == name ? 1 : 0;
        std::string given = std::to_string(a.pos.size());
        if (kwonly_given)
            given += " positional " + std::string(a.pos.size() == 1 ? "argument" : "arguments") + " (and " +
                     plural(kwonly_given, "keyword-only argument", "keyword-only arguments") + ")";
        raise(BuiltinId::TypeError, fname + "() takes " + takes + " but " + given +
                                        (a.pos.size() + kwonly_given == 1 ? " was" : " were") + " given");
    }
    std::vector<std::string> missing;
    for (size_t i = 0; i < n; ++i) {
        if (!slots[i].is_unbound()) continue;
        size_t first_default = n - pos_defaults;
        if (i >= first_default) slots[i] = defaults[i - first_default];
        else missing.push_back(name_of(code.param_names[i]));
    }
    if (!missing.empty())
        raise(BuiltinId::TypeError,
              fname + "() missing " +
                  plural(missing.size(), "required positional argument", "required positional arguments") +
                  ": " + quote_list(missing));
    size_t next_default = pos_defaults;
    for (size_t j = 0; j < k; ++j) {
        const bool has_default = code.kwonly_default[j];
        Value d = has_default ? defaults[next_default++] : Value::unbound();
        if (!slots[n + j].is_unbound()) continue;
        if (has_default) slots[n + j] = d;
        else missing.push_back(name_of(code.param_names[n + j]));
    }
    if (!missing.empty())
        raise(BuiltinId::TypeError,
              fname + "() missing " +
                  plural(missing.size(), "required keyword-only argument", "required keyword-only arguments") +
                  ": " + quote_list(missing));
    RC_CHECK(closure.size() == code.free_slots.size(), "a closure that does not match its code");
    size_t bound = n + k + (code.varargs ? 1 : 0) + (code.varkw ? 1 : 0);
    for (size_t i = 0; i < closure.size(); ++i) {
        slots[code.free_slots[i]] = closure[i];
        bound = std::max<size_t>(bound, code.free_slots[i] + 1);
    }
    if (code.generator) { // a generator function: the call makes the generator
        slots.resize(bound);
        complete_call(make_generator(code_id, std::move(slots), BuiltinId::GeneratorType));
        return;
    }
    charge(frame_bytes(code)); // given back when the frame is popped (exec.cpp)
    // The caller resumes after its Call (exceptions during binding leave its pc on the Call).
    if (!th().frames.empty()) th().frames.back().pc++;
    Frame f;
    f.code = code_id;
    f.pc = 0;
    f.exc_depth = static_cast<uint32_t>(th().exc_stack.size());
    f.call_line = call_line;
    f.call_col = call_col;
    f.locals_base = static_cast<uint32_t>(th().stack.size());
    f.stack_base = f.locals_base + code.local_count;
    if (!construct.is_unbound()) {
        f.returns = Frame::Return::Construct;
        f.init_self = construct;
    }
    th().stack.insert(th().stack.end(), slots.begin(), slots.end());
    th().frames.push_back(f);
}

Value Machine::make_prelude_generator(FuncId code, std::vector<Value> args, BuiltinId type) {
    return make_generator(code, std::move(args), type);
}

void Machine::do_call(uint32_t argc, uint32_t kwcount) {
    auto& stack = th().stack;
    size_t base = stack.size() - argc - kwcount;
    Value callee = stack[base - 1];
    // len(obj) and bool(obj) of a class defining __len__/__bool__: the methods run as calls.
    if (callee.tag == VTag::Builtin && argc == 1 && kwcount == 0 && get<InstanceObj>(stack[base])) {
        if (callee.builtin_id() == BuiltinId::Len && !user_dunder(stack[base], "__len__").is_unbound()) {
            Value obj = stack[base];
            stack.resize(base - 1);
            push_prelude(prog.prelude.user_len, {obj});
            return;
        }
        if (callee.builtin_id() == BuiltinId::Bool && user_truth(stack[base], 0)) return;
    }
    if (callee.tag == VTag::Builtin) { // builtins that iterate an argument lazily: iter() of it first
        const BuiltinId id = callee.builtin_id();
        uint32_t first = 0, last = 0; // the iterated positional arguments [first, last)
        if (id == BuiltinId::Enumerate || id == BuiltinId::Any || id == BuiltinId::All || (id == BuiltinId::Iter && argc == 1))
            last = std::min(argc, 1u);
        else if (id == BuiltinId::Zip)
            last = argc;
        else if (id == BuiltinId::Map)
            first = 1, last = argc;
        else if (id == BuiltinId::Filter)
            first = 1, last = std::min(argc, 2u);
        for (uint32_t i = first; i < last; ++i) {
            Value arg = stack[base + i];
            if (get<InstanceObj>(arg) && !user_dunder(arg, "__iter__").is_unbound()) {
                push_retry(prog.prelude.user_iter, {arg}, argc + kwcount - 1 - i);
                return;
            }
        }
    }
    // A builtin consuming a generator argument: drain it first, then run this Call again.
    if (consumes_iterables(*this, callee)) {
        const bool min_max_sum = callee.tag == VTag::Builtin &&
                                 (callee.builtin_id() == BuiltinId::Min || callee.builtin_id() == BuiltinId::Max ||
                                  callee.builtin_id() == BuiltinId::Sum);
        for (uint32_t i = 0; i < argc; ++i) {
            Value arg = stack[base + i];
            // An object whose class defines __iter__, where the builtin iterates it (not min(a, b)
            // or sum(items, start)): drained the same way, its __iter__ run as Python.
            const bool iterated = !min_max_sum || (i == 0 && (argc == 1 || callee.builtin_id() == BuiltinId::Sum));
            if (is_generator(arg) || get<AsCompletedObj>(arg) ||
                (iterated && get<InstanceObj>(arg) && !user_dunder(arg, "__iter__").is_unbound())) {
                if (i == 0 && callee.tag == VTag::Builtin && callee.builtin_id() == BuiltinId::Sum) {
                    // sum() adds each item as it comes: drained with the additions it will make.
                    Value start = argc >= 2 ? stack[base + 1] : Value::integer(0);
                    if (kwcount) {
                        const auto& names = prog.kwnames[code().code[frame().pc - 1].a];
                        for (uint32_t k = 0; k < kwcount; ++k)
                            if (name_of(names[k]) == "start") start = stack[base + argc + k];
                    }
                    push_retry(prog.prelude.sum_drain, {arg, start}, argc + kwcount - 1 - i);
                    return;
                }
                if (argc == 1 && kwcount && callee.tag == VTag::Builtin &&
                    (callee.builtin_id() == BuiltinId::Min || callee.builtin_id() == BuiltinId::Max) &&
                    is_generator(arg)) {
                    // min()/max() with a key call it on each item as it comes: min_max iterates
                    // the generator itself, in the prelude, so their side effects interleave.
                    const auto& names = prog.kwnames[code().code[frame().pc - 1].a];
                    bool keyed = false;
                    for (uint32_t k = 0; k < kwcount; ++k)
                        keyed = keyed || (name_of(names[k]) == "key" && !stack[base + argc + k].is_none());
                    if (keyed) break;
                }
                push_retry_drain(callee, arg, i, argc, kwcount);
                return;
            }
        }
    }
    Args a;
    a.pos.assign(stack.begin() + static_cast<long>(base), stack.begin() + static_cast<long>(base + argc));
    if (kwcount) {
        const Instr& prev = code().code[frame().pc - 1];
        RC_CHECK(prev.op == Op::KwNames, "keyword call without KwNames");
        const auto& names = prog.kwnames[prev.a];
        RC_CHECK(names.size() == kwcount, "KwNames count mismatch");
        for (uint32_t i = 0; i < kwcount; ++i) a.kw.emplace_back(names[i], stack[base + argc + i]);
    }
    stack.resize(base - 1);
    uint32_t call_line = line();

    // _rc_apply(fn, args, kwargs) is a call of fn with unpacked arguments.
    if (callee.tag == VTag::Builtin && callee.builtin_id() == BuiltinId::RcApply) {
        RC_CHECK(a.pos.size() == 3, "_rc_apply arity");
        Value fn = a.pos[0];
        Args inner;
        if (auto* t = get<TupleObj>(a.pos[1])) inner.pos = t->items;
        else if (auto* l = get<ListObj>(a.pos[1])) inner.pos = l->items;
        else if (!a.pos[1].is_none()) inner.pos = collect(a.pos[1]);
        if (auto* d = get<DictObj>(a.pos[2])) {
            for (auto& [k, v] : d->items) {
                const std::string* ks = str_of(k);
                if (!ks) raise(BuiltinId::TypeError, "keywords must be strings");
                inner.kw.emplace_back(keyword_name(*ks), v);
            }
        }
        callee = fn;
        a = std::move(inner);
    }

    if (auto* p = get<PartialObj>(callee)) { // its arguments first, its keywords updated by the call's
        Args b;
        b.pos = get<TupleObj>(p->args)->items;
        b.pos.insert(b.pos.end(), a.pos.begin(), a.pos.end());
        for (auto& [k, v] : get<DictObj>(p->keywords)->items) {
            const std::string* ks = str_of(k);
            if (!ks) raise(BuiltinId::TypeError, "keywords must be strings");
            b.kw.emplace_back(keyword_name(*ks), v);
        }
        for (const auto& given : a.kw) { // (no structured binding: clang 14 cannot capture one)
            auto same = std::find_if(b.kw.begin(), b.kw.end(),
                                     [&](const auto& kv) { return kv.first == given.first; });
            if (same != b.kw.end()) same->second = given.second;
            else b.kw.push_back(given);
        }
        callee = p->func;
        a = std::move(b);
    }
    if (get<InstanceObj>(callee)) { // an instance whose class defines __call__: a call of it
        Value f = user_dunder(callee, "__call__");
        if (!f.is_unbound()) callee = Value::object(alloc(Object{MethodObj{f, callee}}));
    }
    if (auto* mo = get<MethodObj>(callee)) { // a bound method of a Python function
        Args b;
        b.pos.reserve(a.pos.size() + 1);
        b.pos.push_back(mo->self);
        b.pos.insert(b.pos.end(), a.pos.begin(), a.pos.end());
        b.kw = std::move(a.kw);
        callee = mo->func;
        a = std::move(b);
    }
    if (callee.tag == VTag::Obj && get<FunctionObj>(callee)) {
        push_frame(callee, a, call_line);
        return;
    }
    if (get<ClassObj>(callee)) {
        Value made = call_class(callee, a, call_line);
        if (!made.is_unbound()) complete_call(made);
        return;
    }
    // next(generator[, default]) resumes the generator's frame.
    if (callee.tag == VTag::Builtin && callee.builtin_id() == BuiltinId::Next && !a.pos.empty() &&
        is_generator(a.pos[0]) && a.kw.empty() && a.pos.size() <= 2) {
        Value dflt = a.pos.size() == 2 ? a.pos[1] : Value::unbound();
        if (resume_generator(a.pos[0], Frame::Return::Next, 0, dflt)) return;
        if (!dflt.is_unbound()) return complete_call(dflt);
        raise(BuiltinId::StopIteration, "");
    }

    Value result;
    if (callee.tag == VTag::Builtin) {
        // CPython counts a call of a builtin function as one level of its C recursion, not a
        // call of a class (str(), list(), Thread(), ...: is_class) or of a method.
        std::optional<NativeLevel> level;
        if (!is_class(callee.builtin_id())) level.emplace(*this, " while calling a Python object");
        result = call_builtin(callee.builtin_id(), a);
    } else if (callee.tag == VTag::BoundMethod) {
        result = call_method_value(Value::object(callee.obj()), callee.method(), a);
    } else if (auto* md = get<MethodDescriptorObj>(callee)) {
        result = call_descriptor(*md, a);
    } else {
        raise(BuiltinId::TypeError, "'" + type_name(callee) + "' object is not callable");
    }
    // Unbound result: a Python frame was pushed, or a two-phase wait started (th().wait).
    if (!result.is_unbound()) complete_call(result);
}

std::string Machine::callable_str(Value fn) {
    if (auto* mo = get<MethodObj>(fn)) fn = mo->func;
    if (auto* f = get<FunctionObj>(fn)) {
        const CodeObject& code = prog.code[f->code.value];
        return "__main__." + (code.qualname.empty() ? code.name : code.qualname) + "()";
    }
    if (auto* c = get<ClassObj>(fn)) return "__main__." + c->name + "()";
    if (fn.tag == VTag::Builtin) return std::string(builtin_qualname(fn.builtin_id())) + "()";
    if (fn.tag == VTag::BoundMethod)
        return type_name(Value::object(fn.obj())) + "." + name_of(fn.method()) + "()";
    if (auto* md = get<MethodDescriptorObj>(fn))
        return std::string(builtin_name(md->owner)) + "." + name_of(md->method) + "()";
    return str(fn);
}

Value Machine::call_method_value(Value self, NameId method, const Args& a) {
    if (class_of(self).valid() || get<WrapperObj>(self)) return call_user_method(self, method, a);
    if (get<ListObj>(self) || get<DictObj>(self) || get<TupleObj>(self) || str_of(self) ||
        get<SetObj>(self) || get<DequeObj>(self))
        return call_container_method(self, method, a);
    if (get<LoggerObj>(self)) return call_logger_method(self, method, a);
    if (get<RangeObj>(self)) {
        KnownName k = known_name(method);
        if (k == KnownName::index || k == KnownName::count) {
            Value x = bind(a, Sig{k == KnownName::index ? "range.index" : "range.count", Sig::Style::One, {"value"}, 1, 1})[0];
            int64_t n = 0, at = -1;
            std::vector<Value> items = collect(self);
            for (size_t i = 0; i < items.size(); ++i)
                if (equal(items[i], x)) {
                    if (at < 0) at = static_cast<int64_t>(i);
                    ++n;
                }
            if (k == KnownName::count) return Value::integer(n);
            if (at < 0) raise(BuiltinId::ValueError, repr(x) + " is not in range");
            return Value::integer(at);
        }
    }
    if (get<GeneratorObj>(self) || get<ExceptionObj>(self) || get<DictViewObj>(self) || get<IterObj>(self))
        no_attribute(self, method);
    return call_sync_method(self, method, a);
}

Value Machine::call_descriptor(const MethodDescriptorObj& md, const Args& a) {
    const MethodDescriptorObj d = md;
    if (!a.pos.empty() && class_of(a.pos[0]).valid() && name_of(d.method) == "__init__") {
        Args rest; // Thread.__init__(self, ...) / Exception.__init__(self, ...) in a subclass
        rest.pos.assign(a.pos.begin() + 1, a.pos.end());
        rest.kw = a.kw;
        native_init(a.pos[0], rest);
        return Value::none();
    }
    if (d.owner == BuiltinId::Object && name_of(d.method) == "__new__") { // object.__new__(cls)
        if (a.pos.empty()) raise(BuiltinId::TypeError, "object.__new__(): not enough arguments");
        auto* c = get<ClassObj>(a.pos[0]);
        if (!c) {
            if (a.pos[0].tag == VTag::Builtin && is_class(a.pos[0].builtin_id()))
                unsupported("object.__new__() of a builtin class");
            raise(BuiltinId::TypeError, "object.__new__(X): X is not a type object (" + type_name(a.pos[0]) + ")");
        }
        if (c->native != BuiltinId::Object) unsupported("object.__new__() of a class derived from " + std::string(builtin_qualname(c->native)));
        if (a.pos.size() > 1 || !a.kw.empty()) {
            if (!class_lookup(a.pos[0].obj(), dunder("__new__")).is_unbound())
                raise(BuiltinId::TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
            if (!get<FunctionObj>(class_lookup(a.pos[0].obj(), dunder("__init__"))))
                raise(BuiltinId::TypeError, c->name + "() takes no arguments");
        }
        InstanceObj inst;
        inst.cls = a.pos[0].obj();
        inst.line = line();
        return Value::object(alloc(Object{std::move(inst)}));
    }
    if (d.owner == BuiltinId::Dict && known_name(d.method) == KnownName::fromkeys) return dict_fromkeys(a);
    if ((d.owner == BuiltinId::Defaultdict || d.owner == BuiltinId::Counter) && known_name(d.method) == KnownName::fromkeys)
        return call_dict_kind_method(make_dict_kind(d.owner, Args{}), d.method, a);
    const std::string qual = std::string(builtin_name(d.owner)) + "." + name_of(d.method);
    if (a.pos.empty())
        raise(BuiltinId::TypeError, "unbound method " + qual + "() needs an argument");
    Value self = a.pos[0];
    BuiltinId t = type_of(self);
    if (t != d.owner && !(d.owner == BuiltinId::Int && t == BuiltinId::Bool) &&
        !(d.owner == BuiltinId::Dict && (t == BuiltinId::Defaultdict || t == BuiltinId::Counter)))
        raise(BuiltinId::TypeError, "descriptor '" + name_of(d.method) + "' for '" +
                                        std::string(builtin_name(d.owner)) + "' objects doesn't apply to a '" +
                                        type_name(self) + "' object");
    Args rest;
    rest.pos.assign(a.pos.begin() + 1, a.pos.end());
    rest.kw = a.kw;
    return call_method_value(self, d.method, rest);
}

} // namespace rc
