// Spellings and lookups for the fixed vocabulary declared in builtins.hpp.
#include "model/bytecode/builtins.hpp"

#include <array>   // spelling tables
#include <cstddef> // size_t
#include <initializer_list> // module member lists

namespace rc {

namespace {

constexpr std::array<std::string_view, static_cast<size_t>(BuiltinId::Count)> kBuiltinNames = {
#define RC_X(e, s) s,
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

/// Builtins that Python's builtins module does not provide: they need their module.
bool needs_module(BuiltinId id) {
    if (index_of(id) >= index_of(BuiltinId::Thread) &&
        index_of(id) <= index_of(BuiltinId::AsCompleted))
        return true;
    switch (id) {
    case BuiltinId::QueueEmpty:
    case BuiltinId::QueueFull:
    case BuiltinId::BrokenBarrierError:
    case BuiltinId::CancelledError:
        return true;
    default:
        return false;
    }
}

} // namespace

std::string_view builtin_name(BuiltinId id) {
    return index_of(id) < kBuiltinNames.size() ? kBuiltinNames[index_of(id)] : "<invalid builtin>";
}

bool is_exception_class(BuiltinId id) {
    return index_of(id) >= index_of(BuiltinId::BaseException) &&
           index_of(id) <= index_of(BuiltinId::MemoryError);
}

std::optional<BuiltinId> exception_parent(BuiltinId id) {
    using B = BuiltinId;
    switch (id) {
    case B::BaseException:
        return std::nullopt;
    case B::Exception:
    case B::KeyboardInterrupt:
    case B::SystemExit:
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
    case B::CancelledError:
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

bool is_internal_builtin(BuiltinId id) {
    return index_of(id) >= index_of(BuiltinId::RcApply) &&
           index_of(id) < index_of(BuiltinId::Count);
}

std::optional<BuiltinId> lookup_builtin_global(std::string_view name, bool internal) {
    for (size_t k = 0; k < kBuiltinNames.size(); ++k) {
        if (kBuiltinNames[k] != name) continue;
        auto id = static_cast<BuiltinId>(k);
        if (needs_module(id)) return std::nullopt;
        if (is_internal_builtin(id) && !internal) return std::nullopt;
        return id;
    }
    return std::nullopt;
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
    using B = BuiltinId;
    auto in = [&](std::initializer_list<B> members) -> std::optional<B> {
        for (B b : members)
            if (builtin_name(b) == attr) return b;
        return std::nullopt;
    };
    switch (module) {
    case ModuleId::Threading:
        return in({B::Thread, B::Lock, B::RLock, B::Condition, B::Semaphore, B::BoundedSemaphore,
                   B::Event, B::Barrier, B::Local, B::CurrentThread, B::MainThread,
                   B::ActiveCount, B::GetIdent, B::BrokenBarrierError});
    case ModuleId::Queue:
        return in({B::Queue, B::QueueEmpty, B::QueueFull});
    case ModuleId::Time:
        return in({B::Sleep, B::Time, B::Monotonic, B::PerfCounter});
    case ModuleId::ConcurrentFutures:
        return in({B::ThreadPoolExecutor, B::AsCompleted, B::TimeoutError, B::CancelledError});
    case ModuleId::Concurrent:
    case ModuleId::Count:
        return std::nullopt;
    }
    return std::nullopt;
}

std::string_view known_name_spelling(KnownName n) {
    auto k = static_cast<size_t>(n);
    if (k >= kKnownNames.size()) return "<invalid name>";
    std::string_view s = kKnownNames[k];
    if (!s.empty() && s.back() == '_') s.remove_suffix(1);
    return s;
}

} // namespace rc
