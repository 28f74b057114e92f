// `racecheck FILE|DIR...`: load, compile, search, replay witnesses, report. See check_command.hpp.
#include "checker/commands/check_command.hpp"

#include <algorithm>    // sort, find, max
#include <filesystem>   // folders
#include <set>          // kinds found
#include <system_error> // error_code

#include "checker/report/report.hpp"   // Reporter, ScenarioReport
#include "checker/explore/schedule.hpp" // encode_schedule, scenario_fingerprint
#include "checker/explore/session.hpp"  // Session, Budgets, outcome_globals
#include "checker/validate/validation.hpp" // validate, forced_replay_final_values
#include "model/runtime/interpreter.hpp" // Interpreter

namespace rc {

namespace {

Budgets budgets_for(const CheckRequest& rq, const ExploreDefaults& ex) {
    Budgets b;
    b.max_executions = rq.max_executions.value_or(ex.max_executions.value_or(b.max_executions));
    b.max_seconds = rq.max_seconds.value_or(ex.max_seconds.value_or(b.max_seconds));
    b.max_steps = rq.max_steps.value_or(ex.max_steps.value_or(b.max_steps));
    return b;
}

ExpectCheck compare_expect(const Scenario& s, const SearchResult& r) {
    std::set<std::string> found;
    for (const Finding& f : r.findings) found.insert(std::string(finding_kind_name(f.kind)));
    ExpectCheck e;
    for (const std::string& k : known_finding_kinds()) { // documentation order
        bool listed = std::find(s.expect.begin(), s.expect.end(), k) != s.expect.end();
        if (listed && !found.count(k)) e.missing.push_back(k);
        if (!listed && found.count(k)) e.extra.push_back(k);
    }
    return e;
}

/// Runs the scenario's findings (and, for a clean scenario, free runs) on real threads under
/// ThreadSanitizer and records the verdicts in the report (checker/validate/validation.hpp).
void validate_on_real_threads(const CheckRequest& rq, const LoadedScenario& ls,
                              const Interpreter& in, ScenarioReport& report) {
    ValidationOptions opts;
    opts.free_runs = rq.free_runs;
    opts.max_steps = report.budgets.max_steps;
    if (auto why = validation_unavailable(opts)) {
        report.validation_unavailable = *why;
        return;
    }
    std::vector<Finding> findings;
    std::vector<std::vector<std::pair<std::string, std::string>>> expected;
    std::vector<std::string> watched = outcome_globals(ls.compiled->program);
    for (const ReportedFinding& rf : report.findings) {
        findings.push_back(rf.finding);
        expected.push_back(rf.finding.kind == FindingKind::LostUpdate
                               ? forced_replay_final_values(in, ls.compiled->param_values,
                                                            rf.finding.schedule, watched,
                                                            opts.max_steps)
                               : std::vector<std::pair<std::string, std::string>>{});
    }
    report.validation = validate(ls.scenario, findings, expected, opts);
    if (!report.validation) report.validation_unavailable = "validation unavailable";
}

/// Checks one loaded scenario; returns its exit code (0, 1) or 2 for a bad strategy name.
int check_one(const CheckRequest& rq, LoadedScenario& ls, Reporter& reporter, std::ostream& out,
              std::ostream& err) {
    const Scenario& s = ls.scenario;
    std::string strategy_name =
        rq.strategy.value_or(s.explore.strategy.value_or(strategy_registry().front().name));
    const StrategyInfo* info = find_strategy(strategy_name);
    if (!info || info->name == "replay") {
        std::string names;
        for (const StrategyInfo& i : strategy_registry())
            if (i.name != "replay") names += (names.empty() ? "" : ", ") + i.name;
        err << format_diagnostic(Diagnostic{rq.strategy ? "<command line>" : s.file, 0, 0,
                                            "unknown strategy '" + strategy_name + "'",
                                            "strategies: " + names})
            << "\n";
        return kExitBadInput;
    }
    StrategyOptions so;
    so.seed = rq.seed.value_or(s.explore.seed.value_or(so.seed));
    so.preemption_bound = rq.preemption_bound ? rq.preemption_bound : s.explore.preemption_bound;
    std::unique_ptr<Strategy> strategy = info->make(so);

    Interpreter in(ls.compiled->program);
    ScenarioReport report;
    report.scenario = &s;
    report.budgets = budgets_for(rq, s.explore);
    Session session(in, ls.compiled->param_values, detector_context(ls), report.budgets,
                    outcome_globals(ls.compiled->program));
    report.search = session.run(*strategy);
    report.search.strategy = info->name;
    if (report.search.refusal) { // an operation outside the subset: no verdict, exit 2
        err << format_diagnostic(refusal_diagnostic(s, *report.search.refusal)) << "\n";
        RefusedScenario refused{s.file, "unsupported: " + report.search.refusal->what,
                                rq.expect && s.expect.empty()};
        reporter.refused(refused, out);
        return refused.documented ? kExitOk : kExitBadInput;
    }
    if (rq.expect) report.expect = compare_expect(s, report.search);
    uint32_t fingerprint = scenario_fingerprint(s);
    report.replay_command = replay_command_prefix(s.file, rq.params);
    for (Finding& f : report.search.findings) {
        ReportedFinding rf;
        rf.token = encode_schedule(f.schedule, fingerprint);
        rf.witness = session.replay(f.schedule);
        rf.finding = std::move(f);
        report.findings.push_back(std::move(rf));
    }
    report.search.findings.clear();
    for (Outcome& o : report.search.outcomes) {
        ReportedOutcome ro;
        ro.token = encode_schedule(o.schedule, fingerprint);
        ro.outcome = std::move(o);
        report.outcomes.push_back(std::move(ro));
    }
    report.search.outcomes.clear();
    if (rq.validate) validate_on_real_threads(rq, ls, in, report);
    reporter.scenario(report, out);
    if (report.expect) return report.expect->ok() ? kExitOk : kExitFindings;
    return report.findings.empty() && !report.validation_disagrees() ? kExitOk : kExitFindings;
}

} // namespace

DetectorContext detector_context(const LoadedScenario& ls) {
    DetectorContext ctx;
    ctx.program = &ls.compiled->program;
    for (const Check& c : ls.scenario.final_checks) ctx.final_checks.push_back(c.expr);
    for (const Check& c : ls.scenario.always_checks) ctx.always_checks.push_back(c.expr);
    ctx.yaml_line = ls.scenario.code_map.yaml_line;
    return ctx;
}

Diagnostic refusal_diagnostic(const Scenario& s, const Refusal& r) {
    return s.code_map.at(SourceLoc{r.line, r.col}, "unsupported: " + r.what, r.hint);
}

bool LoadFailure::documented() const {
    return at_compile && expect.empty() && diagnostics.size() == 1 &&
           diagnostics[0].message.rfind("unsupported: ", 0) == 0;
}

std::vector<std::string> expand_scenario_paths(const std::vector<std::string>& paths,
                                               std::ostream& err, int& exit_code) {
    std::vector<std::string> files;
    for (const auto& path : paths) {
        std::error_code ec;
        if (!std::filesystem::is_directory(path, ec)) {
            files.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        for (const auto& entry : std::filesystem::directory_iterator(path, ec))
            if (entry.path().extension() == ".yaml") found.push_back(entry.path().string());
        std::sort(found.begin(), found.end());
        if (found.empty()) {
            err << format_diagnostic(Diagnostic{path, 0, 0, "no *.yaml scenario files in folder",
                                                "scenario files end in .yaml"})
                << "\n";
            exit_code = std::max(exit_code, kExitBadInput);
        }
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

std::variant<LoadedScenario, LoadFailure> load_and_compile(const std::string& file,
                                                           const std::vector<std::string>& params) {
    LoadFailure failure;
    auto loaded = load_scenario(file);
    if (auto* d = std::get_if<Diagnostic>(&loaded)) {
        failure.diagnostics.push_back(*d);
        return failure;
    }
    LoadedScenario ls;
    ls.scenario = std::move(std::get<Scenario>(loaded));
    failure.expect = ls.scenario.expect;
    for (const auto& assignment : params)
        if (auto d = apply_param_override(ls.scenario, assignment))
            failure.diagnostics.push_back(*d);
    if (!failure.diagnostics.empty()) return failure;
    auto compiled = compile_scenario(ls.scenario);
    if (auto* d = std::get_if<Diagnostic>(&compiled)) {
        failure.diagnostics.push_back(*d);
        failure.at_compile = true;
        return failure;
    }
    ls.compiled = std::move(std::get<std::unique_ptr<CompiledScenario>>(compiled));
    return ls;
}

std::string replay_command_prefix(const std::string& file, const std::vector<std::string>& params) {
    std::string cmd = "racecheck replay " + file;
    for (const std::string& p : params) cmd += " --param " + p;
    return cmd;
}

int run_check(const CheckRequest& rq, bool out_is_terminal, std::ostream& out, std::ostream& err) {
    int exit_code = kExitOk;
    bool folder = rq.paths.size() > 1;
    for (const auto& p : rq.paths) {
        std::error_code ec;
        folder = folder || std::filesystem::is_directory(p, ec);
    }
    std::vector<std::string> files = expand_scenario_paths(rq.paths, err, exit_code);
    const ReporterInfo* info = find_reporter(rq.format);
    if (!info) {
        err << "racecheck: error: unknown format '" << rq.format << "'\n";
        return kExitBadInput;
    }
    ReportOptions options;
    options.color = out_is_terminal && !rq.no_color;
    options.show_time = out_is_terminal;
    options.all_outcomes = rq.outcomes;
    options.summary = folder;
    std::unique_ptr<Reporter> reporter = info->make(options);
    for (const auto& file : files) {
        auto loaded = load_and_compile(file, rq.params);
        if (auto* f = std::get_if<LoadFailure>(&loaded)) {
            for (const Diagnostic& d : f->diagnostics) err << format_diagnostic(d) << "\n";
            RefusedScenario refused{file, f->diagnostics.front().message,
                                    rq.expect && f->documented()};
            reporter->refused(refused, out);
            if (!refused.documented) exit_code = std::max(exit_code, kExitBadInput);
            continue;
        }
        exit_code = std::max(exit_code,
                             check_one(rq, std::get<LoadedScenario>(loaded), *reporter, out, err));
    }
    reporter->finish(out);
    return exit_code;
}

} // namespace rc
