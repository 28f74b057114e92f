// CPython 3.12's signatures of the threading, queue and concurrent.futures callables racecheck
// models, so that every call binds its arguments as CPython does: an unknown keyword or a wrong
// count raises CPython's TypeError, never passes silently. dispatch.cpp binds each constructor
// and method call against them before the primitive runs; visibility.cpp asks whether a call
// binds (one that does not raises TypeError, so it never waits).
#pragma once

#include <cstddef> // size_t
#include <vector>  // keyword names

#include "model/bytecode/builtins.hpp" // BuiltinId, KnownName
#include "model/ids.hpp"               // NameId
#include "model/values/arguments.hpp"  // Sig
#include "model/values/value.hpp"      // Value

namespace rc {

class Machine;

/// The signature of threading constructor `id`; nullptr when CPython accepts any arguments
/// (threading.RLock ignores them) or the constructor checks them itself (threading.local).
const Sig* sync_constructor_sig(BuiltinId id);

/// The signature of method `method` of threading object `self`; nullptr when it is not a
/// method racecheck implements (the call raises AttributeError or is refused) or takes
/// *args (ThreadPoolExecutor.submit and map bind themselves).
const Sig* sync_method_sig(Machine& m, Value self, KnownName method);

/// Whether a call with `positional` positional arguments and keywords `keywords` binds to `sig`
/// (no TypeError), as Machine::bind decides, without raising.
bool sig_accepts(const Machine& m, const Sig& sig, size_t positional, const std::vector<NameId>& keywords);

} // namespace rc
