// UTF-8 helpers and Python string-literal escape processing, shared by the lexer (plain string
// literals) and the f-string parser (the literal text between replacement fields).
#pragma once

#include <cstddef>     // size_t
#include <cstdint>     // int32_t, uint32_t
#include <optional>    // optional error
#include <string>      // decoded output
#include <string_view> // literal bodies
#include <vector>      // warnings

#include "model/scenario/code_error.hpp" // CodeError
#include "model/scenario/source_loc.hpp" // SourceLoc

namespace rc {

/// Decodes the UTF-8 sequence starting at text[pos]. Returns the code point and sets `length`
/// to its byte count, or returns -1 (with `length` 1) for a malformed or truncated sequence.
int32_t decode_utf8(std::string_view text, size_t pos, size_t &length);

/// Appends the UTF-8 encoding of `code_point` (which must be at most 0x10FFFF) to `out`.
void append_utf8(uint32_t code_point, std::string &out);

/// True if `code_point` (non-ASCII) may appear in an identifier. An approximation of Unicode's
/// XID classes covering the letters of the common scripts; everything else is refused.
bool is_identifier_code_point(int32_t code_point);

/// Appends the value of a string literal body (the text between the quotes) to `out`:
/// newlines are normalized to '\n' and, unless `raw`, escapes are processed as Python does.
/// `body_loc` is the location of body[0]; an error points at the offending escape.
/// An unknown escape (`\d`) is kept as written and, when `warnings` is given, adds CPython's
/// SyntaxWarning "invalid escape sequence '\d'".
std::optional<CodeError> decode_escapes(std::string_view body, SourceLoc body_loc, bool raw,
                                        std::string &out, std::vector<CodeError> *warnings = nullptr);

} // namespace rc
