// The compiler from the AST of a scenario's code block (and its check expressions) to a Program:
// scope analysis, GlobalInfo facts, bytecode for every code object, racecheck's prelude, and
// the static checks that turn certain run-time TypeErrors into load-time errors.
#pragma once

#include <cstddef>  // size_t
#include <optional> // check_index
#include <string>   // parameter names
#include <variant>  // result or error
#include <vector>   // inputs

#include "model/syntax/ast.hpp"        // ast::Module, ast::Expr
#include "model/scenario/code_error.hpp" // CodeError
#include "model/bytecode/program.hpp"    // Program

namespace rc {

struct CompileInput {
    const ast::Module* module = nullptr;
    /// Scenario params, bound as globals (VarIds 0..P-1) before the code runs.
    std::vector<std::string> param_names;
    /// Parsed `checks.final` expressions (locations relative to their own text).
    std::vector<const ast::Expr*> final_checks;
    std::vector<const ast::Expr*> always_checks;
    /// sys.argv is [argv0]: the file racecheck was given, as CPython's is the script's path.
    std::string argv0;
    /// When set, receives CPython's compile-time SyntaxWarnings for the code block (`x is 1`,
    /// `"a"()`, `assert (x, "msg")`, ...), in source order; locations as for errors.
    std::vector<CodeError>* warnings = nullptr;
};

/// A CodeError's loc is relative to the code block, except for errors inside a check
/// expression: then `check_index` says which (final checks first, then always checks) and loc
/// is relative to that check's text.
struct CompileError {
    CodeError error;
    std::optional<size_t> check_index;
};

/// Never throws. Code objects: [0] the module body, then user functions in `def` order, then
/// the checks (final, then always), then the prelude (Program::first_prelude_code).
std::variant<Program, CompileError> compile_program(const CompileInput& input);

} // namespace rc
