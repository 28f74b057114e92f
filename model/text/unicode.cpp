// Code points of UTF-8 text, character classes and case mappings (unicode.hpp).
#include "model/text/unicode.hpp"

#include <algorithm> // upper_bound

namespace rc::unicode {

namespace {

using unicode_data::CaseRun;
using unicode_data::Class;
using unicode_data::Table;

bool in(const Class& c, uint32_t cp) {
    const auto* end = c.ranges + c.count;
    const auto* it = std::upper_bound(c.ranges, end, cp, [](uint32_t v, const unicode_data::CpRange& r) {
        return v < r.first;
    });
    return it != c.ranges && cp <= (it - 1)->last;
}

/// Appends the mapping of cp in `t` (itself when it has none).
void map_into(const Table& t, uint32_t cp, std::string& out) {
    if (cp < 0x80 && &t != &unicode_data::fold_table) {
        // ASCII fast path (casefold of ASCII is lower, handled by the table)
        char c = static_cast<char>(cp);
        if (&t == &unicode_data::upper_table || &t == &unicode_data::title_table)
            out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
        else
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
        return;
    }
    const auto* full_end = t.full + t.full_count;
    const auto* f = std::lower_bound(t.full, full_end, cp,
                                     [](const unicode_data::FullCase& e, uint32_t v) { return e.cp < v; });
    if (f != full_end && f->cp == cp) {
        out += f->utf8;
        return;
    }
    const CaseRun* end = t.runs + t.run_count;
    const CaseRun* it = std::upper_bound(t.runs, end, cp,
                                         [](uint32_t v, const CaseRun& r) { return v < r.first; });
    for (int back = 0; back <= unicode_data::max_lookback && it != t.runs; ++back) {
        --it;
        if (cp <= it->last && (cp - it->first) % it->stride == 0) {
            encode(static_cast<uint32_t>(static_cast<int64_t>(cp) + it->delta), out);
            return;
        }
    }
    encode(cp, out);
}

bool case_ignorable(uint32_t cp) { return in(unicode_data::case_ignorable_class, cp); }

/// CPython's handle_capital_sigma: U+03A3 lowers to final sigma U+03C2 when a cased letter
/// precedes it and none follows (case-ignorable characters skipped).
uint32_t capital_sigma(const std::vector<uint32_t>& cps, size_t i) {
    size_t j = i;
    uint32_t c = 0;
    bool found = false;
    while (j-- > 0) {
        c = cps[j];
        if (!case_ignorable(c)) {
            found = true;
            break;
        }
    }
    bool final_sigma = found && is_cased(c);
    if (final_sigma && i + 1 < cps.size()) {
        size_t k = i + 1;
        for (; k < cps.size(); ++k) {
            c = cps[k];
            if (!case_ignorable(c)) break;
        }
        final_sigma = k == cps.size() || !is_cased(c);
    }
    return final_sigma ? 0x3C2 : 0x3C3;
}

/// lower_ucs4: the lower mapping with the final-sigma rule.
void lower_at(const std::vector<uint32_t>& cps, size_t i, std::string& out) {
    if (cps[i] == 0x3A3) encode(capital_sigma(cps, i), out);
    else map_into(unicode_data::lower_table, cps[i], out);
}

} // namespace

uint32_t decode(std::string_view s, size_t& pos) {
    auto byte = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(s[k])); };
    uint32_t b0 = byte(pos);
    if (b0 < 0xC0) { // ASCII (or a stray continuation byte, never produced by racecheck)
        ++pos;
        return b0;
    }
    if (b0 < 0xE0 && pos + 1 < s.size()) {
        uint32_t cp = ((b0 & 0x1F) << 6) | (byte(pos + 1) & 0x3F);
        pos += 2;
        return cp;
    }
    if (b0 < 0xF0 && pos + 2 < s.size()) {
        uint32_t cp = ((b0 & 0x0F) << 12) | ((byte(pos + 1) & 0x3F) << 6) | (byte(pos + 2) & 0x3F);
        pos += 3;
        return cp;
    }
    if (pos + 3 < s.size()) {
        uint32_t cp = ((b0 & 0x07) << 18) | ((byte(pos + 1) & 0x3F) << 12) |
                      ((byte(pos + 2) & 0x3F) << 6) | (byte(pos + 3) & 0x3F);
        pos += 4;
        return cp;
    }
    ++pos; // truncated sequence: never produced by racecheck, which builds valid UTF-8 only
    return b0;
}

void encode(uint32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

size_t length(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::vector<uint32_t> code_points(std::string_view s) {
    std::vector<uint32_t> out;
    out.reserve(s.size());
    for (size_t pos = 0; pos < s.size();) out.push_back(decode(s, pos));
    return out;
}

size_t offset(std::string_view s, size_t index) {
    size_t pos = 0;
    for (size_t k = 0; k < index && pos < s.size(); ++k) decode(s, pos);
    return pos;
}

bool is_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

bool is_space(uint32_t cp) { return in(unicode_data::space_class, cp); }
bool is_alpha(uint32_t cp) { return in(unicode_data::alpha_class, cp); }
bool is_decimal(uint32_t cp) { return in(unicode_data::decimal_class, cp); }
bool is_digit(uint32_t cp) { return in(unicode_data::digit_class, cp); }
bool is_numeric(uint32_t cp) { return in(unicode_data::numeric_class, cp); }
bool is_printable(uint32_t cp) { return in(unicode_data::printable_class, cp); }
bool is_upper(uint32_t cp) { return in(unicode_data::upper_case_class, cp); }
bool is_lower(uint32_t cp) { return in(unicode_data::lower_case_class, cp); }
bool is_title(uint32_t cp) { return in(unicode_data::title_case_class, cp); }
bool is_cased(uint32_t cp) { return in(unicode_data::cased_class, cp); }
bool is_id_start(uint32_t cp) { return in(unicode_data::id_start_class, cp); }
bool is_id_continue(uint32_t cp) { return in(unicode_data::id_continue_class, cp); }

std::string upper(std::string_view s) {
    std::string out;
    for (size_t pos = 0; pos < s.size();) map_into(unicode_data::upper_table, decode(s, pos), out);
    return out;
}

std::string lower(std::string_view s) {
    std::vector<uint32_t> cps = code_points(s);
    std::string out;
    for (size_t i = 0; i < cps.size(); ++i) lower_at(cps, i, out);
    return out;
}

std::string title(std::string_view s) {
    std::vector<uint32_t> cps = code_points(s);
    std::string out;
    bool previous_is_cased = false;
    for (size_t i = 0; i < cps.size(); ++i) {
        if (previous_is_cased) lower_at(cps, i, out);
        else map_into(unicode_data::title_table, cps[i], out);
        previous_is_cased = is_cased(cps[i]);
    }
    return out;
}

std::string capitalize(std::string_view s) {
    std::vector<uint32_t> cps = code_points(s);
    std::string out;
    for (size_t i = 0; i < cps.size(); ++i) {
        if (i == 0) map_into(unicode_data::title_table, cps[i], out);
        else lower_at(cps, i, out);
    }
    return out;
}

std::string swapcase(std::string_view s) {
    std::vector<uint32_t> cps = code_points(s);
    std::string out;
    for (size_t i = 0; i < cps.size(); ++i) {
        if (is_upper(cps[i])) lower_at(cps, i, out);
        else if (is_lower(cps[i])) map_into(unicode_data::upper_table, cps[i], out);
        else encode(cps[i], out);
    }
    return out;
}

std::string casefold(std::string_view s) {
    std::string out;
    for (size_t pos = 0; pos < s.size();) map_into(unicode_data::fold_table, decode(s, pos), out);
    return out;
}

} // namespace rc::unicode
