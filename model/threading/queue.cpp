// queue.Queue on virtual threads, with CPython 3.12's semantics and exceptions.
#include "model/threading/queue.hpp"

#include "model/runtime/machine.hpp"       // Machine
#include "model/library/signatures.hpp" // sync_method_sig

namespace rc {

namespace {

/// Queue.put/get: a negative timeout of a blocking call is CPython's ValueError.
void check_timeout(Machine& m, Value block, Value timeout) {
    if (!block.is_unbound() && !m.truthy(block)) return;
    if (timeout.is_unbound() || timeout.is_none()) return;
    if (m.to_float(timeout, "timeout") < 0)
        m.raise(BuiltinId::ValueError, "'timeout' must be a non-negative number");
}

} // namespace

Value make_queue(Machine& m, const Args& a) {
    QueueObj q;
    q.maxsize = m.to_index(a.get(0, KnownName::maxsize, Value::integer(0)), "maxsize");
    return Value::object(m.alloc(Object{std::move(q)}));
}

Value queue_method(Machine& m, Value self, NameId method, const Args& a) {
    auto q = [&]() -> QueueObj& { return *m.get<QueueObj>(self); };
    const PendingOp& op = m.th().pending;
    KnownName k = known_method(method);
    switch (k) {
    case KnownName::put:
    case KnownName::put_nowait: {
        Bound b = m.bind(a, *sync_method_sig(m, self, k));
        check_timeout(m, b[1], b[2]);
        Value item = b[0];
        bool full = q().maxsize > 0 && static_cast<int64_t>(q().items.size()) >= q().maxsize;
        if (m.timeout) {
            spend_timeout(m, a.get(2, KnownName::timeout, Value::none()));
            m.raise(BuiltinId::QueueFull, "");
        }
        if (full) {
            RC_CHECK(op.nonblocking, "blocking put executed on a full queue");
            m.raise(BuiltinId::QueueFull, "");
        }
        m.mark_shared(item);
        uint64_t seq = q().next_seq++;
        m.charge(sizeof(Value) + sizeof(q().item_seq[0]));
        q().items.push_back(item);
        q().item_seq.push_back(seq);
        q().unfinished++;
        if (m.event) {
            m.event->item = seq;
            m.event->value = item;
        }
        return Value::none();
    }
    case KnownName::get:
    case KnownName::get_nowait: {
        Bound b = m.bind(a, *sync_method_sig(m, self, k));
        check_timeout(m, b[0], b[1]);
        if (m.timeout) {
            spend_timeout(m, a.get(1, KnownName::timeout, Value::none()));
            m.raise(BuiltinId::QueueEmpty, "");
        }
        if (q().items.empty()) {
            RC_CHECK(op.nonblocking, "blocking get executed on an empty queue");
            m.raise(BuiltinId::QueueEmpty, "");
        }
        Value item = q().items.front();
        uint64_t seq = q().item_seq.front();
        q().items.erase(q().items.begin());
        q().item_seq.erase(q().item_seq.begin());
        if (m.event) {
            m.event->item = seq;
            m.event->value = item;
        }
        return item;
    }
    case KnownName::task_done:
        if (q().unfinished <= 0) m.raise(BuiltinId::ValueError, "task_done() called too many times");
        q().unfinished--;
        return Value::none();
    case KnownName::join: return Value::none(); // enabled only when unfinished == 0
    case KnownName::qsize: return Value::integer(static_cast<int64_t>(q().items.size()));
    case KnownName::empty: return Value::boolean(q().items.empty());
    case KnownName::full:
        return Value::boolean(q().maxsize > 0 && static_cast<int64_t>(q().items.size()) >= q().maxsize);
    default: no_such_method(m, self, method);
    }
}

} // namespace rc
