// The fixed vocabulary of the subset: builtin callables and classes, the importable modules and
// their members, exception classes, and the attribute/method names the runtime dispatches on.
//
// Each table is one X-macro list, so the enum and its spelling cannot drift apart. The compiler
// turns identifiers into these ids once; the interpreter never compares strings.
#pragma once

#include <cstdint>     // uint8_t, uint16_t
#include <optional>    // lookups that may fail
#include <string_view> // spellings

namespace rc {

// clang-format off
/// Builtin values: functions, classes (callable constructors) and exception classes.
/// X(enum, python spelling)
#define RC_BUILTINS(X)                                                                             \
    X(Print, "print") X(Len, "len") X(Range, "range") X(Sum, "sum") X(Min, "min") X(Max, "max")    \
    X(Abs, "abs") X(Str, "str") X(Int, "int") X(Float, "float") X(Bool, "bool") X(List, "list")    \
    X(Tuple, "tuple") X(Dict, "dict") X(Enumerate, "enumerate") X(Zip, "zip")                      \
    X(Sorted, "sorted") X(Reversed, "reversed") X(Any, "any") X(All, "all") X(Repr, "repr")        \
    X(Round, "round") X(Isinstance, "isinstance") X(Divmod, "divmod")                              \
    /* threading */                                                                                \
    X(Thread, "Thread") X(Lock, "Lock") X(RLock, "RLock") X(Condition, "Condition")                \
    X(Semaphore, "Semaphore") X(BoundedSemaphore, "BoundedSemaphore") X(Event, "Event")            \
    X(Barrier, "Barrier") X(Local, "local") X(CurrentThread, "current_thread")                     \
    X(MainThread, "main_thread") X(ActiveCount, "active_count") X(GetIdent, "get_ident")           \
    /* queue */                                                                                    \
    X(Queue, "Queue")                                                                              \
    /* time */                                                                                     \
    X(Sleep, "sleep") X(Time, "time") X(Monotonic, "monotonic") X(PerfCounter, "perf_counter")     \
    /* concurrent.futures */                                                                       \
    X(ThreadPoolExecutor, "ThreadPoolExecutor") X(AsCompleted, "as_completed")                    \
    /* exception classes (see kExceptionParents for the hierarchy) */                              \
    X(BaseException, "BaseException") X(Exception, "Exception")                                    \
    X(ArithmeticError, "ArithmeticError") X(LookupError, "LookupError")                            \
    X(AssertionError, "AssertionError") X(AttributeError, "AttributeError")                        \
    X(IndexError, "IndexError") X(KeyError, "KeyError") X(NameError, "NameError")                  \
    X(UnboundLocalError, "UnboundLocalError") X(OverflowError, "OverflowError")                    \
    X(RecursionError, "RecursionError") X(RuntimeError, "RuntimeError")                            \
    X(NotImplementedError, "NotImplementedError") X(StopIteration, "StopIteration")                \
    X(TypeError, "TypeError") X(ValueError, "ValueError") X(ZeroDivisionError, "ZeroDivisionError")\
    X(OSError, "OSError") X(TimeoutError, "TimeoutError") X(QueueEmpty, "Empty")                   \
    X(QueueFull, "Full") X(BrokenBarrierError, "BrokenBarrierError")                               \
    X(CancelledError, "CancelledError") X(KeyboardInterrupt, "KeyboardInterrupt")                  \
    X(SystemExit, "SystemExit") X(MemoryError, "MemoryError")                                      \
    /* internal: callable only from racecheck's prelude (names start with _rc_) */                 \
    X(RcApply, "_rc_apply") X(RcPoolNext, "_rc_pool_next") X(RcPoolSubmit, "_rc_pool_submit")      \
    X(RcFutureFn, "_rc_future_fn") X(RcFutureArgs, "_rc_future_args")                              \
    X(RcFutureKwargs, "_rc_future_kwargs") X(RcFutureFinish, "_rc_future_finish")                  \
    X(RcFutureFail, "_rc_future_fail")
// clang-format on

enum class BuiltinId : uint16_t {
#define RC_X(e, s) e,
    RC_BUILTINS(RC_X)
#undef RC_X
        Count
};

/// Python spelling of a builtin (for messages: "name 'Lock' ...", "<class 'KeyError'>").
std::string_view builtin_name(BuiltinId id);
/// True for BaseException and everything below it.
bool is_exception_class(BuiltinId id);
/// The base class of an exception class (BaseException has none).
std::optional<BuiltinId> exception_parent(BuiltinId id);
/// `except handler:` matches `raised` (same class or a subclass).
bool exception_matches(BuiltinId raised, BuiltinId handler);

/// Names visible without import (Python's builtins module) -> id; threading/queue/time names
/// are NOT here (they need their module). The internal _rc_ names resolve only when
/// `internal` is true (compiling the prelude).
std::optional<BuiltinId> lookup_builtin_global(std::string_view name, bool internal = false);
bool is_internal_builtin(BuiltinId id);

// clang-format off
/// Modules the subset can import. X(enum, dotted python name)
#define RC_MODULES(X)                                                                              \
    X(Threading, "threading") X(Queue, "queue") X(Time, "time")                                    \
    X(ConcurrentFutures, "concurrent.futures") X(Concurrent, "concurrent")
// clang-format on

enum class ModuleId : uint8_t {
#define RC_X(e, s) e,
    RC_MODULES(RC_X)
#undef RC_X
        Count
};

std::string_view module_name(ModuleId id);
std::optional<ModuleId> lookup_module(std::string_view dotted_name);
/// `module.attr` for a known member (e.g. threading.Lock, queue.Empty, time.sleep).
/// concurrent.futures.TimeoutError is the builtin TimeoutError (as in Python 3.11+).
std::optional<BuiltinId> module_member(ModuleId module, std::string_view attr);

// clang-format off
/// Attribute, method and keyword names the runtime dispatches on. Their NameIds are fixed: the
/// compiler interns these first, in this order, so NameId{k} == KnownName(k).
#define RC_KNOWN_NAMES(X)                                                                          \
    /* list / dict / str methods */                                                                \
    X(append) X(pop) X(insert) X(remove) X(index) X(extend) X(clear) X(count) X(sort) X(reverse)   \
    X(copy) X(get) X(keys) X(values) X(items) X(setdefault) X(update) X(join) X(split) X(strip)    \
    X(upper) X(lower) X(startswith) X(endswith) X(replace) X(format) X(find) X(rfind)              \
    /* threading */                                                                                \
    X(start) X(run) X(is_alive) X(name) X(daemon) X(ident) X(native_id) X(acquire) X(release)      \
    X(locked) X(wait) X(wait_for) X(notify) X(notify_all) X(set) X(is_set) X(parties)              \
    X(n_waiting) X(broken) X(abort) X(reset)                                                       \
    /* queue */                                                                                    \
    X(put) X(put_nowait) X(get_nowait) X(task_done) X(qsize) X(empty) X(full) X(maxsize)           \
    /* futures / executor */                                                                       \
    X(submit) X(map) X(shutdown) X(result) X(done) X(exception) X(cancel) X(running)               \
    X(add_done_callback)                                                                           \
    /* exceptions */                                                                               \
    X(args)                                                                                        \
    /* keyword argument names of builtin callables */                                              \
    X(target) X(kwargs) X(blocking) X(timeout) X(block) X(lock) X(value) X(n) X(sep) X(end)        \
    X(max_workers) X(thread_name_prefix) X(cancel_futures) X(key) X(default_) X(flush) X(file)     \
    X(action) X(fs) X(initial)
// clang-format on
// A keyword that is also a method name (`wait=`, `start=`) shares that method's id. A trailing
// '_' (default_) avoids a C++ keyword; known_name_spelling() strips it.

enum class KnownName : uint16_t {
#define RC_X(e) e,
    RC_KNOWN_NAMES(RC_X)
#undef RC_X
        Count
};
inline constexpr uint32_t kKnownNameCount = static_cast<uint32_t>(KnownName::Count);

std::string_view known_name_spelling(KnownName n);

} // namespace rc
