// set and frozenset: construction, methods, operators and comparisons, each following the
// CPython 3.12 function it is named after in Objects/setobject.c (which decides the order in
// which a result set's table is filled, hence its iteration order).
#include "model/runtime/machine.hpp"  // Machine
#include "model/values/set_table.hpp" // the table

namespace rc {

namespace {

bool is_set(Machine& m, Value v) { return m.get<SetObj>(v) != nullptr; }
bool frozen(Machine& m, Value v) { return m.get<SetObj>(v)->frozen; }
uint32_t size(Machine& m, Value v) { return m.get<SetObj>(v)->used; }

/// The hash of a key looked up in a set: an unhashable set is looked up as a frozenset.
int64_t key_hash(Machine& m, Value& key) {
    if (auto* s = m.get<SetObj>(key); s && !s->frozen) {
        Value f = m.new_set(true);
        set_update_internal(m, f, key);
        key = f;
    }
    return m.hash(key);
}

bool contains_entry(Machine& m, Value set, Value key, int64_t hash) {
    return set_lookkey(m, set, key, hash).has_value();
}

Value copy_of(Machine& m, Value so) { // make_new_set_basetype(type(so), so)
    Value out = m.new_set(frozen(m, so));
    set_update_internal(m, out, so);
    return out;
}

Value intersection(Machine& m, Value so, Value other) {
    if (so.same(other)) return copy_of(m, so);
    Value result = m.new_set(frozen(m, so));
    if (is_set(m, other)) {
        if (size(m, other) > size(m, so)) std::swap(so, other);
        for (auto& [key, hash] : set_entries(m, other))
            if (contains_entry(m, so, key, hash)) set_add_entry(m, result, key, hash);
        return result;
    }
    for (Value key : m.collect(other)) {
        int64_t hash = m.hash(key);
        if (contains_entry(m, so, key, hash)) {
            set_add_entry(m, result, key, hash);
            if (size(m, result) >= size(m, so)) break;
        }
    }
    return result;
}

void difference_update_internal(Machine& m, Value so, Value other) {
    if (so.same(other)) return set_clear(m, so);
    if (is_set(m, other)) {
        if ((size(m, other) >> 3) > size(m, so)) other = intersection(m, so, other);
        for (auto& [key, hash] : set_entries(m, other)) set_discard_entry(m, so, key, hash);
    } else {
        for (Value key : m.collect(other)) {
            int64_t hash = key_hash(m, key);
            set_discard_entry(m, so, key, hash);
        }
    }
    set_after_difference_update(m, so);
}

Value difference(Machine& m, Value so, Value other) {
    int64_t other_size;
    if (is_set(m, other)) other_size = size(m, other);
    else if (auto* d = m.get<DictObj>(other)) other_size = static_cast<int64_t>(d->items.size());
    else {
        Value result = copy_of(m, so);
        difference_update_internal(m, result, other);
        return result;
    }
    if ((size(m, so) >> 2) > other_size) {
        Value result = copy_of(m, so);
        difference_update_internal(m, result, other);
        return result;
    }
    Value result = m.new_set(frozen(m, so));
    for (auto& [key, hash] : set_entries(m, so)) {
        bool in_other = is_set(m, other) ? contains_entry(m, other, key, hash)
                                         : m.dict_find(*m.get<DictObj>(other), key) != nullptr;
        if (!in_other) set_add_entry(m, result, key, hash);
    }
    return result;
}

void symmetric_difference_update(Machine& m, Value so, Value other) {
    if (so.same(other)) return set_clear(m, so);
    if (auto* d = m.get<DictObj>(other)) {
        std::vector<std::pair<Value, Value>> items = d->items;
        for (auto& [key, value] : items) {
            int64_t hash = m.hash(key);
            if (!set_discard_entry(m, so, key, hash)) set_add_entry(m, so, key, hash);
        }
        return;
    }
    Value otherset = other;
    if (!is_set(m, other)) {
        otherset = m.new_set(frozen(m, so));
        set_update_internal(m, otherset, other);
    }
    for (auto& [key, hash] : set_entries(m, otherset))
        if (!set_discard_entry(m, so, key, hash)) set_add_entry(m, so, key, hash);
}

Value symmetric_difference(Machine& m, Value so, Value other) {
    Value otherset = m.new_set(frozen(m, so));
    set_update_internal(m, otherset, other);
    symmetric_difference_update(m, otherset, so);
    return otherset;
}

bool issubset(Machine& m, Value so, Value other) {
    if (!is_set(m, other)) return size(m, intersection(m, so, other)) == size(m, so);
    if (size(m, so) > size(m, other)) return false;
    for (auto& [key, hash] : set_entries(m, so))
        if (!contains_entry(m, other, key, hash)) return false;
    return true;
}

bool issuperset(Machine& m, Value so, Value other) {
    if (is_set(m, other)) return issubset(m, other, so);
    for (Value key : m.collect(other)) {
        int64_t hash = key_hash(m, key);
        if (!contains_entry(m, so, key, hash)) return false;
    }
    return true;
}

bool isdisjoint(Machine& m, Value so, Value other) {
    if (so.same(other)) return size(m, so) == 0;
    if (is_set(m, other)) {
        if (size(m, other) > size(m, so)) std::swap(so, other);
        for (auto& [key, hash] : set_entries(m, other))
            if (contains_entry(m, so, key, hash)) return false;
        return true;
    }
    for (Value key : m.collect(other)) {
        int64_t hash = key_hash(m, key);
        if (contains_entry(m, so, key, hash)) return false;
    }
    return true;
}

/// set.intersection_update and friends: the set takes the result's table (set_swap_bodies).
void take_body(Machine& m, Value so, Value result) {
    SetObj body = *m.get<SetObj>(result);
    SetObj& s = *m.get<SetObj>(so);
    s.table = std::move(body.table);
    s.fill = body.fill;
    s.used = body.used;
}

} // namespace

Value Machine::new_set(bool is_frozen) {
    SetObj s;
    s.frozen = is_frozen;
    return Value::object(alloc(Object{std::move(s)}));
}

bool Machine::set_contains(Value set, Value key) {
    int64_t hash = key_hash(*this, key);
    return contains_entry(*this, set, key, hash);
}

void Machine::set_add(Value set, Value key) {
    int64_t hash = this->hash(key);
    if (shared(set)) mark_shared(key);
    set_add_entry(*this, set, key, hash);
}

Value Machine::set_operator(ast::BinOpKind op, Value l, Value r, bool inplace) {
    using K = ast::BinOpKind;
    if (!is_set(*this, l) || !is_set(*this, r)) return Value::unbound(); // NotImplemented
    if (inplace && !frozen(*this, l)) {
        switch (op) {
        case K::BitOr: set_update_internal(*this, l, r); break;
        case K::BitAnd: take_body(*this, l, intersection(*this, l, r)); break;
        case K::Sub: difference_update_internal(*this, l, r); break;
        case K::BitXor: symmetric_difference_update(*this, l, r); break;
        default: return Value::unbound();
        }
        if (shared(l))
            for (Value x : set_items(*this, l)) mark_shared(x);
        return l;
    }
    switch (op) {
    case K::BitOr: {
        Value result = copy_of(*this, l);
        if (!l.same(r)) set_update_internal(*this, result, r);
        return result;
    }
    case K::BitAnd: return intersection(*this, l, r);
    case K::Sub: return difference(*this, l, r);
    case K::BitXor: return symmetric_difference(*this, l, r);
    default: return Value::unbound();
    }
}

std::optional<bool> Machine::set_compare(ast::CmpOpKind op, Value v, Value w) {
    using K = ast::CmpOpKind;
    if (!is_set(*this, v) || !is_set(*this, w)) return std::nullopt;
    switch (op) {
    case K::Eq: return size(*this, v) == size(*this, w) && issubset(*this, v, w);
    case K::NotEq: return !(size(*this, v) == size(*this, w) && issubset(*this, v, w));
    case K::LtE: return issubset(*this, v, w);
    case K::GtE: return issuperset(*this, v, w);
    case K::Lt: return size(*this, v) < size(*this, w) && issubset(*this, v, w);
    case K::Gt: return size(*this, v) > size(*this, w) && issuperset(*this, v, w);
    default: return std::nullopt;
    }
}

Value Machine::call_set_method(Value self, NameId method, const Args& a) {
    using S = Sig::Style;
    const bool is_frozen = frozen(*this, self);
    const std::string qual = std::string(is_frozen ? "frozenset." : "set.") + name_of(method);
    auto no_kw = [&] {
        if (!a.kw.empty()) raise(BuiltinId::TypeError, qual + "() takes no keyword arguments");
    };
    auto mutate = [&] {
        if (is_frozen) no_attribute(self, method);
    };
    auto share_items = [&] {
        if (shared(self))
            for (Value x : set_items(*this, self)) mark_shared(x);
    };
    switch (known_name(method)) {
    case KnownName::add: {
        mutate();
        Value key = bind(a, Sig{qual, S::One, {"object"}, 1, 1})[0];
        set_add(self, key);
        return Value::none();
    }
    case KnownName::discard:
    case KnownName::remove: {
        mutate();
        Value key = bind(a, Sig{qual, S::One, {"object"}, 1, 1})[0];
        Value original = key;
        int64_t hash = key_hash(*this, key);
        if (!set_discard_entry(*this, self, key, hash) && known_name(method) == KnownName::remove) {
            Value exc = make_exception(BuiltinId::KeyError, "");
            get<ExceptionObj>(exc)->args = {original};
            raise_value(exc);
        }
        return Value::none();
    }
    case KnownName::pop:
        mutate();
        bind(a, Sig{qual, S::None, {}, 0, 0});
        return set_pop(*this, self);
    case KnownName::clear:
        mutate();
        bind(a, Sig{qual, S::None, {}, 0, 0});
        set_clear(*this, self);
        return Value::none();
    case KnownName::copy:
        bind(a, Sig{qual, S::None, {}, 0, 0});
        return is_frozen ? self : copy_of(*this, self);
    case KnownName::update:
        mutate();
        no_kw();
        for (Value other : a.pos) set_update_internal(*this, self, other);
        share_items();
        return Value::none();
    case KnownName::union_: {
        no_kw();
        Value result = copy_of(*this, self);
        for (Value other : a.pos)
            if (!other.same(self)) set_update_internal(*this, result, other);
        return result;
    }
    case KnownName::intersection:
    case KnownName::intersection_update: {
        bool update = known_name(method) == KnownName::intersection_update;
        if (update) mutate();
        no_kw();
        Value result = a.pos.empty() ? copy_of(*this, self) : self;
        for (Value other : a.pos) result = intersection(*this, result, other);
        if (!update) return result;
        take_body(*this, self, result);
        return Value::none();
    }
    case KnownName::difference: {
        no_kw();
        if (a.pos.empty()) return copy_of(*this, self);
        Value result = difference(*this, self, a.pos[0]);
        for (size_t k = 1; k < a.pos.size(); ++k) difference_update_internal(*this, result, a.pos[k]);
        return result;
    }
    case KnownName::difference_update:
        mutate();
        no_kw();
        for (Value other : a.pos) difference_update_internal(*this, self, other);
        return Value::none();
    case KnownName::symmetric_difference:
        return symmetric_difference(*this, self, bind(a, Sig{qual, S::One, {"other"}, 1, 1})[0]);
    case KnownName::symmetric_difference_update:
        mutate();
        symmetric_difference_update(*this, self, bind(a, Sig{qual, S::One, {"other"}, 1, 1})[0]);
        share_items();
        return Value::none();
    case KnownName::issubset:
        return Value::boolean(issubset(*this, self, bind(a, Sig{qual, S::One, {"other"}, 1, 1})[0]));
    case KnownName::issuperset:
        return Value::boolean(issuperset(*this, self, bind(a, Sig{qual, S::One, {"other"}, 1, 1})[0]));
    case KnownName::isdisjoint:
        return Value::boolean(isdisjoint(*this, self, bind(a, Sig{qual, S::One, {"other"}, 1, 1})[0]));
    default: break;
    }
    no_attribute(self, method);
}

} // namespace rc
