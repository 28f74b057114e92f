// Interpreter throughput: visible steps per second on one long interleaving.
//
// Runs the unsafe counter (2 threads x 200000 iterations) and the lock counter (2 x 100000) to
// the end under a round-robin policy (the next enabled thread after the last one stepped), five
// times each, and prints steps, wall time and steps/second per run and their median. Figures
// only: nothing is asserted. Build it in Release:
//   cmake -S . -B /tmp/bench-build -G Ninja -DCMAKE_BUILD_TYPE=Release
//   cmake --build /tmp/bench-build --target bench_steps_per_second
#include <algorithm> // sort
#include <chrono>    // steady_clock
#include <cstdio>    // printf
#include <memory>    // unique_ptr
#include <string>    // YAML text
#include <variant>   // get_if
#include <vector>    // runs

#include "model/compile/compile_scenario.hpp" // compile_scenario
#include "model/scenario/diagnostic.hpp"       // format_diagnostic
#include "model/runtime/interpreter.hpp"      // Interpreter
#include "model/scenario/scenario.hpp"         // parse_scenario

namespace {

const char *const kUnsafeCounter = R"(name: unsafe-counter
params:
  THREADS: 2
  ITERATIONS: 200000
code: |
  import threading
  counter = 0
  def worker():
      global counter
      for _ in range(ITERATIONS):
          counter += 1
  threads = []
  for _ in range(THREADS):
      t = threading.Thread(target=worker)
      t.start()
      threads.append(t)
  for t in threads:
      t.join()
  print("Counter:", counter)
)";

const char *const kLockCounter = R"(name: lock-counter
params:
  THREADS: 2
  ITERATIONS: 100000
code: |
  import threading
  counter = 0
  lock = threading.Lock()
  def worker():
      global counter
      for _ in range(ITERATIONS):
          with lock:
              counter += 1
  threads = []
  for _ in range(THREADS):
      t = threading.Thread(target=worker)
      t.start()
      threads.append(t)
  for t in threads:
      t.join()
  print("Counter:", counter)
)";

struct Measurement {
    uint64_t steps = 0;
    double seconds = 0;
    double per_second() const { return seconds > 0 ? static_cast<double>(steps) / seconds : 0; }
};

/// One run to the end, round-robin among enabled threads (timeouts only when none is enabled).
Measurement run_once(const rc::Interpreter &in, const std::vector<int64_t> &params,
                     std::string *output) {
    auto start = std::chrono::steady_clock::now();
    rc::State s = in.initial_state(params);
    std::vector<rc::ThreadId> ready, enabled;
    rc::ThreadId last;
    Measurement m;
    for (;;) {
        in.schedulable(s, ready);
        if (ready.empty())
            break;
        enabled.clear();
        for (rc::ThreadId t : ready)
            if (in.is_enabled(s, t))
                enabled.push_back(t);
        bool timeout = enabled.empty();
        const auto &pool = timeout ? ready : enabled;
        rc::ThreadId next = pool.front();
        for (rc::ThreadId t : pool)
            if (!last.valid() || t.value > last.value) {
                next = t;
                break;
            }
        in.step(s, next, timeout);
        last = next;
        ++m.steps;
    }
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    *output = s.output;
    return m;
}

int bench(const char *yaml, const char *label) {
    auto loaded = rc::parse_scenario(yaml, label);
    if (auto *d = std::get_if<rc::Diagnostic>(&loaded)) {
        std::fprintf(stderr, "%s\n", rc::format_diagnostic(*d).c_str());
        return 1;
    }
    auto compiled = rc::compile_scenario(std::get<rc::Scenario>(loaded));
    if (auto *d = std::get_if<rc::Diagnostic>(&compiled)) {
        std::fprintf(stderr, "%s\n", rc::format_diagnostic(*d).c_str());
        return 1;
    }
    const rc::CompiledScenario &cs = *std::get<std::unique_ptr<rc::CompiledScenario>>(compiled);
    rc::Interpreter in(cs.program);
    std::vector<Measurement> runs;
    std::string output;
    std::printf("%s\n", label);
    for (int i = 0; i < 5; ++i) {
        runs.push_back(run_once(in, cs.param_values, &output));
        std::printf("  run %d: %10llu steps  %8.3f s  %12.0f steps/s\n", i + 1,
                    static_cast<unsigned long long>(runs.back().steps), runs.back().seconds,
                    runs.back().per_second());
    }
    std::sort(runs.begin(), runs.end(), [](const Measurement &a, const Measurement &b) {
        return a.per_second() < b.per_second();
    });
    const Measurement &med = runs[runs.size() / 2];
    std::printf("  median: %9llu steps  %8.3f s  %12.0f steps/s   (output: %s)\n",
                static_cast<unsigned long long>(med.steps), med.seconds, med.per_second(),
                output.empty() ? "" : output.substr(0, output.size() - 1).c_str());
    return 0;
}

} // namespace

int main() {
    int rc = bench(kUnsafeCounter, "unsafe counter, 2 threads x 200000 iterations, round-robin");
    rc |= bench(kLockCounter, "lock counter, 2 threads x 100000 iterations, round-robin");
    return rc;
}
