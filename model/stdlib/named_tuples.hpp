// The named tuples of the library racecheck models (TupleObj::named): concurrent.futures'
// DoneAndNotDoneFutures and time.struct_time, and the time functions that make struct_time
// (named_tuples.cpp).
#pragma once

#include <string> // field names, reprs

#include "model/bytecode/builtins.hpp" // BuiltinId
#include "model/values/value.hpp"      // Value

namespace rc {

class Machine;
struct Args;

/// The field `name` of a named tuple; Unbound when it has none.
Value named_tuple_field(Machine& m, Value tuple, const std::string& name);
/// CPython's repr: DoneAndNotDoneFutures(done={...}, not_done=set()), time.struct_time(tm_year=...).
std::string named_tuple_repr(Machine& m, Value tuple);
/// time.gmtime, localtime, strftime and ctime on racecheck's virtual clock, in UTC.
Value time_builtin(Machine& m, BuiltinId id, const Args& a);

} // namespace rc
