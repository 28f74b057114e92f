// `racecheck replay`: one interleaving, step by step. See replay_command.hpp.
#include "checker/commands/replay_command.hpp"

#include <fmt/format.h> // lines

#include "checker/commands/check_command.hpp" // load_and_compile, detector_context, exit codes
#include "checker/explore/schedule.hpp"      // decode_schedule, scenario_fingerprint
#include "checker/explore/session.hpp"       // Session
#include "checker/report/trace_table.hpp"   // trace_rows, witness_rows, print_trace_table
#include "model/runtime/interpreter.hpp"     // Interpreter

namespace rc {

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

    Interpreter in(ls.compiled->program, interpreter_limits(rq.max_memory, rq.print_lines));
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
    // The highlights of the findings this schedule is the witness of (those shown at its last
    // step, as the check report's witness ends there), else of every finding it shows: then a
    // finding's token replays to the table the check report printed for it.
    size_t witness_of = 0;
    for (const Finding& f : findings) witness_of = std::max(witness_of, f.schedule.size());
    std::vector<Highlight> highlights;
    for (const Finding& f : findings)
        if (f.schedule.size() == witness_of)
            highlights.insert(highlights.end(), f.highlights.begin(), f.highlights.end());
    // Folded, it is the check report's table (without the code column); --full shows every
    // step beside its code.
    std::vector<TraceRow> rows = rq.full ? trace_rows(trace, highlights, &s.code)
                                         : witness_rows(trace, highlights, &s.code);
    if (!rq.full) {
        if (folded_steps(rows))
            for (TraceRow& row : rows) row.source.clear();
    }
    print_trace_table(out, rows, "  ", dim, reset);
    if (const std::string folded = folded_text(rows, trace.steps.size()); !folded.empty())
        out << "  " << dim << folded << reset << "\n";
    out << "\n" << trace_ending_text(trace);
    if (trace.end.status == RunStatus::Limit) {
        DetectorContext ctx = detector_context(ls);
        out << ": " << in.describe_limit(trace.final_state,
                                         [&](uint32_t l) { return ctx.display_line(l); });
    }
    out << "\n";
    if (trace.divergence)
        out << fmt::format("{}the schedule diverged at step {}: {}{}\n", red,
                           trace.divergence->first, trace.divergence->second, reset);
    if (!trace.blocked.empty()) {
        bool cut = trace.end.status == RunStatus::Running ||
                   trace.end.status == RunStatus::Limit || trace.divergence;
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
