// Classes the program defines, with CPython 3.12's semantics: building a class, instantiation,
// attribute lookup and binding, super(), the native __init__ of Thread and exception bases,
// isinstance/issubclass over user classes, and user dunders called from native code. One file:
// each of these goes through the MRO lookup and attribute binding defined here.
#include <algorithm> // find
#include <string>    // messages

#include "model/runtime/machine.hpp" // Machine
#include "model/values/arguments.hpp" // plural

namespace rc {

namespace {

/// C3 linearization (Python's MRO) of a class with these user bases; false when none exists.
bool c3_merge(std::vector<std::vector<ObjectId>> seqs, std::vector<ObjectId>& out) {
    for (;;) {
        seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](const auto& s) { return s.empty(); }),
                   seqs.end());
        if (seqs.empty()) return true;
        ObjectId pick;
        for (const auto& s : seqs) {
            ObjectId head = s.front();
            bool in_tail = false;
            for (const auto& t : seqs)
                if (std::find(t.begin() + 1, t.end(), head) != t.end()) in_tail = true;
            if (!in_tail) {
                pick = head;
                break;
            }
        }
        if (!pick.valid()) return false;
        out.push_back(pick);
        for (auto& s : seqs)
            if (!s.empty() && s.front() == pick) s.erase(s.begin());
    }
}

bool is_native_base(BuiltinId b) {
    return b == BuiltinId::Object || b == BuiltinId::Thread || is_exception_class(b);
}

} // namespace

std::optional<NameId> Machine::find_name(const std::string& text) const {
    auto it = std::find(prog.names.begin(), prog.names.end(), text);
    if (it == prog.names.end()) return std::nullopt;
    return NameId(static_cast<uint32_t>(it - prog.names.begin()));
}

NameId Machine::keyword_name(const std::string& text) {
    if (auto n = find_name(text)) return *n;
    auto it = std::find(runtime_names.begin(), runtime_names.end(), text);
    if (it == runtime_names.end()) it = runtime_names.insert(it, text);
    return NameId(static_cast<uint32_t>(prog.names.size() + static_cast<size_t>(it - runtime_names.begin())));
}

NameId Machine::dunder(const char* text) const {
    auto n = find_name(text);
    return n ? *n : NameId();
}

Value Machine::build_class(Value name, const std::vector<Value>& bases) {
    ClassObj c;
    c.name = *str_of(name);
    c.line = line();
    c.bases = bases;
    std::vector<std::vector<ObjectId>> seqs;
    std::vector<ObjectId> direct;
    for (Value b : bases) {
        if (auto* bc = get<ClassObj>(b)) {
            seqs.push_back(bc->mro);
            direct.push_back(b.obj());
            BuiltinId n = bc->native;
            if (n != BuiltinId::Object && c.native != BuiltinId::Object && n != c.native) {
                if (is_exception_class(n) && is_exception_class(c.native)) {
                    if (exception_matches(n, c.native)) c.native = n;
                    else if (!exception_matches(c.native, n))
                        raise(BuiltinId::TypeError, "multiple bases have instance lay-out conflict");
                } else {
                    raise(BuiltinId::TypeError, "multiple bases have instance lay-out conflict");
                }
            } else if (n != BuiltinId::Object) {
                c.native = n;
            }
            continue;
        }
        if (b.tag == VTag::Builtin && is_class(b.builtin_id())) {
            BuiltinId n = b.builtin_id();
            if (!is_native_base(n))
                unsupported("subclassing " + std::string(builtin_qualname(n)),
                            "racecheck models classes derived from object, threading.Thread and "
                            "exception classes");
            if (n == BuiltinId::Object) continue;
            if (c.native != BuiltinId::Object && c.native != n) {
                if (is_exception_class(n) && is_exception_class(c.native) && exception_matches(n, c.native)) {
                    c.native = n;
                    continue;
                }
                if (is_exception_class(n) && is_exception_class(c.native) && exception_matches(c.native, n))
                    continue;
                raise(BuiltinId::TypeError, "multiple bases have instance lay-out conflict");
            }
            c.native = n;
            continue;
        }
        if (b.tag == VTag::Obj && get<FunctionObj>(b))
            raise(BuiltinId::TypeError, "function() argument 'code' must be code, not str");
        raise(BuiltinId::TypeError, "bases must be types");
    }
    ObjectId self = ObjectId(static_cast<uint32_t>(st.heap.size()));
    seqs.push_back(direct);
    std::vector<ObjectId> rest;
    if (!c3_merge(seqs, rest))
        raise(BuiltinId::TypeError, "Cannot create a consistent method resolution order (MRO)");
    c.mro.push_back(self);
    c.mro.insert(c.mro.end(), rest.begin(), rest.end());
    ObjectId id = alloc(Object{std::move(c)});
    RC_CHECK(id == self, "build_class: heap ids are not sequential");
    return Value::object(id);
}

ObjectId Machine::class_of(Value v) {
    if (auto* i = get<InstanceObj>(v)) return i->cls;
    if (auto* e = get<ExceptionObj>(v)) return e->cls;
    return ObjectId();
}

Value Machine::class_lookup(ObjectId cls, NameId name, ObjectId after) {
    if (!name.valid()) return Value::unbound();
    const std::vector<ObjectId> mro = ref<ClassObj>(cls).mro;
    size_t k = 0;
    if (after.valid()) {
        while (k < mro.size() && mro[k] != after) ++k;
        ++k;
    }
    for (; k < mro.size(); ++k)
        if (const Value* v = find_attr(ref<ClassObj>(mro[k]).attrs, name)) return *v;
    return Value::unbound();
}

Value Machine::bind_class_attr(Value found, Value self, ObjectId cls) {
    if (get<FunctionObj>(found)) {
        if (self.is_unbound()) return found; // taken from the class: a plain function
        return Value::object(alloc(Object{MethodObj{found, self}}));
    }
    if (auto* w = get<WrapperObj>(found)) {
        switch (w->kind) {
        case WrapperObj::Kind::Static: return w->func;
        case WrapperObj::Kind::Class: {
            Value f = w->func;
            return Value::object(alloc(Object{MethodObj{f, Value::object(cls)}}));
        }
        case WrapperObj::Kind::Property: return found; // the caller runs the getter
        }
    }
    return found;
}

bool Machine::property_of(Value obj, NameId name, bool setter, Value* fn) {
    ObjectId cls = class_of(obj);
    if (!cls.valid()) return false;
    if (get<InstanceObj>(obj) && find_attr(get<InstanceObj>(obj)->attrs, name) && !setter) {
        // an instance attribute shadows only non-data descriptors; property is a data descriptor
    }
    Value found = class_lookup(cls, name);
    auto* w = get<WrapperObj>(found);
    if (!w || w->kind != WrapperObj::Kind::Property) return false;
    if (setter && w->setter.is_none())
        raise(BuiltinId::AttributeError, "property '" + name_of(name) + "' of '" +
                                             ref<ClassObj>(cls).name + "' object has no setter");
    *fn = setter ? w->setter : w->func;
    return true;
}

bool Machine::user_attribute(Value obj, NameId name, Value* out) {
    if (obj.tag != VTag::Obj) return false;
    const std::string& n = name_of(name);
    if (auto* c = get<ClassObj>(obj)) {
        if (n == "__name__" || n == "__qualname__") {
            *out = new_str(c->name);
            return true;
        }
        if (n == "__mro__") {
            std::vector<Value> items;
            for (ObjectId k : c->mro) items.push_back(Value::object(k));
            if (c->native != BuiltinId::Object) items.push_back(Value::builtin(c->native));
            items.push_back(Value::builtin(BuiltinId::Object));
            *out = new_tuple(std::move(items));
            return true;
        }
        Value found = class_lookup(obj.obj(), name);
        if (found.is_unbound()) {
            if (c->native != BuiltinId::Object) { // Thread.start, Exception.args ... from the class
                *out = attribute(Value::builtin(c->native), name);
                return true;
            }
            raise(BuiltinId::AttributeError, "type object '" + c->name + "' has no attribute '" + n + "'");
        }
        *out = bind_class_attr(found, Value::unbound(), obj.obj());
        return true;
    }
    if (auto* s = get<SuperObj>(obj)) {
        SuperObj sp = *s;
        ObjectId start = class_of(sp.self);
        if (get<ClassObj>(sp.self)) start = sp.self.obj();
        Value found = start.valid() ? class_lookup(start, name, sp.cls) : Value::unbound();
        if (!found.is_unbound()) {
            if (auto* w = get<WrapperObj>(found); w && w->kind == WrapperObj::Kind::Property) {
                *out = call_sync(w->func, {sp.self});
                return true;
            }
            *out = bind_class_attr(found, get<ClassObj>(sp.self) ? Value::unbound() : sp.self,
                                   start);
            return true;
        }
        if (n == "__init__" || n == "__str__" || n == "__repr__") {
            *out = Value::bound_method(sp.self.obj(), name); // the native method of the base
            return true;
        }
        if (n == "__new__" && start.valid() && ref<ClassObj>(start).native == BuiltinId::Object) { // object.__new__
            *out = attribute(Value::builtin(BuiltinId::Object), name);
            return true;
        }
        if (auto* i = get<InstanceObj>(sp.self); i && !i->native.is_unbound()) {
            *out = attribute(i->native, name);
            return true;
        }
        raise(BuiltinId::AttributeError, "'super' object has no attribute '" + n + "'");
    }
    if (auto* m = get<MethodObj>(obj)) {
        if (n == "__self__") {
            *out = m->self;
            return true;
        }
        if (n == "__func__") {
            *out = m->func;
            return true;
        }
        if (n == "__name__" || n == "__qualname__") {
            *out = attribute(m->func, name);
            return true;
        }
        return false;
    }
    if (auto* w = get<WrapperObj>(obj)) {
        if (w->kind == WrapperObj::Kind::Property && (n == "setter" || n == "getter" || n == "fget" || n == "fset")) {
            if (n == "fget") *out = w->func;
            else if (n == "fset") *out = w->setter;
            else *out = Value::bound_method(obj.obj(), name);
            return true;
        }
        if (n == "__func__") {
            *out = w->func;
            return true;
        }
        return false;
    }
    ObjectId cls = class_of(obj);
    if (!cls.valid()) return false;
    if (n == "__class__") {
        *out = Value::object(cls);
        return true;
    }
    if (n == "__dict__")
        unsupported("__dict__ of an instance", "read the attributes by name");
    const AttrList* attrs = nullptr;
    if (auto* i = get<InstanceObj>(obj)) attrs = &i->attrs;
    else attrs = &get<ExceptionObj>(obj)->attrs;
    if (const Value* v = find_attr(*attrs, name)) {
        *out = *v;
        return true;
    }
    Value found = class_lookup(cls, name);
    if (!found.is_unbound()) {
        *out = bind_class_attr(found, obj, cls);
        return true;
    }
    if (auto* i = get<InstanceObj>(obj); i && !i->native.is_unbound()) {
        *out = attribute(i->native, name); // Thread's name, start, join...
        return true;
    }
    if (n == "__init__" && get<InstanceObj>(obj)) { // object.__init__ (or Thread's), bound
        *out = Value::bound_method(obj.obj(), name);
        return true;
    }
    if (get<InstanceObj>(obj) && ref<ClassObj>(cls).native == BuiltinId::Thread) {
        const KnownName k = known_name(name);
        if (k == KnownName::start || k == KnownName::join || k == KnownName::name || k == KnownName::is_alive ||
            k == KnownName::daemon)
            raise(BuiltinId::RuntimeError, "thread.__init__() not called");
    }
    if (get<ExceptionObj>(obj)) return false; // e.args and the rest: the builtin exception's
    raise(BuiltinId::AttributeError, "'" + ref<ClassObj>(cls).name + "' object has no attribute '" + n + "'");
}

bool Machine::store_user_attribute(Value obj, NameId name, Value v) {
    if (auto* c = get<ClassObj>(obj)) {
        (void)c;
        if (name_of(name) == "__new__" && get<FunctionObj>(v)) { // a static method implicitly, as type() makes it
            WrapperObj w;
            w.kind = WrapperObj::Kind::Static;
            w.func = v;
            w.setter = Value::none();
            v = Value::object(alloc(Object{w}));
        }
        if (shared(obj)) mark_shared(v);
        AttrList& attrs = get<ClassObj>(obj)->attrs;
        for (auto& [an, val] : attrs)
            if (an == name) {
                val = v;
                return true;
            }
        charge(sizeof(std::pair<NameId, Value>));
        get<ClassObj>(obj)->attrs.emplace_back(name, v);
        return true;
    }
    ObjectId cls = class_of(obj);
    if (!cls.valid()) return false;
    if (auto* i = get<InstanceObj>(obj); i && !i->native.is_unbound()) {
        const KnownName k = known_name(name);
        if (k == KnownName::name || k == KnownName::daemon) {
            store_attribute(i->native, name, v);
            return true;
        }
    }
    if (shared(obj)) mark_shared(v);
    AttrList& attrs = get<InstanceObj>(obj) ? get<InstanceObj>(obj)->attrs : get<ExceptionObj>(obj)->attrs;
    for (auto& [an, val] : attrs)
        if (an == name) {
            val = v;
            return true;
        }
    charge(sizeof(std::pair<NameId, Value>));
    AttrList& again = get<InstanceObj>(obj) ? get<InstanceObj>(obj)->attrs : get<ExceptionObj>(obj)->attrs;
    again.emplace_back(name, v);
    return true;
}

Value Machine::call_class(Value cls, const Args& a, uint32_t call_line) {
    const ClassObj& c = ref<ClassObj>(cls.obj());
    const BuiltinId native = c.native;
    const std::string name = c.name;
    Value init = class_lookup(cls.obj(), dunder("__init__"));
    if (Value nw = class_lookup(cls.obj(), dunder("__new__")); !nw.is_unbound()) {
        // A class that defines __new__: _rc_construct calls it, then __init__ on what it made.
        auto* w = get<WrapperObj>(nw);
        if (!w || w->kind != WrapperObj::Kind::Static || !get<FunctionObj>(w->func))
            unsupported("a __new__ that is not a def function");
        if (native != BuiltinId::Object) unsupported("__new__ in a class derived from " + std::string(builtin_qualname(native)));
        const Value new_fn = w->func; // (w points into the heap, which the allocations below may move)
        Value kwargs = new_dict();
        for (const auto& kv : a.kw) store_subscript(kwargs, new_str(name_of(kv.first)), kv.second);
        Value args = new_tuple(a.pos);
        push_prelude(prog.prelude.construct, {cls, new_fn, args, kwargs});
        return Value::unbound();
    }
    Value self;
    if (is_exception_class(native)) {
        ExceptionObj e;
        e.type = native;
        e.cls = cls.obj();
        e.args = a.pos;
        e.thread = tid;
        e.line = line();
        self = Value::object(alloc(Object{std::move(e)}));
    } else {
        InstanceObj inst;
        inst.cls = cls.obj();
        inst.line = line();
        self = Value::object(alloc(Object{std::move(inst)}));
    }
    if (get<FunctionObj>(init)) {
        Args b;
        b.pos.reserve(a.pos.size() + 1);
        b.pos.push_back(self);
        b.pos.insert(b.pos.end(), a.pos.begin(), a.pos.end());
        b.kw = a.kw;
        push_frame(init, b, call_line, self);
        return Value::unbound();
    }
    if (!init.is_unbound()) unsupported("an __init__ that is not a def function");
    native_init(self, a);
    return self;
}

void Machine::native_init(Value self, const Args& a) {
    ObjectId cls = class_of(self);
    const BuiltinId native = ref<ClassObj>(cls).native;
    if (auto* e = get<ExceptionObj>(self)) {
        (void)e;
        if (!a.kw.empty())
            raise(BuiltinId::TypeError, ref<ClassObj>(cls).name + "() takes no keyword arguments");
        get<ExceptionObj>(self)->args = a.pos;
        return;
    }
    if (native == BuiltinId::Thread) {
        Value t = construct_sync(BuiltinId::Thread, a);
        get<InstanceObj>(self)->native = t;
        Value run = class_lookup(cls, dunder("run"));
        if (get<FunctionObj>(run)) { // Thread.run is overridden: the thread runs it
            Value bound = Value::object(alloc(Object{MethodObj{run, self}}));
            Value no_args = new_tuple({});
            auto* to = get<ThreadObj>(t);
            to->target = bound;
            to->args = no_args;
            to->kwargs = Value::none();
        }
        if (shared(self)) mark_shared(t);
        return;
    }
    if (!a.pos.empty() || !a.kw.empty()) {
        // object.__init__ ignores extra arguments when the class overrides __new__ and not __init__
        if (!get<FunctionObj>(class_lookup(cls, dunder("__init__"))) && !class_lookup(cls, dunder("__new__")).is_unbound())
            return;
        if (get<FunctionObj>(class_lookup(cls, dunder("__init__"))))
            raise(BuiltinId::TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
        raise(BuiltinId::TypeError, ref<ClassObj>(cls).name + "() takes no arguments");
    }
}

Value Machine::call_user_method(Value self, NameId method, const Args& a) {
    const std::string& n = name_of(method);
    if (n == "__init__") {
        native_init(self, a);
        return Value::none();
    }
    if (n == "__str__" || n == "__repr__") {
        if (!a.pos.empty()) raise(BuiltinId::TypeError, "expected 0 arguments");
        return new_str(n == "__str__" ? native_str(self) : native_repr(self));
    }
    if (auto* w = get<WrapperObj>(self); w && n == "setter") {
        if (a.pos.size() != 1) raise(BuiltinId::TypeError, "setter() takes exactly one argument");
        WrapperObj copy = *w;
        copy.setter = a.pos[0];
        return Value::object(alloc(Object{copy}));
    }
    if (auto* w = get<WrapperObj>(self); w && n == "getter") {
        if (a.pos.size() != 1) raise(BuiltinId::TypeError, "getter() takes exactly one argument");
        WrapperObj copy = *w;
        copy.func = a.pos[0];
        return Value::object(alloc(Object{copy}));
    }
    no_attribute(self, method);
}

Value Machine::make_wrapper(BuiltinId id, const Args& a) {
    WrapperObj w;
    w.setter = Value::none();
    if (id == BuiltinId::Property) {
        Bound b = bind(a, Sig{"property", Sig::Style::Python, {"fget", "fset", "fdel", "doc"}, 0, 0});
        if (b.has(2) && !b[2].is_none()) unsupported("property(fdel=...)");
        w.kind = WrapperObj::Kind::Property;
        w.func = b.has(0) ? b[0] : Value::none();
        w.setter = b.has(1) ? b[1] : Value::none();
    } else {
        const char* what = id == BuiltinId::Staticmethod ? "staticmethod" : "classmethod";
        if (!a.kw.empty()) raise(BuiltinId::TypeError, std::string(what) + "() takes no keyword arguments");
        check_arity(what, a, 1, 1);
        w.kind = id == BuiltinId::Staticmethod ? WrapperObj::Kind::Static : WrapperObj::Kind::Class;
        w.func = a.pos[0];
    }
    if (!w.func.is_none() && !get<FunctionObj>(w.func))
        unsupported(std::string(builtin_name(id)) + "() of something that is not a def function");
    return Value::object(alloc(Object{w}));
}

Value Machine::make_super(const Args& a) {
    if (a.pos.empty()) raise(BuiltinId::RuntimeError, "super(): no arguments");
    if (a.pos.size() != 2 || !a.kw.empty()) unsupported("super() with other than zero or two arguments");
    if (!get<ClassObj>(a.pos[0]))
        raise(BuiltinId::TypeError, "super() argument 1 must be a type, not " + type_name(a.pos[0]));
    ObjectId start = get<ClassObj>(a.pos[1]) ? a.pos[1].obj() : class_of(a.pos[1]);
    const auto& mro = start.valid() ? ref<ClassObj>(start).mro : std::vector<ObjectId>{};
    if (std::find(mro.begin(), mro.end(), a.pos[0].obj()) == mro.end())
        raise(BuiltinId::TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return Value::object(alloc(Object{SuperObj{a.pos[0].obj(), a.pos[1]}}));
}

bool Machine::user_subclass(ObjectId have, Value cls) {
    if (auto* c = get<ClassObj>(cls)) {
        (void)c;
        const auto& mro = ref<ClassObj>(have).mro;
        return std::find(mro.begin(), mro.end(), cls.obj()) != mro.end();
    }
    if (auto* t = get<TupleObj>(cls)) {
        std::vector<Value> items = t->items;
        for (Value c : items)
            if (user_subclass(have, c)) return true;
        return false;
    }
    return is_subclass(ref<ClassObj>(have).native, cls);
}

Value Machine::type_value(Value v) {
    if (ObjectId c = class_of(v); c.valid()) return Value::object(c);
    if (get<ClassObj>(v)) return Value::builtin(BuiltinId::Type);
    return Value::builtin(type_of(v));
}

// ---- user dunders called from native code ----

Value Machine::user_dunder(Value v, const char* name) {
    ObjectId cls = class_of(v);
    if (!cls.valid()) return Value::unbound();
    NameId n = dunder(name);
    if (!n.valid()) return Value::unbound();
    Value f = class_lookup(cls, n);
    return get<FunctionObj>(f) ? f : Value::unbound();
}

bool Machine::user_truth(Value v, uint32_t depth) {
    if (!get<InstanceObj>(v)) return false;
    const bool has_bool = !user_dunder(v, "__bool__").is_unbound();
    if (!has_bool && user_dunder(v, "__len__").is_unbound()) return false;
    push_retry(prog.prelude.user_truth, {v, Value::boolean(has_bool)}, depth);
    return true;
}

Value Machine::call_sync(Value fn, std::vector<Value> args) {
    if (rendering) return new_str("<...>"); // reports never run the program's code
    auto* fo = get<FunctionObj>(fn);
    if (!fo) unsupported("calling " + type_name(fn) + " from a special method");
    if (prog.code[fo->code.value].generator) unsupported("a generator as a special method");
    ThreadState& t = th();
    const size_t depth = t.frames.size();
    const uint32_t saved_pc = depth ? t.frames.back().pc : 0;
    Args a;
    a.pos = std::move(args);
    push_frame(fn, a, depth ? line() : 0);
    if (depth) th().frames[depth - 1].pc = saved_pc; // push_frame moved the caller past its Call
    Event* saved_event = event;
    event = nullptr;
    uint64_t budget = interp.limits().max_local_instructions;
    while (th().frames.size() > depth) {
        PendingOp op;
        if (classify(*this, &op)) {
            switch (op.kind) {
            case OpKind::GlobalRead:
            case OpKind::GlobalWrite:
            case OpKind::ContainerRead:
            case OpKind::ContainerWrite:
            case OpKind::AttrRead:
            case OpKind::AttrWrite:
            case OpKind::Print:
            case OpKind::Log: break; // done as part of the operation that called the method
            default:
                event = saved_event;
                unsupported(std::string("a threading operation (") + std::string(op_kind_name(op.kind)) +
                                ") inside a special method (__str__, __repr__, __eq__, __hash__, ...) "
                                "or a property read by getattr()",
                            "do the threading operation in an ordinary method");
            }
        }
        if (budget-- == 0) {
            event = saved_event;
            unsupported("a special method that runs for ever");
        }
        try {
            execute(*this);
        } catch (PyRaise& r) {
            Value exc = r.exc;
            if (!unwind_above(*this, exc, depth)) {
                event = saved_event;
                throw PyRaise{exc};
            }
        }
    }
    event = saved_event;
    return pop();
}

std::optional<std::string> Machine::user_str(Value v, bool want_repr) {
    Value f = want_repr ? Value::unbound() : user_dunder(v, "__str__");
    if (f.is_unbound()) f = user_dunder(v, "__repr__");
    if (f.is_unbound()) return std::nullopt;
    if (rendering) return std::string("<") + type_name(v) + " object>";
    Value r = call_sync(f, {v});
    const std::string* s = str_of(r);
    if (!s)
        raise(BuiltinId::TypeError, std::string(want_repr || user_dunder(v, "__str__").is_unbound() ? "__repr__" : "__str__") +
                                        " returned non-string (type " + type_name(r) + ")");
    return *s;
}

std::string Machine::native_repr(Value v) {
    if (auto* e = get<ExceptionObj>(v)) {
        std::vector<Value> args = e->args;
        std::string name = type_name(v);
        if (args.size() == 1) return name + "(" + repr(args[0]) + ")";
        std::string t = repr(new_tuple(args));
        return name + t;
    }
    ObjectId cls = class_of(v);
    if (get<InstanceObj>(v) && !get<InstanceObj>(v)->native.is_unbound()) {
        std::string inner = repr(get<InstanceObj>(v)->native); // <Thread(Thread-1, initial)>
        return "<" + ref<ClassObj>(cls).name + inner.substr(inner.find('('));
    }
    if (render_short) { // traces and outcomes: the class and its scalar attributes
        const AttrList attrs = get<InstanceObj>(v)->attrs;
        std::string out = "<" + ref<ClassObj>(cls).name;
        size_t shown = 0;
        for (const auto& [n, x] : attrs) {
            if (++shown > 6) {
                out += " ...";
                break;
            }
            const bool plain = x.tag != VTag::Obj || str_of(x);
            out += " " + name_of(n) + "=" + (plain ? repr(x) : "<" + type_name(x) + ">");
        }
        return out + (attrs.empty() ? " object>" : ">");
    }
    return "<__main__." + ref<ClassObj>(cls).name + " object at 0x" + hex_identity(v) + ">";
}

std::string Machine::native_str(Value v) {
    if (get<ExceptionObj>(v)) {
        ExceptionObj e = *get<ExceptionObj>(v);
        if (e.args.empty()) return "";
        if (e.args.size() == 1) return str(e.args[0]);
        return repr(new_tuple(e.args));
    }
    return native_repr(v);
}

std::optional<bool> Machine::user_compare(ast::CmpOpKind op, Value a, Value b) {
    using K = ast::CmpOpKind;
    const char* names[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};
    const char* swapped[] = {"__eq__", "__ne__", "__gt__", "__ge__", "__lt__", "__le__"};
    int k = op == K::Eq ? 0 : op == K::NotEq ? 1 : op == K::Lt ? 2 : op == K::LtE ? 3 : op == K::Gt ? 4 : 5;
    if (!class_of(a).valid() && !class_of(b).valid()) return std::nullopt;
    auto attempt = [&](Value self, Value other, const char* name) -> std::optional<bool> {
        Value f = user_dunder(self, name);
        if (f.is_unbound()) return std::nullopt;
        Value r = call_sync(f, {self, other});
        if (r.tag == VTag::Builtin && r.builtin_id() == BuiltinId::NotImplemented) return std::nullopt;
        if (r.tag != VTag::Bool)
            unsupported(std::string("a comparison method (") + name + ") that returns a " + type_name(r) + ", not a bool",
                        "return a bool (or NotImplemented): racecheck's comparisons give bools");
        return r.i != 0;
    };
    if (auto r = attempt(a, b, names[k])) return r;
    if (auto r = attempt(b, a, swapped[k])) return r;
    if (op == K::NotEq) {
        if (auto r = attempt(a, b, "__eq__")) return !*r;
    }
    return std::nullopt;
}

std::optional<int64_t> Machine::user_hash(Value v) {
    if (!class_of(v).valid()) return std::nullopt;
    Value f = user_dunder(v, "__hash__");
    if (f.is_unbound()) {
        // A class that defines __eq__ and not __hash__ is unhashable.
        ObjectId cls = class_of(v);
        NameId eq = dunder("__eq__"), h = dunder("__hash__");
        for (ObjectId k : ref<ClassObj>(cls).mro) {
            const AttrList& attrs = ref<ClassObj>(k).attrs;
            if (h.valid() && find_attr(attrs, h)) break;
            if (eq.valid() && find_attr(attrs, eq))
                raise(BuiltinId::TypeError, "unhashable type: '" + ref<ClassObj>(cls).name + "'");
        }
        return std::nullopt;
    }
    Value r = call_sync(f, {v});
    if (!r.is_int_like()) raise(BuiltinId::TypeError, "__hash__ method should return an integer");
    return r.i == -1 ? -2 : r.i;
}

} // namespace rc
