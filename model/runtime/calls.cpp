// Calls: binding arguments to Python functions, dispatching builtins and methods, attributes.
#include <algorithm> // stable_sort, reverse, find_if
#include <cmath>     // round, floor

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

std::string plural(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string quote_list(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

} // namespace

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

void Machine::push_frame(Value fnv, const Args& a, uint32_t call_line) {
    const uint32_t call_col = th().frames.empty() ? 0 : col();
    auto* fn = get<FunctionObj>(fnv);
    RC_CHECK(fn != nullptr, "push_frame on a non-function");
    FuncId code_id = fn->code;
    std::vector<Value> defaults = fn->defaults;
    const CodeObject& code = prog.code[code_id.value];
    if (th().frames.size() >= interp.limits().max_frames)
        raise(BuiltinId::RecursionError, "maximum recursion depth exceeded");
    size_t n = code.param_count;
    std::vector<Value> slots(code.local_count, Value::unbound());
    if (a.pos.size() > n) {
        size_t takes = n;
        raise(BuiltinId::TypeError,
              code.name + "() takes " + plural(takes, "positional argument", "positional arguments") +
                  " but " + std::to_string(a.pos.size()) + (a.pos.size() == 1 ? " was" : " were") +
                  " given");
    }
    for (size_t i = 0; i < a.pos.size(); ++i) slots[i] = a.pos[i];
    for (auto& [name, v] : a.kw) {
        size_t i = 0;
        while (i < n && code.param_names[i] != name) ++i;
        if (i == n)
            raise(BuiltinId::TypeError, code.name + "() got an unexpected keyword argument '" +
                                            prog.name_of(name) + "'");
        if (!slots[i].is_unbound())
            raise(BuiltinId::TypeError, code.name + "() got multiple values for argument '" +
                                            prog.name_of(name) + "'");
        slots[i] = v;
    }
    std::vector<std::string> missing;
    for (size_t i = 0; i < n; ++i) {
        if (!slots[i].is_unbound()) continue;
        size_t first_default = n - defaults.size();
        if (i >= first_default) slots[i] = defaults[i - first_default];
        else missing.push_back(prog.name_of(code.param_names[i]));
    }
    if (!missing.empty())
        raise(BuiltinId::TypeError,
              code.name + "() missing " +
                  plural(missing.size(), "required positional argument", "required positional arguments") +
                  ": " + quote_list(missing));
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
    th().stack.insert(th().stack.end(), slots.begin(), slots.end());
    th().frames.push_back(f);
}

void Machine::do_call(uint32_t argc, uint32_t kwcount) {
    Args a;
    auto& stack = th().stack;
    size_t base = stack.size() - argc - kwcount;
    Value callee = stack[base - 1];
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
        if (fn.is_none()) { // Thread(target=None): run() does nothing
            complete_call(Value::none());
            return;
        }
        Args inner;
        if (auto* t = get<TupleObj>(a.pos[1])) inner.pos = t->items;
        if (auto* d = get<DictObj>(a.pos[2])) {
            for (auto& [k, v] : d->items) {
                const std::string* ks = str_of(k);
                RC_CHECK(ks != nullptr, "non-string keyword");
                auto it = std::find(prog.names.begin(), prog.names.end(), *ks);
                if (it == prog.names.end())
                    raise(BuiltinId::TypeError, "got an unexpected keyword argument '" + *ks + "'");
                inner.kw.emplace_back(NameId(static_cast<uint32_t>(it - prog.names.begin())), v);
            }
        }
        callee = fn;
        a = std::move(inner);
    }

    if (callee.tag == VTag::Obj && get<FunctionObj>(callee)) {
        push_frame(callee, a, call_line);
        return;
    }

    Value result;
    if (callee.tag == VTag::Builtin) {
        result = call_builtin(callee.builtin_id(), a);
    } else if (callee.tag == VTag::BoundMethod) {
        Value self = Value::object(callee.obj());
        if (get<ListObj>(self) || get<DictObj>(self) || get<TupleObj>(self) || str_of(self))
            result = call_container_method(self, callee.method(), a);
        else
            result = call_sync_method(self, callee.method(), a);
    } else {
        raise(BuiltinId::TypeError, "'" + type_name(callee) + "' object is not callable");
    }
    // Unbound result: a Python frame was pushed, or a two-phase wait started (th().wait).
    if (!result.is_unbound()) complete_call(result);
}

Value Machine::attribute(Value obj, NameId name) {
    const std::string& n = prog.name_of(name);
    if (obj.tag == VTag::Module) {
        if (obj.module_id() == ModuleId::Concurrent && n == "futures")
            return Value::module(ModuleId::ConcurrentFutures);
        uint16_t b = name.value < tables.module_members.size()
                         ? tables.module_members[name.value][static_cast<size_t>(obj.module_id())]
                         : 0;
        if (b) return Value::builtin(static_cast<BuiltinId>(b - 1));
        raise(BuiltinId::AttributeError, "module '" + std::string(module_name(obj.module_id())) +
                                             "' has no attribute '" + n + "'");
    }
    if (obj.tag == VTag::Obj) {
        auto k = static_cast<KnownName>(name.value);
        bool known = name.value < kKnownNameCount;
        if (auto* t = get<ThreadObj>(obj)) {
            if (known && k == KnownName::name) return new_str(t->name);
            if (known && k == KnownName::daemon) return Value::boolean(t->daemon);
            if (known && (k == KnownName::ident || k == KnownName::native_id))
                return t->started ? Value::integer(1000 + t->tid.value) : Value::none();
            if (known && (k == KnownName::start || k == KnownName::join || k == KnownName::is_alive || k == KnownName::run))
                return Value::bound_method(obj.obj(), name);
        } else if (auto* e = get<ExceptionObj>(obj)) {
            if (known && k == KnownName::args) return new_tuple(e->args);
        } else if (auto* l = get<LocalObj>(obj)) {
            for (auto& [t, attrs] : l->per_thread) {
                if (t != tid) continue;
                for (auto& [an, v] : attrs)
                    if (an == name) return v;
            }
            raise(BuiltinId::AttributeError, "'_thread._local' object has no attribute '" + n + "'");
        } else if (auto* b = get<BarrierObj>(obj)) {
            if (known && k == KnownName::parties) return Value::integer(b->parties);
            if (known && k == KnownName::n_waiting) return Value::integer(b->waiting);
            if (known && k == KnownName::broken) return Value::boolean(b->broken);
        } else if (auto* q = get<QueueObj>(obj)) {
            if (known && k == KnownName::maxsize) return Value::integer(q->maxsize);
        }
        if (!get<ExceptionObj>(obj) && !get<FunctionObj>(obj) && !get<IterObj>(obj) && !get<RangeObj>(obj))
            return Value::bound_method(obj.obj(), name); // validated when called
    }
    raise(BuiltinId::AttributeError, "'" + type_name(obj) + "' object has no attribute '" + n + "'");
}

void Machine::store_attribute(Value obj, NameId name, Value v) {
    auto k = static_cast<KnownName>(name.value);
    bool known = name.value < kKnownNameCount;
    if (auto* t = get<ThreadObj>(obj)) {
        if (known && k == KnownName::daemon) {
            if (t->started) raise(BuiltinId::RuntimeError, "cannot set daemon status of active thread");
            get<ThreadObj>(obj)->daemon = truthy(v);
            return;
        }
        if (known && k == KnownName::name) {
            get<ThreadObj>(obj)->name = str(v);
            return;
        }
    } else if (get<LocalObj>(obj)) {
        auto& per = get<LocalObj>(obj)->per_thread;
        auto it = std::find_if(per.begin(), per.end(), [&](auto& p) { return p.first == tid; });
        if (it == per.end()) {
            per.push_back({tid, {}});
            it = per.end() - 1;
        }
        for (auto& [an, val] : it->second) {
            if (an == name) {
                val = v;
                return;
            }
        }
        it->second.emplace_back(name, v);
        return;
    }
    raise(BuiltinId::AttributeError, "'" + type_name(obj) + "' object has no attribute '" +
                                         prog.name_of(name) + "'");
}

} // namespace rc
