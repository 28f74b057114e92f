// The Python tokenizer. Follows CPython's Parser/tokenizer.c for logical lines, the
// indentation stack (with the tab-size-1 "alt" stack that detects TabError), bracket
// matching and number syntax; error messages are CPython 3.12's.
#include "model/syntax/lexer.hpp"

#include <array>        // keyword and operator tables
#include <fmt/format.h> // error messages
#include <string>       // token text

#include "model/syntax/number_literal.hpp" // scan_number
#include "model/syntax/string_escapes.hpp" // decode_utf8, decode_escapes, is_identifier_code_point

namespace rc {

bool is_keyword(std::string_view word) {
    static constexpr std::array<std::string_view, 35> keywords = {
        "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
        "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
        "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
        "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
    for (std::string_view k : keywords) {
        if (k == word) {
            return true;
        }
    }
    return false;
}

namespace {

struct LexFailure {
    CodeError error;
    LexErrorKind kind;
};

[[noreturn]] void fail(SourceLoc loc, std::string message, std::string hint = {}) {
    throw LexFailure{CodeError{loc, std::move(message), std::move(hint)}, LexErrorKind::Immediate};
}

[[noreturn]] void fail_deferred(SourceLoc loc, std::string message, std::string hint = {}) {
    throw LexFailure{CodeError{loc, std::move(message), std::move(hint)}, LexErrorKind::Deferred};
}

bool is_ascii_name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_name_char(char c) {
    return is_ascii_name_start(c) || is_digit(c);
}

/// Operators longest first within each length, so the first match is the longest.
constexpr std::array<std::string_view, 5> three_char_ops = {"**=", "//=", ">>=", "<<=", "..."};
constexpr std::array<std::string_view, 19> two_char_ops = {
    "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", ":=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="};
/// CPython's limits (Parser/tokenizer.h MAXINDENT, MAXLEVEL); they also bound the parser's
/// recursion depth.
constexpr size_t max_indent_levels = 100;
constexpr size_t max_bracket_depth = 200;

constexpr std::string_view one_char_ops = "+-*/%@&|^~<>=.,:;()[]{}";

class Lexer {
public:
    Lexer(std::string_view src, SourceLoc start, bool expression_mode)
        : src_(src), line_(start.line), col_(start.col), expression_mode_(expression_mode) {}

    /// Tokenizes everything, or up to the first error (then ERROR and END end the tokens).
    LexResult run() {
        try {
            read_all();
        } catch (LexFailure &failure) {
            if (failure.kind != LexErrorKind::UnclosedBracket) {
                push(TokenKind::Error, "", failure.error.loc);
            }
            push(TokenKind::End, "", here());
            return LexResult{std::move(tokens_), std::move(failure.error), failure.kind, std::move(warnings_)};
        }
        return LexResult{std::move(tokens_), std::nullopt, LexErrorKind::Immediate, std::move(warnings_)};
    }

private:
    struct OpenBracket {
        char ch;
        SourceLoc loc;
    };

    void read_all() {
        while (true) {
            if (at_line_start_ && brackets_.empty() && !expression_mode_) {
                read_indentation();
            }
            skip_blanks();
            if (eof()) {
                break;
            }
            const char c = cur();
            if (c == '#') {
                skip_comment();
            } else if (c == '\n' || c == '\r') {
                if (brackets_.empty() && !expression_mode_) {
                    push(TokenKind::Newline, "", here());
                    at_line_start_ = true;
                }
                advance();
            } else if (c == '\\') {
                read_continuation();
            } else if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
                read_number();
            } else if (c == '\'' || c == '"') {
                read_string(here(), "");
            } else if (is_ascii_name_start(c) || static_cast<unsigned char>(c) >= 0x80) {
                read_name();
            } else {
                read_operator();
            }
        }
        finish();
    }

    bool eof() const { return pos_ >= src_.size(); }
    char cur() const { return peek(0); }
    char peek(size_t ahead) const { return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0'; }
    SourceLoc here() const { return {line_, col_}; }

    /// Moves past one byte; a newline of any convention moves to the next line, and columns
    /// count code points (continuation bytes do not advance the column).
    void advance() {
        const char c = src_[pos_++];
        if (c == '\r' && cur() == '\n') {
            ++pos_;
        }
        if (c == '\n' || c == '\r') {
            ++line_;
            col_ = 1;
        } else if (eof() || (static_cast<unsigned char>(cur()) & 0xC0) != 0x80) {
            ++col_;
        }
    }

    void push(TokenKind kind, std::string text, SourceLoc loc) {
        Token t;
        t.kind = kind;
        t.text = std::move(text);
        t.loc = loc;
        tokens_.push_back(std::move(t));
    }

    void skip_blanks() {
        while (!eof() && (cur() == ' ' || cur() == '\t' || cur() == '\f')) {
            advance();
        }
    }

    void skip_comment() {
        while (!eof() && cur() != '\n' && cur() != '\r') {
            advance();
        }
    }

    /// At the start of a logical line outside brackets: skips blank and comment-only lines,
    /// measures the indentation and emits INDENT or DEDENTs against the indentation stack.
    void read_indentation() {
        int col = 0;
        int alt = 0; // the same indentation measured with tabs as one column
        while (true) {
            col = 0;
            alt = 0;
            while (!eof() && (cur() == ' ' || cur() == '\t' || cur() == '\f')) {
                if (cur() == ' ') {
                    ++col;
                    ++alt;
                } else if (cur() == '\t') {
                    col = (col / 8 + 1) * 8;
                    ++alt;
                } else {
                    col = 0;
                    alt = 0;
                }
                advance();
            }
            if (cur() == '#') {
                skip_comment();
            }
            if (eof()) {
                return;
            }
            if (cur() != '\n' && cur() != '\r') {
                break;
            }
            advance();
        }
        at_line_start_ = false;
        const SourceLoc loc = here();
        if (col == indents_.back()) {
            if (alt != alt_indents_.back()) {
                fail_tab(loc);
            }
        } else if (col > indents_.back()) {
            if (alt <= alt_indents_.back()) {
                fail_tab(loc);
            }
            if (indents_.size() > max_indent_levels) {
                fail_deferred(loc, "too many levels of indentation");
            }
            indents_.push_back(col);
            alt_indents_.push_back(alt);
            push(TokenKind::Indent, "", loc);
        } else {
            size_t depth = indents_.size() - 1;
            while (depth > 0 && col < indents_[depth]) {
                --depth;
            }
            if (col != indents_[depth]) {
                fail_deferred(loc, "unindent does not match any outer indentation level");
            }
            if (alt != alt_indents_[depth]) {
                fail_tab(loc);
            }
            while (indents_.size() > depth + 1) {
                indents_.pop_back();
                alt_indents_.pop_back();
                push(TokenKind::Dedent, "", loc);
            }
        }
    }

    [[noreturn]] static void fail_tab(SourceLoc loc) {
        fail_deferred({loc.line, 1}, "inconsistent use of tabs and spaces in indentation",
                      "indent with spaces only");
    }

    void read_continuation() {
        const SourceLoc loc = here();
        advance();
        if (eof()) {
            fail(loc, "unexpected EOF while parsing");
        }
        if (cur() != '\n' && cur() != '\r') {
            fail_deferred(here(), "unexpected character after line continuation character");
        }
        advance();
    }

    void read_name() {
        const SourceLoc loc = here();
        const size_t begin = pos_;
        while (!eof()) {
            const char c = cur();
            if (is_ascii_name_char(c)) {
                advance();
                continue;
            }
            if (static_cast<unsigned char>(c) < 0x80) {
                break;
            }
            size_t length = 0;
            const int32_t cp = decode_utf8(src_, pos_, length);
            if (cp < 0) {
                fail(here(),
                     fmt::format("invalid non-UTF-8 byte 0x{:02x}", static_cast<unsigned char>(c)));
            }
            if (!is_identifier_code_point(cp)) {
                if (pos_ == begin) {
                    fail(here(), fmt::format("invalid character '{}' (U+{:04X})",
                                             src_.substr(pos_, length), cp));
                }
                break;
            }
            for (size_t k = 0; k < length; ++k) {
                advance();
            }
        }
        const std::string_view word = src_.substr(begin, pos_ - begin);
        if ((cur() == '\'' || cur() == '"') && is_string_prefix(word)) {
            read_string(loc, word);
            return;
        }
        push(is_keyword(word) ? TokenKind::Keyword : TokenKind::Name, std::string(word), loc);
    }

    static bool is_string_prefix(std::string_view word) {
        if (word.empty() || word.size() > 2) {
            return false;
        }
        std::string lower;
        for (char c : word) {
            lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        return lower == "r" || lower == "u" || lower == "f" || lower == "b" || lower == "br" ||
               lower == "rb" || lower == "fr" || lower == "rf";
    }

    /// Reads a string literal whose prefix (possibly empty) started at `loc`.
    void read_string(SourceLoc loc, std::string_view prefix) {
        bool raw = false;
        bool formatted = false;
        for (char c : prefix) {
            raw = raw || c == 'r' || c == 'R';
            formatted = formatted || c == 'f' || c == 'F';
            if (c == 'b' || c == 'B') {
                fail(loc, "unsupported: bytes literals",
                     "racecheck models str values only; use a str literal");
            }
        }
        const char quote = cur();
        const bool triple = peek(1) == quote && peek(2) == quote;
        for (int k = 0; k < (triple ? 3 : 1); ++k) {
            advance();
        }
        const SourceLoc body_loc = here();
        const size_t body_begin = pos_;
        while (true) {
            if (eof()) {
                const bool after_newline = src_.back() == '\n' || src_.back() == '\r';
                fail(loc, fmt::format("unterminated {}string literal (detected at line {})",
                                      triple ? "triple-quoted " : "",
                                      after_newline ? line_ - 1 : line_));
            }
            const char c = cur();
            if (!triple && (c == '\n' || c == '\r')) {
                fail(loc, fmt::format("unterminated string literal (detected at line {})", line_));
            }
            if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
                break;
            }
            advance();
            if (c == '\\' && !eof()) {
                advance();
            }
        }
        const std::string_view body = src_.substr(body_begin, pos_ - body_begin);
        for (int k = 0; k < (triple ? 3 : 1); ++k) {
            advance();
        }
        Token t;
        t.loc = loc;
        if (formatted) {
            t.kind = TokenKind::FString;
            t.text = std::string(body);
            t.body_loc = body_loc;
            t.raw = raw;
        } else {
            t.kind = TokenKind::String;
            if (auto error = decode_escapes(body, body_loc, raw, t.text, &warnings_)) {
                throw LexFailure{std::move(*error), LexErrorKind::Immediate};
            }
        }
        tokens_.push_back(std::move(t));
    }

    void read_number() {
        const SourceLoc loc = here();
        NumberLiteral n = scan_number(src_, pos_);
        if (!n.error.empty()) {
            fail({loc.line, loc.col + static_cast<uint32_t>(n.error_at)}, std::move(n.error),
                 std::move(n.hint));
        }
        Token t;
        t.kind = n.kind;
        t.loc = loc;
        t.text = std::string(src_.substr(pos_, n.length));
        t.int_value = n.int_value;
        t.float_value = n.float_value;
        for (size_t k = 0; k < n.length; ++k) {
            advance();
        }
        tokens_.push_back(std::move(t));
    }

    void read_operator() {
        const SourceLoc loc = here();
        const char c = cur();
        for (std::string_view op : three_char_ops) {
            if (src_.substr(pos_, 3) == op) {
                emit_op(op, loc);
                return;
            }
        }
        for (std::string_view op : two_char_ops) {
            if (src_.substr(pos_, 2) == op) {
                emit_op(op, loc);
                return;
            }
        }
        if (one_char_ops.find(c) != std::string_view::npos) {
            track_bracket(c, loc);
            emit_op(src_.substr(pos_, 1), loc);
            return;
        }
        if (c == '\0') {
            fail(loc, "source code cannot contain null bytes");
        }
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            fail(loc, fmt::format("invalid non-printable character U+{:04X}",
                                  static_cast<unsigned char>(c)));
        }
        // `!`, `$`, `?` and backtick: a token no grammar rule accepts, so the parser reports
        // "invalid syntax" there, as CPython does.
        emit_op(src_.substr(pos_, 1), loc);
    }

    void emit_op(std::string_view op, SourceLoc loc) {
        for (size_t k = 0; k < op.size(); ++k) {
            advance();
        }
        push(TokenKind::Op, std::string(op), loc);
    }

    void track_bracket(char c, SourceLoc loc) {
        if (c == '(' || c == '[' || c == '{') {
            if (brackets_.size() >= max_bracket_depth) {
                fail(loc, "too many nested parentheses");
            }
            brackets_.push_back({c, loc});
            return;
        }
        if (c != ')' && c != ']' && c != '}') {
            return;
        }
        if (brackets_.empty()) {
            fail(loc, fmt::format("unmatched '{}'", c));
        }
        const OpenBracket open = brackets_.back();
        const char expected = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
        if (c != expected) {
            if (open.loc.line != loc.line) {
                fail(loc, fmt::format("closing parenthesis '{}' does not match opening "
                                      "parenthesis '{}' on line {}",
                                      c, open.ch, open.loc.line));
            }
            fail(loc, fmt::format("closing parenthesis '{}' does not match opening "
                                  "parenthesis '{}'",
                                  c, open.ch));
        }
        brackets_.pop_back();
    }

    void finish() {
        if (!brackets_.empty()) {
            throw LexFailure{CodeError{brackets_.back().loc,
                                       fmt::format("'{}' was never closed", brackets_.back().ch),
                                       ""},
                             LexErrorKind::UnclosedBracket};
        }
        const SourceLoc loc = here();
        if (expression_mode_ || (!tokens_.empty() && tokens_.back().kind != TokenKind::Newline &&
                                 tokens_.back().kind != TokenKind::Dedent)) {
            push(TokenKind::Newline, "", loc);
        }
        while (indents_.size() > 1) {
            indents_.pop_back();
            push(TokenKind::Dedent, "", loc);
        }
        push(TokenKind::End, "", loc);
    }

    std::string_view src_;
    size_t pos_ = 0;
    uint32_t line_;
    uint32_t col_;
    bool expression_mode_;
    bool at_line_start_ = true;
    std::vector<int> indents_{0};     // invariant: strictly increasing, starts with 0
    std::vector<int> alt_indents_{0}; // same depth as indents_, tabs counted as 1
    std::vector<OpenBracket> brackets_;
    std::vector<Token> tokens_;
    std::vector<CodeError> warnings_;
};

LexResult run_lexer(std::string_view text, SourceLoc start, bool expression_mode) {
    Lexer lexer(text, start, expression_mode);
    return lexer.run();
}

} // namespace

LexResult tokenize(std::string_view code) {
    return run_lexer(code, {1, 1}, false);
}

LexResult tokenize_expression(std::string_view text, SourceLoc start) {
    return run_lexer(text, start, true);
}

} // namespace rc
