// str values: construction, repr, indexing and slicing by code point.
#include "model/text/strings.hpp"

#include <cstdio> // snprintf for escapes

#include "model/runtime/machine.hpp" // Machine
#include "model/text/unicode.hpp"  // code points, is_printable

namespace rc {

StrObj::StrObj(std::string text) : s(std::move(text)) {
    length = static_cast<uint32_t>(unicode::length(s));
}

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (size_t pos = 0; pos < s.size();) out.push_back(unicode::decode(s, pos));
    return out;
}

std::string to_utf8(std::u32string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t c : s) unicode::encode(static_cast<uint32_t>(c), out);
    return out;
}

std::string str_repr(std::string_view s) {
    bool has_single = s.find('\'') != std::string_view::npos;
    bool has_double = s.find('"') != std::string_view::npos;
    char q = (has_single && !has_double) ? '"' : '\'';
    std::string out(1, q);
    for (size_t pos = 0; pos < s.size();) {
        size_t start = pos;
        uint32_t c = unicode::decode(s, pos);
        char b[16];
        if (c == static_cast<uint32_t>(q) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7f) {
            std::snprintf(b, sizeof b, "\\x%02x", c);
            out += b;
        } else if (c < 0x7f || unicode::is_printable(c)) {
            out.append(s.substr(start, pos - start));
        } else if (c <= 0xff) {
            std::snprintf(b, sizeof b, "\\x%02x", c);
            out += b;
        } else if (c <= 0xffff) {
            std::snprintf(b, sizeof b, "\\u%04x", c);
            out += b;
        } else {
            std::snprintf(b, sizeof b, "\\U%08x", c);
            out += b;
        }
    }
    out += q;
    return out;
}

Value Machine::str_item(Value str, int64_t index) {
    const StrObj& so = *get<StrObj>(str);
    if (so.ascii()) return new_str(std::string(1, so.s[static_cast<size_t>(index)]));
    size_t pos = unicode::offset(so.s, static_cast<size_t>(index));
    size_t start = pos;
    unicode::decode(so.s, pos);
    return new_str(so.s.substr(start, pos - start));
}

Value Machine::str_slice(Value str, int64_t start, int64_t step, int64_t count) {
    const StrObj& so = *get<StrObj>(str);
    std::string out;
    if (so.ascii()) {
        if (step == 1) return new_str(so.s.substr(static_cast<size_t>(start), static_cast<size_t>(count)));
        for (int64_t i = 0, p = start; i < count; ++i, p += step) out += so.s[static_cast<size_t>(p)];
        return new_str(std::move(out));
    }
    std::u32string cps = to_u32(so.s), picked;
    for (int64_t i = 0, p = start; i < count; ++i, p += step) picked += cps[static_cast<size_t>(p)];
    return new_str(to_utf8(picked));
}

} // namespace rc
