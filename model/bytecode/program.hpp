// A compiled scenario program: immutable, shared by every execution of every strategy.
#pragma once

#include <optional> // GlobalInfo::fallback
#include <string>   // names
#include <variant>  // Constant
#include <vector>   // tables

#include "model/bytecode/builtins.hpp" // BuiltinId, ModuleId
#include "model/bytecode/bytecode.hpp" // CodeObject
#include "model/ids.hpp"      // VarId, FuncId, NameId

namespace rc {

/// A compile-time constant. Strings become heap objects when an execution starts (their
/// ObjectId is the constant's index among the program's string constants, see State).
struct NoneConst {};
using Constant = std::variant<NoneConst, bool, int64_t, double, std::string, BuiltinId, ModuleId>;

/// What the compiler proved about a module global; decides which accesses are visible
/// operations (scheduling points and detector events).
struct GlobalInfo {
    std::string name;
    /// Some function body reads or writes it, so threads other than MainThread may touch it.
    /// A global only module-level code touches is only ever touched by MainThread: its accesses
    /// are invisible.
    bool shared = false;
    /// Exactly one store site, at module level, outside loops, and no `del`: once bound, its
    /// value never changes, so a read of it while bound is invisible.
    bool write_once = false;
    /// The builtin this name shadows (Python falls back to builtins when a global is unbound).
    std::optional<BuiltinId> fallback;
    /// A scenario parameter (`params:`): bound before the code runs.
    bool is_param = false;
};

/// Hidden functions compiled from racecheck's own Python prelude (see model/compile/prelude.cpp). They run as
/// ordinary bytecode in virtual threads; their frames report the caller's line.
struct PreludeFuncs {
    FuncId thread_main;  // _rc_thread_main(target, args, kwargs): a started Thread's body
    FuncId wait_for;     // _rc_wait_for(cond, predicate, timeout): Condition.wait_for
    FuncId pool_worker;  // _rc_pool_worker(pool): a ThreadPoolExecutor worker's loop
    FuncId pool_map;     // _rc_pool_map(pool, fn, iterables): ThreadPoolExecutor.map
    FuncId pool_results; // _rc_pool_results(futures): map's lazy result iterator (a generator)
    FuncId pool_cancel;  // _rc_pool_cancel(futures): the finally of a dropped map iterator
    FuncId future_callbacks; // _rc_future_callbacks(fut, callbacks, result): Future._invoke_callbacks
    FuncId barrier_release;  // _rc_barrier_release(barrier, action, index): Barrier._release
    FuncId as_completed; // _rc_as_completed(it): as_completed's generator (the finished futures
                         // it first finds in an order the explorer chooses, then completion order)
    FuncId print;        // _rc_print(objects, sep, end, whole): print, one write per piece (whole: one)
    FuncId timer_main;   // _rc_timer_main(finished, interval, fn, args, kwargs): Timer.run
    FuncId drain;        // _rc_drain(iterable): list(iterable), run as Python (a generator)
    FuncId drain_checked; // _rc_drain_checked(iterable, check, into): the same, hashing each
                          // item (check 1) or checking it as a dict item (2) as it comes, and on
                          // an exception handing the items so far to `into` (extend, update)
    FuncId drain_until_in; // _rc_drain_until_in(iterable, s): up to the first item in s (isdisjoint)
    FuncId minmax_drain; // _rc_minmax_drain(iterable, want_max): comparing as min()/max() do
    FuncId sum_drain;    // _rc_sum_drain(iterable, start): the same, adding as it goes, so that
                         // sum() raises at the item CPython's does, before later items run
    FuncId unpack;       // _rc_unpack(iterable, n): at most n + 1 items, for `a, b = gen`
    FuncId any, all;     // _rc_any(it), _rc_all(it): short-circuiting over a generator
    FuncId contains;     // _rc_contains(it, x): `x in generator`
    FuncId not_contains; // _rc_not_contains(it, x): `x not in generator`
    FuncId map, filter, zip, enumerate; // lazy builtins over Python-run iterators (generators)
    FuncId list_sort;    // _rc_list_sort(lst, items, key, reverse): a Python key function
    FuncId counter_items; // _rc_counter_items(counter, mapping, kwds, sign): Counter.update /
                          // subtract of a mapping on a shared Counter, CPython's Python loop
    FuncId counter_iadd; // _rc_counter_iadd(counter, other, sign): `counter += other` / `-=` on a
                         // shared Counter, CPython's __iadd__/__isub__ and _keep_positive
    FuncId sorted_key;   // _rc_sorted_key(items, key, reverse)
    FuncId minmax_key_iter; // _rc_minmax_key_iter(iterable, key, want_max, has_default, default, empty): key called as each item comes
    FuncId user_len;     // _rc_user_len(obj): len() of an object whose class defines __len__
    FuncId user_truth;   // _rc_user_truth(obj, has_bool): its truth value (__bool__, else __len__)
    FuncId user_contains; // _rc_user_contains(obj, x, negate): `x in obj` by its class's __contains__
    FuncId user_iter;    // _rc_user_iter(obj): iter() of an object whose class defines __iter__
    FuncId construct;    // _rc_construct(cls, new, args, kwargs): a call of a class that defines __new__
    FuncId futures_wait; // _rc_futures_wait(it, fs, return_when): concurrent.futures.wait
    /// itertools' iterators (model/stdlib/itertools_module.cpp), each a generator of its type.
    FuncId it_count, it_cycle, it_repeat, it_islice, it_chain, it_product, it_permutations,
        it_combinations, it_accumulate, it_zip_longest;
};

struct Program {
    std::vector<CodeObject> code; // code[0] is the module body
    std::vector<Constant> constants;
    std::vector<GlobalInfo> globals;
    /// Interned identifiers; names[0 .. kKnownNameCount) spell the KnownName values in order.
    std::vector<std::string> names;
    /// Keyword-name lists referenced by KwNames instructions.
    std::vector<std::vector<NameId>> kwnames;
    /// Indices into `constants` of every string constant, in order: string constant k is heap
    /// object k in every execution's initial state.
    std::vector<uint32_t> string_constants;
    /// For each constant: its heap object index if it is a string, else UINT32_MAX.
    std::vector<uint32_t> constant_heap_index;
    PreludeFuncs prelude;
    /// Code objects in [first_prelude_code, prelude_end) belong to the prelude: their lines are
    /// not user lines.
    uint32_t first_prelude_code = UINT32_MAX;
    uint32_t prelude_end = UINT32_MAX;
    /// The code object of each generator expression (MakeGenExp's operand).
    std::vector<FuncId> genexps;
    /// The scenario's param globals in `params:` order (bound before code[0] runs).
    std::vector<VarId> params;
    /// One code object per `checks.final` / `checks.always` expression, in scenario order. Each
    /// takes no arguments and returns the expression's value; it reads globals directly.
    std::vector<FuncId> final_checks;
    std::vector<FuncId> always_checks;
    /// display_line[code_line]: the line of the file the user sees (the scenario's YAML) for each
    /// code-block line; empty when they are the same. For lines named inside labels
    /// ("created at line 12"), which reports print next to the file's lines.
    std::vector<uint32_t> display_line;

    const std::string& name_of(NameId id) const { return names[id.value]; }
    uint32_t file_line(uint32_t code_line) const {
        if (code_line == 0 || display_line.empty()) return code_line;
        if (code_line < display_line.size()) return display_line[code_line];
        return display_line.back() + code_line - static_cast<uint32_t>(display_line.size()) + 1;
    }
    const std::string& name_of(VarId id) const { return globals[id.value].name; }
    bool is_prelude(FuncId f) const {
        return f.value >= first_prelude_code && f.value < prelude_end;
    }
};

} // namespace rc
