// Expressions, following Python 3's grammar and precedence: conditional < or < and < not <
// comparisons < | < ^ < & < shifts < + - < * / // % < unary < ** < primary.
#include <algorithm> // max
#include <string>  // messages
#include <utility> // move

#include "model/syntax/parser_internal.hpp" // Parser

namespace rc::parse {

namespace {

struct BinaryOp {
    std::string_view spelling;
    ast::BinOpKind kind;
};

constexpr BinaryOp shift_ops[] = {{"<<", ast::BinOpKind::LShift}, {">>", ast::BinOpKind::RShift}};
constexpr BinaryOp arith_ops[] = {{"+", ast::BinOpKind::Add}, {"-", ast::BinOpKind::Sub}};
constexpr BinaryOp term_ops[] = {{"*", ast::BinOpKind::Mul},
                                 {"/", ast::BinOpKind::Div},
                                 {"//", ast::BinOpKind::FloorDiv},
                                 {"%", ast::BinOpKind::Mod}};

template <size_t N> const BinaryOp *match_op(const Token &t, const BinaryOp (&ops)[N]) {
    if (t.kind != TokenKind::Op) {
        return nullptr;
    }
    for (const BinaryOp &op : ops) {
        if (t.text == op.spelling) {
            return &op;
        }
    }
    return nullptr;
}

ast::Expr make_binop(ast::BinOpKind kind, ast::Expr left, ast::Expr right) {
    const SourceLoc loc = left.loc;
    return make_expr(ast::BinOp{kind, box(std::move(left)), box(std::move(right))}, loc);
}

} // namespace

ast::Expr Parser::parse_testlist(StarUse star) {
    ast::Expr first = parse_item(star);
    if (!is_op(",")) {
        return first;
    }
    const SourceLoc loc = first.loc;
    ast::Tuple tuple;
    tuple.elts.push_back(std::move(first));
    while (accept_op(",")) {
        if (!starts_expression()) {
            break;
        }
        tuple.elts.push_back(parse_item(star));
    }
    return make_expr(std::move(tuple), loc);
}

ast::Expr Parser::parse_item(StarUse /*star: targets and displays parse alike*/, bool named) {
    if (is_op("*")) { // where a starred item may not be, check_target or the compiler says so
        const SourceLoc loc = next().loc;
        return make_expr(ast::Starred{box(parse_bitor())}, loc);
    }
    return named ? parse_named() : parse_test();
}

ast::Expr Parser::parse_named() {
    if (tok().kind == TokenKind::Name && peek(1).kind == TokenKind::Op && peek(1).text == ":=") {
        const Token &name = next();
        next();
        ast::Expr target = make_expr(ast::Name{name.text}, name.loc);
        ast::Expr value = parse_test();
        return make_expr(ast::NamedExpr{box(std::move(target)), box(std::move(value))}, name.loc);
    }
    ast::Expr e = parse_test();
    if (is_op(":=")) {
        check_named_target(e);
    }
    return e;
}

ast::Expr Parser::parse_yield() {
    const SourceLoc loc = next().loc;
    if (function_depth_ == 0) {
        fail(loc, "'yield' outside function");
    }
    if (comprehension_depth_ > 0) {
        fail(loc, "'yield' inside a comprehension or generator expression");
    }
    saw_yield_ = true;
    ast::Yield y;
    if (accept_keyword("from")) {
        y.from = true;
        y.value = box(parse_test());
    } else if (starts_expression()) {
        y.value = box(parse_testlist(StarUse::Display));
    }
    return make_expr(std::move(y), loc);
}

namespace {

void mark_annotation(ast::Expr& e) {
    if (auto* s = std::get_if<ast::Subscript>(&e.node)) {
        s->annotation = true;
        mark_annotation(*s->value);
        mark_annotation(*s->index);
    } else if (auto* b = std::get_if<ast::BinOp>(&e.node)) {
        if (b->op == ast::BinOpKind::BitOr) b->annotation = true;
        mark_annotation(*b->left);
        mark_annotation(*b->right);
    } else if (auto* t = std::get_if<ast::Tuple>(&e.node)) {
        for (ast::Expr& x : t->elts) mark_annotation(x);
    } else if (auto* l = std::get_if<ast::List>(&e.node)) { // Callable[[int], str]
        for (ast::Expr& x : l->elts) mark_annotation(x);
    }
}

} // namespace

ast::Expr Parser::parse_annotation() {
    ast::Expr e = parse_test();
    mark_annotation(e);
    return e;
}

ast::Expr Parser::parse_test() {
    DepthGuard guard(*this);
    if (is_keyword("lambda")) {
        const SourceLoc loc = next().loc;
        auto def = std::make_shared<ast::FunctionDef>();
        def->name = "<lambda>";
        parse_params(*def, ":", false);
        expect_op(":");
        ast::Expr body = parse_test();
        const SourceLoc body_loc = body.loc;
        ast::Return ret;
        ret.value = std::move(body);
        def->body.push_back(make_stmt(std::move(ret), body_loc));
        ast::Lambda lambda;
        lambda.height = def->body.back().height;
        for (const ast::Param &p : def->params) {
            if (p.default_value) {
                lambda.height = std::max(lambda.height, p.default_value->height);
            }
        }
        lambda.height += 1;
        lambda.def = def;
        return make_expr(std::move(lambda), loc);
    }
    if (is_keyword("yield")) {
        return parse_yield();
    }
    ast::Expr body = parse_or();
    if (!is_keyword("if")) {
        return body;
    }
    next();
    ast::Expr test = parse_or();
    if (!accept_keyword("else")) {
        if (is_op(":")) {
            fail_here(); // CPython's rule excludes a following ':'
        }
        fail(body.loc, "expected 'else' after 'if' expression");
    }
    ast::Expr orelse = parse_test();
    const SourceLoc loc = body.loc;
    return make_expr(ast::IfExp{box(std::move(test)), box(std::move(body)), box(std::move(orelse))},
                     loc);
}

ast::Expr Parser::parse_or() {
    ast::Expr first = parse_and();
    if (!is_keyword("or")) {
        return first;
    }
    const SourceLoc loc = first.loc;
    ast::BoolOp op{ast::BoolOpKind::Or, {}};
    op.values.push_back(std::move(first));
    while (accept_keyword("or")) {
        op.values.push_back(parse_and());
    }
    return make_expr(std::move(op), loc);
}

ast::Expr Parser::parse_and() {
    ast::Expr first = parse_not();
    if (!is_keyword("and")) {
        return first;
    }
    const SourceLoc loc = first.loc;
    ast::BoolOp op{ast::BoolOpKind::And, {}};
    op.values.push_back(std::move(first));
    while (accept_keyword("and")) {
        op.values.push_back(parse_not());
    }
    return make_expr(std::move(op), loc);
}

ast::Expr Parser::parse_not() {
    if (!is_keyword("not")) {
        return parse_comparison();
    }
    DepthGuard guard(*this);
    const SourceLoc loc = next().loc;
    return make_expr(ast::UnaryOp{ast::UnaryOpKind::Not, box(parse_not())}, loc);
}

ast::Expr Parser::parse_comparison() {
    ast::Expr left = parse_bitor();
    ast::Compare compare;
    while (true) {
        const Token &t = tok();
        ast::CmpOpKind op{};
        if (t.kind == TokenKind::Op) {
            if (t.text == "==") {
                op = ast::CmpOpKind::Eq;
            } else if (t.text == "!=") {
                op = ast::CmpOpKind::NotEq;
            } else if (t.text == "<") {
                op = ast::CmpOpKind::Lt;
            } else if (t.text == "<=") {
                op = ast::CmpOpKind::LtE;
            } else if (t.text == ">") {
                op = ast::CmpOpKind::Gt;
            } else if (t.text == ">=") {
                op = ast::CmpOpKind::GtE;
            } else {
                break;
            }
            next();
        } else if (is_keyword("in")) {
            op = ast::CmpOpKind::In;
            next();
        } else if (is_keyword("is")) {
            next();
            op = accept_keyword("not") ? ast::CmpOpKind::IsNot : ast::CmpOpKind::Is;
        } else if (is_keyword("not") && peek(1).kind == TokenKind::Keyword &&
                   peek(1).text == "in") {
            next();
            next();
            op = ast::CmpOpKind::NotIn;
        } else {
            break;
        }
        compare.ops.push_back(op);
        compare.comparators.push_back(parse_bitor());
    }
    if (compare.ops.empty()) {
        return left;
    }
    const SourceLoc loc = left.loc;
    compare.left = box(std::move(left));
    return make_expr(std::move(compare), loc);
}

ast::Expr Parser::parse_bitor() {
    ast::Expr left = parse_bitxor();
    while (accept_op("|")) {
        left = make_binop(ast::BinOpKind::BitOr, std::move(left), parse_bitxor());
    }
    return left;
}

ast::Expr Parser::parse_bitxor() {
    ast::Expr left = parse_bitand();
    while (accept_op("^")) {
        left = make_binop(ast::BinOpKind::BitXor, std::move(left), parse_bitand());
    }
    return left;
}

ast::Expr Parser::parse_bitand() {
    ast::Expr left = parse_shift();
    while (accept_op("&")) {
        left = make_binop(ast::BinOpKind::BitAnd, std::move(left), parse_shift());
    }
    return left;
}

ast::Expr Parser::parse_shift() {
    ast::Expr left = parse_arith();
    while (const BinaryOp *op = match_op(tok(), shift_ops)) {
        next();
        left = make_binop(op->kind, std::move(left), parse_arith());
    }
    return left;
}

ast::Expr Parser::parse_arith() {
    ast::Expr left = parse_term();
    while (const BinaryOp *op = match_op(tok(), arith_ops)) {
        next();
        left = make_binop(op->kind, std::move(left), parse_term());
    }
    return left;
}

ast::Expr Parser::parse_term() {
    ast::Expr left = parse_factor();
    while (true) {
        if (is_op("@")) {
            fail(tok().loc, "unsupported: matrix multiplication (@)",
                 "racecheck models int, float, str, list, tuple and dict values only");
        }
        const BinaryOp *op = match_op(tok(), term_ops);
        if (op == nullptr) {
            return left;
        }
        next();
        left = make_binop(op->kind, std::move(left), parse_factor());
    }
}

ast::Expr Parser::parse_factor() {
    ast::UnaryOpKind kind{};
    if (is_op("-")) {
        kind = ast::UnaryOpKind::Neg;
    } else if (is_op("+")) {
        kind = ast::UnaryOpKind::Pos;
    } else if (is_op("~")) {
        kind = ast::UnaryOpKind::Invert;
    } else {
        return parse_power();
    }
    DepthGuard guard(*this);
    const SourceLoc loc = next().loc;
    return make_expr(ast::UnaryOp{kind, box(parse_factor())}, loc);
}

ast::Expr Parser::parse_power() {
    if (is_keyword("await")) {
        fail(tok().loc, "unsupported: async",
             "racecheck models threading code; call the function directly from a thread");
    }
    ast::Expr base = parse_primary();
    if (!accept_op("**")) {
        return base;
    }
    DepthGuard guard(*this);
    return make_binop(ast::BinOpKind::Pow, std::move(base), parse_factor());
}

ast::Expr Parser::parse_primary() {
    ast::Expr value = parse_atom();
    while (true) {
        if (is_op("(")) {
            value = parse_call(std::move(value));
        } else if (is_op("[")) {
            value = parse_subscript(std::move(value));
        } else if (accept_op(".")) {
            const SourceLoc loc = value.loc;
            std::string attr = expect_name();
            value = make_expr(ast::Attribute{box(std::move(value)), std::move(attr)}, loc);
        } else {
            return value;
        }
    }
}

ast::Expr Parser::parse_atom() {
    const Token &t = tok();
    switch (t.kind) {
    case TokenKind::Name:
        return make_expr(ast::Name{next().text}, t.loc);
    case TokenKind::Int:
        return make_expr(ast::Constant{next().int_value}, t.loc);
    case TokenKind::Float:
        return make_expr(ast::Constant{next().float_value}, t.loc);
    case TokenKind::String:
    case TokenKind::FString:
        return parse_strings();
    case TokenKind::Keyword:
        if (t.text == "None") {
            return make_expr(ast::Constant{ast::NoneLit{}}, next().loc);
        }
        if (t.text == "True" || t.text == "False") {
            const bool value = t.text == "True";
            return make_expr(ast::Constant{value}, next().loc);
        }
        if (t.text == "lambda" || t.text == "yield") {
            return parse_test(); // reports the refusal
        }
        if (t.text == "await") {
            return parse_power(); // reports the refusal
        }
        break;
    case TokenKind::Op:
        if (t.text == "(") {
            return parse_paren();
        }
        if (t.text == "[") {
            return parse_list();
        }
        if (t.text == "{") {
            return parse_brace();
        }
        if (t.text == "...") {
            fail(t.loc, "unsupported: Ellipsis (...)", "write pass for an empty body");
        }
        break;
    default:
        break;
    }
    fail_here();
}

} // namespace rc::parse
