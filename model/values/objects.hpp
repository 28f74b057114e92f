// Heap objects: the Python objects that are not scalars, and (from model/threading/) the state
// of every threading and queue object. A closed set (std::variant); the interpreter and the
// state hash visit it.
//
// Objects are never freed during an execution (executions are short); ObjectIds stay valid and
// deterministic, which replay and reports rely on.
#pragma once

#include <cstddef> // ptrdiff_t
#include <cstdint> // int64_t, uint32_t, uint64_t
#include <string>  // StrObj
#include <utility> // pair
#include <variant> // Object
#include <vector>  // contents

#include "model/bytecode/builtins.hpp" // BuiltinId for exception classes
#include "model/ids.hpp"      // ObjectId, ThreadId, FuncId, NameId
#include "model/values/value.hpp"    // Value
#include "model/objects/classes.hpp"   // ClassObj, InstanceObj, MethodObj, WrapperObj, SuperObj
// The threading primitives' state (each primitive's own file holds it, as loom does):
#include "model/threading/barrier.hpp"     // BarrierObj
#include "model/threading/condition.hpp"   // ConditionObj
#include "model/threading/event.hpp"       // EventObj
#include "model/threading/lock.hpp"        // LockObj, RLockObj
#include "model/threading/queue.hpp"       // QueueObj
#include "model/threading/semaphore.hpp"   // SemaphoreObj
#include "model/threading/thread.hpp"      // ThreadObj, LocalObj
#include "model/threading/thread_pool.hpp" // FutureObj, ExecutorObj, AsCompletedObj

namespace rc {

/// A str: UTF-8 text whose Python meaning is its sequence of code points (unicode.hpp).
struct StrObj {
    std::string s;
    /// invariant: the number of code points in s (== s.size() exactly when s is ASCII).
    uint32_t length = 0;

    StrObj() = default;
    explicit StrObj(std::string text);
    bool ascii() const { return length == s.size(); }
};
struct TupleObj {
    std::vector<Value> items;
    /// A named tuple of the library (DoneAndNotDone, StructTime): its class, whose field names
    /// read its items (model/stdlib/); Tuple for a plain tuple.
    BuiltinId named = BuiltinId::Tuple;
};
struct ListObj {
    std::vector<Value> items;
};
/// Insertion-ordered; keys compared with Python equality (small dicts: linear lookup).
/// Mutate it through append/erase/clear only: they keep `seqs` in step.
struct DictObj {
    std::vector<std::pair<Value, Value>> items;
    /// seqs[i]: when items[i] was inserted (increasing). CPython's dict iterator walks its
    /// entries array, in which deleted entries keep their place; an iterator here remembers the
    /// last sequence number it yielded, so it continues where CPython's would.
    std::vector<uint64_t> seqs;
    uint64_t next_seq = 0;
    /// collections.defaultdict and Counter: a dict whose type and missing-key rule differ
    /// (model/stdlib/collections_dicts.cpp). Copied with the dict by d.copy() only.
    enum class Kind : uint8_t { Dict, DefaultDict, Counter };
    Kind kind = Kind::Dict;
    Value default_factory = Value::none(); // DefaultDict: called for a missing key (None: KeyError)

    void append(Value key, Value value) {
        items.emplace_back(key, value);
        seqs.push_back(next_seq++);
    }
    void erase(size_t i) {
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
        seqs.erase(seqs.begin() + static_cast<std::ptrdiff_t>(i));
    }
    void clear() {
        items.clear();
        seqs.clear();
    }
};
/// set and frozenset, laid out as CPython 3.12's setobject.c lays them out (open addressing,
/// linear probes, perturbation), so that iteration order, repr and pop() are CPython's for the
/// same hashes (set_table.cpp).
struct SetObj {
    /// An empty slot: key Unbound, hash 0. A deleted slot (CPython's dummy): key Unbound,
    /// hash -1. An active slot: the key and its hash.
    struct Entry {
        Value key;
        int64_t hash = 0;
    };
    std::vector<Entry> table = std::vector<Entry>(8); // invariant: size is a power of 2, >= 8
    uint32_t fill = 0;   // active + deleted slots
    uint32_t used = 0;   // active slots (the length)
    uint32_t finger = 0; // where pop() starts looking
    bool frozen = false;
};
/// dict.keys() / values() / items(): live views of a dict.
struct DictViewObj {
    enum class Kind : uint8_t { Keys, Values, Items };
    Kind kind = Kind::Keys;
    Value dict;
};
/// collections.deque (a bounded one drops from the other end when full).
struct DequeObj {
    std::vector<Value> items;
    int64_t maxlen = -1; // -1: unbounded
    uint64_t version = 0; // bumped by every mutation: iterators raise when it changed
};
/// A generator: a suspended Python frame (a generator expression, a `def` with `yield`, or one
/// of the prelude's lazy builtins: map, filter, zip, enumerate over a generator).
struct GeneratorObj {
    enum class Status : uint8_t { Created, Suspended, Running, Done };
    FuncId code;
    Status status = Status::Created;
    /// While not running: the frame's local slots then its operand stack.
    std::vector<Value> saved;
    uint32_t saved_locals = 0; // how many of `saved` are local slots
    uint32_t pc = 0;
    /// Exceptions being handled inside the generator's frame when it yielded.
    std::vector<Value> saved_exc;
    /// type(g).__name__: "generator", or "map", "filter", ... for the lazy builtins.
    BuiltinId type = BuiltinId::GeneratorType;
};
/// A logger of the logging module (getLogger(name)); the root logger is named "root".
struct LoggerObj {
    std::string name;
    int64_t level = 0; // NOTSET: the root logger's level applies
};
struct RangeObj {
    int64_t start = 0, stop = 0, step = 1;
};
struct SliceObj {
    Value lower, upper, step; // None when absent
};
/// A bare `object()`: identity only (sentinels).
struct PlainObj {};
/// functools.partial(func, *args, **keywords): a call adds its arguments after `args` and its
/// keywords over `keywords` (a partial of a partial is flattened when made, as in CPython).
struct PartialObj {
    Value func;
    Value args;     // a tuple
    Value keywords; // a dict with str keys
};
/// `str.lower` and other methods of a builtin type taken from the class: called with the
/// receiver first.
struct MethodDescriptorObj {
    BuiltinId owner = BuiltinId::Str;
    NameId method;
};
struct FunctionObj {
    FuncId code;
    std::vector<Value> defaults; // for the last defaults.size() parameters
    std::vector<Value> closure;  // the cells of the code's free variables (CodeObject::free_slots)
    /// functools.update_wrapper(this, wrapped): __wrapped__, and whose __name__, __qualname__,
    /// __doc__ and __module__ this function shows (Unbound: its own).
    Value wrapped;
};
/// A cell (CPython's): a variable of a function that inner functions, lambdas or generator
/// expressions use. The function's slot and every closure made from it hold the cell, and every
/// read and write goes through it, so a closure sees the variable's current value. A cell
/// another thread can reach is shared memory, as an attribute is (model/threading/visibility.cpp).
struct CellObj {
    Value value;  // Unbound: the variable has no value (not yet assigned, or deleted)
    NameId name;  // the variable
    FuncId owner; // the function it is a variable of
    uint32_t line = 0; // where that function's call made it (the line of its `def`)
};
struct ExceptionObj {
    BuiltinId type = BuiltinId::Exception;
    std::vector<Value> args;
    uint32_t line = 0;  // where it was raised (code-block line), 0 = unknown
    ThreadId thread;    // which thread raised it
    /// What CPython's traceback printer appends to an uncaught NameError or AttributeError
    /// (". Did you mean: 'counter'?"); never part of str(e).
    std::string suggestion;
    /// The program's exception class it is an instance of (invalid: a builtin one), and the
    /// attributes its code set on it.
    ObjectId cls;
    AttrList attrs;
};

/// An iterator implemented natively: over a sequence, a dict, a set, a range or a str, or one
/// of the lazy builtins over such iterators (enumerate, zip, reversed). Its `pos` advances;
/// the source is read at each step (lists are live, as in CPython).
struct IterObj {
    enum class Kind : uint8_t {
        Sequence,   // list or tuple: source[pos]
        DictKeys,   // dict: the key/value/item at entry pos; stop = the dict's size, item =
        DictItems,  //   its version when the iterator was made (a change raises RuntimeError)
        DictValues,
        Set,        // set: table slot pos; stop = the size when made
        Range,      // pos = next value, stop, step
        String,     // source: a str; pos = code point index, item = byte offset
        Reversed,   // list/tuple/str: source[pos], pos counting down; -1: exhausted
        Deque,      // deque: source[pos]; item = its version when made
        Enumerate,  // inner: an iterator; pos = the next count
        Zip,        // source: a tuple of iterators
        Exhausted,  // an iterator that ran out stays out
    };
    Kind kind = Kind::Sequence;
    Value source;   // the list/tuple/dict/str/set/deque being iterated (Range: unused)
    int64_t pos = 0; // index, or the next range value
    int64_t stop = 0, step = 1; // Range; Dict*/Set: the size when made
    uint64_t item = 0;          // Dict*: version when made; String: byte offset; Deque: version
    Value inner;                // Enumerate: the wrapped iterator
};

struct Object {
    std::variant<StrObj, TupleObj, ListObj, DictObj, RangeObj, SliceObj, FunctionObj,
                 ExceptionObj, IterObj, AsCompletedObj, ThreadObj, LockObj, RLockObj,
                 ConditionObj, SemaphoreObj, EventObj, BarrierObj, QueueObj, LocalObj, FutureObj,
                 ExecutorObj, SetObj, DictViewObj, DequeObj, GeneratorObj, LoggerObj,
                 MethodDescriptorObj, PlainObj, ClassObj, InstanceObj, MethodObj, WrapperObj,
                 SuperObj, CellObj, PartialObj>
        data;
    /// Reachable by more than one thread (stored in a shared global, passed to a thread, put in
    /// a queue...). Operations on unshared containers are invisible. Never reset.
    bool shared = false;
};

} // namespace rc
