// Machine::bind: a native call's arguments against CPython's signature (arguments.hpp).
#include "model/values/arguments.hpp"

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

std::string arguments(size_t n) { return n == 1 ? " argument" : " arguments"; }

} // namespace

Bound Machine::bind(const Args& a, const Sig& sig) {
    RC_CHECK(sig.params.size() <= Bound{}.v.size(), "a signature with too many parameters");
    const std::string name(sig.name);
    const size_t count = sig.params.size();
    const size_t positional = std::min(count, sig.keyword_only);
    const size_t n = a.pos.size();
    using S = Sig::Style;
    if (n > positional) {
        switch (sig.style) {
        case S::One: raise(BuiltinId::TypeError, name + "() takes exactly one argument (" + std::to_string(n) + " given)");
        case S::None: raise(BuiltinId::TypeError, name + "() takes no arguments (" + std::to_string(n) + " given)");
        case S::Expected:
            raise(BuiltinId::TypeError, name + " expected " + (sig.required == positional ? "" : "at most ") +
                                            std::to_string(positional) + arguments(positional) +
                                            ", got " + std::to_string(n));
        case S::Takes:
            raise(BuiltinId::TypeError, name + "() takes " + (sig.required == positional ? "exactly " : "at most ") +
                                            std::to_string(positional) + arguments(positional) + " (" +
                                            std::to_string(n) + " given)");
        }
    }
    Bound b;
    for (size_t k = 0; k < n; ++k) b.v[k] = a.pos[k];
    for (const auto& [id, value] : a.kw) {
        const std::string& key = prog.name_of(id);
        if (sig.positional_only >= count)
            raise(BuiltinId::TypeError, name + "() takes no keyword arguments");
        size_t k = sig.positional_only;
        auto it = sig.params.begin() + static_cast<std::ptrdiff_t>(k);
        while (k < count && *it != key) ++k, ++it;
        if (k == count)
            raise(BuiltinId::TypeError, "'" + key + "' is an invalid keyword argument for " + name + "()");
        if (b.has(k))
            raise(BuiltinId::TypeError, "argument for " + name + "() given by name ('" + key +
                                            "') and position (" + std::to_string(k + 1) + ")");
        b.v[k] = value;
    }
    for (size_t k = 0; k < sig.required; ++k) {
        if (b.has(k)) continue;
        switch (sig.style) {
        case S::One: raise(BuiltinId::TypeError, name + "() takes exactly one argument (0 given)");
        case S::None: break;
        case S::Expected:
            raise(BuiltinId::TypeError, name + " expected " + (sig.required == positional ? "" : "at least ") +
                                            std::to_string(sig.required) + arguments(sig.required) +
                                            ", got " + std::to_string(n));
        case S::Takes:
            if (k >= sig.positional_only)
                raise(BuiltinId::TypeError, name + "() missing required argument '" +
                                                std::string(*(sig.params.begin() + static_cast<std::ptrdiff_t>(k))) +
                                                "' (pos " + std::to_string(k + 1) + ")");
            raise(BuiltinId::TypeError, name + "() takes at least " + std::to_string(sig.required) +
                                            arguments(sig.required) + " (" + std::to_string(n) + " given)");
        }
    }
    return b;
}

} // namespace rc
