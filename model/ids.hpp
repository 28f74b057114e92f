// Strong identity types. Never pass a bare integer where one of these is meant.
#pragma once

#include <compare>    // operator<=>
#include <cstdint>    // uint32_t
#include <functional> // std::hash

namespace rc {

template <class Tag> struct StrongId {
    uint32_t value = UINT32_MAX;
    constexpr StrongId() = default;
    constexpr explicit StrongId(uint32_t v) : value(v) {}
    constexpr bool valid() const { return value != UINT32_MAX; }
    friend constexpr auto operator<=>(StrongId, StrongId) = default;
};

/// A virtual thread: index into State::threads (0 = MainThread), stable for an execution.
using ThreadId = StrongId<struct ThreadIdTag>;
/// A heap object: index into State::heap, stable for an execution.
using ObjectId = StrongId<struct ObjectIdTag>;
/// A module global: index into Program::globals.
using VarId = StrongId<struct VarIdTag>;
/// A compiled code object: index into Program::code (0 = module body).
using FuncId = StrongId<struct FuncIdTag>;
/// An interned identifier (attribute, method, keyword or parameter name): index into
/// Program::names. The first kKnownNameCount ids are the fixed KnownName values.
using NameId = StrongId<struct NameIdTag>;

} // namespace rc

template <class Tag> struct std::hash<rc::StrongId<Tag>> {
    size_t operator()(rc::StrongId<Tag> id) const noexcept { return id.value; }
};
