// The abstract syntax tree of the Python subset racecheck accepts.
//
// Closed sets are std::variant: every consumer (compiler, tests) visits exhaustively. Nodes own
// their children through unique_ptr (boxes) so the variants stay small. Every node carries the
// location of its first token in the *code* block (1-based line and column); the scenario's
// SourceMap turns that into a YAML file position for diagnostics.
#pragma once

#include <cstdint>  // int64_t, uint32_t
#include <memory>   // unique_ptr
#include <optional> // optional default values, handler names
#include <string>   // identifiers, string constants
#include <variant>  // node sums
#include <vector>   // child lists

#include "model/scenario/code_error.hpp" // CodeError (warnings)
#include "model/scenario/source_loc.hpp" // SourceLoc

namespace rc::ast {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtList = std::vector<Stmt>;

// ---- expressions ----------------------------------------------------------------------------

struct NoneLit {};
/// A literal: None, True/False, int (fits int64; larger literals are refused), float, str.
/// Adjacent string literals are concatenated by the parser.
struct Constant {
    std::variant<NoneLit, bool, int64_t, double, std::string> value;
};
struct Name {
    std::string id;
};
/// One `{expr!conv:spec}` field of an f-string. `conversion` is 0, 'r', 's' or 'a'.
/// `spec` is the literal format spec text (nested replacement fields in specs are refused).
struct FormattedValue {
    ExprPtr value;
    char conversion = 0;
    std::string spec;
};
/// f"..." : literal text pieces and formatted fields, in order.
struct FString {
    std::vector<std::variant<std::string, FormattedValue>> parts;
};
enum class UnaryOpKind { Not, Neg, Pos, Invert };
struct UnaryOp {
    UnaryOpKind op;
    ExprPtr operand;
};
enum class BinOpKind { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, BitAnd, BitOr, BitXor, LShift, RShift };
struct BinOp {
    BinOpKind op;
    ExprPtr left;
    ExprPtr right;
    bool annotation = false; // `X | Y` in an evaluated annotation: a union of types there
};
enum class BoolOpKind { And, Or };
/// `a and b and c`: two or more values.
struct BoolOp {
    BoolOpKind op;
    std::vector<Expr> values;
};
enum class CmpOpKind { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
/// Chained comparison `a < b <= c`: ops.size() == comparators.size() >= 1.
struct Compare {
    ExprPtr left;
    std::vector<CmpOpKind> ops;
    std::vector<Expr> comparators;
};
/// `body if test else orelse`
struct IfExp {
    ExprPtr test;
    ExprPtr body;
    ExprPtr orelse;
};
/// `name=value`, or `**value` (mapping unpacking) when name is empty, as CPython's ast.keyword.
struct Keyword {
    std::string name;
    ExprPtr value;
    SourceLoc loc;
};
/// A call. starred[i] (same size as args): args[i] is `*args[i]` (iterable unpacking).
struct Call {
    ExprPtr func;
    std::vector<Expr> args;
    std::vector<Keyword> keywords;
    std::vector<bool> starred;

    bool has_unpacking() const {
        for (bool s : starred)
            if (s) return true;
        for (const Keyword& k : keywords)
            if (k.name.empty()) return true;
        return false;
    }
};
struct Attribute {
    ExprPtr value;
    std::string attr;
};
/// `lower:upper:step`, each optional; only valid as a Subscript index.
struct Slice {
    ExprPtr lower;
    ExprPtr upper;
    ExprPtr step;
};
/// `value[index]`; index may be a Slice expression.
struct Subscript {
    ExprPtr value;
    ExprPtr index;
    bool annotation = false; // `list[int]` in an evaluated annotation: a generic alias there
};
struct List {
    std::vector<Expr> elts;
};
struct Tuple {
    std::vector<Expr> elts;
};
/// `{k: v, ...}` (dict display; `**d` unpacking is refused).
struct Dict {
    std::vector<Expr> keys;
    std::vector<Expr> values;
};
/// One `for target in iter if cond...` clause of a comprehension.
struct Comprehension {
    ExprPtr target;
    ExprPtr iter;
    std::vector<Expr> ifs;
};
struct ListComp {
    ExprPtr elt;
    std::vector<Comprehension> generators;
};
/// A generator expression: a lazy generator, compiled as a code object of its own (its outermost
/// iterable is evaluated where it appears, as in CPython).
struct GeneratorExp {
    ExprPtr elt;
    std::vector<Comprehension> generators;
};
struct DictComp {
    ExprPtr key;
    ExprPtr value;
    std::vector<Comprehension> generators;
};
/// `{a, b}` (a set display; `{}` is a Dict).
struct Set {
    std::vector<Expr> elts;
};
struct SetComp {
    ExprPtr elt;
    std::vector<Comprehension> generators;
};
/// `yield value` (value may be absent: yields None) or `yield from iterable`. Only inside a
/// def, which makes it a generator function.
struct Yield {
    ExprPtr value;
    bool from = false;
};

/// `name := value` (an assignment expression): stores value in name and is value. Not inside a
/// comprehension (scope analysis refuses it there).
struct NamedExpr {
    ExprPtr target; // a Name
    ExprPtr value;
};
/// `*value`: an item of a list, tuple or set display (unpacking an iterable into it), or the one
/// starred name of an assignment target list (`first, *rest = xs`).
struct Starred {
    ExprPtr value;
};

struct FunctionDef;
/// `lambda params: body`, held as the function it defines: a FunctionDef named "<lambda>" whose
/// body is `return body`. It reads the locals of enclosing functions through cells, as a nested
/// `def` does (scope analysis).
struct Lambda {
    std::shared_ptr<FunctionDef> def;
    uint32_t height = 1; // of the FunctionDef (params and body)
};

using ExprNode = std::variant<Constant, Name, FString, UnaryOp, BinOp, BoolOp, Compare, IfExp,
                              Call, Attribute, Subscript, Slice, List, Tuple, Dict, ListComp,
                              GeneratorExp, DictComp, Set, SetComp, Yield, Lambda, NamedExpr,
                              Starred>;

struct Expr {
    ExprNode node;
    SourceLoc loc;
    /// 1 + the largest height of its children (height_of); invariant: <= kMaxNesting, so every
    /// recursive walk over the tree (compiler, scope analysis, destructors) is bounded.
    uint32_t height = 1;
};

// ---- statements -----------------------------------------------------------------------------

struct ExprStmt {
    Expr value;
};
/// `t1 = t2 = value`: one or more targets (Name, Attribute, Subscript, Tuple/List of targets).
struct Assign {
    std::vector<Expr> targets;
    Expr value;
};
/// `target op= value`; target is a Name, Attribute or Subscript.
/// `target: annotation [= value]`. CPython evaluates the annotation after the store, and only
/// outside function bodies; in a function `annotation` is empty (a Name target without a value
/// still makes the name local there).
struct AnnAssign {
    Expr target;
    std::optional<Expr> value;
    std::optional<Expr> annotation;
};
struct AugAssign {
    Expr target;
    BinOpKind op;
    Expr value;
};
struct Delete {
    std::vector<Expr> targets;
};
struct Pass {};
struct Break {};
struct Continue {};
struct Return {
    std::optional<Expr> value;
};
/// `global a, b` or `nonlocal a, b`.
struct Global {
    std::vector<std::string> names;
    bool nonlocal = false;
};
struct If {
    Expr test;
    StmtList body;
    StmtList orelse; // an `elif` is a single nested If here
};
struct While {
    Expr test;
    StmtList body;
    StmtList orelse;
};
struct For {
    Expr target;
    Expr iter;
    StmtList body;
    StmtList orelse;
};
struct WithItem {
    Expr context;
    std::optional<Expr> target; // `as` target
};
struct With {
    std::vector<WithItem> items;
    StmtList body;
};
struct ExceptHandler {
    std::optional<Expr> type; // Name, Attribute (queue.Empty) or Tuple of them; none = bare except
    std::optional<std::string> name; // `as e`
    StmtList body;
    SourceLoc loc;
};
struct Try {
    StmtList body;
    std::vector<ExceptHandler> handlers;
    StmtList orelse;
    StmtList finalbody;
};
struct Raise {
    std::optional<Expr> exc; // bare `raise` re-raises the handled exception
};
struct Assert {
    Expr test;
    std::optional<Expr> msg;
};
struct Param {
    std::string name;
    std::optional<Expr> default_value;
    SourceLoc loc;
    std::optional<Expr> annotation; // evaluated when the def runs, after every default
    /// Positional-or-keyword, keyword-only (after `*` or `*args`), `*args` or `**kwargs`.
    /// A def's params are kept in CPython's slot order: positional, keyword-only, *args, **kwargs.
    enum class Kind { Normal, KwOnly, VarArgs, VarKw } kind = Kind::Normal;
};
/// A top-level `def` or a method. Nested defs and lambdas that read enclosing
/// locals are refused (they need closures or varargs, outside the subset). Annotations are
/// evaluated when the def runs, as CPython does: the parameters' in order, then the return
/// annotation.
struct FunctionDef {
    std::string name;
    std::vector<Param> params;
    std::optional<Expr> returns;
    StmtList body;
    bool generator = false; // its body has a `yield`
    /// `@expr` lines above the def, outermost first (applied innermost first, as in Python).
    std::vector<Expr> decorators;
};
/// A module-level `class Name(bases):`. Its body holds method `def`s, class attribute
/// assignments to names, docstrings and `pass` (anything else is refused by the compiler).
struct ClassDef {
    std::string name;
    std::vector<Expr> bases;
    StmtList body;
    /// `@expr` lines above the class, outermost first (applied innermost first). The parser has
    /// already turned a `@dataclass` into the methods it makes (model/syntax/dataclasses.cpp).
    std::vector<Expr> decorators;
};
struct ImportAlias {
    std::string name;                  // dotted module name, or the imported name in `from`
    std::optional<std::string> asname; // `as x`
    SourceLoc loc;
};
/// `import a, b.c as d`
struct Import {
    std::vector<ImportAlias> names;
};
/// `from module import a, b as c`, or `from module import *` (star; names empty). No relative
/// imports.
struct ImportFrom {
    std::string module;
    std::vector<ImportAlias> names;
    bool star = false;
    SourceLoc star_loc;
};

using StmtNode = std::variant<ExprStmt, Assign, AnnAssign, AugAssign, Delete, Pass, Break, Continue, Return,
                              Global, If, While, For, With, Try, Raise, Assert, FunctionDef,
                              Import, ImportFrom, ClassDef>;

struct Stmt {
    StmtNode node;
    SourceLoc loc;
    /// 1 + the largest height of its child statements and expressions; an `elif` is a nested If.
    /// invariant: <= kMaxNesting.
    uint32_t height = 1;
};

struct Module {
    StmtList body;
    /// The tokenizer's SyntaxWarnings (an invalid escape sequence such as "\d"), in order.
    std::vector<CodeError> warnings;
};

/// The deepest nesting the parser builds (README "Limits"): every operator, call, attribute,
/// subscript, display, block and `elif` is one level. CPython's compiler gives up near 3000
/// ("maximum recursion depth exceeded during compilation"); racecheck stops at 1000 so that the
/// recursive passes over the tree fit in the stack with room to spare, sanitizers included.
inline constexpr uint32_t kMaxNesting = 1000;

/// 1 + the largest height among the node's direct children (0 for a leaf's children).
uint32_t height_of(const ExprNode& node);
uint32_t height_of(const StmtNode& node);

} // namespace rc::ast
