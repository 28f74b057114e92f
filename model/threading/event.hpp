// threading.Event: state, construction, methods.
#pragma once

#include "model/ids.hpp"                 // NameId
#include "model/threading/primitive.hpp" // Machine, Args
#include "model/values/value.hpp"        // Value

namespace rc {

struct EventObj {
    bool flag = false;
};

Value make_event(Machine& m, const Args& a);
/// set, clear, is_set, wait(timeout=).
Value event_method(Machine& m, Value self, NameId method, const Args& a);

} // namespace rc
