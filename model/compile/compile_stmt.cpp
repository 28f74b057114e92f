// Code generation for simple statements, assignments, `def` and imports; the CodeGen entry
// points and line tracking.
#include <type_traits> // statement dispatch

#include "model/check.hpp"           // RC_CHECK
#include "model/compile/code_gen.hpp"        // CodeGen
#include "model/compile/compile_failure.hpp" // fail

namespace rc {

CodeGen::LineScope::LineScope(CodeGen& gen, SourceLoc loc)
    : builder_(gen.b_), saved_(gen.b_.line()), saved_col_(gen.b_.col()) {
    if (gen.kind_ != CodeKind::Prelude && loc.line != 0) {
        builder_.set_line(loc.line);
        builder_.set_col(loc.col);
    }
}

CodeGen::LineScope::~LineScope() {
    builder_.set_line(saved_);
    builder_.set_col(saved_col_);
}

CodeGen::CodeGen(ProgramTables& tables, const ScopeInfo& scope, CodeKind kind,
                 const FunctionScope* fn)
    : tables_(tables), scope_(scope), kind_(kind), fn_(fn) {
    if (fn_) local_names_ = fn_->locals;
}

CodeObject CodeGen::compile_body(const ast::StmtList& body, std::string name, SourceLoc loc) {
    CodeObject out;
    out.name = std::move(name);
    out.loc = loc;
    if (fn_ && fn_->def) {
        using Kind = ast::Param::Kind;
        for (const ast::Param& p : fn_->def->params) {
            if (p.kind == Kind::Normal || p.kind == Kind::KwOnly) out.param_names.push_back(tables_.name(p.name));
            if (p.kind == Kind::Normal) ++out.param_count;
            if (p.kind == Kind::KwOnly) {
                ++out.kwonly_count;
                out.kwonly_default.push_back(p.default_value.has_value());
            }
            out.varargs = out.varargs || p.kind == Kind::VarArgs;
            out.varkw = out.varkw || p.kind == Kind::VarKw;
        }
    }
    if (fn_) {
        // CPython's MAKE_CELL: each cell variable's slot gets its cell (a parameter's holds its
        // argument); the free variables' slots are filled from the closure by the call.
        for (uint32_t slot = 0; slot < fn_->locals.size(); ++slot) {
            const std::string& id = fn_->locals[slot];
            if (fn_->is_cell(id)) {
                b_.emit(Op::MakeCell, slot);
                out.cells.emplace_back(slot, tables_.name(id));
            }
        }
        for (const std::string& id : fn_->frees) out.free_slots.push_back(*fn_->slot(id));
    }
    stmts(body);
    b_.emit(Op::LoadConst, tables_.constant(NoneConst{}));
    b_.emit(Op::Return);
    b_.finish(out);
    finish_locals(out);
    return out;
}

CodeObject CodeGen::compile_expression(const ast::Expr& e, std::string name) {
    CodeObject out;
    out.name = std::move(name);
    out.loc = e.loc;
    expr(e);
    b_.emit(Op::Return);
    b_.finish(out);
    finish_locals(out);
    return out;
}

void CodeGen::finish_locals(CodeObject& out) {
    out.local_names = local_names_;
    out.local_count = static_cast<uint32_t>(local_names_.size());
    out.cells.insert(out.cells.end(), comp_cells_.begin(), comp_cells_.end());
}

void CodeGen::stmts(const ast::StmtList& list) {
    for (const ast::Stmt& s : list) stmt(s);
}

void CodeGen::stmt(const ast::Stmt& s) {
    LineScope line(*this, s.loc);
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, ast::ExprStmt>) {
                expr(n.value);
                b_.emit(Op::Pop);
            } else if constexpr (std::is_same_v<T, ast::Assign>) {
                assign(n);
            } else if constexpr (std::is_same_v<T, ast::AnnAssign>) {
                ann_assign(n);
            } else if constexpr (std::is_same_v<T, ast::AugAssign>) {
                aug_assign(n, s.loc);
            } else if constexpr (std::is_same_v<T, ast::Delete>) {
                for (const ast::Expr& t : n.targets) del_target(t);
            } else if constexpr (std::is_same_v<T, ast::Pass> || std::is_same_v<T, ast::Global>) {
                // no code: `global` only affects scope analysis
            } else if constexpr (std::is_same_v<T, ast::Break>) {
                break_continue(true, s.loc);
            } else if constexpr (std::is_same_v<T, ast::Continue>) {
                break_continue(false, s.loc);
            } else if constexpr (std::is_same_v<T, ast::Return>) {
                return_stmt(n, s.loc);
            } else if constexpr (std::is_same_v<T, ast::If>) {
                if_stmt(n);
            } else if constexpr (std::is_same_v<T, ast::While>) {
                while_stmt(n);
            } else if constexpr (std::is_same_v<T, ast::For>) {
                for_stmt(n);
            } else if constexpr (std::is_same_v<T, ast::With>) {
                if (n.items.empty()) fail(s.loc, "invalid syntax");
                with_stmt(n, 0);
            } else if constexpr (std::is_same_v<T, ast::Try>) {
                try_stmt(n);
            } else if constexpr (std::is_same_v<T, ast::Raise>) {
                if (n.exc) {
                    expr(*n.exc);
                    b_.emit(Op::Raise, 1);
                } else {
                    b_.emit(Op::Raise, 0);
                }
            } else if constexpr (std::is_same_v<T, ast::Assert>) {
                warn_assert(n, s.loc);
                assert_stmt(n);
            } else if constexpr (std::is_same_v<T, ast::FunctionDef>) {
                function_def(n, s.loc);
            } else if constexpr (std::is_same_v<T, ast::ClassDef>) {
                class_def(n, s.loc);
            } else if constexpr (std::is_same_v<T, ast::Import>) {
                import(n);
            } else {
                static_assert(std::is_same_v<T, ast::ImportFrom>);
                import_from(n, s.loc);
            }
        },
        s.node);
}

void CodeGen::assign(const ast::Assign& a) {
    expr(a.value);
    for (size_t k = 0; k < a.targets.size(); ++k) {
        if (k + 1 < a.targets.size()) b_.emit(Op::Dup);
        store_target(a.targets[k]);
    }
}

void CodeGen::ann_assign(const ast::AnnAssign& a) {
    if (a.value) {
        expr(*a.value);
        store_target(a.target);
    } else if (auto* at = std::get_if<ast::Attribute>(&a.target.node)) {
        // without a value CPython still evaluates the target, all but its last step
        LineScope line(*this, a.target.loc);
        expr(*at->value);
        b_.emit(Op::Pop);
    } else if (auto* sub = std::get_if<ast::Subscript>(&a.target.node)) {
        LineScope line(*this, a.target.loc);
        expr(*sub->value);
        subscript_index(*sub->index);
        b_.emit(Op::Pop);
        b_.emit(Op::Pop);
    }
    if (a.annotation) {
        expr(*a.annotation);
        b_.emit(Op::Pop);
    }
}

void CodeGen::aug_assign(const ast::AugAssign& a, SourceLoc loc) {
    const auto op = static_cast<uint8_t>(a.op);
    if (auto* n = std::get_if<ast::Name>(&a.target.node)) {
        NameRef ref = resolve_store(n->id, a.target.loc);
        {
            LineScope line(*this, a.target.loc);
            emit_load(ref);
        }
        expr(a.value);
        b_.emit(Op::Binary, 1, op);
        emit_store(ref);
    } else if (auto* at = std::get_if<ast::Attribute>(&a.target.node)) {
        expr(*at->value);
        const uint32_t name = tables_.name(at->attr).value;
        b_.emit(Op::Dup);
        b_.emit(Op::LoadAttr, name);
        expr(a.value);
        b_.emit(Op::Binary, 1, op);
        b_.emit(Op::Rot2);
        b_.emit(Op::StoreAttr, name);
    } else if (auto* sub = std::get_if<ast::Subscript>(&a.target.node)) {
        expr(*sub->value);
        subscript_index(*sub->index);
        b_.emit(Op::DupTwo);
        b_.emit(Op::LoadSubscr);
        expr(a.value);
        b_.emit(Op::Binary, 1, op);
        b_.emit(Op::Rot3);
        b_.emit(Op::StoreSubscr);
    } else {
        fail(loc, "'expression' is an illegal expression for augmented assignment");
    }
}

void CodeGen::store_name(const std::string& id, SourceLoc loc) {
    for (auto scope = comp_scopes_.rbegin(); scope != comp_scopes_.rend(); ++scope)
        for (const CompVar& v : *scope)
            if (v.name == id) return b_.emit(v.cell ? Op::StoreDeref : Op::StoreLocal, v.slot, 0);
    emit_store(resolve_store(id, loc));
}

void CodeGen::store_target(const ast::Expr& t) {
    LineScope line(*this, t.loc);
    if (auto* n = std::get_if<ast::Name>(&t.node)) {
        store_name(n->id, t.loc);
    } else if (auto* at = std::get_if<ast::Attribute>(&t.node)) {
        expr(*at->value);
        b_.emit(Op::StoreAttr, tables_.name(at->attr).value);
    } else if (auto* sub = std::get_if<ast::Subscript>(&t.node)) {
        expr(*sub->value);
        subscript_index(*sub->index);
        b_.emit(Op::StoreSubscr);
    } else if (std::holds_alternative<ast::Tuple>(t.node) ||
               std::holds_alternative<ast::List>(t.node)) {
        const auto& elts = std::holds_alternative<ast::Tuple>(t.node)
                               ? std::get<ast::Tuple>(t.node).elts
                               : std::get<ast::List>(t.node).elts;
        size_t star = elts.size();
        for (size_t i = 0; i < elts.size(); ++i)
            if (std::holds_alternative<ast::Starred>(elts[i].node)) star = i;
        if (star == elts.size()) {
            b_.emit(Op::UnpackSequence, static_cast<uint32_t>(elts.size()));
        } else {
            const size_t after = elts.size() - star - 1;
            if (star > 255 || after > 255)
                fail(t.loc, "too many expressions in star-unpacking assignment");
            b_.emit(Op::UnpackEx, static_cast<uint32_t>(star), static_cast<uint8_t>(after));
        }
        for (const ast::Expr& e : elts) {
            if (auto* st = std::get_if<ast::Starred>(&e.node)) store_target(*st->value);
            else store_target(e);
        }
    } else {
        fail(t.loc, "cannot assign to expression", "assign to a name, an attribute or an item");
    }
}

void CodeGen::del_target(const ast::Expr& t) {
    LineScope line(*this, t.loc);
    if (auto* n = std::get_if<ast::Name>(&t.node)) {
        emit_delete(resolve_store(n->id, t.loc));
    } else if (auto* sub = std::get_if<ast::Subscript>(&t.node)) {
        expr(*sub->value);
        subscript_index(*sub->index);
        b_.emit(Op::DeleteSubscr);
    } else if (auto* tu = std::get_if<ast::Tuple>(&t.node)) {
        for (const ast::Expr& e : tu->elts) del_target(e);
    } else if (auto* li = std::get_if<ast::List>(&t.node)) {
        for (const ast::Expr& e : li->elts) del_target(e);
    } else if (std::holds_alternative<ast::Attribute>(t.node)) {
        fail(t.loc, "unsupported: deleting an attribute",
             "racecheck models `del` of names and of container items");
    } else {
        fail(t.loc, "cannot delete expression");
    }
}

void CodeGen::function_def(const ast::FunctionDef& def, SourceLoc loc) {
    auto index = scope_.function_index.find(&def);
    RC_CHECK(index != scope_.function_index.end(), "function missed by scope analysis");
    for (const ast::Expr& d : def.decorators) expr(d);
    uint32_t defaults = 0;
    for (const ast::Param& p : def.params) {
        if (p.default_value) {
            expr(*p.default_value);
            ++defaults;
        } else if (defaults > 0 && p.kind == ast::Param::Kind::Normal) {
            fail(p.loc, "parameter without a default follows parameter with a default");
        }
    }
    if (defaults > UINT8_MAX) fail(loc, "unsupported: more than 255 default values");
    for (const ast::Param& p : def.params) { // CPython evaluates annotations after the defaults
        if (!p.annotation) continue;
        expr(*p.annotation);
        b_.emit(Op::Pop);
    }
    if (def.returns) {
        expr(*def.returns);
        b_.emit(Op::Pop);
    }
    b_.emit(load_closure(scope_.functions[index->second]) ? Op::MakeClosure : Op::MakeFunction, index->second + 1,
            static_cast<uint8_t>(defaults));
    for (size_t k = def.decorators.size(); k-- > 0;) {
        LineScope line(*this, def.decorators[k].loc);
        b_.emit(Op::Call, 1, 0);
    }
    if (class_slot_) {
        b_.emit(Op::LoadLocal, *class_slot_);
        b_.emit(Op::StoreAttr, tables_.name(def.name).value);
        class_names_.push_back(def.name);
        return;
    }
    store_name(def.name, loc);
}

void CodeGen::class_def(const ast::ClassDef& c, SourceLoc loc) {
    RC_CHECK(kind_ == CodeKind::Module && !class_slot_, "a class outside the module body");
    for (const ast::Expr& d : c.decorators) expr(d); // evaluated first, applied last (innermost first)
    b_.emit(Op::LoadConst, tables_.constant(c.name));
    for (const ast::Expr& base : c.bases) expr(base);
    if (c.bases.size() > UINT8_MAX) fail(loc, "unsupported: more than 255 base classes");
    b_.emit(Op::BuildClass, static_cast<uint32_t>(c.bases.size()));
    const uint32_t slot = hidden_slot(".class " + c.name);
    b_.emit(Op::StoreLocal, slot);
    class_slot_ = slot;
    class_names_.clear();
    for (const ast::Stmt& s : c.body) {
        LineScope line(*this, s.loc);
        if (auto* fd = std::get_if<ast::FunctionDef>(&s.node)) {
            function_def(*fd, s.loc);
        } else if (auto* a = std::get_if<ast::Assign>(&s.node)) {
            expr(a->value);
            for (size_t k = 0; k < a->targets.size(); ++k) {
                if (k + 1 < a->targets.size()) b_.emit(Op::Dup);
                const std::string& id = std::get<ast::Name>(a->targets[k].node).id;
                b_.emit(Op::LoadLocal, slot);
                b_.emit(Op::StoreAttr, tables_.name(id).value);
                class_names_.push_back(id);
            }
        } else if (auto* an = std::get_if<ast::AnnAssign>(&s.node)) {
            // `name: annotation [= value]`: the value is stored, then the annotation evaluated
            if (an->value) {
                const std::string& id = std::get<ast::Name>(an->target.node).id;
                expr(*an->value);
                b_.emit(Op::LoadLocal, slot);
                b_.emit(Op::StoreAttr, tables_.name(id).value);
                class_names_.push_back(id);
            }
            if (an->annotation) {
                expr(*an->annotation);
                b_.emit(Op::Pop);
            }
        } else if (auto* e = std::get_if<ast::ExprStmt>(&s.node)) {
            expr(e->value);
            b_.emit(Op::Pop);
        }
    }
    class_slot_.reset();
    class_names_.clear();
    b_.emit(Op::LoadLocal, slot);
    for (size_t k = c.decorators.size(); k-- > 0;) {
        LineScope line(*this, c.decorators[k].loc);
        b_.emit(Op::Call, 1, 0);
    }
    store_name(c.name, loc);
}

namespace {

const char* kModulesHint = "racecheck models the threading, queue, time, concurrent.futures, "
                           "random, logging, sys (exit), collections (deque, defaultdict, Counter), "
                           "functools (partial, wraps), itertools, os (getpid, cpu_count), dataclasses "
                           "(dataclass, field), math and typing modules";

/// The module `dotted` names, or a CodeError saying why racecheck refuses it.
ModuleId checked_module(const std::string& dotted, SourceLoc loc) {
    const std::string top = dotted.substr(0, dotted.find('.'));
    if (top == "multiprocessing")
        fail(loc, "unsupported: multiprocessing",
             "processes share no memory, so there is no data race for racecheck to find; it "
             "checks threads (threading, queue, concurrent.futures)");
    if (auto m = lookup_module(dotted)) return *m;
    fail(loc, "unsupported: import of module '" + dotted + "'", kModulesHint);
}

} // namespace

std::string module_members_hint(ModuleId m) {
    std::string out;
    for (uint32_t k = 0; k < static_cast<uint32_t>(BuiltinId::Count); ++k) {
        auto b = static_cast<BuiltinId>(k);
        if (module_member(m, builtin_name(b)) != b) continue;
        out += out.empty() ? "" : ", ";
        out += builtin_name(b);
    }
    if (m == ModuleId::Concurrent) out = "futures";
    for (std::string_view c : {"pi", "e", "tau", "inf", "nan"})
        if (module_float_constant(m, c)) out += ", " + std::string(c);
    return "racecheck models these members of " + std::string(module_name(m)) + ": " + out;
}

void CodeGen::import(const ast::Import& imp) {
    for (const ast::ImportAlias& a : imp.names) {
        LineScope line(*this, a.loc);
        ModuleId m = checked_module(a.name, a.loc);
        if (!a.asname) {
            auto top = lookup_module(a.name.substr(0, a.name.find('.')));
            RC_CHECK(top.has_value(), "a known dotted module without a known package");
            m = *top;
        }
        b_.emit(Op::LoadConst, tables_.constant(m));
        store_name(a.asname ? *a.asname : a.name.substr(0, a.name.find('.')), a.loc);
    }
}

void CodeGen::import_from(const ast::ImportFrom& imp, SourceLoc loc) {
    ModuleId m = checked_module(imp.module, loc);
    if (imp.star) {
        auto names = module_star_names(m);
        RC_CHECK(names.has_value(), "star import of a module scope analysis refused");
        LineScope line(*this, imp.star_loc);
        for (std::string_view n : *names) {
            if (is_unsupported_member(m, n)) continue; // refused where used (resolve_load)
            if (auto c = module_constant(m, n)) b_.emit(Op::LoadConst, tables_.constant(*c));
            else if (auto f = module_float_constant(m, n)) b_.emit(Op::LoadConst, tables_.constant(*f));
            else if (auto t = module_text_constant(m, n)) b_.emit(Op::LoadConst, tables_.constant(std::string(*t)));
            else b_.emit(Op::LoadConst, tables_.constant(*module_member(m, n)));
            store_name(std::string(n), imp.star_loc);
        }
        return;
    }
    for (const ast::ImportAlias& a : imp.names) {
        LineScope line(*this, a.loc);
        if (m == ModuleId::Sys && a.name == "argv") {
            sys_argv();
        } else if (auto c = module_constant(m, a.name)) {
            b_.emit(Op::LoadConst, tables_.constant(*c));
        } else if (auto f = module_float_constant(m, a.name)) {
            b_.emit(Op::LoadConst, tables_.constant(*f));
        } else if (auto t = module_text_constant(m, a.name)) {
            b_.emit(Op::LoadConst, tables_.constant(std::string(*t)));
        } else if (auto member = module_member(m, a.name)) {
            b_.emit(Op::LoadConst, tables_.constant(*member));
        } else if (auto sub = lookup_module(imp.module + "." + a.name)) {
            b_.emit(Op::LoadConst, tables_.constant(*sub));
        } else if (is_unsupported_member(m, a.name)) {
            fail(a.loc, "unsupported: " + imp.module + "." + a.name, module_members_hint(m));
        } else {
            fail(a.loc, "cannot import name '" + a.name + "' from '" + imp.module + "'",
                 "CPython raises ImportError here: " + imp.module + " has no member '" + a.name + "'");
        }
        store_name(a.asname ? *a.asname : a.name, a.loc);
    }
}

void CodeGen::assert_stmt(const ast::Assert& a) {
    Label ok = b_.new_label();
    expr(a.test);
    b_.emit_jump(Op::PopJumpIfTrue, ok);
    b_.emit(Op::LoadBuiltin, static_cast<uint32_t>(BuiltinId::AssertionError));
    if (a.msg) expr(*a.msg);
    b_.emit(Op::Call, a.msg ? 1 : 0);
    b_.emit(Op::Raise, 1);
    b_.bind(ok);
}

} // namespace rc
