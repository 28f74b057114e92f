// The methods of str, by code point, with CPython 3.12's semantics, signatures and messages.
// Each call is one atomic operation (a str is immutable: never a visible operation).
//
// Over 300 lines: str has forty-odd methods and they share the helpers at the top; splitting
// them across files would spread those helpers.
#include <algorithm> // reverse

#include "model/runtime/machine.hpp" // Machine
#include "model/text/strings.hpp"  // to_u32, to_utf8
#include "model/text/unicode.hpp"  // classes, case mappings

namespace rc {

namespace {

using U32 = std::u32string;

bool is_space(char32_t c) { return unicode::is_space(static_cast<uint32_t>(c)); }

/// CPython's ADJUST_INDICES: start/end of a str method clamped to [0, len].
void adjust(int64_t& start, int64_t& end, int64_t len) {
    if (end > len) end = len;
    else if (end < 0) {
        end += len;
        if (end < 0) end = 0;
    }
    if (start < 0) {
        start += len;
        if (start < 0) start = 0;
    }
}

/// Python's splitlines boundaries.
bool line_break(char32_t c) {
    switch (c) {
    case U'\n': case U'\r': case U'\v': case U'\f': case 0x1c: case 0x1d: case 0x1e: case 0x85:
    case 0x2028: case 0x2029: return true;
    default: return false;
    }
}

U32 strip(const U32& s, const U32* chars, bool left, bool right) {
    size_t b = 0, e = s.size();
    auto stripped = [&](char32_t c) { return chars ? chars->find(c) != U32::npos : is_space(c); };
    if (left)
        while (b < e && stripped(s[b])) ++b;
    if (right)
        while (e > b && stripped(s[e - 1])) --e;
    return s.substr(b, e - b);
}

} // namespace

Value Machine::call_str_method(Value self, NameId method, const Args& a) {
    using S = Sig::Style;
    const std::string text = *str_of(self); // copied: new_str may move the heap
    const U32 s = to_u32(text);
    const int64_t len = static_cast<int64_t>(s.size());
    auto str_result = [&](const U32& u) { return new_str(to_utf8(u)); };
    auto need_str = [&](Value v, const std::string& what) -> U32 {
        const std::string* t = str_of(v);
        if (!t) raise(BuiltinId::TypeError, what + type_name(v));
        return to_u32(*t);
    };
    auto slice_index = [&](Value v, int64_t fallback) -> int64_t {
        if (v.is_unbound() || v.is_none()) return fallback;
        if (!v.is_int_like())
            raise(BuiltinId::TypeError,
                  "slice indices must be integers or None or have an __index__ method");
        return v.i;
    };
    auto width_of = [&](Value v) -> int64_t {
        if (!v.is_int_like())
            raise(BuiltinId::TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
        return v.i;
    };
    auto fill_of = [&](Value v) -> char32_t {
        if (v.is_unbound()) return U' ';
        const std::string* t = str_of(v);
        if (!t) raise(BuiltinId::TypeError, "The fill character must be a unicode character, not " + type_name(v));
        U32 f = to_u32(*t);
        if (f.size() != 1) raise(BuiltinId::TypeError, "The fill character must be exactly one character long");
        return f[0];
    };
    const std::string& mname = name_of(method);
    switch (known_name(method)) {
    // ---- case and classes ----
    case KnownName::upper:
    case KnownName::lower:
    case KnownName::title:
    case KnownName::capitalize:
    case KnownName::swapcase:
    case KnownName::casefold: {
        bind(a, Sig{"str." + mname, S::None, {}, 0, 0});
        KnownName k = known_name(method);
        return new_str(k == KnownName::upper        ? unicode::upper(text)
                       : k == KnownName::lower      ? unicode::lower(text)
                       : k == KnownName::title      ? unicode::title(text)
                       : k == KnownName::capitalize ? unicode::capitalize(text)
                       : k == KnownName::swapcase   ? unicode::swapcase(text)
                                                    : unicode::casefold(text));
    }
    case KnownName::isalpha:
    case KnownName::isdigit:
    case KnownName::isdecimal:
    case KnownName::isnumeric:
    case KnownName::isalnum:
    case KnownName::isspace:
    case KnownName::isascii:
    case KnownName::isprintable: {
        bind(a, Sig{"str." + mname, S::None, {}, 0, 0});
        KnownName k = known_name(method);
        if (s.empty()) return Value::boolean(k == KnownName::isascii || k == KnownName::isprintable);
        for (char32_t c : s) {
            auto cp = static_cast<uint32_t>(c);
            bool ok = k == KnownName::isalpha     ? unicode::is_alpha(cp)
                      : k == KnownName::isdigit   ? unicode::is_digit(cp)
                      : k == KnownName::isdecimal ? unicode::is_decimal(cp)
                      : k == KnownName::isnumeric ? unicode::is_numeric(cp)
                      : k == KnownName::isalnum   ? unicode::is_alpha(cp) || unicode::is_decimal(cp) ||
                                                      unicode::is_digit(cp) || unicode::is_numeric(cp)
                      : k == KnownName::isspace   ? unicode::is_space(cp)
                      : k == KnownName::isascii   ? cp < 0x80
                                                  : unicode::is_printable(cp);
            if (!ok) return Value::boolean(false);
        }
        return Value::boolean(true);
    }
    case KnownName::isupper:
    case KnownName::islower: {
        bind(a, Sig{"str." + mname, S::None, {}, 0, 0});
        const bool upper = known_name(method) == KnownName::isupper;
        bool cased = false;
        for (char32_t c : s) {
            auto cp = static_cast<uint32_t>(c);
            if ((upper ? unicode::is_lower(cp) : unicode::is_upper(cp)) || unicode::is_title(cp))
                return Value::boolean(false);
            if (upper ? unicode::is_upper(cp) : unicode::is_lower(cp)) cased = true;
        }
        return Value::boolean(cased);
    }
    case KnownName::istitle: {
        bind(a, Sig{"str." + mname, S::None, {}, 0, 0});
        bool cased = false, previous_is_cased = false;
        for (char32_t c : s) {
            auto cp = static_cast<uint32_t>(c);
            if (unicode::is_upper(cp) || unicode::is_title(cp)) {
                if (previous_is_cased) return Value::boolean(false);
                previous_is_cased = cased = true;
            } else if (unicode::is_lower(cp)) {
                if (!previous_is_cased) return Value::boolean(false);
                previous_is_cased = cased = true;
            } else {
                previous_is_cased = false;
            }
        }
        return Value::boolean(cased);
    }
    case KnownName::isidentifier: {
        bind(a, Sig{"str." + mname, S::None, {}, 0, 0});
        if (s.empty() || !unicode::is_id_start(static_cast<uint32_t>(s[0]))) return Value::boolean(false);
        for (size_t i = 1; i < s.size(); ++i)
            if (!unicode::is_id_continue(static_cast<uint32_t>(s[i]))) return Value::boolean(false);
        return Value::boolean(true);
    }
    // ---- searching ----
    case KnownName::find:
    case KnownName::rfind:
    case KnownName::index:
    case KnownName::rindex:
    case KnownName::count: {
        Bound b = bind(a, Sig{mname, S::Takes, {"sub", "start", "end"}, 1, 3});
        KnownName k = known_name(method);
        U32 sub = need_str(b[0], "must be str, not ");
        int64_t start = slice_index(b[1], 0), end = slice_index(b[2], len);
        adjust(start, end, len);
        if (k == KnownName::count) {
            if (start > len) return Value::integer(0);
            if (sub.empty()) return Value::integer(end >= start ? end - start + 1 : 0);
            int64_t c = 0;
            for (int64_t i = start; i + static_cast<int64_t>(sub.size()) <= end;) {
                if (s.compare(static_cast<size_t>(i), sub.size(), sub) == 0) {
                    ++c;
                    i += static_cast<int64_t>(sub.size());
                } else {
                    ++i;
                }
            }
            return Value::integer(c);
        }
        int64_t found = -1;
        if (end - start >= static_cast<int64_t>(sub.size())) {
            U32 window = s.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
            size_t at = (k == KnownName::rfind || k == KnownName::rindex) ? window.rfind(sub) : window.find(sub);
            if (at != U32::npos) found = start + static_cast<int64_t>(at);
        }
        if (found < 0 && (k == KnownName::index || k == KnownName::rindex))
            raise(BuiltinId::ValueError, "substring not found");
        return Value::integer(found);
    }
    case KnownName::startswith:
    case KnownName::endswith: {
        Bound b = bind(a, Sig{mname, S::Takes, {"prefix", "start", "end"}, 1, 3});
        bool starts = known_name(method) == KnownName::startswith;
        std::vector<Value> options;
        if (auto* t = get<TupleObj>(b[0])) options = t->items;
        else if (str_of(b[0])) options.push_back(b[0]);
        else
            raise(BuiltinId::TypeError, mname + " first arg must be str or a tuple of str, not " + type_name(b[0]));
        int64_t start = slice_index(b[1], 0), end = slice_index(b[2], len);
        adjust(start, end, len);
        for (Value o : options) {
            U32 p = need_str(o, "tuple for " + mname + " must only contain str, not ");
            if (start > len) continue;
            int64_t plen = static_cast<int64_t>(p.size());
            if (end - start < plen) continue;
            size_t at = static_cast<size_t>(starts ? start : end - plen);
            if (s.compare(at, p.size(), p) == 0) return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    // ---- building new strings ----
    case KnownName::replace: {
        Bound b = bind(a, Sig{"replace", S::Expected, {"old", "new", "count"}, 2, 3});
        U32 from = need_str(b[0], "replace() argument 1 must be str, not ");
        U32 to = need_str(b[1], "replace() argument 2 must be str, not ");
        int64_t count = b.has(2) ? width_of(b[2]) : -1;
        if (count < 0) count = INT64_MAX;
        // The result's length first, so that no limit is passed while building it.
        uint64_t matches = 0;
        if (from.empty()) {
            matches = std::min<uint64_t>(static_cast<uint64_t>(count), uint64_t{s.size()} + 1);
        } else {
            for (size_t j = s.find(from); j != U32::npos && matches < static_cast<uint64_t>(count);
                 j = s.find(from, j + from.size()))
                ++matches;
        }
        reserve_string(s.size() - matches * from.size() + matches * to.size());
        U32 out;
        if (from.empty()) { // between every character, and at both ends
            for (size_t i = 0; i <= s.size(); ++i) {
                if (count > 0) {
                    out += to;
                    --count;
                }
                if (i < s.size()) out += s[i];
            }
            return str_result(out);
        }
        size_t i = 0, j;
        while (count > 0 && (j = s.find(from, i)) != U32::npos) {
            out += s.substr(i, j - i);
            out += to;
            i = j + from.size();
            --count;
        }
        out += s.substr(i);
        return str_result(out);
    }
    case KnownName::join: {
        Bound b = bind(a, Sig{"str.join", S::One, {"iterable"}, 1, 1});
        std::vector<Value> parts;
        if (!is_iterable(b[0])) raise(BuiltinId::TypeError, "can only join an iterable");
        parts = collect(b[0]);
        uint64_t total = 0; // checked before building: no limit can be passed on the way
        for (size_t i = 0; i < parts.size(); ++i) {
            const std::string* p = str_of(parts[i]);
            if (!p)
                raise(BuiltinId::TypeError, "sequence item " + std::to_string(i) +
                                                ": expected str instance, " + type_name(parts[i]) + " found");
            total += p->size() + (i ? text.size() : 0);
            if (total > interp.limits().max_string) reserve_string(total); // exceeds
        }
        reserve_string(total);
        std::string out;
        out.reserve(static_cast<size_t>(total));
        for (size_t i = 0; i < parts.size(); ++i) {
            if (i) out += text;
            out += *str_of(parts[i]);
        }
        return new_str(std::move(out));
    }
    case KnownName::strip:
    case KnownName::lstrip:
    case KnownName::rstrip: {
        Bound b = bind(a, Sig{"str." + mname, S::Expected, {"chars"}, 0, 1});
        std::optional<U32> chars;
        if (b.has(0) && !b[0].is_none()) {
            if (!str_of(b[0])) raise(BuiltinId::TypeError, "strip arg must be None or str");
            chars = to_u32(*str_of(b[0]));
        }
        KnownName k = known_name(method);
        return str_result(strip(s, chars ? &*chars : nullptr, k != KnownName::rstrip, k != KnownName::lstrip));
    }
    case KnownName::center:
    case KnownName::ljust:
    case KnownName::rjust: {
        Bound b = bind(a, Sig{mname, S::Expected, {"width", "fillchar"}, 1, 2});
        int64_t width = width_of(b[0]);
        char32_t fill = fill_of(b[1]);
        if (width <= len) return self;
        reserve_string(static_cast<uint64_t>(width));
        int64_t pad = width - len, left = 0;
        KnownName k = known_name(method);
        if (k == KnownName::rjust) left = pad;
        else if (k == KnownName::center) left = pad / 2 + (pad & width & 1); // CPython's rounding
        U32 out(static_cast<size_t>(left), fill);
        out += s;
        out.append(static_cast<size_t>(pad - left), fill);
        return str_result(out);
    }
    case KnownName::zfill: {
        Bound b = bind(a, Sig{"str.zfill", S::One, {"width"}, 1, 1});
        int64_t width = width_of(b[0]);
        if (width <= len) return self;
        reserve_string(static_cast<uint64_t>(width));
        U32 out = s;
        size_t fill = static_cast<size_t>(width - len);
        size_t at = (!s.empty() && (s[0] == U'+' || s[0] == U'-')) ? 1 : 0;
        out.insert(at, fill, U'0');
        return str_result(out);
    }
    case KnownName::expandtabs: {
        Bound b = bind(a, Sig{"expandtabs", S::Takes, {"tabsize"}, 0, 0});
        int64_t tab = b.has(0) ? width_of(b[0]) : 8;
        U32 out;
        int64_t col = 0;
        for (char32_t c : s) {
            if (c == U'\t') {
                if (tab > 0) {
                    int64_t n = tab - col % tab;
                    reserve_string(uint64_t{out.size()} + static_cast<uint64_t>(n));
                    out.append(static_cast<size_t>(n), U' ');
                    col += n;
                }
            } else {
                out += c;
                col = (c == U'\n' || c == U'\r') ? 0 : col + 1;
            }
        }
        return str_result(out);
    }
    case KnownName::removeprefix:
    case KnownName::removesuffix: {
        bool prefix = known_name(method) == KnownName::removeprefix;
        Bound b = bind(a, Sig{"str." + mname, S::One, {"x"}, 1, 1});
        U32 p = need_str(b[0], mname + "() argument must be str, not ");
        if (p.size() <= s.size() && s.compare(prefix ? 0 : s.size() - p.size(), p.size(), p) == 0)
            return str_result(prefix ? s.substr(p.size()) : s.substr(0, s.size() - p.size()));
        return self;
    }
    // ---- splitting ----
    case KnownName::split:
    case KnownName::rsplit: {
        Bound b = bind(a, Sig{mname, S::Takes, {"sep", "maxsplit"}, 0, 0});
        bool right = known_name(method) == KnownName::rsplit;
        int64_t maxsplit = b.has(1) ? width_of(b[1]) : -1;
        if (maxsplit < 0) maxsplit = INT64_MAX;
        std::vector<U32> parts;
        if (!b.has(0) || b[0].is_none()) {
            if (!right) { // CPython's split_whitespace
                size_t i = 0, n = s.size();
                for (; maxsplit-- > 0;) {
                    while (i < n && is_space(s[i])) ++i;
                    if (i == n) break;
                    size_t j = i++;
                    while (i < n && !is_space(s[i])) ++i;
                    parts.push_back(s.substr(j, i - j));
                }
                while (i < n && is_space(s[i])) ++i;
                if (i < n) parts.push_back(s.substr(i));
            } else { // rsplit_whitespace
                int64_t i = len - 1;
                for (; maxsplit-- > 0;) {
                    while (i >= 0 && is_space(s[static_cast<size_t>(i)])) --i;
                    if (i < 0) break;
                    int64_t j = i--;
                    while (i >= 0 && !is_space(s[static_cast<size_t>(i)])) --i;
                    parts.push_back(s.substr(static_cast<size_t>(i + 1), static_cast<size_t>(j - i)));
                }
                while (i >= 0 && is_space(s[static_cast<size_t>(i)])) --i;
                if (i >= 0) parts.push_back(s.substr(0, static_cast<size_t>(i + 1)));
                std::reverse(parts.begin(), parts.end());
            }
        } else {
            U32 sep = need_str(b[0], "must be str or None, not ");
            if (sep.empty()) raise(BuiltinId::ValueError, "empty separator");
            if (!right) {
                size_t i = 0, j;
                while (maxsplit-- > 0 && (j = s.find(sep, i)) != U32::npos) {
                    parts.push_back(s.substr(i, j - i));
                    i = j + sep.size();
                }
                parts.push_back(s.substr(i));
            } else {
                size_t end = s.size();
                while (maxsplit-- > 0 && end >= sep.size()) {
                    size_t j = s.rfind(sep, end - sep.size());
                    if (j == U32::npos) break;
                    parts.push_back(s.substr(j + sep.size(), end - j - sep.size()));
                    end = j;
                }
                parts.push_back(s.substr(0, end));
                std::reverse(parts.begin(), parts.end());
            }
        }
        std::vector<Value> out;
        for (const U32& p : parts) out.push_back(str_result(p));
        return new_list(std::move(out));
    }
    case KnownName::splitlines: {
        Bound b = bind(a, Sig{"splitlines", S::Takes, {"keepends"}, 0, 0});
        bool keep = b.has(0) && truthy(b[0]);
        std::vector<Value> out;
        size_t i = 0;
        while (i < s.size()) {
            size_t j = i;
            while (j < s.size() && !line_break(s[j])) ++j;
            size_t eol = j;
            if (j < s.size()) eol = (s[j] == U'\r' && j + 1 < s.size() && s[j + 1] == U'\n') ? j + 2 : j + 1;
            out.push_back(str_result(s.substr(i, (keep ? eol : j) - i)));
            i = eol;
        }
        return new_list(std::move(out));
    }
    case KnownName::partition:
    case KnownName::rpartition: {
        Bound b = bind(a, Sig{"str." + mname, S::One, {"sep"}, 1, 1});
        U32 sep = need_str(b[0], "must be str, not ");
        if (sep.empty()) raise(BuiltinId::ValueError, "empty separator");
        bool right = known_name(method) == KnownName::rpartition;
        size_t at = right ? s.rfind(sep) : s.find(sep);
        if (at == U32::npos) {
            Value empty = new_str("");
            return right ? new_tuple({empty, empty, self}) : new_tuple({self, empty, empty});
        }
        return new_tuple({str_result(s.substr(0, at)), b[0], str_result(s.substr(at + sep.size()))});
    }
    // ---- formatting ----
    case KnownName::format: return new_str(str_format(text, a));
    case KnownName::format_map: {
        Bound b = bind(a, Sig{"str.format_map", S::One, {"mapping"}, 1, 1});
        if (!get<DictObj>(b[0])) unsupported("str.format_map() with a mapping that is not a dict");
        return new_str(str_format(text, Args{}, b[0]));
    }
    case KnownName::encode: unsupported("str.encode() (bytes are outside the subset)");
    case KnownName::translate:
    case KnownName::maketrans: unsupported("str." + mname + "()");
    default: break;
    }
    no_attribute(self, method);
}

} // namespace rc
