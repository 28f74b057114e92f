// A compact S-expression rendering of the AST for parser tests, e.g. `(+ 1 (* 2 3))`.
// Statement lists render as `[s1 s2]`; a missing optional part renders as `_`.
#pragma once

#include <fmt/format.h> // number formatting
#include <ostream>      // SourceLoc in doctest messages
#include <string>       // rendering
#include <variant>      // visiting nodes
#include <vector>       // lists of nodes

#include "model/syntax/ast.hpp" // the nodes rendered

namespace rc {

/// Lets doctest print locations in failed CHECKs.
inline std::ostream &operator<<(std::ostream &out, SourceLoc loc) {
    return out << loc.line << ":" << loc.col;
}

} // namespace rc

namespace rc::test {

inline std::string dump(const ast::Expr &e);
inline std::string dump(const ast::Stmt &s);

inline std::string dump(const ast::StmtList &body) {
    std::string out = "[";
    for (const ast::Stmt &s : body) {
        out += (out.size() > 1 ? " " : "") + dump(s);
    }
    return out + "]";
}

template <class T> std::string dump_all(const std::vector<T> &items) {
    std::string out;
    for (const T &item : items) {
        out += " " + dump(item);
    }
    return out;
}

inline const char *bin_op(ast::BinOpKind k) {
    static constexpr const char *names[] = {"+",  "-", "*", "/", "//", "%",
                                            "**", "&", "|", "^", "<<", ">>"};
    return names[static_cast<int>(k)];
}

inline const char *cmp_op(ast::CmpOpKind k) {
    static constexpr const char *names[] = {"==", "!=", "<",      "<=", ">",
                                            ">=", "is", "is-not", "in", "not-in"};
    return names[static_cast<int>(k)];
}

inline std::string dump_generators(const std::vector<ast::Comprehension> &gens) {
    std::string out;
    for (const ast::Comprehension &g : gens) {
        out += " (for " + dump(*g.target) + " " + dump(*g.iter) + dump_all(g.ifs) + ")";
    }
    return out;
}

inline std::string dump_opt(const ast::ExprPtr &e) {
    return e ? dump(*e) : "_";
}

struct ExprDumper {
    std::string operator()(const ast::Constant &c) const {
        struct V {
            std::string operator()(ast::NoneLit) const { return "None"; }
            std::string operator()(bool b) const { return b ? "True" : "False"; }
            std::string operator()(int64_t i) const { return std::to_string(i); }
            std::string operator()(double d) const { return fmt::format("{}f", d); }
            std::string operator()(const std::string &s) const { return "'" + s + "'"; }
        };
        return std::visit(V{}, c.value);
    }
    std::string operator()(const ast::Name &n) const { return n.id; }
    std::string operator()(const ast::FString &f) const {
        std::string out = "(f";
        for (const auto &part : f.parts) {
            if (const auto *text = std::get_if<std::string>(&part)) {
                out += " '" + *text + "'";
            } else {
                const auto &v = std::get<ast::FormattedValue>(part);
                out += " {" + dump(*v.value);
                if (v.conversion != 0) {
                    out += std::string(" !") + v.conversion;
                }
                if (!v.spec.empty()) {
                    out += " :" + v.spec;
                }
                out += "}";
            }
        }
        return out + ")";
    }
    std::string operator()(const ast::UnaryOp &u) const {
        static constexpr const char *names[] = {"not", "neg", "pos", "~"};
        return fmt::format("({} {})", names[static_cast<int>(u.op)], dump(*u.operand));
    }
    std::string operator()(const ast::BinOp &b) const {
        return fmt::format("({} {} {})", bin_op(b.op), dump(*b.left), dump(*b.right));
    }
    std::string operator()(const ast::BoolOp &b) const {
        return std::string("(") + (b.op == ast::BoolOpKind::And ? "and" : "or") +
               dump_all(b.values) + ")";
    }
    std::string operator()(const ast::Compare &c) const {
        if (c.ops.size() == 1) {
            return fmt::format("({} {} {})", cmp_op(c.ops[0]), dump(*c.left),
                               dump(c.comparators[0]));
        }
        std::string out = "(chain " + dump(*c.left);
        for (size_t i = 0; i < c.ops.size(); ++i) {
            out += std::string(" ") + cmp_op(c.ops[i]) + " " + dump(c.comparators[i]);
        }
        return out + ")";
    }
    std::string operator()(const ast::IfExp &e) const {
        return fmt::format("(if {} {} {})", dump(*e.test), dump(*e.body), dump(*e.orelse));
    }
    std::string operator()(const ast::Call &c) const {
        std::string out = "(call " + dump(*c.func) + dump_all(c.args);
        for (const ast::Keyword &k : c.keywords) {
            out += " " + k.name + "=" + dump(*k.value);
        }
        return out + ")";
    }
    std::string operator()(const ast::Attribute &a) const {
        return "(. " + dump(*a.value) + " " + a.attr + ")";
    }
    std::string operator()(const ast::Subscript &s) const {
        return "([] " + dump(*s.value) + " " + dump(*s.index) + ")";
    }
    std::string operator()(const ast::Slice &s) const {
        return "(: " + dump_opt(s.lower) + " " + dump_opt(s.upper) + " " + dump_opt(s.step) + ")";
    }
    std::string operator()(const ast::List &l) const { return "(list" + dump_all(l.elts) + ")"; }
    std::string operator()(const ast::Tuple &t) const { return "(tuple" + dump_all(t.elts) + ")"; }
    std::string operator()(const ast::Dict &d) const {
        std::string out = "(dict";
        for (size_t i = 0; i < d.keys.size(); ++i) {
            out += " " + dump(d.keys[i]) + ":" + dump(d.values[i]);
        }
        return out + ")";
    }
    std::string operator()(const ast::ListComp &c) const {
        return "(listcomp " + dump(*c.elt) + dump_generators(c.generators) + ")";
    }
    std::string operator()(const ast::GeneratorExp &c) const {
        return "(genexp " + dump(*c.elt) + dump_generators(c.generators) + ")";
    }
    std::string operator()(const ast::DictComp &c) const {
        return "(dictcomp " + dump(*c.key) + ":" + dump(*c.value) + dump_generators(c.generators) +
               ")";
    }
    std::string operator()(const ast::Set &s) const { return "(set" + dump_all(s.elts) + ")"; }
    std::string operator()(const ast::SetComp &c) const {
        return "(setcomp " + dump(*c.elt) + dump_generators(c.generators) + ")";
    }
    std::string operator()(const ast::Yield &y) const {
        return std::string(y.from ? "(yield-from" : "(yield") + (y.value ? " " + dump(*y.value) : "") + ")";
    }
    std::string operator()(const ast::Lambda &l) const;
    std::string operator()(const ast::NamedExpr &n) const {
        return "(:= " + dump(*n.target) + " " + dump(*n.value) + ")";
    }
    std::string operator()(const ast::Starred &s) const { return "(* " + dump(*s.value) + ")"; }
};

inline std::string dump(const ast::Expr &e) {
    return std::visit(ExprDumper{}, e.node);
}

inline std::string dump_orelse(const ast::StmtList &orelse) {
    return orelse.empty() ? "" : " else " + dump(orelse);
}

struct StmtDumper {
    std::string operator()(const ast::ExprStmt &s) const { return dump(s.value); }
    std::string operator()(const ast::Assign &s) const {
        return "(=" + dump_all(s.targets) + " " + dump(s.value) + ")";
    }
    std::string operator()(const ast::AnnAssign &s) const {
        return "(: " + dump(s.target) + (s.annotation ? " " + dump(*s.annotation) : std::string(" -")) +
               (s.value ? " " + dump(*s.value) : std::string()) + ")";
    }
    std::string operator()(const ast::AugAssign &s) const {
        return fmt::format("({}= {} {})", bin_op(s.op), dump(s.target), dump(s.value));
    }
    std::string operator()(const ast::Delete &s) const {
        return "(del" + dump_all(s.targets) + ")";
    }
    std::string operator()(const ast::Pass &) const { return "pass"; }
    std::string operator()(const ast::Break &) const { return "break"; }
    std::string operator()(const ast::Continue &) const { return "continue"; }
    std::string operator()(const ast::Return &s) const {
        return s.value ? "(return " + dump(*s.value) + ")" : "(return)";
    }
    std::string operator()(const ast::Global &s) const {
        std::string out = "(global";
        for (const std::string &n : s.names) {
            out += " " + n;
        }
        return out + ")";
    }
    std::string operator()(const ast::If &s) const {
        return "(if " + dump(s.test) + " " + dump(s.body) + dump_orelse(s.orelse) + ")";
    }
    std::string operator()(const ast::While &s) const {
        return "(while " + dump(s.test) + " " + dump(s.body) + dump_orelse(s.orelse) + ")";
    }
    std::string operator()(const ast::For &s) const {
        return "(for " + dump(s.target) + " " + dump(s.iter) + " " + dump(s.body) +
               dump_orelse(s.orelse) + ")";
    }
    std::string operator()(const ast::With &s) const {
        std::string out = "(with";
        for (const ast::WithItem &item : s.items) {
            out += " " + dump(item.context) + (item.target ? " as " + dump(*item.target) : "");
        }
        return out + " " + dump(s.body) + ")";
    }
    std::string operator()(const ast::Try &s) const {
        std::string out = "(try " + dump(s.body);
        for (const ast::ExceptHandler &h : s.handlers) {
            out += " (except" + (h.type ? " " + dump(*h.type) : std::string()) +
                   (h.name ? " as " + *h.name : std::string()) + " " + dump(h.body) + ")";
        }
        out += dump_orelse(s.orelse);
        if (!s.finalbody.empty()) {
            out += " finally " + dump(s.finalbody);
        }
        return out + ")";
    }
    std::string operator()(const ast::Raise &s) const {
        return s.exc ? "(raise " + dump(*s.exc) + ")" : "(raise)";
    }
    std::string operator()(const ast::Assert &s) const {
        return "(assert " + dump(s.test) + (s.msg ? " " + dump(*s.msg) : "") + ")";
    }
    std::string operator()(const ast::ClassDef &s) const {
        return "(class " + s.name + " (" + (s.bases.empty() ? "" : dump_all(s.bases).substr(1)) + ") " +
               dump(s.body) + ")";
    }
    std::string operator()(const ast::FunctionDef &s) const {
        std::string out;
        for (const ast::Expr &d : s.decorators) {
            out += "@" + dump(d) + " ";
        }
        out += "(def " + s.name + " (";
        for (size_t i = 0; i < s.params.size(); ++i) {
            out += (i > 0 ? " " : "") + s.params[i].name;
            if (s.params[i].default_value) {
                out += "=" + dump(*s.params[i].default_value);
            }
        }
        return out + ") " + dump(s.body) + ")";
    }
    std::string operator()(const ast::Import &s) const {
        std::string out = "(import";
        for (const ast::ImportAlias &a : s.names) {
            out += " " + a.name + (a.asname ? " as " + *a.asname : "");
        }
        return out + ")";
    }
    std::string operator()(const ast::ImportFrom &s) const {
        std::string out = "(from " + s.module + (s.star ? " *" : "");
        for (const ast::ImportAlias &a : s.names) {
            out += " " + a.name + (a.asname ? " as " + *a.asname : "");
        }
        return out + ")";
    }
};

inline std::string dump(const ast::Stmt &s) {
    return std::visit(StmtDumper{}, s.node);
}

inline std::string ExprDumper::operator()(const ast::Lambda &l) const {
    std::string out = "(lambda (";
    for (size_t i = 0; i < l.def->params.size(); ++i) {
        out += (i > 0 ? " " : "") + l.def->params[i].name;
    }
    return out + ") " + dump(l.def->body) + ")";
}

} // namespace rc::test
