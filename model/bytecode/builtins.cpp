// Spellings and lookups for the fixed vocabulary declared in builtins.hpp.
#include "model/bytecode/builtins.hpp"

#include "model/bytecode/cpython_names.hpp" // dir() of CPython's modules and builtins

#include <algorithm>        // find
#include <array>            // spelling tables
#include <cstddef>          // size_t
#include <initializer_list> // module member lists
#include <limits>           // math.inf, math.nan

namespace rc {

namespace {

constexpr std::array<std::string_view, static_cast<size_t>(BuiltinId::Count)> kBuiltinNames = {
#define RC_X(e, s, k, q) s,
    RC_BUILTINS(RC_X)
#undef RC_X
};

constexpr std::array<std::string_view, static_cast<size_t>(BuiltinId::Count)> kQualnames = {
#define RC_X(e, s, k, q) q,
    RC_BUILTINS(RC_X)
#undef RC_X
};

constexpr std::array<BuiltinKind, static_cast<size_t>(BuiltinId::Count)> kKinds = {
#define RC_X(e, s, k, q) BuiltinKind::k,
    RC_BUILTINS(RC_X)
#undef RC_X
};

constexpr std::array<std::string_view, static_cast<size_t>(ModuleId::Count)> kModuleNames = {
#define RC_X(e, s) s,
    RC_MODULES(RC_X)
#undef RC_X
};

constexpr std::array<std::string_view, kKnownNameCount> kKnownNames = {
#define RC_X(e) #e,
    RC_KNOWN_NAMES(RC_X)
#undef RC_X
};

constexpr size_t index_of(BuiltinId id) { return static_cast<size_t>(id); }

bool listed(const std::vector<std::string_view>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// The implemented members of each module.
std::initializer_list<BuiltinId> members(ModuleId module) {
    using B = BuiltinId;
    switch (module) {
    case ModuleId::Threading: {
        static constexpr std::initializer_list<B> m = {
            B::Thread, B::Lock, B::RLock, B::Condition, B::Semaphore, B::BoundedSemaphore,
            B::Event, B::Barrier, B::Local, B::Timer, B::CurrentThread, B::MainThread,
            B::ActiveCount, B::GetIdent, B::GetNativeId, B::ThreadingEnumerate, B::BrokenBarrierError};
        return m;
    }
    case ModuleId::Queue: {
        static constexpr std::initializer_list<B> m = {B::Queue, B::LifoQueue, B::PriorityQueue,
                                                       B::SimpleQueue, B::QueueEmpty, B::QueueFull};
        return m;
    }
    case ModuleId::Time: {
        static constexpr std::initializer_list<B> m = {B::Sleep, B::Time, B::Monotonic, B::PerfCounter,
                                                       B::TimeStrftime, B::TimeCtime, B::TimeLocaltime,
                                                       B::TimeGmtime};
        return m;
    }
    case ModuleId::ConcurrentFutures: {
        static constexpr std::initializer_list<B> m = {B::ThreadPoolExecutor, B::AsCompleted, B::FuturesWait,
                                                       B::TimeoutError, B::CancelledError};
        return m;
    }
    case ModuleId::Sys: {
        static constexpr std::initializer_list<B> m = {B::SysExit, B::SysStdout, B::SysStderr};
        return m;
    }
    case ModuleId::Random: {
        static constexpr std::initializer_list<B> m = {
            B::RandRandom, B::RandSeed, B::RandRandint, B::RandRandrange, B::RandChoice,
            B::RandShuffle, B::RandUniform, B::RandSample, B::RandGetrandbits, B::RandChoices};
        return m;
    }
    case ModuleId::Logging: {
        static constexpr std::initializer_list<B> m = {
            B::LogBasicConfig, B::LogDebug, B::LogInfo, B::LogWarning, B::LogError,
            B::LogCritical, B::LogException, B::LogLog, B::LogGetLogger};
        return m;
    }
    case ModuleId::Collections: {
        static constexpr std::initializer_list<B> m = {B::Deque, B::Defaultdict, B::Counter};
        return m;
    }
    case ModuleId::Functools: {
        static constexpr std::initializer_list<B> m = {B::Partial, B::Wraps, B::UpdateWrapper};
        return m;
    }
    case ModuleId::Itertools: {
        static constexpr std::initializer_list<B> m = {
            B::ItCount, B::ItCycle, B::ItRepeat, B::ItIslice, B::ItChain, B::ItProduct,
            B::ItPermutations, B::ItCombinations, B::ItAccumulate, B::ItZipLongest};
        return m;
    }
    case ModuleId::Os: {
        static constexpr std::initializer_list<B> m = {B::OsGetpid, B::OsCpuCount};
        return m;
    }
    case ModuleId::Dataclasses: {
        static constexpr std::initializer_list<B> m = {B::DcDataclass, B::DcField};
        return m;
    }
    case ModuleId::Math: {
        static constexpr std::initializer_list<B> m = {
            B::MathSqrt, B::MathIsqrt, B::MathFloor, B::MathCeil, B::MathTrunc, B::MathFabs,
            B::MathFactorial, B::MathGcd, B::MathLcm, B::MathPow, B::MathExp, B::MathLog,
            B::MathLog2, B::MathLog10, B::MathSin, B::MathCos, B::MathTan, B::MathAtan,
            B::MathAtan2, B::MathDegrees, B::MathRadians, B::MathCopysign, B::MathIsclose,
            B::MathIsnan, B::MathIsinf, B::MathIsfinite};
        return m;
    }
    case ModuleId::Concurrent:
    case ModuleId::Typing:
    case ModuleId::Count: break;
    }
    static constexpr std::initializer_list<B> none = {};
    return none;
}

struct Constant {
    ModuleId module;
    std::string_view name;
    int64_t value;
};
constexpr Constant kConstants[] = {
    {ModuleId::Logging, "CRITICAL", 50}, {ModuleId::Logging, "FATAL", 50},
    {ModuleId::Logging, "ERROR", 40},    {ModuleId::Logging, "WARNING", 30},
    {ModuleId::Logging, "WARN", 30},     {ModuleId::Logging, "INFO", 20},
    {ModuleId::Logging, "DEBUG", 10},    {ModuleId::Logging, "NOTSET", 0},
};

} // namespace

std::string_view builtin_name(BuiltinId id) {
    return index_of(id) < kBuiltinNames.size() ? kBuiltinNames[index_of(id)] : "<invalid builtin>";
}

std::string_view builtin_qualname(BuiltinId id) {
    if (index_of(id) >= kQualnames.size()) return "<invalid builtin>";
    return kQualnames[index_of(id)].empty() ? kBuiltinNames[index_of(id)] : kQualnames[index_of(id)];
}

BuiltinKind builtin_kind(BuiltinId id) { return kKinds[index_of(id)]; }

bool is_class(BuiltinId id) {
    switch (builtin_kind(id)) {
    case BuiltinKind::Cls:
    case BuiltinKind::ModCls:
    case BuiltinKind::TypeOnly:
    case BuiltinKind::Exc:
    case BuiltinKind::ModExc: return true;
    default: return false;
    }
}

bool is_exception_class(BuiltinId id) {
    return builtin_kind(id) == BuiltinKind::Exc || builtin_kind(id) == BuiltinKind::ModExc;
}

std::optional<BuiltinId> exception_parent(BuiltinId id) {
    using B = BuiltinId;
    switch (id) {
    case B::BaseException:
        return std::nullopt;
    case B::Exception:
    case B::KeyboardInterrupt:
    case B::SystemExit:
    case B::GeneratorExit:
        return B::BaseException;
    case B::ArithmeticError:
    case B::LookupError:
    case B::AssertionError:
    case B::AttributeError:
    case B::NameError:
    case B::RuntimeError:
    case B::StopIteration:
    case B::TypeError:
    case B::ValueError:
    case B::OSError:
    case B::QueueEmpty:
    case B::QueueFull:
    case B::MemoryError:
        return B::Exception;
    case B::ZeroDivisionError:
    case B::OverflowError:
        return B::ArithmeticError;
    case B::IndexError:
    case B::KeyError:
        return B::LookupError;
    case B::UnboundLocalError:
        return B::NameError;
    case B::RecursionError:
    case B::NotImplementedError:
    case B::BrokenBarrierError:
        return B::RuntimeError;
    case B::TimeoutError:
        return B::OSError;
    case B::CancelledError: // concurrent.futures.CancelledError is an Error (3.8+: Exception)
        return B::Exception;
    default:
        return std::nullopt;
    }
}

bool exception_matches(BuiltinId raised, BuiltinId handler) {
    if (!is_exception_class(raised) || !is_exception_class(handler)) return false;
    for (std::optional<BuiltinId> c = raised; c; c = exception_parent(*c))
        if (*c == handler) return true;
    return false;
}

bool is_internal_builtin(BuiltinId id) { return builtin_kind(id) == BuiltinKind::Internal; }

std::optional<BuiltinId> lookup_builtin_global(std::string_view name, bool internal) {
    for (size_t k = 0; k < kBuiltinNames.size(); ++k) {
        if (kBuiltinNames[k] != name) continue;
        auto id = static_cast<BuiltinId>(k);
        switch (builtin_kind(id)) {
        case BuiltinKind::Fn:
        case BuiltinKind::Cls:
        case BuiltinKind::Exc: return id;
        case BuiltinKind::Internal:
            if (internal) return id;
            break;
        default: break;
        }
    }
    return std::nullopt;
}

bool is_unsupported_builtin_name(std::string_view name) {
    return !lookup_builtin_global(name) && listed(cpython_builtins_order(), name);
}

std::string_view module_name(ModuleId id) {
    auto k = static_cast<size_t>(id);
    return k < kModuleNames.size() ? kModuleNames[k] : "<invalid module>";
}

std::optional<ModuleId> lookup_module(std::string_view dotted_name) {
    for (size_t k = 0; k < kModuleNames.size(); ++k)
        if (kModuleNames[k] == dotted_name) return static_cast<ModuleId>(k);
    return std::nullopt;
}

std::optional<BuiltinId> module_member(ModuleId module, std::string_view attr) {
    if (module == ModuleId::Typing)
        return attr.empty() || attr[0] == '_' ? std::nullopt : std::optional(BuiltinId::TypingForm);
    for (BuiltinId b : members(module))
        if (builtin_name(b) == attr) return b;
    return std::nullopt;
}

std::optional<int64_t> module_constant(ModuleId module, std::string_view attr) {
    for (const Constant& c : kConstants)
        if (c.module == module && c.name == attr) return c.value;
    return std::nullopt;
}

std::optional<double> module_float_constant(ModuleId module, std::string_view attr) {
    if (module != ModuleId::Math) return std::nullopt;
    if (attr == "pi") return 3.141592653589793;
    if (attr == "e") return 2.718281828459045;
    if (attr == "tau") return 6.283185307179586;
    if (attr == "inf") return std::numeric_limits<double>::infinity();
    if (attr == "nan") return std::numeric_limits<double>::quiet_NaN();
    return std::nullopt;
}

std::optional<std::string_view> module_text_constant(ModuleId module, std::string_view attr) {
    if (module != ModuleId::ConcurrentFutures) return std::nullopt;
    for (std::string_view c : {"FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"})
        if (c == attr) return c;
    return std::nullopt;
}

std::optional<std::vector<std::string_view>> module_star_names(ModuleId module) {
    // The module's __all__ in CPython 3.12 (for time, which has none: its public names).
    static const std::vector<std::string_view> threading_all = {
        "get_ident", "active_count", "Condition", "current_thread", "enumerate", "main_thread",
        "TIMEOUT_MAX", "Event", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Thread",
        "Barrier", "BrokenBarrierError", "Timer", "ThreadError", "ExceptHookArgs", "setprofile",
        "settrace", "local", "stack_size", "excepthook", "get_native_id", "getprofile", "gettrace",
        "setprofile_all_threads", "settrace_all_threads"};
    static const std::vector<std::string_view> queue_all = {
        "Empty", "Full", "Queue", "PriorityQueue", "LifoQueue", "SimpleQueue"};
    static const std::vector<std::string_view> futures_all = {
        "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "CancelledError", "TimeoutError",
        "BrokenExecutor", "Future", "Executor", "wait", "as_completed", "ProcessPoolExecutor",
        "ThreadPoolExecutor"};
    switch (module) {
    case ModuleId::Threading: return threading_all;
    case ModuleId::Queue: return queue_all;
    case ModuleId::ConcurrentFutures: return futures_all;
    case ModuleId::Time: {
        std::vector<std::string_view> out;
        for (std::string_view n : cpython_module_dir(module))
            if (!n.empty() && n[0] != '_') out.push_back(n);
        return out;
    }
    default: return std::nullopt;
    }
}

bool is_unsupported_member(ModuleId module, std::string_view attr) {
    if (module_member(module, attr) || module_constant(module, attr) || module_text_constant(module, attr) ||
        module_float_constant(module, attr))
        return false;
    if (module == ModuleId::ConcurrentFutures && attr == "thread") return true;
    return listed(cpython_module_dir(module), attr);
}

std::string_view known_name_spelling(KnownName n) {
    auto k = static_cast<size_t>(n);
    if (k >= kKnownNames.size()) return "<invalid name>";
    std::string_view s = kKnownNames[k];
    if (!s.empty() && s.back() == '_') s.remove_suffix(1);
    return s;
}

} // namespace rc
