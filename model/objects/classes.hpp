// The heap objects of classes the program defines: the class, its instances, bound methods of
// Python functions, the staticmethod/classmethod/property wrappers and super() proxies.
//
// A class's namespace and an instance's attributes are lists of (name, value) pairs in insertion
// order (small, compared linearly), as CPython's dicts keep them. An instance of a class whose
// bases include threading.Thread holds the native ThreadObj in `native` once Thread.__init__ has
// run; an exception class's instances are ExceptionObj values (model/values/objects.hpp) that
// name their user class.
#pragma once

#include <cstdint> // uint8_t, uint32_t
#include <string>  // class names
#include <utility> // pair
#include <vector>  // namespaces

#include "model/bytecode/builtins.hpp" // BuiltinId
#include "model/ids.hpp"               // ObjectId, NameId
#include "model/values/value.hpp"      // Value

namespace rc {

/// (name, value) pairs in insertion order: a class namespace or an instance __dict__.
using AttrList = std::vector<std::pair<NameId, Value>>;

/// Finds `name` in an attribute list; null when absent.
inline const Value* find_attr(const AttrList& attrs, NameId name) {
    for (const auto& [n, v] : attrs)
        if (n == name) return &v;
    return nullptr;
}

struct ClassObj {
    std::string name;
    std::vector<Value> bases; // as written (user classes and builtin classes)
    /// The method resolution order over user classes (C3), this class first.
    std::vector<ObjectId> mro;
    /// The builtin class instances are built on: Object, Thread, or an exception class.
    BuiltinId native = BuiltinId::Object;
    AttrList attrs;
    uint32_t line = 0; // the `class` statement (code-block line)
};

/// An instance of a user class (not of an exception class: those are ExceptionObj).
struct InstanceObj {
    ObjectId cls;
    AttrList attrs;
    /// A Thread subclass's ThreadObj, once Thread.__init__ ran; Unbound before and for others.
    Value native;
    uint32_t line = 0; // where it was created (code-block line), for reports
};

/// A Python function bound to its receiver (an instance, or a class for a classmethod).
struct MethodObj {
    Value func;
    Value self;
};

/// staticmethod(f), classmethod(f), property(fget, fset).
struct WrapperObj {
    enum class Kind : uint8_t { Static, Class, Property };
    Kind kind = Kind::Static;
    Value func;   // the function (a property's getter)
    Value setter; // a property's setter (None without one)
};

/// super(): attribute lookups start after `cls` in the MRO of `self`'s class.
struct SuperObj {
    ObjectId cls;
    Value self;
};

} // namespace rc
