// From a loaded Scenario to a runnable Program: parses the code block and the check
// expressions, compiles them, and maps every error to a Diagnostic at a YAML file:line:col.
#pragma once

#include <cstdint> // int64_t
#include <memory>  // unique_ptr
#include <variant> // result or diagnostic
#include <vector>  // param values

#include "model/scenario/diagnostic.hpp" // Diagnostic
#include "model/bytecode/program.hpp"    // Program
#include "model/scenario/scenario.hpp"   // Scenario

namespace rc {

struct CompiledScenario {
    Program program;
    std::vector<int64_t> param_values; // for Program::params, in order
    /// CPython's SyntaxWarnings for the code block (format_warning renders them): the
    /// tokenizer's first (an invalid escape sequence), then the compiler's, each in source order.
    std::vector<Diagnostic> warnings;
};

/// Never throws. The Program is heap-allocated so that interpreters may keep a reference to it
/// while the CompiledScenario moves.
std::variant<std::unique_ptr<CompiledScenario>, Diagnostic> compile_scenario(const Scenario& s);

} // namespace rc
