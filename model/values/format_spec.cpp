// format(value, spec): Python's format-spec mini-language for f-strings and str.format:
// [[fill]align][sign][#][0][width][grouping][.precision][type].
#include <cmath>   // fabs, isnan, signbit
#include <cstdio>  // snprintf
#include <cstring> // strchr
#include <optional> // the native level of a container

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {
bool is_num(Value v) {
    return v.tag == VTag::Int || v.tag == VTag::Bool || v.tag == VTag::Float;
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
    size_t width = 0;
    while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') width = width * 10 + (spec[i++] - '0');
    if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) grouping = spec[i++];
    int precision = -1;
    if (i < spec.size() && spec[i] == '.') {
        ++i;
        precision = 0;
        while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') precision = precision * 10 + (spec[i++] - '0');
    }
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
        if (precision >= 0 && body.size() > static_cast<size_t>(precision)) body.resize(precision);
        if (!align) align = '<';
    } else if (numeric) {
        bool neg = false;
        char buf[512];
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
            if (type == 0) {
                body = precision < 0 ? float_repr(mag) : "";
                if (precision >= 0) {
                    std::snprintf(buf, sizeof buf, "%.*g", precision == 0 ? 1 : precision, mag);
                    body = buf;
                }
            } else if (type == '%') {
                std::snprintf(buf, sizeof buf, "%.*f", precision < 0 ? 6 : precision, mag * 100);
                body = std::string(buf) + "%";
            } else {
                char f[8] = {'%', '.', '*', type == 'n' ? 'g' : type, 0};
                std::snprintf(buf, sizeof buf, f, precision < 0 ? 6 : precision, mag);
                body = buf;
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
