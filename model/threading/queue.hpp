// queue.Queue, queue.LifoQueue, queue.PriorityQueue and queue.SimpleQueue: state, construction,
// methods.
#pragma once

#include <cstdint> // int64_t, uint64_t
#include <vector>  // items

#include "model/ids.hpp"                 // NameId
#include "model/threading/primitive.hpp" // Machine, Args
#include "model/values/value.hpp"        // Value

namespace rc {

struct QueueObj {
    /// Which item get() takes: the oldest (Queue), the newest (LifoQueue), or the smallest
    /// (PriorityQueue: `items` is a binary heap kept by CPython's heapq algorithm).
    enum class Order : uint8_t { Fifo, Lifo, Priority };
    std::vector<Value> items;       // Fifo: front = index 0; Lifo: top = back; Priority: heap
    std::vector<uint64_t> item_seq; // per item: the sequence number of its put (happens-before)
    int64_t maxsize = 0;            // <= 0: unbounded
    int64_t unfinished = 0;         // puts minus task_done calls
    uint64_t next_seq = 0;
    Order order = Order::Fifo;
    /// queue.SimpleQueue (C, _queue): FIFO, unbounded, no task_done/join/full/maxsize; put never
    /// blocks and ignores block and timeout.
    bool simple = false;
};

Value make_queue(Machine& m, const Args& a, QueueObj::Order order);
Value make_simple_queue(Machine& m, const Args& a);
/// put, put_nowait, get, get_nowait, task_done, join, qsize, empty, full.
Value queue_method(Machine& m, Value self, NameId method, const Args& a);

} // namespace rc
