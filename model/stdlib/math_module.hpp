// The math module's functions racecheck models (math_module.cpp).
#pragma once

#include "model/bytecode/builtins.hpp" // BuiltinId
#include "model/values/value.hpp"      // Value

namespace rc {

class Machine;
struct Args;

/// sqrt, isqrt, floor, ceil, trunc, fabs, factorial, gcd, lcm, pow, exp, log, log2, log10, sin,
/// cos, tan, atan, atan2, degrees, radians, copysign, isclose, isnan, isinf, isfinite, with
/// CPython 3.12's results (the C library's, as CPython calls it) and messages. Pure functions:
/// no visible operation of their own. An argument that is an instance of a user class (CPython
/// would call its __float__, __index__ or __floor__) is refused; an int result beyond 64 bits
/// too, as everywhere.
Value math_builtin(Machine& m, BuiltinId id, const Args& a);

} // namespace rc
