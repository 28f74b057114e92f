// queue.Queue, LifoQueue, PriorityQueue and SimpleQueue on virtual threads, with CPython 3.12's
// semantics and exceptions. PriorityQueue keeps a heap with _heapq's C algorithm (swaps, the same comparisons
// in the same order), so equal priorities come out in CPython's order and a comparison that
// raises leaves the heap as CPython leaves it.
#include "model/threading/queue.hpp"

#include <utility> // swap

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

/// Swaps heap entries i and j, with their sequence numbers.
void swap_entries(QueueObj& q, size_t i, size_t j) {
    std::swap(q.items[i], q.items[j]);
    std::swap(q.item_seq[i], q.item_seq[j]);
}

/// _heapq's siftdown: moves the entry at pos up towards start while it is less than its parent.
/// The queue is re-fetched after every comparison (a user __lt__ may run Python code).
void sift_down(Machine& m, Value self, size_t start, size_t pos) {
    while (pos > start) {
        const size_t parent = (pos - 1) >> 1;
        QueueObj* q = m.get<QueueObj>(self);
        const Value item = q->items[pos], above = q->items[parent];
        if (!m.less(item, above)) break;
        swap_entries(*m.get<QueueObj>(self), pos, parent);
        pos = parent;
    }
}

/// _heapq's siftup: bubbles the smaller child up from pos to a leaf, then sifts down.
void sift_up(Machine& m, Value self, size_t pos) {
    const size_t end = m.get<QueueObj>(self)->items.size(), start = pos, limit = end >> 1;
    while (pos < limit) {
        size_t child = 2 * pos + 1;
        if (child + 1 < end) {
            QueueObj* q = m.get<QueueObj>(self);
            const Value a = q->items[child], b = q->items[child + 1];
            if (!m.less(a, b)) ++child;
        }
        swap_entries(*m.get<QueueObj>(self), child, pos);
        pos = child;
    }
    sift_down(m, self, start, pos);
}

} // namespace

Value make_queue(Machine& m, const Args& a, QueueObj::Order order) {
    QueueObj q;
    q.order = order;
    q.maxsize = m.to_index(a.get(0, KnownName::maxsize, Value::integer(0)), "maxsize");
    return Value::object(m.alloc(Object{std::move(q)}));
}

Value make_simple_queue(Machine& m, const Args&) { // SimpleQueue() takes no arguments (bound)
    QueueObj q;
    q.simple = true;
    return Value::object(m.alloc(Object{std::move(q)}));
}

Value queue_method(Machine& m, Value self, NameId method, const Args& a) {
    auto q = [&]() -> QueueObj& { return *m.get<QueueObj>(self); };
    const PendingOp& op = m.th().pending;
    KnownName k = known_method(method);
    const bool simple = q().simple;
    if (simple && (k == KnownName::task_done || k == KnownName::join || k == KnownName::full))
        no_such_method(m, self, method);
    switch (k) {
    case KnownName::put:
    case KnownName::put_nowait: {
        Bound b = m.bind(a, *sync_method_sig(m, self, k));
        if (!simple) check_timeout(m, b[1], b[2]); // SimpleQueue.put ignores block and timeout
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
        // heappush: a comparison that raises leaves the item in the heap, the put uncounted
        if (q().order == QueueObj::Order::Priority) sift_down(m, self, 0, q().items.size() - 1);
        if (!simple) q().unfinished++;
        if (m.event) {
            m.event->item = seq;
            m.event->value = item;
        }
        return Value::none();
    }
    case KnownName::get:
    case KnownName::get_nowait: {
        Bound b;
        if (!simple || k != KnownName::get_nowait) b = m.bind(a, *sync_method_sig(m, self, k));
        else if (!a.pos.empty() || !a.kw.empty()) // no Sig: _queue's own message
            m.raise(BuiltinId::TypeError, "get_nowait() takes no arguments");
        check_timeout(m, b[0], b[1]);
        if (m.timeout) {
            spend_timeout(m, a.get(1, KnownName::timeout, Value::none()));
            m.raise(BuiltinId::QueueEmpty, "");
        }
        if (q().items.empty()) {
            RC_CHECK(op.nonblocking, "blocking get executed on an empty queue");
            m.raise(BuiltinId::QueueEmpty, "");
        }
        Value item;
        uint64_t seq = 0;
        if (q().order == QueueObj::Order::Fifo) {
            item = q().items.front();
            seq = q().item_seq.front();
            q().items.erase(q().items.begin());
            q().item_seq.erase(q().item_seq.begin());
        } else { // Lifo: list.pop(); Priority: heappop, the last entry moved to the top
            item = q().items.back();
            seq = q().item_seq.back();
            q().items.pop_back();
            q().item_seq.pop_back();
            if (q().order == QueueObj::Order::Priority && !q().items.empty()) {
                std::swap(item, q().items.front());
                std::swap(seq, q().item_seq.front());
                sift_up(m, self, 0); // a comparison that raises loses the item, as in CPython
            }
        }
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
