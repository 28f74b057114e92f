// functools.wraps and functools.update_wrapper (Lib/functools.py): update_wrapper(wrapper,
// wrapped) gives a function of the program wrapped's __module__, __name__, __qualname__ and
// __doc__ and sets its __wrapped__. racecheck keeps the wrapped callable in the function
// (FunctionObj::wrapped) and shows its names through it (model/runtime/attributes.cpp, repr):
// the same values CPython copies, since racecheck's functions' names cannot be reassigned.
#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

using S = Sig::Style;

/// CPython 3.12's functools.WRAPPER_ASSIGNMENTS and WRAPPER_UPDATES.
Value wrapper_assignments(Machine& m) {
    std::vector<Value> names;
    for (const char* n : {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__", "__type_params__"})
        names.push_back(m.new_str(n));
    return m.new_tuple(std::move(names));
}
Value wrapper_updates(Machine& m) { return m.new_tuple({m.new_str("__dict__")}); }

/// Refuses assigned=/updated= other than the defaults (racecheck copies those attributes only).
void check_defaults(Machine& m, const Bound& b) {
    if ((b.has(2) && !m.equal(b[2], wrapper_assignments(m))) || (b.has(3) && !m.equal(b[3], wrapper_updates(m))))
        m.unsupported("functools.update_wrapper() or wraps() with assigned= or updated= other than the defaults");
}

} // namespace

Value Machine::call_functools(BuiltinId id, const Args& a) {
    if (id == BuiltinId::Wraps) {
        Bound b = bind(a, Sig{"wraps", S::Python, {"wrapped", "assigned", "updated"}, 1, 0});
        Bound full = b;
        full.v[3] = b[2];
        full.v[2] = b[1];
        check_defaults(*this, full);
        // partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)
        Value keywords = new_dict();
        store_subscript(keywords, new_str("wrapped"), b[0]);
        store_subscript(keywords, new_str("assigned"), b.has(1) ? b[1] : wrapper_assignments(*this));
        store_subscript(keywords, new_str("updated"), b.has(2) ? b[2] : wrapper_updates(*this));
        Value args = new_tuple({});
        return Value::object(alloc(Object{PartialObj{Value::builtin(BuiltinId::UpdateWrapper), args, keywords}}));
    }
    Bound b = bind(a, Sig{"update_wrapper", S::Python, {"wrapper", "wrapped", "assigned", "updated"}, 2, 0});
    check_defaults(*this, b);
    Value wrapper = b[0], wrapped = b[1];
    if (!get<FunctionObj>(wrapper))
        unsupported("functools.update_wrapper() on a " + type_name(wrapper),
                    "racecheck sets the wrapped attributes on functions (def, lambda) only");
    if (!get<FunctionObj>(wrapped) && wrapped.tag != VTag::Builtin)
        unsupported("functools.update_wrapper() of a " + type_name(wrapped),
                    "racecheck copies the attributes of functions and builtins only");
    get<FunctionObj>(wrapper)->wrapped = wrapped;
    if (shared(wrapper)) mark_shared(wrapped);
    return wrapper;
}

} // namespace rc
