// The racecheck command line: argument parsing, scenario loading, exit codes.
//
// Exit codes, for every command: 0 no findings, 1 findings, 2 bad input or usage (including
// every command-line parse error), 3 internal bug; a check that Ctrl-C interrupted before it
// found anything exits 130 (check_command.hpp). Diagnostics and the progress line go to `err`;
// results to `out`.
#pragma once

#include <ostream> // output streams

namespace rc {

inline constexpr const char *kVersion = "0.1.0";

/// Runs racecheck with the given arguments (argv[0] is the program name). Never throws: an
/// escaping exception is an internal bug, reported on `err` with exit code 3.
int run_cli(int argc, const char *const *argv, std::ostream &out, std::ostream &err);

} // namespace rc
