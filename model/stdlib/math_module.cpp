// The math module (see math_module.hpp): CPython 3.12's Modules/mathmodule.c, on the C library's
// functions as CPython calls them (math_1's error rules, math_pow's handling of infinities and
// NaNs, loghelper), so results are bit for bit CPython's on the same libm.
#include "model/stdlib/math_module.hpp"

#include <cerrno>  // errno: the C library's range errors, as CPython reads them
#include <cmath>   // the functions
#include <cstdint> // int64_t
#include <numeric> // gcd
#include <string>  // names in messages

#include "model/objects/classes.hpp" // InstanceObj
#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

using S = Sig::Style;

[[noreturn]] void domain_error(Machine& m) { m.raise(BuiltinId::ValueError, "math domain error"); }
[[noreturn]] void range_error(Machine& m) { m.raise(BuiltinId::OverflowError, "math range error"); }

/// An instance of a user class: CPython would call its __float__/__index__/__floor__ method.
void refuse_instance(Machine& m, Value v, const char* fn) {
    if (m.get<InstanceObj>(v))
        m.unsupported(std::string("math.") + fn + "() of an instance of a class",
                      "CPython calls its __float__, __index__ or the math method's dunder; pass an "
                      "int or a float");
}

/// PyFloat_AsDouble as math's functions use it: an int, bool or float; else "must be real number".
double real(Machine& m, Value v, const char* fn) {
    if (v.tag == VTag::Float) return v.f;
    if (v.is_int_like()) return static_cast<double>(v.i);
    refuse_instance(m, v, fn);
    m.raise(BuiltinId::TypeError, "must be real number, not " + m.type_name(v));
}

/// An int argument (factorial, gcd, lcm, isqrt): PyNumber_Index's message otherwise.
int64_t integer(Machine& m, Value v, const char* fn) {
    if (v.is_int_like()) return v.i;
    refuse_instance(m, v, fn);
    m.raise(BuiltinId::TypeError, "'" + m.type_name(v) + "' object cannot be interpreted as an integer");
}

/// A float result converted to int as floor()/ceil()/trunc() do.
Value to_int(Machine& m, double x) {
    if (std::isnan(x)) m.raise(BuiltinId::ValueError, "cannot convert float NaN to integer");
    if (std::isinf(x)) m.raise(BuiltinId::OverflowError, "cannot convert float infinity to integer");
    if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0)) m.int_overflow();
    return Value::integer(static_cast<int64_t>(x));
}

/// CPython's is_error: an ERANGE underflow (|r| < 1.5) is no error.
void check_errno(Machine& m, double r) {
    if (errno == EDOM) domain_error(m);
    if (errno == ERANGE && std::fabs(r) >= 1.5) range_error(m);
}

/// math_1: a function of one float; a NaN from a non-NaN is a domain error, an infinity from a
/// finite number a range error (can_overflow) or a domain error.
Value math_1(Machine& m, double x, double (*f)(double), bool can_overflow) {
    errno = 0;
    const double r = f(x);
    if (std::isnan(r) && !std::isnan(x)) domain_error(m);
    if (std::isinf(r) && std::isfinite(x)) {
        if (can_overflow) range_error(m);
        domain_error(m);
    }
    if (std::isfinite(r)) check_errno(m, r);
    return Value::floating(r);
}

/// m_log, m_log2, m_log10: 0 and negatives are domain errors (loghelper).
double log_of(Machine& m, Value v, double (*f)(double), const char* fn) {
    if (v.is_int_like()) {
        if (v.i <= 0) domain_error(m);
        return f(static_cast<double>(v.i));
    }
    const double x = real(m, v, fn);
    if (std::isnan(x) || x == INFINITY) return x;
    if (x <= 0) domain_error(m);
    return f(x);
}

double c_sqrt(double x) { return std::sqrt(x); }
double c_exp(double x) { return std::exp(x); }
double c_sin(double x) { return std::sin(x); }
double c_cos(double x) { return std::cos(x); }
double c_tan(double x) { return std::tan(x); }
double c_atan(double x) { return std::atan(x); }
double c_log(double x) { return std::log(x); }
double c_log2(double x) { return std::log2(x); }
double c_log10(double x) { return std::log10(x); }

/// math_pow: IEEE specials handled directly, finite ** finite by libm.
double power(Machine& m, double x, double y) {
    double r = 0;
    if (!std::isfinite(x) || !std::isfinite(y)) {
        if (std::isnan(x)) r = y == 0. ? 1. : x;
        else if (std::isnan(y)) r = x == 1. ? 1. : y;
        else if (std::isinf(x)) {
            const bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
            if (y > 0.) r = odd_y ? x : std::fabs(x);
            else if (y == 0.) r = 1.;
            else r = odd_y ? std::copysign(0., x) : 0.;
        } else { // y infinite
            if (std::fabs(x) == 1.0) r = 1.;
            else if (y > 0. && std::fabs(x) > 1.0) r = y;
            else if (y < 0. && std::fabs(x) < 1.0) r = -y;
            else r = 0.;
        }
        return r;
    }
    errno = 0;
    r = std::pow(x, y);
    if (std::isnan(r)) domain_error(m);
    if (std::isinf(r)) {
        if (x == 0.) domain_error(m);
        range_error(m);
    }
    check_errno(m, r);
    return r;
}

/// a * b for gcd's lcm, refused beyond 64 bits.
int64_t times(Machine& m, int64_t a, int64_t b) {
    int64_t r = 0;
    if (__builtin_mul_overflow(a, b, &r)) m.int_overflow();
    return r;
}

int64_t absolute(Machine& m, int64_t v) {
    if (v == INT64_MIN) m.int_overflow();
    return v < 0 ? -v : v;
}

} // namespace

Value math_builtin(Machine& m, BuiltinId id, const Args& a) {
    using B = BuiltinId;
    switch (id) {
    case B::MathSqrt: return math_1(m, real(m, m.bind(a, Sig{"math.sqrt", S::One, {"x"}, 1, 1})[0], "sqrt"), c_sqrt, false);
    case B::MathExp: return math_1(m, real(m, m.bind(a, Sig{"math.exp", S::One, {"x"}, 1, 1})[0], "exp"), c_exp, true);
    case B::MathSin: return math_1(m, real(m, m.bind(a, Sig{"math.sin", S::One, {"x"}, 1, 1})[0], "sin"), c_sin, false);
    case B::MathCos: return math_1(m, real(m, m.bind(a, Sig{"math.cos", S::One, {"x"}, 1, 1})[0], "cos"), c_cos, false);
    case B::MathTan: return math_1(m, real(m, m.bind(a, Sig{"math.tan", S::One, {"x"}, 1, 1})[0], "tan"), c_tan, false);
    case B::MathAtan: return math_1(m, real(m, m.bind(a, Sig{"math.atan", S::One, {"x"}, 1, 1})[0], "atan"), c_atan, false);
    case B::MathFabs:
        return Value::floating(std::fabs(real(m, m.bind(a, Sig{"math.fabs", S::One, {"x"}, 1, 1})[0], "fabs")));
    case B::MathDegrees:
        return Value::floating(real(m, m.bind(a, Sig{"math.degrees", S::One, {"x"}, 1, 1})[0], "degrees") /
                               (3.141592653589793 / 180.0));
    case B::MathRadians:
        return Value::floating(real(m, m.bind(a, Sig{"math.radians", S::One, {"x"}, 1, 1})[0], "radians") *
                               (3.141592653589793 / 180.0));
    case B::MathIsnan:
    case B::MathIsinf:
    case B::MathIsfinite: {
        const char* fn = id == B::MathIsnan ? "isnan" : id == B::MathIsinf ? "isinf" : "isfinite";
        const std::string name = std::string("math.") + fn;
        const double x = real(m, m.bind(a, Sig{name, S::One, {"x"}, 1, 1})[0], fn);
        return Value::boolean(id == B::MathIsnan ? std::isnan(x) : id == B::MathIsinf ? std::isinf(x)
                                                                                     : std::isfinite(x));
    }
    case B::MathFloor:
    case B::MathCeil:
    case B::MathTrunc: {
        const char* fn = id == B::MathFloor ? "floor" : id == B::MathCeil ? "ceil" : "trunc";
        const Value v = m.bind(a, Sig{id == B::MathFloor  ? "math.floor"
                                      : id == B::MathCeil ? "math.ceil"
                                                          : "math.trunc",
                                      S::One, {"x"}, 1, 1})[0];
        if (v.is_int_like()) return Value::integer(v.i); // int.__floor__ and friends: the int
        if (v.tag != VTag::Float) {
            refuse_instance(m, v, fn);
            if (id == B::MathTrunc)
                m.raise(BuiltinId::TypeError, "type " + m.type_name(v) + " doesn't define __trunc__ method");
            m.raise(BuiltinId::TypeError, "must be real number, not " + m.type_name(v));
        }
        return to_int(m, id == B::MathFloor ? std::floor(v.f) : id == B::MathCeil ? std::ceil(v.f) : std::trunc(v.f));
    }
    case B::MathFactorial: {
        const int64_t n = integer(m, m.bind(a, Sig{"math.factorial", S::One, {"n"}, 1, 1})[0], "factorial");
        if (n < 0) m.raise(BuiltinId::ValueError, "factorial() not defined for negative values");
        int64_t r = 1;
        for (int64_t k = 2; k <= n; ++k) r = times(m, r, k);
        return Value::integer(r);
    }
    case B::MathIsqrt: {
        const int64_t n = integer(m, m.bind(a, Sig{"math.isqrt", S::One, {"n"}, 1, 1})[0], "isqrt");
        if (n < 0) m.raise(BuiltinId::ValueError, "isqrt() argument must be nonnegative");
        auto r = static_cast<int64_t>(std::sqrt(static_cast<double>(n)));
        while (r > 0 && (r > 3037000499 || r * r > n)) --r; // the float's root may be one too big
        while (r < 3037000499 && (r + 1) * (r + 1) <= n) ++r;
        return Value::integer(r);
    }
    case B::MathGcd:
    case B::MathLcm: {
        const bool gcd = id == B::MathGcd;
        if (!a.kw.empty())
            m.raise(BuiltinId::TypeError, std::string("math.") + (gcd ? "gcd" : "lcm") + "() takes no keyword arguments");
        int64_t r = gcd ? 0 : 1;
        for (Value v : a.pos) {
            const int64_t x = absolute(m, integer(m, v, gcd ? "gcd" : "lcm"));
            if (gcd) r = std::gcd(r, x);
            else r = (r == 0 || x == 0) ? 0 : times(m, r / std::gcd(r, x), x);
        }
        return Value::integer(r);
    }
    case B::MathPow: {
        Bound b = m.bind(a, Sig{"pow", S::Expected, {"x", "y"}, 2, 2});
        return Value::floating(power(m, real(m, b[0], "pow"), real(m, b[1], "pow")));
    }
    case B::MathAtan2: {
        Bound b = m.bind(a, Sig{"atan2", S::Expected, {"y", "x"}, 2, 2});
        return Value::floating(std::atan2(real(m, b[0], "atan2"), real(m, b[1], "atan2")));
    }
    case B::MathCopysign: {
        Bound b = m.bind(a, Sig{"copysign", S::Expected, {"x", "y"}, 2, 2});
        return Value::floating(std::copysign(real(m, b[0], "copysign"), real(m, b[1], "copysign")));
    }
    case B::MathLog: {
        Bound b = m.bind(a, Sig{"log", S::Expected, {"x", "base"}, 1, 2});
        const double num = log_of(m, b[0], c_log, "log");
        if (!b.has(1)) return Value::floating(num);
        const double den = log_of(m, b[1], c_log, "log");
        if (den == 0) m.raise(BuiltinId::ZeroDivisionError, "float division by zero");
        return Value::floating(num / den);
    }
    case B::MathLog2:
        return Value::floating(log_of(m, m.bind(a, Sig{"math.log2", S::One, {"x"}, 1, 1})[0], c_log2, "log2"));
    case B::MathLog10:
        return Value::floating(log_of(m, m.bind(a, Sig{"math.log10", S::One, {"x"}, 1, 1})[0], c_log10, "log10"));
    case B::MathIsclose: {
        Bound b = m.bind(a, Sig{"isclose", S::Clinic, {"a", "b", "rel_tol", "abs_tol"}, 2, 0, 2});
        const double x = real(m, b[0], "isclose"), y = real(m, b[1], "isclose");
        const double rel = b.has(2) ? real(m, b[2], "isclose") : 1e-09;
        const double abs_tol = b.has(3) ? real(m, b[3], "isclose") : 0.0;
        if (rel < 0.0 || abs_tol < 0.0) m.raise(BuiltinId::ValueError, "tolerances must be non-negative");
        if (x == y) return Value::boolean(true);
        if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
        const double diff = std::fabs(y - x);
        return Value::boolean((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) || (diff <= abs_tol));
    }
    default: break;
    }
    RC_CHECK(false, "math_builtin: not a math function");
    return Value::none();
}

} // namespace rc
