// The methods of list and tuple, with CPython 3.12's signatures and messages. A call is one
// atomic operation, as under the GIL (a shared list's call is one visible operation).
#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

/// The start/stop arguments of list.index and tuple.index, clamped as CPython clamps them.
void index_range(Machine& m, const Bound& b, size_t n, int64_t& start, int64_t& stop) {
    auto arg = [&](size_t k, int64_t fallback) -> int64_t {
        if (!b.has(k)) return fallback;
        if (!b[k].is_int_like())
            m.raise(BuiltinId::TypeError,
                    "slice indices must be integers or have an __index__ method");
        return b[k].i;
    };
    const auto len = static_cast<int64_t>(n);
    start = arg(1, 0);
    stop = arg(2, INT64_MAX);
    if (start < 0) start = std::max<int64_t>(0, start + len);
    if (stop < 0) stop = std::max<int64_t>(0, stop + len);
}

} // namespace

Value Machine::call_list_method(Value self, NameId method, const Args& a) {
    using S = Sig::Style;
    auto items = [&]() -> std::vector<Value>& { return get<ListObj>(self)->items; };
    const bool sh = shared(self);
    switch (known_name(method)) {
    case KnownName::append: {
        Value x = bind(a, Sig{"list.append", S::One, {"object"}, 1, 1})[0];
        if (sh) mark_shared(x);
        charge(sizeof(Value));
        items().push_back(x);
        return Value::none();
    }
    case KnownName::extend: {
        Value it = bind(a, Sig{"list.extend", S::One, {"iterable"}, 1, 1})[0];
        std::vector<Value> more = collect(it);
        charge(more.size() * sizeof(Value));
        if (sh)
            for (Value x : more) mark_shared(x);
        items().insert(items().end(), more.begin(), more.end());
        return Value::none();
    }
    case KnownName::insert: {
        Bound b = bind(a, Sig{"insert", S::Expected, {"index", "object"}, 2, 2});
        int64_t i = to_index(b[0], "list indices");
        auto n = static_cast<int64_t>(items().size());
        if (i < 0) i = std::max<int64_t>(0, i + n);
        i = std::min(i, n);
        if (sh) mark_shared(b[1]);
        charge(sizeof(Value));
        items().insert(items().begin() + i, b[1]);
        return Value::none();
    }
    case KnownName::pop: {
        Bound b = bind(a, Sig{"pop", S::Expected, {"index"}, 0, 1});
        int64_t i = b.has(0) ? to_index(b[0], "list indices") : -1;
        if (items().empty()) raise(BuiltinId::IndexError, "pop from empty list");
        auto n = static_cast<int64_t>(items().size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) raise(BuiltinId::IndexError, "pop index out of range");
        Value v = items()[static_cast<size_t>(i)];
        items().erase(items().begin() + i);
        return v;
    }
    case KnownName::remove: {
        Value x = bind(a, Sig{"list.remove", S::One, {"value"}, 1, 1})[0];
        for (size_t i = 0; i < items().size(); ++i) {
            if (items()[i].same(x) || equal(items()[i], x)) {
                items().erase(items().begin() + static_cast<long>(i));
                return Value::none();
            }
        }
        raise(BuiltinId::ValueError, "list.remove(x): x not in list");
    }
    case KnownName::index: {
        Bound b = bind(a, Sig{"index", S::Expected, {"value", "start", "stop"}, 1, 3});
        int64_t start = 0, stop = 0;
        index_range(*this, b, items().size(), start, stop);
        for (int64_t i = start; i < stop && i < static_cast<int64_t>(items().size()); ++i)
            if (items()[static_cast<size_t>(i)].same(b[0]) || equal(items()[static_cast<size_t>(i)], b[0]))
                return Value::integer(i);
        raise(BuiltinId::ValueError, repr(b[0]) + " is not in list");
    }
    case KnownName::count: {
        Value x = bind(a, Sig{"list.count", S::One, {"value"}, 1, 1})[0];
        int64_t c = 0;
        for (size_t i = 0; i < items().size(); ++i)
            if (items()[i].same(x) || equal(items()[i], x)) ++c;
        return Value::integer(c);
    }
    case KnownName::clear:
        bind(a, Sig{"list.clear", S::None, {}, 0, 0});
        items().clear();
        return Value::none();
    case KnownName::copy:
        bind(a, Sig{"list.copy", S::None, {}, 0, 0});
        return new_list(items());
    case KnownName::reverse:
        bind(a, Sig{"list.reverse", S::None, {}, 0, 0});
        std::reverse(items().begin(), items().end());
        return Value::none();
    case KnownName::sort: {
        Bound b = bind(a, Sig{"sort", S::Takes, {"key", "reverse"}, 0, 0, 0});
        Value key = b.has(0) ? b[0] : Value::none();
        bool reverse = b.has(1) && truthy(b[1]);
        return sort_list(self, key, reverse);
    }
    default: break;
    }
    no_attribute(self, method);
}

Value Machine::call_tuple_method(Value self, NameId method, const Args& a) {
    using S = Sig::Style;
    std::vector<Value> items = get<TupleObj>(self)->items;
    switch (known_name(method)) {
    case KnownName::index: {
        Bound b = bind(a, Sig{"index", S::Expected, {"value", "start", "stop"}, 1, 3});
        int64_t start = 0, stop = 0;
        index_range(*this, b, items.size(), start, stop);
        for (int64_t i = start; i < stop && i < static_cast<int64_t>(items.size()); ++i)
            if (items[static_cast<size_t>(i)].same(b[0]) || equal(items[static_cast<size_t>(i)], b[0]))
                return Value::integer(i);
        raise(BuiltinId::ValueError, "tuple.index(x): x not in tuple");
    }
    case KnownName::count: {
        Value x = bind(a, Sig{"tuple.count", S::One, {"value"}, 1, 1})[0];
        int64_t c = 0;
        for (Value v : items)
            if (v.same(x) || equal(v, x)) ++c;
        return Value::integer(c);
    }
    default: break;
    }
    no_attribute(self, method);
}

} // namespace rc
