// What every threading primitive's file shares: how a method call reaches it, the timeout
// argument, and the AttributeError for a method it does not have.
//
// Each primitive (lock.hpp, condition.hpp, ...) holds its state struct (a heap Object
// alternative), its constructor and its methods, after loom's one-file-per-object layout. The
// dispatch from the interpreter (calls, `with`, two-phase waits, constructors) is dispatch.cpp;
// when an operation may proceed is enabled.cpp; which calls are visible is visibility.cpp.
// A method runs only when its pending operation is enabled, or with Machine::timeout set when
// the scheduler chose the timeout branch.
#pragma once

#include <cstdint> // int64_t

#include "model/bytecode/builtins.hpp" // KnownName
#include "model/ids.hpp"               // NameId
#include "model/values/value.hpp"      // Value

namespace rc {

class Machine;
struct Args;

/// The KnownName of a method name, or KnownName::Count for any other name.
inline KnownName known_method(NameId method) {
    return method.value < kKnownNameCount ? static_cast<KnownName>(method.value) : KnownName::Count;
}

/// A `timeout=` argument in seconds (None or absent: 0; negative: 0).
double timeout_seconds(Machine& m, Value timeout);

/// Advances the calling thread's virtual clock by a timeout that fired.
void spend_timeout(Machine& m, Value timeout);

/// AttributeError: '<type>' object has no attribute '<method>' (refused when CPython's class has
/// that method and racecheck does not implement it).
[[noreturn]] void no_such_method(Machine& m, Value self, NameId method);

} // namespace rc
