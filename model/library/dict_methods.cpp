// The methods of dict and its live views (keys, values, items), with CPython 3.12's
// signatures and messages. A call is one atomic operation (a shared dict's call is one visible
// operation).
#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

[[noreturn]] void key_error(Machine& m, Value key) {
    Value exc = m.make_exception(BuiltinId::KeyError, "");
    m.get<ExceptionObj>(exc)->args = {key};
    m.raise_value(exc);
}

} // namespace

void Machine::dict_update(Value dict, Value other) {
    if (auto* src = get<DictObj>(other)) {
        std::vector<std::pair<Value, Value>> items = src->items;
        for (auto& [k, v] : items) store_subscript(dict, k, v);
        return;
    }
    if (get<DictViewObj>(other) || get<SetObj>(other) || get<StrObj>(other) || is_iterable(other)) {
        std::vector<Value> pairs = collect(other);
        for (size_t i = 0; i < pairs.size(); ++i) {
            if (!is_iterable(pairs[i]))
                raise(BuiltinId::TypeError, "cannot convert dictionary update sequence element #" +
                                                std::to_string(i) + " to a sequence");
            std::vector<Value> kv = collect(pairs[i]);
            if (kv.size() != 2)
                raise(BuiltinId::ValueError, "dictionary update sequence element #" + std::to_string(i) +
                                                 " has length " + std::to_string(kv.size()) + "; 2 is required");
            store_subscript(dict, kv[0], kv[1]);
        }
        return;
    }
    raise(BuiltinId::TypeError, "'" + type_name(other) + "' object is not iterable");
}

Value Machine::dict_fromkeys(const Args& a) {
    Bound b = bind(a, Sig{"fromkeys", Sig::Style::Expected, {"iterable", "value"}, 1, 2});
    Value value = b.has(1) ? b[1] : Value::none();
    Value d = new_dict();
    for (Value k : collect(b[0])) store_subscript(d, k, value);
    return d;
}

Value Machine::call_dict_method(Value self, NameId method, const Args& a) {
    using S = Sig::Style;
    auto dict = [&]() -> DictObj& { return *get<DictObj>(self); };
    const bool sh = shared(self);
    if (dict().kind != DictObj::Kind::Dict) { // defaultdict's and Counter's own methods
        const size_t depth = th().frames.size();  // unbound: not theirs, or run as Python
        if (Value out = call_dict_kind_method(self, method, a); !out.is_unbound() || th().frames.size() != depth)
            return out;
    }
    switch (known_name(method)) {
    case KnownName::get: {
        Bound b = bind(a, Sig{"get", S::Expected, {"key", "default"}, 1, 2});
        hash(b[0]);
        Value* found = dict_find(dict(), b[0]);
        Value out = found ? *found : b.has(1) ? b[1] : Value::none();
        if (event && event->kind == OpKind::ContainerRead) { // one item read: lost updates see it
            event->item = item_key(self, b[0]);
            event->value = out;
        }
        return out;
    }
    case KnownName::setdefault: {
        Bound b = bind(a, Sig{"setdefault", S::Expected, {"key", "default"}, 1, 2});
        hash(b[0]);
        if (Value* v = dict_find(dict(), b[0])) return *v;
        Value dflt = b.has(1) ? b[1] : Value::none();
        if (sh) {
            mark_shared(b[0]);
            mark_shared(dflt);
        }
        charge(2 * sizeof(Value));
        dict().append(b[0], dflt);
        return dflt;
    }
    case KnownName::pop: {
        Bound b = bind(a, Sig{"pop", S::Expected, {"key", "default"}, 1, 2});
        hash(b[0]);
        for (size_t i = 0; i < dict().items.size(); ++i) {
            if (dict().items[i].first.same(b[0]) || equal(dict().items[i].first, b[0])) {
                Value v = dict().items[i].second;
                dict().erase(i);
                return v;
            }
        }
        if (b.has(1)) return b[1];
        key_error(*this, b[0]);
    }
    case KnownName::popitem: {
        bind(a, Sig{"popitem", S::None, {}, 0, 0});
        if (dict().items.empty()) key_error(*this, new_str("popitem(): dictionary is empty"));
        auto [k, v] = dict().items.back();
        dict().erase(dict().items.size() - 1);
        return new_tuple({k, v});
    }
    case KnownName::keys:
    case KnownName::values:
    case KnownName::items: {
        bind(a, Sig{"dict." + name_of(method), S::None, {}, 0, 0});
        DictViewObj view;
        view.dict = self;
        view.kind = known_name(method) == KnownName::keys     ? DictViewObj::Kind::Keys
                    : known_name(method) == KnownName::values ? DictViewObj::Kind::Values
                                                              : DictViewObj::Kind::Items;
        Value out = Value::object(alloc(Object{view}));
        if (sh) mark_shared(out);
        return out;
    }
    case KnownName::update: {
        Args positional;
        positional.pos = a.pos; // keywords become items
        Bound b = bind(positional, Sig{"update", S::Expected, {"other"}, 0, 1});
        if (b.has(0)) dict_update(self, b[0]);
        for (auto& [n, v] : a.kw) store_subscript(self, new_str(name_of(n)), v);
        return Value::none();
    }
    case KnownName::clear:
        bind(a, Sig{"dict.clear", S::None, {}, 0, 0});
        dict().clear();
        return Value::none();
    case KnownName::copy: {
        bind(a, Sig{"dict.copy", S::None, {}, 0, 0});
        std::vector<std::pair<Value, Value>> items = dict().items;
        Value out = new_dict();
        for (auto& [k, v] : items) get<DictObj>(out)->append(k, v);
        return out;
    }
    case KnownName::fromkeys: return dict_fromkeys(a);
    default: break;
    }
    no_attribute(self, method);
}

} // namespace rc
