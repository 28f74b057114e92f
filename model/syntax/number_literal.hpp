// Python number literals: decimal, 0x/0o/0b integers with underscores, floats. Integers must
// fit int64 (racecheck's ints are 64-bit); complex literals are refused.
#pragma once

#include <cstddef>     // size_t
#include <cstdint>     // int64_t
#include <string>      // error text
#include <string_view> // source text

#include "model/syntax/lexer.hpp" // TokenKind

namespace rc {

/// A scanned number literal, or the error that ends it.
struct NumberLiteral {
    TokenKind kind = TokenKind::Int; // Int or Float
    int64_t int_value = 0;
    double float_value = 0.0;
    size_t length = 0; // bytes of source the literal spans

    std::string error;   // non-empty on error
    std::string hint;    // for an error, or empty
    size_t error_at = 0; // byte offset of the error from the literal's start
};

/// Scans the number literal starting at text[pos] (a digit, or '.' followed by a digit).
/// Number literals are ASCII, so byte offsets are column offsets.
NumberLiteral scan_number(std::string_view text, size_t pos);

} // namespace rc
