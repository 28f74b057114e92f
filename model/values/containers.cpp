// Allocation, sharing, length, and item access (subscript, store, delete, slices) for str,
// tuple, list, dict, range and deque, with CPython 3.12's messages.
#include <algorithm> // clamp

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

/// Python's slice.indices(): clamps [lower, upper) with step to a sequence of length n.
struct SliceRange {
    int64_t start, stop, step, count;
};

SliceRange slice_indices(Machine& m, const SliceObj& s, int64_t n) {
    auto index = [&](Value v) -> int64_t {
        if (!v.is_int_like())
            m.raise(BuiltinId::TypeError,
                    "slice indices must be integers or None or have an __index__ method");
        return v.i;
    };
    int64_t step = s.step.is_none() ? 1 : index(s.step);
    if (step == 0) m.raise(BuiltinId::ValueError, "slice step cannot be zero");
    auto clamp = [&](Value v, int64_t dflt) -> int64_t {
        if (v.is_none()) return dflt;
        int64_t x = index(v);
        if (x < 0) x += n;
        if (step > 0) return std::clamp<int64_t>(x, 0, n);
        return std::clamp<int64_t>(x, -1, n - 1);
    };
    int64_t start = clamp(s.lower, step > 0 ? 0 : n - 1);
    int64_t stop = clamp(s.upper, step > 0 ? n : -1);
    __int128 count = 0; // a step near INT64_MIN or INT64_MAX overflows 64 bits here
    if (step > 0 && start < stop) count = (__int128{stop} - start + step - 1) / step;
    if (step < 0 && start > stop) count = (__int128{start} - stop - __int128{step} - 1) / -__int128{step};
    return {start, stop, step, static_cast<int64_t>(count)}; // <= n
}

/// An item index: TypeError for a non-int (`message`), IndexError when out of range.
int64_t item_index(Machine& m, Value key, int64_t n, const std::string& type_message,
                   const char* range_message) {
    if (!key.is_int_like()) m.raise(BuiltinId::TypeError, type_message);
    int64_t i = key.i;
    if (i < 0) i += n;
    if (i < 0 || i >= n) m.raise(BuiltinId::IndexError, range_message);
    return i;
}

[[noreturn]] void key_error(Machine& m, Value key) {
    Value exc = m.make_exception(BuiltinId::KeyError, "");
    m.get<ExceptionObj>(exc)->args = {key};
    m.raise_value(exc);
}

} // namespace

Value Machine::new_str(std::string s) {
    if (s.size() > interp.limits().max_string) reserve_string(s.size()); // exceeds
    return Value::object(alloc(Object{StrObj{std::move(s)}}));
}
Value Machine::new_tuple(std::vector<Value> items) {
    return Value::object(alloc(Object{TupleObj{std::move(items), BuiltinId::Tuple}}));
}
Value Machine::new_list(std::vector<Value> items) {
    return Value::object(alloc(Object{ListObj{std::move(items)}}));
}
Value Machine::new_dict() { return Value::object(alloc(Object{DictObj{}})); }

bool Machine::is_container(Value v) {
    if (auto* s = get<SetObj>(v)) return !s->frozen;
    return get<ListObj>(v) || get<DictObj>(v) || get<DequeObj>(v);
}

void Machine::mark_shared(Value root) {
    // Most stores are of a scalar or of an object already shared: no work list (a step that
    // allocates is slow under ThreadSanitizer, whose allocator records every block).
    const Value first = root.tag == VTag::BoundMethod ? Value::object(root.obj()) : root;
    if (first.tag != VTag::Obj || st.heap[first.ref].shared) return;
    // Iterative: a value may nest as deep as the program makes it (a = [a] in a loop).
    std::vector<Value> todo{root};
    while (!todo.empty()) {
        Value v = todo.back();
        todo.pop_back();
        if (v.tag == VTag::BoundMethod) v = Value::object(v.obj());
        if (v.tag != VTag::Obj || st.heap[v.ref].shared) continue;
        st.heap[v.ref].shared = true;
        std::visit(
            [&](const auto& o) {
                using T = std::decay_t<decltype(o)>;
                if constexpr (std::is_same_v<T, TupleObj> || std::is_same_v<T, ListObj> ||
                              std::is_same_v<T, DequeObj> || std::is_same_v<T, QueueObj>)
                    todo.insert(todo.end(), o.items.begin(), o.items.end());
                else if constexpr (std::is_same_v<T, DictObj>) {
                    for (auto& [k, x] : o.items) {
                        todo.push_back(k);
                        todo.push_back(x);
                    }
                    todo.push_back(o.default_factory);
                } else if constexpr (std::is_same_v<T, SetObj>) {
                    for (const SetObj::Entry& e : o.table)
                        if (!e.key.is_unbound()) todo.push_back(e.key);
                } else if constexpr (std::is_same_v<T, FunctionObj>) {
                    todo.insert(todo.end(), o.defaults.begin(), o.defaults.end());
                    todo.insert(todo.end(), o.closure.begin(), o.closure.end());
                    todo.push_back(o.wrapped);
                } else if constexpr (std::is_same_v<T, CellObj>)
                    todo.push_back(o.value);
                else if constexpr (std::is_same_v<T, IterObj>)
                    todo.insert(todo.end(), {o.source, o.inner});
                else if constexpr (std::is_same_v<T, DictViewObj>) todo.push_back(o.dict);
                else if constexpr (std::is_same_v<T, GeneratorObj>) {
                    todo.insert(todo.end(), o.saved.begin(), o.saved.end());
                    todo.insert(todo.end(), o.saved_exc.begin(), o.saved_exc.end());
                } else if constexpr (std::is_same_v<T, ExceptionObj>) {
                    todo.insert(todo.end(), o.args.begin(), o.args.end());
                    for (auto& [n, x] : o.attrs) todo.push_back(x);
                } else if constexpr (std::is_same_v<T, InstanceObj>) {
                    for (auto& [n, x] : o.attrs) todo.push_back(x);
                    todo.push_back(o.native);
                    todo.push_back(Value::object(o.cls));
                } else if constexpr (std::is_same_v<T, ClassObj>) {
                    for (auto& [n, x] : o.attrs) todo.push_back(x);
                    todo.insert(todo.end(), o.bases.begin(), o.bases.end());
                } else if constexpr (std::is_same_v<T, MethodObj>)
                    todo.insert(todo.end(), {o.func, o.self});
                else if constexpr (std::is_same_v<T, WrapperObj>)
                    todo.insert(todo.end(), {o.func, o.setter});
                else if constexpr (std::is_same_v<T, SuperObj>)
                    todo.push_back(o.self);
                else if constexpr (std::is_same_v<T, PartialObj>)
                    todo.insert(todo.end(), {o.func, o.args, o.keywords});
                else if constexpr (std::is_same_v<T, ThreadObj>)
                    todo.insert(todo.end(), {o.target, o.args, o.kwargs});
                else if constexpr (std::is_same_v<T, BarrierObj>)
                    todo.push_back(o.action);
                else if constexpr (std::is_same_v<T, FutureObj>)
                {
                    todo.insert(todo.end(), {o.fn, o.args, o.kwargs, o.result, o.exception});
                    todo.insert(todo.end(), o.callbacks.begin(), o.callbacks.end());
                }
            },
            st.heap[v.ref].data);
    }
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
    if (auto* s = get<StrObj>(v)) return s->length;
    if (auto* l = get<ListObj>(v)) return static_cast<int64_t>(l->items.size());
    if (auto* t = get<TupleObj>(v)) return static_cast<int64_t>(t->items.size());
    if (auto* d = get<DictObj>(v)) return static_cast<int64_t>(d->items.size());
    if (auto* s = get<SetObj>(v)) return s->used;
    if (auto* q = get<DequeObj>(v)) return static_cast<int64_t>(q->items.size());
    if (auto* dv = get<DictViewObj>(v)) return length(dv->dict);
    if (auto* r = get<RangeObj>(v)) {
        // In 128 bits: range(-2**63, 2**63 - 1) has more items than an int64 holds.
        __int128 start = r->start, stop = r->stop, step = r->step, n = 0;
        if (step > 0 && start < stop) n = (stop - start + step - 1) / step;
        if (step < 0 && start > stop) n = (start - stop - step - 1) / -step;
        if (n > INT64_MAX)
            raise(BuiltinId::OverflowError, "Python int too large to convert to C ssize_t");
        return static_cast<int64_t>(n);
    }
    raise(BuiltinId::TypeError, "object of type '" + type_name(v) + "' has no len()");
}

Value Machine::subscript(Value obj, Value key) {
    if (auto* sl = get<SliceObj>(key)) {
        SliceObj s = *sl;
        if (auto* str = get<StrObj>(obj)) {
            auto r = slice_indices(*this, s, str->length);
            return str_slice(obj, r.start, r.step, r.count);
        }
        auto* l = get<ListObj>(obj);
        auto* t = get<TupleObj>(obj);
        if (l || t) {
            std::vector<Value> src = l ? l->items : t->items, out;
            auto r = slice_indices(*this, s, static_cast<int64_t>(src.size()));
            for (int64_t i = 0; i < r.count; ++i) out.push_back(src[static_cast<size_t>(r.start + i * r.step)]);
            return l ? new_list(std::move(out)) : new_tuple(std::move(out));
        }
        if (auto* rg = get<RangeObj>(obj)) {
            RangeObj src = *rg;
            auto r = slice_indices(*this, s, length(obj));
            // The new bounds lie within the source's span, but stop may pass int64 by a step:
            // computed in 128 bits and clamped (the items, r.count of them, are unchanged).
            __int128 start = __int128{src.start} + __int128{r.start} * src.step;
            __int128 stop = __int128{src.start} + __int128{r.stop} * src.step;
            __int128 step = __int128{src.step} * r.step;
            auto clamp64 = [](__int128 x) {
                return static_cast<int64_t>(std::clamp<__int128>(x, INT64_MIN, INT64_MAX));
            };
            RangeObj out{clamp64(start), clamp64(stop), clamp64(step)};
            if (r.count == 0) out.stop = out.start;
            return Value::object(alloc(Object{out}));
        }
        if (get<DequeObj>(obj)) raise(BuiltinId::TypeError, "sequence index must be integer, not 'slice'");
    }
    if (auto* l = get<ListObj>(obj))
        return l->items[static_cast<size_t>(item_index(*this, key, static_cast<int64_t>(l->items.size()),
                                                       "list indices must be integers or slices, not " + type_name(key),
                                                       "list index out of range"))];
    if (auto* t = get<TupleObj>(obj))
        return t->items[static_cast<size_t>(item_index(*this, key, static_cast<int64_t>(t->items.size()),
                                                       "tuple indices must be integers or slices, not " + type_name(key),
                                                       "tuple index out of range"))];
    if (auto* s = get<StrObj>(obj)) {
        int64_t i = item_index(*this, key, s->length,
                               "string indices must be integers, not '" + type_name(key) + "'",
                               "string index out of range");
        return str_item(obj, i);
    }
    if (auto* q = get<DequeObj>(obj))
        return q->items[static_cast<size_t>(item_index(*this, key, static_cast<int64_t>(q->items.size()),
                                                       "sequence index must be integer, not '" + type_name(key) + "'",
                                                       "deque index out of range"))];
    if (auto* r = get<RangeObj>(obj)) {
        RangeObj rr = *r;
        int64_t i = item_index(*this, key, length(obj),
                               "range indices must be integers or slices, not " + type_name(key),
                               "range object index out of range");
        return Value::integer(rr.start + i * rr.step);
    }
    if (auto* d = get<DictObj>(obj)) {
        hash(key); // unhashable keys raise TypeError
        if (Value* v = dict_find(*d, key)) return *v;
        if (get<DictObj>(obj)->kind != DictObj::Kind::Dict) return dict_missing(obj, key); // defaultdict, Counter
        key_error(*this, key);
    }
    if (obj.tag == VTag::Builtin && is_type_like(obj))
        unsupported("subscripting a type (generic aliases such as list[int]) outside annotations",
                    "racecheck accepts generic aliases in annotations only");
    raise(BuiltinId::TypeError, "'" + type_name(obj) + "' object is not subscriptable");
}

void Machine::store_subscript(Value obj, Value key, Value v) {
    if (shared(obj)) mark_shared(v);
    if (auto* l = get<ListObj>(obj)) {
        if (auto* sl = get<SliceObj>(key)) {
            SliceObj s = *sl;
            std::vector<Value> with = v.same(obj) ? l->items : collect(v);
            if (shared(obj))
                for (Value x : with) mark_shared(x);
            std::vector<Value>& items = get<ListObj>(obj)->items;
            auto r = slice_indices(*this, s, static_cast<int64_t>(items.size()));
            if (r.step == 1) {
                int64_t stop = std::max(r.start, r.stop);
                items.erase(items.begin() + r.start, items.begin() + stop);
                items.insert(items.begin() + r.start, with.begin(), with.end());
                return;
            }
            if (static_cast<int64_t>(with.size()) != r.count)
                raise(BuiltinId::ValueError, "attempt to assign sequence of size " + std::to_string(with.size()) +
                                                 " to extended slice of size " + std::to_string(r.count));
            for (int64_t i = 0, p = r.start; i < r.count; ++i, p += r.step)
                items[static_cast<size_t>(p)] = with[static_cast<size_t>(i)];
            return;
        }
        int64_t i = item_index(*this, key, static_cast<int64_t>(l->items.size()),
                               "list indices must be integers or slices, not " + type_name(key),
                               "list assignment index out of range");
        get<ListObj>(obj)->items[static_cast<size_t>(i)] = v;
        return;
    }
    if (auto* d = get<DictObj>(obj)) {
        (void)d;
        hash(key);
        if (Value* slot = dict_find(*get<DictObj>(obj), key)) {
            *slot = v;
            return;
        }
        charge(2 * sizeof(Value));
        get<DictObj>(obj)->append(key, v);
        return;
    }
    if (auto* q = get<DequeObj>(obj)) {
        int64_t i = item_index(*this, key, static_cast<int64_t>(q->items.size()),
                               "sequence index must be integer, not '" + type_name(key) + "'",
                               "deque index out of range");
        q->items[static_cast<size_t>(i)] = v;
        return;
    }
    raise(BuiltinId::TypeError, "'" + type_name(obj) + "' object does not support item assignment");
}

void Machine::delete_subscript(Value obj, Value key) {
    if (auto* l = get<ListObj>(obj)) {
        if (auto* sl = get<SliceObj>(key)) {
            SliceObj s = *sl;
            auto r = slice_indices(*this, s, static_cast<int64_t>(l->items.size()));
            std::vector<Value>& items = get<ListObj>(obj)->items;
            std::vector<bool> gone(items.size(), false);
            for (int64_t i = 0, p = r.start; i < r.count; ++i, p += r.step) gone[static_cast<size_t>(p)] = true;
            std::vector<Value> kept;
            for (size_t i = 0; i < items.size(); ++i)
                if (!gone[i]) kept.push_back(items[i]);
            items = std::move(kept);
            return;
        }
        int64_t i = item_index(*this, key, static_cast<int64_t>(l->items.size()),
                               "list indices must be integers or slices, not " + type_name(key),
                               "list assignment index out of range");
        l->items.erase(l->items.begin() + i);
        return;
    }
    if (auto* d = get<DictObj>(obj)) {
        hash(key);
        for (size_t i = 0; i < d->items.size(); ++i) {
            if (d->items[i].first.same(key) || equal(d->items[i].first, key)) {
                get<DictObj>(obj)->erase(i);
                return;
            }
        }
        if (get<DictObj>(obj)->kind == DictObj::Kind::Counter) return; // Counter.__delitem__
        key_error(*this, key);
    }
    if (auto* q = get<DequeObj>(obj)) {
        int64_t i = item_index(*this, key, static_cast<int64_t>(q->items.size()),
                               "sequence index must be integer, not '" + type_name(key) + "'",
                               "deque index out of range");
        q->items.erase(q->items.begin() + i);
        q->version++;
        return;
    }
    raise(BuiltinId::TypeError, "'" + type_name(obj) + "' object doesn't support item deletion");
}

} // namespace rc
