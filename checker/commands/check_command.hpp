// `racecheck FILE|DIR...`: check scenarios. For each: load, apply --param, compile, run the
// Session with the chosen strategy and budgets, replay every finding's witness, and hand the
// result to the chosen reporter. `racecheck replay` (replay_command.hpp) shares the loading.
#pragma once

#include <cstdint>  // uint32_t, uint64_t
#include <memory>   // unique_ptr
#include <optional> // flags the user may leave unset
#include <ostream>  // output streams
#include <string>   // paths, names
#include <variant>  // loaded scenario or exit code
#include <vector>   // paths, params

#include "checker/detectors/detector.hpp"       // DetectorContext
#include "model/compile/compile_scenario.hpp" // CompiledScenario
#include "model/runtime/interpreter.hpp"       // Limits
#include "model/scenario/scenario.hpp"         // Scenario

namespace rc {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitInternal = 3;
/// Ctrl-C stopped a check that had found nothing so far (128 + SIGINT, as shells report it).
inline constexpr int kExitInterrupted = 130;

/// What the check command was asked to do. Unset budgets fall back to the scenario's `explore:`
/// block, then to Budgets' defaults; an unset strategy to `explore.strategy`, then to the
/// registry's first entry.
struct CheckRequest {
    std::vector<std::string> paths;
    std::vector<std::string> params; // NAME=VALUE, applied in order
    std::optional<std::string> strategy;
    std::optional<uint64_t> seed;
    std::optional<uint32_t> preemption_bound;
    std::optional<uint32_t> pct_depth; // pct and the portfolio's bug hunting
    std::optional<uint64_t> max_executions;
    std::optional<double> max_seconds;
    std::optional<uint64_t> max_steps;
    std::optional<uint64_t> max_memory; // MiB: the program's memory budget (Limits::max_memory)
    bool print_lines = false; // --print-lines: a print() is one write (Limits::print_lines)
    std::string format = "text"; // the report on `out`
    /// Further reports, each written to a file: (format, path), from --output FORMAT=FILE and
    /// --html FILE, in command-line order.
    std::vector<std::pair<std::string, std::string>> outputs;
    bool outcomes = false;
    bool expect = false;
    bool no_color = false;
    bool validate = true;    // validate findings on real threads under TSan (--no-validate)
    bool symmetry = true;    // stateful search may fold threads (--no-symmetry)
    bool keep_going = false; // the portfolio searches a large program on after its first findings
    std::optional<uint64_t> max_state_memory_mb; // stateful search: visited-set bound
    uint64_t free_runs = 20; // --runs: unforced real runs per scenario during validation
    bool progress = false;        // draw a progress line on `err` (set when it is a terminal)
    size_t terminal_columns = 80; // the width of that terminal
};

/// Checks every scenario; returns the exit code: 0 no findings (under --expect: every scenario
/// shows exactly its `expect:` kinds), 1 findings (or a mismatch), 2 bad input. Ctrl-C stops
/// the search under way: its report is still written, marked as interrupted, the scenarios after
/// it are not checked, and the exit code is 1 or 2 as above, else kExitInterrupted (never 0).
int run_check(const CheckRequest& request, bool out_is_terminal, std::ostream& out,
              std::ostream& err);

/// Expands folders into their *.yaml files (sorted); files are kept as given. An empty folder is
/// reported on `err` and raises `exit_code` to 2.
std::vector<std::string> expand_scenario_paths(const std::vector<std::string>& paths,
                                               std::ostream& err, int& exit_code);

/// A scenario loaded, with --param applied, and compiled.
struct LoadedScenario {
    Scenario scenario;
    std::unique_ptr<CompiledScenario> compiled;
};

/// Why a scenario could not be loaded or compiled (each diagnostic is one user error).
struct LoadFailure {
    std::vector<Diagnostic> diagnostics;
    bool at_compile = false;         // the YAML loaded, the code was refused
    std::vector<std::string> expect; // the scenario's `expect:` when the YAML loaded
    /// A refusal that the scenario documents: code outside the subset ("unsupported: ...")
    /// in a scenario that expects no findings (README, "Scenario files").
    bool documented() const;
};

std::variant<LoadedScenario, LoadFailure> load_and_compile(const std::string& file,
                                                           const std::vector<std::string>& params);

/// The detectors' view of the scenario: its program, check texts and source map.
DetectorContext detector_context(const LoadedScenario& ls);

/// The interpreter's limits for a command: Limits' defaults, with --max-memory (MiB) applied
/// (a string may not be longer than the whole budget) and --print-lines.
Limits interpreter_limits(std::optional<uint64_t> max_memory_mib, bool print_lines = false);

/// The diagnostic of an operation outside the subset met at run time, positioned in the
/// scenario file as load-time refusals are: `file:line:col: error: unsupported: <what>`.
Diagnostic refusal_diagnostic(const Scenario& s, const Refusal& r);

/// "racecheck replay FILE [--param NAME=VALUE]... [--print-lines]" (the params as given on the
/// command line; a token made with --print-lines replays only with it).
std::string replay_command_prefix(const std::string& file, const std::vector<std::string>& params,
                                  bool print_lines = false);

} // namespace rc
