// format(value, spec): Python's format-spec mini-language for f-strings and str.format:
// [[fill]align][sign][#][0][width][grouping][.precision][type].
#include <algorithm> // min
#include <cmath>   // fabs, isnan, signbit, isfinite
#include <cstdint> // INT32_MAX, INT64_MAX
#include <cstdio>  // snprintf
#include <cstring> // strchr
#include <optional> // the native level of a container

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {
bool is_num(Value v) {
    return v.tag == VTag::Int || v.tag == VTag::Bool || v.tag == VTag::Float;
}

/// A width or precision: CPython refuses more digits than a Py_ssize_t holds.
uint64_t parse_count(Machine& m, std::string_view spec, size_t& i) {
    uint64_t n = 0;
    while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') {
        if (__builtin_mul_overflow(n, 10, &n) || __builtin_add_overflow(n, uint64_t(spec[i] - '0'), &n) ||
            n > static_cast<uint64_t>(INT64_MAX))
            m.raise(BuiltinId::ValueError, "Too many decimal digits in format string");
        ++i;
    }
    return n;
}

/// printf of a double with C's %f/%e/%g/... and any precision. Digits past what a double holds
/// exactly are zeros (%f: 1074 after the point; %e: 767 significant; %g strips them), so printf
/// is asked for at most kExact of them and the rest are appended: no huge printf work buffers.
std::string printf_double(char conv, uint64_t precision, double x) {
    constexpr uint64_t kExact = 1100;
    const int p = static_cast<int>(std::min(precision, kExact));
    const char f[] = {'%', '.', '*', conv, 0};
    int n = std::snprintf(nullptr, 0, f, p, x);
    std::string out(static_cast<size_t>(n), '\0');
    std::snprintf(out.data(), out.size() + 1, f, p, x);
    if (precision > kExact && std::isfinite(x) && (conv == 'f' || conv == 'F' || conv == 'e' || conv == 'E')) {
        size_t at = conv == 'e' || conv == 'E' ? out.find_first_of("eE") : out.size();
        out.insert(at, precision - kExact, '0');
    }
    return out;
}
} // namespace

std::string Machine::format(Value v, std::string_view spec, char conversion) {
    if (conversion == 'r' || conversion == 'a') v = new_str(repr(v));
    else if (conversion == 's') v = new_str(str(v));
    // CPython calls a container's bound __format__: one more level of native recursion.
    std::optional<NativeLevel> level;
    if (v.is_obj() && !str_of(v)) level.emplace(*this, " while calling a Python object");
    if (spec.empty()) return str(v);
    // [[fill]align][sign][#][0][width][grouping][.precision][type]
    size_t i = 0;
    char fill = ' ', align = 0, sign = '-', type = 0, grouping = 0;
    auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
    if (spec.size() >= 2 && is_align(spec[1])) {
        fill = spec[0];
        align = spec[1];
        i = 2;
    } else if (!spec.empty() && is_align(spec[0])) {
        align = spec[0];
        i = 1;
    }
    if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) sign = spec[i++];
    bool alternate = false;
    if (i < spec.size() && spec[i] == '#') {
        alternate = true;
        ++i;
    }
    if (i < spec.size() && spec[i] == '0') {
        if (!align) {
            fill = '0';
            align = '=';
        }
        ++i;
    }
    // Widths and precisions are parsed with overflow checks, and every string they size is
    // checked against racecheck's string limit before it is built.
    uint64_t width = parse_count(*this, spec, i);
    if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) grouping = spec[i++];
    int64_t precision = -1;
    if (i < spec.size() && spec[i] == '.') {
        ++i;
        precision = static_cast<int64_t>(parse_count(*this, spec, i));
    }
    reserve_string(width);
    if (i < spec.size()) type = spec[i++];
    if (i != spec.size() || (type && !std::strchr("sdfFeEgGn%xXob", type)))
        raise(BuiltinId::ValueError, "Invalid format specifier '" + std::string(spec) +
                                         "' for object of type '" + type_name(v) + "'");
    std::string body;
    bool numeric = is_num(v);
    if (str_of(v)) {
        if (type && type != 's')
            raise(BuiltinId::ValueError, std::string("Unknown format code '") + type +
                                             "' for object of type 'str'");
        body = *str_of(v);
        if (precision >= 0 && body.size() > static_cast<uint64_t>(precision))
            body.resize(static_cast<size_t>(precision));
        if (!align) align = '<';
    } else if (numeric) {
        bool neg = false;
        if (type == 0 && v.is_int_like() && precision < 0) type = 'd';
        if (type == 'd' || type == 'x' || type == 'X' || type == 'o' || type == 'b') {
            if (!v.is_int_like())
                raise(BuiltinId::ValueError, std::string("Unknown format code '") + type +
                                                 "' for object of type 'float'");
            neg = v.i < 0;
            uint64_t mag = neg ? 0 - static_cast<uint64_t>(v.i) : static_cast<uint64_t>(v.i);
            if (type == 'd') body = std::to_string(mag);
            else {
                int base = type == 'o' ? 8 : type == 'b' ? 2 : 16;
                const char* dig = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
                do {
                    body.insert(body.begin(), dig[mag % base]);
                    mag /= base;
                } while (mag);
            }
        } else {
            double x = to_float(v, "format");
            neg = std::signbit(x) && !std::isnan(x);
            double mag = std::fabs(x);
            if (precision > INT32_MAX) raise(BuiltinId::ValueError, "precision too big");
            // %f prints up to 309 digits before the point, then the precision's
            if (precision > 0) reserve_string(static_cast<uint64_t>(precision) + 400);
            uint64_t prec = precision < 0 ? 6 : static_cast<uint64_t>(precision);
            if (type == 0) {
                body = precision < 0 ? float_repr(mag) : printf_double('g', prec == 0 ? 1 : prec, mag);
            } else if (type == '%') {
                body = printf_double('f', prec, mag * 100) + "%";
            } else {
                body = printf_double(type == 'n' ? 'g' : type, prec, mag);
            }
        }
        if (grouping) {
            size_t end = body.find_first_of(".eE%");
            if (end == std::string::npos) end = body.size();
            for (size_t p = end; p > 3; p -= 3) body.insert(p - 3, 1, grouping);
        }
        std::string s = neg ? "-" : (sign == '+' ? "+" : sign == ' ' ? " " : "");
        if (alternate && (type == 'x' || type == 'X' || type == 'o' || type == 'b'))
            s += type == 'X' ? "0X" : type == 'x' ? "0x" : type == 'o' ? "0o" : "0b";
        if (align == '=') {
            size_t len = s.size() + body.size();
            if (width > len) body.insert(0, width - len, fill);
            return s + body;
        }
        body = s + body;
        if (!align) align = '>';
    } else {
        body = str(v);
        if (!align) align = '<';
    }
    if (width > body.size()) {
        size_t pad = width - body.size();
        if (align == '<') body += std::string(pad, fill);
        else if (align == '>' || align == '=') body = std::string(pad, fill) + body;
        else body = std::string(pad / 2, fill) + body + std::string(pad - pad / 2, fill);
    }
    return body;
}

} // namespace rc
