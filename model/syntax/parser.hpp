// The recursive-descent parser from a code block to the AST of model/syntax/ast.hpp. Constructs
// outside racecheck's Python subset are refused with an "unsupported: ..." error and a hint.
#pragma once

#include <string_view> // code block
#include <variant>     // result or error

#include "model/syntax/ast.hpp"        // ast::Module
#include "model/scenario/code_error.hpp" // CodeError

namespace rc {

/// Parses a whole code block. Never throws; an error is returned as a value.
std::variant<ast::Module, CodeError> parse_module(std::string_view code);

} // namespace rc
