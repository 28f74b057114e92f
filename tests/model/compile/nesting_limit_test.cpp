// The nesting limit (ast::kMaxNesting): chains the parser builds in loops (`1 + 1 + ...`,
// `a.b.c...`, `f()()...`, elif chains) are refused with a position once they pass it, before
// any recursive pass over the tree could exhaust the stack; code at the limit compiles and runs.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <string> // generated programs

#include "model/compile/compile_scenario.hpp"            // compile_scenario
#include "model/scenario/scenario.hpp"                    // parse_scenario
#include "model/syntax/ast.hpp"                           // kMaxNesting
#include "tests/model/runtime/interpreter_test_util.hpp" // output_of

namespace {

std::string repeat(const std::string& s, size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}

/// The diagnostic compile_scenario gives for `code`, or "" when it compiles.
std::string compile_error(const std::string& code) {
    std::string yaml = "code: |\n";
    size_t start = 0;
    while (start < code.size()) {
        size_t end = code.find('\n', start);
        if (end == std::string::npos) end = code.size();
        yaml += "  " + code.substr(start, end - start) + "\n";
        start = end + 1;
    }
    auto loaded = rc::parse_scenario(yaml, "deep.yaml");
    REQUIRE(std::holds_alternative<rc::Scenario>(loaded));
    auto compiled = rc::compile_scenario(std::get<rc::Scenario>(loaded));
    if (auto* d = std::get_if<rc::Diagnostic>(&compiled)) return rc::format_diagnostic(*d);
    return "";
}

std::string elif_chain(size_t n) {
    std::string code = "x = 3\nif x == -1:\n    y = -1\n";
    for (size_t i = 0; i < n; ++i) code += "elif x == " + std::to_string(i) + ":\n    y = " + std::to_string(i) + "\n";
    return code + "print(y)\n";
}

} // namespace

TEST_CASE("chains_longer_than_the_nesting_limit_are_refused_at_their_start") {
    const std::string deep_expr = "deep.yaml:2:7: error: expression nested too deeply (more than "
                                  "1000 levels)\n  hint: racecheck compiles code nested up to "
                                  "1000 levels";
    CHECK(compile_error("x = " + repeat("1 + ", 80000) + "1").rfind(deep_expr, 0) == 0);
    CHECK(compile_error("x = a" + repeat(".b", 40000)).rfind(deep_expr, 0) == 0);
    CHECK(compile_error("x = f" + repeat("()", 60000)).rfind(deep_expr, 0) == 0);
    CHECK(compile_error("x = a" + repeat("[0]", 60000)).rfind(deep_expr, 0) == 0);
    CHECK(compile_error("x = [" + repeat("a.b(1)[2] + ", 30000) + "1]")
              .rfind("deep.yaml:2:8: error: expression nested too deeply", 0) == 0);
    CHECK(compile_error("print(f\"{" + repeat("1 * ", 5000) + "1}\")").find(
              "expression nested too deeply") != std::string::npos);
    // Recursion in the grammar itself stops earlier, at the parser's own bound.
    CHECK(compile_error("x = " + repeat("-", 100000) + "1").find(
              "error: expression nested too deeply") != std::string::npos);
    CHECK(compile_error("x = " + repeat("not ", 100000) + "1").find(
              "error: expression nested too deeply") != std::string::npos);
    CHECK(compile_error("x = 1" + repeat(" if 1 else 1", 50000)).find(
              "error: expression nested too deeply") != std::string::npos);
}

TEST_CASE("elif_chains_longer_than_the_nesting_limit_are_refused_at_the_elif_that_passes_it") {
    // the 1000th elif is the 1001st branch, on code line 3 + 2 * 999
    CHECK(compile_error(elif_chain(20000))
              .rfind("deep.yaml:2003:3: error: statement nested too deeply (more than 1000 "
                     "levels)",
                     0) == 0);
}

TEST_CASE("code_at_the_nesting_limit_compiles_and_runs") {
    const size_t n = rc::ast::kMaxNesting - 2; // the statement and the print call add two levels
    CHECK(rc::test::output_of("print(" + repeat("1 + ", n - 1) + "1)") ==
          std::to_string(n) + "\n");
    CHECK(rc::test::output_of("def f():\n    return f\nprint(f" + repeat("()", n - 2) +
                              " is f)") == "True\n");
    CHECK(rc::test::output_of("a = [0]\na[0] = a\nprint(a" + repeat("[0]", n - 2) + " is a)") ==
          "True\n");
    // n elifs: n + 1 nested Ifs over an assignment of height 2
    CHECK(rc::test::output_of(elif_chain(rc::ast::kMaxNesting - 3)) == "3\n");
}
