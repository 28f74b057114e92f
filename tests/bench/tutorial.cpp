// The tutorials' long executions, phase by phase: what one bug-hunting execution costs, when the
// default search (the portfolio) first holds each finding, and what the check command does after
// the search (witness minimization, simplification, the report's witness replays). Figures only,
// one run each: nothing is asserted.
//
//   bench_tutorial [--one] scenarios/counter_tutorial.yaml [more.yaml ...]   (from the repo root)
//
// --one: only the first line (one pct execution), e.g. under `perf record`.
//
// Lines: "one pct execution" (Session::run, pct, max_executions 1: the probe alone), "first
// findings" (the portfolio's progress hook, after each execution), then one line per phase of
// check_one with its wall and CPU seconds. CPU time is the process's (std::clock), less disturbed
// by a busy machine than wall time.
#include <algorithm> // min
#include <chrono>   // steady_clock
#include <cstdio>   // printf
#include <ctime>    // clock
#include <string>   // names
#include <variant>  // get_if
#include <optional> // no memory option
#include <vector>   // findings

#include "checker/commands/check_command.hpp"     // load_and_compile, detector_context
#include "checker/explore/portfolio.hpp"          // run_portfolio
#include "checker/explore/witness_minimizer.hpp"  // minimize_witnesses, simplify_witnesses
#include "checker/strategies/strategy.hpp"        // find_strategy
#include "model/runtime/interpreter.hpp"          // Interpreter

namespace {

struct Clock {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    std::clock_t cpu = std::clock();
    double wall_s() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
    }
    double cpu_s() const { return static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

std::string kinds(const rc::SearchResult& r) {
    std::string out;
    for (const rc::Finding& f : r.findings)
        out += (out.empty() ? "" : ", ") + std::string(rc::finding_kind_name(f.kind)) + " (" +
               std::to_string(f.schedule.size()) + " steps)";
    return out.empty() ? "none" : out;
}

void bench(const std::string& file, bool one) {
    auto loaded = rc::load_and_compile(file, {});
    auto* ls = std::get_if<rc::LoadedScenario>(&loaded);
    if (!ls) {
        std::printf("%s: does not load\n", file.c_str());
        return;
    }
    rc::Interpreter in(ls->compiled->program, rc::interpreter_limits(std::nullopt));
    const auto watched = rc::outcome_globals(ls->compiled->program);
    std::printf("%s\n", file.c_str());
    {
        rc::Budgets b;
        b.max_executions = 1;
        b.max_seconds = 1e6;
        rc::Session session(in, ls->compiled->param_values, rc::detector_context(*ls), b, watched);
        auto pct = rc::find_strategy("pct")->make(rc::StrategyOptions{});
        Clock c;
        rc::SearchResult r = session.run(*pct);
        std::printf("  one pct execution: %.2f s wall, %.2f s cpu, %llu steps; findings: %s\n",
                    c.wall_s(), c.cpu_s(), static_cast<unsigned long long>(r.steps), kinds(r).c_str());
    }
    if (one) return;
    rc::Budgets budgets;
    rc::Session session(in, ls->compiled->param_values, rc::detector_context(*ls), budgets, watched);
    auto strategy = rc::find_strategy("portfolio")->make(rc::StrategyOptions{});
    Clock c;
    size_t seen = 0;
    const rc::ProgressHook hook = [&](const rc::SearchProgress& p) {
        if (p.findings > seen) {
            seen = p.findings;
            std::printf("  %zu findings after %llu executions: %.2f s wall, %.2f s cpu\n", seen,
                        static_cast<unsigned long long>(p.runs), c.wall_s(), c.cpu_s());
        }
        return true;
    };
    rc::SearchResult r = rc::run_portfolio(session, *strategy, "state", rc::PortfolioOptions{}, hook);
    std::printf("  search: %.2f s wall, %.2f s cpu; %llu executions; findings: %s\n", c.wall_s(),
                c.cpu_s(), static_cast<unsigned long long>(r.executions), kinds(r).c_str());
    Clock m;
    rc::Budgets mb = budgets;
    mb.max_seconds = std::min(2.0, mb.max_seconds / 4);
    if (r.stopped_by != rc::StopReason::FirstFindings && // as racecheck: no systematic search ran
        (strategy->stateful() || strategy->wants_footprints()))
        rc::minimize_witnesses(in, ls->compiled->param_values, rc::detector_context(*ls), watched, mb, r);
    std::printf("  minimize_witnesses: %.2f s wall, %.2f s cpu\n", m.wall_s(), m.cpu_s());
    Clock s;
    rc::WitnessSimplification w;
    if (!r.findings.empty())
        w = rc::simplify_witnesses(in, ls->compiled->param_values, rc::detector_context(*ls), watched, mb, r);
    std::printf("  simplify_witnesses: %.2f s wall, %.2f s cpu, %llu candidates replayed, %u "
                "improved; findings: %s\n",
                s.wall_s(), s.cpu_s(), static_cast<unsigned long long>(w.replays), w.improved,
                kinds(r).c_str());
    Clock rp;
    size_t steps = 0;
    for (const rc::Finding& f : r.findings) steps += session.replay(f.schedule).steps.size();
    std::printf("  witness replays: %.2f s wall, %.2f s cpu, %zu steps\n", rp.wall_s(), rp.cpu_s(), steps);
}

} // namespace

int main(int argc, char** argv) {
    const bool one = argc > 1 && std::string(argv[1]) == "--one";
    for (int i = one ? 2 : 1; i < argc; ++i) bench(argv[i], one);
    return 0;
}
