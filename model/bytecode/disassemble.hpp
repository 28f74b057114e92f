// A readable listing of a compiled code object, for tests and `--dump-bytecode`.
#pragma once

#include <string> // listing

#include "model/ids.hpp"     // FuncId
#include "model/bytecode/program.hpp" // Program

namespace rc {

/// One line per instruction: "pc  line  Opcode  operand", the operand rendered (constant
/// value, local/global/attribute name, builtin, jump target), then the exception table.
/// Header: "code <id> <name>(<params>) locals=<n> max_stack=<n>".
std::string disassemble(const Program& program, FuncId func);

/// The opcode's name as written in bytecode.hpp ("LoadGlobal").
const char* op_name(Op op);

/// A constant as Python would print its repr ('text', 1, 1.5, True, None), a builtin as
/// <builtin Lock>, a module as <module threading>.
std::string constant_repr(const Constant& c);

} // namespace rc
