// `racecheck run`: execute one interleaving of a loaded scenario on virtual threads.
//
// Declared here for the CLI; implemented in run_command.cpp next to the interpreter.
#pragma once

#include <cstdint> // uint64_t
#include <ostream> // output streams

#include "model/runtime/interpreter.hpp" // Limits
#include "model/scenario/scenario.hpp"   // Scenario

namespace rc {

struct RunOptions {
    uint64_t seed = 1;           // picks the interleaving: same seed, same run, byte for byte
    bool trace = false;          // print every visible operation as it executes
    uint64_t max_steps = 100000; // per-execution step budget; hitting it is reported, not a crash
    Limits limits;               // racecheck's resource limits; passing one is reported
};

/// Compiles and runs `scenario` once. Program output and the run's report go to `out`; user
/// errors (code outside the Python subset, rendered through scenario.code_map) go to `err`.
/// Returns the process exit code: 0 no findings, 1 findings, 2 bad input.
int run_scenario_once(const Scenario &scenario, const RunOptions &options, std::ostream &out,
                      std::ostream &err);

} // namespace rc
