// Native iterators (IterObj) over lists, tuples, strs, ranges, dicts and their views, sets and
// deques, and the lazy enumerate/zip/reversed over them; draining an iterable; `in`. CPython's
// rules: a list iterator is live (it sees appends) and stays exhausted once it ran out; a dict or
// set that changes size while iterated raises RuntimeError, as does a deque that changes.
// Generators run Python code and are resumed by the interpreter (runtime/generators.cpp).
#include "model/runtime/machine.hpp" // Machine
#include "model/values/set_table.hpp" // set_items
#include "model/text/unicode.hpp"   // decode

namespace rc {

namespace {

using K = IterObj::Kind;

Value make(Machine& m, IterObj it) { return Value::object(m.alloc(Object{std::move(it)})); }

/// The entry of `d` a dict iterator yields next: the first one inserted after `after_seq`, or
/// the first one when nothing was yielded yet (CPython walks its entries array, where deleted
/// entries keep their place).
std::optional<size_t> next_entry(const DictObj& d, uint64_t after_seq, bool first) {
    for (size_t i = 0; i < d.items.size(); ++i)
        if (first || d.seqs[i] > after_seq) return i;
    return std::nullopt;
}

} // namespace

bool Machine::is_iterable(Value v) {
    return get<ListObj>(v) || get<TupleObj>(v) || get<StrObj>(v) || get<RangeObj>(v) ||
           get<DictObj>(v) || get<SetObj>(v) || get<DequeObj>(v) || get<DictViewObj>(v) ||
           get<IterObj>(v) || get<GeneratorObj>(v) || get<AsCompletedObj>(v) ||
           (get<InstanceObj>(v) && !user_dunder(v, "__iter__").is_unbound());
}

Value Machine::get_iter(Value v) {
    if (get<IterObj>(v) || get<AsCompletedObj>(v) || get<GeneratorObj>(v)) return v;
    if (get<InstanceObj>(v)) { // a class's __iter__, run inside the operation that iterates
        Value f = user_dunder(v, "__iter__");
        if (!f.is_unbound()) {
            Args a;
            a.pos.push_back(call_sync(f, {v}));
            return call_builtin(BuiltinId::RcIterResult, a);
        }
    }
    IterObj it;
    it.source = v;
    if (get<ListObj>(v) || get<TupleObj>(v)) {
        it.kind = K::Sequence;
    } else if (auto* d = get<DictObj>(v)) {
        it.kind = K::DictKeys;
        it.stop = static_cast<int64_t>(d->items.size());
    } else if (auto* dv = get<DictViewObj>(v)) {
        it.kind = dv->kind == DictViewObj::Kind::Keys     ? K::DictKeys
                  : dv->kind == DictViewObj::Kind::Values ? K::DictValues
                                                          : K::DictItems;
        it.source = dv->dict;
        it.stop = length(dv->dict);
    } else if (auto* s = get<SetObj>(v)) {
        it.kind = K::Set;
        it.stop = s->used;
    } else if (get<StrObj>(v)) {
        it.kind = K::String;
    } else if (auto* q = get<DequeObj>(v)) {
        it.kind = K::Deque;
        it.item = q->version;
    } else if (auto* r = get<RangeObj>(v)) {
        it.kind = K::Range;
        it.pos = r->start;
        it.stop = r->stop;
        it.step = r->step;
    } else {
        raise(BuiltinId::TypeError, "'" + type_name(v) + "' object is not iterable");
    }
    return make(*this, std::move(it));
}

Value Machine::make_enumerate(Value inner, int64_t start) {
    IterObj it;
    it.kind = K::Enumerate;
    it.inner = inner;
    it.pos = start;
    return make(*this, std::move(it));
}

Value Machine::make_zip(std::vector<Value> iterators) {
    IterObj it;
    it.kind = K::Zip;
    it.source = new_tuple(std::move(iterators));
    return make(*this, std::move(it));
}

Value Machine::make_reversed(Value seq) {
    IterObj it;
    if (auto* r = get<RangeObj>(seq)) {
        RangeObj rr = *r;
        int64_t n = length(seq);
        it.kind = K::Range;
        it.pos = rr.start + (n - 1) * rr.step;
        it.step = -rr.step;
        it.stop = rr.start - rr.step;
        if (n == 0) it.stop = it.pos;
        return make(*this, std::move(it));
    }
    if (!get<ListObj>(seq) && !get<TupleObj>(seq) && !get<StrObj>(seq) && !get<DequeObj>(seq))
        raise(BuiltinId::TypeError, "'" + type_name(seq) + "' object is not reversible");
    it.kind = K::Reversed;
    it.source = get<StrObj>(seq) ? new_list(collect(seq)) : seq;
    it.pos = length(seq) - 1;
    return make(*this, std::move(it));
}

bool Machine::iter_next(Value itv, Value* out) {
    auto* it = get<IterObj>(itv);
    RC_CHECK(it != nullptr, "iter_next on a non-iterator");
    auto exhausted = [&] {
        get<IterObj>(itv)->kind = K::Exhausted;
        return false;
    };
    switch (it->kind) {
    case K::Exhausted: return false;
    case K::Range:
        if (it->step > 0 ? it->pos >= it->stop : it->pos <= it->stop) return exhausted();
        *out = Value::integer(it->pos);
        if (__builtin_add_overflow(it->pos, it->step, &it->pos)) it->pos = it->stop; // the end
        return true;
    case K::Sequence: {
        const std::vector<Value>& items = get<ListObj>(it->source) ? get<ListObj>(it->source)->items
                                                                  : get<TupleObj>(it->source)->items;
        if (it->pos >= static_cast<int64_t>(items.size())) return exhausted();
        *out = items[static_cast<size_t>(it->pos++)];
        return true;
    }
    case K::Reversed: {
        const std::vector<Value>* items = nullptr;
        if (auto* l = get<ListObj>(it->source)) items = &l->items;
        else if (auto* t = get<TupleObj>(it->source)) items = &t->items;
        else if (auto* q = get<DequeObj>(it->source)) items = &q->items;
        if (it->pos < 0 || it->pos >= static_cast<int64_t>(items->size())) return exhausted();
        *out = (*items)[static_cast<size_t>(it->pos--)];
        return true;
    }
    case K::String: {
        const StrObj& s = *get<StrObj>(it->source);
        if (it->item >= s.s.size()) return exhausted();
        size_t start = it->item, pos = start;
        unicode::decode(s.s, pos);
        std::string ch = s.s.substr(start, pos - start);
        get<IterObj>(itv)->item = pos;
        *out = new_str(std::move(ch));
        return true;
    }
    case K::DictKeys:
    case K::DictValues:
    case K::DictItems: {
        const DictObj& d = *get<DictObj>(it->source);
        if (static_cast<int64_t>(d.items.size()) != it->stop) {
            get<IterObj>(itv)->kind = K::Exhausted;
            raise(BuiltinId::RuntimeError, "dictionary changed size during iteration");
        }
        std::optional<size_t> i = next_entry(d, it->item, it->pos == 0);
        if (!i) return exhausted();
        if (it->pos >= it->stop) { // more entries than it had: keys were replaced
            get<IterObj>(itv)->kind = K::Exhausted;
            raise(BuiltinId::RuntimeError, "dictionary keys changed during iteration");
        }
        auto [k, v] = d.items[*i];
        it->item = d.seqs[*i];
        it->pos++;
        K kind = it->kind;
        if (kind == K::DictKeys) *out = k;
        else if (kind == K::DictValues) *out = v;
        else *out = new_tuple({k, v});
        return true;
    }
    case K::Set: {
        const SetObj& s = *get<SetObj>(it->source);
        if (static_cast<int64_t>(s.used) != it->stop) {
            get<IterObj>(itv)->kind = K::Exhausted;
            raise(BuiltinId::RuntimeError, "Set changed size during iteration");
        }
        auto i = static_cast<size_t>(it->pos);
        while (i < s.table.size() && s.table[i].key.is_unbound()) ++i;
        if (i >= s.table.size()) return exhausted();
        *out = s.table[i].key;
        it->pos = static_cast<int64_t>(i + 1);
        return true;
    }
    case K::Deque: {
        const DequeObj& q = *get<DequeObj>(it->source);
        if (q.version != it->item) {
            get<IterObj>(itv)->kind = K::Exhausted;
            raise(BuiltinId::RuntimeError, "deque mutated during iteration");
        }
        if (it->pos >= static_cast<int64_t>(q.items.size())) return exhausted();
        *out = q.items[static_cast<size_t>(it->pos++)];
        return true;
    }
    case K::Enumerate: {
        Value inner = it->inner, x;
        if (!iter_next(inner, &x)) return exhausted();
        auto* e = get<IterObj>(itv);
        int64_t n = e->pos;
        if (n == INT64_MAX) unsupported("integer beyond 64 bits");
        e->pos = n + 1;
        *out = new_tuple({Value::integer(n), x});
        return true;
    }
    case K::Zip: {
        std::vector<Value> iterators = get<TupleObj>(it->source)->items, row;
        if (iterators.empty()) return exhausted();
        for (Value inner : iterators) {
            Value x;
            if (!iter_next(inner, &x)) return exhausted();
            row.push_back(x);
        }
        *out = new_tuple(std::move(row));
        return true;
    }
    }
    return false;
}

std::vector<Value> Machine::collect(Value iterable) {
    if (auto* l = get<ListObj>(iterable)) return l->items;
    if (auto* t = get<TupleObj>(iterable)) return t->items;
    if (auto* q = get<DequeObj>(iterable)) return q->items;
    if (auto* d = get<DictObj>(iterable)) {
        std::vector<Value> keys;
        for (auto& [k, v] : d->items) keys.push_back(k);
        return keys;
    }
    if (get<SetObj>(iterable)) return set_items(*this, iterable);
    if (get<AsCompletedObj>(iterable)) unsupported("as_completed() consumed other than by a for loop");
    if (get<GeneratorObj>(iterable))
        unsupported("a generator consumed by an operation racecheck cannot run Python code from",
                    "iterate the generator with a for loop, or build a list first: list(gen)");
    if (auto* it = get<IterObj>(iterable)) {
        if (it->kind == K::Enumerate && get<GeneratorObj>(it->inner))
            unsupported("a generator consumed by an operation racecheck cannot run Python code from");
    }
    // A list of a range's items is checked against the memory budget before it is built.
    if (get<RangeObj>(iterable)) reserve(static_cast<uint64_t>(length(iterable)) * sizeof(Value));
    Value it = get_iter(iterable);
    std::vector<Value> out;
    Value x;
    while (iter_next(it, &x)) out.push_back(x);
    return out;
}

bool Machine::contains(Value container, Value item) {
    if (auto* s = str_of(container)) {
        auto* sub = str_of(item);
        if (!sub)
            raise(BuiltinId::TypeError,
                  "'in <string>' requires string as left operand, not " + type_name(item));
        return s->find(*sub) != std::string::npos;
    }
    if (auto* d = get<DictObj>(container)) {
        hash(item);
        return dict_find(*d, item) != nullptr;
    }
    if (get<SetObj>(container)) return set_contains(container, item);
    if (auto* dv = get<DictViewObj>(container)) {
        DictViewObj view = *dv;
        if (view.kind == DictViewObj::Kind::Keys) return contains(view.dict, item);
        if (view.kind == DictViewObj::Kind::Items) {
            auto* t = get<TupleObj>(item);
            if (!t || t->items.size() != 2) return false;
            Value k = t->items[0], v = t->items[1];
            Value* found = dict_find(*get<DictObj>(view.dict), k);
            return found && (found->same(v) || equal(*found, v));
        }
    }
    if (auto* r = get<RangeObj>(container)) {
        if (!item.is_int_like()) {
            if (item.tag != VTag::Float) return false;
            double f = item.f;
            for (Value x : collect(container))
                if (static_cast<double>(x.i) == f) return true;
            return false;
        }
        int64_t x = item.i;
        if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop))
            return false;
        return (x - r->start) % r->step == 0;
    }
    if (get<ListObj>(container) || get<TupleObj>(container) || get<DequeObj>(container) ||
        get<DictViewObj>(container) || get<IterObj>(container)) {
        if (auto* it = get<IterObj>(container)) { // consumes the iterator up to the match
            (void)it;
            Value x;
            while (iter_next(container, &x))
                if (x.same(item) || equal(x, item)) return true;
            return false;
        }
        std::vector<Value> items = collect(container);
        for (Value x : items)
            if (x.same(item) || equal(x, item)) return true;
        return false;
    }
    raise(BuiltinId::TypeError, "argument of type '" + type_name(container) + "' is not iterable");
}

} // namespace rc
