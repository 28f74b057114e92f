// itertools as CPython 3.12's Modules/itertoolsmodule.c: what each constructor checks and takes
// when it is called (iter() of its arguments; product, permutations and combinations read their
// inputs whole), and the iteration itself in the prelude (_rc_it_*, the "roughly equivalent"
// Python of the itertools documentation, following the C code where they differ: islice's
// consumption), so that the iterators are lazy and a shared iterable is read when CPython reads it.
#include "model/stdlib/itertools_module.hpp"

#include <cstdint> // INT64_MAX

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

using S = Sig::Style;

Value gen(Machine& m, FuncId code, std::vector<Value> args, BuiltinId type) {
    return m.make_prelude_generator(code, std::move(args), type);
}

/// An islice index: None or an int in [0, sys.maxsize]; -1 for None.
int64_t islice_index(Machine& m, Value v, const char* message) {
    if (v.is_none()) return -1;
    if (!v.is_int_like() || v.i < 0) m.raise(BuiltinId::ValueError, message);
    return v.i;
}

int64_t int_arg(Machine& m, Value v) {
    if (!v.is_int_like())
        m.raise(BuiltinId::TypeError, "'" + m.type_name(v) + "' object cannot be interpreted as an integer");
    return v.i;
}

} // namespace

Value itertools_builtin(Machine& m, BuiltinId id, const Args& a) {
    const PreludeFuncs& p = m.prog.prelude;
    switch (id) {
    case BuiltinId::ItCount: {
        Bound b = m.bind(a, Sig{"count", S::Takes, {"start", "step"}, 0, 0});
        Value start = b.has(0) ? b[0] : Value::integer(0), step = b.has(1) ? b[1] : Value::integer(1);
        for (Value v : {start, step})
            if (!v.is_int_like() && v.tag != VTag::Float) m.raise(BuiltinId::TypeError, "a number is required");
        return gen(m, p.it_count, {start, step}, id);
    }
    case BuiltinId::ItCycle: {
        Bound b = m.bind(a, Sig{"cycle", S::Expected, {"iterable"}, 1, 1, 1});
        return gen(m, p.it_cycle, {m.get_iter(b[0])}, id);
    }
    case BuiltinId::ItRepeat: {
        if (a.pos.empty() && a.kw.empty())
            m.raise(BuiltinId::TypeError, "repeat() missing required argument 'object' (pos 1)");
        Bound b = m.bind(a, Sig{"repeat", S::Takes, {"object", "times"}, 1, 0});
        Value times = b.has(1) ? Value::integer(int_arg(m, b[1])) : Value::none();
        return gen(m, p.it_repeat, {b[0], times}, id);
    }
    case BuiltinId::ItIslice: {
        if (!a.kw.empty()) m.raise(BuiltinId::TypeError, "islice() takes no keyword arguments");
        if (a.pos.size() < 2)
            m.raise(BuiltinId::TypeError, "islice expected at least 2 arguments, got " + std::to_string(a.pos.size()));
        if (a.pos.size() > 4)
            m.raise(BuiltinId::TypeError, "islice expected at most 4 arguments, got " + std::to_string(a.pos.size()));
        int64_t start = 0, stop = -1, step = 1;
        if (a.pos.size() == 2) {
            stop = islice_index(m, a.pos[1], "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        } else {
            start = islice_index(m, a.pos[1], "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
            stop = islice_index(m, a.pos[2], "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
            if (start < 0) start = 0;
            if (a.pos.size() == 4 && !a.pos[3].is_none()) {
                if (!a.pos[3].is_int_like() || a.pos[3].i <= 0)
                    m.raise(BuiltinId::ValueError, "Step for islice() must be a positive integer or None.");
                step = a.pos[3].i;
            }
        }
        Value it = m.get_iter(a.pos[0]);
        return gen(m, p.it_islice, {it, Value::integer(start), stop < 0 ? Value::none() : Value::integer(stop),
                                    Value::integer(step)},
                   id);
    }
    case BuiltinId::ItChain:
        if (!a.kw.empty()) m.raise(BuiltinId::TypeError, "chain() takes no keyword arguments");
        return gen(m, p.it_chain, {m.new_tuple(a.pos)}, id);
    case BuiltinId::ItChainFromIterable: {
        Bound b = m.bind(a, Sig{"from_iterable", S::One, {"iterable"}, 1, 1});
        return gen(m, p.it_chain, {m.get_iter(b[0])}, BuiltinId::ItChain);
    }
    case BuiltinId::ItProduct: {
        int64_t repeat = 1;
        for (const auto& [n, v] : a.kw) {
            if (m.name_of(n) != "repeat")
                m.raise(BuiltinId::TypeError, "product() got an unexpected keyword argument '" + m.name_of(n) + "'");
            repeat = int_arg(m, v);
        }
        if (repeat < 0) m.raise(BuiltinId::ValueError, "repeat argument cannot be negative");
        std::vector<Value> pools;
        for (Value v : a.pos) pools.push_back(m.new_tuple(m.collect(v)));
        std::vector<Value> all;
        m.reserve(pools.size() * static_cast<uint64_t>(repeat) * sizeof(Value));
        for (int64_t r = 0; r < repeat; ++r) all.insert(all.end(), pools.begin(), pools.end());
        return gen(m, p.it_product, {m.new_list(std::move(all))}, id);
    }
    case BuiltinId::ItPermutations:
    case BuiltinId::ItCombinations: {
        const bool perm = id == BuiltinId::ItPermutations;
        if (!perm && a.pos.size() + a.kw.size() == 1 && !a.pos.empty())
            m.raise(BuiltinId::TypeError, "combinations() missing required argument 'r' (pos 2)");
        Bound b = m.bind(a, Sig{perm ? "permutations" : "combinations", S::Takes, {"iterable", "r"}, perm ? 1u : 2u, 0});
        Value pool = m.new_tuple(m.collect(b[0]));
        int64_t r = static_cast<int64_t>(m.get<TupleObj>(pool)->items.size());
        if (b.has(1) && !(perm && b[1].is_none())) {
            if (!b[1].is_int_like()) {
                if (perm) m.raise(BuiltinId::TypeError, "Expected int as r");
                int_arg(m, b[1]);
            }
            r = b[1].i;
            if (r < 0) m.raise(BuiltinId::ValueError, "r must be non-negative");
        }
        return gen(m, perm ? p.it_permutations : p.it_combinations, {pool, Value::integer(r)}, id);
    }
    case BuiltinId::ItAccumulate: {
        Bound b = m.bind(a, Sig{"accumulate", S::Takes, {"iterable", "func", "initial"}, 1, 0, 2});
        Value it = m.get_iter(b[0]);
        Value func = b.has(1) ? b[1] : Value::none();
        Value initial = b.has(2) ? b[2] : Value::none();
        return gen(m, p.it_accumulate, {it, func, initial, Value::boolean(!initial.is_none())}, id);
    }
    case BuiltinId::ItZipLongest: {
        Value fill = Value::none();
        for (const auto& [n, v] : a.kw) {
            if (m.name_of(n) != "fillvalue")
                m.raise(BuiltinId::TypeError, "zip_longest() got an unexpected keyword argument");
            fill = v;
        }
        std::vector<Value> iterators;
        for (Value v : a.pos) iterators.push_back(m.get_iter(v));
        return gen(m, p.it_zip_longest, {m.new_list(std::move(iterators)), fill}, id);
    }
    default: break;
    }
    RC_CHECK(false, "itertools_builtin: not an itertools builtin");
    return Value::none();
}

} // namespace rc
