// Machine::bind: a native call's arguments against CPython's signature (arguments.hpp).
#include "model/values/arguments.hpp"

#include "model/runtime/machine.hpp" // Machine

namespace rc {

std::string plural(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string quote_list(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

namespace {

std::string arguments(size_t n) { return n == 1 ? " argument" : " arguments"; }

/// The parameter `key` names, from `from` on; params.size() when none.
size_t param_index(const Sig& sig, const std::string& key, size_t from) {
    size_t k = from;
    for (auto it = sig.params.begin() + static_cast<std::ptrdiff_t>(from); it != sig.params.end(); ++it, ++k)
        if (*it == key) return k;
    return sig.params.size();
}

} // namespace

/// Style::Python: binding as CPython binds a call of a def (ceval.c's messages).
Bound Machine::bind_python(const Args& a, const Sig& sig) {
    const std::string name(sig.name);
    const size_t count = sig.params.size();
    const size_t positional = std::min(count, sig.keyword_only);
    const size_t n = a.pos.size();
    if (n > positional) {
        const size_t required = std::min(sig.required, positional) + sig.implicit;
        const size_t most = positional + sig.implicit, given = n + sig.implicit;
        std::string takes = required == most ? plural(most, "positional argument", "positional arguments")
                                             : "from " + std::to_string(required) + " to " +
                                                   std::to_string(most) + " positional arguments";
        size_t keyword_only_given = 0;
        for (const auto& [id, value] : a.kw)
            if (param_index(sig, name_of(id), positional) < count) ++keyword_only_given;
        if (keyword_only_given)
            raise(BuiltinId::TypeError,
                  name + "() takes " + takes + " but " +
                      plural(given, "positional argument", "positional arguments") + " (and " +
                      plural(keyword_only_given, "keyword-only argument", "keyword-only arguments") +
                      ") were given");
        raise(BuiltinId::TypeError, name + "() takes " + takes + " but " + std::to_string(given) +
                                        (given == 1 ? " was" : " were") + " given");
    }
    Bound b;
    for (size_t k = 0; k < n; ++k) b.v[k] = a.pos[k];
    for (const auto& [id, value] : a.kw) {
        const std::string& key = name_of(id);
        const size_t k = param_index(sig, key, 0);
        if (k < sig.positional_only)
            raise(BuiltinId::TypeError, name + "() got some positional-only arguments passed as keyword arguments: '" +
                                            key + "'");
        if (k == count) raise(BuiltinId::TypeError, name + "() got an unexpected keyword argument '" + key + "'");
        if (b.has(k)) raise(BuiltinId::TypeError, name + "() got multiple values for argument '" + key + "'");
        b.v[k] = value;
    }
    std::vector<std::string> missing;
    for (size_t k = 0; k < std::min(sig.required, positional); ++k)
        if (!b.has(k)) missing.emplace_back(*(sig.params.begin() + static_cast<std::ptrdiff_t>(k)));
    if (!missing.empty())
        raise(BuiltinId::TypeError, name + "() missing " +
                                        plural(missing.size(), "required positional argument",
                                               "required positional arguments") +
                                        ": " + quote_list(missing));
    for (size_t k = positional; k < sig.required; ++k)
        if (!b.has(k)) missing.emplace_back(*(sig.params.begin() + static_cast<std::ptrdiff_t>(k)));
    if (!missing.empty())
        raise(BuiltinId::TypeError, name + "() missing " +
                                        plural(missing.size(), "required keyword-only argument",
                                               "required keyword-only arguments") +
                                        ": " + quote_list(missing));
    return b;
}

/// CPython 3.12's _PyArg_UnpackKeywords (Python/getargs.c), in its order of checks: too many
/// arguments in all, missing required ones, one given by name and position, an unknown keyword.
/// (Every parameter may be given by name: positional_only is 0 for the signatures that use it.)
Bound Machine::bind_clinic(const Args& a, const Sig& sig) {
    const std::string name(sig.name);
    const size_t count = sig.params.size(), n = a.pos.size(), total = n + a.kw.size();
    if (total > count)
        raise(BuiltinId::TypeError, name + "() takes at most " + std::to_string(count) + " " +
                                        (n == 0 ? "keyword " : "") + (count == 1 ? "argument" : "arguments") +
                                        " (" + std::to_string(total) + " given)");
    auto param = [&](size_t k) { return std::string(*(sig.params.begin() + static_cast<std::ptrdiff_t>(k))); };
    auto by_name = [&](size_t k) -> const Value* {
        for (const auto& [id, value] : a.kw)
            if (name_of(id) == param(k)) return &value;
        return nullptr;
    };
    Bound b;
    size_t used = 0;
    for (size_t k = 0; k < count; ++k) {
        if (k < n) {
            b.v[k] = a.pos[k];
        } else if (const Value* v = by_name(k)) {
            b.v[k] = *v;
            ++used;
        } else if (k < sig.required) {
            raise(BuiltinId::TypeError, name + "() missing required argument '" + param(k) + "' (pos " +
                                            std::to_string(k + 1) + ")");
        }
    }
    if (used == a.kw.size()) return b;
    for (size_t k = 0; k < n; ++k)
        if (by_name(k))
            raise(BuiltinId::TypeError, "argument for " + name + "() given by name ('" + param(k) +
                                            "') and position (" + std::to_string(k + 1) + ")");
    for (const auto& [id, value] : a.kw) {
        bool known = false;
        for (size_t k = 0; k < count; ++k) known |= name_of(id) == param(k);
        if (!known)
            raise(BuiltinId::TypeError, "'" + name_of(id) + "' is an invalid keyword argument for " + name + "()");
    }
    return b;
}

Bound Machine::bind(const Args& a, const Sig& sig) {
    RC_CHECK(sig.params.size() <= Bound{}.v.size(), "a signature with too many parameters");
    if (sig.style == Sig::Style::Python) return bind_python(a, sig);
    if (sig.style == Sig::Style::Clinic) return bind_clinic(a, sig);
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
        case S::Python: // (Python and Clinic are bound above)
        case S::Clinic:
        case S::Takes:
            if (positional == 0) raise(BuiltinId::TypeError, name + "() takes no positional arguments");
            raise(BuiltinId::TypeError, name + "() takes " + (sig.required == positional ? "exactly " : "at most ") +
                                            std::to_string(positional) + arguments(positional) + " (" +
                                            std::to_string(n) + " given)");
        }
    }
    Bound b;
    for (size_t k = 0; k < n; ++k) b.v[k] = a.pos[k];
    for (const auto& [id, value] : a.kw) {
        const std::string& key = name_of(id);
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
        case S::None:
        case S::Python:
        case S::Clinic: break;
        case S::Expected:
            raise(BuiltinId::TypeError, name + " expected " + (sig.required == positional ? "" : "at least ") +
                                            std::to_string(sig.required) + arguments(sig.required) +
                                            ", got " + std::to_string(n));
        case S::Takes:
            if (k >= sig.positional_only)
                raise(BuiltinId::TypeError, name + "() missing required argument '" +
                                                std::string(*(sig.params.begin() + static_cast<std::ptrdiff_t>(k))) +
                                                "' (pos " + std::to_string(k + 1) + ")");
            raise(BuiltinId::TypeError, name + "() takes " + (sig.required == positional ? "exactly " : "at least ") +
                                            std::to_string(sig.required) + arguments(sig.required) + " (" +
                                            std::to_string(n) + " given)");
        }
    }
    return b;
}

} // namespace rc
