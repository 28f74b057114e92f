// The fuzz targets' bodies, shared by the libFuzzer binaries (fuzz_load, fuzz_run, fuzz_check;
// built with -DRC_FUZZ=ON and clang) and by test_fuzz, which replays every input kept in
// tests/fuzz/regressions/<target>/ in the normal test suite.
//
// Each body feeds one input through racecheck's real entry points and checks the contract: bad
// input is a Diagnostic (a message, in the right file), a program run ends within its limits,
// the same run twice gives the same state, and nothing reaches RC_CHECK, throws, or crashes.
// A violated property is an RC_CHECK failure (in fuzz builds it aborts, so libFuzzer keeps
// the input).
#pragma once

#include <string_view> // inputs

namespace rc::fuzz {

/// YAML text -> parse_scenario.
void load(std::string_view yaml);

/// Python text -> compile -> one interleaving, chosen from the input's hash, under a step cap
/// and small limits; run twice, the two runs must agree.
void run(std::string_view python);

/// YAML text -> the whole `racecheck FILE` check with tiny budgets (run_cli, no validation).
void check(std::string_view yaml);

} // namespace rc::fuzz
