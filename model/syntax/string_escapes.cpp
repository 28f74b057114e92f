// UTF-8 helpers and escape processing for string literal bodies.
#include "model/syntax/string_escapes.hpp"

#include <fmt/format.h> // error messages

namespace rc {

namespace {

/// The location of body[offset], walking from body_loc over newlines and UTF-8 sequences.
SourceLoc loc_at(std::string_view body, SourceLoc body_loc, size_t offset) {
    SourceLoc loc = body_loc;
    for (size_t i = 0; i < offset && i < body.size(); ++i) {
        const char c = body[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= body.size() || body[i + 1] != '\n'))) {
            ++loc.line;
            loc.col = 1;
        } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++loc.col;
        }
    }
    return loc;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/// Copies body[i] (a newline of any convention becomes '\n') and returns the next index.
size_t copy_char(std::string_view body, size_t i, std::string &out) {
    if (body[i] == '\r') {
        out += '\n';
        return (i + 1 < body.size() && body[i + 1] == '\n') ? i + 2 : i + 1;
    }
    out += body[i];
    return i + 1;
}

char simple_escape(char c) {
    switch (c) {
    case '\\':
        return '\\';
    case '\'':
        return '\'';
    case '"':
        return '"';
    case 'a':
        return '\a';
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    case 'v':
        return '\v';
    default:
        return 0;
    }
}

} // namespace

int32_t decode_utf8(std::string_view text, size_t pos, size_t &length) {
    length = 1;
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
        return lead;
    }
    size_t count = 0;
    uint32_t cp = 0;
    if ((lead & 0xE0) == 0xC0) {
        count = 2;
        cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        count = 3;
        cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        count = 4;
        cp = lead & 0x07;
    } else {
        return -1;
    }
    if (pos + count > text.size()) {
        return -1;
    }
    for (size_t k = 1; k < count; ++k) {
        const auto next = static_cast<unsigned char>(text[pos + k]);
        if ((next & 0xC0) != 0x80) {
            return -1;
        }
        cp = (cp << 6) | (next & 0x3F);
    }
    static constexpr uint32_t min_for_count[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_count[count] || cp > 0x10FFFF) {
        return -1;
    }
    length = count;
    return static_cast<int32_t>(cp);
}

void append_utf8(uint32_t cp, std::string &out) {
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

bool is_identifier_code_point(int32_t cp) {
    struct Range {
        int32_t first;
        int32_t last;
    };
    static constexpr Range letters[] = {
        {0x00AA, 0x00AA}, {0x00B5, 0x00B5}, {0x00BA, 0x00BA}, {0x00C0, 0x00D6}, {0x00D8, 0x00F6},
        {0x00F8, 0x02FF}, {0x0370, 0x037D}, {0x037F, 0x0386}, {0x0388, 0x03FF}, {0x0400, 0x052F},
        {0x0531, 0x0587}, {0x05D0, 0x05F2}, {0x0620, 0x064A}, {0x0900, 0x0963}, {0x1E00, 0x1FFF},
        {0x3041, 0x30FF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3},
    };
    for (const Range &r : letters) {
        if (cp >= r.first && cp <= r.last) {
            return true;
        }
    }
    return false;
}

std::optional<CodeError> decode_escapes(std::string_view body, SourceLoc body_loc, bool raw,
                                        std::string &out, std::vector<CodeError> *warnings) {
    size_t i = 0;
    while (i < body.size()) {
        if (raw || body[i] != '\\' || i + 1 >= body.size()) {
            i = copy_char(body, i, out);
            continue;
        }
        const size_t start = i;
        const char e = body[i + 1];
        i += 2;
        if (const char simple = simple_escape(e)) {
            out += simple;
        } else if (e == '\n') {
            continue; // backslash-newline: line continuation inside the literal
        } else if (e == '\r') {
            if (i < body.size() && body[i] == '\n') {
                ++i;
            }
        } else if (e >= '0' && e <= '7') {
            uint32_t value = static_cast<uint32_t>(e - '0');
            for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k) {
                value = value * 8 + static_cast<uint32_t>(body[i++] - '0');
            }
            append_utf8(value, out);
        } else if (e == 'x' || e == 'u' || e == 'U') {
            const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            uint32_t value = 0;
            int seen = 0;
            while (seen < digits && i < body.size() && hex_value(body[i]) >= 0) {
                value = value * 16 + static_cast<uint32_t>(hex_value(body[i++]));
                ++seen;
            }
            const char *shape = e == 'x' ? "\\xXX" : e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX";
            if (seen < digits) {
                return CodeError{loc_at(body, body_loc, start),
                                 fmt::format("(unicode error) 'unicodeescape' codec can't decode "
                                             "bytes in position {}-{}: truncated {} escape",
                                             start, i - 1, shape),
                                 ""};
            }
            if (value > 0x10FFFF) {
                return CodeError{loc_at(body, body_loc, start),
                                 fmt::format("(unicode error) 'unicodeescape' codec can't decode "
                                             "bytes in position {}-{}: illegal Unicode character",
                                             start, i - 1),
                                 ""};
            }
            append_utf8(value, out);
        } else if (e == 'N') {
            return CodeError{loc_at(body, body_loc, start), "unsupported: \\N{...} escapes",
                             "write the character itself or a \\u escape instead"};
        } else {
            out += '\\'; // unknown escapes are kept as written, as Python does
            const size_t end = copy_char(body, i - 1, out);
            if (warnings)
                warnings->push_back(CodeError{loc_at(body, body_loc, start),
                                              fmt::format("invalid escape sequence '\\{}'", body.substr(i - 1, end - (i - 1))),
                                              ""});
            i = end;
        }
    }
    return std::nullopt;
}

} // namespace rc
