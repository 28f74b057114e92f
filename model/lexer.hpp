// The Python tokenizer: turns a code block into tokens with Python 3's rules for logical lines,
// indentation (tabs to multiples of 8, TabError on ambiguous mixes), brackets, numbers and
// string literals.
#pragma once

#include <optional>    // the first error, if any
#include <string_view> // source text
#include <vector>      // token list

#include "model/code_error.hpp" // CodeError
#include "model/source_loc.hpp" // SourceLoc
#include "model/token.hpp"      // Token

namespace rc {

/// The tokens of a code block, or the first lexical error (then `tokens` is empty).
struct LexResult {
    std::vector<Token> tokens;
    std::optional<CodeError> error;
};

/// Tokenizes a whole code block. A successful result ends with NEWLINE (unless the block is
/// empty), the DEDENTs closing every open block, and END.
LexResult tokenize(std::string_view code);

/// Tokenizes the expression text of an f-string replacement field, which starts at `start` in
/// the code block. Newlines count as whitespace (as inside brackets); no INDENT or DEDENT is
/// produced. A successful result ends with NEWLINE and END.
LexResult tokenize_expression(std::string_view text, SourceLoc start);

} // namespace rc
