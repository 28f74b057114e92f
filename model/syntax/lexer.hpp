// The Python tokenizer: turns a code block into tokens with Python 3's rules for logical lines,
// indentation (tabs to multiples of 8, TabError on ambiguous mixes), brackets, numbers and
// string literals.
#pragma once

#include <cstdint>     // uint8_t
#include <optional>    // the first error, if any
#include <string_view> // source text
#include <vector>      // token list

#include "model/scenario/code_error.hpp" // CodeError
#include "model/scenario/source_loc.hpp" // SourceLoc
#include "model/syntax/token.hpp"      // Token

namespace rc {

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
};

/// Tokenizes a whole code block. Without an error the tokens end with NEWLINE (unless the
/// block is empty), the DEDENTs closing every open block, and END.
LexResult tokenize(std::string_view code);

/// Tokenizes the expression text of an f-string replacement field, which starts at `start` in
/// the code block. Newlines count as whitespace (as inside brackets); no INDENT or DEDENT is
/// produced. A successful result ends with NEWLINE and END.
LexResult tokenize_expression(std::string_view text, SourceLoc start);

} // namespace rc
