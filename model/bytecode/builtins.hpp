// The fixed vocabulary of the subset: builtin callables and classes, the importable modules and
// their members, exception classes, and the attribute/method names the runtime dispatches on.
//
// Each table is one X-macro list, so the enum and its spelling cannot drift apart. The compiler
// turns identifiers into these ids once; the interpreter never compares strings.
#pragma once

#include <cstdint>     // uint8_t, uint16_t
#include <optional>    // lookups that may fail
#include <string_view> // spellings
#include <vector>      // star-import names

namespace rc {

// clang-format off
/// Builtin values: functions, classes (callable constructors), exception classes, the classes
/// of values that have no name of their own (type(x) of a function, a lock, an iterator), and
/// the prelude's internal helpers. X(enum, python spelling, kind, qualified name for repr and
/// tracebacks ("" = the spelling)). Kinds: see BuiltinKind.
#define RC_BUILTINS(X)                                                                             \
    X(Print, "print", Fn, "") X(Len, "len", Fn, "") X(Range, "range", Cls, "")                     \
    X(Sum, "sum", Fn, "") X(Min, "min", Fn, "") X(Max, "max", Fn, "") X(Abs, "abs", Fn, "")       \
    X(Str, "str", Cls, "") X(Int, "int", Cls, "") X(Float, "float", Cls, "")                      \
    X(Bool, "bool", Cls, "") X(List, "list", Cls, "") X(Tuple, "tuple", Cls, "")                  \
    X(Dict, "dict", Cls, "") X(Enumerate, "enumerate", Cls, "") X(Zip, "zip", Cls, "")            \
    X(Sorted, "sorted", Fn, "") X(Reversed, "reversed", Cls, "") X(Any, "any", Fn, "")            \
    X(All, "all", Fn, "") X(Repr, "repr", Fn, "") X(Round, "round", Fn, "")                       \
    X(Isinstance, "isinstance", Fn, "") X(Divmod, "divmod", Fn, "") X(Id, "id", Fn, "")           \
    X(Type, "type", Cls, "") X(Hash, "hash", Fn, "") X(Callable, "callable", Fn, "")              \
    X(Iter, "iter", Fn, "") X(Next, "next", Fn, "") X(Map, "map", Cls, "")                        \
    X(Filter, "filter", Cls, "") X(Set, "set", Cls, "") X(Frozenset, "frozenset", Cls, "")        \
    X(Chr, "chr", Fn, "") X(Ord, "ord", Fn, "") X(Pow, "pow", Fn, "") X(Hex, "hex", Fn, "")       \
    X(Bin, "bin", Fn, "") X(Oct, "oct", Fn, "") X(Format, "format", Fn, "")                       \
    X(Ascii, "ascii", Fn, "") X(Object, "object", Cls, "") X(Slice, "slice", Cls, "")             \
    X(Issubclass, "issubclass", Fn, "") X(Super, "super", Cls, "")                                 \
    X(Staticmethod, "staticmethod", Cls, "") X(Classmethod, "classmethod", Cls, "")                \
    X(Property, "property", Cls, "") X(Hasattr, "hasattr", Fn, "") X(Getattr, "getattr", Fn, "")   \
    X(Setattr, "setattr", Fn, "")                                                                  \
    /* the NotImplemented constant (a value, not a callable) and its type */                      \
    X(NotImplemented, "NotImplemented", Fn, "") X(NotImplementedType, "NotImplementedType", TypeOnly, "") \
    /* threading */                                                                                \
    X(Thread, "Thread", ModCls, "threading.Thread") X(Lock, "Lock", ModFn, "allocate_lock")        \
    X(RLock, "RLock", ModFn, "RLock") X(Condition, "Condition", ModCls, "threading.Condition")     \
    X(Semaphore, "Semaphore", ModCls, "threading.Semaphore")                                       \
    X(BoundedSemaphore, "BoundedSemaphore", ModCls, "threading.BoundedSemaphore")                  \
    X(Event, "Event", ModCls, "threading.Event") X(Barrier, "Barrier", ModCls, "threading.Barrier")\
    X(Local, "local", ModCls, "_thread._local") X(Timer, "Timer", ModCls, "threading.Timer")       \
    X(CurrentThread, "current_thread", ModFn, "") X(MainThread, "main_thread", ModFn, "")          \
    X(ActiveCount, "active_count", ModFn, "") X(GetIdent, "get_ident", ModFn, "")                  \
    X(GetNativeId, "get_native_id", ModFn, "")                                                     \
    X(ThreadingEnumerate, "enumerate", ModFn, "") /* threading.enumerate */                               \
    /* queue */                                                                                    \
    X(Queue, "Queue", ModCls, "queue.Queue")                                                       \
    X(LifoQueue, "LifoQueue", ModCls, "queue.LifoQueue")                                           \
    X(PriorityQueue, "PriorityQueue", ModCls, "queue.PriorityQueue")                               \
    X(SimpleQueue, "SimpleQueue", ModCls, "_queue.SimpleQueue")                                    \
    /* time */                                                                                     \
    X(Sleep, "sleep", ModFn, "") X(Time, "time", ModFn, "") X(Monotonic, "monotonic", ModFn, "")   \
    X(PerfCounter, "perf_counter", ModFn, "")                                                      \
    /* concurrent.futures */                                                                       \
    X(ThreadPoolExecutor, "ThreadPoolExecutor", ModCls,                                            \
      "concurrent.futures.thread.ThreadPoolExecutor")                                              \
    X(AsCompleted, "as_completed", ModFn, "") X(FuturesWait, "wait", ModFn, "")                    \
    /* sys */                                                                                      \
    X(SysExit, "exit", ModFn, "")                                                                  \
    X(SysStdout, "stdout", TypeOnly, "") X(SysStderr, "stderr", TypeOnly, "")                      \
    X(StdoutWrite, "write", ModFn, "") X(StdoutFlush, "flush", ModFn, "")                          \
    X(StderrWrite, "write", ModFn, "") X(StderrFlush, "flush", ModFn, "")                          \
    /* time (formatting the virtual clock) */                                                      \
    X(TimeStrftime, "strftime", ModFn, "") X(TimeCtime, "ctime", ModFn, "")                        \
    X(TimeLocaltime, "localtime", ModFn, "") X(TimeGmtime, "gmtime", ModFn, "")                    \
    /* random */                                                                                   \
    X(RandRandom, "random", ModFn, "") X(RandSeed, "seed", ModFn, "")                              \
    X(RandRandint, "randint", ModFn, "") X(RandRandrange, "randrange", ModFn, "")                  \
    X(RandChoice, "choice", ModFn, "") X(RandShuffle, "shuffle", ModFn, "")                        \
    X(RandUniform, "uniform", ModFn, "") X(RandSample, "sample", ModFn, "")                        \
    X(RandGetrandbits, "getrandbits", ModFn, "") X(RandChoices, "choices", ModFn, "")              \
    /* logging */                                                                                  \
    X(LogBasicConfig, "basicConfig", ModFn, "") X(LogDebug, "debug", ModFn, "")                    \
    X(LogInfo, "info", ModFn, "") X(LogWarning, "warning", ModFn, "")                              \
    X(LogError, "error", ModFn, "") X(LogCritical, "critical", ModFn, "")                          \
    X(LogException, "exception", ModFn, "") X(LogLog, "log", ModFn, "")                            \
    X(LogGetLogger, "getLogger", ModFn, "")                                                        \
    /* collections */                                                                              \
    X(Deque, "deque", ModCls, "collections.deque")                                                 \
    X(Defaultdict, "defaultdict", ModCls, "collections.defaultdict")                               \
    X(Counter, "Counter", ModCls, "collections.Counter")                                           \
    /* functools */                                                                                \
    X(Partial, "partial", ModCls, "functools.partial")                                             \
    X(Wraps, "wraps", ModFn, "") X(UpdateWrapper, "update_wrapper", ModFn, "")                     \
    /* itertools: lazy iterators (prelude generators of these types) */                            \
    X(ItCount, "count", ModCls, "itertools.count") X(ItCycle, "cycle", ModCls, "itertools.cycle")  \
    X(ItRepeat, "repeat", ModCls, "itertools.repeat")                                              \
    X(ItIslice, "islice", ModCls, "itertools.islice") X(ItChain, "chain", ModCls, "itertools.chain")\
    X(ItChainFromIterable, "from_iterable", ModFn, "")                                             \
    X(ItProduct, "product", ModCls, "itertools.product")                                           \
    X(ItPermutations, "permutations", ModCls, "itertools.permutations")                            \
    X(ItCombinations, "combinations", ModCls, "itertools.combinations")                            \
    X(ItAccumulate, "accumulate", ModCls, "itertools.accumulate")                                  \
    X(ItZipLongest, "zip_longest", ModCls, "itertools.zip_longest")                                \
    /* math (model/stdlib/math_module.cpp) */                                                       \
    X(MathSqrt, "sqrt", ModFn, "") X(MathIsqrt, "isqrt", ModFn, "")                                 \
    X(MathFloor, "floor", ModFn, "") X(MathCeil, "ceil", ModFn, "") X(MathTrunc, "trunc", ModFn, "")\
    X(MathFabs, "fabs", ModFn, "") X(MathFactorial, "factorial", ModFn, "")                         \
    X(MathGcd, "gcd", ModFn, "") X(MathLcm, "lcm", ModFn, "") X(MathPow, "pow", ModFn, "")          \
    X(MathExp, "exp", ModFn, "") X(MathLog, "log", ModFn, "") X(MathLog2, "log2", ModFn, "")        \
    X(MathLog10, "log10", ModFn, "") X(MathSin, "sin", ModFn, "") X(MathCos, "cos", ModFn, "")      \
    X(MathTan, "tan", ModFn, "") X(MathAtan, "atan", ModFn, "") X(MathAtan2, "atan2", ModFn, "")    \
    X(MathDegrees, "degrees", ModFn, "") X(MathRadians, "radians", ModFn, "")                       \
    X(MathCopysign, "copysign", ModFn, "") X(MathIsclose, "isclose", ModFn, "")                     \
    X(MathIsnan, "isnan", ModFn, "") X(MathIsinf, "isinf", ModFn, "")                               \
    X(MathIsfinite, "isfinite", ModFn, "")                                                          \
    /* os */                                                                                       \
    X(OsGetpid, "getpid", ModFn, "") X(OsCpuCount, "cpu_count", ModFn, "")                         \
    /* typing: every name is a form that only annotations (never evaluated) may use */             \
    X(TypingForm, "typing", ModFn, "typing")                                                       \
    /* classes of values that have no name of their own */                                         \
    X(NoneType, "NoneType", TypeOnly, "") X(FunctionType, "function", TypeOnly, "")                \
    X(BuiltinFunctionType, "builtin_function_or_method", TypeOnly, "")                             \
    X(MethodType, "method", TypeOnly, "") X(MethodDescriptor, "method_descriptor", TypeOnly, "")   \
    X(GeneratorType, "generator", TypeOnly, "") X(ModuleType, "module", TypeOnly, "")              \
    X(ListIterator, "list_iterator", TypeOnly, "") X(TupleIterator, "tuple_iterator", TypeOnly, "")\
    X(StrIterator, "str_ascii_iterator", TypeOnly, "")                                             \
    X(StrUnicodeIterator, "str_iterator", TypeOnly, "")                                            \
    X(RangeIterator, "range_iterator", TypeOnly, "")                                               \
    X(DictKeyIterator, "dict_keyiterator", TypeOnly, "")                                           \
    X(DictValueIterator, "dict_valueiterator", TypeOnly, "")                                       \
    X(DictItemIterator, "dict_itemiterator", TypeOnly, "")                                         \
    X(SetIterator, "set_iterator", TypeOnly, "")                                                   \
    X(ReversedIterator, "list_reverseiterator", TypeOnly, "")                                      \
    X(DequeIterator, "_collections._deque_iterator", TypeOnly, "")                                 \
    X(DictKeys, "dict_keys", TypeOnly, "") X(DictValues, "dict_values", TypeOnly, "")              \
    X(DictItems, "dict_items", TypeOnly, "") X(LockType, "lock", TypeOnly, "_thread.lock")         \
    X(RLockType, "RLock", TypeOnly, "_thread.RLock")                                               \
    X(FutureType, "Future", TypeOnly, "concurrent.futures._base.Future")                           \
    X(LoggerType, "RootLogger", TypeOnly, "logging.RootLogger")                                    \
    X(DoneAndNotDone, "DoneAndNotDoneFutures", TypeOnly,                                           \
      "concurrent.futures._base.DoneAndNotDoneFutures")                                            \
    X(StructTime, "struct_time", TypeOnly, "time.struct_time")                                     \
    /* exception classes (see exception_parent for the hierarchy) */                               \
    X(BaseException, "BaseException", Exc, "") X(Exception, "Exception", Exc, "")                  \
    X(ArithmeticError, "ArithmeticError", Exc, "") X(LookupError, "LookupError", Exc, "")          \
    X(AssertionError, "AssertionError", Exc, "") X(AttributeError, "AttributeError", Exc, "")      \
    X(IndexError, "IndexError", Exc, "") X(KeyError, "KeyError", Exc, "")                          \
    X(NameError, "NameError", Exc, "") X(UnboundLocalError, "UnboundLocalError", Exc, "")          \
    X(OverflowError, "OverflowError", Exc, "") X(RecursionError, "RecursionError", Exc, "")        \
    X(RuntimeError, "RuntimeError", Exc, "") X(NotImplementedError, "NotImplementedError", Exc, "")\
    X(StopIteration, "StopIteration", Exc, "") X(TypeError, "TypeError", Exc, "")                  \
    X(ValueError, "ValueError", Exc, "") X(ZeroDivisionError, "ZeroDivisionError", Exc, "")        \
    X(OSError, "OSError", Exc, "") X(TimeoutError, "TimeoutError", Exc, "")                        \
    X(KeyboardInterrupt, "KeyboardInterrupt", Exc, "") X(SystemExit, "SystemExit", Exc, "")        \
    X(GeneratorExit, "GeneratorExit", Exc, "") X(MemoryError, "MemoryError", Exc, "")              \
    X(QueueEmpty, "Empty", ModExc, "_queue.Empty") X(QueueFull, "Full", ModExc, "queue.Full")      \
    X(BrokenBarrierError, "BrokenBarrierError", ModExc, "threading.BrokenBarrierError")            \
    X(CancelledError, "CancelledError", ModExc, "concurrent.futures._base.CancelledError")         \
    /* dataclasses: @dataclass is rewritten by the parser (model/syntax/dataclasses.cpp) */      \
    X(DcDataclass, "dataclass", ModFn, "dataclasses.dataclass")                                    \
    X(DcField, "field", ModFn, "dataclasses.field")                                                \
    /* internal: callable only from racecheck's prelude (names start with _rc_) */                 \
    X(RcApply, "_rc_apply", Internal, "") X(RcPoolNext, "_rc_pool_next", Internal, "")             \
    X(RcPoolSubmit, "_rc_pool_submit", Internal, "") X(RcFutureFn, "_rc_future_fn", Internal, "")  \
    X(RcFutureArgs, "_rc_future_args", Internal, "")                                               \
    X(RcFutureKwargs, "_rc_future_kwargs", Internal, "")                                           \
    X(RcFutureFinish, "_rc_future_finish", Internal, "")                                           \
    X(RcFutureFail, "_rc_future_fail", Internal, "")                                               \
    X(RcSortByKeys, "_rc_sort_by_keys", Internal, "")                                              \
    X(RcTimerFinished, "_rc_timer_finished", Internal, "")                                         \
    X(RcWrite, "_rc_write", Internal, "") X(RcChoose, "_rc_choose", Internal, "")                  \
    X(RcPoolIdle, "_rc_pool_idle", Internal, "")                                                   \
    X(RcAsCompletedBatch, "_rc_as_completed_batch", Internal, "")                                 \
    X(RcLazyResults, "_rc_lazy_results", Internal, "")                                             \
    X(RcFutureFailed, "_rc_future_failed", Internal, "")                                           \
    X(RcCallbackRaised, "_rc_callback_raised", Internal, "")                                       \
    X(RcBarrierOpen, "_rc_barrier_open", Internal, "")                                             \
    X(RcDoneNotDone, "_rc_done_not_done", Internal, "")                                            \
    X(RcIterResult, "_rc_iter_result", Internal, "")
// clang-format on

/// What a builtin is: a function or a class of Python's builtins module, a function or class
/// reachable only through its module, the class of values without a name of their own, an
/// exception class (of builtins or of a module), or racecheck's internal helper.
enum class BuiltinKind : uint8_t { Fn, Cls, ModFn, ModCls, TypeOnly, Exc, ModExc, Internal };

enum class BuiltinId : uint16_t {
#define RC_X(e, s, k, q) e,
    RC_BUILTINS(RC_X)
#undef RC_X
        Count
};

/// Python spelling of a builtin (for messages: "name 'Lock' ...", type(x).__name__).
std::string_view builtin_name(BuiltinId id);
/// The name repr() and tracebacks use: "_thread.lock", "_queue.Empty", "int".
std::string_view builtin_qualname(BuiltinId id);
BuiltinKind builtin_kind(BuiltinId id);
/// A class (repr "<class '...'>"): builtins classes, module classes, type-only classes and
/// exception classes.
bool is_class(BuiltinId id);
/// True for BaseException and everything below it.
bool is_exception_class(BuiltinId id);
/// The base class of an exception class (BaseException has none).
std::optional<BuiltinId> exception_parent(BuiltinId id);
/// `except handler:` matches `raised` (same class or a subclass).
bool exception_matches(BuiltinId raised, BuiltinId handler);

/// Names visible without import (Python's builtins module) -> id; module members are NOT here
/// (they need their module). The internal _rc_ names resolve only when `internal` is true
/// (compiling the prelude).
std::optional<BuiltinId> lookup_builtin_global(std::string_view name, bool internal = false);
bool is_internal_builtin(BuiltinId id);
/// Python builtins racecheck does not implement (`hasattr`, `open`...): using one is refused.
bool is_unsupported_builtin_name(std::string_view name);

// clang-format off
/// Modules the subset can import. X(enum, dotted python name)
#define RC_MODULES(X)                                                                              \
    X(Threading, "threading") X(Queue, "queue") X(Time, "time")                                    \
    X(ConcurrentFutures, "concurrent.futures") X(Concurrent, "concurrent") X(Sys, "sys")           \
    X(Random, "random") X(Logging, "logging") X(Collections, "collections") X(Typing, "typing")   \
    X(Functools, "functools") X(Os, "os") X(Itertools, "itertools") X(Dataclasses, "dataclasses") \
    X(Math, "math")
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
/// concurrent.futures.TimeoutError is the builtin TimeoutError (as in Python 3.11+); every
/// name of typing is TypingForm.
std::optional<BuiltinId> module_member(ModuleId module, std::string_view attr);
/// `module.attr` for a constant member (logging.DEBUG == 10).
std::optional<int64_t> module_constant(ModuleId module, std::string_view attr);
/// math.pi, e, tau, inf, nan.
std::optional<double> module_float_constant(ModuleId module, std::string_view attr);
/// `module.attr` for a str constant member (concurrent.futures.FIRST_COMPLETED ==
/// 'FIRST_COMPLETED').
std::optional<std::string_view> module_text_constant(ModuleId module, std::string_view attr);
/// The names `from module import *` binds (the members racecheck implements; a module whose
/// public names racecheck does not all implement refuses `*`: nullopt).
std::optional<std::vector<std::string_view>> module_star_names(ModuleId module);
/// A CPython member of the module that racecheck does not implement (threading.settrace).
bool is_unsupported_member(ModuleId module, std::string_view attr);

// clang-format off
/// Attribute, method and keyword names the runtime dispatches on. Their NameIds are fixed: the
/// compiler interns these first, in this order, so NameId{k} == KnownName(k).
#define RC_KNOWN_NAMES(X)                                                                          \
    /* list / dict / str methods */                                                                \
    X(append) X(pop) X(insert) X(remove) X(index) X(extend) X(clear) X(count) X(sort) X(reverse)   \
    X(copy) X(get) X(keys) X(values) X(items) X(setdefault) X(update) X(join) X(split) X(strip)    \
    X(upper) X(lower) X(startswith) X(endswith) X(replace) X(format) X(find) X(rfind)              \
    X(popitem) X(fromkeys) X(title) X(capitalize) X(swapcase) X(casefold) X(isalpha) X(isdigit)    \
    X(isdecimal) X(isnumeric) X(isalnum) X(isspace) X(isascii) X(isprintable) X(isupper)           \
    X(islower) X(istitle) X(isidentifier) X(rindex) X(center) X(ljust) X(rjust) X(zfill)           \
    X(expandtabs) X(removeprefix) X(removesuffix) X(rsplit) X(splitlines) X(partition)             \
    X(rpartition) X(format_map) X(encode) X(translate) X(maketrans) X(lstrip) X(rstrip)            \
    /* set / deque */                                                                              \
    X(add) X(discard) X(union_) X(intersection) X(difference) X(symmetric_difference) X(issubset)  \
    X(issuperset) X(isdisjoint) X(intersection_update) X(difference_update)                        \
    X(symmetric_difference_update) X(appendleft) X(popleft) X(extendleft) X(rotate) X(maxlen)      \
    /* range / slice / int / float / exceptions */                                                 \
    X(stop) X(step) X(real) X(imag) X(conjugate) X(bit_length) X(is_integer) X(args) X(code)       \
    /* threading */                                                                                \
    X(start) X(run) X(is_alive) X(name) X(daemon) X(ident) X(native_id) X(acquire) X(release)      \
    X(locked) X(wait) X(wait_for) X(notify) X(notify_all) X(set) X(is_set) X(parties)              \
    X(n_waiting) X(broken) X(abort) X(reset) X(interval) X(function) X(finished)                   \
    /* queue */                                                                                    \
    X(put) X(put_nowait) X(get_nowait) X(task_done) X(qsize) X(empty) X(full) X(maxsize)           \
    /* futures / executor */                                                                       \
    X(submit) X(map) X(shutdown) X(result) X(done) X(exception) X(cancel) X(running) X(chunksize) \
    X(add_done_callback) X(fn) X(cancelled)                                                        \
    /* logging */                                                                                  \
    X(debug) X(info) X(warning) X(error) X(critical) X(log) X(setLevel)                            \
    /* keyword argument names of builtin callables */                                              \
    X(target) X(kwargs) X(blocking) X(timeout) X(block) X(lock) X(value) X(n) X(sep) X(end)        \
    X(max_workers) X(thread_name_prefix) X(cancel_futures) X(key) X(default_) X(flush) X(file)     \
    X(action) X(fs) X(initial) X(keepends) X(tabsize) X(maxsplit) X(base) X(ndigits) X(level)      \
    X(datefmt) X(style) X(stream) X(filename) X(filemode) X(handlers) X(force) X(encoding)         \
    X(errors) X(iterable) X(k) X(weights) X(cum_weights) X(exc_info) X(stack_info)                 \
    X(stacklevel) X(extra) X(group) X(initializer) X(initargs) X(strict)                           \
    /* collections.defaultdict / Counter, functools.wraps */                                       \
    X(default_factory) X(most_common) X(elements) X(total) X(subtract) X(wrapped) X(assigned)      \
    X(updated) X(not_done) X(return_when) X(write)
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
