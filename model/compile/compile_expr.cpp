// Code generation for expressions. List, set and dict comprehensions are compiled inline (as
// CPython 3.12 inlines them), with their variables in hidden local slots; a generator expression
// is a code object of its own, made into a generator where it appears. One file: every
// expression kind is a case of CodeGen::expr's dispatch here, and the comprehension scopes and
// CPython's compile-time warnings (warn_*) belong to the cases they serve.
#include <algorithm>   // find
#include <optional>    // a literal's type
#include <string>      // type names
#include <type_traits> // expression dispatch

#include <fmt/format.h> // warnings

#include "model/check.hpp"           // RC_CHECK
#include "model/compile/code_gen.hpp"        // CodeGen
#include "model/compile/compile_failure.hpp" // fail

namespace rc {

namespace {

/// An expression CPython 3.12's AST optimizer folds into a constant: a literal, a unary or binary
/// operation on folded constants, or a tuple of them.
bool folded_constant(const ast::Expr& e) {
    if (std::holds_alternative<ast::Constant>(e.node)) return true;
    if (auto* u = std::get_if<ast::UnaryOp>(&e.node)) return folded_constant(*u->operand);
    if (auto* b = std::get_if<ast::BinOp>(&e.node)) return folded_constant(*b->left) && folded_constant(*b->right);
    if (auto* t = std::get_if<ast::Tuple>(&e.node)) {
        for (const ast::Expr& x : t->elts)
            if (!folded_constant(x)) return false;
        return true;
    }
    return false;
}

} // namespace

bool CodeGen::has_starred(const std::vector<ast::Expr>& elts) {
    for (const ast::Expr& x : elts)
        if (std::holds_alternative<ast::Starred>(x.node)) return true;
    return false;
}

// `[a, *b, c]`, `(a, *b)`, `{a, *b}`: the items go into a new list in order (`*b` extends it as
// a call's `*b` does, so a shared b is read in one operation, a generator run item by item),
// then list(), tuple() or set() of it makes the display, in CPython's order.
void CodeGen::starred_display(const std::vector<ast::Expr>& elts, BuiltinId make) {
    b_.emit(Op::LoadBuiltin, static_cast<uint32_t>(make));
    b_.emit(Op::BuildList, 0);
    for (const ast::Expr& x : elts) {
        if (auto* st = std::get_if<ast::Starred>(&x.node)) {
            expr(*st->value);
            LineScope line(*this, x.loc);
            b_.emit(Op::CallExtendArgs);
        } else {
            expr(x);
            b_.emit(Op::ListAppend, 1);
        }
    }
    b_.emit(Op::Call, 1);
}

void CodeGen::expr(const ast::Expr& e) {
    LineScope line(*this, e.loc);
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, ast::Constant>) {
                constant(n);
            } else if constexpr (std::is_same_v<T, ast::Name>) {
                load_name(n.id, e.loc);
            } else if constexpr (std::is_same_v<T, ast::FString>) {
                fstring(n);
            } else if constexpr (std::is_same_v<T, ast::UnaryOp>) {
                expr(*n.operand);
                b_.emit(Op::Unary, 0, static_cast<uint8_t>(n.op));
            } else if constexpr (std::is_same_v<T, ast::BinOp>) {
                expr(*n.left);
                expr(*n.right);
                b_.emit(Op::Binary, n.annotation ? 2 : 0, static_cast<uint8_t>(n.op));
            } else if constexpr (std::is_same_v<T, ast::BoolOp>) {
                bool_op(n);
            } else if constexpr (std::is_same_v<T, ast::Compare>) {
                warn_compare(n, e.loc);
                compare(n);
            } else if constexpr (std::is_same_v<T, ast::IfExp>) {
                Label orelse = b_.new_label(), end = b_.new_label();
                expr(*n.test);
                b_.emit_jump(Op::PopJumpIfFalse, orelse);
                expr(*n.body);
                b_.emit_jump(Op::Jump, end);
                b_.bind(orelse);
                b_.set_depth(b_.depth() - 1);
                expr(*n.orelse);
                b_.bind(end);
            } else if constexpr (std::is_same_v<T, ast::Call>) {
                warn_call(n, e.loc);
                call(n, e.loc);
            } else if constexpr (std::is_same_v<T, ast::Attribute>) {
                attribute(n, e.loc);
            } else if constexpr (std::is_same_v<T, ast::Subscript>) {
                warn_subscript(n, e.loc);
                expr(*n.value);
                subscript_index(*n.index);
                b_.emit(Op::LoadSubscr, n.annotation ? 1 : 0);
            } else if constexpr (std::is_same_v<T, ast::Slice>) {
                fail(e.loc, "invalid syntax", "a slice `a:b` is only valid inside `[...]`");
            } else if constexpr (std::is_same_v<T, ast::List> || std::is_same_v<T, ast::Tuple>) {
                if (has_starred(n.elts))
                    return starred_display(n.elts, std::is_same_v<T, ast::List> ? BuiltinId::List : BuiltinId::Tuple);
                for (const ast::Expr& x : n.elts) expr(x);
                b_.emit(std::is_same_v<T, ast::List> ? Op::BuildList : Op::BuildTuple,
                        static_cast<uint32_t>(n.elts.size()));
            } else if constexpr (std::is_same_v<T, ast::Dict>) {
                RC_CHECK(n.keys.size() == n.values.size(), "dict display with unpaired keys");
                for (size_t k = 0; k < n.keys.size(); ++k) {
                    expr(n.keys[k]);
                    expr(n.values[k]);
                }
                b_.emit(Op::BuildDict, static_cast<uint32_t>(n.keys.size()));
            } else if constexpr (std::is_same_v<T, ast::ListComp>) {
                const CompResult saved = comp_result_;
                comp_result_ = CompResult::List;
                comprehension(n.generators, n.elt.get(), nullptr, nullptr);
                comp_result_ = saved;
            } else if constexpr (std::is_same_v<T, ast::SetComp>) {
                const CompResult saved = comp_result_;
                comp_result_ = CompResult::Set;
                comprehension(n.generators, n.elt.get(), nullptr, nullptr);
                comp_result_ = saved;
            } else if constexpr (std::is_same_v<T, ast::GeneratorExp>) {
                genexp(n, e.loc);
            } else if constexpr (std::is_same_v<T, ast::Set>) {
                // CPython folds a display of more than two constants into a frozenset constant
                // that updates an empty set: the table is then built as set_merge builds it.
                if (has_starred(n.elts)) return starred_display(n.elts, BuiltinId::Set);
                bool folded = n.elts.size() > 2;
                for (const ast::Expr& x : n.elts) folded = folded && folded_constant(x);
                if (folded) b_.emit(Op::BuildSet, 0);
                for (const ast::Expr& x : n.elts) expr(x);
                b_.emit(folded ? Op::SetUpdateConst : Op::BuildSet, static_cast<uint32_t>(n.elts.size()));
            } else if constexpr (std::is_same_v<T, ast::Yield>) {
                yield(n, e.loc);
            } else if constexpr (std::is_same_v<T, ast::NamedExpr>) {
                expr(*n.value);
                b_.emit(Op::Dup);
                store_name(std::get<ast::Name>(n.target->node).id, n.target->loc);
            } else if constexpr (std::is_same_v<T, ast::Starred>) {
                fail(e.loc, "can't use starred expression here");
            } else if constexpr (std::is_same_v<T, ast::Lambda>) {
                auto index = scope_.function_index.find(n.def.get());
                RC_CHECK(index != scope_.function_index.end(), "lambda missed by scope analysis");
                uint32_t defaults = 0;
                for (const ast::Param& p : n.def->params)
                    if (p.default_value) {
                        expr(*p.default_value);
                        ++defaults;
                    }
                if (defaults > UINT8_MAX) fail(e.loc, "unsupported: more than 255 default values");
                b_.emit(load_closure(scope_.functions[index->second]) ? Op::MakeClosure : Op::MakeFunction,
                        index->second + 1, static_cast<uint8_t>(defaults));
            } else {
                static_assert(std::is_same_v<T, ast::DictComp>);
                const CompResult saved = comp_result_;
                comp_result_ = CompResult::Dict;
                comprehension(n.generators, nullptr, n.key.get(), n.value.get());
                comp_result_ = saved;
            }
        },
        e.node);
}

void CodeGen::constant(const ast::Constant& c) {
    Constant value = std::visit(
        [](const auto& v) -> Constant {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, ast::NoneLit>) return NoneConst{};
            else return v;
        },
        c.value);
    b_.emit(Op::LoadConst, tables_.constant(value));
}

void CodeGen::fstring(const ast::FString& f) {
    for (const auto& part : f.parts) {
        if (auto* text = std::get_if<std::string>(&part)) {
            b_.emit(Op::LoadConst, tables_.constant(*text));
            continue;
        }
        const auto& field = std::get<ast::FormattedValue>(part);
        expr(*field.value);
        const uint32_t spec = field.spec.empty() ? UINT32_MAX : tables_.constant(field.spec);
        b_.emit(Op::FormatValue, spec, static_cast<uint8_t>(field.conversion));
    }
    if (f.parts.empty()) b_.emit(Op::LoadConst, tables_.constant(std::string()));
    else if (f.parts.size() > 1) b_.emit(Op::BuildString, static_cast<uint32_t>(f.parts.size()));
}

void CodeGen::bool_op(const ast::BoolOp& b) {
    RC_CHECK(!b.values.empty(), "boolean operation without operands");
    Label end = b_.new_label();
    const Op jump = b.op == ast::BoolOpKind::And ? Op::JumpIfFalseOrPop : Op::JumpIfTrueOrPop;
    for (size_t k = 0; k < b.values.size(); ++k) {
        expr(b.values[k]);
        if (k + 1 < b.values.size()) b_.emit_jump(jump, end);
    }
    b_.bind(end);
}

void CodeGen::compare(const ast::Compare& c) {
    RC_CHECK(!c.ops.empty() && c.ops.size() == c.comparators.size(), "malformed comparison");
    expr(*c.left);
    if (c.ops.size() == 1) {
        expr(c.comparators[0]);
        b_.emit(Op::Compare, 0, static_cast<uint8_t>(c.ops[0]));
        return;
    }
    // a < b < c: each middle operand is evaluated once and kept under the partial result.
    Label cleanup = b_.new_label(), end = b_.new_label();
    for (size_t k = 0; k + 1 < c.ops.size(); ++k) {
        expr(c.comparators[k]);
        b_.emit(Op::Dup);
        b_.emit(Op::Rot3);
        b_.emit(Op::Compare, 0, static_cast<uint8_t>(c.ops[k]));
        b_.emit_jump(Op::JumpIfFalseOrPop, cleanup);
    }
    expr(c.comparators.back());
    b_.emit(Op::Compare, 0, static_cast<uint8_t>(c.ops.back()));
    b_.emit_jump(Op::Jump, end);
    b_.bind(cleanup);
    b_.set_depth(b_.depth() + 1); // [middle, false]
    b_.emit(Op::Rot2);
    b_.emit(Op::Pop);
    b_.bind(end);
}

void CodeGen::call(const ast::Call& c, SourceLoc loc) {
    // super() in a method: super(TheClass, first_parameter), as CPython's __class__ cell gives
    if (auto* n = std::get_if<ast::Name>(&c.func->node);
        n && n->id == "super" && c.args.empty() && c.keywords.empty() && fn_ && !fn_->class_name.empty() &&
        fn_->def && !fn_->def->params.empty()) {
        NameRef ref = resolve_load("super", loc);
        if (ref.kind == NameRef::Builtin) {
            b_.emit(Op::LoadBuiltin, ref.index);
            load_name(fn_->class_name, loc);
            load_name(fn_->locals[0], loc);
            b_.emit(Op::Call, 2);
            return;
        }
    }
    if (c.has_unpacking()) return unpacking_call(c);
    expr(*c.func);
    for (const ast::Expr& a : c.args) expr(a);
    std::vector<NameId> names;
    for (const ast::Keyword& k : c.keywords) {
        for (const ast::Keyword& other : c.keywords)
            if (&other != &k && other.name == k.name && &other < &k)
                fail(k.loc, "keyword argument repeated: " + k.name);
        expr(*k.value);
        names.push_back(tables_.name(k.name));
    }
    if (names.size() > UINT8_MAX) fail(loc, "unsupported: more than 255 keyword arguments");
    if (!names.empty()) b_.emit(Op::KwNames, tables_.kwnames(names));
    b_.emit(Op::Call, static_cast<uint32_t>(c.args.size()), static_cast<uint8_t>(names.size()));
}

void CodeGen::unpacking_call(const ast::Call& c) {
    // f(a, *xs, k=1, **kw) is _rc_apply(f, [a, *xs], {'k': 1, **kw}), built as CPython 3.12 does
    // (positional arguments first, left to right, each `*` taken when reached; then keywords,
    // each `**` merged when reached), so the same operands are evaluated and iterated in the
    // same order and fail with the same TypeErrors.
    b_.emit(Op::LoadBuiltin, static_cast<uint32_t>(BuiltinId::RcApply));
    expr(*c.func);
    const bool sole_star = c.args.size() == 1 && c.starred[0]; // f(*xs, ...): taken at the call
    size_t i = 0;
    if (sole_star) {
        expr(c.args[i++]);
    } else {
        while (i < c.args.size() && !c.starred[i]) expr(c.args[i++]);
        b_.emit(Op::BuildList, static_cast<uint32_t>(i));
    }
    for (; i < c.args.size(); ++i) {
        expr(c.args[i]);
        if (c.starred[i]) b_.emit(Op::CallExtendArgs);
        else b_.emit(Op::ListAppend, 1);
    }
    uint32_t run = 0; // name=value pairs on the stack, not yet made a dict
    bool have_dict = false;
    auto flush = [&] {
        b_.emit(Op::BuildDict, run);
        if (have_dict) b_.emit(Op::CallMergeKwargs);
        have_dict = true;
        run = 0;
    };
    for (const ast::Keyword& k : c.keywords) {
        if (k.name.empty()) {
            if (run || !have_dict) flush();
            expr(*k.value);
            b_.emit(Op::CallMergeKwargs);
        } else {
            b_.emit(Op::LoadConst, tables_.constant(k.name));
            expr(*k.value);
            ++run;
        }
    }
    if (run || !have_dict) flush();
    if (sole_star) b_.emit(Op::CallArgsList);
    b_.emit(Op::Call, 3);
}

void CodeGen::attribute(const ast::Attribute& a, SourceLoc loc) {
    if (auto m = static_module(*a.value)) {
        if (m == ModuleId::Concurrent && a.attr == "futures")
            return b_.emit(Op::LoadConst, tables_.constant(ModuleId::ConcurrentFutures));
        if (m == ModuleId::Sys && a.attr == "argv") return sys_argv();
        if (auto c = module_constant(*m, a.attr)) return b_.emit(Op::LoadConst, tables_.constant(*c));
        if (auto f = module_float_constant(*m, a.attr)) return b_.emit(Op::LoadConst, tables_.constant(*f));
        if (auto t = module_text_constant(*m, a.attr))
            return b_.emit(Op::LoadConst, tables_.constant(std::string(*t)));
        if (auto member = module_member(*m, a.attr))
            return b_.emit(Op::LoadBuiltin, static_cast<uint32_t>(*member));
        if (is_unsupported_member(*m, a.attr))
            fail(loc, "unsupported: " + std::string(module_name(*m)) + "." + a.attr,
                 module_members_hint(*m));
        // Not a member of CPython's module either: AttributeError when it runs, as in CPython.
    }
    expr(*a.value);
    b_.emit(Op::LoadAttr, tables_.name(a.attr).value);
}

void CodeGen::sys_argv() {
    // A new list at each use: a program that changes sys.argv and reads it again is not modelled.
    b_.emit(Op::LoadConst, tables_.constant(tables_.argv0));
    b_.emit(Op::BuildList, 1);
}

void CodeGen::subscript_index(const ast::Expr& index) {
    auto* s = std::get_if<ast::Slice>(&index.node);
    if (!s) return expr(index);
    LineScope line(*this, index.loc);
    for (const ast::ExprPtr* part : {&s->lower, &s->upper}) {
        if (*part) expr(**part);
        else b_.emit(Op::LoadConst, tables_.constant(NoneConst{}));
    }
    if (s->step) expr(*s->step);
    b_.emit(Op::BuildSlice, s->step ? 3 : 2);
}

uint32_t CodeGen::hidden_slot(const std::string& id) {
    local_names_.push_back(id);
    return static_cast<uint32_t>(local_names_.size() - 1);
}

void CodeGen::comprehension(const std::vector<ast::Comprehension>& gens, const ast::Expr* elt,
                            const ast::Expr* key, const ast::Expr* value) {
    RC_CHECK(!gens.empty(), "comprehension without a `for` clause");
    b_.emit(comp_result_ == CompResult::Dict ? Op::BuildDict
            : comp_result_ == CompResult::Set ? Op::BuildSet
                                              : Op::BuildList,
            0);
    expr(*gens[0].iter); // evaluated in the enclosing scope, as in Python 3
    b_.emit(Op::GetIter);
    open_comp_scope(gens);
    comprehension_level(gens, 0, elt, key, value);
    comp_scopes_.pop_back();
}

void CodeGen::open_comp_scope(const std::vector<ast::Comprehension>& gens) {
    std::vector<const ast::Expr*> bound;
    for (const ast::Comprehension& g : gens) target_names(*g.target, bound);
    std::vector<CompVar> scope;
    for (const ast::Expr* n : bound) {
        const std::string& id = std::get<ast::Name>(n->node).id;
        auto same = std::find_if(scope.begin(), scope.end(), [&](const CompVar& v) { return v.name == id; });
        if (same == scope.end()) same = scope.insert(scope.end(), CompVar{id, hidden_slot(id), false});
        if (scope_.comp_cells.count(n) && !same->cell) {
            same->cell = true;
            b_.emit(Op::MakeCell, same->slot); // a fresh cell each time the comprehension runs
            comp_cells_.emplace_back(same->slot, tables_.name(id));
        }
    }
    comp_scopes_.push_back(std::move(scope));
}

namespace {

/// The names a generator expression's body reads (its element, conditions and inner iterables),
/// for capturing the enclosing function's locals.
/// A lambda inside counts with the variables of enclosing functions it uses (its free variables).
void names_read(const ScopeInfo& scope, const ast::Expr& e, std::vector<std::string>& out);

void names_read_all(const ScopeInfo& scope, const std::vector<ast::Expr>& list, std::vector<std::string>& out) {
    for (const ast::Expr& e : list) names_read(scope, e, out);
}

void comprehension_names(const ScopeInfo& scope, const std::vector<ast::Comprehension>& gens, size_t first,
                         std::vector<std::string>& out) {
    for (size_t k = 0; k < gens.size(); ++k) {
        if (k >= first) names_read(scope, *gens[k].iter, out);
        names_read_all(scope, gens[k].ifs, out);
    }
}

void names_read(const ScopeInfo& scope, const ast::Expr& e, std::vector<std::string>& out) {
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, ast::Name>) out.push_back(n.id);
            else if constexpr (std::is_same_v<T, ast::FString>) {
                for (const auto& part : n.parts)
                    if (auto* f = std::get_if<ast::FormattedValue>(&part)) names_read(scope, *f->value, out);
            } else if constexpr (std::is_same_v<T, ast::UnaryOp>) names_read(scope, *n.operand, out);
            else if constexpr (std::is_same_v<T, ast::BinOp>) {
                names_read(scope, *n.left, out);
                names_read(scope, *n.right, out);
            } else if constexpr (std::is_same_v<T, ast::BoolOp>) names_read_all(scope, n.values, out);
            else if constexpr (std::is_same_v<T, ast::Compare>) {
                names_read(scope, *n.left, out);
                names_read_all(scope, n.comparators, out);
            } else if constexpr (std::is_same_v<T, ast::IfExp>) {
                names_read(scope, *n.test, out);
                names_read(scope, *n.body, out);
                names_read(scope, *n.orelse, out);
            } else if constexpr (std::is_same_v<T, ast::Call>) {
                names_read(scope, *n.func, out);
                names_read_all(scope, n.args, out);
                for (const ast::Keyword& k : n.keywords) names_read(scope, *k.value, out);
            } else if constexpr (std::is_same_v<T, ast::Attribute>) names_read(scope, *n.value, out);
            else if constexpr (std::is_same_v<T, ast::Subscript>) {
                names_read(scope, *n.value, out);
                names_read(scope, *n.index, out);
            } else if constexpr (std::is_same_v<T, ast::Slice>) {
                for (const ast::ExprPtr* p : {&n.lower, &n.upper, &n.step})
                    if (*p) names_read(scope, **p, out);
            } else if constexpr (std::is_same_v<T, ast::List> || std::is_same_v<T, ast::Tuple> ||
                                 std::is_same_v<T, ast::Set>) {
                names_read_all(scope, n.elts, out);
            } else if constexpr (std::is_same_v<T, ast::Dict>) {
                names_read_all(scope, n.keys, out);
                names_read_all(scope, n.values, out);
            } else if constexpr (std::is_same_v<T, ast::ListComp> || std::is_same_v<T, ast::SetComp> ||
                                 std::is_same_v<T, ast::GeneratorExp>) {
                names_read(scope, *n.elt, out);
                comprehension_names(scope, n.generators, 0, out);
            } else if constexpr (std::is_same_v<T, ast::DictComp>) {
                names_read(scope, *n.key, out);
                names_read(scope, *n.value, out);
                comprehension_names(scope, n.generators, 0, out);
            } else if constexpr (std::is_same_v<T, ast::Yield> || std::is_same_v<T, ast::Starred>) {
                if (n.value) names_read(scope, *n.value, out);
            } else if constexpr (std::is_same_v<T, ast::NamedExpr>) {
                names_read(scope, *n.value, out);
            } else if constexpr (std::is_same_v<T, ast::Lambda>) {
                for (const ast::Param& p : n.def->params)
                    if (p.default_value) names_read(scope, *p.default_value, out);
                if (auto it = scope.function_index.find(n.def.get()); it != scope.function_index.end())
                    for (const std::string& id : scope.functions[it->second].frees) out.push_back(id);
            }
        },
        e.node);
}

} // namespace

void CodeGen::genexp(const ast::GeneratorExp& g, SourceLoc loc) {
    RC_CHECK(!g.generators.empty(), "generator expression without a `for` clause");
    // Captures: the enclosing code's variables the body reads. A function's local is a cell
    // (scope analysis made it one), passed as the cell: the generator sees it rebound, as in
    // CPython. So is a variable of an enclosing comprehension (ScopeInfo::comp_cells).
    std::vector<std::string> read;
    names_read(scope_, *g.elt, read);
    comprehension_names(scope_, g.generators, 1, read);
    std::vector<const ast::Expr*> targets;
    for (const ast::Comprehension& c : g.generators) target_names(*c.target, targets);
    std::vector<std::string> captures;
    std::vector<bool> cells;
    std::vector<uint32_t> slots;
    for (const std::string& id : read) {
        bool own = false;
        for (const ast::Expr* t : targets) own = own || std::get<ast::Name>(t->node).id == id;
        if (own || std::find(captures.begin(), captures.end(), id) != captures.end()) continue;
        if (auto ref = resolve(id); ref && (ref->kind == NameRef::Local || ref->kind == NameRef::Deref)) {
            captures.push_back(id);
            cells.push_back(ref->kind == NameRef::Deref);
            slots.push_back(ref->index);
        }
    }
    if (captures.size() > UINT8_MAX) fail(loc, "unsupported: a generator expression over more than 255 local names");
    expr(*g.generators[0].iter); // evaluated where the expression appears, as in CPython
    b_.emit(Op::GetIter);
    for (uint32_t slot : slots) b_.emit(Op::LoadLocal, slot); // the value, or the cell itself
    const uint32_t index = tables_.add_genexp(PendingGenExp{&g, captures, cells, loc, kind_});
    b_.emit(Op::MakeGenExp, index, static_cast<uint8_t>(captures.size()));
}

CodeObject CodeGen::compile_genexp(const ast::GeneratorExp& g, SourceLoc loc) {
    CodeObject out;
    out.name = "<genexpr>";
    out.loc = loc;
    out.generator = true;
    out.param_count = static_cast<uint32_t>(fn_->locals.size());
    for (const std::string& p : fn_->locals) out.param_names.push_back(tables_.name(p));
    for (const std::string& id : fn_->frees) out.free_slots.push_back(*fn_->slot(id));
    LineScope line(*this, loc);
    comp_result_ = CompResult::Yield;
    b_.emit(Op::LoadLocal, 0); // the iterator of the first `for`
    open_comp_scope(g.generators);
    comprehension_level(g.generators, 0, g.elt.get(), nullptr, nullptr);
    comp_scopes_.pop_back();
    b_.emit(Op::LoadConst, tables_.constant(NoneConst{}));
    b_.emit(Op::Return);
    b_.finish(out);
    finish_locals(out);
    return out;
}

void CodeGen::yield(const ast::Yield& y, SourceLoc loc) {
    // CPython runs the finally (or __exit__) of a generator dropped while suspended there, when
    // its last reference goes; racecheck has no reference counts to know when that is.
    for (const Block& b : blocks_)
        if (b.kind == Block::TryFinally || b.kind == Block::With)
            fail(loc, "unsupported: yield inside try/finally or with",
                 "CPython runs the cleanup of a generator dropped while suspended there; move the "
                 "yield out of the block");
    if (y.from) { // for v in iterable: yield v; the expression's value is the generator's
        // return value (None for another iterable): ForIter's b = 1 pushes it at the end.
        // (send() and throw(), which yield from would pass on, are not modelled.)
        Label top = b_.new_label(), exit = b_.new_label();
        expr(*y.value);
        b_.emit(Op::GetIter);
        const int depth = b_.depth();
        b_.bind(top);
        b_.emit_jump(Op::ForIter, exit, 1);
        b_.emit(Op::YieldValue);
        b_.emit(Op::Pop);
        b_.emit_jump(Op::Jump, top);
        b_.bind(exit);
        b_.set_depth(depth); // the result in the iterator's place
        return;
    }
    if (y.value) expr(*y.value);
    else b_.emit(Op::LoadConst, tables_.constant(NoneConst{}));
    b_.emit(Op::YieldValue);
}

void CodeGen::comprehension_level(const std::vector<ast::Comprehension>& gens, size_t k,
                                  const ast::Expr* elt, const ast::Expr* key,
                                  const ast::Expr* value) {
    const ast::Comprehension& g = gens[k];
    if (k > 0) {
        expr(*g.iter);
        b_.emit(Op::GetIter);
    }
    Label top = b_.new_label(), exit = b_.new_label();
    const int depth = b_.depth(); // with the iterator
    b_.bind(top);
    b_.emit_jump(Op::ForIter, exit);
    store_target(*g.target);
    for (const ast::Expr& cond : g.ifs) {
        expr(cond);
        b_.emit_jump(Op::PopJumpIfFalse, top);
    }
    const auto append_depth = static_cast<uint32_t>(gens.size() + 1);
    if (k + 1 < gens.size()) {
        comprehension_level(gens, k + 1, elt, key, value);
    } else if (comp_result_ == CompResult::Yield) {
        expr(*elt);
        b_.emit(Op::YieldValue);
        b_.emit(Op::Pop);
    } else if (elt) {
        expr(*elt);
        b_.emit(comp_result_ == CompResult::Set ? Op::SetAdd : Op::ListAppend, append_depth);
    } else {
        expr(*key);
        expr(*value);
        b_.emit(Op::DictSetItem, append_depth);
    }
    b_.emit_jump(Op::Jump, top);
    b_.bind(exit);
    b_.set_depth(depth - 1);
}

namespace {

/// The type name of the constant CPython's AST optimizer folds `e` into (a literal, a sign or
/// `not` applied to one, arithmetic on two, a tuple of them), or nullopt when `e` is no constant.
std::optional<std::string> literal_type(const ast::Expr& e) {
    if (auto* c = std::get_if<ast::Constant>(&e.node)) {
        static constexpr const char* kNames[] = {"NoneType", "bool", "int", "float", "str"};
        return kNames[c->value.index()];
    }
    if (auto* u = std::get_if<ast::UnaryOp>(&e.node)) {
        auto t = literal_type(*u->operand);
        if (!t) return std::nullopt;
        if (u->op == ast::UnaryOpKind::Not) return "bool";
        if (*t == "bool" || *t == "int") return "int";
        if (*t == "float" && u->op != ast::UnaryOpKind::Invert) return "float";
        return std::nullopt; // -"a", ~1.5: an error at run time, not folded
    }
    if (auto* b = std::get_if<ast::BinOp>(&e.node)) {
        auto l = literal_type(*b->left), r = literal_type(*b->right);
        if (!l || !r) return std::nullopt;
        const auto number = [](const std::string& t) { return t == "bool" || t == "int" || t == "float"; };
        if (number(*l) && number(*r))
            return *l == "float" || *r == "float" || b->op == ast::BinOpKind::Div ? "float" : "int";
        if (*l == "str" && ((b->op == ast::BinOpKind::Add && *r == "str") ||
                            (b->op == ast::BinOpKind::Mul && (*r == "int" || *r == "bool"))))
            return "str";
        return std::nullopt;
    }
    if (auto* t = std::get_if<ast::Tuple>(&e.node)) {
        for (const ast::Expr& x : t->elts)
            if (!literal_type(x)) return std::nullopt;
        return "tuple";
    }
    return std::nullopt;
}

/// CPython's infer_type: the type an expression certainly has, by its form alone.
std::optional<std::string> inferred_type(const ast::Expr& e) {
    if (auto t = literal_type(e)) return t;
    return std::visit(
        [](const auto& n) -> std::optional<std::string> {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, ast::Tuple>) return "tuple";
            else if constexpr (std::is_same_v<T, ast::List> || std::is_same_v<T, ast::ListComp>) return "list";
            else if constexpr (std::is_same_v<T, ast::Dict> || std::is_same_v<T, ast::DictComp>) return "dict";
            else if constexpr (std::is_same_v<T, ast::Set> || std::is_same_v<T, ast::SetComp>) return "set";
            else if constexpr (std::is_same_v<T, ast::GeneratorExp>) return "generator";
            else if constexpr (std::is_same_v<T, ast::Lambda>) return "function";
            else if constexpr (std::is_same_v<T, ast::FString>) return "str";
            else return std::nullopt;
        },
        e.node);
}

} // namespace

void CodeGen::warn_compare(const ast::Compare& c, SourceLoc loc) {
    if (!user_code()) return;
    // check_is_arg: a constant other than None, True and False compared by identity.
    const auto literal = [](const ast::Expr& e) {
        auto t = literal_type(e);
        return t && *t != "NoneType" && *t != "bool" ? t : std::nullopt;
    };
    const ast::Expr* left = c.left.get();
    for (size_t i = 0; i < c.ops.size(); ++i) {
        const ast::Expr& right = c.comparators[i];
        const bool is = c.ops[i] == ast::CmpOpKind::Is;
        if (is || c.ops[i] == ast::CmpOpKind::IsNot) {
            auto t = literal(*left);
            if (!t) t = literal(right);
            if (t)
                tables_.warnings.push_back(CodeError{loc,
                                                     fmt::format("\"{}\" with '{}' literal. Did you mean \"{}\"?",
                                                                 is ? "is" : "is not", *t, is ? "==" : "!="),
                                                     ""});
        }
        left = &right;
    }
}

void CodeGen::warn_call(const ast::Call& c, SourceLoc loc) {
    if (!user_code()) return;
    if (std::holds_alternative<ast::Lambda>(c.func->node)) return; // (lambda: 1)() is fine
    if (auto t = inferred_type(*c.func))
        tables_.warnings.push_back(
            CodeError{loc, fmt::format("'{}' object is not callable; perhaps you missed a comma?", *t), ""});
}

void CodeGen::warn_subscript(const ast::Subscript& s, SourceLoc loc) {
    if (!user_code()) return;
    if (s.annotation) return;
    const ast::Expr& v = *s.value;
    // check_subscripter: None, numbers, a set, a generator or a function cannot be subscripted.
    const auto lt = literal_type(v);
    const bool constant = lt && !std::holds_alternative<ast::Tuple>(v.node);
    const bool unsubscriptable =
        constant ? *lt != "str" : std::holds_alternative<ast::Set>(v.node) || std::holds_alternative<ast::SetComp>(v.node) ||
                                      std::holds_alternative<ast::GeneratorExp>(v.node) ||
                                      std::holds_alternative<ast::Lambda>(v.node);
    if (unsubscriptable) {
        tables_.warnings.push_back(CodeError{
            loc, fmt::format("'{}' object is not subscriptable; perhaps you missed a comma?", *inferred_type(v)), ""});
        return;
    }
    // check_index: a str, tuple or list indexed by something certainly neither int nor slice.
    if (std::holds_alternative<ast::Slice>(s.index->node)) return;
    const auto index = inferred_type(*s.index);
    if (!index || *index == "int" || *index == "bool") return;
    const bool sequence = (constant && *lt == "str") || std::holds_alternative<ast::Tuple>(v.node) ||
                          std::holds_alternative<ast::List>(v.node) || std::holds_alternative<ast::ListComp>(v.node) ||
                          std::holds_alternative<ast::FString>(v.node);
    if (sequence)
        tables_.warnings.push_back(CodeError{
            loc,
            fmt::format("{} indices must be integers or slices, not {}; perhaps you missed a comma?",
                        *inferred_type(v), *index),
            ""});
}

void CodeGen::warn_assert(const ast::Assert& a, SourceLoc loc) {
    if (!user_code()) return;
    if (auto* t = std::get_if<ast::Tuple>(&a.test.node); t && !t->elts.empty())
        tables_.warnings.push_back(CodeError{loc, "assertion is always true, perhaps remove parentheses?", ""});
}

} // namespace rc
