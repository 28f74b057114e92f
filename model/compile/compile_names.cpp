// Name resolution (comprehension variable, local, global, builtin), "did you mean" suggestions,
// static resolution of module attributes, and the call-arity checks that turn a certain
// TypeError into a load-time error.
#include <algorithm> // min
#include <string>    // messages

#include "model/check.hpp"                    // RC_CHECK
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

} // namespace

std::optional<CodeGen::NameRef> CodeGen::resolve(const std::string& id) const {
    for (auto scope = comp_scopes_.rbegin(); scope != comp_scopes_.rend(); ++scope)
        for (const CompVar& v : *scope)
            if (v.name == id) return NameRef{v.cell ? NameRef::Deref : NameRef::Local, v.slot};
    if (fn_ && !fn_->declared_global.count(id))
        if (auto slot = fn_->slot(id))
            return NameRef{fn_->is_deref(id) ? NameRef::Deref : NameRef::Local, *slot, fn_->is_free(id)};
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
        for (const CompVar& v : scope) candidates.push_back(v.name);
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
    if (kind_ != CodeKind::Prelude) {
        if (is_unsupported_builtin_name(id))
            fail(loc, "unsupported: builtin '" + id + "'",
                 "racecheck refuses the builtins it does not model rather than guess; the "
                 "README's \"Python subset\" lists those it supports");
        for (ModuleId m : scope_.star_modules)
            if (is_unsupported_member(m, id))
                fail(loc, "unsupported: " + std::string(module_name(m)) + "." + id,
                     module_members_hint(m));
    }
    // In the program itself an undefined name is CPython's run-time NameError (a finding when it
    // escapes), with CPython's suggestion computed then; in a check expression it is a mistake
    // in the scenario, refused at load time.
    if (kind_ == CodeKind::Module || kind_ == CodeKind::Function)
        return NameRef{NameRef::Global, tables_.undefined_global(id).value};
    if (kind_ != CodeKind::Prelude) {
        if (lookup_module(id))
            fail(loc, "name '" + id + "' is not defined", "add `import " + id + "` to the code");
        for (uint32_t m = 0; m < static_cast<uint32_t>(ModuleId::Count); ++m)
            if (static_cast<ModuleId>(m) != ModuleId::Typing && module_member(static_cast<ModuleId>(m), id))
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
        if (auto slot = fn_->slot(id))
            return NameRef{fn_->is_deref(id) ? NameRef::Deref : NameRef::Local, *slot, fn_->is_free(id)};
    if (kind_ != CodeKind::Prelude)
        if (auto var = scope_.global(id)) return NameRef{NameRef::Global, var->value};
    fail(loc, "cannot assign to '" + id + "' here",
         "racecheck checks assignments in the scenario's code block only");
}

void CodeGen::load_name(const std::string& id, SourceLoc loc) {
    if (class_slot_ && std::find(class_names_.begin(), class_names_.end(), id) != class_names_.end()) {
        b_.emit(Op::LoadLocal, *class_slot_); // a name the class body bound: its attribute
        return b_.emit(Op::LoadAttr, tables_.name(id).value);
    }
    emit_load(resolve_load(id, loc));
}

void CodeGen::emit_load(const NameRef& ref) {
    switch (ref.kind) {
    case NameRef::Local:
        return b_.emit(Op::LoadLocal, ref.index);
    case NameRef::Deref:
        return b_.emit(Op::LoadDeref, ref.index, ref.free ? 1 : 0);
    case NameRef::Global:
        return b_.emit(Op::LoadGlobal, ref.index);
    case NameRef::Builtin:
        return b_.emit(Op::LoadBuiltin, ref.index);
    case NameRef::MainName:
        return b_.emit(Op::LoadConst, tables_.constant(std::string("__main__")));
    }
}

void CodeGen::emit_store(const NameRef& ref) {
    RC_CHECK(ref.kind == NameRef::Local || ref.kind == NameRef::Deref || ref.kind == NameRef::Global,
             "a store to a builtin");
    b_.emit(ref.kind == NameRef::Local ? Op::StoreLocal : ref.kind == NameRef::Deref ? Op::StoreDeref : Op::StoreGlobal,
            ref.index, ref.free ? 1 : 0);
}

void CodeGen::emit_delete(const NameRef& ref) {
    RC_CHECK(ref.kind == NameRef::Local || ref.kind == NameRef::Deref || ref.kind == NameRef::Global,
             "a delete of a builtin");
    b_.emit(ref.kind == NameRef::Local ? Op::DeleteLocal : ref.kind == NameRef::Deref ? Op::DeleteDeref : Op::DeleteGlobal,
            ref.index, ref.free ? 1 : 0);
}

bool CodeGen::load_closure(const FunctionScope& inner) {
    if (inner.frees.empty()) return false;
    for (const std::string& id : inner.frees) {
        auto ref = resolve(id);
        RC_CHECK(ref && ref->kind == NameRef::Deref, "a free variable without an enclosing cell");
        b_.emit(Op::LoadLocal, ref->index); // the cell itself
    }
    b_.emit(Op::BuildTuple, static_cast<uint32_t>(inner.frees.size()));
    return true;
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

} // namespace rc
