// Unit tests for the parser (model/syntax/parser.hpp): the AST built for every statement and
// expression form, precedence, f-strings and locations. Errors and refusals are in
// parser_errors_test.cpp.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <string> // rendered ASTs

#include "model/syntax/parser.hpp"         // parse_module
#include "tests/model/syntax/ast_dump.hpp" // dump

namespace {

/// The module rendered one statement per line, or "error L:C message".
std::string parse(std::string_view code) {
    auto result = rc::parse_module(code);
    if (const auto *error = std::get_if<rc::CodeError>(&result)) {
        return "error " + std::to_string(error->loc.line) + ":" + std::to_string(error->loc.col) +
               " " + error->message;
    }
    std::string out;
    for (const rc::ast::Stmt &s : std::get<rc::ast::Module>(result).body) {
        out += (out.empty() ? "" : "\n") + rc::test::dump(s);
    }
    return out;
}

rc::ast::Module parse_ok(std::string_view code) {
    auto result = rc::parse_module(code);
    if (const auto *error = std::get_if<rc::CodeError>(&result)) {
        FAIL("unexpected error " << error->loc.line << ":" << error->loc.col << " "
                                 << error->message);
    }
    return std::move(std::get<rc::ast::Module>(result));
}

} // namespace

TEST_CASE("empty_code_is_an_empty_module") {
    CHECK(parse("") == "");
    CHECK(parse("\n# only a comment\n\n") == "");
}

TEST_CASE("arithmetic_precedence_follows_python") {
    CHECK(parse("1 + 2 * 3") == "(+ 1 (* 2 3))");
    CHECK(parse("(1 + 2) * 3") == "(* (+ 1 2) 3)");
    CHECK(parse("1 - 2 - 3") == "(- (- 1 2) 3)");
    CHECK(parse("a / b // c % d") == "(% (// (/ a b) c) d)");
    CHECK(parse("-2 ** 2") == "(neg (** 2 2))");
    CHECK(parse("2 ** 3 ** 2") == "(** 2 (** 3 2))");
    CHECK(parse("2 ** -1") == "(** 2 (neg 1))");
    CHECK(parse("~a + +b") == "(+ (~ a) (pos b))");
}

TEST_CASE("bitwise_and_shift_precedence_follows_python") {
    CHECK(parse("a | b ^ c & d << e + f") == "(| a (^ b (& c (<< d (+ e f)))))");
    CHECK(parse("a >> 1 << 2") == "(<< (>> a 1) 2)");
}

TEST_CASE("boolean_and_comparison_precedence_follows_python") {
    CHECK(parse("a or b and not c") == "(or a (and b (not c)))");
    CHECK(parse("a or b or c") == "(or a b c)");
    CHECK(parse("not a == b") == "(not (== a b))");
    CHECK(parse("a < b <= c") == "(chain a < b <= c)");
    CHECK(parse("x not in y") == "(not-in x y)");
    CHECK(parse("x is not None") == "(is-not x None)");
    CHECK(parse("a | b == c") == "(== (| a b) c)");
    CHECK(parse("x if a or b else y") == "(if (or a b) x y)");
    CHECK(parse("x if a else y if b else z") == "(if a x (if b y z))");
}

TEST_CASE("primaries_calls_attributes_and_subscripts") {
    CHECK(parse("threading.Thread(target=worker, args=(i,))") ==
          "(call (. threading Thread) target=worker args=(tuple i))");
    CHECK(parse("a.b.c(1)(2)[3]") == "([] (call (call (. (. a b) c) 1) 2) 3)");
    CHECK(parse("f(a, b, c=1,)") == "(call f a b c=1)");
    CHECK(parse("f()") == "(call f)");
}

TEST_CASE("slices_and_tuple_indexes") {
    CHECK(parse("a[1:2]") == "([] a (: 1 2 _))");
    CHECK(parse("a[::2]") == "([] a (: _ _ 2))");
    CHECK(parse("a[:]") == "([] a (: _ _ _))");
    CHECK(parse("a[i]") == "([] a i)");
    CHECK(parse("a[-1:]") == "([] a (: (neg 1) _ _))");
    CHECK(parse("d[1, 2]") == "([] d (tuple 1 2))");
    CHECK(parse("d[1:2, 3]") == "([] d (tuple (: 1 2 _) 3))");
}

TEST_CASE("literals_and_displays") {
    CHECK(parse("None, True, False, 1.5, 'x'") == "(tuple None True False 1.5f 'x')");
    CHECK(parse("[]") == "(list)");
    CHECK(parse("[1, 2,]") == "(list 1 2)");
    CHECK(parse("()") == "(tuple)");
    CHECK(parse("(1,)") == "(tuple 1)");
    CHECK(parse("{}") == "(dict)");
    CHECK(parse("{'a': 1, 'b': [2]}") == "(dict 'a':1 'b':(list 2))");
    CHECK(parse("'a' 'b' \"c\"") == "'abc'");
}

TEST_CASE("comprehensions_and_generator_arguments") {
    CHECK(parse("[x * 2 for x in xs if x if y]") == "(listcomp (* x 2) (for x xs x y))");
    CHECK(parse("[(i, j) for i in a for j in b]") == "(listcomp (tuple i j) (for i a) (for j b))");
    CHECK(parse("{k: v for k, v in d.items()}") ==
          "(dictcomp k:v (for (tuple k v) (call (. d items))))");
    CHECK(parse("sum(i * i for i in range(n))") ==
          "(call sum (genexp (* i i) (for i (call range n))))");
    CHECK(parse("(x for x in y)") == "(genexp x (for x y))");
    CHECK(parse("[x if x else 0 for x in y]") == "(listcomp (if x x 0) (for x y))");
}

TEST_CASE("assignments_and_augmented_assignments") {
    CHECK(parse("a = b = 0") == "(= a b 0)");
    CHECK(parse("a, b = b, a") == "(= (tuple a b) (tuple b a))");
    CHECK(parse("(a, [b, c]) = x") == "(= (tuple a (list b c)) x)");
    CHECK(parse("x.y[0] = 1") == "(= ([] (. x y) 0) 1)");
    CHECK(parse("x = 1,") == "(= x (tuple 1))");
    CHECK(parse("counter += 1") == "(+= counter 1)");
    CHECK(parse("a -= 1; a *= 2; a /= 3; a //= 4; a %= 5; a **= 6") ==
          "(-= a 1)\n(*= a 2)\n(/= a 3)\n(//= a 4)\n(%= a 5)\n(**= a 6)");
    CHECK(parse("a &= 1; a |= 2; a ^= 3; a <<= 4; a >>= 5") ==
          "(&= a 1)\n(|= a 2)\n(^= a 3)\n(<<= a 4)\n(>>= a 5)");
    CHECK(parse("d['k'] += 1") == "(+= ([] d 'k') 1)");
}

TEST_CASE("simple_statements") {
    CHECK(parse("pass") == "pass");
    CHECK(parse("del a, b[0]") == "(del a ([] b 0))");
    CHECK(parse("global counter") == "(global counter)");
    CHECK(parse("raise") == "(raise)");
    CHECK(parse("raise ValueError('x')") == "(raise (call ValueError 'x'))");
    CHECK(parse("assert x, 'msg'") == "(assert x 'msg')");
    CHECK(parse("assert x") == "(assert x)");
    CHECK(parse("x = 1; y = 2;") == "(= x 1)\n(= y 2)");
}

TEST_CASE("imports") {
    CHECK(parse("import threading, time as t") == "(import threading time as t)");
    CHECK(parse("import concurrent.futures") == "(import concurrent.futures)");
    CHECK(parse("from concurrent.futures import ThreadPoolExecutor, as_completed") ==
          "(from concurrent.futures ThreadPoolExecutor as_completed)");
    CHECK(parse("from queue import (Queue as Q,\n    Empty,)") == "(from queue Queue as Q Empty)");
}

TEST_CASE("if_elif_else_nests_elif_as_a_single_if") {
    CHECK(parse("if a:\n    x\nelif b:\n    y\nelse:\n    z\n") ==
          "(if a [x] else [(if b [y] else [z])])");
    CHECK(parse("if a: pass") == "(if a [pass])");
    CHECK(parse("if a: x = 1; y = 2\nz") == "(if a [(= x 1) (= y 2)])\nz");
}

TEST_CASE("loops_with_else_break_and_continue") {
    CHECK(parse("while True:\n    if x: break\n    continue\nelse:\n    pass\n") ==
          "(while True [(if x [break]) continue] else [pass])");
    CHECK(parse("for i, x in enumerate(xs):\n    pass\nelse:\n    y\n") ==
          "(for (tuple i x) (call enumerate xs) [pass] else [y])");
    CHECK(parse("for x in 1, 2: pass") == "(for x (tuple 1 2) [pass])");
    CHECK(parse("for _ in range(3):\n    for j in y:\n        break\n    break\n") ==
          "(for _ (call range 3) [(for j y [break]) break])");
}

TEST_CASE("with_statements_with_several_items") {
    CHECK(parse("with lock:\n    counter += 1\n") == "(with lock [(+= counter 1)])");
    CHECK(parse("with a as x, b as (y, z):\n    pass\n") ==
          "(with a as x b as (tuple y z) [pass])");
    CHECK(parse("with (a as x, b):\n    pass\n") == "(with a as x b [pass])");
    CHECK(parse("with (a, b):\n    pass\n") == "(with (tuple a b) [pass])");
    CHECK(parse("with ThreadPoolExecutor(max_workers=3) as executor: pass") ==
          "(with (call ThreadPoolExecutor max_workers=3) as executor [pass])");
}

TEST_CASE("try_except_else_finally") {
    CHECK(parse("try:\n    a\nexcept queue.Empty:\n    b\nexcept (A, B) as e:\n    c\n"
                "except:\n    d\nelse:\n    f\nfinally:\n    g\n") ==
          "(try [a] (except (. queue Empty) [b]) (except (tuple A B) as e [c]) (except [d]) "
          "else [f] finally [g])");
    CHECK(parse("try:\n    a\nfinally:\n    b\n") == "(try [a] finally [b])");
}

TEST_CASE("function_definitions_with_defaults") {
    CHECK(parse("def f(a, b=1, c=None):\n    return a, b\n") ==
          "(def f (a b=1 c=None) [(return (tuple a b))])");
    CHECK(parse("def g(): return") == "(def g () [(return)])");
    CHECK(parse("def h(x,):\n    global y\n    y = x\n") == "(def h (x) [(global y) (= y x)])");
}

TEST_CASE("global_at_module_level_is_accepted") {
    CHECK(parse("global x\nx = 1") == "(global x)\n(= x 1)");
}

TEST_CASE("fstrings_split_into_text_and_fields") {
    CHECK(parse("f'{name} starting on {t.name}'") == "(f {name} ' starting on ' {(. t name)})");
    CHECK(parse("f'{x!r}'") == "(f {x !r})");
    CHECK(parse("f'{x:.2f}|{y:>5}'") == "(f {x :.2f} '|' {y :>5})");
    CHECK(parse("f'{{literal}} {x}'") == "(f '{literal} ' {x})");
    CHECK(parse("f'{a + b * 2}'") == "(f {(+ a (* b 2))})");
    CHECK(parse("f'{d[\"k\"]}'") == "(f {([] d 'k')})");
    CHECK(parse("f'{a, b}'") == "(f {(tuple a b)})");
    CHECK(parse("f'{x == y}'") == "(f {(== x y)})");
    CHECK(parse("f'tab\\t{x}'") == "(f 'tab\t' {x})");
    CHECK(parse("rf'\\d{x}'") == "(f '\\d' {x})");
    CHECK(parse("f'plain'") == "(f 'plain')");
}

TEST_CASE("adjacent_strings_with_an_fstring_make_an_fstring") {
    CHECK(parse("'a' f'{x}' 'b'") == "(f 'a' {x} 'b')");
}

TEST_CASE("fstring_field_locations_point_into_the_code") {
    const rc::ast::Module m = parse_ok("x = 1\nprint(f'ab {x + yy}')\n");
    const auto &stmt = std::get<rc::ast::ExprStmt>(m.body[1].node);
    const auto &call = std::get<rc::ast::Call>(stmt.value.node);
    const auto &fstring = std::get<rc::ast::FString>(call.args[0].node);
    CHECK(call.args[0].loc == rc::SourceLoc{2, 7});
    const auto &field = std::get<rc::ast::FormattedValue>(fstring.parts[1]);
    CHECK(field.value->loc == rc::SourceLoc{2, 13});
    const auto &sum = std::get<rc::ast::BinOp>(field.value->node);
    CHECK(sum.right->loc == rc::SourceLoc{2, 17});
}

TEST_CASE("nodes_carry_the_location_of_their_first_token") {
    const rc::ast::Module m = parse_ok("import threading\n\ndef worker(n):\n    total = n + 1\n");
    CHECK(m.body[0].loc == rc::SourceLoc{1, 1});
    CHECK(m.body[1].loc == rc::SourceLoc{3, 1});
    const auto &def = std::get<rc::ast::FunctionDef>(m.body[1].node);
    CHECK(def.params[0].loc == rc::SourceLoc{3, 12});
    CHECK(def.body[0].loc == rc::SourceLoc{4, 5});
    const auto &assign = std::get<rc::ast::Assign>(def.body[0].node);
    CHECK(assign.value.loc == rc::SourceLoc{4, 13});
    CHECK(std::get<rc::ast::BinOp>(assign.value.node).right->loc == rc::SourceLoc{4, 17});
}

TEST_CASE("parenthesized_expression_keeps_its_inner_location_and_tuple_its_paren") {
    const rc::ast::Module m = parse_ok("x = (a + b)\ny = (a, b)\n");
    CHECK(std::get<rc::ast::Assign>(m.body[0].node).value.loc == rc::SourceLoc{1, 6});
    CHECK(std::get<rc::ast::Assign>(m.body[1].node).value.loc == rc::SourceLoc{2, 5});
}
