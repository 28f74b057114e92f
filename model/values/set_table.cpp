// The hash table of set and frozenset, ported from CPython 3.12's Objects/setobject.c: the
// same probing (LINEAR_PROBES consecutive slots, then perturbation), the same growth and the
// same way of building one set from another, so a set of the same values iterates, prints and
// pops in CPython's order. Function names follow setobject.c's.
#include "model/values/set_table.hpp"

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
constexpr size_t kMinSize = 8;

using Entry = SetObj::Entry;

bool is_empty(const Entry& e) { return e.key.is_unbound() && e.hash == 0; }
bool is_dummy(const Entry& e) { return e.key.is_unbound() && e.hash == -1; }
bool is_active(const Entry& e) { return !e.key.is_unbound(); }

void insert_clean(std::vector<Entry>& table, size_t mask, Value key, int64_t hash) {
    auto perturb = static_cast<size_t>(hash);
    size_t i = static_cast<size_t>(hash) & mask;
    for (;;) {
        if (table[i].key.is_unbound()) break;
        bool found = false;
        if (i + kLinearProbes <= mask) {
            for (size_t j = 1; j <= kLinearProbes; ++j) {
                if (table[i + j].key.is_unbound()) {
                    i += j;
                    found = true;
                    break;
                }
            }
        }
        if (found) break;
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
    table[i] = Entry{key, hash};
}

} // namespace

SetObj& set_ref(Machine& m, Value set) { return *m.get<SetObj>(set); }

void set_table_resize(Machine& m, Value set, size_t minused) {
    SetObj& so = set_ref(m, set);
    size_t newsize = kMinSize;
    while (newsize <= minused) newsize <<= 1;
    if (newsize == so.table.size() && so.fill == so.used && newsize == kMinSize) return;
    if (newsize > so.table.size()) m.charge((newsize - so.table.size()) * sizeof(Entry));
    std::vector<Entry> old = std::move(so.table);
    so.table.assign(newsize, Entry{});
    const size_t mask = newsize - 1;
    so.fill = so.used;
    for (const Entry& e : old)
        if (is_active(e)) insert_clean(so.table, mask, e.key, e.hash);
}

std::optional<size_t> set_lookkey(Machine& m, Value set, Value key, int64_t hash) {
    SetObj& so = set_ref(m, set);
    const size_t mask = so.table.size() - 1;
    auto perturb = static_cast<size_t>(hash);
    size_t i = static_cast<size_t>(hash) & mask;
    for (;;) {
        size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
        for (size_t j = 0; j <= probes; ++j) {
            const Entry& e = so.table[i + j];
            if (is_empty(e)) return std::nullopt;
            if (e.hash == hash && is_active(e) && (e.key.same(key) || m.equal(e.key, key)))
                return i + j;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

bool set_add_entry(Machine& m, Value set, Value key, int64_t hash) {
    SetObj& so = set_ref(m, set);
    const size_t mask = so.table.size() - 1;
    auto perturb = static_cast<size_t>(hash);
    size_t i = static_cast<size_t>(hash) & mask;
    std::optional<size_t> freeslot;
    for (;;) {
        size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
        for (size_t j = 0; j <= probes; ++j) {
            Entry& e = so.table[i + j];
            if (is_empty(e)) {
                if (freeslot) { // found_unused_or_dummy, with a dummy seen on the way
                    so.used++;
                    so.table[*freeslot] = Entry{key, hash};
                    return true;
                }
                so.fill++;
                so.used++;
                e = Entry{key, hash};
                if (static_cast<size_t>(so.fill) * 5 >= mask * 3)
                    set_table_resize(m, set, so.used > 50000 ? so.used * 2 : so.used * 4);
                return true;
            }
            if (e.hash == hash && is_active(e)) {
                if (e.key.same(key) || m.equal(e.key, key)) return false; // found_active
            } else if (is_dummy(e)) {
                freeslot = i + j;
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

bool set_discard_entry(Machine& m, Value set, Value key, int64_t hash) {
    std::optional<size_t> at = set_lookkey(m, set, key, hash);
    if (!at) return false;
    SetObj& so = set_ref(m, set);
    so.table[*at] = Entry{Value::unbound(), -1};
    so.used--;
    return true;
}

void set_merge(Machine& m, Value set, Value other) {
    if (set.same(other)) return;
    const SetObj theirs = set_ref(m, other); // copied: the loop below may resize ours
    if (theirs.used == 0) return;
    {
        SetObj& so = set_ref(m, set);
        if ((static_cast<size_t>(so.fill) + theirs.used) * 5 >= (so.table.size() - 1) * 3)
            set_table_resize(m, set, (static_cast<size_t>(so.used) + theirs.used) * 2);
    }
    SetObj& so = set_ref(m, set);
    if (so.fill == 0 && so.table.size() == theirs.table.size() && theirs.fill == theirs.used) {
        so.table = theirs.table;
        so.fill = theirs.fill;
        so.used = theirs.used;
        return;
    }
    if (so.fill == 0) {
        so.fill = theirs.used;
        so.used = theirs.used;
        const size_t mask = so.table.size() - 1;
        for (const Entry& e : theirs.table)
            if (is_active(e)) insert_clean(so.table, mask, e.key, e.hash);
        return;
    }
    for (const Entry& e : theirs.table)
        if (is_active(e)) set_add_entry(m, set, e.key, e.hash);
}

void set_update_internal(Machine& m, Value set, Value other) {
    if (m.get<SetObj>(other)) return set_merge(m, set, other);
    if (auto* d = m.get<DictObj>(other)) {
        std::vector<std::pair<Value, Value>> items = d->items;
        {
            SetObj& so = set_ref(m, set);
            if ((so.fill + items.size()) * 5 >= (so.table.size() - 1) * 3)
                set_table_resize(m, set, (so.used + items.size()) * 2);
        }
        for (auto& [k, v] : items) set_add_entry(m, set, k, m.hash(k));
        return;
    }
    for (Value x : m.collect(other)) set_add_entry(m, set, x, m.hash(x));
}

std::vector<Value> set_items(Machine& m, Value set) {
    std::vector<Value> out;
    for (const Entry& e : set_ref(m, set).table)
        if (is_active(e)) out.push_back(e.key);
    return out;
}

std::vector<std::pair<Value, int64_t>> set_entries(Machine& m, Value set) {
    std::vector<std::pair<Value, int64_t>> out;
    for (const Entry& e : set_ref(m, set).table)
        if (is_active(e)) out.emplace_back(e.key, e.hash);
    return out;
}

Value set_pop(Machine& m, Value set) {
    SetObj& so = set_ref(m, set);
    if (so.used == 0) m.raise(BuiltinId::KeyError, "pop from an empty set");
    size_t i = so.finger & (so.table.size() - 1);
    while (!is_active(so.table[i])) i = (i + 1) & (so.table.size() - 1);
    Value key = so.table[i].key;
    so.table[i] = Entry{Value::unbound(), -1};
    so.used--;
    so.finger = static_cast<uint32_t>(i + 1);
    return key;
}

void set_clear(Machine& m, Value set) {
    SetObj& so = set_ref(m, set);
    so.table.assign(kMinSize, Entry{});
    so.fill = so.used = 0;
}

void set_after_difference_update(Machine& m, Value set) {
    SetObj& so = set_ref(m, set);
    if (static_cast<size_t>(so.fill - so.used) <= (so.table.size() - 1) / 4) return;
    set_table_resize(m, set, so.used > 50000 ? so.used * 2 : so.used * 4);
}

} // namespace rc
