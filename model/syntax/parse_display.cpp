// Bracketed forms: parenthesized expressions and tuples, list and dict displays,
// comprehensions, generator expressions, calls and subscripts.
#include <string>  // messages
#include <utility> // move

#include "model/syntax/parser_internal.hpp" // Parser

namespace rc::parse {

ast::Expr Parser::parse_paren() {
    const SourceLoc loc = next().loc;
    if (accept_op(")")) {
        return make_expr(ast::Tuple{}, loc);
    }
    ast::Expr first = parse_item(StarUse::Display, true);
    if (is_keyword("for")) {
        auto generators = parse_comprehensions();
        expect_op(")");
        return make_expr(ast::GeneratorExp{box(std::move(first)), std::move(generators)}, loc);
    }
    if (!is_op(",")) {
        expect_closing(")", first);
        return first; // a parenthesized expression keeps its own location, as in CPython
    }
    ast::Tuple tuple;
    tuple.elts.push_back(std::move(first));
    while (accept_op(",")) {
        if (is_op(")")) {
            break;
        }
        tuple.elts.push_back(parse_item(StarUse::Display, true));
    }
    expect_closing(")", tuple.elts.back());
    return make_expr(std::move(tuple), loc);
}

ast::Expr Parser::parse_list() {
    const SourceLoc loc = next().loc;
    ast::List list;
    if (accept_op("]")) {
        return make_expr(std::move(list), loc);
    }
    ast::Expr first = parse_item(StarUse::Display, true);
    if (is_keyword("for")) {
        auto generators = parse_comprehensions();
        expect_op("]");
        return make_expr(ast::ListComp{box(std::move(first)), std::move(generators)}, loc);
    }
    list.elts.push_back(std::move(first));
    while (accept_op(",")) {
        if (is_op("]")) {
            break;
        }
        list.elts.push_back(parse_item(StarUse::Display, true));
    }
    expect_closing("]", list.elts.back());
    return make_expr(std::move(list), loc);
}

ast::Expr Parser::parse_brace() {
    const SourceLoc loc = next().loc;
    ast::Dict dict;
    if (accept_op("}")) {
        return make_expr(std::move(dict), loc);
    }
    auto refuse_unpacking = [this] {
        if (is_op("**")) {
            fail(tok().loc, "unsupported: dict unpacking (**)",
                 "merge the dicts with a loop or dict.update()");
        }
    };
    refuse_unpacking();
    ast::Expr key = parse_item(StarUse::Display, true);
    if (!accept_op(":")) {
        if (is_keyword("for")) {
            auto generators = parse_comprehensions();
            expect_op("}");
            return make_expr(ast::SetComp{box(std::move(key)), std::move(generators)}, loc);
        }
        if (is_op(",") || is_op("}")) {
            ast::Set set;
            set.elts.push_back(std::move(key));
            while (accept_op(",")) {
                if (is_op("}")) {
                    break;
                }
                set.elts.push_back(parse_item(StarUse::Display, true));
            }
            expect_closing("}", set.elts.back());
            return make_expr(std::move(set), loc);
        }
        expect_closing("}", key);
    }
    ast::Expr value = parse_test();
    if (is_keyword("for")) {
        auto generators = parse_comprehensions();
        expect_op("}");
        return make_expr(
            ast::DictComp{box(std::move(key)), box(std::move(value)), std::move(generators)}, loc);
    }
    dict.keys.push_back(std::move(key));
    dict.values.push_back(std::move(value));
    while (accept_op(",")) {
        if (is_op("}")) {
            break;
        }
        refuse_unpacking();
        dict.keys.push_back(parse_test());
        if (!accept_op(":")) {
            fail(tok().loc, "':' expected after dictionary key");
        }
        dict.values.push_back(parse_test());
    }
    expect_closing("}", dict.values.back());
    return make_expr(std::move(dict), loc);
}

std::vector<ast::Comprehension> Parser::parse_comprehensions() {
    struct Depth {
        int &d;
        explicit Depth(int &depth) : d(depth) { ++d; }
        ~Depth() { --d; }
    } depth(comprehension_depth_);
    std::vector<ast::Comprehension> generators;
    while (accept_keyword("for")) {
        ast::Comprehension comp;
        comp.target = box(parse_target_list());
        if (!accept_keyword("in")) {
            if (starts_expression() && expression_parses()) {
                fail(comp.target->loc, "invalid syntax. Perhaps you forgot a comma?");
            }
            fail_here();
        }
        check_target(*comp.target, TargetUse::Assign);
        comp.iter = box(parse_or());
        while (accept_keyword("if")) {
            comp.ifs.push_back(parse_or());
        }
        generators.push_back(std::move(comp));
    }
    if (is_keyword("async")) {
        fail(tok().loc, "unsupported: async",
             "racecheck models threading code; use a plain for clause");
    }
    return generators;
}

ast::Expr Parser::parse_call(ast::Expr func) {
    const SourceLoc paren = next().loc;
    ast::Call call;
    const ast::Expr *last = nullptr; // the latest argument, for "Perhaps you forgot a comma?"
    bool kw_unpacked = false;        // a `**mapping` came before
    while (!is_op(")")) {
        if (is_op("**")) {
            const SourceLoc loc = next().loc;
            ast::Expr value = parse_test();
            call.keywords.push_back(ast::Keyword{"", box(std::move(value)), loc});
            last = call.keywords.back().value.get();
            kw_unpacked = true;
        } else if (tok().kind == TokenKind::Name && peek(1).kind == TokenKind::Op && peek(1).text == "=") {
            const Token &name = next();
            next();
            for (const ast::Keyword &k : call.keywords) {
                if (k.name == name.text) {
                    late_error(name.loc, "keyword argument repeated: " + name.text);
                }
            }
            ast::Expr value = parse_test();
            call.keywords.push_back(ast::Keyword{name.text, box(std::move(value)), name.loc});
            last = call.keywords.back().value.get();
        } else {
            const bool star = is_op("*");
            const SourceLoc star_loc = tok().loc;
            if (star) {
                next();
            }
            ast::Expr arg = star ? parse_test() : parse_named();
            if (is_keyword("for")) {
                if (star) {
                    fail(star_loc, "iterable unpacking cannot be used in comprehension");
                }
                auto generators = parse_comprehensions();
                const bool sole = call.args.empty() && call.keywords.empty() && is_op(")");
                if (!sole) {
                    fail(arg.loc, "Generator expression must be parenthesized");
                }
                arg =
                    make_expr(ast::GeneratorExp{box(std::move(arg)), std::move(generators)}, paren);
            } else if (is_op("=")) {
                fail(arg.loc, "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            if (kw_unpacked) {
                fail(star ? star_loc : arg.loc, star ? "iterable argument unpacking follows keyword argument unpacking"
                                                     : "positional argument follows keyword argument unpacking");
            }
            if (!call.keywords.empty() && !star) {
                fail(arg.loc, "positional argument follows keyword argument");
            }
            call.args.push_back(std::move(arg));
            call.starred.push_back(star);
            last = &call.args.back();
        }
        if (!accept_op(",")) {
            break;
        }
    }
    if (last != nullptr) {
        expect_closing(")", *last);
    } else {
        expect_op(")");
    }
    const SourceLoc loc = func.loc;
    call.func = box(std::move(func));
    return make_expr(std::move(call), loc);
}

ast::Expr Parser::parse_subscript(ast::Expr value) {
    next();
    ast::Expr index = parse_subscript_item();
    if (is_op(",")) {
        const SourceLoc loc = index.loc;
        ast::Tuple tuple;
        tuple.elts.push_back(std::move(index));
        while (accept_op(",")) {
            if (is_op("]")) {
                break;
            }
            tuple.elts.push_back(parse_subscript_item());
        }
        expect_closing("]", tuple.elts.back());
        index = make_expr(std::move(tuple), loc);
    } else {
        expect_closing("]", index);
    }
    const SourceLoc loc = value.loc;
    return make_expr(ast::Subscript{box(std::move(value)), box(std::move(index))}, loc);
}

ast::Expr Parser::parse_subscript_item() {
    const SourceLoc loc = tok().loc;
    ast::ExprPtr lower;
    if (!is_op(":")) {
        ast::Expr index = parse_item(StarUse::Display, true);
        if (!is_op(":")) {
            return index;
        }
        lower = box(std::move(index));
    }
    next();
    ast::Slice slice;
    slice.lower = std::move(lower);
    auto bound_follows = [this] { return !is_op(":") && !is_op("]") && !is_op(","); };
    if (bound_follows()) {
        slice.upper = box(parse_test());
    }
    if (accept_op(":") && bound_follows()) {
        slice.step = box(parse_test());
    }
    return make_expr(std::move(slice), loc);
}

} // namespace rc::parse
