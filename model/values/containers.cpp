// str, tuple, list, dict and range: allocation, indexing, slicing, iteration and methods.
// A list or dict method call is one atomic operation (as under CPython's GIL).
#include <algorithm> // stable_sort, reverse

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

/// The largest sequence racecheck builds in one operation (list(range(n)), sum(range(n))...).
constexpr int64_t kMaxMaterialized = int64_t{1} << 24;

/// Python's slice.indices(): clamps [lower, upper) with step to a sequence of length n.
struct SliceRange {
    int64_t start, stop, step, count;
};

SliceRange slice_indices(Machine& m, const SliceObj& s, int64_t n) {
    int64_t step = s.step.is_none() ? 1 : m.to_index(s.step, "slice indices");
    if (step == 0) m.raise(BuiltinId::ValueError, "slice step cannot be zero");
    auto clamp = [&](Value v, int64_t dflt, bool is_start) -> int64_t {
        if (v.is_none()) return dflt;
        int64_t x = m.to_index(v, "slice indices");
        if (x < 0) x += n;
        if (step > 0) return std::clamp<int64_t>(x, 0, n);
        (void)is_start;
        return std::clamp<int64_t>(x, -1, n - 1);
    };
    int64_t start = clamp(s.lower, step > 0 ? 0 : n - 1, true);
    int64_t stop = clamp(s.upper, step > 0 ? n : -1, false);
    int64_t count = 0;
    if (step > 0 && start < stop) count = (stop - start + step - 1) / step;
    if (step < 0 && start > stop) count = (start - stop + (-step) - 1) / (-step);
    return {start, stop, step, count};
}

int64_t normalize_index(Machine& m, Value key, int64_t n, const char* what) {
    int64_t i = m.to_index(key, (std::string(what) + " indices").c_str());
    if (i < 0) i += n;
    if (i < 0 || i >= n) m.raise(BuiltinId::IndexError, std::string(what) + " index out of range");
    return i;
}

} // namespace

ObjectId Machine::alloc(Object o) {
    st.heap.push_back(std::move(o));
    return ObjectId(static_cast<uint32_t>(st.heap.size() - 1));
}
Value Machine::new_str(std::string s) { return Value::object(alloc(Object{StrObj{std::move(s)}})); }
Value Machine::new_tuple(std::vector<Value> items) {
    return Value::object(alloc(Object{TupleObj{std::move(items)}}));
}
Value Machine::new_list(std::vector<Value> items) {
    return Value::object(alloc(Object{ListObj{std::move(items)}}));
}
Value Machine::new_dict() { return Value::object(alloc(Object{DictObj{}})); }

bool Machine::is_container(Value v) { return get<ListObj>(v) || get<DictObj>(v); }

void Machine::mark_shared(Value v) {
    if (v.tag == VTag::BoundMethod) v = Value::object(v.obj());
    if (v.tag != VTag::Obj || st.heap[v.ref].shared) return;
    st.heap[v.ref].shared = true;
    std::vector<Value> inner;
    std::visit(
        [&](const auto& o) {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, TupleObj> || std::is_same_v<T, ListObj>)
                inner = o.items;
            else if constexpr (std::is_same_v<T, DictObj>)
                for (auto& [k, x] : o.items) {
                    inner.push_back(k);
                    inner.push_back(x);
                }
            else if constexpr (std::is_same_v<T, FunctionObj>) inner = o.defaults;
            else if constexpr (std::is_same_v<T, IterObj>) inner.push_back(o.source);
            else if constexpr (std::is_same_v<T, ExceptionObj>) inner = o.args;
            else if constexpr (std::is_same_v<T, ThreadObj>)
                inner = {o.target, o.args, o.kwargs};
            else if constexpr (std::is_same_v<T, FutureObj>)
                inner = {o.fn, o.args, o.kwargs, o.result, o.exception};
            else if constexpr (std::is_same_v<T, QueueObj>) inner = o.items;
        },
        st.heap[v.ref].data);
    for (Value x : inner) mark_shared(x);
}

Value* Machine::dict_find(DictObj& d, Value key) {
    for (auto& [k, v] : d.items) {
        if (k.same(key)) return &v;
    }
    // Python equality (strings by content, 1 == 1.0 == True); equal() may not allocate.
    for (auto& [k, v] : d.items) {
        if (equal(k, key)) return &v;
    }
    return nullptr;
}

int64_t Machine::length(Value v) {
    if (auto* s = str_of(v)) return static_cast<int64_t>(s->size());
    if (auto* l = get<ListObj>(v)) return static_cast<int64_t>(l->items.size());
    if (auto* t = get<TupleObj>(v)) return static_cast<int64_t>(t->items.size());
    if (auto* d = get<DictObj>(v)) return static_cast<int64_t>(d->items.size());
    if (auto* r = get<RangeObj>(v)) {
        if (r->step > 0 && r->start < r->stop) return (r->stop - r->start + r->step - 1) / r->step;
        if (r->step < 0 && r->start > r->stop) return (r->start - r->stop - r->step - 1) / -r->step;
        return 0;
    }
    raise(BuiltinId::TypeError, "object of type '" + type_name(v) + "' has no len()");
}

Value Machine::subscript(Value obj, Value key) {
    if (auto* sl = get<SliceObj>(key)) {
        SliceObj s = *sl;
        if (auto* str = str_of(obj)) {
            std::string src = *str, out;
            auto r = slice_indices(*this, s, static_cast<int64_t>(src.size()));
            for (int64_t i = 0, p = r.start; i < r.count; ++i, p += r.step) out += src[p];
            return new_str(std::move(out));
        }
        auto* l = get<ListObj>(obj);
        auto* t = get<TupleObj>(obj);
        if (l || t) {
            std::vector<Value> src = l ? l->items : t->items, out;
            auto r = slice_indices(*this, s, static_cast<int64_t>(src.size()));
            for (int64_t i = 0, p = r.start; i < r.count; ++i, p += r.step) out.push_back(src[p]);
            return l ? new_list(std::move(out)) : new_tuple(std::move(out));
        }
        if (auto* rg = get<RangeObj>(obj)) {
            RangeObj src = *rg;
            auto r = slice_indices(*this, s, length(obj));
            RangeObj out{src.start + r.start * src.step, src.start + r.stop * src.step,
                         src.step * r.step};
            if (r.count == 0) out.stop = out.start;
            return Value::object(alloc(Object{out}));
        }
    }
    if (auto* l = get<ListObj>(obj)) return l->items[normalize_index(*this, key, static_cast<int64_t>(l->items.size()), "list")];
    if (auto* t = get<TupleObj>(obj)) return t->items[normalize_index(*this, key, static_cast<int64_t>(t->items.size()), "tuple")];
    if (auto* s = str_of(obj)) {
        int64_t i = normalize_index(*this, key, static_cast<int64_t>(s->size()), "string");
        return new_str(std::string(1, (*s)[i]));
    }
    if (auto* r = get<RangeObj>(obj)) {
        RangeObj rr = *r;
        int64_t i = normalize_index(*this, key, length(obj), "range object");
        return Value::integer(rr.start + i * rr.step);
    }
    if (auto* d = get<DictObj>(obj)) {
        if (Value* v = dict_find(*d, key)) return *v;
        Value exc = make_exception(BuiltinId::KeyError, "");
        get<ExceptionObj>(exc)->args = {key};
        raise_value(exc);
    }
    raise(BuiltinId::TypeError, "'" + type_name(obj) + "' object is not subscriptable");
}

void Machine::store_subscript(Value obj, Value key, Value v) {
    if (shared(obj)) mark_shared(v);
    if (auto* l = get<ListObj>(obj)) {
        if (get<SliceObj>(key)) raise(BuiltinId::TypeError, "slice assignment is outside racecheck's subset");
        int64_t i = normalize_index(*this, key, static_cast<int64_t>(l->items.size()), "list assignment");
        get<ListObj>(obj)->items[i] = v;
        return;
    }
    if (auto* d = get<DictObj>(obj)) {
        if (get<ListObj>(key) || get<DictObj>(key))
            raise(BuiltinId::TypeError, "unhashable type: '" + type_name(key) + "'");
        if (Value* slot = dict_find(*d, key)) {
            *slot = v;
            return;
        }
        get<DictObj>(obj)->items.emplace_back(key, v);
        return;
    }
    raise(BuiltinId::TypeError, "'" + type_name(obj) + "' object does not support item assignment");
}

void Machine::delete_subscript(Value obj, Value key) {
    if (auto* l = get<ListObj>(obj)) {
        int64_t i = normalize_index(*this, key, static_cast<int64_t>(l->items.size()), "list assignment");
        l->items.erase(l->items.begin() + i);
        return;
    }
    if (auto* d = get<DictObj>(obj)) {
        for (size_t i = 0; i < d->items.size(); ++i) {
            if (equal(d->items[i].first, key)) {
                get<DictObj>(obj)->items.erase(get<DictObj>(obj)->items.begin() + static_cast<long>(i));
                return;
            }
        }
        Value exc = make_exception(BuiltinId::KeyError, "");
        get<ExceptionObj>(exc)->args = {key};
        raise_value(exc);
    }
    raise(BuiltinId::TypeError, "'" + type_name(obj) + "' object doesn't support item deletion");
}

Value Machine::get_iter(Value v) {
    using K = IterObj::Kind;
    if (get<IterObj>(v) || get<AsCompletedObj>(v)) return v;
    IterObj it;
    it.source = v;
    if (get<ListObj>(v) || get<TupleObj>(v)) it.kind = K::Sequence;
    else if (get<DictObj>(v)) it.kind = K::DictKeys;
    else if (str_of(v)) it.kind = K::String;
    else if (auto* r = get<RangeObj>(v)) {
        it.kind = K::Range;
        it.pos = r->start;
        it.stop = r->stop;
        it.step = r->step;
    } else {
        raise(BuiltinId::TypeError, "'" + type_name(v) + "' object is not iterable");
    }
    return Value::object(alloc(Object{it}));
}

bool Machine::iter_next(Value itv, Value* out) {
    using K = IterObj::Kind;
    auto* it = get<IterObj>(itv);
    RC_CHECK(it != nullptr, "iter_next on a non-iterator");
    switch (it->kind) {
    case K::Range:
        if (it->step > 0 ? it->pos >= it->stop : it->pos <= it->stop) return false;
        *out = Value::integer(it->pos);
        it->pos += it->step;
        return true;
    case K::Sequence: {
        const std::vector<Value>& items = get<ListObj>(it->source) ? get<ListObj>(it->source)->items
                                                                  : get<TupleObj>(it->source)->items;
        if (it->pos >= static_cast<int64_t>(items.size())) return false;
        *out = items[it->pos++];
        return true;
    }
    case K::String: {
        const std::string& s = *str_of(it->source);
        if (it->pos >= static_cast<int64_t>(s.size())) return false;
        char c = s[it->pos++];
        *out = new_str(std::string(1, c));
        return true;
    }
    case K::DictKeys:
    case K::DictValues:
    case K::DictItems: {
        auto& items = get<DictObj>(it->source)->items;
        if (it->pos >= static_cast<int64_t>(items.size())) return false;
        auto [k, v] = items[it->pos++];
        if (it->kind == K::DictKeys) *out = k;
        else if (it->kind == K::DictValues) *out = v;
        else *out = new_tuple({k, v});
        return true;
    }
    }
    return false;
}

std::vector<Value> Machine::collect(Value iterable) {
    if (auto* l = get<ListObj>(iterable)) return l->items;
    if (auto* t = get<TupleObj>(iterable)) return t->items;
    if (get<AsCompletedObj>(iterable))
        unsupported("as_completed() consumed other than by a for loop");
    if (get<RangeObj>(iterable) && length(iterable) > kMaxMaterialized)
        raise(BuiltinId::OverflowError, "range of " + std::to_string(length(iterable)) +
                                            " items is too large for racecheck to build as a list");
    Value it = get_iter(iterable);
    std::vector<Value> out;
    Value x;
    while (iter_next(it, &x)) out.push_back(x);
    return out;
}

} // namespace rc
