// A user error, positioned in a file: the one shape every bad-input message takes.
//
// Everything the user did wrong (bad YAML, an unknown key, code outside the Python subset, a bad
// `--param`) becomes a Diagnostic and is rendered by format_diagnostic, so all such messages
// look alike and tests can pin their exact text.
#pragma once

#include <cstdint> // uint32_t
#include <string>  // file, message, hint

namespace rc {

struct Diagnostic {
    std::string file;  // path as the user gave it, or a pseudo-name such as "<command line>"
    uint32_t line = 0; // 1-based; 0 = the error concerns the whole file (no position)
    uint32_t col = 0;  // 1-based; 0 = unknown column (only meaningful when line is 0 too)
    std::string message;
    std::string hint; // one actionable sentence, or empty
    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// Renders `file:line:col: error: message`, followed, when the hint is non-empty, by a second
/// line `  hint: <hint>`. A diagnostic without a position (line 0) renders as
/// `file: error: message`. The result has no trailing newline.
std::string format_diagnostic(const Diagnostic& d);

/// Renders a warning CPython gives while compiling the code (a SyntaxWarning):
/// `file:line:col: warning: message [SyntaxWarning]`. The check goes on.
std::string format_warning(const Diagnostic& d);

} // namespace rc
