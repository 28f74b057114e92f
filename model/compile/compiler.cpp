// compile_program: runs scope analysis, then one CodeGen per code object, in FuncId order.
#include "model/compile/compiler.hpp"

#include <algorithm>   // sort, unique (warnings)
#include <string_view> // prelude function names

#include "model/check.hpp"           // RC_CHECK
#include "model/compile/code_gen.hpp"        // CodeGen, ProgramTables
#include "model/compile/compile_failure.hpp" // CompileFailure
#include "model/syntax/parser.hpp"          // parse_module (the prelude)
#include "model/compile/prelude.hpp"         // prelude_source
#include "model/compile/scope.hpp"           // analyze_scopes

namespace rc {

namespace {

/// Compiles the prelude's functions after everything else and records their FuncIds.
void compile_prelude(Program& program, ProgramTables& tables) {
    auto parsed = parse_module(prelude_source());
    RC_CHECK(std::holds_alternative<ast::Module>(parsed), "racecheck's prelude does not parse");
    const ast::Module& module = std::get<ast::Module>(parsed);
    auto analyzed = analyze_scopes(module, {});
    RC_CHECK(std::holds_alternative<ScopeInfo>(analyzed), "racecheck's prelude has a scope error");
    const ScopeInfo& scope = std::get<ScopeInfo>(analyzed);
    program.first_prelude_code = static_cast<uint32_t>(program.code.size());
    for (const FunctionScope& fs : scope.functions) {
        FuncId id(static_cast<uint32_t>(program.code.size()));
        try {
            CodeGen gen(tables, scope, CodeKind::Prelude, &fs);
            program.code.push_back(gen.compile_body(fs.def->body, fs.def->name, SourceLoc{}));
        } catch (CompileFailure& f) {
            RC_CHECK(false, ("racecheck's prelude does not compile: " + f.error.message).c_str());
        }
        program.code.back().generator = fs.def->generator;
        const std::string_view name = fs.def->name;
        PreludeFuncs& p = program.prelude;
        const std::pair<std::string_view, FuncId*> table[] = {
            {"_rc_thread_main", &p.thread_main}, {"_rc_wait_for", &p.wait_for},
            {"_rc_pool_worker", &p.pool_worker}, {"_rc_pool_map", &p.pool_map},
            {"_rc_timer_main", &p.timer_main},   {"_rc_drain", &p.drain},
            {"_rc_sum_drain", &p.sum_drain},     {"_rc_drain_checked", &p.drain_checked},
            {"_rc_drain_until_in", &p.drain_until_in}, {"_rc_minmax_drain", &p.minmax_drain},
            {"_rc_unpack", &p.unpack},           {"_rc_any", &p.any},
            {"_rc_all", &p.all},                 {"_rc_contains", &p.contains},
            {"_rc_not_contains", &p.not_contains},
            {"_rc_map", &p.map},                 {"_rc_filter", &p.filter},
            {"_rc_zip", &p.zip},                 {"_rc_enumerate", &p.enumerate},
            {"_rc_list_sort", &p.list_sort},     {"_rc_sorted_key", &p.sorted_key},
            {"_rc_counter_items", &p.counter_items}, {"_rc_counter_iadd", &p.counter_iadd},
            {"_rc_minmax_key_iter", &p.minmax_key_iter},
            {"_rc_pool_results", &p.pool_results}, {"_rc_as_completed", &p.as_completed},
            {"_rc_pool_cancel", &p.pool_cancel}, {"_rc_future_callbacks", &p.future_callbacks},
            {"_rc_barrier_release", &p.barrier_release},
            {"_rc_print", &p.print},             {"_rc_user_len", &p.user_len},
            {"_rc_user_truth", &p.user_truth},   {"_rc_user_contains", &p.user_contains},
            {"_rc_user_iter", &p.user_iter},     {"_rc_construct", &p.construct},
            {"_rc_futures_wait", &p.futures_wait},
            {"_rc_it_count", &p.it_count},       {"_rc_it_cycle", &p.it_cycle},
            {"_rc_it_repeat", &p.it_repeat},     {"_rc_it_islice", &p.it_islice},
            {"_rc_it_chain", &p.it_chain},       {"_rc_it_product", &p.it_product},
            {"_rc_it_permutations", &p.it_permutations}, {"_rc_it_combinations", &p.it_combinations},
            {"_rc_it_accumulate", &p.it_accumulate}, {"_rc_it_zip_longest", &p.it_zip_longest}};
        for (const auto& [n, slot] : table)
            if (n == name) *slot = id;
    }
    program.prelude_end = static_cast<uint32_t>(program.code.size());
    const PreludeFuncs& p = program.prelude;
    for (FuncId f : {p.thread_main, p.wait_for, p.pool_worker, p.pool_map, p.timer_main, p.drain, p.sum_drain,
                     p.drain_checked, p.drain_until_in, p.minmax_drain,
                     p.unpack, p.any, p.all, p.contains, p.not_contains, p.map, p.filter, p.zip, p.enumerate,
                     p.list_sort, p.counter_items, p.counter_iadd, p.sorted_key, p.minmax_key_iter, p.pool_results, p.pool_cancel,
                     p.future_callbacks, p.barrier_release,
                     p.as_completed, p.print, p.user_len, p.user_truth, p.user_contains,
                     p.user_iter, p.construct, p.futures_wait, p.it_count, p.it_cycle, p.it_repeat,
                     p.it_islice, p.it_chain, p.it_product, p.it_permutations, p.it_combinations,
                     p.it_accumulate, p.it_zip_longest})
        RC_CHECK(f.valid(), "racecheck's prelude lacks a function PreludeFuncs names");
}

/// Compiles every generator expression met so far (compiling one may meet more), after all other
/// code objects, and records their FuncIds in Program::genexps.
void compile_genexps(Program& program, ProgramTables& tables, const ScopeInfo& scope) {
    for (size_t k = 0; k < tables.pending_genexps.size(); ++k) {
        const PendingGenExp g = tables.pending_genexps[k];
        FunctionScope fs;
        fs.locals.push_back(".0");
        for (size_t i = 0; i < g.captures.size(); ++i) {
            fs.locals.push_back(g.captures[i]);
            if (g.cells[i]) fs.frees.push_back(g.captures[i]);
        }
        for (uint32_t i = 0; i < fs.locals.size(); ++i) fs.slots.emplace(fs.locals[i], i);
        CodeGen gen(tables, scope, g.kind == CodeKind::Check ? CodeKind::Check : CodeKind::Function, &fs);
        program.genexps[k] = FuncId(static_cast<uint32_t>(program.code.size()));
        program.code.push_back(gen.compile_genexp(*g.node, g.loc));
    }
}

} // namespace

std::variant<Program, CompileError> compile_program(const CompileInput& input) {
    RC_CHECK(input.module != nullptr, "compile_program without a module");
    auto analyzed = analyze_scopes(*input.module, input.param_names);
    if (auto* error = std::get_if<CodeError>(&analyzed)) return CompileError{*error, std::nullopt};
    const ScopeInfo& scope = std::get<ScopeInfo>(analyzed);

    Program program;
    ProgramTables tables(program);
    tables.argv0 = input.argv0;
    program.globals = scope.globals;
    for (const std::string& p : input.param_names) program.params.push_back(*scope.global(p));

    try {
        CodeGen module(tables, scope, CodeKind::Module, nullptr);
        program.code.push_back(module.compile_body(input.module->body, "<module>", {1, 1}));
        for (const FunctionScope& fs : scope.functions) {
            CodeGen gen(tables, scope, CodeKind::Function, &fs);
            program.code.push_back(gen.compile_body(fs.def->body, fs.def->name, fs.loc));
            program.code.back().generator = fs.def->generator;
            program.code.back().qualname = fs.qualname;
        }
    } catch (CompileFailure& f) {
        return CompileError{std::move(f.error), std::nullopt};
    }

    const size_t check_count = input.final_checks.size() + input.always_checks.size();
    for (size_t k = 0; k < check_count; ++k) {
        const bool is_final = k < input.final_checks.size();
        const ast::Expr* e =
            is_final ? input.final_checks[k] : input.always_checks[k - input.final_checks.size()];
        RC_CHECK(e != nullptr, "null check expression");
        FuncId id(static_cast<uint32_t>(program.code.size()));
        try {
            CodeGen gen(tables, scope, CodeKind::Check, nullptr);
            program.code.push_back(
                gen.compile_expression(*e, is_final ? "<final check>" : "<always check>"));
        } catch (CompileFailure& f) {
            return CompileError{std::move(f.error), k};
        }
        (is_final ? program.final_checks : program.always_checks).push_back(id);
    }

    compile_prelude(program, tables);
    try {
        compile_genexps(program, tables, scope);
    } catch (CompileFailure& f) {
        return CompileError{std::move(f.error), std::nullopt};
    }
    tables.finish();
    if (input.warnings) {
        std::vector<CodeError>& w = tables.warnings;
        std::stable_sort(w.begin(), w.end(), [](const CodeError& a, const CodeError& b) {
            return a.loc.line != b.loc.line ? a.loc.line < b.loc.line : a.loc.col < b.loc.col;
        });
        // Code compiled twice (a class body's copy) warns once.
        w.erase(std::unique(w.begin(), w.end(),
                            [](const CodeError& a, const CodeError& b) { return a.loc == b.loc && a.message == b.message; }),
                w.end());
        *input.warnings = std::move(w);
    }
    return program;
}

} // namespace rc
