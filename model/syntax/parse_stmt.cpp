// Statements: simple statements separated by `;`, compound statements with indented or
// same-line bodies, and the refusal of statements outside racecheck's subset. One file: every
// statement parser shares the block and target helpers here (expressions are parse_expr.cpp).
#include <fmt/format.h> // block names in messages
#include <string>       // names
#include <utility>      // move

#include "model/syntax/parser_internal.hpp" // Parser

namespace rc::parse {

namespace {

/// An augmented assignment operator's BinOpKind, or false.
bool aug_assign_op(const Token &t, ast::BinOpKind &kind) {
    struct AugOp {
        std::string_view spelling;
        ast::BinOpKind kind;
    };
    static constexpr AugOp ops[] = {
        {"+=", ast::BinOpKind::Add},       {"-=", ast::BinOpKind::Sub},
        {"*=", ast::BinOpKind::Mul},       {"/=", ast::BinOpKind::Div},
        {"//=", ast::BinOpKind::FloorDiv}, {"%=", ast::BinOpKind::Mod},
        {"**=", ast::BinOpKind::Pow},      {"&=", ast::BinOpKind::BitAnd},
        {"|=", ast::BinOpKind::BitOr},     {"^=", ast::BinOpKind::BitXor},
        {"<<=", ast::BinOpKind::LShift},   {">>=", ast::BinOpKind::RShift}};
    if (t.kind != TokenKind::Op) {
        return false;
    }
    for (const AugOp &op : ops) {
        if (t.text == op.spelling) {
            kind = op.kind;
            return true;
        }
    }
    return false;
}

std::string statement_on_line(std::string_view keyword, SourceLoc loc) {
    return fmt::format("'{}' statement on line {}", keyword, loc.line);
}

} // namespace

void Parser::parse_statement(ast::StmtList &out) {
    const Token &t = tok();
    if (t.kind == TokenKind::Op && t.text == "@") {
        std::vector<ast::Expr> decorators;
        while (accept_op("@")) {
            decorators.push_back(parse_test());
            expect_newline();
        }
        if (is_keyword("class")) {
            ast::Stmt cls = parse_class();
            std::get<ast::ClassDef>(cls.node).decorators = std::move(decorators);
            cls.height = ast::height_of(cls.node);
            out.push_back(std::move(cls));
            return;
        }
        if (!is_keyword("def")) {
            fail_here();
        }
        ast::Stmt def = parse_def();
        std::get<ast::FunctionDef>(def.node).decorators = std::move(decorators);
        def.height = ast::height_of(def.node);
        out.push_back(std::move(def));
        return;
    }
    if (t.kind == TokenKind::Name && t.text == "match" && at_match_statement()) {
        fail(t.loc, "unsupported: match statements", "use an if/elif chain instead");
    }
    if (t.kind != TokenKind::Keyword) {
        parse_simple_statements(out);
        return;
    }
    if (t.text == "if") {
        out.push_back(parse_if(next()));
    } else if (t.text == "while") {
        out.push_back(parse_while());
    } else if (t.text == "for") {
        out.push_back(parse_for());
    } else if (t.text == "try") {
        out.push_back(parse_try());
    } else if (t.text == "with") {
        out.push_back(parse_with());
    } else if (t.text == "def") {
        out.push_back(parse_def());
    } else if (t.text == "class") {
        out.push_back(parse_class());
    } else if (t.text == "async") {
        fail(t.loc, "unsupported: async",
             "racecheck models threading code; use threads instead of coroutines");
    } else {
        parse_simple_statements(out);
    }
}

bool Parser::at_match_statement() const {
    const Token &after = peek(1);
    if (after.kind == TokenKind::Newline || after.kind == TokenKind::End) {
        return false;
    }
    if (after.kind == TokenKind::Op && after.text != "(" && after.text != "[" &&
        after.text != "{" && after.text != "-") {
        return false;
    }
    size_t ahead = 1;
    while (peek(ahead).kind != TokenKind::Newline && peek(ahead).kind != TokenKind::End) {
        ++ahead;
    }
    const Token &last = peek(ahead - 1);
    return last.kind == TokenKind::Op && last.text == ":";
}

void Parser::parse_simple_statements(ast::StmtList &out) {
    while (true) {
        out.push_back(parse_small_statement());
        if (!accept_op(";") || tok().kind == TokenKind::Newline) {
            break;
        }
    }
    expect_newline();
}

ast::Stmt Parser::parse_small_statement() {
    const Token &t = tok();
    const SourceLoc loc = t.loc;
    if (t.kind != TokenKind::Keyword) {
        return parse_expression_statement();
    }
    const std::string &word = t.text;
    if (word == "pass") {
        next();
        return make_stmt(ast::Pass{}, loc);
    }
    if (word == "break" || word == "continue") {
        if (loop_depth_ == 0) {
            late_error(loc, word == "break" ? "'break' outside loop"
                                            : "'continue' not properly in loop");
        }
        const bool is_break = word == "break";
        next();
        return is_break ? make_stmt(ast::Break{}, loc) : make_stmt(ast::Continue{}, loc);
    }
    if (word == "return") {
        if (function_depth_ == 0) {
            late_error(loc, "'return' outside function");
        }
        next();
        ast::Return ret;
        if (starts_expression()) {
            ret.value = parse_testlist(StarUse::Display);
        }
        return make_stmt(std::move(ret), loc);
    }
    if (word == "global" || word == "nonlocal") {
        next();
        ast::Global global;
        global.nonlocal = word == "nonlocal";
        global.names.push_back(expect_name());
        while (accept_op(",")) {
            global.names.push_back(expect_name());
        }
        return make_stmt(std::move(global), loc);
    }
    if (word == "del") {
        next();
        ast::Delete del;
        do {
            if (!starts_expression() && !is_op("*")) {
                break;
            }
            ast::Expr target = is_op("*") ? parse_item(StarUse::Target) : parse_bitor();
            check_target(target, TargetUse::Delete);
            del.targets.push_back(std::move(target));
        } while (accept_op(","));
        if (del.targets.empty()) {
            fail_here();
        }
        return make_stmt(std::move(del), loc);
    }
    if (word == "import") {
        return parse_import();
    }
    if (word == "from") {
        return parse_from_import();
    }
    if (word == "raise") {
        next();
        ast::Raise raise;
        if (starts_expression()) {
            raise.exc = parse_test();
            if (is_keyword("from")) {
                fail(tok().loc, "unsupported: exception chaining (raise ... from ...)",
                     "raise the new exception without 'from'");
            }
        }
        return make_stmt(std::move(raise), loc);
    }
    if (word == "assert") {
        next();
        ast::Expr test = parse_test();
        std::optional<ast::Expr> msg;
        if (accept_op(",")) {
            msg = parse_test();
        }
        return make_stmt(ast::Assert{std::move(test), std::move(msg)}, loc);
    }
    return parse_expression_statement();
}

ast::Stmt Parser::parse_expression_statement() {
    const SourceLoc loc = tok().loc;
    const bool print_word = tok().kind == TokenKind::Name && tok().text == "print";
    if (is_keyword("yield")) { // `yield x` as a statement
        ast::Expr y = parse_yield();
        return make_stmt(ast::ExprStmt{std::move(y)}, loc);
    }
    ast::Expr first = parse_testlist(StarUse::Target);
    if (is_op(":")) { // an annotated assignment
        if (!std::holds_alternative<ast::Name>(first.node) &&
            !std::holds_alternative<ast::Attribute>(first.node) &&
            !std::holds_alternative<ast::Subscript>(first.node)) {
            fail(first.loc, std::holds_alternative<ast::Tuple>(first.node)
                                ? "only single target (not tuple) can be annotated"
                                : "illegal target for annotation");
        }
        next();
        ast::AnnAssign ann;
        ast::Expr annotation = parse_annotation();
        if (function_depth_ == 0) ann.annotation = std::move(annotation);
        check_target(first, TargetUse::Assign);
        if (accept_op("=")) ann.value = is_keyword("yield") ? parse_yield() : parse_testlist(StarUse::Display);
        ann.target = std::move(first);
        return make_stmt(std::move(ann), loc);
    }
    if (is_op("@=")) {
        fail(tok().loc, "unsupported: matrix multiplication (@)",
             "racecheck models int, float, str, list, tuple and dict values only");
    }
    ast::BinOpKind op{};
    if (aug_assign_op(tok(), op)) {
        check_target(first, TargetUse::AugAssign);
        next();
        ast::Expr value = parse_testlist(StarUse::Display);
        return make_stmt(ast::AugAssign{std::move(first), op, std::move(value)}, loc);
    }
    if (!is_op("=")) {
        if (print_word && std::holds_alternative<ast::Name>(first.node) && starts_expression()) {
            fail(loc, "Missing parentheses in call to 'print'. Did you mean print(...)?",
                 "racecheck reads Python 3 code");
        }
        return make_stmt(ast::ExprStmt{std::move(first)}, loc);
    }
    std::vector<ast::Expr> items;
    items.push_back(std::move(first));
    while (is_op("=")) {
        // Targets are checked before the value is parsed, so an invalid target is reported
        // before a syntax error after it, as CPython does.
        const bool single = items.size() == 1 && !assignment_follows();
        check_target(items.back(), single ? TargetUse::AssignHere : TargetUse::Assign);
        next();
        if (is_keyword("yield")) { // `x = yield value`
            items.push_back(parse_yield());
            break;
        }
        items.push_back(parse_testlist(StarUse::Target));
    }
    ast::Expr value = std::move(items.back());
    items.pop_back();
    return make_stmt(ast::Assign{std::move(items), std::move(value)}, loc);
}

ast::StmtList Parser::parse_block(const std::string &after) {
    ast::StmtList body;
    if (tok().kind != TokenKind::Newline) {
        parse_simple_statements(body);
        return body;
    }
    const SourceLoc newline = next().loc;
    if (tok().kind != TokenKind::Indent) {
        // At the end of input CPython points at the end of the header line.
        const SourceLoc loc = tok().kind == TokenKind::End ? newline : tok().loc;
        fail(loc, "expected an indented block after " + after);
    }
    next();
    while (tok().kind != TokenKind::Dedent && tok().kind != TokenKind::End) {
        parse_statement(body);
    }
    next();
    return body;
}

ast::StmtList Parser::parse_loop_body(const std::string &after) {
    ++loop_depth_;
    ast::StmtList body = parse_block(after);
    --loop_depth_;
    return body;
}

ast::Stmt Parser::parse_if(const Token &keyword) {
    // An elif chain is as long as the program makes it: it is read in a loop, refused once it
    // passes the nesting limit, and folded into nested Ifs from the back.
    struct Branch {
        SourceLoc loc;
        ast::Expr test;
        ast::StmtList body;
    };
    std::vector<Branch> branches;
    ast::StmtList orelse;
    for (const Token *kw = &keyword;;) {
        const SourceLoc loc = kw->loc;
        if (branches.size() >= ast::kMaxNesting) {
            fail_too_deep(loc, "statement");
        }
        const std::string after = statement_on_line(kw->text, loc);
        ast::Expr test = parse_named();
        expect_colon();
        ast::StmtList body = parse_block(after);
        branches.push_back(Branch{loc, std::move(test), std::move(body)});
        if (is_keyword("elif")) {
            kw = &next();
            continue;
        }
        if (is_keyword("else")) {
            const SourceLoc else_loc = next().loc;
            expect_colon(true);
            orelse = parse_block(statement_on_line("else", else_loc));
        }
        break;
    }
    for (size_t i = branches.size() - 1;; --i) {
        ast::Stmt stmt = make_stmt(
            ast::If{std::move(branches[i].test), std::move(branches[i].body), std::move(orelse)},
            branches[i].loc);
        if (i == 0) {
            return stmt;
        }
        orelse.clear();
        orelse.push_back(std::move(stmt));
    }
}

ast::Stmt Parser::parse_while() {
    const SourceLoc loc = next().loc;
    ast::Expr test = parse_named();
    expect_colon();
    ast::While stmt{std::move(test), parse_loop_body(statement_on_line("while", loc)), {}};
    if (is_keyword("else")) {
        const SourceLoc else_loc = next().loc;
        expect_colon(true);
        stmt.orelse = parse_block(statement_on_line("else", else_loc));
    }
    return make_stmt(std::move(stmt), loc);
}

ast::Stmt Parser::parse_for() {
    const SourceLoc loc = next().loc;
    ast::Expr target = parse_target_list();
    check_target(target, TargetUse::Assign);
    if (!accept_keyword("in")) {
        fail_here();
    }
    ast::Expr iter = parse_testlist(StarUse::Display);
    expect_colon();
    ast::For stmt{
        std::move(target), std::move(iter), parse_loop_body(statement_on_line("for", loc)), {}};
    if (is_keyword("else")) {
        const SourceLoc else_loc = next().loc;
        expect_colon(true);
        stmt.orelse = parse_block(statement_on_line("else", else_loc));
    }
    return make_stmt(std::move(stmt), loc);
}

ast::Stmt Parser::parse_try() {
    const SourceLoc loc = next().loc;
    expect_colon(true);
    ast::Try stmt;
    stmt.body = parse_block(statement_on_line("try", loc));
    while (is_keyword("except")) {
        const SourceLoc handler_loc = next().loc;
        if (!stmt.handlers.empty() && !stmt.handlers.back().type) {
            fail(stmt.handlers.back().loc, "default 'except:' must be last");
        }
        if (is_op("*")) {
            fail(tok().loc, "unsupported: exception groups (except*)",
                 "catch the exception types with a plain except clause");
        }
        ast::ExceptHandler handler;
        handler.loc = handler_loc;
        if (!is_op(":")) {
            ast::Expr type = parse_test();
            if (is_op(",")) {
                fail(type.loc, "multiple exception types must be parenthesized");
            }
            handler.type = std::move(type);
            if (accept_keyword("as")) {
                handler.name = expect_name();
            }
        }
        expect_colon();
        handler.body = parse_block(statement_on_line("except", handler_loc));
        stmt.handlers.push_back(std::move(handler));
    }
    if (!stmt.handlers.empty() && is_keyword("else")) {
        const SourceLoc else_loc = next().loc;
        expect_colon(true);
        stmt.orelse = parse_block(statement_on_line("else", else_loc));
    }
    if (is_keyword("finally")) {
        const SourceLoc finally_loc = next().loc;
        expect_colon(true);
        stmt.finalbody = parse_block(statement_on_line("finally", finally_loc));
    } else if (stmt.handlers.empty()) {
        fail(tok().loc, "expected 'except' or 'finally' block");
    }
    return make_stmt(std::move(stmt), loc);
}

ast::Stmt Parser::parse_with() {
    const SourceLoc loc = next().loc;
    ast::With stmt;
    bool parenthesized = false;
    if (is_op("(")) {
        // `with (a as b, c):` (Python 3.10) when an `as` sits directly inside the parentheses
        // and the closing parenthesis is followed by the colon.
        int depth = 0;
        bool has_as = false;
        for (size_t ahead = 0;; ++ahead) {
            const Token &t = peek(ahead);
            if (t.kind == TokenKind::Newline || t.kind == TokenKind::End) {
                break;
            }
            if (t.kind == TokenKind::Op && (t.text == "(" || t.text == "[" || t.text == "{")) {
                ++depth;
            } else if (t.kind == TokenKind::Op &&
                       (t.text == ")" || t.text == "]" || t.text == "}")) {
                if (--depth == 0) {
                    const Token &after = peek(ahead + 1);
                    parenthesized = has_as && after.kind == TokenKind::Op && after.text == ":";
                    break;
                }
            } else if (depth == 1 && t.kind == TokenKind::Keyword && t.text == "as") {
                has_as = true;
            }
        }
    }
    if (parenthesized) {
        next();
    }
    do {
        if (parenthesized && is_op(")")) {
            break;
        }
        stmt.items.push_back(parse_with_item());
    } while (accept_op(","));
    if (parenthesized) {
        expect_op(")");
    }
    expect_colon();
    stmt.body = parse_block(statement_on_line("with", loc));
    return make_stmt(std::move(stmt), loc);
}

ast::WithItem Parser::parse_with_item() {
    ast::WithItem item{parse_test(), std::nullopt};
    if (accept_keyword("as")) {
        ast::Expr target = is_op("*") ? parse_item(StarUse::Target) : parse_bitor();
        check_target(target, TargetUse::Assign);
        item.target = std::move(target);
    }
    return item;
}

void Parser::parse_params(ast::FunctionDef &def, const char *close, bool annotations) {
    using Kind = ast::Param::Kind;
    bool seen_default = false;
    bool seen_star = false;   // `*` or `*args`: later names are keyword-only
    bool bare_star = false;   // a `*` without a name, not yet followed by a keyword-only name
    SourceLoc bare_loc{};
    std::vector<ast::Param> positional, kwonly, star, starstar;
    const auto check_duplicate = [&](const ast::Param &param) {
        for (const auto *group : {&positional, &kwonly, &star, &starstar}) {
            for (const ast::Param &other : *group) {
                if (other.name == param.name) {
                    late_error(param.loc, "duplicate argument '" + param.name + "' in function definition");
                }
            }
        }
    };
    while (!is_op(close)) {
        if (!starstar.empty()) {
            fail(tok().loc, "arguments cannot follow var-keyword argument");
        }
        if (is_op("/")) {
            fail(tok().loc, "unsupported: positional-only parameters (/)", "remove the '/' marker");
        }
        Kind kind = seen_star ? Kind::KwOnly : Kind::Normal;
        if (is_op("*") || is_op("**")) {
            const bool two = is_op("**");
            const SourceLoc star_loc = next().loc;
            if (!two && seen_star) {
                fail(star_loc, "* argument may appear only once");
            }
            if (!two && (is_op(",") || is_op(close))) {
                seen_star = bare_star = true;
                bare_loc = star_loc;
                if (!accept_op(",")) {
                    break;
                }
                continue;
            }
            kind = two ? Kind::VarKw : Kind::VarArgs;
            if (!two) {
                seen_star = true;
            }
        }
        const SourceLoc param_loc = tok().loc;
        ast::Param param{expect_name(), std::nullopt, param_loc, std::nullopt};
        param.kind = kind;
        if (annotations && accept_op(":")) {
            param.annotation = parse_annotation();
        }
        check_duplicate(param);
        if (is_op("=") && (kind == Kind::VarArgs || kind == Kind::VarKw)) {
            fail(tok().loc, kind == Kind::VarArgs ? "var-positional argument cannot have default value"
                                                  : "var-keyword argument cannot have default value");
        }
        if (accept_op("=")) {
            param.default_value = parse_test();
            if (kind == Kind::Normal) {
                seen_default = true;
            }
        } else if (seen_default && kind == Kind::Normal) {
            fail(param_loc, "parameter without a default follows parameter with a default");
        }
        if (kind == Kind::KwOnly) {
            bare_star = false;
        }
        (kind == Kind::Normal ? positional : kind == Kind::KwOnly ? kwonly : kind == Kind::VarArgs ? star : starstar)
            .push_back(std::move(param));
        if (!accept_op(",")) {
            break;
        }
    }
    if (bare_star) {
        fail(bare_loc, "named arguments must follow bare *");
    }
    def.params = std::move(positional);
    for (auto *group : {&kwonly, &star, &starstar}) {
        for (ast::Param &p : *group) {
            def.params.push_back(std::move(p));
        }
    }
}

ast::Stmt Parser::parse_def() {
    const SourceLoc loc = next().loc;
    ast::FunctionDef def;
    def.name = expect_name();
    if (!accept_op("(")) {
        fail(tok().loc, "expected '('");
    }
    parse_params(def, ")", true);
    expect_op(")");
    if (accept_op("->")) {
        def.returns = parse_annotation();
    }
    expect_colon(true);
    ++function_depth_;
    const int outer_loops = loop_depth_;
    loop_depth_ = 0;
    const bool outer_yield = saw_yield_;
    saw_yield_ = false;
    def.body = parse_block(fmt::format("function definition on line {}", loc.line));
    def.generator = saw_yield_;
    saw_yield_ = outer_yield;
    loop_depth_ = outer_loops;
    --function_depth_;
    return make_stmt(std::move(def), loc);
}

ast::Stmt Parser::parse_class() {
    const SourceLoc loc = next().loc;
    if (function_depth_ > 0 || class_depth_ > 0) {
        fail(loc, "unsupported: class definitions inside functions or classes",
             "define the class at module level");
    }
    ast::ClassDef cls;
    cls.name = expect_name();
    if (accept_op("(")) {
        while (!is_op(")")) {
            if (is_op("*") || is_op("**")) {
                fail(tok().loc, "unsupported: star-arguments in a class's bases",
                     "name the base classes one by one");
            }
            if (tok().kind == TokenKind::Name && peek(1).kind == TokenKind::Op && peek(1).text == "=") {
                fail(tok().loc, "unsupported: class keyword arguments (metaclass=...)",
                     "racecheck models classes without metaclasses; remove the keyword");
            }
            cls.bases.push_back(parse_test());
            if (!accept_op(",")) {
                break;
            }
        }
        expect_op(")");
    }
    expect_colon(true);
    ++class_depth_;
    const int outer_loops = loop_depth_;
    loop_depth_ = 0;
    cls.body = parse_block(fmt::format("class definition on line {}", loc.line));
    loop_depth_ = outer_loops;
    --class_depth_;
    return make_stmt(std::move(cls), loc);
}

std::string Parser::parse_dotted_name() {
    std::string name = expect_name();
    while (accept_op(".")) {
        name += '.';
        name += expect_name();
    }
    return name;
}

ast::Stmt Parser::parse_import() {
    const SourceLoc loc = next().loc;
    ast::Import import;
    do {
        const SourceLoc alias_loc = tok().loc;
        ast::ImportAlias alias{parse_dotted_name(), std::nullopt, alias_loc};
        if (accept_keyword("as")) {
            alias.asname = expect_name();
        }
        import.names.push_back(std::move(alias));
    } while (accept_op(","));
    return make_stmt(std::move(import), loc);
}

ast::Stmt Parser::parse_from_import() {
    const SourceLoc loc = next().loc;
    if (is_op(".") || is_op("...")) {
        fail(loc, "unsupported: relative imports",
             "racecheck runs a single module; import standard modules by absolute name");
    }
    ast::ImportFrom import;
    import.module = parse_dotted_name();
    if (!accept_keyword("import")) {
        fail_here();
    }
    if (is_op("*")) {
        import.star = true;
        import.star_loc = next().loc;
        return make_stmt(std::move(import), loc);
    }
    const bool parenthesized = accept_op("(");
    do {
        if (parenthesized && is_op(")")) {
            break;
        }
        const SourceLoc alias_loc = tok().loc;
        ast::ImportAlias alias{expect_name(), std::nullopt, alias_loc};
        if (accept_keyword("as")) {
            alias.asname = expect_name();
        }
        import.names.push_back(std::move(alias));
    } while (accept_op(","));
    if (parenthesized) {
        expect_op(")");
    }
    if (import.names.empty()) {
        fail_here();
    }
    return make_stmt(std::move(import), loc);
}

} // namespace rc::parse
