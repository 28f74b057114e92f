// The watchdog of a real run: the calling (coordinating) thread waits in watch() until every
// thread of the run has left its loop, and stops a run that no longer takes steps.
//
// Hangs the model can see (every thread blocked) end inside a turn; this is the safety net for
// the rest. Every wait in a real run is a spin for the turn, so a run is stalled when no step was
// taken while the process burned `stall_seconds` of CPU time, or 10× that in wall time (CPU time
// keeps a loaded machine, where the threads barely run, from looking like a hang). A stalled
// run's `stop` is set; threads spinning for the turn see it and leave. If they have not left 2 s
// later, `abandon` is called to print what is known and the process ends with std::_Exit(0):
// racecheck never hangs.
#pragma once

#include <atomic>     // the run's relaxed counters
#include <cstdint>    // uint32_t, uint64_t
#include <functional> // abandon
#include <string>     // messages

namespace rc::real {

/// The counters a run shares with its watchdog; all accessed with relaxed order only.
struct RunSignals {
    std::atomic<bool> stop{false};
    std::atomic<uint64_t> progress{0}; // steps taken
    std::atomic<uint32_t> live{0};     // threads not yet out of their loop
};

/// Returns once `live` is 0; true when the watchdog stopped the run (see stall_message()).
bool watch(RunSignals& signals, double stall_seconds,
           const std::function<void(const std::string&)>& abandon);

/// "the watchdog stopped the run: no step in 2 s of spinning for turns"
std::string stall_message(double stall_seconds);

} // namespace rc::real
