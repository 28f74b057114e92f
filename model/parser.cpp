// The parser's entry points, token cursor and error reporting; the grammar lives in
// parse_stmt.cpp, parse_expr.cpp and parse_fstring.cpp.
#include "model/parser.hpp"

#include <utility> // move

#include "model/lexer.hpp"           // tokenize
#include "model/parser_internal.hpp" // Parser

namespace rc {

namespace parse {

namespace {
/// Guarded parse functions nest at most this deep: with the lexer's bracket limit this keeps
/// the parser's stack use bounded for any input.
constexpr int max_depth = 250;
} // namespace

Parser::Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

Parser::DepthGuard::DepthGuard(Parser& parser) : parser_(parser) {
    if (++parser_.depth_ > max_depth) {
        parser_.fail(parser_.tok().loc, "expression nested too deeply",
                     "split the expression into several statements");
    }
}

const Token& Parser::peek(size_t ahead) const {
    return tokens_[pos_ + ahead < tokens_.size() ? pos_ + ahead : tokens_.size() - 1];
}

const Token& Parser::next() {
    const Token& current = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) {
        ++pos_;
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

void Parser::expect_colon() {
    if (!accept_op(":")) {
        fail(tok().loc, "expected ':'");
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
    const Token& t = tok();
    switch (t.kind) {
    case TokenKind::Name:
    case TokenKind::Int:
    case TokenKind::Float:
    case TokenKind::String:
    case TokenKind::FString: return true;
    case TokenKind::Keyword:
        return t.text == "None" || t.text == "True" || t.text == "False" || t.text == "not" ||
               t.text == "lambda" || t.text == "await" || t.text == "yield";
    case TokenKind::Op:
        return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" ||
               t.text == "+" || t.text == "~" || t.text == "..." || t.text == "*";
    default: return false;
    }
}

void Parser::fail(SourceLoc loc, std::string message, std::string hint) const {
    throw ParseFailure{CodeError{loc, std::move(message), std::move(hint)}};
}

void Parser::fail_here() const {
    switch (tok().kind) {
    case TokenKind::Indent: fail(tok().loc, "unexpected indent");
    case TokenKind::End: fail(tok().loc, "unexpected EOF while parsing");
    default: fail(tok().loc, "invalid syntax");
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

std::variant<ast::Module, CodeError> parse_module(std::string_view code) {
    LexResult lexed = tokenize(code);
    if (lexed.error) {
        return std::move(*lexed.error);
    }
    try {
        parse::Parser parser(std::move(lexed.tokens));
        return parser.parse_file();
    } catch (parse::ParseFailure& failure) {
        return std::move(failure.error);
    }
}

} // namespace rc
