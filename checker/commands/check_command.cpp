// `racecheck FILE|DIR...`: load, compile, search, replay witnesses, report. See check_command.hpp.
#include "checker/commands/check_command.hpp"

#include <algorithm>    // sort, find, max
#include <cerrno>       // errno of a report file that cannot be written
#include <chrono>       // the phases' seconds
#include <cstring>      // strerror
#include <filesystem>   // folders
#include <fstream>      // report files
#include <set>          // kinds found
#include <system_error> // error_code

#include <fmt/format.h> // an outcome's omitted token

#include "checker/commands/cli.hpp"           // kVersion
#include "checker/commands/interrupt.hpp"     // InterruptGuard
#include "checker/commands/progress_line.hpp" // ProgressLine
#include "checker/report/report.hpp"   // Reporter, ScenarioReport, kMaxOutcomeToken
#include "checker/report/trace_table.hpp" // grouped
#include "checker/explore/portfolio.hpp" // run_portfolio
#include "checker/explore/schedule.hpp" // encode_schedule, scenario_fingerprint
#include "checker/explore/session.hpp"  // Session, Budgets, outcome_globals
#include "checker/explore/witness_minimizer.hpp" // minimize_witnesses, simplify_witnesses
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

/// The validation's options as far as they are known before the search.
ValidationOptions validation_options(const CheckRequest& rq, const ScenarioReport& report) {
    ValidationOptions opts;
    opts.free_runs = rq.free_runs;
    opts.max_steps = report.budgets.max_steps;
    opts.print_lines = rq.print_lines;
    return opts;
}

/// Runs the scenario's findings (and, for a clean scenario, free runs) on real threads under
/// ThreadSanitizer and records the verdicts in the report (checker/validate/validation.hpp).
/// `head`: the first free run, started beside the search, if it was.
void validate_on_real_threads(const CheckRequest& rq, const LoadedScenario& ls,
                              const Interpreter& in, ScenarioReport& report,
                              FreeRunHeadStart* head) {
    ValidationOptions opts = validation_options(rq, report);
    if (report.search.executions) opts.execution_steps = report.search.steps / report.search.executions;
    if (auto why = validation_unavailable(opts)) {
        report.validation_unavailable = *why;
        return;
    }
    std::vector<Finding> findings;
    for (const ReportedFinding& rf : report.findings) findings.push_back(rf.finding);
    // Made by validate() while the forced replays run, on this thread (the model's replays).
    auto expected = [&]() {
        ExpectedValues::Values values;
        std::vector<std::string> watched = outcome_globals(ls.compiled->program);
        for (size_t i = 0; i < findings.size(); ++i) {
            values.emplace_back();
            if (findings[i].kind != FindingKind::LostUpdate) continue;
            // A lost update's final values: the globals the checks read, and the one it is on (a
            // program without checks has only that one).
            std::vector<std::string> names = watched;
            for (std::string v : findings[i].variables) {
                if (v.size() >= 2 && v.front() == '`' && v.back() == '`') v = v.substr(1, v.size() - 2);
                v = v.substr(0, v.find_first_of(".[ ")); // counter, account.balance, counts['a']
                if (std::find(names.begin(), names.end(), v) == names.end()) names.push_back(v);
            }
            // its forced replay may be that of a longer witness that begins with it
            values.back() = forced_replay_final_values(in, ls.compiled->param_values,
                                                       findings[forced_schedule_of(findings, i)].schedule,
                                                       names, opts.max_steps);
        }
        return values;
    };
    report.validation = validate(ls.scenario, findings, std::function<ExpectedValues::Values()>(expected),
                                 opts, head);
    if (!report.validation) report.validation_unavailable = "validation unavailable";
}

/// A reporter and where its report goes.
struct ReportTarget {
    std::unique_ptr<Reporter> reporter;
    std::ostream* out = nullptr;
    bool outcome_traces = false; // ReporterInfo::outcome_traces
};

/// Checks one loaded scenario; returns its exit code (0, 1) or 2 for a bad strategy name.
/// `interrupted` is set when Ctrl-C came while it was checked (the run then ends).
int check_one(const CheckRequest& rq, LoadedScenario& ls, std::vector<ReportTarget>& targets,
              std::ostream& err, bool& interrupted) {
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
    if (rq.max_state_memory_mb) so.memory_mb = *rq.max_state_memory_mb;
    if (rq.pct_depth) so.pct_depth = *rq.pct_depth;
    std::unique_ptr<Strategy> strategy = info->make(so);

    Interpreter in(ls.compiled->program, interpreter_limits(rq.max_memory, rq.print_lines));
    ScenarioReport report;
    report.scenario = &s;
    report.budgets = budgets_for(rq, s.explore);
    Session session(in, ls.compiled->param_values, detector_context(ls), report.budgets,
                    outcome_globals(ls.compiled->program));
    session.set_symmetry(rq.symmetry);
    auto phase = std::chrono::steady_clock::now();
    auto since = [](std::chrono::steady_clock::time_point t) {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    };
    ProgressLine line(err, s.name, report.budgets, rq.terminal_columns);
    const ProgressHook hook = [&](const SearchProgress& p) {
        if (rq.progress) line.update(p);
        return !InterruptGuard::requested();
    };
    // The validation's first free run needs nothing the search finds: it runs beside it.
    std::optional<FreeRunHeadStart> head;
    if (rq.validate && rq.free_runs > 0 && !validation_unavailable(validation_options(rq, report)))
        head.emplace(s, validation_options(rq, report));
    PortfolioOptions po;
    po.seed = so.seed;
    po.pct_depth = so.pct_depth;
    po.keep_going = rq.keep_going;
    report.search = info->portfolio ? run_portfolio(session, *strategy, "state", po, hook)
                                    : session.run(*strategy, hook);
    line.clear();
    report.seconds.search = since(phase);
    phase = std::chrono::steady_clock::now();
    interrupted = report.search.stopped_by == StopReason::Interrupted;
    if (!interrupted && !report.search.refusal &&
        report.search.stopped_by != StopReason::FirstFindings && // no systematic search ran
        (strategy->stateful() || strategy->wants_footprints())) {
        // A reduction's witnesses are whatever reached each bug first: show the fewest-preemption
        // ones, as preemption bounding finds them, within a quarter of the time budget.
        Budgets mb = report.budgets;
        mb.max_seconds = std::min(2.0, mb.max_seconds / 4);
        minimize_witnesses(in, ls.compiled->param_values, detector_context(ls),
                           outcome_globals(ls.compiled->program), mb, report.search);
    }
    WitnessSimplification simplification;
    if (!interrupted && !report.search.refusal && !report.search.findings.empty()) {
        // Whatever the strategy: witnesses that take the highlighted steps in order and let each
        // thread run on otherwise, when they show the same bug with fewer preemptions. A few runs
        // a finding: the whole time budget again bounds them, not a slice of it, so that what
        // the report shows does not depend on the machine's load (under a 2 s cap, a loaded
        // machine left the tutorial's failed check with its 999,999-preemption witness).
        Budgets sb = report.budgets;
        simplification = simplify_witnesses(in, ls.compiled->param_values, detector_context(ls),
                           outcome_globals(ls.compiled->program), sb, report.search);
    }
    report.seconds.witnesses = since(phase);
    phase = std::chrono::steady_clock::now();
    if (report.search.strategy.empty()) report.search.strategy = info->name;
    if (report.search.refusal) { // an operation outside the subset: no verdict, exit 2
        const Diagnostic where = refusal_diagnostic(s, *report.search.refusal);
        err << format_diagnostic(where) << "\n";
        RefusedScenario refused{s.file, "unsupported: " + report.search.refusal->what,
                                rq.expect && s.expect.empty(), {where}};
        for (ReportTarget& t : targets) t.reporter->refused(refused, *t.out);
        return refused.documented ? kExitOk : kExitBadInput;
    }
    if (rq.expect) report.expect = compare_expect(s, report.search);
    uint32_t fingerprint = scenario_fingerprint(s);
    report.replay_command = replay_command_prefix(s.file, rq.params, rq.print_lines);
    report.print_lines = rq.print_lines;
    for (Finding& f : report.search.findings) {
        ReportedFinding rf;
        rf.token = encode_schedule(f.schedule, fingerprint);
        // replayed already: the simplification keeps only replays of exactly this schedule
        auto simplified = simplification.traces.find(f.key);
        if (simplified != simplification.traces.end())
            rf.witness = std::move(simplified->second);
        else
            rf.witness = session.replay(f.schedule);
        rf.finding = std::move(f);
        report.findings.push_back(std::move(rf));
    }
    report.search.findings.clear();
    bool outcome_traces = false;
    for (const ReportTarget& t : targets) outcome_traces = outcome_traces || t.outcome_traces;
    for (Outcome& o : report.search.outcomes) {
        if (o.ending.rfind("cut by ", 0) == 0) { // no outcome: the execution never reached one
            auto it = std::find_if(report.cut.begin(), report.cut.end(),
                                   [&](const auto& c) { return c.first == o.ending; });
            if (it == report.cut.end()) it = report.cut.insert(report.cut.end(), {o.ending, 0});
            it->second += o.count;
            continue;
        }
        ReportedOutcome ro;
        ro.token = encode_schedule(o.schedule, fingerprint);
        if (ro.token.size() > kMaxOutcomeToken) {
            uint64_t switches = 0;
            for (size_t k = 1; k < o.schedule.size(); ++k)
                switches += o.schedule[k].thread != o.schedule[k - 1].thread;
            ro.token_omitted = fmt::format("no replay token: its execution switches threads {} times, a "
                                           "token of {} KiB (an outcome's token is left out past {} KiB)",
                                           grouped(switches), ro.token.size() / 1024, kMaxOutcomeToken / 1024);
            ro.token.clear();
        }
        if (outcome_traces && report.outcomes.size() < kOutcomeTraces)
            ro.witness = session.replay(o.schedule);
        ro.outcome = std::move(o);
        report.outcomes.push_back(std::move(ro));
    }
    report.search.outcomes.clear();
    report.seconds.replays = since(phase);
    phase = std::chrono::steady_clock::now();
    // Ctrl-C after the search (during the replays above, or during validation, whose
    // racecheck_tsan runs get the signal too and fail): no validation verdicts, and the run ends.
    if (interrupted) {
        if (rq.validate)
            report.validation_unavailable = "validation on real threads skipped: the search was "
                                            "interrupted (Ctrl-C)";
    } else if (InterruptGuard::requested()) {
        if (rq.validate) report.validation_unavailable = "validation on real threads skipped: Ctrl-C";
        interrupted = true;
    } else if (rq.validate) {
        validate_on_real_threads(rq, ls, in, report, head ? &*head : nullptr);
        report.seconds.validation = since(phase);
        if (InterruptGuard::requested()) {
            report.validation.reset();
            report.validation_unavailable = "validation on real threads interrupted (Ctrl-C)";
            interrupted = true;
        }
    }
    for (ReportTarget& t : targets) t.reporter->scenario(report, *t.out);
    if (report.expect) return report.expect->ok() ? kExitOk : kExitFindings;
    return report.findings.empty() && !report.validation_disagrees() ? kExitOk : kExitFindings;
}

/// Opens every report: `--format` on `out`, each --output/--html file. A file that cannot be
/// written is reported on `err` (nullopt): nothing is checked then.
std::optional<std::vector<ReportTarget>> open_reports(
    const CheckRequest& rq, const ReportOptions& terminal_options, std::ostream& out,
    std::ostream& err, std::vector<std::unique_ptr<std::ofstream>>& files) {
    std::vector<ReportTarget> targets;
    auto add = [&](const std::string& format, const ReportOptions& options, std::ostream* to) {
        const ReporterInfo* info = find_reporter(format);
        if (!info) {
            std::string names;
            for (const ReporterInfo& i : reporter_registry())
                names += (names.empty() ? "" : ", ") + i.name;
            err << format_diagnostic(Diagnostic{"<command line>", 0, 0,
                                                "unknown report format '" + format + "'",
                                                "formats: " + names})
                << "\n";
            return false;
        }
        targets.push_back(ReportTarget{info->make(options), to, info->outcome_traces});
        return true;
    };
    if (!add(rq.format, terminal_options, &out)) return std::nullopt;
    ReportOptions file_options = terminal_options; // files: never colour, never times
    file_options.color = file_options.show_time = false;
    for (const auto& [format, path] : rq.outputs) {
        files.push_back(std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc));
        if (!*files.back()) {
            err << format_diagnostic(Diagnostic{
                       "<command line>", 0, 0,
                       "cannot write the " + format + " report to '" + path + "': " +
                           std::strerror(errno),
                       "give a path in a folder that exists and that you may write to"})
                << "\n";
            return std::nullopt;
        }
        if (!add(format, file_options, files.back().get())) return std::nullopt;
    }
    return targets;
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

Limits interpreter_limits(std::optional<uint64_t> max_memory_mib, bool print_lines) {
    Limits limits;
    limits.print_lines = print_lines;
    if (max_memory_mib) {
        limits.max_memory = *max_memory_mib << 20;
        limits.max_string = std::min(limits.max_string, limits.max_memory);
    }
    return limits;
}

std::string replay_command_prefix(const std::string& file, const std::vector<std::string>& params,
                                  bool print_lines) {
    std::string cmd = "racecheck replay " + file;
    for (const std::string& p : params) cmd += " --param " + p;
    if (print_lines) cmd += " --print-lines";
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
    ReportOptions options;
    options.color = out_is_terminal && !rq.no_color;
    options.show_time = out_is_terminal;
    options.all_outcomes = rq.outcomes;
    options.summary = folder;
    options.version = kVersion;
    std::vector<std::unique_ptr<std::ofstream>> report_files;
    auto targets = open_reports(rq, options, out, err, report_files);
    if (!targets) return kExitBadInput;
    InterruptGuard ctrl_c; // Ctrl-C stops the search under way; its report is still written
    RunEnd end;
    for (const auto& file : files) {
        if (end.interrupted) {
            end.unchecked.push_back(file);
            continue;
        }
        auto loaded = load_and_compile(file, rq.params);
        if (auto* f = std::get_if<LoadFailure>(&loaded)) {
            for (const Diagnostic& d : f->diagnostics) err << format_diagnostic(d) << "\n";
            RefusedScenario refused{file, f->diagnostics.front().message,
                                    rq.expect && f->documented(), f->diagnostics};
            for (ReportTarget& t : *targets) t.reporter->refused(refused, *t.out);
            if (!refused.documented) exit_code = std::max(exit_code, kExitBadInput);
            continue;
        }
        for (const Diagnostic& w : std::get<LoadedScenario>(loaded).compiled->warnings)
            err << format_warning(w) << "\n";
        exit_code = std::max(exit_code, check_one(rq, std::get<LoadedScenario>(loaded), *targets,
                                                  err, end.interrupted));
    }
    for (ReportTarget& t : *targets) {
        t.reporter->finish(end, *t.out);
        t.out->flush();
    }
    for (size_t i = 0; i < report_files.size(); ++i) {
        if (report_files[i]->good()) continue;
        err << format_diagnostic(Diagnostic{"<command line>", 0, 0,
                                            "writing the report to '" + rq.outputs[i].second +
                                                "' failed",
                                            "check that the disk is not full"})
            << "\n";
        exit_code = std::max(exit_code, kExitBadInput);
    }
    if (end.interrupted && exit_code == kExitOk) return kExitInterrupted;
    return exit_code;
}

} // namespace rc
