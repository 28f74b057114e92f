// compile_scenario: parse, compile, and map errors into the YAML file.
#include "model/compile/compile_scenario.hpp"

#include "model/compile/compiler.hpp" // compile_program
#include "model/syntax/parser.hpp"   // parse_module

namespace rc {

namespace {

/// The Diagnostic for an error at `loc` inside the text of check `c`.
Diagnostic at_check(const Scenario& s, const Check& c, const CodeError& e) {
    Diagnostic d;
    d.file = s.file;
    d.line = c.yaml_line + (e.loc.line > 1 ? e.loc.line - 1 : 0);
    d.col = c.yaml_col + (e.loc.col > 0 ? e.loc.col - 1 : 0);
    d.message = e.message + " (in check `" + c.expr + "`)";
    d.hint = e.hint;
    return d;
}

} // namespace

std::variant<std::unique_ptr<CompiledScenario>, Diagnostic> compile_scenario(const Scenario& s) {
    auto parsed = parse_module(s.code);
    if (auto* e = std::get_if<CodeError>(&parsed)) return s.code_map.at(e->loc, e->message, e->hint);
    const ast::Module& module = std::get<ast::Module>(parsed);

    std::vector<const Check*> checks;
    for (const Check& c : s.final_checks) checks.push_back(&c);
    for (const Check& c : s.always_checks) checks.push_back(&c);
    std::vector<ast::Module> check_modules;
    check_modules.reserve(checks.size());
    std::vector<CodeError> warnings = module.warnings;
    std::vector<CodeError> compile_warnings;
    CompileInput in;
    in.module = &module;
    in.argv0 = s.file;
    in.warnings = &compile_warnings;
    for (auto& [name, value] : s.params) in.param_names.push_back(name);
    for (size_t i = 0; i < checks.size(); ++i) {
        auto pc = parse_module(checks[i]->expr);
        if (auto* e = std::get_if<CodeError>(&pc)) {
            // A flow list (`final: [a == f(1, 2)]`) splits a check at its commas: the next item
            // starting on the same line is the rest of it.
            const bool same_list = i + 1 < checks.size() && (i + 1 < s.final_checks.size()) == (i < s.final_checks.size());
            if (e->hint.empty() && same_list && checks[i + 1]->yaml_line == checks[i]->yaml_line)
                e->hint = "in a YAML list written `[...]` every comma separates two checks; quote the "
                          "check (`[\"" + checks[i]->expr + ", " + checks[i + 1]->expr +
                          "\"]`) or write each check on its own `- ` line";
            return at_check(s, *checks[i], *e);
        }
        check_modules.push_back(std::move(std::get<ast::Module>(pc)));
        const ast::Module& m = check_modules.back();
        const ast::ExprStmt* es =
            m.body.size() == 1 ? std::get_if<ast::ExprStmt>(&m.body[0].node) : nullptr;
        if (!es)
            return at_check(s, *checks[i],
                            CodeError{{1, 1}, "a check must be one expression", "write a Python expression such as `counter == THREADS * ITERATIONS`"});
        (i < s.final_checks.size() ? in.final_checks : in.always_checks).push_back(&es->value);
    }
    auto compiled = compile_program(in);
    if (auto* e = std::get_if<CompileError>(&compiled)) {
        if (e->check_index) return at_check(s, *checks[*e->check_index], e->error);
        return s.code_map.at(e->error.loc, e->error.message, e->error.hint);
    }
    auto out = std::make_unique<CompiledScenario>();
    out->program = std::move(std::get<Program>(compiled));
    out->program.display_line = s.code_map.yaml_line;
    warnings.insert(warnings.end(), compile_warnings.begin(), compile_warnings.end());
    for (const CodeError& w : warnings) out->warnings.push_back(s.code_map.at(w.loc, w.message, w.hint));
    for (auto& [name, value] : s.params) out->param_values.push_back(value);
    return out;
}

} // namespace rc
