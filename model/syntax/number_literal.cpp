// Number literal scanning, after CPython's tokenizer (Parser/tokenizer.c, tok_get's number
// branch and verify_end_of_number); messages are CPython 3.12's.
#include "model/syntax/number_literal.hpp"

#include <charconv>     // from_chars for floats
#include <cstdlib>      // strtod for out-of-range floats
#include <fmt/format.h> // messages
#include <limits>       // int64 bounds

namespace rc {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || is_digit(c) ||
           static_cast<unsigned char>(c) >= 0x80;
}

int digit_value(char c) {
    if (is_digit(c)) {
        return c - '0';
    }
    const char lower = static_cast<char>(c | 0x20);
    if (lower >= 'a' && lower <= 'f') {
        return lower - 'a' + 10;
    }
    return -1;
}

struct NumberError {
    size_t at;
    std::string message;
    std::string hint;
};

class NumberScanner {
public:
    NumberScanner(std::string_view text, size_t pos) : text_(text), begin_(pos), pos_(pos) {}

    NumberLiteral scan() {
        NumberLiteral n;
        const char base_char = static_cast<char>(peek(1) | 0x20);
        if (cur() == '0' && (base_char == 'x' || base_char == 'o' || base_char == 'b')) {
            scan_based(n, base_char == 'x' ? 16 : base_char == 'o' ? 8 : 2);
        } else {
            scan_decimal(n);
        }
        n.length = pos_ - begin_;
        return n;
    }

private:
    char cur() const { return peek(0); }
    char peek(size_t ahead) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }

    [[noreturn]] void fail(size_t at, std::string message, std::string hint = {}) const {
        throw NumberError{at - begin_, std::move(message), std::move(hint)};
    }

    void scan_decimal(NumberLiteral &n) {
        bool is_float = false;
        if (cur() != '.') {
            digits("decimal");
        }
        if (cur() == '.') {
            is_float = true;
            ++pos_;
            if (is_digit(cur())) {
                digits("decimal");
            }
        }
        if ((cur() == 'e' || cur() == 'E') &&
            (is_digit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && is_digit(peek(2))))) {
            is_float = true;
            pos_ += (peek(1) == '+' || peek(1) == '-') ? 2 : 1;
            digits("decimal");
        }
        std::string clean;
        for (char c : text_.substr(begin_, pos_ - begin_)) {
            if (c != '_') {
                clean += c;
            }
        }
        if (is_float) {
            n.kind = TokenKind::Float;
            const auto result =
                std::from_chars(clean.data(), clean.data() + clean.size(), n.float_value);
            if (result.ec == std::errc::result_out_of_range) {
                n.float_value = std::strtod(clean.c_str(), nullptr); // inf or 0, as Python
            }
            check_end("decimal");
            return;
        }
        if (clean.size() > 1 && clean[0] == '0' &&
            clean.find_first_not_of('0') != std::string::npos) {
            fail(begin_, "leading zeros in decimal integer literals are not permitted; use an "
                         "0o prefix for octal integers");
        }
        check_end("decimal");
        n.kind = TokenKind::Int;
        n.int_value = to_int64(clean, 10);
    }

    /// Digits with single underscores between them; at least one digit.
    void digits(const char *kind) {
        if (!is_digit(cur())) {
            fail(begin_, fmt::format("invalid {} literal", kind));
        }
        while (is_digit(cur()) || cur() == '_') {
            if (cur() == '_' && !is_digit(peek(1))) {
                fail(begin_, fmt::format("invalid {} literal", kind));
            }
            ++pos_;
        }
    }

    void scan_based(NumberLiteral &n, int base) {
        const char *kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
        pos_ += 2;
        std::string clean;
        bool need_digit = true;
        while (true) {
            const char c = cur();
            if (c == '_' && (!need_digit || clean.empty())) {
                need_digit = true;
                ++pos_;
                continue;
            }
            const int v = digit_value(c);
            if (v < 0 || v >= base) {
                if (v >= base && v < 10) {
                    fail(pos_, fmt::format("invalid digit '{}' in {} literal", c, kind));
                }
                break;
            }
            clean += c;
            need_digit = false;
            ++pos_;
        }
        if (need_digit) {
            fail(begin_, fmt::format("invalid {} literal", kind));
        }
        check_end(kind);
        n.kind = TokenKind::Int;
        n.int_value = to_int64(clean, base);
    }

    /// A number may not run into a name, except where one of the keywords CPython still
    /// accepts there begins (it checks only the keyword's letters, not what follows them).
    void check_end(const char *kind) const {
        const char c = cur();
        if (c == 'j' || c == 'J') {
            fail(begin_, "unsupported: complex numbers",
                 "racecheck models int, float and str values only");
        }
        if (!is_name_char(c)) {
            return;
        }
        for (std::string_view kw : {"and", "else", "for", "if", "in", "is", "not", "or"}) {
            const bool boundary_checked = kw.size() > 2 || kw[0] != 'i'; // as CPython 3.11
            if (text_.substr(pos_, kw.size()) == kw &&
                (!boundary_checked || !is_name_char(peek(kw.size())))) {
                return;
            }
        }
        fail(begin_, fmt::format("invalid {} literal", kind));
    }

    int64_t to_int64(const std::string &digits, int base) const {
        uint64_t value = 0;
        const auto limit = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
        const auto b = static_cast<uint64_t>(base);
        for (char c : digits) {
            const auto d = static_cast<uint64_t>(digit_value(c));
            if (value > (limit - d) / b) {
                fail(begin_, "integer literal too large",
                     "racecheck ints are 64-bit; use a value below 2**63");
            }
            value = value * b + d;
        }
        return static_cast<int64_t>(value);
    }

    std::string_view text_;
    size_t begin_;
    size_t pos_;
};

} // namespace

NumberLiteral scan_number(std::string_view text, size_t pos) {
    NumberScanner scanner(text, pos);
    try {
        return scanner.scan();
    } catch (NumberError &error) {
        NumberLiteral n;
        n.error = std::move(error.message);
        n.hint = std::move(error.hint);
        n.error_at = error.at;
        return n;
    }
}

} // namespace rc
