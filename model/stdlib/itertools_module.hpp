// itertools' iterators (itertools_module.cpp).
#pragma once

#include "model/bytecode/builtins.hpp" // BuiltinId
#include "model/values/value.hpp"      // Value

namespace rc {

class Machine;
struct Args;

/// count, cycle, repeat, islice, chain (and chain.from_iterable), product, permutations,
/// combinations, accumulate, zip_longest: checks the arguments as CPython 3.12 does when the
/// iterator is made, then returns a generator of the iterator's type running the prelude's
/// _rc_it_* function (lazy, as CPython's).
Value itertools_builtin(Machine& m, BuiltinId id, const Args& a);

} // namespace rc
