// A Python value as the interpreter holds it: 16 bytes, trivially copyable.
//
// Scalars (None, bool, int, float) live inline. Everything else (str, tuple, list, dict,
// functions, exceptions, iterators, threading objects) lives in the State's heap and is referred
// to by ObjectId; string constants of the program are pre-allocated in the heap when an
// execution starts, so every str is a heap object. Builtins and modules are small ids.
#pragma once

#include <cstdint> // int64_t, uint8_t, uint32_t

#include "model/bytecode/builtins.hpp" // BuiltinId, ModuleId
#include "model/ids.hpp"      // ObjectId, NameId

namespace rc {

enum class VTag : uint8_t {
    Unbound,     // an unassigned variable slot; never visible to Python code
    None,
    Bool,        // i: 0 or 1
    Int,         // i
    Float,       // f
    Obj,         // ref: heap object
    Builtin,     // aux: BuiltinId (functions, classes, exception classes)
    Module,      // aux: ModuleId
    BoundMethod, // ref: receiver heap object, aux: method NameId
};

struct Value {
    VTag tag = VTag::Unbound;
    uint32_t aux = 0;
    union {
        int64_t i;
        double f;
        uint32_t ref;
    };

    constexpr Value() : i(0) {}

    static constexpr Value unbound() { return Value(); }
    static constexpr Value none() {
        Value v;
        v.tag = VTag::None;
        return v;
    }
    static constexpr Value boolean(bool b) {
        Value v;
        v.tag = VTag::Bool;
        v.i = b ? 1 : 0;
        return v;
    }
    static constexpr Value integer(int64_t x) {
        Value v;
        v.tag = VTag::Int;
        v.i = x;
        return v;
    }
    static constexpr Value floating(double x) {
        Value v;
        v.tag = VTag::Float;
        v.f = x;
        return v;
    }
    static constexpr Value object(ObjectId id) {
        Value v;
        v.tag = VTag::Obj;
        v.ref = id.value;
        return v;
    }
    static constexpr Value builtin(BuiltinId b) {
        Value v;
        v.tag = VTag::Builtin;
        v.aux = static_cast<uint32_t>(b);
        return v;
    }
    static constexpr Value module(ModuleId m) {
        Value v;
        v.tag = VTag::Module;
        v.aux = static_cast<uint32_t>(m);
        return v;
    }
    static constexpr Value bound_method(ObjectId receiver, NameId method) {
        Value v;
        v.tag = VTag::BoundMethod;
        v.ref = receiver.value;
        v.aux = method.value;
        return v;
    }

    bool is_unbound() const { return tag == VTag::Unbound; }
    bool is_none() const { return tag == VTag::None; }
    bool is_obj() const { return tag == VTag::Obj; }
    bool is_int_like() const { return tag == VTag::Int || tag == VTag::Bool; }
    ObjectId obj() const { return ObjectId(ref); }
    BuiltinId builtin_id() const { return static_cast<BuiltinId>(aux); }
    ModuleId module_id() const { return static_cast<ModuleId>(aux); }
    NameId method() const { return NameId(aux); }

    /// Bitwise identity (same tag and payload). Python equality is semantics::equal().
    bool same(const Value& o) const {
        if (tag != o.tag || aux != o.aux) return false;
        return tag == VTag::Float ? (f == o.f || (f != f && o.f != o.f)) : i == o.i;
    }
};
static_assert(sizeof(Value) == 16);

} // namespace rc
