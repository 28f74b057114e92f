// The compiler's internal error path: a CodeError thrown from deep inside code generation and
// caught at compile_program's boundary (it never escapes the compiler).
#pragma once

#include <string>  // message, hint
#include <utility> // move

#include "model/scenario/code_error.hpp" // CodeError

namespace rc {

struct CompileFailure {
    CodeError error;
};

[[noreturn]] inline void fail(SourceLoc loc, std::string message, std::string hint = {}) {
    throw CompileFailure{CodeError{loc, std::move(message), std::move(hint)}};
}

} // namespace rc
