// Scope analysis: which names are module globals (and their VarIds), each function's local
// slots, and what the program proves about every global (GlobalInfo: shared, write_once, and
// the statically known value of a global bound only by an import or a `def`).
//
// Python 3 rules: a name bound at module level, or bound in a function that declares it
// `global`, is a global; any other name bound in a function is local to it; comprehension
// variables are local to their comprehension (the code generator gives them hidden slots).
// A name a function uses without binding it resolves in the enclosing functions, innermost
// first (a class body is skipped: methods do not see it), else as a global; `nonlocal` names
// must resolve so. The binding function's local is then a cell, and it is a free variable of
// every function from there to the use (CPython's symtable).
#pragma once

#include <optional>      // static bindings
#include <string>        // names
#include <string_view>   // lookups
#include <unordered_map> // name -> slot / id
#include <unordered_set> // declared globals
#include <variant>       // result or error
#include <vector>        // tables

#include "model/syntax/ast.hpp"        // ast::Module, ast::FunctionDef
#include "model/bytecode/builtins.hpp"   // ModuleId, BuiltinId
#include "model/scenario/code_error.hpp" // CodeError
#include "model/ids.hpp"        // VarId
#include "model/bytecode/program.hpp"    // GlobalInfo

namespace rc {

struct FunctionScope {
    const ast::FunctionDef* def = nullptr;
    SourceLoc loc; // the `def` statement
    std::string class_name; // a method: its class ("" for a module-level function)
    std::string qualname;   // "Counter.increment", or the def's name
    std::vector<std::string> locals; // parameters first, then bound names in order, then frees
    std::unordered_map<std::string, uint32_t> slots;
    std::unordered_set<std::string> declared_global;
    std::unordered_set<std::string> declared_nonlocal;
    /// The enclosing function (index in ScopeInfo::functions), or -1 at module level (a method's
    /// enclosing scope is the module: the class body is not visible to it, as in CPython).
    int parent = -1;
    /// Locals that an inner function, lambda or generator expression reads or writes: their slot
    /// holds a cell (made when the function starts), shared with the closures made from it.
    std::unordered_set<std::string> cells;
    /// Variables of enclosing functions this one uses (read, or written after `nonlocal`), in
    /// closure order: each has a slot after the locals, filled with the enclosing cell at a call.
    std::vector<std::string> frees;

    std::optional<uint32_t> slot(std::string_view name) const;
    bool is_cell(const std::string& name) const { return cells.count(name) != 0; }
    bool is_free(const std::string& name) const;
    /// A variable read through a cell here: a cell or a free variable.
    bool is_deref(const std::string& name) const { return is_cell(name) || is_free(name); }
};

/// What the stores of one global prove about its value.
struct GlobalBinding {
    uint32_t store_sites = 0;
    bool stored_in_loop = false;
    bool stored_in_function = false;
    bool deleted = false;
    /// Every store is `import` of this module (set while that holds).
    std::optional<ModuleId> module;
    bool only_module_imports = true;
    /// The single store is `from m import member` / `def`.
    std::optional<BuiltinId> member;
    const ast::FunctionDef* def = nullptr;
};

struct ScopeInfo {
    std::vector<GlobalInfo> globals; // VarId order: params, then first binding in source order
    std::unordered_map<std::string, VarId> global_ids;
    std::vector<GlobalBinding> bindings; // parallel to globals
    std::vector<FunctionScope> functions; // user functions in `def` order (FuncId k + 1)
    std::unordered_map<const ast::FunctionDef*, uint32_t> function_index;
    /// Modules of `from m import *`: their names racecheck does not implement are refused
    /// where the program uses them.
    std::vector<ModuleId> star_modules;
    /// Comprehension variables (their Name nodes in the `for` targets) that a generator
    /// expression nested in the comprehension reads: cells, made afresh each time the
    /// comprehension runs, as CPython 3.12 makes them, so a generator consumed later sees the
    /// variable's last value.
    std::unordered_set<const ast::Expr*> comp_cells;

    std::optional<VarId> global(std::string_view name) const;
    /// The module a global certainly holds when read: it is bound only by imports of one module
    /// at module level and never deleted.
    std::optional<ModuleId> module_of(VarId id) const;
    /// The builtin a write_once global holds (`from threading import Lock`).
    std::optional<BuiltinId> member_of(VarId id) const;
    /// The `def` a write_once global holds, or null.
    const ast::FunctionDef* def_of(VarId id) const;
};

/// Analyzes the user's module. `params` are the scenario parameters (VarIds 0..P-1).
std::variant<ScopeInfo, CodeError> analyze_scopes(const ast::Module& module,
                                                  const std::vector<std::string>& params);

/// The names an assignment target binds, in order (Name leaves of Tuple/List targets).
void target_names(const ast::Expr& target, std::vector<const ast::Expr*>& out);

} // namespace rc
