// threading.Thread and threading.local: state, construction, methods, and starting a virtual
// thread (also used for pool workers).
#pragma once

#include <cstdint> // uint32_t
#include <string>  // name
#include <utility> // pair
#include <vector>  // per-thread attributes, start arguments

#include "model/ids.hpp"                 // ObjectId, ThreadId, NameId, FuncId
#include "model/threading/primitive.hpp" // Machine, Args
#include "model/values/value.hpp"        // Value

namespace rc {

struct ThreadObj {
    Value target, args, kwargs; // args: tuple (a Timer's: list), kwargs: dict or None
    std::string name;
    bool daemon = false;
    bool started = false;
    ThreadId tid; // valid once started (or for the main thread / pool workers)
    /// threading.Timer: its `finished` Event (cancel() sets it) and its interval; invalid for a
    /// plain Thread.
    ObjectId timer;
    Value interval;
};

/// threading.local(): per-thread attribute dicts.
struct LocalObj {
    std::vector<std::pair<ThreadId, std::vector<std::pair<NameId, Value>>>> per_thread;
};

/// Thread(group, target, name, args, kwargs, *, daemon): CPython's names ("Thread-1 (worker)")
/// and daemon inheritance.
Value make_thread(Machine& m, const Args& a);
Value make_local(Machine& m, const Args& a);
/// Timer(interval, function, args=None, kwargs=None): a Thread whose body waits on its
/// `finished` Event for the interval, then calls function unless cancel() set it.
Value make_timer(Machine& m, const Args& a);
/// start, join(timeout=), is_alive, run; a Timer's cancel.
Value thread_method(Machine& m, Value self, NameId method, const Args& a);
/// Creates a Running virtual thread for `thread_obj` executing `body(*args)`, run on to its
/// first visible operation. Its clock starts at the creator's.
ThreadId start_thread(Machine& m, ObjectId thread_obj, FuncId body, std::vector<Value> args);

} // namespace rc
