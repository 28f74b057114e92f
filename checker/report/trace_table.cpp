// Trace tables: rows from a recorded execution, elision of long witnesses, aligned printing.
#include "checker/report/trace_table.hpp"

#include <algorithm>  // max, find, count_if
#include <functional> // a row maker
#include <sstream>    // splitting the code block
#include <string_view> // the values a folded stretch wrote

namespace rc {

namespace {

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    size_t e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

/// Joins notes into one marker: "← preempts Thread-1; then blocks at line 18".
void add_note(std::string& note, const std::string& text) {
    if (text.empty()) return;
    const std::string arrow = "← ";
    std::string body = text.rfind(arrow, 0) == 0 ? text.substr(arrow.size()) : text;
    note += note.empty() ? arrow + body : "; " + body;
}

std::string pad(const std::string& s, size_t width) {
    size_t w = display_width(s);
    return w >= width ? s : s + std::string(width - w, ' ');
}

std::string pad_left(const std::string& s, size_t width) {
    size_t w = display_width(s);
    return w >= width ? s : std::string(width - w, ' ') + s;
}

} // namespace

std::string trace_ending_text(const Trace& t) {
    if (t.divergence) return "the replay stopped where the schedule did not fit";
    if (t.end.step_limit) return "the execution was cut at the step limit";
    switch (t.end.status) {
    case RunStatus::Ended: return "the program ended";
    case RunStatus::Blocked:
        return t.end.spinning.empty() ? "the program hangs: no thread can move"
                                      : "the program hangs: the only threads left busy-wait";
    case RunStatus::Diverged: return "a thread runs forever without a visible operation";
    case RunStatus::Running: return "the schedule ended before the program did";
    case RunStatus::Limit: return "the execution stopped at a limit of racecheck's";
    case RunStatus::Refused: return "the program met an operation outside racecheck's subset";
    }
    return "";
}

size_t display_width(const std::string& text) {
    size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

namespace {

/// Step i's row (trace_rows says what it holds).
TraceRow step_row(const Trace& trace, size_t i, const std::vector<Highlight>& highlights,
                  const std::vector<std::string>& code_lines) {
    const TraceStep& s = trace.steps[i];
    TraceRow row;
    row.step = i + 1;
    row.thread = trace.thread(i);
    row.line = s.line;
    row.operation = s.operation;
    if (s.preempted && i > 0) add_note(row.note, "preempts " + trace.thread(i - 1));
    for (const Highlight& h : highlights)
        if (h.step == row.step) add_note(row.note, h.note), row.highlighted = true;
    uint32_t code_line = s.event.line;
    if (code_line >= 1 && code_line <= code_lines.size())
        row.source = trim(code_lines[code_line - 1]);
    return row;
}

} // namespace

std::vector<TraceRow> trace_rows(const Trace& trace, const std::vector<Highlight>& highlights,
                                 const std::string* code) {
    std::vector<std::string> code_lines = code ? split_lines(*code) : std::vector<std::string>{};
    std::vector<TraceRow> rows;
    rows.reserve(trace.steps.size());
    for (size_t i = 0; i < trace.steps.size(); ++i)
        rows.push_back(step_row(trace, i, highlights, code_lines));
    return rows;
}

namespace {

/// A run of one thread's consecutive steps (indices into the trace) inside a folded stretch.
struct Run {
    size_t begin = 0, end = 0; // [begin, end)
};

/// "counter 2 → 99,999; done = True": the first and last values each global got from the
/// GlobalWrite steps in [begin, end), in order of first write (at most three globals).
std::string writes_text(const Trace& t, size_t begin, size_t end) {
    struct Written { // views into the steps' operations (a 1 M-step stretch: no copies)
        std::string_view name, first, last;
        uint64_t count = 0;
    };
    std::vector<Written> vars;
    for (size_t i = begin; i < end; ++i) {
        const TraceStep& s = t.steps[i];
        if (s.event.kind != OpKind::GlobalWrite) continue;
        const std::string_view op = s.operation; // Interpreter::describe_event: "write NAME = VALUE"
        const size_t eq = op.find(" = ");
        if (op.substr(0, 6) != "write " || eq == std::string_view::npos) continue;
        const std::string_view name = op.substr(6, eq - 6), value = op.substr(eq + 3);
        auto it = std::find_if(vars.begin(), vars.end(),
                               [&](const Written& v) { return v.name == name; });
        if (it == vars.end()) it = vars.insert(vars.end(), Written{name, value, value, 0});
        it->last = value;
        ++it->count;
    }
    auto number = [](std::string_view view) { // ints read better grouped: 99999 → 99,999
        const std::string v(view);
        const bool negative = !v.empty() && v[0] == '-';
        const std::string digits = negative ? v.substr(1) : v;
        if (digits.empty() || digits.size() > 18 ||
            digits.find_first_not_of("0123456789") != std::string::npos)
            return v;
        return (negative ? "-" : "") + grouped(std::stoull(digits));
    };
    std::string out;
    for (size_t k = 0; k < vars.size() && k < 3; ++k) {
        const Written& v = vars[k];
        out += (out.empty() ? "" : "; ") + std::string(v.name) +
               (v.count == 1 ? " = " + number(v.first)
                             : " " + number(v.first) + " → " + number(v.last));
    }
    if (vars.size() > 3) out += "; " + std::to_string(vars.size() - 3) + " more globals written";
    return out;
}

/// "line 15", "lines 8–9": the lines of steps [begin, end).
std::string lines_text(const Trace& t, size_t begin, size_t end) {
    uint32_t lo = 0, hi = 0;
    for (size_t i = begin; i < end; ++i) {
        const uint32_t l = t.steps[i].line;
        if (!l) continue;
        lo = lo ? std::min(lo, l) : l;
        hi = std::max(hi, l);
    }
    if (!lo) return "";
    return lo == hi ? "line " + std::to_string(lo)
                    : "lines " + std::to_string(lo) + "–" + std::to_string(hi);
}

/// The smallest period p (up to 16) with which the steps of a run repeat (same line, operation
/// kind and variable), or 0 when there is none covering at least two cycles.
size_t cycle_period(const Trace& t, const Run& r) {
    auto same = [&](size_t i, size_t j) {
        const TraceStep& a = t.steps[i];
        const TraceStep& b = t.steps[j];
        return a.line == b.line && a.event.kind == b.event.kind && a.event.var == b.event.var;
    };
    const size_t n = r.end - r.begin;
    for (size_t p = 1; p <= 16 && 2 * p <= n; ++p) {
        bool ok = true;
        for (size_t i = r.begin + p; i < r.end && ok; ++i) ok = same(i, i - p);
        if (ok) return p;
    }
    return 0;
}

TraceRow fold_run(const Trace& t, const Run& r) {
    TraceRow row;
    row.step = r.begin + 1;
    row.folded = r.end - r.begin;
    row.thread = t.thread(r.begin);
    const size_t n = r.end - r.begin;
    const std::string where = lines_text(t, r.begin, r.end);
    if (where.rfind("line ", 0) == 0) row.line = t.steps[r.begin].line;
    if (const size_t p = cycle_period(t, r)) {
        row.operation = "runs " + (where.empty() ? std::string("its code") : where) + " " +
                        grouped(n / p) + " times";
        if (n % p) row.operation += " and " + grouped(n % p) + (n % p == 1 ? " step" : " steps");
    } else {
        row.operation = "runs " + grouped(n) + (n == 1 ? " step" : " steps") +
                        (where.empty() ? "" : " on " + where);
    }
    const std::string writes = writes_text(t, r.begin, r.end);
    if (!writes.empty()) row.operation += "; " + writes;
    return row;
}

/// One row for a stretch [begin, end) in which threads switch often.
TraceRow fold_mixed(const Trace& t, size_t begin, size_t end, size_t runs) {
    std::vector<uint32_t> threads; // indices into t.names, in order of first step
    for (size_t i = begin; i < end; ++i)
        if (std::find(threads.begin(), threads.end(), t.steps[i].name) == threads.end())
            threads.push_back(t.steps[i].name);
    TraceRow row;
    row.step = begin + 1;
    row.folded = end - begin;
    for (size_t k = 0; k < threads.size() && k < 2; ++k)
        row.thread += (k ? ", " : "") + t.names[threads[k]];
    if (threads.size() > 2) row.thread += " +" + std::to_string(threads.size() - 2);
    row.operation = "run " + grouped(end - begin) + " steps, " + grouped(runs - 1) +
                    " switches between " + std::to_string(threads.size()) + " threads";
    const std::string writes = writes_text(t, begin, end);
    if (!writes.empty()) row.operation += "; " + writes;
    return row;
}

/// Appends the rows of the unkept stretch [begin, end).
/// `allowance`: how many more steps may still be shown as themselves (short runs past it are
/// folded too).
void fold_stretch(const Trace& t, const std::function<TraceRow(size_t)>& row, size_t begin,
                  size_t end, size_t& allowance, std::vector<TraceRow>& out) {
    constexpr size_t kMaxRuns = 8;     // more runs than this: one row for the whole stretch
    constexpr size_t kShortRun = 3;    // runs this short are shown step by step
    std::vector<Run> runs;
    for (size_t i = begin; i < end; ++i) {
        if (runs.empty() || !t.same_thread(i, runs.back().begin))
            runs.push_back(Run{i, i + 1});
        else
            runs.back().end = i + 1;
        if (runs.size() > kMaxRuns) break;
    }
    if (runs.size() > kMaxRuns) {
        size_t count = 0;
        for (size_t i = begin; i < end; ++i)
            if (i == begin || !t.same_thread(i, i - 1)) ++count;
        out.push_back(fold_mixed(t, begin, end, count));
        return;
    }
    for (const Run& r : runs) {
        if (r.end - r.begin <= std::min(kShortRun, allowance)) {
            allowance -= r.end - r.begin;
            for (size_t i = r.begin; i < r.end; ++i) out.push_back(row(i));
        } else {
            out.push_back(fold_run(t, r));
        }
    }
}

} // namespace

std::string grouped(uint64_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

namespace {

/// What fold_rows needs to know of a row without making it (a 1 M-step witness is folded to a
/// few dozen rows: only those are made).
enum RowFlag : uint8_t { kHighlighted = 1, kNoted = 2 };

/// fold_rows over n rows, given each row's flags and a maker of row i.
std::vector<TraceRow> fold(const Trace& trace, const std::vector<uint8_t>& flags,
                           const std::function<TraceRow(size_t)>& row, size_t max_rows) {
    const size_t n = flags.size();
    auto highlighted = [&](size_t i) { return (flags[i] & kHighlighted) != 0; };
    auto noted = [&](size_t i) { return (flags[i] & kNoted) != 0; };
    std::vector<bool> keep(n, false);
    size_t kept = 0;
    auto mark = [&](size_t i) {
        if (!keep[i]) keep[i] = true, ++kept;
    };
    const size_t tail = std::min<size_t>(n, 3);
    for (size_t i = n - tail; i < n; ++i) mark(i);
    for (size_t i = 0; i < n; ++i)
        if (highlighted(i)) mark(i);
    size_t preemptions = 0;
    for (size_t i = 0; i < n; ++i) preemptions += !noted(i) || highlighted(i) ? 0 : 1;
    if (kept + preemptions <= max_rows) {
        for (size_t i = 0; i < n; ++i)
            if (noted(i)) mark(i);
    } else {
        // Too many: the preemptions next to a highlight, then the latest ones, as many as fit.
        for (size_t i = 0; i < n; ++i) {
            if (!highlighted(i)) continue;
            if (i + 1 < n && noted(i + 1) && kept < max_rows) mark(i + 1);
            if (i > 0 && noted(i - 1) && kept < max_rows) mark(i - 1);
        }
        for (size_t i = n; i-- > 0 && kept < max_rows;)
            if (noted(i)) mark(i);
    }
    size_t allowance = max_rows > kept ? max_rows - kept : 0;
    std::vector<TraceRow> out;
    for (size_t i = 0; i < n;) {
        if (keep[i]) {
            out.push_back(row(i++));
            continue;
        }
        size_t j = i;
        while (j < n && !keep[j]) ++j;
        fold_stretch(trace, row, i, j, allowance, out);
        i = j;
    }
    return out;
}

} // namespace

std::vector<TraceRow> fold_rows(const Trace& trace, const std::vector<TraceRow>& rows,
                                size_t max_rows) {
    if (rows.size() <= max_rows || rows.size() != trace.steps.size()) return rows;
    std::vector<uint8_t> flags(rows.size(), 0);
    for (size_t i = 0; i < rows.size(); ++i)
        flags[i] = (rows[i].highlighted ? kHighlighted : 0) | (rows[i].note.empty() ? 0 : kNoted);
    return fold(trace, flags, [&](size_t i) { return rows[i]; }, max_rows);
}

std::vector<TraceRow> witness_rows(const Trace& trace, const std::vector<Highlight>& highlights,
                                   const std::string* code, size_t max_rows) {
    if (trace.steps.size() <= max_rows) return trace_rows(trace, highlights, code);
    const std::vector<std::string> code_lines = code ? split_lines(*code) : std::vector<std::string>{};
    // A row's note is empty unless the step preempts (not the first step) or has a highlight
    // with a note (step_row, add_note).
    std::vector<uint8_t> flags(trace.steps.size(), 0);
    for (size_t i = 1; i < trace.steps.size(); ++i)
        if (trace.steps[i].preempted) flags[i] |= kNoted;
    for (const Highlight& h : highlights) {
        if (h.step < 1 || h.step > trace.steps.size()) continue;
        flags[h.step - 1] |= kHighlighted;
        if (!h.note.empty()) flags[h.step - 1] |= kNoted;
    }
    return fold(trace, flags,
                [&](size_t i) { return step_row(trace, i, highlights, code_lines); }, max_rows);
}

uint64_t folded_steps(const std::vector<TraceRow>& rows) {
    uint64_t n = 0;
    for (const TraceRow& r : rows) n += r.folded;
    return n;
}

std::string folded_text(const std::vector<TraceRow>& rows, uint64_t total_steps) {
    const uint64_t n = folded_steps(rows);
    if (!n) return "";
    size_t folds = 0;
    for (const TraceRow& r : rows) folds += r.folded ? 1 : 0;
    return grouped(n) + " of " + grouped(total_steps) + " steps are folded into " +
           std::to_string(folds) + (folds == 1 ? " row" : " rows") +
           " (`racecheck replay --full` shows every step)";
}

void print_trace_table(std::ostream& out, const std::vector<TraceRow>& rows,
                       const std::string& indent, const std::string& dim,
                       const std::string& reset) {
    size_t w_step = 4, w_thread = 6, w_line = 4, w_op = 9, w_src = 0;
    bool any_source = false;
    auto step_text = [](const TraceRow& r) {
        return r.folded > 1 ? std::to_string(r.step) + "–" + std::to_string(r.step + r.folded - 1)
                            : std::to_string(r.step);
    };
    for (const TraceRow& r : rows) {
        if (r.folded) { // a stretch's text is not a column: it only sets the step column
            w_step = std::max(w_step, display_width(step_text(r)));
            w_thread = std::max(w_thread, display_width(r.thread));
            continue;
        }
        w_step = std::max(w_step, std::to_string(r.step).size());
        w_thread = std::max(w_thread, display_width(r.thread));
        w_line = std::max(w_line, std::to_string(r.line).size());
        w_op = std::max(w_op, display_width(r.operation));
        w_src = std::max(w_src, display_width(r.source));
        any_source = any_source || !r.source.empty();
    }
    std::string header = indent + pad_left("step", w_step) + "  " + pad("thread", w_thread) +
                         "  " + pad_left("line", w_line) + "  " +
                         (any_source ? pad("operation", w_op) + "  code" : "operation");
    out << dim << header << reset << "\n";
    for (const TraceRow& r : rows) {
        if (r.folded) {
            std::string line = indent + pad_left(step_text(r), w_step) + "  " +
                               pad(r.thread, w_thread) + "  " +
                               pad_left(r.line ? std::to_string(r.line) : "", w_line) + "  " +
                               dim + "⋯ " + r.operation + reset;
            out << line << "\n";
            continue;
        }
        std::string line = indent + pad_left(std::to_string(r.step), w_step) + "  " +
                           pad(r.thread, w_thread) + "  " +
                           pad_left(r.line ? std::to_string(r.line) : "", w_line) + "  ";
        if (any_source) {
            line += pad(r.operation, w_op) + "  " + pad(r.source, w_src);
            if (!r.note.empty()) line += "  " + dim + r.note + reset;
        } else {
            line += r.note.empty() ? r.operation
                                   : pad(r.operation, w_op) + "  " + dim + r.note + reset;
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << "\n";
    }
}

} // namespace rc
