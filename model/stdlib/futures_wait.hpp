// concurrent.futures.wait(fs, timeout=None, return_when=ALL_COMPLETED) (futures_wait.cpp).
#pragma once

#include "model/bytecode/builtins.hpp" // BuiltinId
#include "model/values/value.hpp"      // Value

namespace rc {

class Machine;
struct Args;

/// FuturesWait (wait() itself: runs the prelude's _rc_futures_wait in place of the call, whose
/// waits are as_completed's AsCompletedNext operations), and its helpers RcFutureFailed and
/// RcDoneNotDone.
Value futures_builtin(Machine& m, BuiltinId id, const Args& a);

} // namespace rc
