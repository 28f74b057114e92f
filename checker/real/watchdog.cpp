// Stall detection by CPU and wall time; see watchdog.hpp.
#include "checker/real/watchdog.hpp"

#include <chrono>  // steady_clock
#include <cstdio>  // snprintf
#include <cstdlib> // _Exit
#include <ctime>   // clock_gettime: the process's CPU time
#include <thread>  // sleep_for

namespace rc::real {

namespace {

double process_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

} // namespace

std::string stall_message(double stall_seconds) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", stall_seconds);
    return std::string("the watchdog stopped the run: no step in ") + seconds +
           " s of spinning for turns";
}

bool watch(RunSignals& signals, double stall_seconds,
           const std::function<void(const std::string&)>& abandon) {
    using Clock = std::chrono::steady_clock;
    uint64_t last = signals.progress.load(std::memory_order_relaxed);
    Clock::time_point since = Clock::now(), deadline{};
    double cpu_since = process_cpu_seconds();
    bool stalled = false;
    const auto wall_limit = std::chrono::duration<double>(10 * stall_seconds);
    while (signals.live.load(std::memory_order_relaxed) > 0) {
        std::this_thread::sleep_for(std::chrono::microseconds(500));
        const uint64_t p = signals.progress.load(std::memory_order_relaxed);
        const Clock::time_point now = Clock::now();
        if (p != last) {
            last = p;
            since = now;
            cpu_since = process_cpu_seconds();
        } else if (!stalled && (process_cpu_seconds() - cpu_since > stall_seconds ||
                                now - since > wall_limit)) {
            stalled = true;
            signals.stop.store(true, std::memory_order_relaxed);
            deadline = now + std::chrono::seconds(2);
        } else if (stalled && now > deadline) {
            if (abandon) abandon(stall_message(stall_seconds) + ", and its threads did not stop");
            std::_Exit(0);
        }
    }
    return stalled;
}

} // namespace rc::real
