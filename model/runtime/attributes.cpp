// Attribute access: module members, the attributes of builtin types and threading objects, and
// what CPython has that racecheck does not implement (refused) as against what CPython lacks
// too (AttributeError, with CPython's "Did you mean" suggestion over dir() of the type).
#include <algorithm> // find

#include "model/bytecode/cpython_names.hpp" // dir() of CPython's types and modules
#include "model/runtime/machine.hpp"        // Machine
#include "model/stdlib/named_tuples.hpp"     // named_tuple_field

namespace rc {

namespace {

bool in_dir(const std::vector<std::string_view>& dir, const std::string& name) {
    return std::find(dir.begin(), dir.end(), name) != dir.end();
}

/// Instances of these CPython classes are written in Python: they accept new attributes.
bool python_class(BuiltinId t) {
    switch (t) {
    case BuiltinId::Thread:
    case BuiltinId::Timer:
    case BuiltinId::Condition:
    case BuiltinId::Semaphore:
    case BuiltinId::BoundedSemaphore:
    case BuiltinId::Event:
    case BuiltinId::Barrier:
    case BuiltinId::Queue:
    case BuiltinId::LifoQueue:
    case BuiltinId::PriorityQueue:
    case BuiltinId::SimpleQueue:
    case BuiltinId::FutureType:
    case BuiltinId::ThreadPoolExecutor:
    case BuiltinId::Counter:
    case BuiltinId::LoggerType: return true;
    default: return false;
    }
}

} // namespace

void Machine::no_attribute(Value obj, NameId name) {
    const std::string& n = name_of(name);
    std::vector<std::string_view> dir;
    std::string message;
    if (obj.tag == VTag::Module) {
        dir = cpython_module_dir(obj.module_id());
        if (in_dir(dir, n)) unsupported(std::string(module_name(obj.module_id())) + "." + n);
        message = "module '" + std::string(module_name(obj.module_id())) + "' has no attribute '" + n + "'";
    } else if (obj.tag == VTag::Builtin && is_class(obj.builtin_id())) {
        dir = cpython_type_dir(obj.builtin_id());
        if (in_dir(dir, n)) unsupported(std::string(builtin_name(obj.builtin_id())) + "." + n + " (from the class)");
        message = "type object '" + std::string(builtin_name(obj.builtin_id())) + "' has no attribute '" + n + "'";
    } else {
        BuiltinId t = type_of(obj);
        dir = cpython_instance_dir(t); // with what CPython's __init__ sets: sem._value, q.maxsize
        if (in_dir(dir, n)) unsupported(type_name(obj) + "." + n);
        message = "'" + type_name(obj) + "' object has no attribute '" + n + "'";
    }
    Value exc = make_exception(BuiltinId::AttributeError, message);
    std::string near = cpython_suggestion(n, dir);
    if (!near.empty()) get<ExceptionObj>(exc)->suggestion = ". Did you mean: '" + near + "'?";
    raise_value(exc);
}

Value Machine::attribute(Value obj, NameId name) {
    const std::string& n = name_of(name);
    const KnownName k = known_name(name);
    if (obj.tag == VTag::Module) {
        ModuleId m = obj.module_id();
        if (m == ModuleId::Concurrent && n == "futures") return Value::module(ModuleId::ConcurrentFutures);
        if (auto c = module_constant(m, n)) return Value::integer(*c);
        if (auto f = module_float_constant(m, n)) return Value::floating(*f);
        if (auto t = module_text_constant(m, n)) return new_str(std::string(*t));
        if (auto b = module_member(m, n)) return Value::builtin(*b);
        no_attribute(obj, name);
    }
    if (Value found; user_attribute(obj, name, &found)) return found;
    if (n == "__new__" && obj.tag == VTag::Builtin && obj.builtin_id() == BuiltinId::Object) {
        MethodDescriptorObj md; // object.__new__(cls) in a class's __new__
        md.owner = BuiltinId::Object;
        md.method = name;
        return Value::object(alloc(Object{md}));
    }
    if (n == "__init__" && obj.tag == VTag::Builtin &&
        (obj.builtin_id() == BuiltinId::Thread || obj.builtin_id() == BuiltinId::Object ||
         is_exception_class(obj.builtin_id()))) {
        MethodDescriptorObj md; // Thread.__init__(self, ...) in a subclass's __init__
        md.owner = obj.builtin_id();
        md.method = name;
        return Value::object(alloc(Object{md}));
    }
    if (n == "__class__") return type_value(obj);
    if (auto* p = get<PartialObj>(obj)) {
        if (n == "func") return p->func;
        if (n == "args") return p->args;
        if (n == "keywords") return p->keywords;
    }
    if (auto* f = get<FunctionObj>(obj); f && !f->wrapped.is_unbound()) { // functools.update_wrapper
        if (n == "__wrapped__") return f->wrapped;
        if (n == "__name__" || n == "__qualname__" || n == "__module__") return attribute(f->wrapped, name);
    }
    if (n == "__module__" && get<FunctionObj>(obj)) return new_str("__main__");
    if (n == "__module__" && obj.tag == VTag::Builtin && (builtin_kind(obj.builtin_id()) == BuiltinKind::Fn || builtin_kind(obj.builtin_id()) == BuiltinKind::Cls))
        return new_str("builtins");
    if (n == "__name__" || n == "__qualname__") {
        if (obj.tag == VTag::Builtin) return new_str(std::string(builtin_name(obj.builtin_id())));
        if (auto* f = get<FunctionObj>(obj)) {
            const CodeObject& c = prog.code[f->code.value];
            return new_str(n == "__qualname__" && !c.qualname.empty() ? c.qualname : c.name);
        }
        if (auto* md = get<MethodDescriptorObj>(obj)) return new_str(name_of(md->method));
        if (obj.tag == VTag::BoundMethod) return new_str(name_of(obj.method()));
    }
    if (obj.tag == VTag::Builtin) {
        BuiltinId b = obj.builtin_id();
        if (b == BuiltinId::ItChain && n == "from_iterable") return Value::builtin(BuiltinId::ItChainFromIterable);
        if (b == BuiltinId::SysStdout || b == BuiltinId::SysStderr) { // sys.stdout.write, ...
            const bool out = b == BuiltinId::SysStdout;
            if (n == "write") return Value::builtin(out ? BuiltinId::StdoutWrite : BuiltinId::StderrWrite);
            if (n == "flush") return Value::builtin(out ? BuiltinId::StdoutFlush : BuiltinId::StderrFlush);
            if (in_dir(cpython_type_dir(b), n)) unsupported("sys." + std::string(builtin_name(b)) + "." + n);
            raise(BuiltinId::AttributeError, "'_io.TextIOWrapper' object has no attribute '" + n + "'");
        }
        switch (b) {
        case BuiltinId::Str:
        case BuiltinId::List:
        case BuiltinId::Dict:
        case BuiltinId::Tuple:
        case BuiltinId::Set:
        case BuiltinId::Frozenset:
        case BuiltinId::Deque:
        case BuiltinId::Defaultdict:
        case BuiltinId::Counter:
        case BuiltinId::Int:
        case BuiltinId::Float:
            if (in_dir(cpython_type_dir(b), n) && n.rfind("__", 0) != 0) {
                MethodDescriptorObj md;
                md.owner = b;
                md.method = name;
                return Value::object(alloc(Object{md}));
            }
            break;
        default: break;
        }
        no_attribute(obj, name);
    }
    if (obj.is_int_like() || obj.tag == VTag::Float) {
        if (n == "real") return obj.tag == VTag::Bool ? Value::integer(obj.i) : obj;
        if (n == "imag") return obj.tag == VTag::Float ? Value::floating(0) : Value::integer(0);
        if (obj.is_int_like() && n == "numerator") return Value::integer(obj.i);
        if (obj.is_int_like() && n == "denominator") return Value::integer(1);
        no_attribute(obj, name);
    }
    if (obj.tag != VTag::Obj) no_attribute(obj, name);
    if (auto* t = get<ThreadObj>(obj)) {
        if (k == KnownName::name) return new_str(t->name);
        if (k == KnownName::daemon) return Value::boolean(t->daemon);
        if (k == KnownName::ident || k == KnownName::native_id)
            return t->started ? Value::integer(1000 + t->tid.value) : Value::none();
        if (k == KnownName::start || k == KnownName::join || k == KnownName::is_alive || k == KnownName::run ||
            (t->timer.valid() && k == KnownName::cancel))
            return Value::bound_method(obj.obj(), name);
        if (t->timer.valid()) {
            if (k == KnownName::finished) return Value::object(t->timer);
            if (k == KnownName::interval) return t->interval;
            if (k == KnownName::function) return t->target;
            if (k == KnownName::args) return t->args;
            if (k == KnownName::kwargs) return t->kwargs;
        }
    } else if (auto* e = get<ExceptionObj>(obj)) {
        if (k == KnownName::args) return new_tuple(e->args);
        if (e->type == BuiltinId::SystemExit && k == KnownName::code)
            return e->args.empty() ? Value::none() : e->args.size() == 1 ? e->args[0] : new_tuple(e->args);
        if (e->type == BuiltinId::StopIteration && k == KnownName::value)
            return e->args.empty() ? Value::none() : e->args[0];
    } else if (auto* l = get<LocalObj>(obj)) {
        for (auto& [t, attrs] : l->per_thread) {
            if (t != tid) continue;
            for (auto& [an, v] : attrs)
                if (an == name) return v;
        }
        if (!in_dir(cpython_type_dir(BuiltinId::Local), n))
            raise(BuiltinId::AttributeError, "'_thread._local' object has no attribute '" + n + "'");
    } else if (get<ConditionObj>(obj)) {
        // Condition.__init__ binds its lock's acquire and release as instance attributes.
        if (k == KnownName::acquire || k == KnownName::release) return Value::bound_method(obj.obj(), name);
    } else if (auto* b = get<BarrierObj>(obj)) {
        if (k == KnownName::parties) return Value::integer(b->parties);
        // CPython: the count while the barrier fills (an action running included), 0 once broken
        if (k == KnownName::n_waiting) return Value::integer(b->broken ? 0 : b->waiting);
        if (k == KnownName::broken) return Value::boolean(b->broken);
    } else if (auto* q = get<QueueObj>(obj)) {
        if (k == KnownName::maxsize && !q->simple) return Value::integer(q->maxsize);
    } else if (auto* d = get<DequeObj>(obj)) {
        if (k == KnownName::maxlen) return d->maxlen < 0 ? Value::none() : Value::integer(d->maxlen);
    } else if (auto* tu = get<TupleObj>(obj); tu && tu->named != BuiltinId::Tuple) {
        if (Value field = named_tuple_field(*this, obj, n); !field.is_unbound()) return field;
    } else if (auto* dd = get<DictObj>(obj)) {
        if (k == KnownName::default_factory && dd->kind == DictObj::Kind::DefaultDict) return dd->default_factory;
    } else if (auto* r = get<RangeObj>(obj)) {
        if (k == KnownName::start) return Value::integer(r->start);
        if (k == KnownName::stop) return Value::integer(r->stop);
        if (k == KnownName::step) return Value::integer(r->step);
    } else if (auto* s = get<SliceObj>(obj)) {
        if (k == KnownName::start) return s->lower;
        if (k == KnownName::stop) return s->upper;
        if (k == KnownName::step) return s->step;
    } else if (auto* lg = get<LoggerObj>(obj)) {
        if (k == KnownName::name) return new_str(lg->name);
        if (k == KnownName::level) return Value::integer(lg->name == "root" ? st.logging.root_level : lg->level);
    }
    // A method: bound now, refused when called if racecheck does not implement it. A name that is
    // no attribute of the CPython type raises AttributeError now, as in CPython.
    BuiltinId t = type_of(obj);
    std::vector<std::string_view> dir = cpython_type_dir(t);
    if (in_dir(dir, n) && n.rfind("__", 0) != 0 && !get<ExceptionObj>(obj) && !get<FunctionObj>(obj) &&
        !get<IterObj>(obj) && !get<GeneratorObj>(obj) && !get<LocalObj>(obj) && !get<DictViewObj>(obj))
        return Value::bound_method(obj.obj(), name);
    no_attribute(obj, name);
}

void Machine::store_attribute(Value obj, NameId name, Value v) {
    if (store_user_attribute(obj, name, v)) return;
    const KnownName k = known_name(name);
    if (auto* t = get<ThreadObj>(obj)) {
        if (k == KnownName::daemon) {
            if (t->started) raise(BuiltinId::RuntimeError, "cannot set daemon status of active thread");
            get<ThreadObj>(obj)->daemon = truthy(v);
            return;
        }
        if (k == KnownName::name) {
            get<ThreadObj>(obj)->name = str(v);
            return;
        }
    } else if (auto* d = get<DictObj>(obj); d && d->kind == DictObj::Kind::DefaultDict && k == KnownName::default_factory) {
        if (shared(obj)) mark_shared(v);
        get<DictObj>(obj)->default_factory = v;
        return;
    } else if (get<LocalObj>(obj)) {
        if (shared(obj)) mark_shared(v);
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
    const BuiltinId t = obj.tag == VTag::Obj ? type_of(obj) : BuiltinId::Object;
    if (python_class(t))
        unsupported("setting attribute '" + name_of(name) + "' on a " + type_name(obj) + " object",
                    "attributes of objects are outside the subset (classes are issue 11)");
    if (obj.tag == VTag::Module)
        unsupported("setting attribute '" + name_of(name) + "' of module " +
                    std::string(module_name(obj.module_id())));
    if (obj.tag == VTag::Builtin)
        raise(BuiltinId::TypeError, "cannot set '" + name_of(name) + "' attribute of immutable type '" +
                                        std::string(builtin_name(obj.builtin_id())) + "'");
    raise(BuiltinId::AttributeError, "'" + type_name(obj) + "' object has no attribute '" +
                                         name_of(name) + "'");
}

} // namespace rc
