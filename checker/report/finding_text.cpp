// print_finding_body: the lines under a finding's summary.
#include "checker/report/finding_text.hpp"

#include <fmt/format.h> // lines

#include "checker/report/trace_table.hpp" // witness_rows, print_trace_table

namespace rc {

void print_finding_body(std::ostream& out, const ScenarioReport& r, const ReportedFinding& rf,
                        const TextColors& colors) {
    const Finding& f = rf.finding;
    std::vector<TraceRow> rows = witness_rows(rf.witness, f.highlights);
    if (!rows.empty()) print_trace_table(out, rows, "    ", colors.dim, colors.reset);
    if (const std::string folded = folded_text(rows, rf.witness.steps.size()); !folded.empty())
        out << "    " << colors.dim << folded << colors.reset << "\n";
    for (const std::string& d : f.details) out << "    " << d << "\n";
    if (rf.witness.divergence)
        out << "    " << colors.yellow << "replaying the witness diverged at step "
            << rf.witness.divergence->first << ": " << rf.witness.divergence->second << colors.reset
            << "\n";
    out << "    replay: " << r.replay_command << " --schedule " << rf.token << "\n";
    // A stateful search merges states: how many paths reached a bug says nothing.
    if (!r.search.states)
        out << fmt::format("    seen in {} of {} executions\n", f.count, r.search.executions);
}

} // namespace rc
