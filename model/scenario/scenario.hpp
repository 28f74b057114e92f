// A scenario file: the tutorial's Python code plus what to check and what it should show.
//
// load_scenario validates the YAML strictly (unknown keys, wrong types, duplicates and
// malformed YAML are Diagnostics pointing at the offending node) and records, in a SourceMap,
// where every line of the `code:` block sits in the YAML file, so errors found later in the
// code (lexer, parser, compiler, runtime) are reported at a YAML file:line:col.
// scenario.cpp is the only file in racecheck that includes yaml-cpp.
#pragma once

#include <cstddef>     // size_t
#include <cstdint>     // uint32_t, uint64_t, int64_t
#include <optional>    // explore defaults, override errors
#include <string>      // names, code, paths
#include <string_view> // YAML text, override assignments
#include <utility>     // pair
#include <variant>     // Scenario or Diagnostic
#include <vector>      // params, checks, lines

#include "model/scenario/diagnostic.hpp" // Diagnostic
#include "model/scenario/source_loc.hpp" // SourceLoc

namespace rc {

/// Maps a position in the code block (SourceLoc, 1-based) to a position in the YAML file.
struct SourceMap {
    std::string file;
    /// yaml_line[code_line]: the 1-based YAML line of each 1-based code line. Index 0 holds the
    /// line of the `code:` value itself (the `|` header), used for positions that are unknown.
    /// invariant: non-empty once built by the loader.
    std::vector<uint32_t> yaml_line;
    /// Columns the code is shifted right by in the file: code col c is YAML col c + indent.
    uint32_t indent = 0;

    /// The Diagnostic for `message` at code position `loc`. Lines past the block are
    /// extrapolated from its last line; line 0 maps to the `code:` value's own line.
    Diagnostic at(SourceLoc loc, std::string message, std::string hint) const;
};

/// One `checks.final` / `checks.always` entry: a Python expression over the program's globals.
struct Check {
    std::string expr;
    /// 1-based YAML position of the expression's first character (after an opening quote).
    uint32_t yaml_line = 0;
    uint32_t yaml_col = 0;
};

/// `explore:` settings the scenario asks for; unset means "use the checker's default".
struct ExploreDefaults {
    std::optional<std::string> strategy;
    std::optional<uint64_t> max_executions;
    std::optional<double> max_seconds;
    std::optional<uint64_t> max_steps;
    std::optional<uint32_t> preemption_bound;
    std::optional<uint64_t> seed;
};

struct Scenario {
    std::string name;   // `name:`, or the file name without extension when absent
    std::string about;  // one sentence: what the scenario shows
    std::string source; // where the code comes from (tutorial and section)
    std::string file;   // path as given to load_scenario
    std::vector<std::pair<std::string, int64_t>> params; // in file order, names unique
    std::string code;                                    // Python source, '\n' line ends
    SourceMap code_map;
    std::vector<Check> final_checks;
    std::vector<Check> always_checks;
    std::vector<std::string> expect; // finding kinds, each one of known_finding_kinds()
    ExploreDefaults explore;
};

/// The largest scenario file racecheck reads (README "Limits"): 1 MiB. A larger file is a
/// Diagnostic at the position where it passes the limit; the rest of the file is never read.
inline constexpr size_t kMaxScenarioBytes = size_t{1} << 20;

/// The finding kinds an `expect:` list may name, in documentation order.
const std::vector<std::string>& known_finding_kinds();

/// Reads and validates a scenario file. Never throws. A `.py` file is a scenario whose code is
/// the whole file (named after the file, no params, checks or expect); positions map 1:1.
std::variant<Scenario, Diagnostic> load_scenario(const std::string& path);

/// The scenario of a plain Python file's text (see load_scenario).
Scenario python_file_scenario(std::string text, const std::string& path);

/// As load_scenario, from text already in memory; `file_name` is used in diagnostics.
std::variant<Scenario, Diagnostic> parse_scenario(std::string_view yaml_text,
                                                  const std::string& file_name);

/// Applies one `--param NAME=VALUE` override. An assignment without '=', an unknown NAME or a
/// VALUE that is not a 64-bit integer is a Diagnostic for file "<command line>" (no position),
/// whose hint lists the scenario's params.
std::optional<Diagnostic> apply_param_override(Scenario& scenario, std::string_view assignment);

} // namespace rc
