// The numeric and text conversion builtins: abs, str, int, float, round, divmod, pow, chr, ord,
// hex, bin, oct, format, with CPython 3.12's results and messages.
#include <cmath> // fabs, isnan, isinf

#include "model/runtime/machine.hpp" // Machine
#include "model/values/numbers.hpp"  // parse_int, parse_float, round_float, float_divmod
#include "model/text/unicode.hpp"  // encode, decode

namespace rc {

namespace {

/// A float converted to int as int() does: NaN and infinities raise; beyond 64 bits refused.
int64_t float_to_int(Machine& m, double x) {
    if (std::isnan(x)) m.raise(BuiltinId::ValueError, "cannot convert float NaN to integer");
    if (std::isinf(x)) m.raise(BuiltinId::OverflowError, "cannot convert float infinity to integer");
    if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0)) m.int_overflow();
    return static_cast<int64_t>(x);
}

std::string radix(int64_t v, int base, const char* prefix) {
    bool neg = v < 0;
    uint64_t mag = neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    std::string digits;
    do {
        digits.insert(digits.begin(), "0123456789abcdef"[mag % static_cast<uint64_t>(base)]);
        mag /= static_cast<uint64_t>(base);
    } while (mag);
    return (neg ? "-" : "") + std::string(prefix) + digits;
}

} // namespace

Value Machine::call_conversion(BuiltinId id, const Args& a) {
    using S = Sig::Style;
    switch (id) {
    case BuiltinId::Abs: {
        Value v = bind(a, Sig{"abs", S::One, {"x"}, 1, 1})[0];
        if (v.is_int_like()) {
            if (v.i == INT64_MIN) int_overflow();
            return Value::integer(v.i < 0 ? -v.i : v.i);
        }
        if (v.tag == VTag::Float) return Value::floating(std::fabs(v.f));
        raise(BuiltinId::TypeError, "bad operand type for abs(): '" + type_name(v) + "'");
    }
    case BuiltinId::Str: {
        Bound b = bind(a, Sig{"str", S::Takes, {"object", "encoding", "errors"}, 0, 0});
        if (b.has(1) || b.has(2)) unsupported("str(bytes, encoding) (bytes are outside the subset)");
        if (!b.has(0)) return new_str("");
        return str_of(b[0]) ? b[0] : new_str(str(b[0]));
    }
    case BuiltinId::Int: {
        Bound b = bind(a, Sig{"int", S::Takes, {"x", "base"}, 0, 1});
        if (!b.has(0)) {
            if (b.has(1)) raise(BuiltinId::TypeError, "int() missing string argument");
            return Value::integer(0);
        }
        Value v = b[0];
        if (b.has(1)) {
            int64_t base = to_index(b[1], "base");
            if (!str_of(v)) raise(BuiltinId::TypeError, "int() can't convert non-string with explicit base");
            if (base != 0 && (base < 2 || base > 36))
                raise(BuiltinId::ValueError, "int() base must be >= 2 and <= 36, or 0");
            int64_t out = 0;
            switch (parse_int(*str_of(v), static_cast<int>(base), &out)) {
            case IntParse::Ok: return Value::integer(out);
            case IntParse::TooBig: int_overflow();
            case IntParse::Invalid: break;
            }
            raise(BuiltinId::ValueError, "invalid literal for int() with base " + std::to_string(base) + ": " + repr(v));
        }
        if (v.is_int_like()) return Value::integer(v.i);
        if (v.tag == VTag::Float) return Value::integer(float_to_int(*this, v.f));
        if (auto* s = str_of(v)) {
            int64_t out = 0;
            switch (parse_int(*s, 10, &out)) {
            case IntParse::Ok: return Value::integer(out);
            case IntParse::TooBig: int_overflow();
            case IntParse::Invalid: break;
            }
            raise(BuiltinId::ValueError, "invalid literal for int() with base 10: " + repr(v));
        }
        raise(BuiltinId::TypeError, "int() argument must be a string, a bytes-like object or a real number, not '" +
                                        type_name(v) + "'");
    }
    case BuiltinId::Float: {
        Bound b = bind(a, Sig{"float", S::Expected, {"x"}, 0, 1});
        if (!b.has(0)) return Value::floating(0);
        Value v = b[0];
        if (auto* s = str_of(v)) {
            if (auto x = parse_float(*s)) return Value::floating(*x);
            raise(BuiltinId::ValueError, "could not convert string to float: " + repr(v));
        }
        if (v.tag == VTag::Float) return v;
        if (v.is_int_like()) return Value::floating(static_cast<double>(v.i));
        raise(BuiltinId::TypeError, "float() argument must be a string or a real number, not '" + type_name(v) + "'");
    }
    case BuiltinId::Round: {
        Bound b = bind(a, Sig{"round", S::Takes, {"number", "ndigits"}, 1, 0});
        Value v = b[0];
        bool none = !b.has(1) || b[1].is_none();
        int64_t nd = none ? 0 : to_index(b[1], "ndigits");
        if (v.is_int_like()) {
            if (none || nd >= 0) return Value::integer(v.i);
            if (nd < -18) return Value::integer(0);
            int64_t unit = 1;
            for (int64_t k = 0; k < -nd; ++k) unit *= 10;
            int64_t q = v.i / unit, r = v.i % unit;
            if (r < 0) {
                r += unit;
                --q;
            }
            if (2 * r > unit || (2 * r == unit && (q & 1))) ++q; // half to even
            int64_t out = 0;
            if (__builtin_mul_overflow(q, unit, &out)) int_overflow();
            return Value::integer(out);
        }
        if (v.tag != VTag::Float)
            raise(BuiltinId::TypeError, "type " + type_name(v) + " doesn't define __round__ method");
        if (none) return Value::integer(float_to_int(*this, round_half_even(v.f)));
        return Value::floating(round_float(v.f, nd));
    }
    case BuiltinId::Divmod: {
        Bound b = bind(a, Sig{"divmod", S::Expected, {"x", "y"}, 2, 2});
        Value x = b[0], y = b[1];
        bool num = (x.is_int_like() || x.tag == VTag::Float) && (y.is_int_like() || y.tag == VTag::Float);
        if (!num)
            raise(BuiltinId::TypeError, "unsupported operand type(s) for divmod(): '" + type_name(x) + "' and '" +
                                            type_name(y) + "'");
        if (x.is_int_like() && y.is_int_like())
            return new_tuple({binary(ast::BinOpKind::FloorDiv, x, y, false), binary(ast::BinOpKind::Mod, x, y, false)});
        double fy = to_float(y, "divmod");
        if (fy == 0) raise(BuiltinId::ZeroDivisionError, "float divmod()");
        auto [q, r] = float_divmod(to_float(x, "divmod"), fy);
        return new_tuple({Value::floating(q), Value::floating(r)});
    }
    case BuiltinId::Pow: {
        Bound b = bind(a, Sig{"pow", S::Takes, {"base", "exp", "mod"}, 2, 0});
        if (!b.has(2) || b[2].is_none()) return binary(ast::BinOpKind::Pow, b[0], b[1], false);
        if (!b[0].is_int_like() || !b[1].is_int_like() || !b[2].is_int_like())
            raise(BuiltinId::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        int64_t base = b[0].i, e = b[1].i, m = b[2].i;
        if (m == 0) raise(BuiltinId::ValueError, "pow() 3rd argument cannot be 0");
        __int128 mod = m < 0 ? -static_cast<__int128>(m) : m;
        __int128 x = base % mod;
        if (x < 0) x += mod;
        if (e < 0) { // modular inverse (extended Euclid)
            __int128 t = 0, nt = 1, r = mod, nr = x;
            while (nr != 0) {
                __int128 q = r / nr;
                __int128 tmp = t - q * nt;
                t = nt, nt = tmp;
                tmp = r - q * nr;
                r = nr, nr = tmp;
            }
            if (r != 1) raise(BuiltinId::ValueError, "base is not invertible for the given modulus");
            x = t < 0 ? t + mod : t;
            e = -e;
        }
        __int128 result = mod == 1 ? 0 : 1;
        for (; e > 0; e >>= 1) {
            if (e & 1) result = result * x % mod;
            x = x * x % mod;
        }
        if (m < 0 && result != 0) result -= mod; // the result has the sign of the modulus
        return Value::integer(static_cast<int64_t>(result));
    }
    case BuiltinId::Chr: {
        Value v = bind(a, Sig{"chr", S::One, {"i"}, 1, 1})[0];
        int64_t i = to_index(v, "chr()");
        if (i < 0 || i >= 0x110000) raise(BuiltinId::ValueError, "chr() arg not in range(0x110000)");
        std::string out;
        unicode::encode(static_cast<uint32_t>(i), out);
        return new_str(std::move(out));
    }
    case BuiltinId::Ord: {
        Value v = bind(a, Sig{"ord", S::One, {"c"}, 1, 1})[0];
        auto* s = get<StrObj>(v);
        if (!s) raise(BuiltinId::TypeError, "ord() expected string of length 1, but " + type_name(v) + " found");
        if (s->length != 1)
            raise(BuiltinId::TypeError, "ord() expected a character, but string of length " +
                                            std::to_string(s->length) + " found");
        size_t pos = 0;
        return Value::integer(unicode::decode(s->s, pos));
    }
    case BuiltinId::Hex:
    case BuiltinId::Bin:
    case BuiltinId::Oct: {
        const char* name = id == BuiltinId::Hex ? "hex" : id == BuiltinId::Bin ? "bin" : "oct";
        int64_t v = to_index(bind(a, Sig{name, S::One, {"number"}, 1, 1})[0], name);
        return new_str(id == BuiltinId::Hex ? radix(v, 16, "0x") : id == BuiltinId::Bin ? radix(v, 2, "0b") : radix(v, 8, "0o"));
    }
    case BuiltinId::Format: {
        Bound b = bind(a, Sig{"format", S::Expected, {"value", "format_spec"}, 1, 2});
        std::string spec;
        if (b.has(1)) {
            if (!str_of(b[1])) raise(BuiltinId::TypeError, "format() argument 2 must be str, not " + type_name(b[1]));
            spec = *str_of(b[1]);
        }
        return new_str(format(b[0], spec, 0));
    }
    default: return Value::unbound();
    }
}

} // namespace rc
