// @dataclass as CPython 3.12's dataclasses module applies it, done by the parser: a module-level
// class decorated with `dataclass` (imported from dataclasses) gets the methods the decorator
// would add — __init__, __repr__, __eq__, the order methods and __hash__ — written as Python
// code, so that they run, interleave and race as any method does. Each generated method is one
// logical line placed at the decorator's line, so reports and tracebacks point there.
//
// Fields are the class body's annotated names in order (not ClassVar ones), after those of a
// dataclass base defined earlier in the module; `field(default=..., default_factory=...,
// init=..., repr=..., compare=...)` is read here. What the rewrite does not model is refused:
// frozen, slots and keyword-only fields, InitVar, field metadata, a default_factory inherited
// from a base, and the errors CPython raises while decorating (a mutable default, a field
// without a default after one with a default).
#include <map>     // dataclasses seen so far, default factories, by name
#include <set>     // aliases
#include <string>  // generated code
#include <utility> // move
#include <variant> // get_if

#include "model/syntax/parser.hpp"          // parse_module (the generated methods)
#include "model/syntax/parser_internal.hpp" // ParseFailure, rewrite_dataclasses

namespace rc::parse {

namespace {

[[noreturn]] void refuse(SourceLoc loc, std::string message, std::string hint = {}) {
    throw ParseFailure{CodeError{loc, std::move(message), std::move(hint)}, loc.line};
}

/// The names the module binds to dataclasses, dataclasses.field, typing and typing.ClassVar.
struct Aliases {
    std::set<std::string> dataclass, field, module, classvar, initvar, typing;
};

struct FieldInfo {
    std::string name;
    bool has_default = false; // a class attribute holds the default
    bool factory = false;     // default_factory
    bool init = true, repr = true, compare = true;
    std::string owner; // the class whose attribute holds the default
    SourceLoc loc;
};

struct DataclassInfo {
    std::vector<FieldInfo> fields;
    bool post_init = false;
};

/// The default_factory expressions of the class being rewritten, by field name: moved into its
/// __init__ (a base's were moved into the base's).
using Factories = std::map<std::string, ast::ExprPtr>;

bool is_name_in(const ast::Expr& e, const std::set<std::string>& names) {
    auto* n = std::get_if<ast::Name>(&e.node);
    return n && names.count(n->id);
}

/// `alias` or `module.attr` for one of the module aliases.
bool refers_to(const ast::Expr& e, const std::set<std::string>& aliases, const std::set<std::string>& modules,
               const char* attr) {
    if (is_name_in(e, aliases)) return true;
    auto* a = std::get_if<ast::Attribute>(&e.node);
    return a && a->attr == attr && is_name_in(*a->value, modules);
}

/// The Python text naming the dataclass decorator as the module spells it.
std::string spelling(const ast::Expr& e) {
    if (auto* n = std::get_if<ast::Name>(&e.node)) return n->id;
    const auto& a = std::get<ast::Attribute>(e.node);
    return std::get<ast::Name>(a.value->node).id + "." + a.attr;
}

bool is_classvar(const ast::Expr& annotation, const Aliases& al) {
    const ast::Expr* e = &annotation;
    if (auto* s = std::get_if<ast::Subscript>(&e->node)) e = s->value.get();
    return refers_to(*e, al.classvar, al.typing, "ClassVar");
}

bool is_initvar(const ast::Expr& annotation, const Aliases& al) {
    const ast::Expr* e = &annotation;
    if (auto* s = std::get_if<ast::Subscript>(&e->node)) e = s->value.get();
    return refers_to(*e, al.initvar, al.module, "InitVar");
}

bool literal_bool(const ast::Keyword& k) {
    auto* c = std::get_if<ast::Constant>(&k.value->node);
    if (!c || !std::holds_alternative<bool>(c->value))
        refuse(k.loc, "unsupported: " + k.name + "= other than True or False in @dataclass or field()",
               "write the option as a literal True or False");
    return std::get<bool>(c->value);
}

bool mutable_display(const ast::Expr& e) {
    return std::holds_alternative<ast::List>(e.node) || std::holds_alternative<ast::Dict>(e.node) ||
           std::holds_alternative<ast::Set>(e.node) || std::holds_alternative<ast::ListComp>(e.node) ||
           std::holds_alternative<ast::DictComp>(e.node) || std::holds_alternative<ast::SetComp>(e.node);
}

ast::Expr name_expr(const std::string& id, SourceLoc loc) {
    ast::Expr e;
    e.node = ast::Name{id};
    e.loc = loc;
    e.height = 1;
    return e;
}

ast::Expr attribute_expr(const std::string& owner, const std::string& attr, SourceLoc loc) {
    ast::Expr e;
    e.node = ast::Attribute{std::make_unique<ast::Expr>(name_expr(owner, loc)), attr};
    e.loc = loc;
    e.height = 2;
    return e;
}

/// Parses one generated `def` (one logical line) so that it sits on line `at.line`.
ast::Stmt generated_def(const std::string& code, SourceLoc at) {
    std::string text(at.line > 1 ? at.line - 1 : 0, '\n');
    text += code + "\n";
    auto parsed = parse_module(text);
    auto* module = std::get_if<ast::Module>(&parsed);
    if (!module || module->body.size() != 1)
        refuse(at, "unsupported: this @dataclass (racecheck could not write the methods it makes)",
               "please report this class to racecheck's developers");
    return std::move(module->body.front());
}

std::string tuple_of(const std::string& who, const std::vector<const FieldInfo*>& fields) {
    std::string out = "(";
    for (const FieldInfo* f : fields) out += who + "." + f->name + ",";
    return out + ")";
}

class Rewriter {
  public:
    void module(ast::Module& m) { block(m.body); }

  private:
    /// Module-level statements, including those inside module-level if/for/while/with/try
    /// (`if __name__ == "__main__":`), in order; heights are recomputed where a class grew.
    void block(ast::StmtList& body) {
        for (ast::Stmt& s : body) {
            if (auto* imp = std::get_if<ast::ImportFrom>(&s.node)) import_from(*imp);
            else if (auto* i = std::get_if<ast::Import>(&s.node)) import(*i);
            else if (auto* c = std::get_if<ast::ClassDef>(&s.node)) class_def(*c, s);
            else if (auto* f = std::get_if<ast::If>(&s.node)) block(f->body), block(f->orelse);
            else if (auto* w = std::get_if<ast::While>(&s.node)) block(w->body), block(w->orelse);
            else if (auto* fo = std::get_if<ast::For>(&s.node)) block(fo->body), block(fo->orelse);
            else if (auto* wi = std::get_if<ast::With>(&s.node)) block(wi->body);
            else if (auto* t = std::get_if<ast::Try>(&s.node)) {
                block(t->body);
                for (ast::ExceptHandler& h : t->handlers) block(h.body);
                block(t->orelse);
                block(t->finalbody);
            } else {
                continue;
            }
            s.height = ast::height_of(s.node);
        }
    }

    Aliases al_;
    std::map<std::string, DataclassInfo> seen_;

    void import_from(const ast::ImportFrom& imp) {
        for (const ast::ImportAlias& a : imp.names) {
            const std::string bound = a.asname ? *a.asname : a.name;
            if (imp.module == "dataclasses" && a.name == "dataclass") al_.dataclass.insert(bound);
            if (imp.module == "dataclasses" && a.name == "field") al_.field.insert(bound);
            if (imp.module == "dataclasses" && a.name == "InitVar") al_.initvar.insert(bound);
            if (imp.module == "typing" && a.name == "ClassVar") al_.classvar.insert(bound);
        }
    }

    void import(const ast::Import& imp) {
        for (const ast::ImportAlias& a : imp.names) {
            if (a.name == "dataclasses") al_.module.insert(a.asname ? *a.asname : a.name);
            if (a.name == "typing") al_.typing.insert(a.asname ? *a.asname : a.name);
        }
    }

    /// The decorator expression naming dataclass (itself, or the callee of `dataclass(...)`).
    const ast::Expr* dataclass_ref(const ast::Expr& d) const {
        const ast::Expr* e = &d;
        if (auto* call = std::get_if<ast::Call>(&d.node)) e = call->func.get();
        return refers_to(*e, al_.dataclass, al_.module, "dataclass") ? e : nullptr;
    }

    void class_def(ast::ClassDef& c, ast::Stmt& stmt) {
        for (size_t k = 0; k < c.decorators.size(); ++k) {
            if (!dataclass_ref(c.decorators[k])) continue;
            if (k + 1 != c.decorators.size())
                refuse(c.decorators[k].loc, "unsupported: @dataclass above another class decorator",
                       "put @dataclass directly above the class statement");
            ast::Expr deco = std::move(c.decorators[k]);
            c.decorators.pop_back();
            rewrite(c, deco);
            stmt.height = ast::height_of(stmt.node);
            return;
        }
    }

    void rewrite(ast::ClassDef& c, const ast::Expr& deco) {
        const SourceLoc at = deco.loc;
        const std::string dc = spelling(*dataclass_ref(deco));
        bool init = true, repr = true, eq = true, order = false, unsafe_hash = false;
        if (auto* call = std::get_if<ast::Call>(&deco.node)) {
            if (!call->args.empty())
                refuse(call->args.front().loc, "unsupported: positional arguments to dataclass()",
                       "dataclass() takes its options as keywords: @dataclass(order=True)");
            for (const ast::Keyword& k : call->keywords) {
                if (k.name.empty()) refuse(k.loc, "unsupported: **options in dataclass()");
                const bool v = literal_bool(k);
                if (k.name == "init") init = v;
                else if (k.name == "repr") repr = v;
                else if (k.name == "eq") eq = v;
                else if (k.name == "order") order = v;
                else if (k.name == "unsafe_hash") unsafe_hash = v;
                else if (k.name == "match_args" || k.name == "weakref_slot") continue;
                else if ((k.name == "frozen" || k.name == "slots" || k.name == "kw_only") && !v) continue;
                else
                    refuse(k.loc, "unsupported: dataclass(" + k.name + "=" + (v ? "True" : "False") + ")",
                           "racecheck's @dataclass makes __init__, __repr__, __eq__, the order methods "
                           "and __hash__ (init, repr, eq, order, unsafe_hash); frozen, slots and "
                           "kw_only are outside the subset");
            }
        }
        if (order && !eq) refuse(at, "unsupported: dataclass(order=True, eq=False)", "CPython raises ValueError: eq must be true if order is true");

        std::set<std::string> defined; // names the class body binds itself
        for (const ast::Stmt& s : c.body) {
            if (auto* fd = std::get_if<ast::FunctionDef>(&s.node)) defined.insert(fd->name);
            if (auto* a = std::get_if<ast::Assign>(&s.node))
                for (const ast::Expr& t : a->targets)
                    if (auto* n = std::get_if<ast::Name>(&t.node)) defined.insert(n->id);
        }

        std::vector<FieldInfo> fields;
        bool post_init = defined.count("__post_init__") > 0;
        bool inherited = false;
        for (const ast::Expr& b : c.bases) {
            auto* n = std::get_if<ast::Name>(&b.node);
            auto it = n ? seen_.find(n->id) : seen_.end();
            if (it == seen_.end()) continue;
            if (inherited)
                refuse(b.loc, "unsupported: a dataclass with two dataclass bases", "derive from one dataclass");
            inherited = true;
            post_init = post_init || it->second.post_init;
            fields.insert(fields.end(), it->second.fields.begin(), it->second.fields.end());
        }

        Factories factories;
        for (ast::Stmt& s : c.body) {
            auto* an = std::get_if<ast::AnnAssign>(&s.node);
            if (!an || !an->annotation || !std::holds_alternative<ast::Name>(an->target.node))
                continue; // another target in a class body is refused by the compiler
            const std::string& name = std::get<ast::Name>(an->target.node).id;
            if (name == "self" || name == "other")
                refuse(an->target.loc, "unsupported: a dataclass field named '" + name + "'",
                       "rename the field: racecheck's generated methods use that name");
            if (is_classvar(*an->annotation, al_)) continue;
            if (is_initvar(*an->annotation, al_))
                refuse(an->annotation->loc, "unsupported: dataclasses.InitVar fields",
                       "pass the value to an ordinary field, or compute it in __post_init__");
            FieldInfo f;
            f.name = name;
            f.owner = c.name;
            f.loc = s.loc;
            if (an->value) {
                auto* call = std::get_if<ast::Call>(&an->value->node);
                if (call && refers_to(*call->func, al_.field, al_.module, "field")) {
                    field_call(*call, f, an->value->loc, factories);
                    std::optional<ast::Expr> dflt;
                    for (ast::Keyword& k : call->keywords)
                        if (k.name == "default") dflt = std::move(*k.value);
                    an->value = std::move(dflt); // the class attribute: the default, or none
                } else {
                    f.has_default = true;
                }
                if (an->value && mutable_display(*an->value))
                    refuse(an->value->loc,
                           "unsupported: a list, dict or set as the default of dataclass field '" + name + "'",
                           "CPython raises ValueError (mutable default): use field(default_factory=list)");
            }
            s.height = ast::height_of(s.node);
            bool replaced = false;
            for (FieldInfo& old : fields)
                if (old.name == f.name) {
                    old = f;
                    replaced = true;
                    break;
                }
            if (!replaced) fields.push_back(f);
        }

        bool seen_default = false;
        for (const FieldInfo& f : fields) {
            if (!f.init) continue;
            if (f.has_default || f.factory) seen_default = true;
            else if (seen_default)
                refuse(f.loc, "unsupported: dataclass field '" + f.name + "' without a default after one with a default",
                       "CPython raises TypeError: non-default argument '" + f.name + "' follows default argument");
        }

        std::vector<ast::Stmt> made;
        if (init && !defined.count("__init__")) made.push_back(init_method(fields, factories, post_init, dc, c.name, at));
        std::vector<const FieldInfo*> shown, compared;
        for (const FieldInfo& f : fields) {
            if (f.repr) shown.push_back(&f);
            if (f.compare) compared.push_back(&f);
        }
        if (repr && !defined.count("__repr__")) {
            std::string body = "def __repr__(self): return self.__class__.__qualname__ + f\"(";
            for (size_t i = 0; i < shown.size(); ++i)
                body += (i ? ", " : "") + shown[i]->name + "={self." + shown[i]->name + "!r}";
            made.push_back(generated_def(body + ")\"", at));
        }
        const std::string mine = tuple_of("self", compared), theirs = tuple_of("other", compared);
        auto comparison = [&](const char* method, const char* op) {
            return generated_def(std::string("def ") + method + "(self, other): return " + mine + op + theirs +
                                     " if other.__class__ is self.__class__ else NotImplemented",
                                 at);
        };
        if (eq && !defined.count("__eq__")) made.push_back(comparison("__eq__", "=="));
        if (order) {
            for (auto [method, op] : {std::pair{"__lt__", "<"}, {"__le__", "<="}, {"__gt__", ">"}, {"__ge__", ">="}}) {
                if (defined.count(method))
                    refuse(at, std::string("unsupported: @dataclass(order=True) on a class that defines ") + method,
                           std::string("CPython raises TypeError: Cannot overwrite attribute ") + method);
                made.push_back(comparison(method, op));
            }
        }
        if (unsafe_hash) {
            if (defined.count("__hash__"))
                refuse(at, "unsupported: @dataclass(unsafe_hash=True) on a class that defines __hash__",
                       "CPython raises TypeError: Cannot overwrite attribute __hash__");
            made.push_back(generated_def("def __hash__(self): return hash(" + mine + ")", at));
        }
        // eq without frozen or unsafe_hash: CPython sets __hash__ to None; racecheck's classes
        // that define __eq__ and no __hash__ are unhashable alike.

        for (ast::Stmt& m : made) c.body.push_back(std::move(m));
        seen_[c.name] = DataclassInfo{std::move(fields), post_init};
    }

    void field_call(ast::Call& call, FieldInfo& f, SourceLoc loc, Factories& factories) {
        if (!call.args.empty())
            refuse(call.args.front().loc, "unsupported: positional arguments to field()",
                   "CPython's field() takes keywords only: field(default=0)");
        bool has_default = false;
        for (ast::Keyword& k : call.keywords) {
            if (k.name == "default") has_default = true;
            else if (k.name == "default_factory") {
                f.factory = true;
                factories[f.name] = std::move(k.value);
            } else if (k.name == "init") f.init = literal_bool(k);
            else if (k.name == "repr") f.repr = literal_bool(k);
            else if (k.name == "compare") f.compare = literal_bool(k);
            else if (k.name == "hash") {
                auto* c = std::get_if<ast::Constant>(&k.value->node);
                if (!c || !std::holds_alternative<ast::NoneLit>(c->value))
                    refuse(k.loc, "unsupported: field(hash=...)", "leave hash to the dataclass");
            } else if (k.name == "kw_only") {
                if (literal_bool(k)) refuse(k.loc, "unsupported: field(kw_only=True)");
            } else {
                refuse(k.loc, "unsupported: field(" + (k.name.empty() ? std::string("**") : k.name + "=") + "...)",
                       "racecheck reads default, default_factory, init, repr and compare of field()");
            }
        }
        if (has_default && f.factory)
            refuse(loc, "unsupported: field() with both default and default_factory",
                   "CPython raises ValueError: cannot specify both default and default_factory");
        f.has_default = has_default;
    }

    /// def __init__(self, a, b=<default>, c=<dataclass>): self.a = a; ...; self.__post_init__()
    /// A default_factory field's parameter defaults to the dataclass decorator itself, a value no
    /// caller passes, as CPython's defaults to its own sentinel.
    ast::Stmt init_method(const std::vector<FieldInfo>& fields, Factories& factories, bool post_init,
                          const std::string& dc, const std::string& cls, SourceLoc at) {
        std::string params = "self", body;
        for (const FieldInfo& f : fields) {
            if (f.factory && !factories.count(f.name))
                refuse(f.loc, "unsupported: a default_factory field inherited from a dataclass base",
                       "give the field its default_factory in this class too");
            if (f.init) params += ", " + f.name + (f.has_default || f.factory ? "=None" : "");
            std::string assign;
            if (f.factory && f.init)
                assign = "self." + f.name + " = __rc_factory__() if " + f.name + " is " + dc + " else " + f.name;
            else if (f.factory)
                assign = "self." + f.name + " = __rc_factory__()";
            else if (f.init)
                assign = "self." + f.name + " = " + f.name;
            if (!assign.empty()) body += (body.empty() ? "" : "; ") + assign;
        }
        if (post_init) body += std::string(body.empty() ? "" : "; ") + "self.__post_init__()";
        if (body.empty()) body = "pass";
        ast::Stmt def = generated_def("def __init__(" + params + "): " + body, at);
        auto& fd = std::get<ast::FunctionDef>(def.node);
        size_t p = 1, stmt = 0;
        for (const FieldInfo& f : fields) {
            if (f.init) {
                ast::Param& param = fd.params.at(p++);
                if (f.factory) {
                    const size_t dot = dc.find('.');
                    param.default_value = dot == std::string::npos ? name_expr(dc, at)
                                                                   : attribute_expr(dc.substr(0, dot), dc.substr(dot + 1), at);
                } else if (f.has_default) {
                    // the class attribute holding the default: in this class's body the bare
                    // name (the def is evaluated there), else the base class's attribute
                    param.default_value = f.owner == cls ? name_expr(f.name, at) : attribute_expr(f.owner, f.name, at);
                }
            }
            if (!f.init && !f.factory) continue;
            ast::Stmt& s = fd.body.at(stmt++);
            if (!f.factory) continue;
            auto& assign = std::get<ast::Assign>(s.node);
            ast::Expr* call = &assign.value;
            if (auto* ifexp = std::get_if<ast::IfExp>(&call->node)) call = ifexp->body.get();
            std::get<ast::Call>(call->node).func = std::move(factories.at(f.name));
            call->height = ast::height_of(call->node);
            if (call != &assign.value) assign.value.height = ast::height_of(assign.value.node);
            s.height = ast::height_of(s.node);
        }
        def.height = ast::height_of(def.node);
        return def;
    }
};

} // namespace

void rewrite_dataclasses(ast::Module& module) {
    Rewriter r;
    r.module(module);
}

} // namespace rc::parse
