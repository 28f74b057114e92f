// Name resolution (comprehension variable, local, global, builtin), "did you mean" suggestions,
// static resolution of module attributes, and the call-arity checks that turn a certain
// TypeError into a load-time error.
#include <algorithm> // min
#include <string>    // messages

#include "model/compile/code_gen.hpp"        // CodeGen
#include "model/compile/compile_failure.hpp" // fail

namespace rc {

namespace {

/// Levenshtein distance, for suggestions.
size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
            diag = up;
        }
    }
    return row[b.size()];
}

std::string plural(size_t n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

/// 'a' / 'a' and 'b' / 'a', 'b', and 'c' (CPython's list of missing arguments).
std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (size_t k = 0; k < names.size(); ++k) {
        if (k > 0) out += names.size() == 2 ? " and " : (k + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[k] + "'";
    }
    return out;
}

} // namespace

std::string arity_error(const ast::FunctionDef& def, size_t positional,
                        const std::vector<std::string>& keywords) {
    const size_t n = def.params.size();
    size_t required = 0;
    for (const ast::Param& p : def.params)
        if (!p.default_value) ++required;
    const std::string f = def.name + "()";
    if (positional > n) {
        std::string takes = required == n ? plural(n, "positional argument")
                                          : "from " + std::to_string(required) + " to " +
                                                plural(n, "positional argument");
        return f + " takes " + takes + " but " + std::to_string(positional) +
               (positional == 1 ? " was" : " were") + " given";
    }
    std::vector<bool> bound(n, false);
    for (size_t k = 0; k < positional; ++k) bound[k] = true;
    for (const std::string& kw : keywords) {
        size_t k = 0;
        while (k < n && def.params[k].name != kw) ++k;
        if (k == n) return f + " got an unexpected keyword argument '" + kw + "'";
        if (bound[k]) return f + " got multiple values for argument '" + kw + "'";
        bound[k] = true;
    }
    std::vector<std::string> missing;
    for (size_t k = 0; k < n; ++k)
        if (!bound[k] && !def.params[k].default_value) missing.push_back(def.params[k].name);
    if (missing.empty()) return {};
    return f + " missing " + plural(missing.size(), "required positional argument") + ": " +
           quoted_list(missing);
}

std::optional<CodeGen::NameRef> CodeGen::resolve(const std::string& id) const {
    for (auto scope = comp_scopes_.rbegin(); scope != comp_scopes_.rend(); ++scope)
        for (const auto& [name, slot] : *scope)
            if (name == id) return NameRef{NameRef::Local, slot};
    if (fn_ && !fn_->declared_global.count(id))
        if (auto slot = fn_->slot(id)) return NameRef{NameRef::Local, *slot};
    if (kind_ != CodeKind::Prelude)
        if (auto var = scope_.global(id)) return NameRef{NameRef::Global, var->value};
    if (auto b = lookup_builtin_global(id, kind_ == CodeKind::Prelude))
        return NameRef{NameRef::Builtin, static_cast<uint32_t>(*b)};
    if (id == "__name__") return NameRef{NameRef::MainName, 0};
    return std::nullopt;
}

std::string CodeGen::suggestion(const std::string& id) const {
    std::vector<std::string> candidates;
    for (const auto& scope : comp_scopes_)
        for (const auto& entry : scope) candidates.push_back(entry.first);
    if (fn_) candidates.insert(candidates.end(), fn_->locals.begin(), fn_->locals.end());
    if (kind_ != CodeKind::Prelude)
        for (const GlobalInfo& g : scope_.globals) candidates.push_back(g.name);
    for (uint32_t k = 0; k < static_cast<uint32_t>(BuiltinId::Count); ++k) {
        std::string_view name = builtin_name(static_cast<BuiltinId>(k));
        if (lookup_builtin_global(name)) candidates.emplace_back(name);
    }
    std::string best;
    size_t best_distance = 3;
    for (const std::string& c : candidates) {
        size_t d = edit_distance(id, c);
        if (d > 0 && d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    return best;
}

CodeGen::NameRef CodeGen::resolve_load(const std::string& id, SourceLoc loc) const {
    if (auto ref = resolve(id)) return *ref;
    // In the program itself an undefined name is CPython's run-time NameError (a finding when it
    // escapes); in a check expression it is a mistake in the scenario, refused at load time.
    if (kind_ == CodeKind::Module || kind_ == CodeKind::Function) {
        std::string suffix;
        if (lookup_module(id)) {
            suffix = ". Did you forget to import '" + id + "'?";
        } else {
            for (uint32_t m = 0; m < static_cast<uint32_t>(ModuleId::Count) && suffix.empty(); ++m)
                if (module_member(static_cast<ModuleId>(m), id))
                    suffix = ". Did you forget to import it from '" +
                             std::string(module_name(static_cast<ModuleId>(m))) + "'?";
        }
        if (suffix.empty())
            if (std::string near = suggestion(id); !near.empty()) suffix = ". Did you mean: '" + near + "'?";
        return NameRef{NameRef::Global, tables_.undefined_global(id, std::move(suffix)).value};
    }
    if (kind_ != CodeKind::Prelude) {
        if (lookup_module(id))
            fail(loc, "name '" + id + "' is not defined", "add `import " + id + "` to the code");
        for (uint32_t m = 0; m < static_cast<uint32_t>(ModuleId::Count); ++m)
            if (module_member(static_cast<ModuleId>(m), id))
                fail(loc, "name '" + id + "' is not defined",
                     "add `from " + std::string(module_name(static_cast<ModuleId>(m))) +
                         " import " + id + "` to the code");
    }
    std::string near = suggestion(id);
    fail(loc, "name '" + id + "' is not defined",
         near.empty() ? "define it before use, or import it" : "did you mean '" + near + "'?");
}

CodeGen::NameRef CodeGen::resolve_store(const std::string& id, SourceLoc loc) const {
    if (fn_ && !fn_->declared_global.count(id))
        if (auto slot = fn_->slot(id)) return NameRef{NameRef::Local, *slot};
    if (kind_ != CodeKind::Prelude)
        if (auto var = scope_.global(id)) return NameRef{NameRef::Global, var->value};
    fail(loc, "cannot assign to '" + id + "' here",
         "racecheck checks assignments in the scenario's code block only");
}

void CodeGen::load_name(const std::string& id, SourceLoc loc) {
    NameRef ref = resolve_load(id, loc);
    switch (ref.kind) {
    case NameRef::Local:
        return b_.emit(Op::LoadLocal, ref.index);
    case NameRef::Global:
        return b_.emit(Op::LoadGlobal, ref.index);
    case NameRef::Builtin:
        return b_.emit(Op::LoadBuiltin, ref.index);
    case NameRef::MainName:
        return b_.emit(Op::LoadConst, tables_.constant(std::string("__main__")));
    }
}

std::optional<ModuleId> CodeGen::static_module(const ast::Expr& e) const {
    if (auto* n = std::get_if<ast::Name>(&e.node)) {
        auto ref = resolve(n->id);
        if (!ref || ref->kind != NameRef::Global) return std::nullopt;
        return scope_.module_of(VarId(ref->index));
    }
    if (auto* a = std::get_if<ast::Attribute>(&e.node))
        if (a->attr == "futures" && static_module(*a->value) == ModuleId::Concurrent)
            return ModuleId::ConcurrentFutures;
    return std::nullopt;
}

std::optional<BuiltinId> CodeGen::static_builtin(const ast::Expr& e) const {
    if (auto* n = std::get_if<ast::Name>(&e.node)) {
        auto ref = resolve(n->id);
        if (!ref) return std::nullopt;
        if (ref->kind == NameRef::Builtin) return static_cast<BuiltinId>(ref->index);
        if (ref->kind == NameRef::Global) return scope_.member_of(VarId(ref->index));
        return std::nullopt;
    }
    if (auto* a = std::get_if<ast::Attribute>(&e.node))
        if (auto m = static_module(*a->value)) return module_member(*m, a->attr);
    return std::nullopt;
}

const ast::FunctionDef* CodeGen::static_def(const ast::Expr& e) const {
    auto* n = std::get_if<ast::Name>(&e.node);
    if (!n) return nullptr;
    auto ref = resolve(n->id);
    if (!ref || ref->kind != NameRef::Global) return nullptr;
    return scope_.def_of(VarId(ref->index));
}

void CodeGen::check_call_arity(const ast::Call& c, SourceLoc loc) const {
    if (kind_ == CodeKind::Prelude) return;
    if (const ast::FunctionDef* def = static_def(*c.func)) {
        std::vector<std::string> keywords;
        for (const ast::Keyword& k : c.keywords) keywords.push_back(k.name);
        std::string error = arity_error(*def, c.args.size(), keywords);
        if (!error.empty()) fail(loc, error, "this call would raise TypeError when it runs");
        return;
    }
    if (static_builtin(*c.func) != BuiltinId::Thread || !c.args.empty()) return;
    // threading.Thread(target=f, args=(...), kwargs={...}) with literal arguments.
    const ast::FunctionDef* target = nullptr;
    size_t positional = 0;
    std::vector<std::string> keywords;
    SourceLoc at = loc;
    for (const ast::Keyword& k : c.keywords) {
        if (k.name == "target") {
            target = static_def(*k.value);
            at = k.value->loc;
        } else if (k.name == "args") {
            if (auto* t = std::get_if<ast::Tuple>(&k.value->node)) positional = t->elts.size();
            else if (auto* l = std::get_if<ast::List>(&k.value->node)) positional = l->elts.size();
            else return;
        } else if (k.name == "kwargs") {
            auto* d = std::get_if<ast::Dict>(&k.value->node);
            if (!d) return;
            for (const ast::Expr& key : d->keys) {
                auto* s = std::get_if<ast::Constant>(&key.node);
                if (!s || !std::holds_alternative<std::string>(s->value)) return;
                keywords.push_back(std::get<std::string>(s->value));
            }
        }
    }
    if (!target) return;
    std::string error = arity_error(*target, positional, keywords);
    if (!error.empty())
        fail(at, error, "the thread would raise TypeError as soon as it starts");
}

} // namespace rc
