// Binding the arguments of a native call (a builtin function or a method of a builtin type) to
// CPython 3.12's signature of that callable, with CPython's TypeError messages. CPython's
// builtins report argument errors in a few different shapes (METH_O, METH_NOARGS, Argument
// Clinic, PyArg_ParseTuple); Sig::style says which one the callable uses.
#pragma once

#include <array>            // bound values
#include <cstddef>          // size_t
#include <initializer_list> // parameter names
#include <string_view>      // names

#include "model/values/value.hpp" // Value

namespace rc {

struct Sig {
    enum class Style {
        One,       // METH_O: "list.append() takes exactly one argument (0 given)"
        None,      // METH_NOARGS: "str.upper() takes no arguments (1 given)"
        Expected,  // "get expected at least 1 argument, got 0" / "insert expected 2 arguments, got 1"
        Takes,     // "find() takes at least 1 argument (0 given)" / "split() takes at most 2 ..."
    };
    /// As the messages spell it: "list.append", "get", "split".
    std::string_view name;
    Style style;
    /// Every parameter of CPython's signature, in order; those racecheck does not implement are
    /// still listed (the caller refuses them when given, never ignores them).
    std::initializer_list<std::string_view> params;
    size_t required = 0;
    /// Parameters before this index are positional-only; from it on they may be keywords.
    size_t positional_only = 0;
    /// Keyword-only parameters start here (params.size(): none).
    size_t keyword_only = static_cast<size_t>(-1);
};

/// The bound arguments, in Sig::params order; Unbound where absent.
struct Bound {
    std::array<Value, 12> v;
    Value operator[](size_t k) const { return v[k]; }
    bool has(size_t k) const { return !v[k].is_unbound(); }
};

} // namespace rc
