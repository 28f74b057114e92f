// Program-wide interning of constants, identifiers and keyword-name lists.
#include <cstring>     // memcpy: a double's bits
#include <type_traits> // constant comparison

#include "model/check.hpp"    // RC_CHECK
#include "model/compile/code_gen.hpp" // ProgramTables

namespace rc {

namespace {

/// Same key, same type and same value: 1, True and 1.0 stay distinct, and so do 0.0 and -0.0
/// (a double's key is its bits).
std::string constant_key(const Constant& c) {
    std::string key(1, static_cast<char>(c.index()));
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::string>) key += x;
            else if constexpr (!std::is_same_v<T, NoneConst>) {
                char bytes[sizeof x];
                std::memcpy(bytes, &x, sizeof x);
                key.append(bytes, sizeof x);
            }
        },
        c);
    return key;
}

} // namespace

ProgramTables::ProgramTables(Program& program) : program_(program) {
    for (uint32_t k = 0; k < kKnownNameCount; ++k) {
        NameId id = name(known_name_spelling(static_cast<KnownName>(k)));
        RC_CHECK(id.value == k, "known names must be interned first and be distinct");
    }
}

uint32_t ProgramTables::constant(const Constant& c) {
    auto [it, inserted] =
        constant_ids_.emplace(constant_key(c), static_cast<uint32_t>(program_.constants.size()));
    if (inserted) program_.constants.push_back(c);
    return it->second;
}

NameId ProgramTables::name(std::string_view id) {
    auto it = name_ids_.find(std::string(id));
    if (it != name_ids_.end()) return it->second;
    NameId fresh(static_cast<uint32_t>(program_.names.size()));
    program_.names.emplace_back(id);
    name_ids_.emplace(std::string(id), fresh);
    return fresh;
}

uint32_t ProgramTables::kwnames(const std::vector<NameId>& names) {
    std::string key;
    for (NameId n : names) key.append(reinterpret_cast<const char*>(&n.value), sizeof n.value);
    auto [it, inserted] =
        kwnames_ids_.emplace(std::move(key), static_cast<uint32_t>(program_.kwnames.size()));
    if (inserted) program_.kwnames.push_back(names);
    return it->second;
}

uint32_t ProgramTables::add_genexp(PendingGenExp g) {
    pending_genexps.push_back(std::move(g));
    program_.genexps.push_back(FuncId()); // filled when compile_program compiles it
    return static_cast<uint32_t>(program_.genexps.size() - 1);
}

VarId ProgramTables::undefined_global(const std::string& name) {
    auto [it, inserted] = undefined_.emplace(name, VarId(static_cast<uint32_t>(program_.globals.size())));
    if (inserted) {
        GlobalInfo g;
        g.name = name;
        program_.globals.push_back(std::move(g));
    }
    return it->second;
}

void ProgramTables::finish() {
    program_.string_constants.clear();
    program_.constant_heap_index.assign(program_.constants.size(), UINT32_MAX);
    for (uint32_t k = 0; k < program_.constants.size(); ++k) {
        if (!std::holds_alternative<std::string>(program_.constants[k])) continue;
        program_.constant_heap_index[k] = static_cast<uint32_t>(program_.string_constants.size());
        program_.string_constants.push_back(k);
    }
}

} // namespace rc
