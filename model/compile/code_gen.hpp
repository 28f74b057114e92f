// The code generator for one code object (module body, function, check expression or prelude
// function), and the program-wide tables every generator interns into. Internal to the
// compiler: errors are thrown as CompileFailure and caught by compile_program.
//
// Split by concern: compile_stmt.cpp (simple statements and imports), compile_flow.cpp (loops,
// try, with, and the exits of return/break/continue), compile_expr.cpp (expressions and
// comprehensions), compile_names.cpp (name resolution, static module/def resolution and the
// static call-arity checks).
#pragma once

#include <cstdint>       // uint32_t
#include <optional>      // resolutions
#include <string>        // names
#include <string_view>   // lookups
#include <unordered_map> // interning
#include <utility>       // pair
#include <vector>        // blocks, scopes

#include "model/syntax/ast.hpp"          // AST nodes
#include "model/compile/code_builder.hpp" // CodeBuilder, Label
#include "model/bytecode/program.hpp"      // Program, Constant
#include "model/compile/scope.hpp"        // ScopeInfo, FunctionScope

namespace rc {

enum class CodeKind { Module, Function, Check, Prelude };

/// A generator expression met while compiling: its code object is compiled after the others.
struct PendingGenExp {
    const ast::GeneratorExp* node = nullptr;
    std::vector<std::string> captures; // enclosing variables it reads
    std::vector<bool> cells;           // parallel: passed as the cell (else by value)
    SourceLoc loc;
    CodeKind kind;                     // of the code it appears in
};

/// Program-wide interning: constants, identifiers, keyword-name lists.
class ProgramTables {
public:
    /// Interns the KnownName spellings first, so NameId{k} == KnownName(k).
    explicit ProgramTables(Program& program);
    uint32_t constant(const Constant& c);
    NameId name(std::string_view id);
    uint32_t kwnames(const std::vector<NameId>& names);
    /// A global for a name the code reads but never binds: it stays unbound, so reading it
    /// raises NameError when (and only if) that code runs, as in CPython. Not shared: nothing
    /// ever writes it, so its reads are not visible operations.
    VarId undefined_global(const std::string& name);
    /// Fills Program::string_constants and constant_heap_index.
    void finish();
    /// Registers a generator expression; its index is MakeGenExp's operand.
    uint32_t add_genexp(PendingGenExp g);
    /// Generator expressions registered and not yet compiled (compile_program drains them).
    std::vector<PendingGenExp> pending_genexps;
    /// sys.argv[0]: the scenario's file as given (CompileInput::argv0).
    std::string argv0;
    /// CPython's compile-time SyntaxWarnings met in the user's code (CompileInput::warnings).
    std::vector<CodeError> warnings;

private:
    Program& program_;
    std::unordered_map<std::string, NameId> name_ids_;
    std::unordered_map<std::string, VarId> undefined_;
    /// Constants and keyword-name lists by a byte key (type and exact value): interning stays
    /// linear in the program's size, however many distinct constants it has.
    std::unordered_map<std::string, uint32_t> constant_ids_;
    std::unordered_map<std::string, uint32_t> kwnames_ids_;
};

class CodeGen {
public:
    /// `fn` is the function's scope for Function and Prelude code, null otherwise.
    CodeGen(ProgramTables& tables, const ScopeInfo& scope, CodeKind kind, const FunctionScope* fn);

    /// A module or function body; `return None` is appended.
    CodeObject compile_body(const ast::StmtList& body, std::string name, SourceLoc loc);
    /// A check: evaluates `e` and returns it.
    CodeObject compile_expression(const ast::Expr& e, std::string name);
    /// A generator expression's code: local 0 is the iterator of its first `for`, locals 1..
    /// the captured cells and values (this CodeGen's function scope lists them; the cells are
    /// its free variables).
    CodeObject compile_genexp(const ast::GeneratorExp& g, SourceLoc loc);
    /// CPython 3.12's compile-time SyntaxWarnings (Python/compile.c check_compare,
    /// check_caller, check_subscripter, check_index, the assert of a tuple), for the user's own
    /// code only: recorded in ProgramTables::warnings.
    void warn_compare(const ast::Compare& c, SourceLoc loc);
    void warn_call(const ast::Call& c, SourceLoc loc);
    void warn_subscript(const ast::Subscript& s, SourceLoc loc);
    void warn_assert(const ast::Assert& a, SourceLoc loc);
    /// The user's own module or function code (not checks, not the prelude): what warns.
    bool user_code() const { return kind_ == CodeKind::Module || kind_ == CodeKind::Function; }

private:
    /// How a name resolves at one use.
    struct NameRef {
        enum Kind { Local, Deref, Global, Builtin, MainName } kind = Local;
        uint32_t index = 0; // slot, VarId or BuiltinId
        bool free = false;  // Deref: a variable of an enclosing function (else this one's cell)
    };
    /// An enclosing construct that return/break/continue must leave properly.
    struct Block {
        enum Kind { Loop, With, TryExcept, TryFinally, Handler, FinallyHandler } kind = Loop;
        bool is_for = false;                        // Loop: an iterator is on the stack
        Label break_to, continue_to;                // Loop
        size_t region = SIZE_MAX;                   // protected region, when there is one
        const ast::StmtList* finalbody = nullptr;   // TryFinally
        const std::string* handler_name = nullptr;  // Handler: `except E as name`
    };
    /// Restores the current line when a nested expression or statement is done.
    class LineScope {
    public:
        LineScope(CodeGen& gen, SourceLoc loc);
        ~LineScope();
        LineScope(const LineScope&) = delete;
        LineScope& operator=(const LineScope&) = delete;

    private:
        CodeBuilder& builder_;
        uint32_t saved_;
        uint32_t saved_col_;
    };

    // compile_stmt.cpp
    void stmts(const ast::StmtList& list);
    void stmt(const ast::Stmt& s);
    void assign(const ast::Assign& a);
    void ann_assign(const ast::AnnAssign& a);
    void aug_assign(const ast::AugAssign& a, SourceLoc loc);
    void del_target(const ast::Expr& t);
    void function_def(const ast::FunctionDef& def, SourceLoc loc);
    void class_def(const ast::ClassDef& c, SourceLoc loc);
    void import(const ast::Import& imp);
    void import_from(const ast::ImportFrom& imp, SourceLoc loc);
    void assert_stmt(const ast::Assert& a);
    void store_target(const ast::Expr& t);
    void store_name(const std::string& id, SourceLoc loc);

    // compile_flow.cpp
    void if_stmt(const ast::If& s);
    void while_stmt(const ast::While& s);
    void for_stmt(const ast::For& s);
    void with_stmt(const ast::With& s, size_t item);
    void try_stmt(const ast::Try& s);
    void try_except(const ast::Try& s);
    void clear_handler_name(const std::string& id, SourceLoc loc);
    void return_stmt(const ast::Return& r, SourceLoc loc);
    void break_continue(bool is_break, SourceLoc loc);
    /// Emits the exits of blocks_[until..] innermost first; with `has_value`, a value on top
    /// of the stack is kept there. Regions it suspends are appended to `suspended`.
    void emit_exits(size_t until, bool has_value, std::vector<size_t>& suspended);

    // compile_expr.cpp
    void expr(const ast::Expr& e);
    void constant(const ast::Constant& c);
    void fstring(const ast::FString& f);
    void bool_op(const ast::BoolOp& b);
    void compare(const ast::Compare& c);
    void call(const ast::Call& c, SourceLoc loc);
    void unpacking_call(const ast::Call& c);
    void attribute(const ast::Attribute& a, SourceLoc loc);
    /// sys.argv: [the scenario file], a new list at each use.
    void sys_argv();
    void subscript_index(const ast::Expr& index);
    void comprehension(const std::vector<ast::Comprehension>& gens, const ast::Expr* elt,
                       const ast::Expr* key, const ast::Expr* value);
    void comprehension_level(const std::vector<ast::Comprehension>& gens, size_t k,
                             const ast::Expr* elt, const ast::Expr* key, const ast::Expr* value);
    void genexp(const ast::GeneratorExp& g, SourceLoc loc);
    void yield(const ast::Yield& y, SourceLoc loc);
    static bool has_starred(const std::vector<ast::Expr>& elts);
    /// A list, tuple or set display with `*iterable` items; `make` builds it from a list.
    void starred_display(const std::vector<ast::Expr>& elts, BuiltinId make);

    // compile_names.cpp
    std::optional<NameRef> resolve(const std::string& id) const;
    NameRef resolve_load(const std::string& id, SourceLoc loc) const;
    NameRef resolve_store(const std::string& id, SourceLoc loc) const;
    void load_name(const std::string& id, SourceLoc loc);
    /// The load, store or delete of a resolved local, cell or global.
    void emit_load(const NameRef& ref);
    void emit_store(const NameRef& ref);
    void emit_delete(const NameRef& ref);
    /// Pushes the tuple of cells a nested function's closure is made of (its free variables, in
    /// order); false, pushing nothing, when it has none.
    bool load_closure(const FunctionScope& inner);
    std::string suggestion(const std::string& id) const;
    /// The module an expression certainly evaluates to (`threading`, `concurrent.futures`).
    std::optional<ModuleId> static_module(const ast::Expr& e) const;
    /// The builtin an expression certainly evaluates to (`threading.Thread`, `Thread`).
    std::optional<BuiltinId> static_builtin(const ast::Expr& e) const;
    /// The module-level `def` a callee name certainly refers to.
    const ast::FunctionDef* static_def(const ast::Expr& e) const;
    uint32_t hidden_slot(const std::string& id);

    ProgramTables& tables_;
    const ScopeInfo& scope_;
    CodeKind kind_;
    const FunctionScope* fn_;
    CodeBuilder b_;
    std::vector<Block> blocks_;
    /// A comprehension variable: its hidden slot, and whether the slot holds a cell (a nested
    /// generator expression reads it: ScopeInfo::comp_cells).
    struct CompVar {
        std::string name;
        uint32_t slot = 0;
        bool cell = false;
    };
    /// Comprehension variables in scope, innermost comprehension last.
    std::vector<std::vector<CompVar>> comp_scopes_;
    /// (slot, name) of every comprehension cell made so far: the code object's cells too.
    std::vector<std::pair<uint32_t, NameId>> comp_cells_;
    /// Pushes the comprehension's scope: a hidden slot per variable its targets bind, and a
    /// fresh cell (MakeCell, each time the comprehension runs) for each in comp_cells.
    void open_comp_scope(const std::vector<ast::Comprehension>& gens);
    /// The code object being finished gets its locals' names and the comprehension cells.
    void finish_locals(CodeObject& out);
    /// What the innermost comprehension builds: its element is appended (list), added (set),
    /// stored (dict) or yielded (a generator expression's own code).
    enum class CompResult { List, Set, Dict, Yield } comp_result_ = CompResult::List;
    std::vector<std::string> local_names_;
    /// Inside a class body: the hidden slot holding the class, and the names its body has
    /// bound so far (a load of one reads the class attribute, as CPython's class scope does).
    std::optional<uint32_t> class_slot_;
    std::vector<std::string> class_names_;
};

/// "racecheck models these members of threading: Thread, Lock, ..."
std::string module_members_hint(ModuleId m);

} // namespace rc
