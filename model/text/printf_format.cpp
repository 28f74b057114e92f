// printf-style formatting: `"worker-%s" % i`, with CPython 3.12's conversions, flags, widths,
// precisions, mappings and messages (Objects/unicodeobject.c, PyUnicode_Format).
#include <cmath>   // isfinite
#include <cstdio>  // snprintf for floats

#include "model/runtime/machine.hpp" // Machine
#include "model/text/strings.hpp"  // to_u32, to_utf8
#include "model/text/unicode.hpp"  // length, encode

namespace rc {

namespace {

/// The largest field width or precision racecheck formats.
constexpr int64_t kMaxWidth = 1 << 20;

struct Spec {
    bool left = false, zero = false, plus = false, space = false, alt = false;
    int64_t width = -1, precision = -1;
    char type = 0;
};

/// Pads `body` (which starts with `sign_prefix` characters of sign and radix prefix) to the
/// spec's width: spaces on the left or right, or zeros after the sign and prefix.
std::string pad(const Spec& sp, std::string body, size_t sign_prefix, bool numeric) {
    auto len = static_cast<int64_t>(unicode::length(body));
    if (sp.width <= len) return body;
    auto fill = static_cast<size_t>(sp.width - len);
    if (sp.left) return body + std::string(fill, ' ');
    if (sp.zero && numeric) return body.substr(0, sign_prefix) + std::string(fill, '0') + body.substr(sign_prefix);
    return std::string(fill, ' ') + body;
}

} // namespace

Value Machine::percent_format(Value format_value, Value args) {
    const std::string fmt = *str_of(format_value);
    std::vector<Value> positional;
    Value mapping = Value::unbound();
    if (auto* t = get<TupleObj>(args)) positional = t->items;
    else if ((get<DictObj>(args)) && !str_of(args)) {
        mapping = args;
        positional.push_back(args);
    } else positional.push_back(args);
    const bool is_tuple = get<TupleObj>(args) != nullptr;
    size_t next = 0;
    bool used_mapping = false;
    auto next_arg = [&]() -> Value {
        if (next >= positional.size())
            raise(BuiltinId::TypeError, "not enough arguments for format string");
        return positional[next++];
    };
    std::string out;
    const std::u32string f = to_u32(fmt);
    for (size_t i = 0; i < f.size(); ++i) {
        if (f[i] != U'%') {
            unicode::encode(static_cast<uint32_t>(f[i]), out);
            continue;
        }
        const size_t start = i;
        if (++i >= f.size()) raise(BuiltinId::ValueError, "incomplete format");
        Value arg = Value::unbound();
        if (f[i] == U'(') {
            if (mapping.is_unbound()) raise(BuiltinId::TypeError, "format requires a mapping");
            size_t depth = 1, k = i + 1;
            for (; k < f.size() && depth; ++k) {
                if (f[k] == U'(') ++depth;
                else if (f[k] == U')') --depth;
            }
            if (depth) raise(BuiltinId::ValueError, "incomplete format key");
            Value key = new_str(to_utf8(f.substr(i + 1, k - i - 2)));
            Value* found = dict_find(*get<DictObj>(mapping), key);
            if (!found) {
                Value exc = make_exception(BuiltinId::KeyError, "");
                get<ExceptionObj>(exc)->args = {key};
                raise_value(exc);
            }
            arg = *found;
            used_mapping = true;
            i = k;
        }
        Spec sp;
        for (; i < f.size(); ++i) {
            if (f[i] == U'-') sp.left = true;
            else if (f[i] == U'0') sp.zero = true;
            else if (f[i] == U'+') sp.plus = true;
            else if (f[i] == U' ') sp.space = true;
            else if (f[i] == U'#') sp.alt = true;
            else break;
        }
        auto number = [&](int64_t& target) {
            if (i < f.size() && f[i] == U'*') {
                Value w = next_arg();
                if (!w.is_int_like()) raise(BuiltinId::TypeError, "* wants int");
                target = w.i;
                ++i;
                return;
            }
            if (i < f.size() && f[i] >= U'0' && f[i] <= U'9') {
                target = 0;
                while (i < f.size() && f[i] >= U'0' && f[i] <= U'9') {
                    target = target * 10 + (f[i++] - U'0');
                    if (target > kMaxWidth) unsupported("a %-format width or precision over 1048576");
                }
            }
        };
        number(sp.width);
        if (sp.width < 0 && sp.width != -1) {
            sp.left = true;
            sp.width = -sp.width;
        }
        if (i < f.size() && f[i] == U'.') {
            ++i;
            sp.precision = 0;
            number(sp.precision);
        }
        if (sp.width > kMaxWidth || sp.precision > kMaxWidth)
            unsupported("a %-format width or precision over 1048576");
        while (i < f.size() && (f[i] == U'h' || f[i] == U'l' || f[i] == U'L')) ++i;
        if (i >= f.size()) raise(BuiltinId::ValueError, "incomplete format");
        const char32_t c = f[i];
        if (c == U'%') {
            out += '%';
            continue;
        }
        if (arg.is_unbound()) arg = next_arg();
        sp.type = c < 0x80 ? static_cast<char>(c) : '?';
        switch (c) {
        case U's':
        case U'r':
        case U'a': {
            std::string text = c == U's' ? str(arg) : c == U'r' ? repr(arg) : ascii(arg);
            if (sp.precision >= 0) {
                std::u32string u = to_u32(text);
                if (static_cast<int64_t>(u.size()) > sp.precision) text = to_utf8(u.substr(0, static_cast<size_t>(sp.precision)));
            }
            out += pad(sp, text, 0, false);
            break;
        }
        case U'c': {
            std::string ch;
            if (arg.is_int_like()) {
                if (arg.i < 0 || arg.i >= 0x110000) raise(BuiltinId::OverflowError, "%c arg not in range(0x110000)");
                unicode::encode(static_cast<uint32_t>(arg.i), ch);
            } else if (auto* s = get<StrObj>(arg); s && s->length == 1) {
                ch = s->s;
            } else {
                raise(BuiltinId::TypeError, "%c requires int or char");
            }
            out += pad(sp, ch, 0, false);
            break;
        }
        case U'd': case U'i': case U'u': case U'o': case U'x': case U'X': {
            int64_t v = 0;
            if (arg.is_int_like()) v = arg.i;
            else if (arg.tag == VTag::Float && (c == U'd' || c == U'i' || c == U'u')) {
                if (std::isnan(arg.f)) raise(BuiltinId::ValueError, "cannot convert float NaN to integer");
                if (std::isinf(arg.f)) raise(BuiltinId::OverflowError, "cannot convert float infinity to integer");
                if (!(arg.f > -9.2e18 && arg.f < 9.2e18)) unsupported("integer beyond 64 bits");
                v = static_cast<int64_t>(arg.f);
            } else if (c == U'd' || c == U'i' || c == U'u') {
                raise(BuiltinId::TypeError, std::string("%") + sp.type + " format: a real number is required, not " + type_name(arg));
            } else {
                raise(BuiltinId::TypeError, std::string("%") + sp.type + " format: an integer is required, not " + type_name(arg));
            }
            bool negative = v < 0;
            uint64_t mag = negative ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
            int base = c == U'o' ? 8 : (c == U'x' || c == U'X') ? 16 : 10;
            const char* dig = c == U'X' ? "0123456789ABCDEF" : "0123456789abcdef";
            std::string digits;
            do {
                digits.insert(digits.begin(), dig[mag % static_cast<uint64_t>(base)]);
                mag /= static_cast<uint64_t>(base);
            } while (mag);
            if (sp.precision > static_cast<int64_t>(digits.size()))
                digits.insert(0, static_cast<size_t>(sp.precision) - digits.size(), '0');
            std::string prefix = negative ? "-" : sp.plus ? "+" : sp.space ? " " : "";
            if (sp.alt && base != 10) prefix += c == U'o' ? "0o" : c == U'x' ? "0x" : "0X";
            out += pad(sp, prefix + digits, prefix.size(), true);
            break;
        }
        case U'e': case U'E': case U'f': case U'F': case U'g': case U'G': {
            double x = 0;
            if (arg.tag == VTag::Float) x = arg.f;
            else if (arg.is_int_like()) x = static_cast<double>(arg.i);
            else
                raise(BuiltinId::TypeError, std::string("must be real number, not ") + type_name(arg));
            std::string flags = "%";
            if (sp.plus) flags += '+';
            else if (sp.space) flags += ' ';
            if (sp.alt) flags += '#';
            flags += ".*";
            flags += sp.type;
            int prec = sp.precision < 0 ? 6 : static_cast<int>(sp.precision);
            int n = std::snprintf(nullptr, 0, flags.c_str(), prec, x);
            std::string body(static_cast<size_t>(n) + 1, '\0');
            std::snprintf(body.data(), body.size(), flags.c_str(), prec, x);
            body.resize(static_cast<size_t>(n));
            size_t sign = (!body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ')) ? 1 : 0;
            out += pad(sp, body, sign, std::isfinite(x));
            break;
        }
        default: {
            char hex[16];
            std::snprintf(hex, sizeof hex, "%x", static_cast<unsigned>(c));
            std::string ch;
            unicode::encode(static_cast<uint32_t>(c), ch);
            raise(BuiltinId::ValueError, "unsupported format character '" + ch + "' (0x" + hex +
                                             ") at index " + std::to_string(i));
        }
        }
        (void)start;
    }
    if (is_tuple && next < positional.size())
        raise(BuiltinId::TypeError, "not all arguments converted during string formatting");
    if (!is_tuple && mapping.is_unbound() && next == 0 && !positional.empty())
        raise(BuiltinId::TypeError, "not all arguments converted during string formatting");
    (void)used_mapping;
    return new_str(std::move(out));
}

} // namespace rc
