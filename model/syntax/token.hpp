// The tokens the lexer hands to the parser: Python's token classes, each with its first
// character's location in the code block.
#pragma once

#include <cstdint>     // int64_t, uint8_t
#include <string>      // token text
#include <string_view> // is_keyword argument

#include "model/scenario/source_loc.hpp" // SourceLoc

namespace rc {

enum class TokenKind : uint8_t {
    Name,    // identifier (soft keywords such as `match` are names)
    Keyword, // one of Python's hard keywords; `text` is its spelling
    Int,     // `int_value` holds the value; `text` the spelling
    Float,   // `float_value` holds the value; `text` the spelling
    String,  // `text` holds the decoded value
    FString, // `text` holds the raw body between the quotes, starting at `body_loc`
    Op,      // operator or delimiter; `text` is its spelling
    Newline, // end of a logical line
    Indent,
    Dedent,
    Error, // where lexing stopped with an error (see LexResult); always followed by END
    End,   // end of input
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;
    SourceLoc loc;      // first character (for strings: the prefix or opening quote)
    SourceLoc body_loc; // FString only: first character after the opening quote(s)
    bool raw = false;   // FString only: the `r` prefix was given (no escape processing)
    int64_t int_value = 0;
    double float_value = 0.0;
};

/// True for Python 3's hard keywords (`False`, `None`, `True`, `and`, ... `yield`).
bool is_keyword(std::string_view word);

} // namespace rc
