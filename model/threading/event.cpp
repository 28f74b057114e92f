// threading.Event on virtual threads, with CPython 3.12's semantics.
#include "model/threading/event.hpp"

#include "model/runtime/machine.hpp" // Machine

namespace rc {

Value make_event(Machine& m, const Args&) { return Value::object(m.alloc(Object{EventObj{}})); }

Value event_method(Machine& m, Value self, NameId method, const Args& a) {
    auto& e = *m.get<EventObj>(self);
    switch (known_method(method)) {
    case KnownName::set: e.flag = true; return Value::none();
    case KnownName::clear: e.flag = false; return Value::none();
    case KnownName::is_set:
        if (m.event) m.event->value = Value::boolean(e.flag);
        return Value::boolean(e.flag);
    case KnownName::wait:
        if (m.timeout) {
            spend_timeout(m, a.get(0, KnownName::timeout, Value::none()));
            if (m.event) m.event->value = Value::boolean(false);
            return Value::boolean(false);
        }
        RC_CHECK(e.flag, "Event.wait executed while unset");
        if (m.event) m.event->value = Value::boolean(true);
        return Value::boolean(true);
    default: no_such_method(m, self, method);
    }
}

} // namespace rc
