// Numeric algorithms with CPython 3.12's exact results (numbers.hpp).
#include "model/values/numbers.hpp"

#include <cmath>   // fmod, floor, copysign, ldexp, isinf, isnan
#include <cstdio>  // snprintf
#include <cctype>  // isdigit, tolower
#include <cstdlib> // strtod, atoi
#include <cstring> // strchr
#include <string>  // cleaned literals

#include "model/text/unicode.hpp" // whitespace

namespace rc {

std::pair<double, double> float_divmod(double vx, double wx) {
    double mod = std::fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod != 0) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, wx);
    }
    double floordiv;
    if (div != 0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, vx / wx);
    }
    return {floordiv, mod};
}

double float_mod(double vx, double wx) {
    double mod = std::fmod(vx, wx);
    if (mod != 0) {
        if ((wx < 0) != (mod < 0)) mod += wx;
    } else {
        mod = std::copysign(0.0, wx);
    }
    return mod;
}

double int_true_divide(int64_t a, int64_t b) {
    constexpr uint64_t kExact = uint64_t{1} << 53;
    const bool negative = (a < 0) != (b < 0);
    const uint64_t x = a < 0 ? 0 - static_cast<uint64_t>(a) : static_cast<uint64_t>(a);
    const uint64_t y = b < 0 ? 0 - static_cast<uint64_t>(b) : static_cast<uint64_t>(b);
    if (x <= kExact && y <= kExact) { // both exact as doubles: one correctly rounded division
        double q = static_cast<double>(x) / static_cast<double>(y);
        return negative ? -q : q;
    }
    if (x == 0) return negative ? -0.0 : 0.0;
    // Scale so the quotient has 54 or 55 significant bits, divide exactly, round half to even.
    auto bits = [](unsigned __int128 v) {
        int n = 0;
        while (v) {
            ++n;
            v >>= 1;
        }
        return n;
    };
    int shift = 55 - (bits(x) - bits(y)); // x * 2^shift / y has 54..56 bits
    unsigned __int128 num = x, den = y;
    if (shift >= 0) num <<= shift;
    else den <<= -shift;
    unsigned __int128 q = num / den, r = num % den;
    // Keep 53 bits of q; round the rest (with the remainder) half to even.
    int extra = bits(q) - 53;
    unsigned __int128 kept = q >> extra;
    unsigned __int128 dropped = q & ((static_cast<unsigned __int128>(1) << extra) - 1);
    unsigned __int128 half = static_cast<unsigned __int128>(1) << (extra - 1);
    bool round_up = dropped > half || (dropped == half && (r != 0 || (kept & 1)));
    if (round_up) ++kept;
    double result = std::ldexp(static_cast<double>(static_cast<uint64_t>(kept)), extra - shift);
    return negative ? -result : result;
}

int compare_int_float(int64_t i, double f) {
    if (std::isinf(f)) return f > 0 ? -1 : 1;
    if (f >= 9223372036854775808.0) return -1;  // 2^63: above every int64
    if (f < -9223372036854775808.0) return 1;
    double whole = std::trunc(f);
    auto w = static_cast<int64_t>(whole);
    if (i != w) return i < w ? -1 : 1;
    double frac = f - whole;
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

double round_half_even(double x) {
    double rounded = std::round(x);
    if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
    return rounded;
}

double round_float(double x, int64_t nd) {
    if (!std::isfinite(x) || x == 0) return x;
    if (nd > 323) return x;
    if (nd < -308) return std::copysign(0.0, x);
    char buf[64];
    if (nd >= 0) {
        // printf rounds the exact binary value half to even, as CPython's dtoa does.
        int n = std::snprintf(nullptr, 0, "%.*f", static_cast<int>(nd), x);
        std::string out(static_cast<size_t>(n) + 1, '\0');
        std::snprintf(out.data(), out.size(), "%.*f", static_cast<int>(nd), x);
        return std::strtod(out.c_str(), nullptr);
    }
    // Negative ndigits: keep the significant digits above 10^-nd.
    std::snprintf(buf, sizeof buf, "%.17e", x);
    int exp10 = std::atoi(std::strchr(buf, 'e') + 1);
    int64_t keep = exp10 + 1 + nd; // significant digits to keep
    double unit = std::pow(10.0, static_cast<double>(-nd));
    if (keep < 0) return std::copysign(0.0, x);
    if (keep == 0) { // |x| < unit: 0, or unit when above one half (exactly half: even, 0)
        return std::fabs(x) > unit / 2 ? std::copysign(unit, x) : std::copysign(0.0, x);
    }
    std::string digits(static_cast<size_t>(keep) + 32, '\0'); // keep <= 309
    std::snprintf(digits.data(), digits.size(), "%.*e", static_cast<int>(keep - 1), x);
    return std::strtod(digits.c_str(), nullptr);
}

namespace {

/// s without leading and trailing Python whitespace.
std::string_view trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e) {
        size_t p = b;
        if (!unicode::is_space(unicode::decode(s, p))) break;
        b = p;
    }
    while (e > b) {
        size_t start = e - 1;
        while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        size_t p = start;
        if (!unicode::is_space(unicode::decode(s, p))) break;
        e = start;
    }
    return s.substr(b, e - b);
}

bool lower_equals(std::string_view s, std::string_view word) {
    if (s.size() != word.size()) return false;
    for (size_t i = 0; i < s.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != word[i]) return false;
    return true;
}

/// Digits (in base) with single underscores between them; appends them to out.
bool digits(std::string_view s, size_t& i, int base, std::string& out) {
    size_t start = out.size();
    bool last_underscore = true;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c == '_') {
            if (last_underscore) return false;
            last_underscore = true;
            continue;
        }
        int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : std::isalpha(static_cast<unsigned char>(c)) ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                                                               : 99;
        if (d >= base) break;
        out += c;
        last_underscore = false;
    }
    return out.size() > start && !last_underscore;
}

} // namespace

std::optional<double> parse_float(std::string_view text) {
    std::string_view s = trim(text);
    std::string clean;
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean += s[i++];
    std::string_view rest = s.substr(i);
    if (lower_equals(rest, "inf") || lower_equals(rest, "infinity")) return clean == "-" ? -INFINITY : INFINITY;
    if (lower_equals(rest, "nan")) return clean == "-" ? -NAN : NAN;
    bool whole = i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
    if (whole && !digits(s, i, 10, clean)) return std::nullopt;
    bool fraction = false;
    if (i < s.size() && s[i] == '.') {
        clean += s[i++];
        if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            if (!digits(s, i, 10, clean)) return std::nullopt;
            fraction = true;
        }
    }
    if (!whole && !fraction) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        clean += s[i++];
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean += s[i++];
        if (!digits(s, i, 10, clean)) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    return std::strtod(clean.c_str(), nullptr);
}

IntParse parse_int(std::string_view text, int base, int64_t* out) {
    std::string_view s = trim(text);
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    auto prefix = [&](char letter) {
        return i + 1 < s.size() && s[i] == '0' && std::tolower(static_cast<unsigned char>(s[i + 1])) == letter;
    };
    int b = base;
    bool had_prefix = false;
    if ((base == 0 || base == 16) && prefix('x')) b = 16, i += 2, had_prefix = true;
    else if ((base == 0 || base == 8) && prefix('o')) b = 8, i += 2, had_prefix = true;
    else if ((base == 0 || base == 2) && prefix('b')) b = 2, i += 2, had_prefix = true;
    else if (base == 0) b = 10;
    if (had_prefix && i < s.size() && s[i] == '_') ++i; // 0x_ff is allowed
    std::string ds;
    if (!digits(s, i, b, ds) || i != s.size()) return IntParse::Invalid;
    // base 0: a decimal literal may not have leading zeros (except all zeros)
    if (base == 0 && !had_prefix && ds.size() > 1 && ds[0] == '0' && ds.find_first_not_of('0') != std::string::npos)
        return IntParse::Invalid;
    unsigned __int128 v = 0;
    for (char c : ds) {
        int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
        v = v * static_cast<unsigned>(b) + static_cast<unsigned>(d);
        if (v > (static_cast<unsigned __int128>(1) << 63)) return IntParse::TooBig;
    }
    if (!negative && v == (static_cast<unsigned __int128>(1) << 63)) return IntParse::TooBig;
    *out = negative ? static_cast<int64_t>(0 - static_cast<uint64_t>(v)) : static_cast<int64_t>(v);
    return IntParse::Ok;
}

} // namespace rc
