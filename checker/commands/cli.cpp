// The racecheck command line; see cli.hpp for the exit-code contract.
//
// `racecheck FILE|DIR...` checks scenarios (check_command), `racecheck replay` steps through one
// interleaving (replay_command), `racecheck run FILE...` executes one interleaving per scenario
// (run_command). A directory stands for its `*.yaml` files in sorted order. Lists of strategies
// and report formats in --help come from their registries.
#include "checker/commands/cli.hpp"

#include <algorithm>    // max
#include <charconv>     // from_chars
#include <cstdint>      // uint64_t
#include <exception>    // exception
#include <optional>     // options the user may leave unset
#include <string>       // paths
#include <system_error> // errc
#include <vector>       // paths, params

#include <iostream>     // cout, cerr: are `out` and `err` the process's stdout and stderr?
#include <sys/ioctl.h>  // TIOCGWINSZ: the terminal's width, for the progress line
#include <unistd.h>     // isatty

#include <CLI/CLI.hpp>  // CLI::App, CLI::ParseError
#include <fmt/format.h> // messages
#include <fmt/ranges.h> // join

#include "checker/commands/check_command.hpp"  // run_check, CheckRequest, expand_scenario_paths
#include "checker/commands/replay_command.hpp" // run_replay, ReplayRequest
#include "checker/report/report.hpp"         // reporter_registry
#include "checker/commands/run_command.hpp"    // run_scenario_once, RunOptions
#include "checker/strategies/strategy.hpp"       // strategy_registry
#include "model/scenario/diagnostic.hpp"    // Diagnostic, format_diagnostic
#include "model/scenario/scenario.hpp"      // load_scenario, apply_param_override

namespace rc {
namespace {

/// What `run` was asked to do.
struct RunRequest {
    std::vector<std::string> paths;
    std::vector<std::string> params; // NAME=VALUE, applied in order
    std::optional<uint64_t> seed;    // unset: the scenario's explore.seed, else RunOptions'
    std::optional<uint64_t> max_steps;
    std::optional<uint64_t> max_memory; // MiB
    bool print_lines = false;
    bool trace = false;
};

/// --max-memory MIB, for every command: the program's memory budget (Limits::max_memory).
void add_max_memory(CLI::App &app, std::optional<uint64_t> &mib) {
    app.add_option("--max-memory", mib,
                   fmt::format("The program's memory budget in MiB (default {}); an execution "
                               "that passes it stops and is reported as stopped at a limit",
                               Limits{}.max_memory >> 20))
        ->type_name("MIB")
        ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 20));
}

/// --print-lines, for every command (Limits::print_lines).
void add_print_lines(CLI::App &app, bool &flag, const char *what) {
    app.add_flag("--print-lines", flag, what);
}

constexpr const char *kPrintLinesHelp =
    "Coarser, faster model: each print() is one write of its whole line. CPython writes each "
    "object, separator and end separately, so another thread's write can land inside a line; "
    "those outputs are then not explored (the report says so)";

/// A decimal uint64: CLI11 alone would wrap "-1" to 2^64-1 and saturate on overflow.
CLI::Validator unsigned_integer() {
    return CLI::Validator(
        [](std::string &text) -> std::string {
            uint64_t value = 0;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            bool ok = !text.empty() && ec == std::errc{} && end == text.data() + text.size();
            return ok ? "" : fmt::format("expected an integer from 0 to 2^64-1, got '{}'", text);
        },
        "");
}

void add_run_options(CLI::App &app, RunRequest &request) {
    app.add_option("paths", request.paths, "Scenario files, or folders of *.yaml scenarios")
        ->type_name("FILE|DIR");
    app.add_option("--seed", request.seed,
                   "Seed choosing the interleaving (default: the scenario's explore.seed, else 1)")
        ->check(unsigned_integer());
    app.add_option("--param", request.params, "Override a scenario param, e.g. ITERATIONS=3")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false) // one NAME=VALUE per --param; what follows is a path
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_option("--max-steps", request.max_steps,
                   "Steps allowed in one execution (default: explore.max_steps, else 100000)")
        ->check(unsigned_integer());
    app.add_flag("--trace", request.trace, "Print every visible operation as it runs");
    add_max_memory(app, request.max_memory);
    add_print_lines(app, request.print_lines, "Each print() is one write of its whole line (as check --print-lines)");
}

/// Loads, overrides and runs each scenario; the exit code is the worst of all runs.
int execute_run(const RunRequest &request, std::ostream &out, std::ostream &err) {
    int exit_code = kExitOk;
    std::vector<std::string> files = expand_scenario_paths(request.paths, err, exit_code);
    for (const auto &file : files) {
        if (files.size() > 1)
            out << "== " << file << "\n";
        auto loaded = load_scenario(file);
        if (auto *d = std::get_if<Diagnostic>(&loaded)) {
            err << format_diagnostic(*d) << "\n";
            exit_code = std::max(exit_code, kExitBadInput);
            continue;
        }
        Scenario &scenario = std::get<Scenario>(loaded);
        bool params_ok = true;
        for (const auto &assignment : request.params) {
            if (auto d = apply_param_override(scenario, assignment)) {
                err << format_diagnostic(*d) << "\n";
                params_ok = false;
            }
        }
        if (!params_ok) {
            exit_code = std::max(exit_code, kExitBadInput);
            continue;
        }
        RunOptions options;
        options.seed = request.seed.value_or(scenario.explore.seed.value_or(options.seed));
        options.max_steps =
            request.max_steps.value_or(scenario.explore.max_steps.value_or(options.max_steps));
        options.trace = request.trace;
        options.limits = interpreter_limits(request.max_memory, request.print_lines);
        exit_code = std::max(exit_code, run_scenario_once(scenario, options, out, err));
    }
    return exit_code;
}

/// "  pb      iterative preemption bounding..." for each entry, for --help.
template <class Registry> std::string registry_help(const Registry &registry, const char *skip) {
    std::string text;
    for (const auto &info : registry)
        if (info.name != skip) text += fmt::format("\n  {:<8}{}", info.name, info.help);
    return text;
}

template <class Registry> std::vector<std::string> registry_names(const Registry &registry,
                                                                   const char *skip) {
    std::vector<std::string> names;
    for (const auto &info : registry)
        if (info.name != skip) names.push_back(info.name);
    return names;
}

/// "FORMAT=FILE" with a known FORMAT and a non-empty FILE (--output).
CLI::Validator format_and_file() {
    return CLI::Validator(
        [](std::string &text) -> std::string {
            const size_t eq = text.find('=');
            const std::string names = fmt::format("{}", fmt::join(registry_names(reporter_registry(), ""), ", "));
            if (eq == std::string::npos || eq + 1 == text.size())
                return fmt::format("expected FORMAT=FILE, got '{}' (formats: {})", text, names);
            if (!find_reporter(text.substr(0, eq)))
                return fmt::format("unknown report format '{}' (formats: {})", text.substr(0, eq),
                                   names);
            return "";
        },
        "");
}

void add_check_options(CLI::App &app, CheckRequest &rq) {
    app.add_option("paths", rq.paths, "Scenario files, or folders of *.yaml scenarios")
        ->type_name("FILE|DIR");
    app.add_option("--param", rq.params, "Override a scenario param, e.g. ITERATIONS=3")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_option("--strategy", rq.strategy,
                   "How to explore (default: the scenario's explore.strategy, else " +
                       strategy_registry().front().name + "):" +
                       registry_help(strategy_registry(), "replay"))
        ->type_name("NAME")
        ->check(CLI::IsMember(registry_names(strategy_registry(), "replay")));
    app.add_option("--seed", rq.seed, "Seed of the random strategy (default: explore.seed, else 1)")
        ->check(unsigned_integer());
    app.add_option("--pct-depth", rq.pct_depth,
                   fmt::format("pct (and the portfolio's bug hunting): the bug depth d, d − 1 "
                               "priority change points per execution (default {})",
                               StrategyOptions{}.pct_depth))
        ->check(CLI::Range(1u, 64u));
    app.add_flag("--keep-going", rq.keep_going,
                 "portfolio: search a large program (over 20,000 steps per execution) on after "
                 "the first execution that shows a bug, until the budget ends (by default its "
                 "search ends there)");
    app.add_option("--preemption-bound", rq.preemption_bound,
                   "pb: the largest number of preemptions to try (default: explore."
                   "preemption_bound, else until exhausted)");
    app.add_option("--max-executions", rq.max_executions,
                   fmt::format("Budget: executions (default: explore.max_executions, else {})",
                               Budgets{}.max_executions))
        ->check(unsigned_integer());
    app.add_option("--max-seconds", rq.max_seconds,
                   fmt::format("Budget: wall-clock seconds (default: explore.max_seconds, else {})",
                               Budgets{}.max_seconds))
        ->check(CLI::NonNegativeNumber);
    app.add_option("--max-steps", rq.max_steps,
                   fmt::format("Budget: steps per execution (default: explore.max_steps, else {})",
                               Budgets{}.max_steps))
        ->check(unsigned_integer());
    app.add_flag("!--no-symmetry", rq.symmetry,
                 "state: never merge states that differ only by a permutation of threads");
    app.add_option("--max-state-memory", rq.max_state_memory_mb,
                   fmt::format("state: bound of the visited states, in MB (default {})",
                               StrategyOptions{}.memory_mb))
        ->check(unsigned_integer());
    app.add_option("--format", rq.format, "Report format (default: text):" +
                                              registry_help(reporter_registry(), ""))
        ->type_name("NAME")
        ->check(CLI::IsMember(registry_names(reporter_registry(), "")));
    // Both fill rq.outputs in command-line order: each occurrence is handled as it is parsed.
    app.add_option_function<std::string>(
           "--output",
           [&rq](const std::string &spec) {
               const size_t eq = spec.find('=');
               rq.outputs.emplace_back(spec.substr(0, eq), spec.substr(eq + 1));
           },
           "Also write the report in FORMAT to FILE (repeatable; FORMAT is a --format name), "
           "e.g. --output sarif=racecheck.sarif --output junit=racecheck.xml")
        ->type_name("FORMAT=FILE")
        ->allow_extra_args(false)
        ->check(format_and_file())
        ->trigger_on_parse();
    app.add_option_function<std::string>(
           "--html",
           [&rq](const std::string &file) { rq.outputs.emplace_back("html", file); },
           "Also write a self-contained HTML page to FILE: each witness as swimlanes beside "
           "the code, the outcomes with their interleavings (same as --output html=FILE)")
        ->type_name("FILE")
        ->allow_extra_args(false)
        ->trigger_on_parse();
    app.add_flag("--outcomes", rq.outcomes,
                 "List every distinct outcome with its count and replay token");
    app.add_flag("--expect", rq.expect,
                 "Exit 0 exactly when every scenario shows exactly the finding kinds of its "
                 "`expect:` list; print what is missing or extra");
    app.add_flag("--no-color", rq.no_color, "Never colour the output (it is only ever coloured "
                                            "on a terminal)");
    app.add_flag("!--no-validate", rq.validate,
                 "Skip validating findings on real threads under ThreadSanitizer");
    app.add_option("--runs", rq.free_runs,
                   fmt::format("Validation: unforced real-thread runs per scenario (default {})",
                               CheckRequest{}.free_runs))
        ->check(unsigned_integer());
    add_max_memory(app, rq.max_memory);
    add_print_lines(app, rq.print_lines, kPrintLinesHelp);
}

/// Whether stderr is a terminal, and its width: the progress line is drawn only there.
struct Terminal {
    bool is_terminal = false;
    size_t columns = 80;
};

int parse_and_execute(int argc, const char *const *argv, bool tty, const Terminal &stderr_terminal,
                      std::ostream &out, std::ostream &err) {
    CLI::App app{"racecheck: model-checks tutorial Python threading code written as scenario "
                 "YAML files.\n"
                 "`racecheck FILE|DIR...` explores the interleavings of each scenario and "
                 "reports\nfindings (data races, lost updates, deadlocks, lost wakeups, failed "
                 "checks,\nuncaught exceptions, lock-order cycles) with a replayable witness.",
                 "racecheck"};
    app.set_version_flag("--version", fmt::format("racecheck {}", kVersion));
    app.footer("Exit codes: 0 no findings, 1 findings, 2 bad input or usage, 3 internal bug,\n"
               "130 interrupted by Ctrl-C before anything was found (Ctrl-C stops the search and\n"
               "still prints what was found, marked as interrupted).");
    app.require_subcommand(0, 1);
    CheckRequest check;
    add_check_options(app, check);

    RunRequest run;
    CLI::App *run_command = app.add_subcommand("run", "Execute one interleaving of each scenario, "
                                                      "chosen by --seed");
    add_run_options(*run_command, run);
    run_command->get_option("paths")->required();

    ReplayRequest replay;
    CLI::App *replay_command = app.add_subcommand(
        "replay", "Step through one interleaving given by a schedule token from a report");
    replay_command->add_option("file", replay.file, "The scenario the token was made for")
        ->type_name("FILE")
        ->required();
    replay_command->add_option("--schedule", replay.schedule, "The token (rc2....)")
        ->type_name("TOKEN")
        ->required();
    replay_command->add_option("--param", replay.params,
                               "The param overrides the token was made with")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    replay_command->add_option("--max-steps", replay.max_steps,
                               "Steps allowed (default: explore.max_steps, else the default)")
        ->check(unsigned_integer());
    replay_command->add_flag("--no-color", replay.no_color, "Never colour the output");
    replay_command->add_flag("--full", replay.full,
                             "Show every step (a long witness is folded as in the check report)");
    add_max_memory(*replay_command, replay.max_memory);
    add_print_lines(*replay_command, replay.print_lines,
                    "Each print() is one write, as for a check with --print-lines that made the token");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        int code = app.exit(e, out, err); // prints help, version or the usage error
        return code == 0 ? kExitOk : kExitBadInput;
    }
    if (run_command->parsed())
        return execute_run(run, out, err);
    if (replay_command->parsed())
        return run_replay(replay, tty, out, err);
    if (check.paths.empty()) {
        err << "racecheck: error: no scenario given\n"
            << "Run with --help for more information.\n";
        return kExitBadInput;
    }
    check.progress = stderr_terminal.is_terminal;
    check.terminal_columns = stderr_terminal.columns;
    return run_check(check, tty, out, err);
}

} // namespace

int run_cli(int argc, const char *const *argv, std::ostream &out, std::ostream &err) {
    try {
        bool tty = &out == &std::cout && isatty(STDOUT_FILENO) == 1;
        Terminal stderr_terminal;
        if (&err == &std::cerr && isatty(STDERR_FILENO) == 1) {
            stderr_terminal.is_terminal = true;
            winsize size{};
            if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
                stderr_terminal.columns = size.ws_col;
        }
        return parse_and_execute(argc, argv, tty, stderr_terminal, out, err);
    } catch (const std::exception &e) {
        err << "racecheck internal bug: uncaught exception: " << e.what() << "\n"
            << "  this is a bug in racecheck, not in your scenario; please report it with the "
               "scenario file\n";
        return kExitInternal;
    }
}

} // namespace rc
