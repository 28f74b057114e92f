// Binding the arguments of a native call (a builtin function or a method of a builtin type) to
// CPython 3.12's signature of that callable, with CPython's TypeError messages. CPython's
// builtins report argument errors in a few different shapes (METH_O, METH_NOARGS, Argument
// Clinic, PyArg_ParseTuple); Sig::style says which one the callable uses.
#pragma once

#include <array>            // bound values
#include <cstddef>          // size_t
#include <initializer_list> // parameter names
#include <string>           // messages
#include <string_view>      // names
#include <vector>           // quote_list

#include "model/values/value.hpp" // Value

namespace rc {

struct Sig {
    enum class Style {
        One,       // METH_O: "list.append() takes exactly one argument (0 given)"
        None,      // METH_NOARGS: "str.upper() takes no arguments (1 given)"
        Expected,  // "get expected at least 1 argument, got 0" / "insert expected 2 arguments, got 1"
        Takes,     // "find() takes at least 1 argument (0 given)" / "split() takes at most 2 ..."
        Clinic,    // Argument Clinic with keywords (_PyArg_UnpackKeywords): "put() takes at most 3
                   // arguments (4 given)" counting keywords, "put() missing required argument
                   // 'item' (pos 1)", then "'x' is an invalid keyword argument for get()"
        Python,    // a def in CPython's library: "Event.wait() takes from 1 to 2 positional
                   // arguments but 3 were given", "Queue.put() missing 1 required positional
                   // argument: 'item'", "got an unexpected keyword argument 'x'"
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
    /// Style::Python: arguments CPython counts that the caller does not pass (1 for a method's
    /// self: "Thread.start() takes 1 positional argument but 2 were given").
    size_t implicit = 0;
};

/// The bound arguments, in Sig::params order; Unbound where absent.
struct Bound {
    std::array<Value, 12> v;
    Value operator[](size_t k) const { return v[k]; }
    bool has(size_t k) const { return !v[k].is_unbound(); }
};

/// "1 argument", "2 arguments": n and the noun CPython's messages use for n.
std::string plural(size_t n, const char* one, const char* many);

/// 'a', 'a' and 'b', 'a', 'b', and 'c': names as CPython lists them in "missing ..." messages.
std::string quote_list(const std::vector<std::string>& names);

} // namespace rc
