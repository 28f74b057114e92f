// Exploration at scale: what each family of the DPOR literature costs racecheck, and how long
// every corpus scenario takes under the default strategy and budgets. Figures only, one run
// each: nothing is asserted (tests/bench/run_bench.sh puts SPIN beside them).
//
//   bench_exploration families   # one tab-separated line per family and size
//   bench_exploration corpus     # one line per scenario in scenarios/ (run from the repo root)
//
// families columns: family, size, Promela model, its -D defines, states explored by the
// default stateful search, its wall and CPU seconds, executions of dpor ("-" when skipped),
// the published trace count, dpor's wall seconds.
// corpus columns: file, exhaustive (yes/no), states, wall seconds, CPU seconds, stopped_by.
// Build it in Release for figures worth comparing:
//   cmake -S . -B /tmp/bench-build -G Ninja -DCMAKE_BUILD_TYPE=Release
//   cmake --build /tmp/bench-build --target bench_exploration
#include <algorithm>  // sort
#include <chrono>     // steady_clock
#include <cstdio>     // printf
#include <ctime>      // clock: CPU time, less disturbed by a busy machine than wall time
#include <filesystem> // the corpus
#include <string>     // names
#include <variant>    // get_if
#include <vector>     // the table

#include "checker/commands/check_command.hpp" // load_and_compile, detector_context
#include "checker/explore/session.hpp"        // Session, Budgets, outcome_globals
#include "checker/report/report.hpp"          // stop_reason_name
#include "checker/strategies/strategy.hpp"    // find_strategy, strategy_registry
#include "model/runtime/interpreter.hpp"      // Interpreter

namespace {

struct Family {
    const char* family;
    const char* size;
    const char* file;
    std::vector<std::string> params;
    const char* promela;
    const char* defines;
    uint64_t traces;  // published Mazurkiewicz trace count
    bool run_dpor;    // false when the trace count is far beyond a benchmark run
};

const Family kFamilies[] = {
    {"counter", "2x2", "scenarios/counter.yaml", {"THREADS=2", "ITERATIONS=2"}, "counter.pml", "-DN=2 -DK=2", 34, true},
    {"counter", "2x3", "scenarios/counter.yaml", {"THREADS=2", "ITERATIONS=3"}, "counter.pml", "-DN=2 -DK=3", 328, true},
    {"counter", "3x2", "scenarios/counter.yaml", {"THREADS=3", "ITERATIONS=2"}, "counter.pml", "-DN=3 -DK=2", 7134, true},
    {"counter", "2x4", "scenarios/counter.yaml", {"THREADS=2", "ITERATIONS=4"}, "counter.pml", "-DN=2 -DK=4", 3334, true},
    {"inc", "3", "scenarios/counter.yaml", {"THREADS=3", "ITERATIONS=1"}, "counter.pml", "-DN=3 -DK=1", 36, true},
    {"inc", "4", "scenarios/counter.yaml", {"THREADS=4", "ITERATIONS=1"}, "counter.pml", "-DN=4 -DK=1", 576, true},
    {"counter_lock", "3x1", "scenarios/counter_lock.yaml", {"THREADS=3", "ITERATIONS=1"}, "counter_lock.pml", "-DN=3 -DK=1", 6, true},
    {"counter_lock", "2x3", "scenarios/counter_lock.yaml", {"THREADS=2", "ITERATIONS=3"}, "counter_lock.pml", "-DN=2 -DK=3", 20, true},
    {"counter_lock", "3x3", "scenarios/counter_lock.yaml", {"THREADS=3", "ITERATIONS=3"}, "counter_lock.pml", "-DN=3 -DK=3", 1680, true},
    {"counter_lock", "4x3", "scenarios/counter_lock.yaml", {"THREADS=4", "ITERATIONS=3"}, "counter_lock.pml", "-DN=4 -DK=3", 369600, true},
    {"counter_lock", "5x3", "scenarios/counter_lock.yaml", {"THREADS=5", "ITERATIONS=3"}, "counter_lock.pml", "-DN=5 -DK=3", 168168000, false},
    {"readers", "4", "tests/families/readers.yaml", {"READERS=4"}, "readers.pml", "-DN=4", 16, true},
    {"readers", "8", "tests/families/readers.yaml", {"READERS=8"}, "readers.pml", "-DN=8", 256, true},
    {"lastzero", "3", "tests/families/lastzero.yaml", {"N=3"}, "lastzero.pml", "-DN=3", 12, true},
    {"lastzero", "5", "tests/families/lastzero.yaml", {"N=5"}, "lastzero.pml", "-DN=5", 64, true},
    {"lastzero", "8", "tests/families/lastzero.yaml", {"N=8"}, "lastzero.pml", "-DN=8", 704, true},
    {"fib_bench", "2", "tests/families/fib_bench.yaml", {"NUM=2"}, "fib_bench.pml", "-DNUM=2", 140, true},
};

struct Timed {
    rc::SearchResult result;
    double wall = 0, cpu = 0;
};

Timed search(rc::LoadedScenario& ls, const std::string& strategy, rc::Budgets budgets) {
    const rc::StrategyInfo* info = rc::find_strategy(strategy);
    rc::StrategyOptions so;
    auto s = info->make(so);
    rc::Interpreter in(ls.compiled->program);
    rc::Session session(in, ls.compiled->param_values, rc::detector_context(ls), budgets,
                        rc::outcome_globals(ls.compiled->program));
    Timed t;
    const auto wall = std::chrono::steady_clock::now();
    const std::clock_t cpu = std::clock();
    t.result = session.run(*s);
    t.cpu = static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
    t.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
    return t;
}

rc::LoadedScenario* load(const std::string& file, const std::vector<std::string>& params,
                         std::variant<rc::LoadedScenario, rc::LoadFailure>& slot) {
    slot = rc::load_and_compile(file, params);
    return std::get_if<rc::LoadedScenario>(&slot);
}

int families() {
    std::printf("family\tsize\tpromela\tdefines\tstates\tstate_wall_s\tstate_cpu_s\tdpor_executions"
                "\ttraces\tdpor_wall_s\n");
    rc::Budgets big;
    big.max_executions = UINT64_MAX;
    big.max_seconds = 600;
    for (const Family& f : kFamilies) {
        std::variant<rc::LoadedScenario, rc::LoadFailure> slot;
        rc::LoadedScenario* ls = load(f.file, f.params, slot);
        if (!ls) {
            std::printf("%s\t%s\tdoes not load\n", f.family, f.size);
            continue;
        }
        Timed state = search(*ls, rc::strategy_registry().front().name, big);
        // "-" rather than empty: the bench script reads tab-separated fields, and read(1) merges
        // consecutive tabs.
        std::string dpor_execs = "-", dpor_wall = "-";
        if (f.run_dpor) {
            Timed dpor = search(*ls, "dpor", big);
            dpor_execs = std::to_string(dpor.result.executions);
            dpor_wall = std::to_string(dpor.wall);
        }
        std::printf("%s\t%s\t%s\t%s\t%llu\t%.6f\t%.6f\t%s\t%llu\t%s\n", f.family, f.size, f.promela,
                    f.defines, static_cast<unsigned long long>(state.result.states), state.wall,
                    state.cpu, dpor_execs.c_str(), static_cast<unsigned long long>(f.traces),
                    dpor_wall.c_str());
        std::fflush(stdout);
    }
    return 0;
}

int corpus() {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator("scenarios"))
        if (e.path().extension() == ".yaml") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::printf("file\texhaustive\tstates\twall_s\tcpu_s\tstopped_by\n");
    for (const std::string& file : files) {
        std::variant<rc::LoadedScenario, rc::LoadFailure> slot;
        rc::LoadedScenario* ls = load(file, {}, slot);
        if (!ls) {
            std::printf("%s\trefused\n", file.c_str());
            continue;
        }
        // As `racecheck FILE` does: the scenario's explore block, else the defaults.
        const rc::ExploreDefaults& ex = ls->scenario.explore;
        rc::Budgets b;
        b.max_executions = ex.max_executions.value_or(b.max_executions);
        b.max_seconds = ex.max_seconds.value_or(b.max_seconds);
        b.max_steps = ex.max_steps.value_or(b.max_steps);
        Timed t = search(*ls, ex.strategy.value_or(rc::strategy_registry().front().name), b);
        std::printf("%s\t%s\t%llu\t%.3f\t%.3f\t%s\n", file.c_str(),
                    t.result.stopped_by == rc::StopReason::Exhausted ? "yes" : "no",
                    static_cast<unsigned long long>(t.result.states), t.wall, t.cpu,
                    std::string(rc::stop_reason_name(t.result.stopped_by)).c_str());
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "families") return families();
    if (mode == "corpus") return corpus();
    std::fprintf(stderr, "usage: bench_exploration families|corpus (from the repository root)\n");
    return 2;
}
