// `racecheck run`: one interleaving, chosen by a seeded generator, printed as Python would print
// it, with --trace listing every visible operation.
//
// Scheduling rule of a single run: a seeded uniform choice among the threads whose operation is
// enabled; time passes (a timed wait times out) only when no thread is enabled.
#include "checker/commands/run_command.hpp"

#include <fmt/format.h> // trace lines

#include "checker/commands/check_command.hpp"   // refusal_diagnostic
#include "model/compile/compile_scenario.hpp" // compile_scenario
#include "model/runtime/interpreter.hpp"      // Interpreter

namespace rc {

namespace {

/// SplitMix64: a tiny, fully specified generator, so a seed means the same run everywhere.
struct SplitMix64 {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
};

uint32_t yaml_line(const Scenario& s, uint32_t code_line) {
    const auto& map = s.code_map.yaml_line;
    if (code_line == 0) return 0;
    if (code_line < map.size()) return map[code_line];
    return map.empty() ? code_line : map.back() + (code_line - static_cast<uint32_t>(map.size()) + 1);
}

/// Prints, as CPython does on stderr, how each thread that has ended with an uncaught exception
/// since the last call ended (CPython prints a thread's traceback when it ends, MainThread's
/// before waiting for the other threads): a traceback reduced to the raising line.
int report_exceptions(const Interpreter& in, const State& st, const Scenario& s,
                      std::vector<bool>& reported, std::ostream& err) {
    int found = 0;
    reported.resize(st.threads.size(), false);
    for (const ThreadState& t : st.threads) {
        if (reported[t.id.value]) continue;
        if (!t.system_exit.is_unbound() && t.id.value == 0) {
            reported[t.id.value] = true;
            // sys.exit("message") prints the message; sys.exit(n) and sys.exit() print nothing.
            auto* e = std::get_if<ExceptionObj>(&st.heap[t.system_exit.ref].data);
            if (e && e->args.size() == 1 && e->args[0].is_obj())
                err << in.str(st, e->args[0]) << "\n";
            continue;
        }
        if (t.uncaught.is_unbound()) continue;
        reported[t.id.value] = true;
        ++found;
        uint32_t line = 0;
        if (auto* e = std::get_if<ExceptionObj>(&st.heap[t.uncaught.ref].data)) line = e->line;
        if (t.id.value != 0) err << fmt::format("Exception in thread {}:\n", in.thread_name(st, t.id));
        err << fmt::format("Traceback (most recent call last):\n  File \"{}\", line {}\n{}\n",
                           s.file, yaml_line(s, line), in.traceback_text(st, t.uncaught));
    }
    return found;
}

/// A check that met an operation outside the subset: no verdict (exit 2).
int refused_check(const Scenario& s, const Check& c, const CheckValue& cv, std::ostream& err) {
    err << format_diagnostic(Diagnostic{s.file, c.yaml_line, c.yaml_col,
                                        cv.repr + " (in check `" + c.expr + "`)",
                                        "write the check with the operations racecheck supports"})
        << "\n";
    return 2;
}

} // namespace

int run_scenario_once(const Scenario& scenario, const RunOptions& options, std::ostream& out,
                      std::ostream& err) {
    auto compiled = compile_scenario(scenario);
    if (auto* d = std::get_if<Diagnostic>(&compiled)) {
        err << format_diagnostic(*d) << "\n";
        return 2;
    }
    const CompiledScenario& cs = *std::get<std::unique_ptr<CompiledScenario>>(compiled);
    for (const Diagnostic& w : cs.warnings) err << format_warning(w) << "\n";
    Interpreter in(cs.program, options.limits);
    State st = in.initial_state(cs.param_values);
    std::vector<bool> reported; // threads whose ending was printed
    SplitMix64 rng{options.seed};
    std::vector<ThreadId> ready, enabled;
    size_t printed = 0; // bytes of st.output already written
    size_t logged = 0;  // bytes of st.error_output (logging) already written
    int findings = 0;
    if (options.trace) out << fmt::format("{:>5}  {:<24} {:>5}  {}\n", "step", "thread", "line", "operation");
    uint64_t steps = 0;
    for (; steps < options.max_steps; ++steps) {
        in.schedulable(st, ready);
        if (ready.empty()) break;
        enabled.clear();
        for (ThreadId t : ready)
            if (in.is_enabled(st, t)) enabled.push_back(t);
        bool timeout = enabled.empty();
        const auto& pool = timeout ? ready : enabled;
        ThreadId t = pool[rng.next() % pool.size()];
        Event ev = in.step(st, t, timeout);
        if (options.trace) {
            out << fmt::format("{:>5}  {:<24} {:>5}  {}\n", steps + 1, in.thread_name(st, t),
                               ev.line ? std::to_string(yaml_line(scenario, ev.line)) : "",
                               in.describe_event(st, ev));
        }
        if (st.output.size() > printed) {
            out << st.output.substr(printed);
            printed = st.output.size();
        }
        out.flush();
        if (st.error_output.size() > logged) { // what logging wrote to stderr
            err << st.error_output.substr(logged);
            logged = st.error_output.size();
        }
        findings += report_exceptions(in, st, scenario, reported, err);
        for (size_t i = 0; i < cs.program.always_checks.size(); ++i) {
            CheckValue cv = in.evaluate(st, cs.program.always_checks[i]);
            if (cv.name_error) continue; // over a global not created yet: does not apply
            if (cv.refused) return refused_check(scenario, scenario.always_checks[i], cv, err);
            if (!cv.ok || !cv.truthy) {
                out << fmt::format("invariant failed after step {}: {}  ({})\n", steps + 1,
                                   scenario.always_checks[i].expr, cv.repr);
                ++findings;
                break;
            }
        }
    }
    out << st.output.substr(printed);
    out.flush();
    err << st.error_output.substr(logged);
    findings += report_exceptions(in, st, scenario, reported, err);
    switch (in.status(st)) {
    case RunStatus::Refused:
        err << format_diagnostic(refusal_diagnostic(scenario, *st.refusal)) << "\n";
        return 2;
    case RunStatus::Ended:
        for (size_t i = 0; i < cs.program.final_checks.size(); ++i) {
            CheckValue cv = in.evaluate(st, cs.program.final_checks[i]);
            if (cv.refused) return refused_check(scenario, scenario.final_checks[i], cv, err);
            if (!cv.ok || !cv.truthy) {
                ++findings;
                out << fmt::format("final check failed: {}  ({})\n", scenario.final_checks[i].expr, cv.repr);
            }
        }
        break;
    case RunStatus::Blocked:
        ++findings;
        out << "the program hangs: no thread can move\n";
        for (const ThreadState& t : st.threads) {
            if (t.status != ThreadStatus::Running) continue;
            std::string where = t.pending.line ? fmt::format(" (line {})", yaml_line(scenario, t.pending.line)) : "";
            out << fmt::format("  {}{} {}\n", in.thread_name(st, t.id), where, in.describe_wait(st, t.id, [&](uint32_t l) { return yaml_line(scenario, l); }));
        }
        break;
    case RunStatus::Diverged:
        ++findings;
        for (const ThreadState& t : st.threads) {
            if (t.status == ThreadStatus::Diverged)
                out << fmt::format("{} runs forever without a visible operation (line {})\n",
                                   in.thread_name(st, t.id), yaml_line(scenario, t.diverged_line));
        }
        break;
    case RunStatus::Limit:
        ++findings; // the run did not finish, as at the step limit
        out << "stopped at a limit of racecheck's, not a bug in the program: "
            << in.describe_limit(st, [&](uint32_t l) { return yaml_line(scenario, l); })
            << " (see Limits in the README)\n";
        break;
    case RunStatus::Running:
        ++findings;
        out << fmt::format("step limit reached ({} steps): the program may not terminate "
                           "(raise it with --max-steps)\n", options.max_steps);
        break;
    }
    return findings ? 1 : 0;
}

} // namespace rc
