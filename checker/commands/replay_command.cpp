// `racecheck replay`: one interleaving, step by step. See replay_command.hpp.
#include "checker/commands/replay_command.hpp"

#include <fmt/format.h> // lines

#include "checker/commands/check_command.hpp" // load_and_compile, detector_context, exit codes
#include "checker/explore/schedule.hpp"      // decode_schedule, scenario_fingerprint
#include "checker/explore/session.hpp"       // Session
#include "checker/report/trace_table.hpp"   // trace_rows, print_trace_table
#include "model/runtime/interpreter.hpp"     // Interpreter

namespace rc {

namespace {

std::string ending_text(const Trace& t) {
    if (t.divergence) return "the replay stopped where the schedule did not fit";
    if (t.end.step_limit) return "the execution was cut at the step limit";
    switch (t.end.status) {
    case RunStatus::Ended: return "the program ended";
    case RunStatus::Blocked:
        return t.end.spinning.empty() ? "the program hangs: no thread can move"
                                      : "the program hangs: the only threads left busy-wait";
    case RunStatus::Diverged: return "a thread runs forever without a visible operation";
    case RunStatus::Running: return "the schedule ended before the program did";
    case RunStatus::Refused: return "the program met an operation outside racecheck's subset";
    }
    return "";
}

} // namespace

int run_replay(const ReplayRequest& rq, bool out_is_terminal, std::ostream& out,
               std::ostream& err) {
    auto loaded = load_and_compile(rq.file, rq.params);
    if (auto* f = std::get_if<LoadFailure>(&loaded)) {
        for (const Diagnostic& d : f->diagnostics) err << format_diagnostic(d) << "\n";
        return kExitBadInput;
    }
    LoadedScenario& ls = std::get<LoadedScenario>(loaded);
    const Scenario& s = ls.scenario;
    auto decoded = decode_schedule(rq.schedule, scenario_fingerprint(s));
    if (auto* message = std::get_if<std::string>(&decoded)) {
        err << format_diagnostic(Diagnostic{
                   "<command line>", 0, 0, "--schedule: " + *message,
                   "copy the token from a report of `racecheck " + s.file +
                       "`, and pass the same --param overrides it was made with"})
            << "\n";
        return kExitBadInput;
    }
    const std::vector<Choice>& choices = std::get<DecodedSchedule>(decoded).choices;

    bool color = out_is_terminal && !rq.no_color;
    std::string red = color ? "\x1b[31m" : "", green = color ? "\x1b[32m" : "";
    std::string dim = color ? "\x1b[2m" : "", bold = color ? "\x1b[1m" : "";
    std::string reset = color ? "\x1b[0m" : "";

    Interpreter in(ls.compiled->program);
    Budgets budgets;
    budgets.max_steps = rq.max_steps.value_or(s.explore.max_steps.value_or(budgets.max_steps));
    Session session(in, ls.compiled->param_values, detector_context(ls), budgets,
                    outcome_globals(ls.compiled->program));
    std::vector<Finding> findings;
    Trace trace = session.replay(choices, &findings);
    if (trace.refusal) {
        err << format_diagnostic(refusal_diagnostic(s, *trace.refusal)) << "\n";
        return kExitBadInput;
    }

    std::vector<std::string> params;
    for (const auto& [name, value] : s.params) params.push_back(fmt::format("{}={}", name, value));
    out << bold << s.name << reset << "  " << s.file;
    for (const std::string& p : params) out << (p == params.front() ? "  " : " ") << p;
    out << fmt::format("\nreplaying a schedule of {} step{}\n\n", choices.size(),
                       choices.size() == 1 ? "" : "s");
    std::vector<Highlight> highlights;
    for (const Finding& f : findings)
        highlights.insert(highlights.end(), f.highlights.begin(), f.highlights.end());
    print_trace_table(out, trace_rows(trace, highlights, &s.code), "  ", dim, reset);
    out << "\n" << ending_text(trace) << "\n";
    if (trace.divergence)
        out << fmt::format("{}the schedule diverged at step {}: {}{}\n", red,
                           trace.divergence->first, trace.divergence->second, reset);
    if (!trace.blocked.empty()) {
        bool cut = trace.end.status == RunStatus::Running || trace.divergence;
        out << (cut ? "where the unfinished threads stand:\n" : "threads not finished:\n");
        for (const std::string& b : trace.blocked) out << "  " << b << "\n";
    }
    if (!trace.output.empty()) {
        out << "output:\n";
        std::string text = trace.output;
        if (text.back() != '\n') text += '\n';
        for (size_t i = 0, j; i < text.size(); i = j + 1) {
            j = text.find('\n', i);
            out << "  " << text.substr(i, j - i) << "\n";
        }
    }
    if (findings.empty()) {
        out << green << "✓ this interleaving shows no findings" << reset << "\n";
        return kExitOk;
    }
    for (const Finding& f : findings) {
        out << "\n" << red << "✗ " << reset << bold << f.summary << reset;
        if (!f.lines.empty()) out << "   " << s.file << ":" << f.lines.front();
        out << "\n";
        for (const std::string& d : f.details) out << "    " << d << "\n";
    }
    return kExitFindings;
}

} // namespace rc
