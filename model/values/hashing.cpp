// hash() and id() as CPython 3.12 computes them, so that sets iterate in CPython's order.
//
// Strings hash with SipHash-1-3 under a zero key: CPython's str hash when PYTHONHASHSEED=0
// (racecheck behaves as CPython run with PYTHONHASHSEED=0; any other seed makes set order of
// strings arbitrary in CPython itself). Ints, floats and tuples use CPython's exact algorithms
// (Python/pyhash.c, Objects/longobject.c, Objects/tupleobject.c, Objects/setobject.c).
// None, functions and other objects hash by identity in CPython (an address): racecheck uses
// a fixed value for None and its own object ids for the rest.
#include <cmath>   // frexp, isinf, isnan
#include <cstring> // memcpy

#include "model/runtime/machine.hpp" // Machine
#include "model/text/unicode.hpp"  // code points

namespace rc {

namespace {

constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1; // _PyHASH_MODULUS
constexpr int kHashBits = 61;
constexpr int64_t kHashInf = 314159;
constexpr int64_t kHashNone = 0xFCA86420; // CPython 3.13's constant hash(None)

uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

/// CPython's siphash13 (Python/pyhash.c) with k0 = k1 = 0.
uint64_t siphash13(const uint8_t* in, size_t size) {
    uint64_t b = static_cast<uint64_t>(size) << 56;
    uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
    uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
    auto half_round = [](uint64_t& a, uint64_t& bb, uint64_t& c, uint64_t& d, int s, int t) {
        a += bb;
        c += d;
        bb = rotl(bb, s) ^ a;
        d = rotl(d, t) ^ c;
        a = rotl(a, 32);
    };
    auto round = [&] {
        half_round(v0, v1, v2, v3, 13, 16);
        half_round(v2, v1, v0, v3, 17, 21);
    };
    while (size >= 8) {
        uint64_t mi = 0;
        for (int k = 7; k >= 0; --k) mi = (mi << 8) | in[k]; // little-endian load
        in += 8;
        size -= 8;
        v3 ^= mi;
        round();
        v0 ^= mi;
    }
    uint64_t t = 0;
    for (size_t k = size; k-- > 0;) t = (t << 8) | in[k];
    b |= t;
    v3 ^= b;
    round();
    v0 ^= b;
    v2 ^= 0xff;
    round();
    round();
    round();
    return (v0 ^ v1) ^ (v2 ^ v3);
}

int64_t finish(uint64_t x) {
    auto h = static_cast<int64_t>(x);
    return h == -1 ? -2 : h;
}

} // namespace

int64_t hash_int(int64_t x) {
    bool neg = x < 0;
    uint64_t mag = neg ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
    auto h = static_cast<int64_t>(mag % kModulus);
    if (neg) h = -h;
    return h == -1 ? -2 : h;
}

int64_t hash_float(double v) {
    if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
    if (std::isnan(v)) return 0; // CPython hashes a NaN by its address
    int e = 0;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0) {
        x = ((x << 28) & kModulus) | x >> (kHashBits - 28);
        m *= 268435456.0; // 2**28
        e -= 28;
        auto y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= kModulus) x -= kModulus;
    }
    e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
    x = ((x << e) & kModulus) | x >> (kHashBits - e);
    x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
    return finish(x);
}

int64_t hash_str(std::string_view s) {
    if (s.empty()) return 0;
    std::vector<uint32_t> cps = unicode::code_points(s);
    uint32_t max = 0;
    for (uint32_t c : cps) max = std::max(max, c);
    const size_t width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4; // PyUnicode kind
    std::vector<uint8_t> bytes;
    bytes.reserve(cps.size() * width);
    for (uint32_t c : cps)
        for (size_t k = 0; k < width; ++k) bytes.push_back(static_cast<uint8_t>(c >> (8 * k)));
    return finish(siphash13(bytes.data(), bytes.size()));
}

int64_t Machine::hash(Value v) {
    switch (v.tag) {
    case VTag::None: return kHashNone;
    case VTag::Bool:
    case VTag::Int: return hash_int(v.i);
    case VTag::Float: return hash_float(v.f);
    case VTag::Builtin:
    case VTag::Module:
    case VTag::BoundMethod:
    case VTag::Unbound:
    case VTag::Obj: break;
    }
    if (const std::string* s = str_of(v)) return hash_str(*s);
    if (auto* t = get<TupleObj>(v)) { // Objects/tupleobject.c (xxHash-based)
        constexpr uint64_t p1 = 11400714785074694791ULL, p2 = 14029467366897019727ULL,
                           p5 = 2870177450012600261ULL;
        std::vector<Value> items = t->items;
        uint64_t acc = p5;
        for (Value x : items) {
            uint64_t lane = static_cast<uint64_t>(hash(x));
            acc += lane * p2;
            acc = rotl(acc, 31);
            acc *= p1;
        }
        acc += items.size() ^ (p5 ^ 3527539UL);
        return acc == static_cast<uint64_t>(-1) ? 1546275796 : static_cast<int64_t>(acc);
    }
    if (auto* s = get<SetObj>(v)) { // frozenset_hash (Objects/setobject.c)
        if (!s->frozen) raise(BuiltinId::TypeError, "unhashable type: 'set'");
        auto shuffle = [](uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; };
        uint64_t h = 0;
        for (const SetObj::Entry& e : s->table)
            if (!e.key.is_unbound()) h ^= shuffle(static_cast<uint64_t>(e.hash));
        h ^= (static_cast<uint64_t>(s->used) + 1) * 1927868237UL;
        h ^= (h >> 11) ^ (h >> 25);
        h = h * 69069U + 907133923UL;
        return h == static_cast<uint64_t>(-1) ? 590923713 : static_cast<int64_t>(h);
    }
    if (get<ListObj>(v) || get<DictObj>(v) || get<DequeObj>(v) || get<SliceObj>(v))
        raise(BuiltinId::TypeError, "unhashable type: '" + type_name(v) + "'");
    if (auto* r = get<RangeObj>(v)) { // range_hash: hash((len, start, step)) with Nones
        RangeObj rr = *r;
        int64_t n = length(v);
        std::vector<Value> key = {Value::integer(n), n == 0 ? Value::none() : Value::integer(rr.start),
                                  n <= 1 ? Value::none() : Value::integer(rr.step)};
        return hash(new_tuple(std::move(key)));
    }
    if (auto h = user_hash(v)) return *h;
    // By identity (CPython: _Py_HashPointer(address) = address rotated right by 4 bits).
    uint64_t address = static_cast<uint64_t>(identity(v));
    return finish((address >> 4) | (address << 60));
}

uint64_t Machine::item_key(Value container, Value key) {
    if (!get<DictObj>(container)) return 0;
    auto scalar = [&](Value k) {
        return k.tag == VTag::None || k.tag == VTag::Bool || k.tag == VTag::Int || k.tag == VTag::Float ||
               str_of(k) != nullptr;
    };
    if (!scalar(key)) {
        auto* t = get<TupleObj>(key);
        if (!t) return 0;
        for (Value x : t->items)
            if (!scalar(x)) return 0;
    }
    return kItemKey | (static_cast<uint64_t>(hash(key)) & ((uint64_t{1} << 62) - 1));
}

int64_t Machine::identity(Value v) {
    constexpr int64_t kBase = 0x7f0000000000; // CPython's ids are addresses; these look alike
    switch (v.tag) {
    case VTag::Obj:
    case VTag::BoundMethod:
        if (!rendering) {
            st.identity_observed = true; // the heap's numbering is now part of the behaviour
            if (step_event) step_event->observed_identity = true;
        }
        return kBase + 16 * (int64_t{1} << 20) + 64 * static_cast<int64_t>(v.ref);
    case VTag::Builtin: return kBase + 64 * static_cast<int64_t>(v.aux);
    case VTag::Module: return kBase + 8 * (int64_t{1} << 20) + 64 * static_cast<int64_t>(v.aux);
    case VTag::None: return kBase - 64;
    case VTag::Bool: return kBase - 128 - 64 * v.i;
    case VTag::Int: return kBase + 32 * (int64_t{1} << 20) + 32 * (v.i & 0xFFFFFFF);
    case VTag::Float: return kBase + 64 * (int64_t{1} << 20) + 32 * (hash_float(v.f) & 0xFFFFFFF);
    case VTag::Unbound: break;
    }
    return kBase;
}

} // namespace rc
