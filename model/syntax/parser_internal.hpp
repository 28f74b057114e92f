// The parser's internal state, shared by parser.cpp (token cursor, errors, entry points),
// parse_stmt.cpp, parse_expr.cpp and parse_fstring.cpp. Not part of the model's interface:
// only parse_module (model/syntax/parser.hpp) is.
#pragma once

#include <cstddef>     // size_t
#include <cstdint>     // uint32_t
#include <memory>      // make_unique for boxes
#include <optional>    // the lexer's error
#include <string>      // messages
#include <string_view> // operator and keyword spellings
#include <utility>     // move
#include <variant>     // f-string parts
#include <vector>      // token list

#include "model/syntax/ast.hpp"        // AST nodes
#include "model/scenario/code_error.hpp" // CodeError
#include "model/syntax/lexer.hpp"      // Token

namespace rc::parse {

/// Thrown inside the parser; caught by parse_module and turned into a returned CodeError.
struct ParseFailure {
    CodeError error;
    uint32_t token_line = 0; // line of the token the parser had reached
};

inline ast::ExprPtr box(ast::Expr expr) {
    return std::make_unique<ast::Expr>(std::move(expr));
}

/// Refuses a node nested deeper than ast::kMaxNesting, at the node's first token.
[[noreturn]] void fail_too_deep(SourceLoc loc, const char *what);

/// Every expression and statement is built through these two, which keep the height invariant
/// (ast.hpp): a chain built in a loop (`1 + 1 + ...`, `a.b.c...`, `f()()...`) is refused when it
/// passes the limit, before anything recurses over it.
template <class Node> ast::Expr make_expr(Node node, SourceLoc loc) {
    ast::Expr e{std::move(node), loc};
    e.height = ast::height_of(e.node);
    if (e.height > ast::kMaxNesting) {
        fail_too_deep(loc, "expression");
    }
    return e;
}

template <class Node> ast::Stmt make_stmt(Node node, SourceLoc loc) {
    ast::Stmt s{std::move(node), loc};
    s.height = ast::height_of(s.node);
    if (s.height > ast::kMaxNesting) {
        fail_too_deep(loc, "statement");
    }
    return s;
}

/// What a `*` at the start of an item would mean there; each is refused with its own message.
enum class StarUse { Target, Display };

/// The contexts that check_target validates a target expression for; they differ only in
/// CPython's message for an invalid target.
enum class TargetUse {
    Assign,     // `for` / `with ... as` / comprehension targets, chained `=` targets
    AssignHere, // the single target of `target = value` ("... here. Maybe you meant '=='")
    AugAssign,
    Delete,
};

class Parser {
public:
    /// `tokens` must end with END. If they hold an ERROR token, `lex_error` is what reaching
    /// it reports.
    Parser(std::vector<Token> tokens, std::optional<CodeError> lex_error);

    ast::Module parse_file();
    /// SyntaxWarnings met while parsing (invalid escapes in f-strings' literal text).
    std::vector<CodeError> warnings;
    /// The expression of an f-string replacement field: a testlist, then NEWLINE and END.
    ast::Expr parse_field_expression();

private:
    // ---- token cursor and errors (parser.cpp) ----
    const Token &tok() const { return tokens_[pos_]; }
    const Token &peek(size_t ahead) const;
    const Token &next();
    bool is_op(std::string_view op) const;
    bool is_keyword(std::string_view word) const;
    bool accept_op(std::string_view op);
    bool accept_keyword(std::string_view word);
    void expect_op(std::string_view op);
    /// `:` after a compound statement's header. CPython says "expected ':'" only before a
    /// NEWLINE unless its grammar forces the colon (`forced`: def, else, try, finally).
    void expect_colon(bool forced = false);
    /// Records an error CPython finds after parsing (in its symbol table or compiler): it is
    /// reported only if the whole module parses.
    void late_error(SourceLoc loc, std::string message);
    /// Whether an expression can be parsed at the current token (the position is kept).
    bool expression_parses();
    void expect_newline();
    std::string expect_name();
    bool starts_expression() const;
    /// Throws the error, or the lexer's if the current token is the ERROR token.
    [[noreturn]] void fail(SourceLoc loc, std::string message, std::string hint = {}) const;
    /// "invalid syntax" (or what an INDENT, ERROR or END there means) at the furthest token
    /// the parser has reached, as CPython reports it.
    [[noreturn]] void fail_here() const;
    /// Expects `close` after the item `last` of a bracketed list; CPython's "Perhaps you forgot
    /// a comma?" if another expression follows instead.
    void expect_closing(std::string_view close, const ast::Expr &last);
    /// True if a top-level `=` follows the current token on this logical line.
    bool assignment_follows() const;
    /// Bounds recursion so that no input can exhaust the stack.
    class DepthGuard {
    public:
        explicit DepthGuard(Parser &parser);
        ~DepthGuard() { --parser_.depth_; }
        DepthGuard(const DepthGuard &) = delete;
        DepthGuard &operator=(const DepthGuard &) = delete;

    private:
        Parser &parser_;
    };

    // ---- statements (parse_stmt.cpp) ----
    void parse_statement(ast::StmtList &out);
    void parse_simple_statements(ast::StmtList &out);
    ast::Stmt parse_small_statement();
    ast::Stmt parse_expression_statement();
    ast::StmtList parse_block(const std::string &after);
    ast::Stmt parse_if(const Token &keyword);
    ast::Stmt parse_while();
    ast::Stmt parse_for();
    ast::Stmt parse_try();
    ast::Stmt parse_with();
    ast::WithItem parse_with_item();
    ast::Stmt parse_def();
    /// A def's (annotations allowed) or a lambda's parameter list up to `close` (not consumed).
    void parse_params(ast::FunctionDef &def, const char *close, bool annotations);
    ast::Stmt parse_class();
    ast::Stmt parse_import();
    ast::Stmt parse_from_import();
    std::string parse_dotted_name();
    ast::StmtList parse_loop_body(const std::string &after);
    bool at_match_statement() const;

    // ---- expressions (parse_expr.cpp) ----
    ast::Expr parse_testlist(StarUse star);
    /// An item of a testlist or display: `*expr` (ast::Starred) or an expression; `named`: also
    /// `name := expr` (where CPython's grammar has named_expression).
    ast::Expr parse_item(StarUse star, bool named = false);
    /// `name := test` or a test (if/elif/while conditions, call arguments, display items).
    ast::Expr parse_named();
    /// `expr :=` where expr is not a name: CPython's "cannot use assignment expressions with …".
    [[noreturn]] void check_named_target(const ast::Expr &target) const;
    ast::Expr parse_test();
    /// `yield [testlist]` or `yield from test`, at the `yield` keyword.
    ast::Expr parse_yield();
    /// Parses a type annotation (`x: int`, `def f(a: int) -> str`); its subscripts and `|`
    /// are marked, since they build generic aliases and unions of types there.
    ast::Expr parse_annotation();
    ast::Expr parse_or();
    ast::Expr parse_and();
    ast::Expr parse_not();
    ast::Expr parse_comparison();
    ast::Expr parse_bitor();
    ast::Expr parse_bitxor();
    ast::Expr parse_bitand();
    ast::Expr parse_shift();
    ast::Expr parse_arith();
    ast::Expr parse_term();
    ast::Expr parse_factor();
    ast::Expr parse_power();
    ast::Expr parse_primary();
    ast::Expr parse_atom();
    ast::Expr parse_paren();
    ast::Expr parse_list();
    ast::Expr parse_brace();
    ast::Expr parse_call(ast::Expr func);
    ast::Expr parse_subscript(ast::Expr value);
    ast::Expr parse_subscript_item();
    std::vector<ast::Comprehension> parse_comprehensions();
    /// A `for` target list: bitwise-or level items, a Tuple if there is a comma.
    ast::Expr parse_target_list();
    /// Throws the CPython error for an expression that cannot be a target in `use`.
    void check_target(const ast::Expr &target, TargetUse use) const;

    // ---- strings (parse_fstring.cpp) ----
    ast::Expr parse_strings();
    void parse_fstring_body(const Token &token,
                            std::vector<std::variant<std::string, ast::FormattedValue>> &parts);

    std::vector<Token> tokens_;
    std::optional<CodeError> lex_error_;
    std::optional<CodeError> late_error_; // the first error found by late_error
    size_t furthest_ = 0;    // the furthest token reached, where "invalid syntax" is reported
    size_t pos_ = 0;         // invariant: < tokens_.size(); tokens_.back() is END
    int depth_ = 0;          // current nesting of guarded parse functions
    int function_depth_ = 0; // > 0 inside a def body
    int class_depth_ = 0;    // > 0 inside a class body
    int loop_depth_ = 0;     // enclosing loops within the current function (or module)
    int comprehension_depth_ = 0; // > 0 inside a comprehension or generator expression
    bool saw_yield_ = false; // the def being parsed has a yield
};

/// Turns each `@dataclass` module-level class into the class with the methods the decorator
/// makes (model/syntax/dataclasses.cpp); throws ParseFailure for what it does not model.
void rewrite_dataclasses(ast::Module &module);

} // namespace rc::parse
