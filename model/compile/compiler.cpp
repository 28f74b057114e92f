// compile_program: runs scope analysis, then one CodeGen per code object, in FuncId order.
#include "model/compile/compiler.hpp"

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
            RC_CHECK(false, "racecheck's prelude does not compile");
        }
        const std::string_view name = fs.def->name;
        if (name == "_rc_thread_main") program.prelude.thread_main = id;
        else if (name == "_rc_wait_for") program.prelude.wait_for = id;
        else if (name == "_rc_pool_worker") program.prelude.pool_worker = id;
        else if (name == "_rc_pool_map") program.prelude.pool_map = id;
    }
    RC_CHECK(program.prelude.thread_main.valid() && program.prelude.wait_for.valid() &&
                 program.prelude.pool_worker.valid() && program.prelude.pool_map.valid(),
             "racecheck's prelude lacks a function PreludeFuncs names");
}

} // namespace

std::variant<Program, CompileError> compile_program(const CompileInput& input) {
    RC_CHECK(input.module != nullptr, "compile_program without a module");
    auto analyzed = analyze_scopes(*input.module, input.param_names);
    if (auto* error = std::get_if<CodeError>(&analyzed)) return CompileError{*error, std::nullopt};
    const ScopeInfo& scope = std::get<ScopeInfo>(analyzed);

    Program program;
    ProgramTables tables(program);
    program.globals = scope.globals;
    for (const std::string& p : input.param_names) program.params.push_back(*scope.global(p));

    try {
        CodeGen module(tables, scope, CodeKind::Module, nullptr);
        program.code.push_back(module.compile_body(input.module->body, "<module>", {1, 1}));
        for (const FunctionScope& fs : scope.functions) {
            CodeGen gen(tables, scope, CodeKind::Function, &fs);
            program.code.push_back(gen.compile_body(fs.def->body, fs.def->name, fs.loc));
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
    tables.finish();
    return program;
}

} // namespace rc
