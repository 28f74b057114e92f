// list.sort() and sorted(): CPython 3.12's listsort compares with `<` only, reverses around a
// stable sort for reverse=True, and computes every key first. For fewer than 64 items it is a
// run count then a binary insertion sort; that part is ported exactly (Objects/listobject.c:
// count_run, binarysort), so the comparisons made, and so the TypeError raised for items that
// do not compare, are CPython's. Longer lists use a stable merge sort, which orders consistent
// items identically.
#include <algorithm> // stable_sort, reverse

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

constexpr size_t kMinMerge = 64;

} // namespace

void Machine::sort_values(std::vector<Value>& keys, std::vector<Value>* values, bool reverse) {
    const size_t n = keys.size();
    auto reverse_both = [&] {
        std::reverse(keys.begin(), keys.end());
        if (values) std::reverse(values->begin(), values->end());
    };
    if (reverse) reverse_both();
    if (n >= 2 && n < kMinMerge) {
        // count_run
        size_t run = 2;
        bool descending = less(keys[1], keys[0]);
        if (descending) {
            while (run < n && less(keys[run], keys[run - 1])) ++run;
            std::reverse(keys.begin(), keys.begin() + static_cast<long>(run));
            if (values) std::reverse(values->begin(), values->begin() + static_cast<long>(run));
        } else {
            while (run < n && !less(keys[run], keys[run - 1])) ++run;
        }
        // binarysort(lo, hi = lo + n, start = lo + run)
        for (size_t start = run; start < n; ++start) {
            size_t l = 0, r = start;
            Value pivot = keys[start];
            do {
                size_t p = l + ((r - l) >> 1);
                if (less(pivot, keys[p])) r = p;
                else l = p + 1;
            } while (l < r);
            keys.erase(keys.begin() + static_cast<long>(start));
            keys.insert(keys.begin() + static_cast<long>(l), pivot);
            if (values) {
                Value v = (*values)[start];
                values->erase(values->begin() + static_cast<long>(start));
                values->insert(values->begin() + static_cast<long>(l), v);
            }
        }
    } else if (n >= kMinMerge) {
        std::vector<size_t> order(n);
        for (size_t i = 0; i < n; ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](size_t x, size_t y) { return less(keys[x], keys[y]); });
        std::vector<Value> k2, v2;
        for (size_t i : order) {
            k2.push_back(keys[i]);
            if (values) v2.push_back((*values)[i]);
        }
        keys = std::move(k2);
        if (values) *values = std::move(v2);
    }
    if (reverse) reverse_both();
}

std::optional<std::vector<Value>> Machine::native_keys(Value key, const std::vector<Value>& items) {
    if (is_python_callable(key)) return std::nullopt;
    std::vector<Value> keys;
    keys.reserve(items.size());
    for (Value x : items) keys.push_back(call_native(key, {x}));
    return keys;
}

Value Machine::sort_list(Value list, Value key, bool reverse) {
    std::vector<Value> items = get<ListObj>(list)->items;
    if (key.is_none()) {
        sort_values(items, nullptr, reverse);
        get<ListObj>(list)->items = std::move(items);
        return Value::none();
    }
    if (auto keys = native_keys(key, items)) {
        sort_values(*keys, &items, reverse);
        get<ListObj>(list)->items = std::move(items);
        return Value::none();
    }
    // A Python key function: the prelude computes the keys (each call may be a scheduling point)
    // and calls _rc_sort_by_keys.
    push_prelude(prog.prelude.list_sort, {list, new_list(items), key, Value::boolean(reverse)});
    return Value::unbound();
}

Value Machine::sort_by_keys(const Args& a) {
    // _rc_sort_by_keys(target, items, keys, reverse): sorts items by keys into target.
    Value target = a.pos[0];
    std::vector<Value> items = get<ListObj>(a.pos[1])->items;
    std::vector<Value> keys = get<ListObj>(a.pos[2])->items;
    sort_values(keys, &items, truthy(a.pos[3]));
    if (!target.same(a.pos[1]) && get<ListObj>(target)->items.size() != items.size())
        raise(BuiltinId::ValueError, "list modified during sort");
    get<ListObj>(target)->items = std::move(items);
    return Value::none();
}

} // namespace rc
