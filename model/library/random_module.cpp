// The random module: CPython 3.12's Mersenne Twister (Modules/_randommodule.c) and the
// functions of Lib/random.py over it, so that random.seed(n) gives CPython's numbers.
//
// How randomness meets exploration: the generator's state is part of the execution's State,
// seeded as by random.seed(0) when the program first uses it without seeding, identically in
// every execution. A draw is a local step of the thread that makes it (not a scheduling point),
// so which thread gets which number follows the interleaving the explorer chose; equal
// schedules give equal numbers, replays and the real-thread runtime (which runs the same
// interpreter on the same State) draw the same values. See README, "The Python subset".
#include <algorithm> // find
#include <cmath>     // floor, ceil, log, pow

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

constexpr uint32_t kN = 624, kM = 397;
constexpr size_t kAll = static_cast<size_t>(-1); // Sig::keyword_only: no keyword-only parameters

void init_genrand(std::vector<uint32_t>& mt, uint32_t s) {
    mt.assign(kN, 0);
    mt[0] = s;
    for (uint32_t i = 1; i < kN; ++i) mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i;
}

void init_by_array(std::vector<uint32_t>& mt, const std::vector<uint32_t>& key) {
    init_genrand(mt, 19650218U);
    uint32_t i = 1, j = 0;
    for (size_t k = std::max<size_t>(kN, key.size()); k; --k) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + j;
        ++i, ++j;
        if (i >= kN) mt[0] = mt[kN - 1], i = 1;
        if (j >= key.size()) j = 0;
    }
    for (size_t k = kN - 1; k; --k) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - i;
        ++i;
        if (i >= kN) mt[0] = mt[kN - 1], i = 1;
    }
    mt[0] = 0x80000000U;
}

/// random.seed(n) for an int n: the 32-bit words of |n|, least significant first.
void seed_int(State& st, uint64_t n) {
    std::vector<uint32_t> key;
    do {
        key.push_back(static_cast<uint32_t>(n));
        n >>= 32;
    } while (n);
    init_by_array(st.random_mt, key);
    st.random_index = kN;
}

} // namespace

uint32_t Machine::random_u32() {
    if (st.random_mt.empty()) seed_int(st, 0);
    std::vector<uint32_t>& mt = st.random_mt;
    static constexpr uint32_t mag01[2] = {0x0U, 0x9908b0dfU};
    if (st.random_index >= kN) {
        uint32_t kk = 0, y;
        for (; kk < kN - kM; ++kk) {
            y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
            mt[kk] = mt[kk + kM] ^ (y >> 1) ^ mag01[y & 1U];
        }
        for (; kk < kN - 1; ++kk) {
            y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
            mt[kk] = mt[kk + kM - kN] ^ (y >> 1) ^ mag01[y & 1U];
        }
        y = (mt[kN - 1] & 0x80000000U) | (mt[0] & 0x7fffffffU);
        mt[kN - 1] = mt[kM - 1] ^ (y >> 1) ^ mag01[y & 1U];
        st.random_index = 0;
    }
    uint32_t y = mt[st.random_index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

double Machine::random_double() {
    uint32_t a = random_u32() >> 5, b = random_u32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

int64_t Machine::random_bits(int64_t k) {
    if (k < 0) raise(BuiltinId::ValueError, "number of bits must be non-negative");
    if (k == 0) return 0;
    if (k > 63) unsupported("integer beyond 64 bits");
    if (k <= 32) return random_u32() >> (32 - k);
    uint64_t lo = random_u32();
    uint64_t hi = random_u32() >> (64 - k);
    return static_cast<int64_t>(lo | (hi << 32));
}

int64_t Machine::random_below(int64_t n) {
    if (n <= 0) return 0;
    int64_t k = 64 - __builtin_clzll(static_cast<uint64_t>(n)); // n.bit_length()
    int64_t r = random_bits(k);
    while (r >= n) r = random_bits(k);
    return r;
}

Value Machine::call_random(BuiltinId id, const Args& a) {
    using S = Sig::Style;
    auto index = [&](Value v) { return to_index(v, "random"); };
    auto randrange = [&](Value start, Value stop, Value step) -> Value {
        int64_t istart = index(start);
        if (stop.is_unbound() || stop.is_none()) {
            if (!step.is_unbound()) raise(BuiltinId::TypeError, "Missing a non-None stop argument");
            if (istart > 0) return Value::integer(random_below(istart));
            raise(BuiltinId::ValueError, "empty range for randrange()");
        }
        int64_t istop = index(stop), width = 0, istep = step.is_unbound() ? 1 : index(step);
        if (__builtin_sub_overflow(istop, istart, &width)) int_overflow();
        if (istep == 1) {
            if (width > 0) return Value::integer(istart + random_below(width));
            raise(BuiltinId::ValueError, "empty range in randrange(" + repr(start) + ", " + repr(stop) + ")");
        }
        auto fdiv = [](int64_t x, int64_t y) { // Python's //
            int64_t q = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
            return q;
        };
        int64_t n = 0;
        if (istep > 0) n = fdiv(width + istep - 1, istep);
        else if (istep < 0) n = fdiv(width + istep + 1, istep);
        else raise(BuiltinId::ValueError, "zero step for randrange()");
        if (n <= 0)
            raise(BuiltinId::ValueError, "empty range in randrange(" + repr(start) + ", " + repr(stop) + ", " +
                                             repr(step) + ")");
        return Value::integer(istart + istep * random_below(n));
    };
    switch (id) {
    case BuiltinId::RandRandom:
        bind(a, Sig{"Random.random", S::None, {}, 0, 0});
        return Value::floating(random_double());
    case BuiltinId::RandSeed: {
        Bound b = bind(a, Sig{"Random.seed", S::Python, {"a", "version"}, 0, 0, kAll, 1});
        Value v = b.has(0) ? b[0] : Value::none();
        if (b.has(1) && !(b[1].is_int_like() && b[1].i == 2)) unsupported("random.seed(version=1)");
        if (v.is_none()) unsupported("random.seed(None) (a seed from the operating system)");
        if (v.is_int_like()) seed_int(st, v.i < 0 ? 0 - static_cast<uint64_t>(v.i) : static_cast<uint64_t>(v.i));
        else if (v.tag == VTag::Float) {
            int64_t h = hash(v);
            seed_int(st, h < 0 ? 0 - static_cast<uint64_t>(h) : static_cast<uint64_t>(h));
        } else if (str_of(v)) unsupported("random.seed() with a str (CPython hashes it with SHA-512)");
        else
            raise(BuiltinId::TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
        return Value::none();
    }
    case BuiltinId::RandGetrandbits:
        return Value::integer(random_bits(index(bind(a, Sig{"Random.getrandbits", S::One, {"k"}, 1, 1})[0])));
    case BuiltinId::RandRandrange: {
        Bound b = bind(a, Sig{"Random.randrange", S::Python, {"start", "stop", "step"}, 1, 0, kAll, 1});
        return randrange(b[0], b[1], b[2]);
    }
    case BuiltinId::RandRandint: {
        Bound b = bind(a, Sig{"Random.randint", S::Python, {"a", "b"}, 2, 0, kAll, 1});
        int64_t hi = index(b[1]), stop = 0;
        if (__builtin_add_overflow(hi, 1, &stop)) int_overflow();
        return randrange(b[0], Value::integer(stop), Value::unbound());
    }
    case BuiltinId::RandChoice: {
        Value seq = bind(a, Sig{"Random.choice", S::Python, {"seq"}, 1, 0, kAll, 1})[0];
        int64_t n = length(seq);
        if (n == 0) raise(BuiltinId::IndexError, "Cannot choose from an empty sequence");
        return subscript(seq, Value::integer(random_below(n)));
    }
    case BuiltinId::RandShuffle: {
        Value x = bind(a, Sig{"Random.shuffle", S::Python, {"x"}, 1, 0, kAll, 1})[0];
        if ((get<TupleObj>(x) || get<StrObj>(x) || get<RangeObj>(x)) && length(x) >= 2)
            raise(BuiltinId::TypeError, "'" + type_name(x) + "' object does not support item assignment");
        if (!get<ListObj>(x) && !get<TupleObj>(x) && !get<StrObj>(x) && !get<RangeObj>(x))
            unsupported("random.shuffle() of something other than a list");
        for (int64_t i = length(x) - 1; i >= 1; --i) {
            int64_t j = random_below(i + 1);
            auto& items = get<ListObj>(x)->items;
            std::swap(items[static_cast<size_t>(i)], items[static_cast<size_t>(j)]);
        }
        return Value::none();
    }
    case BuiltinId::RandUniform: {
        Bound b = bind(a, Sig{"Random.uniform", S::Python, {"a", "b"}, 2, 0, kAll, 1});
        double lo = to_float(b[0], "uniform()"), hi = to_float(b[1], "uniform()");
        return Value::floating(lo + (hi - lo) * random_double());
    }
    case BuiltinId::RandSample: {
        Bound b = bind(a, Sig{"Random.sample", S::Python, {"population", "k", "counts"}, 2, 0, 2, 1});
        if (b.has(2) && !b[2].is_none()) unsupported("random.sample(counts=...)");
        Value pop = b[0];
        if (!get<ListObj>(pop) && !get<TupleObj>(pop) && !get<StrObj>(pop) && !get<RangeObj>(pop))
            raise(BuiltinId::TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
        int64_t n = length(pop), k = index(b[1]);
        if (k < 0 || k > n) raise(BuiltinId::ValueError, "Sample larger than population or is negative");
        int64_t setsize = 21;
        if (k > 5) { // 4 ** ceil(log(k * 3, 4))
            double e = std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0));
            setsize += static_cast<int64_t>(std::pow(4.0, e));
        }
        std::vector<Value> result;
        if (n <= setsize) {
            std::vector<Value> pool = collect(pop);
            for (int64_t i = 0; i < k; ++i) {
                int64_t j = random_below(n - i);
                result.push_back(pool[static_cast<size_t>(j)]);
                pool[static_cast<size_t>(j)] = pool[static_cast<size_t>(n - i - 1)];
            }
        } else {
            std::vector<int64_t> selected;
            for (int64_t i = 0; i < k; ++i) {
                int64_t j = random_below(n);
                while (std::find(selected.begin(), selected.end(), j) != selected.end()) j = random_below(n);
                selected.push_back(j);
                result.push_back(subscript(pop, Value::integer(j)));
            }
        }
        return new_list(std::move(result));
    }
    case BuiltinId::RandChoices: {
        Bound b = bind(a, Sig{"Random.choices", S::Python, {"population", "weights", "cum_weights", "k"}, 1, 0, 2, 1});
        Value pop = b[0];
        int64_t n = length(pop), k = b.has(3) ? index(b[3]) : 1;
        std::vector<Value> out;
        bool has_w = b.has(1) && !b[1].is_none(), has_cw = b.has(2) && !b[2].is_none();
        if (!has_w && !has_cw) {
            for (int64_t i = 0; i < k; ++i)
                out.push_back(subscript(pop, Value::integer(static_cast<int64_t>(std::floor(random_double() * static_cast<double>(n))))));
            return new_list(std::move(out));
        }
        if (has_w && has_cw) raise(BuiltinId::TypeError, "Cannot specify both weights and cumulative weights");
        std::vector<Value> cum;
        if (has_w) {
            Value acc = Value::unbound();
            for (Value w : collect(b[1])) {
                acc = acc.is_unbound() ? w : binary(ast::BinOpKind::Add, acc, w, false);
                cum.push_back(acc);
            }
        } else {
            cum = collect(b[2]);
        }
        if (static_cast<int64_t>(cum.size()) != n)
            raise(BuiltinId::ValueError, "The number of weights does not match the population");
        double total = to_float(cum.back(), "weights") + 0.0;
        if (total <= 0.0) raise(BuiltinId::ValueError, "Total of weights must be greater than zero");
        if (!std::isfinite(total)) raise(BuiltinId::ValueError, "Total of weights must be finite");
        for (int64_t i = 0; i < k; ++i) {
            Value x = Value::floating(random_double() * total);
            int64_t lo = 0, hi = n - 1; // bisect_right(cum, x, 0, n - 1)
            while (lo < hi) {
                int64_t mid = (lo + hi) / 2;
                if (less(x, cum[static_cast<size_t>(mid)])) hi = mid;
                else lo = mid + 1;
            }
            out.push_back(subscript(pop, Value::integer(lo)));
        }
        return new_list(std::move(out));
    }
    default: break;
    }
    unsupported("random." + std::string(builtin_name(id)));
}

} // namespace rc
