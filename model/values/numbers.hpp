// Numeric algorithms with CPython 3.12's exact results: float floor division and modulo,
// correctly rounded int/int division, exact int/float comparison, round(), and the syntax
// int() and float() accept for strings.
#pragma once

#include <cstdint>     // int64_t
#include <optional>    // parse results
#include <string_view> // parse inputs
#include <utility>     // divmod pairs

namespace rc {

/// float // and % and divmod() (Objects/floatobject.c float_divmod, float_rem); b != 0.
std::pair<double, double> float_divmod(double a, double b);
double float_mod(double a, double b);

/// a / b for ints, correctly rounded as CPython's long_true_divide; b != 0.
double int_true_divide(int64_t a, int64_t b);

/// Exact comparison of an int with a finite or infinite (not NaN) float: -1, 0 or 1.
int compare_int_float(int64_t i, double f);

/// round(x) for a float: half to even, as a double (the caller converts to int).
double round_half_even(double x);
/// round(x, ndigits) for a float (Objects/floatobject.c double_round: correctly rounded).
double round_float(double x, int64_t ndigits);

/// float(s): Python's syntax (whitespace, sign, digits with single underscores, decimal point,
/// exponent, inf/infinity/nan); nullopt when s is not a float literal.
std::optional<double> parse_float(std::string_view s);

enum class IntParse { Ok, Invalid, TooBig };
/// int(s, base): Python's syntax (whitespace, sign, underscores, 0x/0o/0b prefixes when base
/// is 0 or matches). base is 0 or 2..36.
IntParse parse_int(std::string_view s, int base, int64_t* out);

} // namespace rc
