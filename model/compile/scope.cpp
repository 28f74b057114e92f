// Scope analysis in two walks over the module: the first finds every global and every
// function's locals, the second (with every name resolvable) records how globals are used.
// One file: both walks derive from the Walker here, whose visitor covers every statement kind.
#include "model/compile/scope.hpp"

#include <algorithm> // find
#include <unordered_set>
#include <initializer_list> // comprehension results
#include <type_traits>      // overload dispatch in visitors

#include "model/compile/compile_failure.hpp" // fail, CompileFailure

namespace rc {

std::optional<uint32_t> FunctionScope::slot(std::string_view name) const {
    auto it = slots.find(std::string(name));
    if (it == slots.end()) return std::nullopt;
    return it->second;
}

bool FunctionScope::is_free(const std::string& name) const {
    return std::find(frees.begin(), frees.end(), name) != frees.end();
}

std::optional<VarId> ScopeInfo::global(std::string_view name) const {
    auto it = global_ids.find(std::string(name));
    if (it == global_ids.end()) return std::nullopt;
    return it->second;
}

std::optional<ModuleId> ScopeInfo::module_of(VarId id) const {
    const GlobalBinding& b = bindings[id.value];
    if (globals[id.value].is_param || b.deleted || b.stored_in_function || b.store_sites == 0 ||
        !b.only_module_imports)
        return std::nullopt;
    return b.module;
}

std::optional<BuiltinId> ScopeInfo::member_of(VarId id) const {
    if (!globals[id.value].write_once || globals[id.value].is_param) return std::nullopt;
    return bindings[id.value].member;
}

const ast::FunctionDef* ScopeInfo::def_of(VarId id) const {
    if (!globals[id.value].write_once || globals[id.value].is_param) return nullptr;
    return bindings[id.value].def;
}

void target_names(const ast::Expr& target, std::vector<const ast::Expr*>& out) {
    if (std::holds_alternative<ast::Name>(target.node)) {
        out.push_back(&target);
    } else if (auto* t = std::get_if<ast::Tuple>(&target.node)) {
        for (const ast::Expr& e : t->elts) target_names(e, out);
    } else if (auto* l = std::get_if<ast::List>(&target.node)) {
        for (const ast::Expr& e : l->elts) target_names(e, out);
    } else if (auto* st = std::get_if<ast::Starred>(&target.node)) {
        target_names(*st->value, out);
    }
}

namespace {

enum class Use { Load, Store, Del, GlobalDecl, NonlocalDecl };

/// What a store binds, when statically known.
struct StoreKind {
    enum Kind { Other, Module, Member, Def } kind = Other;
    ModuleId module{};
    BuiltinId member{};
    const ast::FunctionDef* def = nullptr;
};

/// Walks the module in source order, reporting every name use with its context. Names bound
/// by an enclosing comprehension are not reported (they are the comprehension's own).
class Walker {
public:
    virtual ~Walker() = default;
    void walk(const ast::Module& m) { stmts(m.body); }

protected:
    virtual void name(const std::string& id, Use use, SourceLoc loc, const StoreKind& kind) = 0;
    virtual void enter_function(const ast::FunctionDef& def, SourceLoc loc) = 0;
    /// The function entered last is done (a lambda's: its enclosing function goes on).
    virtual void leave_function() {}
    virtual void star_import(ModuleId) {}
    /// `id: annotation` in a function body (a Name target).
    virtual void annotated(const std::string&, SourceLoc) {}

    const ast::FunctionDef* func_ = nullptr; // the function being walked, null at module level
    const ast::ClassDef* class_ = nullptr;   // the class whose body is being walked
    bool in_loop_ = false;                   // inside a module-level loop body or else
    int genexp_depth_ = 0;                   // inside a generator expression's body

    /// A comprehension variable (its target Name node) read inside a generator expression
    /// nested in that comprehension.
    virtual void comp_cell(const ast::Expr*) {}

private:
    std::vector<std::vector<const ast::Expr*>> comp_scopes_;
    std::vector<int> comp_depths_; // parallel: genexp_depth_ where each comprehension scope began

    /// `id` read here: when the innermost comprehension binding it began outside the generator
    /// expression being walked, that variable is captured by the generator expression.
    void note_comp_read(const std::string& id) {
        for (size_t k = comp_scopes_.size(); k-- > 0;)
            for (const ast::Expr* e : comp_scopes_[k])
                if (std::get<ast::Name>(e->node).id == id) {
                    if (genexp_depth_ > comp_depths_[k])
                        for (const ast::Expr* same : comp_scopes_[k])
                            if (std::get<ast::Name>(same->node).id == id) comp_cell(same);
                    return;
                }
    }

    bool comp_bound(const std::string& id) const {
        for (const auto& scope : comp_scopes_)
            for (const ast::Expr* e : scope)
                if (std::get<ast::Name>(e->node).id == id) return true;
        return false;
    }

    void stmts(const ast::StmtList& list) {
        for (const ast::Stmt& s : list) stmt(s);
    }

    void loop_body(const ast::StmtList& body, const ast::StmtList& orelse) {
        bool saved = in_loop_;
        in_loop_ = true;
        stmts(body);
        stmts(orelse);
        in_loop_ = saved;
    }

    void target(const ast::Expr& t, Use use, const StoreKind& kind = {}) {
        if (auto* n = std::get_if<ast::Name>(&t.node)) {
            if (!comp_bound(n->id)) name(n->id, use, t.loc, kind);
        } else if (auto* tu = std::get_if<ast::Tuple>(&t.node)) {
            for (const ast::Expr& e : tu->elts) target(e, use);
        } else if (auto* li = std::get_if<ast::List>(&t.node)) {
            for (const ast::Expr& e : li->elts) target(e, use);
        } else if (auto* st = std::get_if<ast::Starred>(&t.node)) {
            target(*st->value, use);
        } else {
            expr(t); // attribute / subscript targets load their object and key
        }
    }

    void stmt(const ast::Stmt& s) {
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, ast::ExprStmt>) {
                    expr(n.value);
                } else if constexpr (std::is_same_v<T, ast::Assign>) {
                    expr(n.value);
                    for (const ast::Expr& t : n.targets) target(t, Use::Store);
                } else if constexpr (std::is_same_v<T, ast::AnnAssign>) {
                    if (n.value) expr(*n.value);
                    // `x: int` without a value binds nothing, but makes x local in a function
                    if (n.value || func_ || !std::holds_alternative<ast::Name>(n.target.node))
                        target(n.target, Use::Store);
                    if (auto* id = std::get_if<ast::Name>(&n.target.node); id && func_)
                        annotated(id->id, n.target.loc);
                    if (n.annotation) expr(*n.annotation);
                } else if constexpr (std::is_same_v<T, ast::AugAssign>) {
                    if (std::holds_alternative<ast::Name>(n.target.node)) target(n.target, Use::Load);
                    else expr(n.target);
                    expr(n.value);
                    if (std::holds_alternative<ast::Name>(n.target.node))
                        target(n.target, Use::Store);
                } else if constexpr (std::is_same_v<T, ast::Delete>) {
                    for (const ast::Expr& t : n.targets) target(t, Use::Del);
                } else if constexpr (std::is_same_v<T, ast::Return>) {
                    if (n.value) expr(*n.value);
                } else if constexpr (std::is_same_v<T, ast::Global>) {
                    for (const std::string& id : n.names)
                        name(id, n.nonlocal ? Use::NonlocalDecl : Use::GlobalDecl, s.loc, {});
                } else if constexpr (std::is_same_v<T, ast::If>) {
                    expr(n.test);
                    stmts(n.body);
                    stmts(n.orelse);
                } else if constexpr (std::is_same_v<T, ast::While>) {
                    expr(n.test);
                    loop_body(n.body, n.orelse);
                } else if constexpr (std::is_same_v<T, ast::For>) {
                    expr(n.iter);
                    bool saved = in_loop_;
                    in_loop_ = true;
                    target(n.target, Use::Store);
                    in_loop_ = saved;
                    loop_body(n.body, n.orelse);
                } else if constexpr (std::is_same_v<T, ast::With>) {
                    for (const ast::WithItem& item : n.items) {
                        expr(item.context);
                        if (item.target) target(*item.target, Use::Store);
                    }
                    stmts(n.body);
                } else if constexpr (std::is_same_v<T, ast::Try>) {
                    stmts(n.body);
                    for (const ast::ExceptHandler& h : n.handlers) {
                        if (h.type) expr(*h.type);
                        if (h.name) name(*h.name, Use::Store, h.loc, {});
                        stmts(h.body);
                        if (h.name) name(*h.name, Use::Del, h.loc, {});
                    }
                    stmts(n.orelse);
                    stmts(n.finalbody);
                } else if constexpr (std::is_same_v<T, ast::Raise>) {
                    if (n.exc) expr(*n.exc);
                } else if constexpr (std::is_same_v<T, ast::Assert>) {
                    expr(n.test);
                    if (n.msg) expr(*n.msg);
                } else if constexpr (std::is_same_v<T, ast::FunctionDef>) {
                    function(n, s.loc);
                } else if constexpr (std::is_same_v<T, ast::ClassDef>) {
                    class_def(n, s.loc);
                } else if constexpr (std::is_same_v<T, ast::Import>) {
                    for (const ast::ImportAlias& a : n.names) import_alias(a);
                } else if constexpr (std::is_same_v<T, ast::ImportFrom>) {
                    if (n.star) import_star(n, s.loc);
                    for (const ast::ImportAlias& a : n.names) import_from(n.module, a);
                } else {
                    static_assert(std::is_same_v<T, ast::Pass> || std::is_same_v<T, ast::Break> ||
                                  std::is_same_v<T, ast::Continue>);
                }
            },
            s.node);
    }

    /// The special names a class may define: the ones racecheck calls (others would be
    /// silently ignored by the builtins that CPython makes call them, so they are refused).
    static void check_class_name(const std::string& id, SourceLoc loc) {
        if (id.size() < 5 || id.rfind("__", 0) != 0 || id.compare(id.size() - 2, 2, "__") != 0) return;
        static const char* const supported[] = {"__init__", "__repr__", "__str__", "__eq__", "__ne__",
                                                "__lt__",   "__le__",   "__gt__",  "__ge__", "__hash__",
                                                "__doc__",  "__enter__", "__exit__", "__len__",
                                                "__bool__", "__contains__", "__getitem__", "__setitem__",
                                                "__delitem__", "__iter__", "__call__", "__new__", "__post_init__"};
        for (const char* s : supported)
            if (id == s) return;
        if (id == "__slots__")
            fail(loc, "unsupported: __slots__", "remove __slots__: instances then keep their attributes in a dict");
        fail(loc, "unsupported: special method " + id + " in a class",
             "racecheck calls __new__, __init__, __str__, __repr__, the comparisons, __hash__, "
             "__enter__/__exit__, __len__, __bool__, __contains__, __getitem__/__setitem__/__delitem__, "
             "__iter__ and __call__ of a class; others (descriptors, __getattr__, __next__, arithmetic "
             "operators, ...) are outside the subset");
    }

    void class_def(const ast::ClassDef& c, SourceLoc loc) {
        if (func_ || class_)
            fail(loc, "unsupported: class definitions inside functions or classes",
                 "define the class at module level");
        exprs(c.decorators);
        exprs(c.bases);
        class_ = &c;
        for (const ast::Stmt& s : c.body) {
            if (auto* fd = std::get_if<ast::FunctionDef>(&s.node)) {
                check_class_name(fd->name, s.loc);
                function(*fd, s.loc);
            } else if (auto* a = std::get_if<ast::Assign>(&s.node)) {
                expr(a->value);
                for (const ast::Expr& t : a->targets) {
                    if (!std::holds_alternative<ast::Name>(t.node))
                        fail(t.loc, "unsupported: this assignment target in a class body",
                             "assign class attributes to plain names (count = 0)");
                    check_class_name(std::get<ast::Name>(t.node).id, t.loc);
                }
            } else if (auto* an = std::get_if<ast::AnnAssign>(&s.node)) {
                if (!std::holds_alternative<ast::Name>(an->target.node))
                    fail(an->target.loc, "unsupported: this assignment target in a class body",
                         "assign class attributes to plain names (count: int = 0)");
                if (an->value) expr(*an->value);
                check_class_name(std::get<ast::Name>(an->target.node).id, an->target.loc);
                if (an->annotation) expr(*an->annotation);
            } else if (auto* e = std::get_if<ast::ExprStmt>(&s.node)) {
                expr(e->value);
            } else if (!std::holds_alternative<ast::Pass>(s.node)) {
                fail(s.loc, "unsupported: this statement in a class body",
                     "a class body may hold methods, assignments of class attributes and a docstring");
            }
        }
        class_ = nullptr;
        name(c.name, Use::Store, loc, {});
    }

    void function(const ast::FunctionDef& def, SourceLoc loc) {
        exprs(def.decorators);
        for (const ast::Param& p : def.params)
            if (p.default_value) expr(*p.default_value);
        for (const ast::Param& p : def.params)
            if (p.annotation) expr(*p.annotation);
        if (def.returns) expr(*def.returns);
        StoreKind kind;
        kind.kind = def.decorators.empty() ? StoreKind::Def : StoreKind::Other;
        kind.def = &def;
        // A def inside a function (or a method) is no method: it binds a local of that function.
        const ast::ClassDef* saved_class = class_;
        if (func_) class_ = nullptr;
        if (!class_) name(def.name, Use::Store, loc, kind);
        const bool saved_loop = in_loop_;
        const int saved_genexp = genexp_depth_;
        const ast::FunctionDef* saved_func = func_;
        func_ = &def;
        in_loop_ = false;
        genexp_depth_ = 0;
        enter_function(def, loc);
        stmts(def.body);
        leave_function();
        func_ = saved_func;
        class_ = saved_class;
        in_loop_ = saved_loop;
        genexp_depth_ = saved_genexp;
    }

    /// A lambda: a function of its own, inside the expression's scope. It reads the locals of
    /// enclosing functions through cells (FactFinder); reading a variable of an enclosing
    /// comprehension would need a cell in the comprehension: refused here.
    void lambda(const ast::Lambda& l, SourceLoc loc) {
        const ast::FunctionDef& def = *l.def;
        for (const ast::Param& p : def.params)
            if (p.default_value) expr(*p.default_value);
        std::vector<std::vector<const ast::Expr*>> outer_comps;
        std::vector<int> outer_depths;
        outer_comps.swap(comp_scopes_);
        outer_depths.swap(comp_depths_);
        const ast::FunctionDef* saved_func = func_;
        const ast::ClassDef* saved_class = class_;
        const bool saved_loop = in_loop_;
        const int saved_genexp = genexp_depth_;
        func_ = &def;
        class_ = nullptr;
        in_loop_ = false;
        genexp_depth_ = 0;
        lambda_comps_.push_back(&outer_comps);
        enter_function(def, loc);
        stmts(def.body);
        leave_function();
        lambda_comps_.pop_back();
        func_ = saved_func;
        class_ = saved_class;
        in_loop_ = saved_loop;
        genexp_depth_ = saved_genexp;
        comp_scopes_.swap(outer_comps);
        comp_depths_.swap(outer_depths);
    }

    /// Comprehension variables around each lambda being walked, innermost last.
    std::vector<const std::vector<std::vector<const ast::Expr*>>*> lambda_comps_;

    void refuse_comprehension_closure(const std::string& id, SourceLoc loc) {
        if (lambda_comps_.empty()) return;
        for (const ast::Param& p : func_->params)
            if (p.name == id) return;
        for (const auto* comps : lambda_comps_)
            for (const auto& scope : *comps)
                for (const ast::Expr* e : scope)
                    if (std::get<ast::Name>(e->node).id == id)
                        fail(loc, "unsupported: closures (the lambda reads '" + id +
                                      "', a variable of the enclosing comprehension)",
                             "bind it as a default value: lambda " + id + "=" + id + ": ...");
    }

    void import_alias(const ast::ImportAlias& a) {
        std::string bound = a.asname ? *a.asname : a.name.substr(0, a.name.find('.'));
        StoreKind kind;
        if (auto m = lookup_module(a.asname ? a.name : bound)) {
            kind.kind = StoreKind::Module;
            kind.module = *m;
        }
        name(bound, Use::Store, a.loc, kind);
    }

    void import_star(const ast::ImportFrom& imp, SourceLoc loc) {
        if (func_) fail(imp.star_loc, "import * only allowed at module level");
        auto m = lookup_module(imp.module);
        if (!m) return; // refused by the code generator
        star_import(*m);
        auto names = module_star_names(*m);
        if (!names)
            fail(imp.star_loc, "unsupported: from " + imp.module + " import *",
                 "import the names you use explicitly");
        for (std::string_view n : *names) {
            if (is_unsupported_member(*m, n)) continue; // refused where used (unsupported_star)
            StoreKind kind;
            if (auto member = module_member(*m, n)) {
                kind.kind = StoreKind::Member;
                kind.member = *member;
            }
            name(std::string(n), Use::Store, loc, kind);
        }
    }

    void import_from(const std::string& module, const ast::ImportAlias& a) {
        StoreKind kind;
        if (auto m = lookup_module(module)) {
            if (auto member = module_member(*m, a.name)) {
                kind.kind = StoreKind::Member;
                kind.member = *member;
            } else if (auto sub = lookup_module(module + "." + a.name)) {
                kind.kind = StoreKind::Module;
                kind.module = *sub;
            }
        }
        name(a.asname ? *a.asname : a.name, Use::Store, a.loc, kind);
    }

    void exprs(const std::vector<ast::Expr>& list) {
        for (const ast::Expr& e : list) expr(e);
    }

    void comprehension(const std::vector<ast::Comprehension>& gens,
                       std::initializer_list<const ast::Expr*> results) {
        if (gens.empty()) return;
        expr(*gens[0].iter); // evaluated in the enclosing scope
        std::vector<const ast::Expr*> bound;
        for (const ast::Comprehension& g : gens) target_names(*g.target, bound);
        comp_scopes_.push_back(std::move(bound));
        comp_depths_.push_back(genexp_depth_);
        for (size_t k = 0; k < gens.size(); ++k) {
            if (k > 0) expr(*gens[k].iter);
            target(*gens[k].target, Use::Store); // non-Name parts only: names are bound here
            exprs(gens[k].ifs);
        }
        for (const ast::Expr* r : results) expr(*r);
        comp_scopes_.pop_back();
        comp_depths_.pop_back();
    }

    void expr(const ast::Expr& e) {
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, ast::Name>) {
                    refuse_comprehension_closure(n.id, e.loc);
                    note_comp_read(n.id);
                    if (!comp_bound(n.id)) name(n.id, Use::Load, e.loc, {});
                } else if constexpr (std::is_same_v<T, ast::Lambda>) {
                    lambda(n, e.loc);
                } else if constexpr (std::is_same_v<T, ast::FString>) {
                    for (const auto& part : n.parts)
                        if (auto* f = std::get_if<ast::FormattedValue>(&part)) expr(*f->value);
                } else if constexpr (std::is_same_v<T, ast::UnaryOp>) {
                    expr(*n.operand);
                } else if constexpr (std::is_same_v<T, ast::BinOp>) {
                    expr(*n.left);
                    expr(*n.right);
                } else if constexpr (std::is_same_v<T, ast::BoolOp>) {
                    exprs(n.values);
                } else if constexpr (std::is_same_v<T, ast::Compare>) {
                    expr(*n.left);
                    exprs(n.comparators);
                } else if constexpr (std::is_same_v<T, ast::IfExp>) {
                    expr(*n.test);
                    expr(*n.body);
                    expr(*n.orelse);
                } else if constexpr (std::is_same_v<T, ast::Call>) {
                    // super() in a method reads the class's global, as CPython's __class__ cell
                    if (auto* f = std::get_if<ast::Name>(&n.func->node);
                        f && f->id == "super" && n.args.empty() && func_ && class_)
                        name(class_->name, Use::Load, e.loc, {});
                    expr(*n.func);
                    exprs(n.args);
                    for (const ast::Keyword& k : n.keywords) expr(*k.value);
                } else if constexpr (std::is_same_v<T, ast::Attribute>) {
                    expr(*n.value);
                } else if constexpr (std::is_same_v<T, ast::Subscript>) {
                    expr(*n.value);
                    expr(*n.index);
                } else if constexpr (std::is_same_v<T, ast::Slice>) {
                    for (const ast::ExprPtr* p : {&n.lower, &n.upper, &n.step})
                        if (*p) expr(**p);
                } else if constexpr (std::is_same_v<T, ast::List> || std::is_same_v<T, ast::Tuple>) {
                    exprs(n.elts);
                } else if constexpr (std::is_same_v<T, ast::Dict>) {
                    exprs(n.keys);
                    exprs(n.values);
                } else if constexpr (std::is_same_v<T, ast::ListComp> ||
                                     std::is_same_v<T, ast::SetComp>) {
                    comprehension(n.generators, {n.elt.get()});
                } else if constexpr (std::is_same_v<T, ast::GeneratorExp>) {
                    // A generator expression's body may run in any thread that consumes it:
                    // the globals it uses are shared, as a function's are.
                    const int saved = genexp_depth_++;
                    comprehension(n.generators, {n.elt.get()});
                    genexp_depth_ = saved;
                } else if constexpr (std::is_same_v<T, ast::DictComp>) {
                    comprehension(n.generators, {n.key.get(), n.value.get()});
                } else if constexpr (std::is_same_v<T, ast::Set>) {
                    exprs(n.elts);
                } else if constexpr (std::is_same_v<T, ast::Yield>) {
                    if (n.value) expr(*n.value);
                } else if constexpr (std::is_same_v<T, ast::Starred>) {
                    expr(*n.value);
                } else if constexpr (std::is_same_v<T, ast::NamedExpr>) {
                    if (!comp_scopes_.empty() || genexp_depth_ > 0)
                        fail(e.loc, "unsupported: assignment expressions (:=) inside a comprehension",
                             "assign the value in a loop statement instead of a comprehension");
                    expr(*n.value);
                    target(*n.target, Use::Store);
                } else {
                    static_assert(std::is_same_v<T, ast::Constant>);
                }
            },
            e.node);
    }
};

/// First walk: every global (in order of first binding) and every function's locals.
class Collector final : public Walker {
public:
    explicit Collector(ScopeInfo& info) : info_(info) {}

private:
    ScopeInfo& info_;

    void comp_cell(const ast::Expr* target) override { info_.comp_cells.insert(target); }

    void add_global(const std::string& id) {
        if (info_.global_ids.count(id)) return;
        VarId v(static_cast<uint32_t>(info_.globals.size()));
        info_.global_ids.emplace(id, v);
        GlobalInfo g;
        g.name = id;
        info_.globals.push_back(g);
        info_.bindings.emplace_back();
    }

    void star_import(ModuleId m) override { info_.star_modules.push_back(m); }

    std::vector<size_t> current_; // the functions being walked, innermost last

    void leave_function() override { current_.pop_back(); }

    void name(const std::string& id, Use use, SourceLoc loc, const StoreKind&) override {
        if (use == Use::NonlocalDecl && !func_) fail(loc, "nonlocal declaration not allowed at module level");
        if (use != Use::Store && use != Use::Del) return;
        if (!func_) return add_global(id);
        FunctionScope& fs = info_.functions[current_.back()];
        if (fs.declared_global.count(id)) return add_global(id);
        if (fs.declared_nonlocal.count(id)) return; // a variable of an enclosing function
        if (fs.slots.count(id)) return;
        fs.slots.emplace(id, static_cast<uint32_t>(fs.locals.size()));
        fs.locals.push_back(id);
    }

    static void collect_globals(const ast::StmtList& body, FunctionScope& fs) {
        for (const ast::Stmt& s : body) {
            std::visit(
                [&](const auto& n) {
                    using T = std::decay_t<decltype(n)>;
                    if constexpr (std::is_same_v<T, ast::Global>) {
                        for (const std::string& id : n.names)
                            (n.nonlocal ? fs.declared_nonlocal : fs.declared_global).insert(id);
                    } else if constexpr (std::is_same_v<T, ast::If> ||
                                         std::is_same_v<T, ast::While> ||
                                         std::is_same_v<T, ast::For>) {
                        collect_globals(n.body, fs);
                        collect_globals(n.orelse, fs);
                    } else if constexpr (std::is_same_v<T, ast::With>) {
                        collect_globals(n.body, fs);
                    } else if constexpr (std::is_same_v<T, ast::Try>) {
                        collect_globals(n.body, fs);
                        for (const ast::ExceptHandler& h : n.handlers) collect_globals(h.body, fs);
                        collect_globals(n.orelse, fs);
                        collect_globals(n.finalbody, fs);
                    }
                },
                s.node);
        }
    }

    void enter_function(const ast::FunctionDef& def, SourceLoc loc) override {
        info_.function_index.emplace(&def, static_cast<uint32_t>(info_.functions.size()));
        FunctionScope fs;
        fs.def = &def;
        fs.loc = loc;
        fs.class_name = class_ ? class_->name : "";
        fs.qualname = class_ ? class_->name + "." + def.name : def.name;
        if (!current_.empty()) {
            fs.qualname = info_.functions[current_.back()].qualname + ".<locals>." + def.name;
            fs.parent = static_cast<int>(current_.back());
        }
        current_.push_back(info_.functions.size());
        for (const ast::Param& p : def.params) {
            if (fs.slots.count(p.name))
                fail(p.loc, "duplicate argument '" + p.name + "' in function definition");
            fs.slots.emplace(p.name, static_cast<uint32_t>(fs.locals.size()));
            fs.locals.push_back(p.name);
        }
        collect_globals(def.body, fs);
        for (const ast::Param& p : def.params)
            if (fs.declared_global.count(p.name))
                fail(p.loc, "name '" + p.name + "' is parameter and global");
        info_.functions.push_back(std::move(fs));
    }
};

/// Second walk: how each global is read, written and deleted, and which variables of enclosing
/// functions each function uses (cells and free variables).
class FactFinder final : public Walker {
public:
    explicit FactFinder(ScopeInfo& info) : info_(info) {}

private:
    ScopeInfo& info_;
    FunctionScope* fs_ = nullptr;
    std::unordered_map<std::string, bool> used_; // in the current function: name -> assigned
    std::unordered_set<std::string> annotated_, declared_global_, declared_nonlocal_; // in it

    std::vector<std::pair<FunctionScope*, std::unordered_map<std::string, bool>>> outer_;

    /// `id` is used in `fs` as a variable of an enclosing function: a free variable with a slot
    /// of its own after the locals.
    static void add_free(FunctionScope& fs, const std::string& id) {
        if (fs.is_free(id)) return;
        fs.frees.push_back(id);
        fs.slots.emplace(id, static_cast<uint32_t>(fs.locals.size()));
        fs.locals.push_back(id);
    }

    /// The enclosing function that binds `id` for the current one (its local, or its own
    /// nonlocal), found innermost first; null when `id` is global there (the module, or a
    /// function that declares it global). The functions between the binder and the current
    /// one get `id` as a free variable; the binder's local becomes a cell.
    FunctionScope* bind_enclosing(const std::string& id) {
        std::vector<FunctionScope*> between{fs_};
        for (FunctionScope* f = fs_->parent < 0 ? nullptr : &info_.functions[static_cast<size_t>(fs_->parent)]; f;
             f = f->parent < 0 ? nullptr : &info_.functions[static_cast<size_t>(f->parent)]) {
            if (f->declared_global.count(id)) return nullptr;
            const bool binds = f->declared_nonlocal.count(id) || (f->slot(id) && !f->is_free(id));
            if (!binds && !f->is_free(id)) {
                between.push_back(f);
                continue;
            }
            if (!f->declared_nonlocal.count(id) && !f->is_free(id)) f->cells.insert(id);
            for (FunctionScope* b : between) add_free(*b, id);
            return f;
        }
        return nullptr;
    }

    void enter_function(const ast::FunctionDef& def, SourceLoc) override {
        outer_.emplace_back(fs_, std::move(used_));
        fs_ = &info_.functions[info_.function_index.at(&def)];
        used_.clear();
        annotated_.clear();
        declared_global_.clear();
        declared_nonlocal_.clear();
    }

    void annotated(const std::string& id, SourceLoc loc) override {
        if (declared_global_.count(id)) fail(loc, "annotated name '" + id + "' can't be global");
        if (declared_nonlocal_.count(id)) fail(loc, "annotated name '" + id + "' can't be nonlocal");
        annotated_.insert(id);
    }

    void nonlocal_decl(const std::string& id, SourceLoc loc) {
        if (annotated_.count(id)) fail(loc, "annotated name '" + id + "' can't be nonlocal");
        auto it = used_.find(id);
        if (it != used_.end())
            fail(loc, "name '" + id + "' is " + (it->second ? "assigned to before" : "used prior to") +
                          " nonlocal declaration",
                 "put the `nonlocal` statement at the top of the function");
        for (const ast::Param& p : func_->params)
            if (p.name == id) fail(loc, "name '" + id + "' is parameter and nonlocal");
        if (fs_->declared_global.count(id)) fail(loc, "name '" + id + "' is nonlocal and global");
        declared_nonlocal_.insert(id);
        if (!bind_enclosing(id)) fail(loc, "no binding for nonlocal '" + id + "' found");
    }

    void leave_function() override {
        fs_ = outer_.back().first;
        used_ = std::move(outer_.back().second);
        outer_.pop_back();
    }

    void name(const std::string& id, Use use, SourceLoc loc, const StoreKind& kind) override {
        if (func_) {
            if (use == Use::GlobalDecl) {
                if (annotated_.count(id)) fail(loc, "annotated name '" + id + "' can't be global");
                if (fs_->declared_nonlocal.count(id)) fail(loc, "name '" + id + "' is nonlocal and global");
                declared_global_.insert(id);
                auto it = used_.find(id);
                if (it != used_.end())
                    fail(loc, "name '" + id + "' is " +
                                  (it->second ? "assigned to before" : "used prior to") +
                                  " global declaration",
                         "put the `global` statement at the top of the function");
                return;
            }
            if (use == Use::NonlocalDecl) return nonlocal_decl(id, loc);
            used_[id] = used_[id] || use != Use::Load;
            if (fs_->slot(id)) {
                // read by a generator expression, whose code runs in a frame of its own
                if (genexp_depth_ > 0 && !fs_->is_free(id)) fs_->cells.insert(id);
                return; // a local, or a variable of an enclosing function already bound here
            }
            if (!fs_->declared_global.count(id) && bind_enclosing(id)) return;
        } else if (use == Use::GlobalDecl) {
            return; // `global` at module level is a no-op
        }
        auto var = info_.global(id);
        if (!var) return;
        GlobalInfo& g = info_.globals[var->value];
        GlobalBinding& b = info_.bindings[var->value];
        if (func_ || genexp_depth_ > 0) g.shared = true;
        if (use == Use::Del) b.deleted = true;
        if (use != Use::Store) return;
        ++b.store_sites;
        if (func_) b.stored_in_function = true;
        if (in_loop_) b.stored_in_loop = true;
        if (kind.kind == StoreKind::Module && (!b.module || *b.module == kind.module))
            b.module = kind.module;
        else
            b.only_module_imports = false;
        b.member = kind.kind == StoreKind::Member ? std::optional(kind.member) : std::nullopt;
        b.def = kind.kind == StoreKind::Def ? kind.def : nullptr;
    }
};

} // namespace

std::variant<ScopeInfo, CodeError> analyze_scopes(const ast::Module& module,
                                                  const std::vector<std::string>& params) {
    ScopeInfo info;
    for (const std::string& p : params) {
        if (info.global_ids.count(p)) continue;
        info.global_ids.emplace(p, VarId(static_cast<uint32_t>(info.globals.size())));
        GlobalInfo g;
        g.name = p;
        g.is_param = true;
        info.globals.push_back(g);
        info.bindings.emplace_back();
    }
    try {
        Collector(info).walk(module);
        FactFinder(info).walk(module);
    } catch (CompileFailure& f) {
        return f.error;
    }
    for (size_t k = 0; k < info.globals.size(); ++k) {
        GlobalInfo& g = info.globals[k];
        const GlobalBinding& b = info.bindings[k];
        if (g.is_param)
            g.write_once = b.store_sites == 0 && !b.deleted;
        else
            g.write_once = b.store_sites == 1 && !b.stored_in_loop && !b.stored_in_function &&
                           !b.deleted;
        g.fallback = lookup_builtin_global(g.name);
    }
    return info;
}

} // namespace rc
