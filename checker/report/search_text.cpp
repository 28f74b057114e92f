// search_line and search_summary: what a search covered, for every report.
#include "checker/report/search_text.hpp"

#include <fmt/format.h> // lines

namespace rc {

namespace {

/// " (and 126584 re-runs of interleavings with fewer preemptions)" when the strategy repeated
/// executions (pb does, at each higher bound), else "".
std::string repeats_text(const SearchResult& s) {
    const uint64_t repeats = s.runs > s.executions ? s.runs - s.executions : 0;
    return repeats ? fmt::format(" (and {} re-run{} of interleavings with fewer preemptions)",
                                 repeats, repeats == 1 ? "" : "s")
                   : "";
}

} // namespace

const char* const kPrintLinesHides =
    "--print-lines: each print() was one write, so outputs in which another thread writes "
    "between the pieces of a print (mixed lines, which CPython can show) were not explored";

std::string search_line(const ScenarioReport& r) {
    if (!r.print_lines) return search_words(r);
    return search_words(r) + "; " + std::string(kPrintLinesHides);
}

std::string search_words(const ScenarioReport& r) {
    const SearchResult& s = r.search;
    std::string n = std::to_string(s.executions);
    const std::string n_executions = n + (s.executions == 1 ? " execution" : " executions");
    switch (s.stopped_by) {
    case StopReason::Exhausted:
        if (s.cuts())
            return fmt::format("not exhaustive: explored all {} {} ({}), but {} execution{} cut "
                               "before {} end, and what the program does past a cut is unknown",
                               s.states ? s.states : s.executions,
                               s.states ? (s.states == 1 ? "state" : "states")
                                        : (s.executions == 1 ? "execution" : "executions"),
                               s.strategy, s.cuts(), s.cuts() == 1 ? " was" : "s were",
                               s.cuts() == 1 ? "its" : "their");
        if (s.states)
            return fmt::format("explored all {} state{} (exhaustive, {}{})", s.states,
                               s.states == 1 ? "" : "s", s.strategy,
                               s.symmetry ? "; threads folded by symmetry" : "");
        if (s.strategy == "dpor")
            return fmt::format("explored all {} trace{} (exhaustive, dpor: one execution per "
                               "Mazurkiewicz trace)",
                               n, s.executions == 1 ? "" : "s");
        return fmt::format("explored all {} interleaving{} (exhaustive, {})", n,
                           s.executions == 1 ? "" : "s", s.strategy);
    case StopReason::MaxStateMemory:
        return fmt::format("not exhaustive: stopped by the memory bound ({} MB of visited states, "
                           "--max-state-memory) after {} states of {}; covered {}",
                           s.memory_bound >> 20, s.states, s.strategy, s.coverage);
    case StopReason::BoundReached:
        return fmt::format(
            "not exhaustive: {} stopped after {} at its bound; covered {}", s.strategy,
            n_executions, s.coverage);
    case StopReason::MaxExecutions:
        if (s.runs > s.executions) // the budget counts the repeats the report leaves out
            return fmt::format(
                "not exhaustive: stopped by the execution budget (max_executions {}, which counts "
                "every execution run) after {} ran {} executions: {} distinct interleavings and {} "
                "re-runs of interleavings with fewer preemptions, which {} repeats to reach new "
                "ones; covered {}",
                r.budgets.max_executions, s.strategy, s.runs, n, s.runs - s.executions, s.strategy,
                s.coverage);
        return fmt::format("not exhaustive: stopped by the execution budget (max_executions {}) "
                           "after {} of {}; covered {}",
                           r.budgets.max_executions, n_executions, s.strategy, s.coverage);
    case StopReason::MaxSeconds:
        return fmt::format("not exhaustive: stopped by the time budget (max_seconds {}) after {} "
                           "of {}{}; covered {}",
                           r.budgets.max_seconds, n_executions, s.strategy, repeats_text(s), s.coverage);
    case StopReason::FirstFindings:
        return fmt::format("not exhaustive: stopped at the first findings after {} of {}{} (the "
                           "search of a large program ends with the first execution that shows a "
                           "bug; --keep-going searches on); covered {}",
                           n_executions, s.strategy, repeats_text(s), s.coverage);
    case StopReason::ScheduleEnded:
        return fmt::format("ran {} execution{} following a schedule ({})", n,
                           s.executions == 1 ? "" : "s", s.coverage);
    case StopReason::Interrupted:
        return fmt::format("not exhaustive: interrupted (Ctrl-C) after {} of {}{}; "
                           "covered {}; the report shows what was found until then",
                           n_executions, s.strategy, repeats_text(s), s.coverage);
    }
    return "";
}

std::string search_summary(const SearchResult& s) {
    const std::string done = s.states ? fmt::format("{} states", s.states)
                                      : fmt::format("{} executions", s.executions);
    if (s.exhaustive()) return fmt::format("{}, exhaustive", done);
    if (s.stopped_by == StopReason::Exhausted)
        return fmt::format("{}, not exhaustive: {} cut before their end", done, s.cuts());
    std::string repeats = !s.states && s.runs > s.executions
                              ? fmt::format(" + {} repeats", s.runs - s.executions)
                              : "";
    return fmt::format("{}{}, stopped: {}", done, repeats, stop_reason_name(s.stopped_by));
}

std::string mixed_lines_marker(const std::vector<uint32_t>& mixed_lines) {
    if (mixed_lines.empty()) return "";
    std::string lines;
    for (size_t i = 0; i < mixed_lines.size(); ++i) {
        if (i > 0) lines += i + 1 == mixed_lines.size() ? " and " : ", ";
        lines += std::to_string(mixed_lines[i] + 1);
    }
    return fmt::format("⇄ threads' writes interleave within line{} {}", mixed_lines.size() == 1 ? "" : "s",
                       lines);
}

} // namespace rc
