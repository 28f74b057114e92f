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
    uint64_t step = 0; // 1-based; the first step of a folded stretch
    /// A folded stretch: the row stands for `folded` steps, step .. step + folded - 1, and
    /// `operation` says what they did ("runs line 15 99,998 times; counter 2 → 99,999"). 0: one step.
    uint64_t folded = 0;
    std::string thread; // a folded stretch of several threads names them all
    uint32_t line = 0;  // YAML line; 0 when the step has none (a stretch: its first line)
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

/// How many steps a witness table shows as themselves before the rest is folded (fold_rows).
inline constexpr size_t kWitnessRows = 24;

/// The witness table of a long execution: the steps that show the bug, the rest folded.
///
/// Kept as themselves, when there are more than `max_rows` rows: the highlighted steps (the
/// finding's accesses: a stale read, the foreign write, the stale write; two racing accesses),
/// the last three steps, and the preemptions (all of them when they fit in `max_rows`, else the
/// ones next to a highlight, then the latest). Each stretch between kept steps is folded by
/// thread: a run of one thread's consecutive steps of at most three steps is shown as it is
/// (while at most `max_rows` steps are shown in all); a longer one is one row, "runs line 15 99,998 times" when its steps repeat one cycle of lines
/// and operations, else "runs 1,234 steps on lines 8–20", with the first and last values of the
/// globals it writes ("counter 2 → 99,999"). A stretch of more than eight runs (threads switching
/// often) is one row for all of its threads. Short traces are returned unchanged; the result
/// never has more than a few rows per kept step, whatever the trace's length.
std::vector<TraceRow> fold_rows(const Trace& trace, const std::vector<TraceRow>& rows,
                                size_t max_rows = kWitnessRows);

/// fold_rows(trace, trace_rows(trace, highlights, code), max_rows), making only the rows it keeps
/// (a 1 M-step witness: a few dozen rows, not a million).
std::vector<TraceRow> witness_rows(const Trace& trace, const std::vector<Highlight>& highlights,
                                   const std::string* code = nullptr,
                                   size_t max_rows = kWitnessRows);

/// The steps folded away in `rows` (the sum of TraceRow::folded).
uint64_t folded_steps(const std::vector<TraceRow>& rows);

/// "199,996 of 200,010 steps are folded into 3 rows (`racecheck replay --full` shows every
/// step)", or "" when nothing is folded.
std::string folded_text(const std::vector<TraceRow>& rows, uint64_t total_steps);

/// 1234567 → "1,234,567".
std::string grouped(uint64_t n);

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
