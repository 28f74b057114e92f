// collections.defaultdict and collections.Counter as CPython 3.12 has them (Modules/
// _collectionsmodule.c's defdict_missing and defdict_repr; Lib/collections/__init__.py's
// Counter): dicts whose kind (DictObj::Kind) gives them their type, a missing-key rule, a few
// methods and a repr. Everything else is dict's (model/library/dict_methods.cpp).
#include "model/stdlib/collections_dicts.hpp"

#include <algorithm> // clamp, max

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

using S = Sig::Style;
using K = DictObj::Kind;

bool is_kind(Machine& m, Value v, K kind) {
    auto* d = m.get<DictObj>(v);
    return d && d->kind == kind;
}

Value new_kind(Machine& m, K kind, Value factory) {
    Value d = m.new_dict();
    m.get<DictObj>(d)->kind = kind;
    m.get<DictObj>(d)->default_factory = factory;
    return d;
}

[[noreturn]] void key_error(Machine& m, Value key) {
    Value exc = m.make_exception(BuiltinId::KeyError, "");
    m.get<ExceptionObj>(exc)->args = {key};
    m.raise_value(exc);
}

/// self.get(key, 0), as Counter's methods read a count.
Value count_of(Machine& m, Value self, Value key) {
    m.hash(key);
    if (Value* v = m.dict_find(*m.get<DictObj>(self), key)) return *v;
    return Value::integer(0);
}

/// Counter.update (sign +1) and Counter.subtract (sign -1) with one positional argument: a
/// mapping adds (subtracts) its counts, any other iterable counts its elements.
void counter_add(Machine& m, Value self, Value source, int sign) {
    using B = ast::BinOpKind;
    if (auto* src = m.get<DictObj>(source)) {
        std::vector<std::pair<Value, Value>> items = src->items;
        if (sign > 0 && m.get<DictObj>(self)->items.empty()) { // fast path: dict.update
            for (auto& [k, c] : items) m.store_subscript(self, k, c);
            return;
        }
        for (auto& [k, c] : items) {
            Value now = count_of(m, self, k);
            m.store_subscript(self, k, sign > 0 ? m.binary(B::Add, c, now, false) : m.binary(B::Sub, now, c, false));
        }
        return;
    }
    for (Value k : m.collect(source)) {
        Value now = count_of(m, self, k);
        m.store_subscript(self, k, m.binary(sign > 0 ? B::Add : B::Sub, now, Value::integer(1), false));
    }
}

/// update/subtract(iterable=None, /, **kwds) and Counter(iterable=None, /, **kwds). True when
/// the rest runs as Python: CPython's Counter.update and subtract of a mapping are a Python loop,
/// one read and one write of each count (Lib/collections/__init__.py: `self[elem] = count +
/// self_get(elem, 0)`), except an update into an empty Counter (dict.update, one C call), and
/// keywords are such a mapping. On a Counter another thread can reach, that loop runs as the
/// prelude's _rc_counter_items, so that its steps interleave as CPython's do and a count can be
/// lost. An iterable's elements are counted in one step (update: _count_elements, one C call;
/// subtract's Python loop over elements is an approximation of racecheck's).
bool counter_update(Machine& m, Value self, const Args& a, const char* name, int sign) {
    Args positional;
    positional.pos = a.pos;
    Bound b = m.bind(positional, Sig{name, S::Python, {"iterable"}, 0, 1, static_cast<size_t>(-1), 1});
    Value kwds = Value::none();
    if (!a.kw.empty()) {
        kwds = m.new_dict();
        for (auto& [n, v] : a.kw) {
            const Value key = m.new_str(m.name_of(n)); // first: it may grow the heap, which
            m.get<DictObj>(kwds)->append(key, v);      // would leave a DictObj* dangling
        }
    }
    const bool shared = m.shared(self);
    auto loops = [&](Value mapping) {
        return shared && m.get<DictObj>(mapping) && (sign < 0 || !m.get<DictObj>(self)->items.empty());
    };
    if (b.has(0) && !b[0].is_none()) {
        if (loops(b[0])) {
            m.push_prelude(m.prog.prelude.counter_items, {self, b[0], kwds, Value::integer(sign)});
            return true;
        }
        counter_add(m, self, b[0], sign);
    }
    if (!kwds.is_none()) {
        if (loops(kwds)) {
            m.push_prelude(m.prog.prelude.counter_items, {self, kwds, Value::none(), Value::integer(sign)});
            return true;
        }
        counter_add(m, self, kwds, sign);
    }
    return false;
}

/// Counter.most_common(n): the items, stably sorted by count, largest first (sorted(...,
/// reverse=True), which heapq.nlargest equals), the first n of them.
Value most_common(Machine& m, Value self, Value n) {
    std::vector<Value> counts, items;
    std::vector<std::pair<Value, Value>> entries = m.get<DictObj>(self)->items;
    for (auto& [k, c] : entries) {
        counts.push_back(c);
        items.push_back(m.new_tuple({k, c}));
    }
    m.sort_values(counts, &items, true);
    if (!n.is_none()) {
        if (!n.is_int_like())
            m.unsupported("Counter.most_common() with a count that is not an int");
        items.resize(static_cast<size_t>(std::clamp<int64_t>(n.i, 0, static_cast<int64_t>(items.size()))));
    }
    return m.new_list(std::move(items));
}

std::string items_repr(Machine& m, const std::vector<std::pair<Value, Value>>& items) {
    std::string out = "{";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += m.repr(items[i].first) + ": " + m.repr(items[i].second);
    }
    return out + "}";
}

/// The callable a defaultdict calls for a missing key, called with no arguments.
Value call_factory(Machine& m, Value factory) {
    if (m.get<FunctionObj>(factory)) return m.call_sync(factory, {});
    if (m.get<ClassObj>(factory)) {
        if (NameId init = m.dunder("__init__"); init.valid() && !m.class_lookup(factory.obj(), init).is_unbound())
            m.unsupported("a class with __init__ as a defaultdict's default_factory",
                          "use a lambda or a function that returns the instance");
        Value out = m.call_class(factory, Args{}, m.line());
        RC_CHECK(!out.is_unbound(), "a class without __init__ pushed a frame");
        return out;
    }
    if (factory.tag == VTag::Builtin || factory.tag == VTag::BoundMethod || m.get<MethodDescriptorObj>(factory))
        return m.call_native(factory, {});
    if (!m.is_callable(factory))
        m.raise(BuiltinId::TypeError, "'" + m.type_name(factory) + "' object is not callable");
    m.unsupported("a " + m.type_name(factory) + " as a defaultdict's default_factory",
                  "use a class, a lambda or a function");
}

const char* op_symbol(ast::BinOpKind op, bool inplace) {
    return op == ast::BinOpKind::Add ? (inplace ? "+=" : "+") : (inplace ? "-=" : "-");
}

/// Keeps the positive counts only (Counter._keep_positive).
void keep_positive(Machine& m, Value self) {
    std::vector<Value> drop;
    std::vector<std::pair<Value, Value>> entries = m.get<DictObj>(self)->items;
    for (auto& [k, c] : entries)
        if (!m.compare(ast::CmpOpKind::Gt, c, Value::integer(0))) drop.push_back(k);
    for (Value k : drop) m.delete_subscript(self, k);
}

bool plain_key(Machine& m, Value v, int depth) {
    switch (v.tag) {
    case VTag::None:
    case VTag::Bool:
    case VTag::Int:
    case VTag::Float:
    case VTag::Builtin:
    case VTag::Module: return true;
    case VTag::Obj:
        if (m.get<StrObj>(v)) return true;
        if (auto* t = m.get<TupleObj>(v)) {
            if (depth > 8) return false;
            for (Value x : t->items)
                if (!plain_key(m, x, depth + 1)) return false;
            return true;
        }
        return false;
    default: return false;
    }
}

} // namespace

Value Machine::make_dict_kind(BuiltinId id, const Args& a) {
    if (id == BuiltinId::Counter) {
        if (a.pos.size() > 1)
            raise(BuiltinId::TypeError, "Counter.__init__() takes from 1 to 2 positional arguments but " +
                                            std::to_string(a.pos.size() + 1) + " were given");
        Value c = new_kind(*this, K::Counter, Value::none());
        counter_update(*this, c, a, "Counter.__init__", 1);
        return c;
    }
    Value factory = a.pos.empty() ? Value::none() : a.pos[0];
    if (!factory.is_none() && !is_callable(factory))
        raise(BuiltinId::TypeError, "first argument must be callable or None");
    if (a.pos.size() > 2)
        raise(BuiltinId::TypeError, "dict expected at most 1 argument, got " + std::to_string(a.pos.size() - 1));
    Value d = new_kind(*this, K::DefaultDict, factory);
    if (a.pos.size() == 2) dict_update(d, a.pos[1]);
    for (auto& [n, v] : a.kw) store_subscript(d, new_str(name_of(n)), v);
    return d;
}

Value Machine::dict_missing(Value dict, Value key) {
    const DictObj& d = *get<DictObj>(dict);
    if (d.kind == K::Counter) return Value::integer(0);
    if (d.kind == K::Dict || d.default_factory.is_none()) key_error(*this, key);
    Value v = call_factory(*this, d.default_factory);
    store_subscript(dict, key, v); // self[key] = value (over what the factory may have stored)
    return v;
}

Value Machine::call_dict_kind_method(Value self, NameId method, const Args& a) {
    const K kind = get<DictObj>(self)->kind;
    const bool counter = kind == K::Counter;
    switch (known_name(method)) {
    case KnownName::copy: {
        if (counter) bind(a, Sig{"Counter.copy", S::Python, {}, 0, 0, static_cast<size_t>(-1), 1});
        else bind(a, Sig{"defaultdict.copy", S::None, {}, 0, 0});
        Value out = new_kind(*this, kind, get<DictObj>(self)->default_factory);
        std::vector<std::pair<Value, Value>> items = get<DictObj>(self)->items;
        for (auto& [k, v] : items) get<DictObj>(out)->append(k, v);
        return out;
    }
    case KnownName::fromkeys:
        if (counter)
            raise(BuiltinId::NotImplementedError, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
        {
            Value plain = dict_fromkeys(a);
            Value out = new_kind(*this, K::DefaultDict, Value::none());
            for (auto& [k, v] : get<DictObj>(plain)->items) get<DictObj>(out)->append(k, v);
            return out;
        }
    default: break;
    }
    if (!counter) return Value::unbound();
    switch (known_name(method)) {
    case KnownName::update: // unbound: the loop runs as Python (a frame was pushed)
        return counter_update(*this, self, a, "Counter.update", 1) ? Value::unbound() : Value::none();
    case KnownName::subtract:
        return counter_update(*this, self, a, "Counter.subtract", -1) ? Value::unbound() : Value::none();
    case KnownName::most_common: {
        Bound b = bind(a, Sig{"Counter.most_common", S::Python, {"n"}, 0, 0, static_cast<size_t>(-1), 1});
        return most_common(*this, self, b.has(0) ? b[0] : Value::none());
    }
    case KnownName::total: {
        bind(a, Sig{"Counter.total", S::Python, {}, 0, 0, static_cast<size_t>(-1), 1});
        Value sum = Value::integer(0);
        std::vector<std::pair<Value, Value>> items = get<DictObj>(self)->items;
        for (auto& [k, c] : items) sum = binary(ast::BinOpKind::Add, sum, c, false);
        return sum;
    }
    case KnownName::elements: {
        bind(a, Sig{"Counter.elements", S::Python, {}, 0, 0, static_cast<size_t>(-1), 1});
        std::vector<Value> out;
        std::vector<std::pair<Value, Value>> items = get<DictObj>(self)->items;
        for (auto& [k, c] : items) {
            if (!c.is_int_like())
                raise(BuiltinId::TypeError, "'" + type_name(c) + "' object cannot be interpreted as an integer");
            reserve(static_cast<uint64_t>(std::max<int64_t>(c.i, 0)) * sizeof(Value));
            for (int64_t i = 0; i < c.i; ++i) out.push_back(k);
        }
        return get_iter(new_list(std::move(out)));
    }
    default: return Value::unbound();
    }
}

std::string Machine::dict_kind_repr(Value v, const std::string& dict_body) {
    const DictObj& d = *get<DictObj>(v);
    if (d.kind == K::DefaultDict) {
        Value factory = d.default_factory;
        return "defaultdict(" + repr(factory) + ", " + dict_body + ")";
    }
    if (d.items.empty()) return "Counter()";
    // dict(self.most_common()), or dict order when the counts do not compare (TypeError).
    std::vector<std::pair<Value, Value>> items = d.items;
    try {
        Value sorted = most_common(*this, v, Value::none());
        items.clear();
        for (Value t : get<ListObj>(sorted)->items)
            items.emplace_back(get<TupleObj>(t)->items[0], get<TupleObj>(t)->items[1]);
    } catch (const PyRaise& e) {
        if (!get<ExceptionObj>(e.exc) || get<ExceptionObj>(e.exc)->type != BuiltinId::TypeError) throw;
    }
    return "Counter(" + items_repr(*this, items) + ")";
}

bool counter_inplace_loops(Machine& m, ast::BinOpKind op, Value l, Value r) {
    return (op == ast::BinOpKind::Add || op == ast::BinOpKind::Sub) && is_kind(m, l, K::Counter) &&
           m.shared(l) && m.get<DictObj>(r) != nullptr;
}

Value counter_binary(Machine& m, ast::BinOpKind op, Value l, Value r, bool inplace) {
    const bool lc = is_kind(m, l, K::Counter), rc = is_kind(m, r, K::Counter);
    if (!lc && !rc) return Value::unbound();
    using B = ast::BinOpKind;
    if (op != B::Add && op != B::Sub)
        m.unsupported("the " + std::string(op == B::BitOr ? "|" : op == B::BitAnd ? "&" : "given") +
                          " operator on a Counter",
                      "racecheck models Counter's + and - (and += / -=)");
    if (inplace && lc) { // Counter.__iadd__/__isub__: any mapping with items()
        if (!m.get<DictObj>(r))
            m.raise(BuiltinId::AttributeError, "'" + m.type_name(r) + "' object has no attribute 'items'");
        std::vector<std::pair<Value, Value>> items = m.get<DictObj>(r)->items;
        for (auto& [k, c] : items) {
            m.hash(k);
            Value* now = m.dict_find(*m.get<DictObj>(l), k);
            m.store_subscript(l, k, m.binary(op, now ? *now : Value::integer(0), c, false));
        }
        keep_positive(m, l);
        return l;
    }
    if (!lc || !rc)
        m.raise(BuiltinId::TypeError, std::string("unsupported operand type(s) for ") + op_symbol(op, inplace) +
                                          ": '" + m.type_name(l) + "' and '" + m.type_name(r) + "'");
    Value out = new_kind(m, K::Counter, Value::none());
    const Value zero = Value::integer(0);
    std::vector<std::pair<Value, Value>> mine = m.get<DictObj>(l)->items, theirs = m.get<DictObj>(r)->items;
    for (auto& [k, c] : mine) {
        Value n = m.binary(op, c, count_of(m, r, k), false);
        if (m.compare(ast::CmpOpKind::Gt, n, zero)) m.store_subscript(out, k, n);
    }
    for (auto& [k, c] : theirs) {
        m.hash(k);
        if (m.dict_find(*m.get<DictObj>(l), k)) continue;
        if (op == B::Add && m.compare(ast::CmpOpKind::Gt, c, zero)) m.store_subscript(out, k, c);
        if (op == B::Sub && m.compare(ast::CmpOpKind::Lt, c, zero))
            m.store_subscript(out, k, m.binary(B::Sub, zero, c, false));
    }
    return out;
}

bool subscript_may_insert(Machine& m, Value dict, Value key) {
    auto* d = m.get<DictObj>(dict);
    if (!d || d->kind != K::DefaultDict || d->default_factory.is_none()) return false;
    if (!plain_key(m, key, 0)) return true;
    for (const auto& [k, v] : d->items)
        if (!plain_key(m, k, 0)) return true;
    return m.dict_find(*d, key) == nullptr;
}

} // namespace rc
