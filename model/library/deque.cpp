// collections.deque: construction and methods with CPython 3.12's semantics and messages. Each
// method call is atomic, as under the GIL (a shared deque's call is one visible operation, as
// a shared list's is).
#include <algorithm> // rotate, reverse

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

/// Appends on the right (or left), dropping from the other end when a bounded deque is full.
void push_item(Machine& m, Value self, Value x, bool left) {
    if (m.shared(self)) m.mark_shared(x);
    DequeObj& q = *m.get<DequeObj>(self);
    q.version++;
    if (q.maxlen == 0) return;
    if (q.maxlen > 0 && static_cast<int64_t>(q.items.size()) >= q.maxlen) {
        if (left) q.items.pop_back();
        else q.items.erase(q.items.begin());
    } else {
        m.charge(sizeof(Value)); // it grows
    }
    if (left) q.items.insert(q.items.begin(), x);
    else q.items.push_back(x);
}

} // namespace

Value Machine::make_deque(const Args& a) {
    Bound b = bind(a, Sig{"deque", Sig::Style::Takes, {"iterable", "maxlen"}, 0, 0});
    DequeObj q;
    if (b.has(1) && !b[1].is_none()) {
        if (!b[1].is_int_like())
            raise(BuiltinId::TypeError, "an integer is required");
        if (b[1].i < 0) raise(BuiltinId::ValueError, "maxlen must be non-negative");
        q.maxlen = b[1].i;
    }
    Value self = Value::object(alloc(Object{std::move(q)}));
    if (b.has(0))
        for (Value x : collect(b[0])) push_item(*this, self, x, false);
    return self;
}

Value Machine::call_deque_method(Value self, NameId method, const Args& a) {
    using S = Sig::Style;
    auto q = [&]() -> DequeObj& { return *get<DequeObj>(self); };
    if (!a.kw.empty() && known_name(method) != KnownName::Count) // every deque method is positional-only
        raise(BuiltinId::TypeError, "deque." + name_of(method) + "() takes no keyword arguments");
    switch (known_name(method)) {
    case KnownName::append:
    case KnownName::appendleft:
        push_item(*this, self, bind(a, Sig{"deque." + name_of(method), S::One, {"x"}, 1, 1})[0],
                  known_name(method) == KnownName::appendleft);
        return Value::none();
    case KnownName::extend:
    case KnownName::extendleft: {
        Value it = bind(a, Sig{"deque." + name_of(method), S::One, {"iterable"}, 1, 1})[0];
        for (Value x : collect(it)) push_item(*this, self, x, known_name(method) == KnownName::extendleft);
        return Value::none();
    }
    case KnownName::pop:
    case KnownName::popleft: {
        bind(a, Sig{"deque." + name_of(method), S::None, {}, 0, 0});
        if (q().items.empty()) raise(BuiltinId::IndexError, "pop from an empty deque");
        q().version++;
        Value v;
        if (known_name(method) == KnownName::pop) {
            v = q().items.back();
            q().items.pop_back();
        } else {
            v = q().items.front();
            q().items.erase(q().items.begin());
        }
        return v;
    }
    case KnownName::clear:
        bind(a, Sig{"deque.clear", S::None, {}, 0, 0});
        q().items.clear();
        q().version++;
        return Value::none();
    case KnownName::copy: {
        bind(a, Sig{"deque.copy", S::None, {}, 0, 0});
        DequeObj c;
        c.items = q().items;
        c.maxlen = q().maxlen;
        return Value::object(alloc(Object{std::move(c)}));
    }
    case KnownName::count: {
        Value x = bind(a, Sig{"deque.count", S::One, {"value"}, 1, 1})[0];
        std::vector<Value> items = q().items;
        int64_t n = 0;
        for (Value v : items)
            if (v.same(x) || equal(v, x)) ++n;
        return Value::integer(n);
    }
    case KnownName::index: {
        Bound b = bind(a, Sig{"index", S::Takes, {"value", "start", "stop"}, 1, 3});
        std::vector<Value> items = q().items;
        auto n = static_cast<int64_t>(items.size());
        auto arg = [&](size_t k, int64_t fallback) {
            int64_t v = b.has(k) ? to_index(b[k], "deque.index() arguments") : fallback;
            if (v < 0) v = std::max<int64_t>(0, v + n);
            return std::min(v, n);
        };
        for (int64_t i = arg(1, 0), stop = arg(2, n); i < stop; ++i)
            if (items[static_cast<size_t>(i)].same(b[0]) || equal(items[static_cast<size_t>(i)], b[0]))
                return Value::integer(i);
        raise(BuiltinId::ValueError, repr(b[0]) + " is not in deque");
    }
    case KnownName::insert: {
        Bound b = bind(a, Sig{"insert", S::Takes, {"index", "object"}, 2, 2});
        if (q().maxlen >= 0 && static_cast<int64_t>(q().items.size()) >= q().maxlen)
            raise(BuiltinId::IndexError, "deque already at its maximum size");
        int64_t i = to_index(b[0], "deque.insert() index");
        auto n = static_cast<int64_t>(q().items.size());
        if (i < 0) i = std::max<int64_t>(0, i + n);
        i = std::min(i, n);
        if (shared(self)) mark_shared(b[1]);
        q().items.insert(q().items.begin() + i, b[1]);
        q().version++;
        return Value::none();
    }
    case KnownName::remove: {
        Value x = bind(a, Sig{"deque.remove", S::One, {"value"}, 1, 1})[0];
        for (size_t i = 0; i < q().items.size(); ++i) {
            if (q().items[i].same(x) || equal(q().items[i], x)) {
                q().items.erase(q().items.begin() + static_cast<long>(i));
                q().version++;
                return Value::none();
            }
        }
        raise(BuiltinId::ValueError, repr(x) + " is not in deque");
    }
    case KnownName::reverse:
        bind(a, Sig{"deque.reverse", S::None, {}, 0, 0});
        std::reverse(q().items.begin(), q().items.end());
        q().version++;
        return Value::none();
    case KnownName::rotate: {
        Bound b = bind(a, Sig{"deque.rotate", S::Expected, {"n"}, 0, 1});
        int64_t k = b.has(0) ? to_index(b[0], "deque.rotate() argument") : 1;
        auto n = static_cast<int64_t>(q().items.size());
        q().version++;
        if (n <= 1) return Value::none();
        k %= n;
        if (k < 0) k += n;
        std::rotate(q().items.begin(), q().items.begin() + (n - k), q().items.end());
        return Value::none();
    }
    default: break;
    }
    no_attribute(self, method);
}

} // namespace rc
