// A recorded execution as an aligned table (after loom's race tables): step, thread, line,
// operation, then "← note" markers for preemptions and a finding's highlights. Used by the text
// report (a finding's witness) and by `racecheck replay` (every step, with the source line).
#pragma once

#include <cstdint> // uint32_t, uint64_t
#include <ostream> // output
#include <string>  // cells
#include <vector>  // rows

#include "checker/detectors/finding.hpp" // Highlight
#include "checker/explore/session.hpp" // Trace

namespace rc {

struct TraceRow {
    uint64_t step = 0; // 1-based; 0 marks an elision row ("…")
    std::string thread;
    uint32_t line = 0; // YAML line; 0 when the step has none
    std::string operation;
    std::string note;   // "← preempts Thread-1; ← overwrites Thread-2's write", or empty
    bool highlighted = false; // a finding's highlight is on this step (not only a preemption)
    std::string source; // the code line, trimmed (replay only)
};

/// One row per step. A preemption adds "← preempts <previous thread>"; each highlight adds its
/// note (prefixed with "← " unless it has one). `code` (the scenario's code block), when given,
/// fills TraceRow::source from each event's code line.
std::vector<TraceRow> trace_rows(const Trace& trace, const std::vector<Highlight>& highlights,
                                 const std::string* code = nullptr);

/// How many rows of a witness the reports show before folding it (elide_rows).
inline constexpr size_t kWitnessRows = 24;

/// Shortens a long witness to at most `max_rows` steps (plus one elision row per run of dropped
/// rows). Preferred, in this order: every row of `threads` (when non-empty) and every row with a
/// note, when they fit; else the highlighted rows with one row of context each side and the last
/// rows, then as many of the latest preemptions as fit. Short traces are returned unchanged.
std::vector<TraceRow> elide_rows(const std::vector<TraceRow>& rows,
                                 const std::vector<std::string>& threads, size_t max_rows);

/// Prints the rows under a header line, every line starting with `indent`; columns are aligned
/// by display width (UTF-8 aware). `dim`/`reset` wrap the header and notes (empty: no colour).
void print_trace_table(std::ostream& out, const std::vector<TraceRow>& rows,
                       const std::string& indent, const std::string& dim = "",
                       const std::string& reset = "");

/// How a recorded execution ended, in words: "the program ended", "the program hangs: no thread
/// can move", "the schedule ended before the program did", ... (replay and the HTML lanes).
std::string trace_ending_text(const Trace& trace);

/// Display width of UTF-8 text: one column per code point.
size_t display_width(const std::string& text);

} // namespace rc
