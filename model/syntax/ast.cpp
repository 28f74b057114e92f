// height_of: how deep an AST node nests, from its direct children's heights (each child's
// height was computed when it was built, so this is not recursive).
#include <algorithm> // max
#include <type_traits> // decay_t, is_same_v

#include "model/syntax/ast.hpp"

namespace rc::ast {

namespace {

uint32_t h(const Expr& e) { return e.height; }
uint32_t h(const ExprPtr& e) { return e ? e->height : 0; }
uint32_t h(const std::optional<Expr>& e) { return e ? e->height : 0; }
uint32_t h(const Stmt& s) { return s.height; }
uint32_t h(const Keyword& k);
uint32_t h(const Comprehension& c);
uint32_t h(const WithItem& w);
uint32_t h(const ExceptHandler& e);
uint32_t h(const Param& p);
uint32_t h(const std::variant<std::string, FormattedValue>& part);
template <class T> uint32_t h(const std::vector<T>& items) {
    uint32_t m = 0;
    for (const T& x : items) m = std::max(m, h(x));
    return m;
}
uint32_t h(const Keyword& k) { return h(k.value); }
uint32_t h(const Comprehension& c) { return std::max({h(c.target), h(c.iter), h(c.ifs)}); }
uint32_t h(const WithItem& w) { return std::max(h(w.context), h(w.target)); }
uint32_t h(const ExceptHandler& e) { return std::max(h(e.type), h(e.body)); }
uint32_t h(const Param& p) { return std::max(h(p.default_value), h(p.annotation)); }
uint32_t h(const std::variant<std::string, FormattedValue>& part) {
    auto* f = std::get_if<FormattedValue>(&part);
    return f ? h(f->value) : 0;
}

} // namespace

uint32_t height_of(const ExprNode& node) {
    return 1 + std::visit(
                   [](const auto& n) -> uint32_t {
                       using T = std::decay_t<decltype(n)>;
                       if constexpr (std::is_same_v<T, Constant> || std::is_same_v<T, Name>)
                           return 0;
                       else if constexpr (std::is_same_v<T, Lambda>) return n.height;
                       else if constexpr (std::is_same_v<T, FString>) return h(n.parts);
                       else if constexpr (std::is_same_v<T, UnaryOp>) return h(n.operand);
                       else if constexpr (std::is_same_v<T, BinOp>)
                           return std::max(h(n.left), h(n.right));
                       else if constexpr (std::is_same_v<T, BoolOp>) return h(n.values);
                       else if constexpr (std::is_same_v<T, Compare>)
                           return std::max(h(n.left), h(n.comparators));
                       else if constexpr (std::is_same_v<T, IfExp>)
                           return std::max({h(n.test), h(n.body), h(n.orelse)});
                       else if constexpr (std::is_same_v<T, Call>)
                           return std::max({h(n.func), h(n.args), h(n.keywords)});
                       else if constexpr (std::is_same_v<T, Attribute>) return h(n.value);
                       else if constexpr (std::is_same_v<T, Slice>)
                           return std::max({h(n.lower), h(n.upper), h(n.step)});
                       else if constexpr (std::is_same_v<T, Subscript>)
                           return std::max(h(n.value), h(n.index));
                       else if constexpr (std::is_same_v<T, List> || std::is_same_v<T, Tuple> ||
                                          std::is_same_v<T, Set>)
                           return h(n.elts);
                       else if constexpr (std::is_same_v<T, Dict>)
                           return std::max(h(n.keys), h(n.values));
                       else if constexpr (std::is_same_v<T, ListComp> ||
                                          std::is_same_v<T, GeneratorExp> ||
                                          std::is_same_v<T, SetComp>)
                           return std::max(h(n.elt), h(n.generators));
                       else if constexpr (std::is_same_v<T, DictComp>)
                           return std::max({h(n.key), h(n.value), h(n.generators)});
                       else if constexpr (std::is_same_v<T, Yield> || std::is_same_v<T, Starred>)
                           return h(n.value);
                       else if constexpr (std::is_same_v<T, NamedExpr>)
                           return std::max(h(n.target), h(n.value));
                   },
                   node);
}

uint32_t height_of(const StmtNode& node) {
    return 1 + std::visit(
                   [](const auto& n) -> uint32_t {
                       using T = std::decay_t<decltype(n)>;
                       if constexpr (std::is_same_v<T, ExprStmt>) return h(n.value);
                       else if constexpr (std::is_same_v<T, Assign>)
                           return std::max(h(n.targets), h(n.value));
                       else if constexpr (std::is_same_v<T, AnnAssign>)
                           return std::max({h(n.target), h(n.value), h(n.annotation)});
                       else if constexpr (std::is_same_v<T, AugAssign>)
                           return std::max(h(n.target), h(n.value));
                       else if constexpr (std::is_same_v<T, Delete>) return h(n.targets);
                       else if constexpr (std::is_same_v<T, Return>) return h(n.value);
                       else if constexpr (std::is_same_v<T, If> || std::is_same_v<T, While>)
                           return std::max({h(n.test), h(n.body), h(n.orelse)});
                       else if constexpr (std::is_same_v<T, For>)
                           return std::max({h(n.target), h(n.iter), h(n.body), h(n.orelse)});
                       else if constexpr (std::is_same_v<T, With>)
                           return std::max(h(n.items), h(n.body));
                       else if constexpr (std::is_same_v<T, Try>)
                           return std::max({h(n.body), h(n.handlers), h(n.orelse),
                                            h(n.finalbody)});
                       else if constexpr (std::is_same_v<T, Raise>) return h(n.exc);
                       else if constexpr (std::is_same_v<T, Assert>)
                           return std::max(h(n.test), h(n.msg));
                       else if constexpr (std::is_same_v<T, FunctionDef>)
                           return std::max({h(n.params), h(n.returns), h(n.body), h(n.decorators)});
                       else if constexpr (std::is_same_v<T, ClassDef>)
                           return std::max({h(n.bases), h(n.body), h(n.decorators)});
                       else return 0; // Pass, Break, Continue, Global, Import, ImportFrom
                   },
                   node);
}

} // namespace rc::ast
