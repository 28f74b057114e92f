// The racecheck command line; see cli.hpp for the exit-code contract.
//
// `racecheck run FILE...` executes one interleaving per scenario. `racecheck FILE|DIR...` will
// be the full checker; until exploration lands it behaves as `run`. A directory stands for its
// `*.yaml` files in sorted order.
#include "checker/cli.hpp"

#include <algorithm>    // sort, max
#include <charconv>     // from_chars
#include <cstdint>      // uint64_t
#include <exception>    // exception
#include <filesystem>   // directories
#include <optional>     // options the user may leave unset
#include <string>       // paths
#include <system_error> // errc, error_code
#include <vector>       // paths, params

#include <CLI/CLI.hpp>  // CLI::App, CLI::ParseError
#include <fmt/format.h> // messages

#include "checker/run_command.hpp" // run_scenario_once, RunOptions
#include "model/diagnostic.hpp"    // Diagnostic, format_diagnostic
#include "model/scenario.hpp"      // load_scenario, apply_param_override

namespace rc {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 2;
constexpr int kExitInternal = 3;

/// What `run` (and, for now, the bare command) was asked to do.
struct RunRequest {
    std::vector<std::string> paths;
    std::vector<std::string> params; // NAME=VALUE, applied in order
    std::optional<uint64_t> seed;    // unset: the scenario's explore.seed, else RunOptions'
    std::optional<uint64_t> max_steps;
    bool trace = false;
};

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
}

/// Expands folders into their *.yaml files (sorted); files are kept as given.
std::vector<std::string> scenario_files(const std::vector<std::string> &paths, std::ostream &err,
                                        int &exit_code) {
    std::vector<std::string> files;
    for (const auto &path : paths) {
        std::error_code ec;
        if (!std::filesystem::is_directory(path, ec)) {
            files.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        for (const auto &entry : std::filesystem::directory_iterator(path, ec))
            if (entry.path().extension() == ".yaml")
                found.push_back(entry.path().string());
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

/// Loads, overrides and runs each scenario; the exit code is the worst of all runs.
int execute_run(const RunRequest &request, std::ostream &out, std::ostream &err) {
    int exit_code = kExitOk;
    std::vector<std::string> files = scenario_files(request.paths, err, exit_code);
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
        exit_code = std::max(exit_code, run_scenario_once(scenario, options, out, err));
    }
    return exit_code;
}

int parse_and_execute(int argc, const char *const *argv, std::ostream &out, std::ostream &err) {
    CLI::App app{"racecheck: model-checks tutorial Python threading code written as scenario "
                 "YAML files.\n"
                 "`racecheck FILE|DIR...` will explore every interleaving (coming next); for "
                 "now it\nruns one interleaving, exactly like `racecheck run`.",
                 "racecheck"};
    app.set_version_flag("--version", fmt::format("racecheck {}", kVersion));
    app.footer("Exit codes: 0 no findings, 1 findings, 2 bad input or usage, 3 internal bug.");
    app.require_subcommand(0, 1);
    RunRequest bare;
    add_run_options(app, bare);
    RunRequest run;
    CLI::App *run_command = app.add_subcommand("run", "Execute one interleaving of each scenario, "
                                                      "chosen by --seed");
    add_run_options(*run_command, run);
    run_command->get_option("paths")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        int code = app.exit(e, out, err); // prints help, version or the usage error
        return code == 0 ? kExitOk : kExitBadInput;
    }
    if (run_command->parsed())
        return execute_run(run, out, err);
    if (bare.paths.empty()) {
        err << "racecheck: error: no scenario given\n"
            << "Run with --help for more information.\n";
        return kExitBadInput;
    }
    return execute_run(bare, out, err);
}

} // namespace

int run_cli(int argc, const char *const *argv, std::ostream &out, std::ostream &err) {
    try {
        return parse_and_execute(argc, argv, out, err);
    } catch (const std::exception &e) {
        err << "racecheck internal bug: uncaught exception: " << e.what() << "\n"
            << "  this is a bug in racecheck, not in your scenario; please report it with the "
               "scenario file\n";
        return kExitInternal;
    }
}

} // namespace rc
