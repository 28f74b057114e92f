// The Python tokenizer: turns a code block into tokens with Python 3's rules for logical lines,
// indentation (tabs to multiples of 8, TabError on ambiguous mixes), brackets, numbers and
// string literals. Its tokens: Python's token classes, each with its first character's location
// in the code block.
#pragma once

#include <cstdint>     // int64_t, uint8_t
#include <optional>    // the first error, if any
#include <string>      // token text
#include <string_view> // source text, is_keyword argument
#include <vector>      // token list

#include "model/scenario/code_error.hpp" // CodeError
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

/// How a lexical error competes with a syntax error the parser finds earlier in the code,
/// mirroring CPython (Parser/pegen_errors.c, _PyPegen_tokenize_full_source_to_check_for_errors).
enum class LexErrorKind : uint8_t {
    Immediate,       // bad token (string, number, character): wins over any syntax error except
                     // "unexpected indent"
    Deferred,        // indentation (dedent mismatch, TabError, too deep) and a bad line
                     // continuation: reported only when the parser reaches them
    UnclosedBracket, // "'(' was never closed": wins over a syntax error on a later line or at
                     // the end of input
};

/// The tokens of a code block and the first lexical error, if any. Lexing stops at the error:
/// the tokens read before it are followed by an ERROR token at the error's location (none for
/// UnclosedBracket) and END, so the parser can report an earlier syntax error first.
struct LexResult {
    std::vector<Token> tokens;
    std::optional<CodeError> error;
    LexErrorKind error_kind = LexErrorKind::Immediate;
    std::vector<CodeError> warnings; // SyntaxWarnings: invalid escape sequences, in order
};

/// Tokenizes a whole code block. Without an error the tokens end with NEWLINE (unless the
/// block is empty), the DEDENTs closing every open block, and END.
LexResult tokenize(std::string_view code);

/// Tokenizes the expression text of an f-string replacement field, which starts at `start` in
/// the code block. Newlines count as whitespace (as inside brackets); no INDENT or DEDENT is
/// produced. A successful result ends with NEWLINE and END.
LexResult tokenize_expression(std::string_view text, SourceLoc start);

} // namespace rc
