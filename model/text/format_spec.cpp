// format(value, spec): Python's format-spec mini-language for f-strings, str.format and
// format(): [[fill]align][sign][z][#][0][width][grouping][.precision][type], with CPython
// 3.12's rules for which type takes which options and its messages. Widths and padding count
// code points.
#include <algorithm> // min
#include <cmath>     // fabs, isnan, isinf, signbit
#include <cstdint>   // INT32_MAX, INT64_MAX
#include <optional>  // the native level of a container's __format__
#include <cstdio>  // snprintf
#include <cstring> // strchr

#include "model/runtime/machine.hpp" // Machine
#include "model/text/strings.hpp"  // to_u32, to_utf8
#include "model/text/unicode.hpp"  // length, encode

namespace rc {

namespace {

struct FormatSpec {
    char32_t fill = U' ';
    char align = 0;
    char sign = 0;
    bool z = false, alternate = false, zero = false;
    size_t width = 0;
    char grouping = 0;
    int64_t precision = -1;
    char type = 0;
};

/// printf of a double with C's %f/%e/%g/... and any precision. Digits past what a double holds
/// exactly are zeros (%f: 1074 after the point; %e: 767 significant; %g strips them unless '#'),
/// so printf is asked for at most kExact of them and the rest are appended: no huge printf
/// work buffers, and no precision that overflows printf's int.
std::string printf_double(Machine& m, bool alternate, char conv, uint64_t precision, double x) {
    constexpr uint64_t kExact = 1100;
    if (precision > kExact && alternate && (conv == 'g' || conv == 'G'))
        m.unsupported("a '#' format with 'g' and a precision over 1100");
    const int p = static_cast<int>(std::min(precision, kExact));
    const char* f = alternate ? "%#.*_" : "%.*_";
    std::string spec(f);
    spec.back() = conv;
    int n = std::snprintf(nullptr, 0, spec.c_str(), p, x);
    std::string out(static_cast<size_t>(n), '\0');
    std::snprintf(out.data(), out.size() + 1, spec.c_str(), p, x);
    if (precision > kExact && std::isfinite(x) && (conv == 'f' || conv == 'F' || conv == 'e' || conv == 'E')) {
        size_t at = conv == 'e' || conv == 'E' ? out.find_first_of("eE") : out.size();
        out.insert(at, precision - kExact, '0');
    }
    return out;
}

std::string grouped(std::string digits, char sep, size_t every) {
    for (size_t p = digits.size(); p > every; p -= every) digits.insert(p - every, 1, sep);
    return digits;
}

} // namespace

std::string Machine::format(Value v, std::string_view spec_text, char conversion) {
    if (conversion == 'r') v = new_str(repr(v));
    else if (conversion == 'a') v = new_str(ascii(v));
    else if (conversion == 's') v = new_str(str(v));
    // CPython calls a container's bound __format__: one more level of native recursion.
    std::optional<NativeLevel> level;
    if (v.is_obj() && !str_of(v)) level.emplace(*this, " while calling a Python object");
    if (spec_text.empty()) return str(v);
    const std::u32string spec = to_u32(spec_text);
    FormatSpec f;
    size_t i = 0;
    auto is_align = [](char32_t c) { return c == U'<' || c == U'>' || c == U'^' || c == U'='; };
    if (spec.size() >= 2 && is_align(spec[1])) {
        f.fill = spec[0];
        f.align = static_cast<char>(spec[1]);
        i = 2;
    } else if (is_align(spec[0])) {
        f.align = static_cast<char>(spec[0]);
        i = 1;
    }
    if (i < spec.size() && (spec[i] == U'+' || spec[i] == U'-' || spec[i] == U' ')) f.sign = static_cast<char>(spec[i++]);
    if (i < spec.size() && spec[i] == U'z') f.z = true, ++i;
    if (i < spec.size() && spec[i] == U'#') f.alternate = true, ++i;
    if (i < spec.size() && spec[i] == U'0') f.zero = true, ++i;
    // Widths and precisions are parsed with overflow checks, as CPython refuses more digits than
    // a Py_ssize_t holds; every string they size is checked against racecheck's string limit
    // before it is built.
    auto number = [&](size_t& target) {
        uint64_t n = target;
        while (i < spec.size() && spec[i] >= U'0' && spec[i] <= U'9') {
            if (__builtin_mul_overflow(n, 10, &n) ||
                __builtin_add_overflow(n, static_cast<uint64_t>(spec[i] - U'0'), &n) ||
                n > static_cast<uint64_t>(INT64_MAX))
                raise(BuiltinId::ValueError, "Too many decimal digits in format string");
            ++i;
        }
        target = static_cast<size_t>(n);
    };
    number(f.width);
    if (i < spec.size() && (spec[i] == U',' || spec[i] == U'_')) f.grouping = static_cast<char>(spec[i++]);
    if (i < spec.size() && spec[i] == U'.') {
        ++i;
        size_t p = 0;
        size_t before = i;
        number(p);
        if (i == before) raise(BuiltinId::ValueError, "Format specifier missing precision");
        f.precision = static_cast<int64_t>(p);
    }
    reserve_string(f.width);
    if (i < spec.size()) f.type = spec[i] < 0x80 ? static_cast<char>(spec[i++]) : '?';
    if (i != spec.size())
        raise(BuiltinId::ValueError, "Invalid format specifier '" + std::string(spec_text) +
                                         "' for object of type '" + type_name(v) + "'");
    if (!str_of(v) && !v.is_int_like() && v.tag != VTag::Float)
        raise(BuiltinId::TypeError, "unsupported format string passed to " + type_name(v) + ".__format__");
    // A bool with a spec formats as the int it is (f"{True:>3}" is "  1"); without, as str().

    std::string body;   // the digits or text, without sign
    std::string prefix; // sign and radix prefix (zero padding goes after them)
    if (const std::string* s = str_of(v)) {
        if (f.type && f.type != 's')
            raise(BuiltinId::ValueError, std::string("Unknown format code '") + f.type + "' for object of type 'str'");
        if (f.sign) raise(BuiltinId::ValueError, "Sign not allowed in string format specifier");
        if (f.alternate) raise(BuiltinId::ValueError, "Alternate form (#) not allowed in string format specifier");
        if (f.align == '=') raise(BuiltinId::ValueError, "'=' alignment not allowed in string format specifier");
        if (f.grouping) raise(BuiltinId::ValueError, std::string("Cannot specify '") + f.grouping + "' with 's'.");
        if (f.z) raise(BuiltinId::ValueError, "Negative zero coercion (z) not allowed in format specifier");
        body = *s;
        if (f.precision >= 0) {
            std::u32string u = to_u32(body);
            if (static_cast<int64_t>(u.size()) > f.precision) body = to_utf8(u.substr(0, static_cast<size_t>(f.precision)));
        }
        if (f.zero && !f.align) f.fill = U'0';
        if (!f.align) f.align = '<';
    } else if (v.is_int_like() && f.type != 'e' && f.type != 'E' && f.type != 'f' && f.type != 'F' &&
               f.type != 'g' && f.type != 'G' && f.type != '%') {
        char t = f.type ? f.type : 'd';
        if (!std::strchr("bcdoxXn", t))
            raise(BuiltinId::ValueError, std::string("Unknown format code '") + t + "' for object of type '" +
                                             type_name(v) + "'");
        if (f.precision >= 0) raise(BuiltinId::ValueError, "Precision not allowed in integer format specifier");
        if (f.z) raise(BuiltinId::ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
        if (t == 'c') {
            if (f.sign) raise(BuiltinId::ValueError, "Sign not allowed with integer format specifier 'c'");
            if (f.alternate) raise(BuiltinId::ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
            if (v.i < 0 || v.i >= 0x110000) raise(BuiltinId::OverflowError, "%c arg not in range(0x110000)");
            unicode::encode(static_cast<uint32_t>(v.i), body);
        } else {
            if (f.grouping == ',' && t != 'd' && t != 'n')
                raise(BuiltinId::ValueError, std::string("Cannot specify ',' with '") + t + "'.");
            bool neg = v.i < 0;
            uint64_t mag = neg ? 0 - static_cast<uint64_t>(v.i) : static_cast<uint64_t>(v.i);
            int base = t == 'o' ? 8 : t == 'b' ? 2 : (t == 'x' || t == 'X') ? 16 : 10;
            const char* dig = t == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
            do {
                body.insert(body.begin(), dig[mag % static_cast<uint64_t>(base)]);
                mag /= static_cast<uint64_t>(base);
            } while (mag);
            prefix = neg ? "-" : f.sign == '+' ? "+" : f.sign == ' ' ? " " : "";
            if (f.alternate && base != 10) prefix += t == 'X' ? "0X" : t == 'x' ? "0x" : t == 'o' ? "0o" : "0b";
            if (f.grouping) {
                if (f.zero && f.width > prefix.size() + body.size()) {
                    // zero padding is grouped too: pad the digits first, then group
                    size_t want = f.width - prefix.size();
                    size_t every = base == 10 ? 3 : 4;
                    // the fewest digits whose grouped length reaches `want` (linear, not a loop
                    // that regroups once per digit: widths can be millions)
                    auto glen = [&](size_t d) { return d + (d ? (d - 1) / every : 0); };
                    size_t d = std::max(body.size(), want - want / (every + 1));
                    while (d > body.size() && glen(d - 1) >= want) --d;
                    while (glen(d) < want) ++d;
                    body.insert(body.begin(), d - body.size(), '0');
                    body = grouped(body, f.grouping, every);
                } else {
                    body = grouped(body, f.grouping, base == 10 ? 3 : 4);
                }
            }
        }
    } else {
        double x = to_float(v, "format");
        char t = f.type;
        if (f.grouping == '_' && t == 'n') raise(BuiltinId::ValueError, "Cannot specify '_' with 'n'.");
        bool neg = std::signbit(x) && !std::isnan(x);
        double mag = std::fabs(x);
        if (f.precision > INT32_MAX) raise(BuiltinId::ValueError, "precision too big");
        // %f prints up to 309 digits before the point, then the precision's
        if (f.precision > 0) reserve_string(static_cast<uint64_t>(f.precision) + 400);
        if (std::isnan(x) || std::isinf(x)) {
            body = std::isnan(x) ? "nan" : "inf";
            if (t == 'E' || t == 'F' || t == 'G') body = std::isnan(x) ? "NAN" : "INF";
            if (t == '%') body += "%";
        } else if (t == 0 && f.precision < 0) {
            body = float_repr(mag);
            if (f.alternate && body.find('.') == std::string::npos && body.find('e') == std::string::npos) body += ".";
        } else if (t == 0) { // like 'g', but with at least one digit after the point in fixed
            body = printf_double(*this, f.alternate, 'g',
                                 f.precision == 0 ? 1 : static_cast<uint64_t>(f.precision), mag);
            if (body.find_first_of(".e") == std::string::npos && body.find("inf") == std::string::npos) body += ".0";
        } else if (t == '%') {
            body = printf_double(*this, f.alternate, 'f',
                                 f.precision < 0 ? 6 : static_cast<uint64_t>(f.precision), mag * 100) +
                   "%";
        } else if (std::strchr("eEfFgGn", t)) {
            body = printf_double(*this, f.alternate, t == 'n' ? 'g' : t,
                                 f.precision < 0 ? 6 : static_cast<uint64_t>(f.precision), mag);
        } else {
            raise(BuiltinId::ValueError, std::string("Unknown format code '") + t + "' for object of type '" +
                                             type_name(v) + "'");
        }
        if (f.z && neg && (body.find_first_not_of("0.%") == std::string::npos ||
                           std::strtod(body.c_str(), nullptr) == 0))
            neg = false;
        if (f.grouping && !std::isnan(x) && !std::isinf(x)) {
            size_t end = body.find_first_of(".eE%");
            if (end == std::string::npos) end = body.size();
            body = grouped(body.substr(0, end), f.grouping, 3) + body.substr(end);
        }
        prefix = neg ? "-" : f.sign == '+' ? "+" : f.sign == ' ' ? " " : "";
    }
    if (!str_of(v)) {
        if (f.zero && !f.align) {
            f.fill = U'0';
            f.align = '=';
        }
        if (!f.align) f.align = '>';
    }
    size_t len = unicode::length(prefix) + unicode::length(body);
    std::string fill;
    unicode::encode(static_cast<uint32_t>(f.fill), fill);
    auto repeat = [&](size_t n) {
        std::string s;
        for (size_t k = 0; k < n; ++k) s += fill;
        return s;
    };
    if (f.width <= len) return prefix + body;
    size_t pad = f.width - len;
    reserve_string(uint64_t{pad} * fill.size() + prefix.size() + body.size());
    switch (f.align) {
    case '<': return prefix + body + repeat(pad);
    case '>': return repeat(pad) + prefix + body;
    case '=': return prefix + repeat(pad) + body;
    default: return repeat(pad / 2) + prefix + body + repeat(pad - pad / 2);
    }
}

} // namespace rc
