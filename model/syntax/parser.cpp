// The parser's entry points, token cursor and error reporting; the grammar lives in
// parse_stmt.cpp, parse_expr.cpp and parse_fstring.cpp.
#include "model/syntax/parser.hpp"

#include <algorithm> // stable_sort (warnings)
#include <cstdint>   // uint32_t
#include <utility> // move

#include "model/syntax/lexer.hpp"           // tokenize
#include "model/syntax/parser_internal.hpp" // Parser

namespace rc {

namespace parse {

namespace {
/// Guarded parse functions nest at most this deep: with the lexer's bracket limit this keeps
/// the parser's stack use bounded for any input.
constexpr int max_depth = 250;
} // namespace

void fail_too_deep(SourceLoc loc, const char *what) {
    throw ParseFailure{
        CodeError{loc, std::string(what) + " nested too deeply (more than " +
                           std::to_string(ast::kMaxNesting) + " levels)",
                  "racecheck compiles code nested up to " + std::to_string(ast::kMaxNesting) +
                      " levels (each operator, call, attribute, block and elif is one); split "
                      "it into several statements"},
        loc.line};
}

Parser::Parser(std::vector<Token> tokens, std::optional<CodeError> lex_error)
    : tokens_(std::move(tokens)), lex_error_(std::move(lex_error)) {}

Parser::DepthGuard::DepthGuard(Parser &parser) : parser_(parser) {
    if (++parser_.depth_ > max_depth) {
        parser_.fail(parser_.tok().loc, "expression nested too deeply",
                     "split the expression into several statements");
    }
}

const Token &Parser::peek(size_t ahead) const {
    return tokens_[pos_ + ahead < tokens_.size() ? pos_ + ahead : tokens_.size() - 1];
}

const Token &Parser::next() {
    const Token &current = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) {
        ++pos_;
        furthest_ = pos_ > furthest_ ? pos_ : furthest_;
    }
    return current;
}

bool Parser::is_op(std::string_view op) const {
    return tok().kind == TokenKind::Op && tok().text == op;
}

bool Parser::is_keyword(std::string_view word) const {
    return tok().kind == TokenKind::Keyword && tok().text == word;
}

bool Parser::accept_op(std::string_view op) {
    if (!is_op(op)) {
        return false;
    }
    next();
    return true;
}

bool Parser::accept_keyword(std::string_view word) {
    if (!is_keyword(word)) {
        return false;
    }
    next();
    return true;
}

void Parser::expect_op(std::string_view op) {
    if (!accept_op(op)) {
        fail_here();
    }
}

void Parser::expect_colon(bool forced) {
    if (accept_op(":")) {
        return;
    }
    if (forced || tok().kind == TokenKind::Newline) {
        fail(tok().loc, "expected ':'");
    }
    fail_here();
}

void Parser::expect_closing(std::string_view close, const ast::Expr &last) {
    if (accept_op(close)) {
        return;
    }
    // CPython's invalid_expression rule, which excludes a name followed by a string.
    const bool name_then_string =
        std::holds_alternative<ast::Name>(last.node) &&
        (tok().kind == TokenKind::String || tok().kind == TokenKind::FString);
    if (starts_expression() && !is_op("*") && !name_then_string && expression_parses()) {
        fail(last.loc, "invalid syntax. Perhaps you forgot a comma?");
    }
    fail_here();
}

void Parser::late_error(SourceLoc loc, std::string message) {
    if (!late_error_) {
        late_error_ = CodeError{loc, std::move(message), ""};
    }
}

bool Parser::expression_parses() {
    const size_t saved = pos_;
    bool parses = true;
    try {
        parse_or(); // CPython's expression rule falls back to a bare disjunction
    } catch (const ParseFailure &) {
        parses = false;
    }
    pos_ = saved;
    return parses;
}

bool Parser::assignment_follows() const {
    int depth = 0;
    for (size_t ahead = 1;; ++ahead) {
        const Token &t = peek(ahead);
        if (t.kind == TokenKind::Newline || t.kind == TokenKind::End ||
            t.kind == TokenKind::Error) {
            return false;
        }
        if (t.kind != TokenKind::Op) {
            continue;
        }
        if (t.text == "(" || t.text == "[" || t.text == "{") {
            ++depth;
        } else if (t.text == ")" || t.text == "]" || t.text == "}") {
            --depth;
        } else if (depth <= 0 && (t.text == ";")) {
            return false;
        } else if (depth <= 0 && t.text == "=") {
            return true;
        }
    }
}

void Parser::expect_newline() {
    if (tok().kind != TokenKind::Newline) {
        fail_here();
    }
    next();
}

std::string Parser::expect_name() {
    if (tok().kind != TokenKind::Name) {
        fail_here();
    }
    return next().text;
}

bool Parser::starts_expression() const {
    const Token &t = tok();
    switch (t.kind) {
    case TokenKind::Name:
    case TokenKind::Int:
    case TokenKind::Float:
    case TokenKind::String:
    case TokenKind::FString:
        return true;
    case TokenKind::Keyword:
        return t.text == "None" || t.text == "True" || t.text == "False" || t.text == "not" ||
               t.text == "lambda" || t.text == "await" || t.text == "yield";
    case TokenKind::Op:
        return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" || t.text == "+" ||
               t.text == "~" || t.text == "..." || t.text == "*";
    default:
        return false;
    }
}

void Parser::fail(SourceLoc loc, std::string message, std::string hint) const {
    if (tok().kind == TokenKind::Error && lex_error_) {
        // CPython's tokenizer raises it on reading the token
        throw ParseFailure{*lex_error_, tok().loc.line};
    }
    throw ParseFailure{CodeError{loc, std::move(message), std::move(hint)}, tok().loc.line};
}

void Parser::fail_here() const {
    const Token &t = tokens_[furthest_ > pos_ ? furthest_ : pos_];
    switch (t.kind) {
    case TokenKind::Indent:
        fail(t.loc, "unexpected indent");
    case TokenKind::End:
        fail(t.loc, "unexpected EOF while parsing");
    default:
        fail(t.loc, "invalid syntax");
    }
}

ast::Module Parser::parse_file() {
    ast::Module module;
    while (tok().kind != TokenKind::End) {
        if (tok().kind == TokenKind::Newline) {
            next();
            continue;
        }
        parse_statement(module.body);
    }
    if (late_error_) {
        throw ParseFailure{*late_error_, tok().loc.line};
    }
    return module;
}

ast::Expr Parser::parse_field_expression() {
    ast::Expr value = parse_testlist(StarUse::Display);
    expect_newline();
    if (tok().kind != TokenKind::End) {
        fail_here();
    }
    return value;
}

} // namespace parse

namespace {

/// Which error CPython reports when the parser fails before reaching a lexical error
/// (Parser/pegen_errors.c: _PyPegen_set_syntax_error and
/// _PyPegen_tokenize_full_source_to_check_for_errors).
CodeError earlier_of(parse::ParseFailure failure, const LexResult &lexed) {
    CodeError syntax = std::move(failure.error);
    if (!lexed.error) {
        return syntax;
    }
    switch (lexed.error_kind) {
    case LexErrorKind::Immediate:
        return syntax.message == "unexpected indent" ? syntax : *lexed.error;
    case LexErrorKind::UnclosedBracket: {
        const bool later = failure.token_line > lexed.error->loc.line ||
                           syntax.message == "unexpected EOF while parsing";
        return later ? *lexed.error : syntax;
    }
    case LexErrorKind::Deferred:
        return syntax;
    }
    return syntax;
}

} // namespace

std::variant<ast::Module, CodeError> parse_module(std::string_view code) {
    LexResult lexed = tokenize(code);
    try {
        parse::Parser parser(std::move(lexed.tokens), lexed.error);
        ast::Module module = parser.parse_file();
        module.warnings = std::move(lexed.warnings);
        module.warnings.insert(module.warnings.end(), parser.warnings.begin(), parser.warnings.end());
        std::stable_sort(module.warnings.begin(), module.warnings.end(), [](const CodeError& a, const CodeError& b) {
            return a.loc.line != b.loc.line ? a.loc.line < b.loc.line : a.loc.col < b.loc.col;
        });
        parse::rewrite_dataclasses(module);
        return module;
    } catch (parse::ParseFailure &failure) {
        return earlier_of(std::move(failure), lexed);
    }
}

} // namespace rc
