// Trace tables: rows from a recorded execution, elision of long witnesses, aligned printing.
#include "checker/report/trace_table.hpp"

#include <algorithm> // max, find
#include <sstream>   // splitting the code block

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

std::vector<TraceRow> trace_rows(const Trace& trace, const std::vector<Highlight>& highlights,
                                 const std::string* code) {
    std::vector<std::string> code_lines = code ? split_lines(*code) : std::vector<std::string>{};
    std::vector<TraceRow> rows;
    rows.reserve(trace.steps.size());
    for (size_t i = 0; i < trace.steps.size(); ++i) {
        const TraceStep& s = trace.steps[i];
        TraceRow row;
        row.step = i + 1;
        row.thread = s.thread;
        row.line = s.line;
        row.operation = s.operation;
        if (s.preempted && i > 0) add_note(row.note, "preempts " + trace.steps[i - 1].thread);
        for (const Highlight& h : highlights)
            if (h.step == row.step) add_note(row.note, h.note), row.highlighted = true;
        uint32_t code_line = s.event.line;
        if (code_line >= 1 && code_line <= code_lines.size())
            row.source = trim(code_lines[code_line - 1]);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<TraceRow> elide_rows(const std::vector<TraceRow>& rows,
                                 const std::vector<std::string>& threads, size_t max_rows) {
    if (rows.size() <= max_rows) return rows;
    std::vector<bool> keep(rows.size(), false);
    size_t kept = 0;
    auto mark = [&](size_t i) {
        if (!keep[i]) keep[i] = true, ++kept;
    };
    auto involved = [&](const TraceRow& r) {
        return threads.empty() ||
               std::find(threads.begin(), threads.end(), r.thread) != threads.end();
    };
    for (size_t i = 0; i < rows.size(); ++i)
        if (involved(rows[i]) || !rows[i].note.empty()) mark(i);
    if (kept > max_rows) {
        // Still too long: the highlighted rows with one row of context each side and the last
        // rows; then the latest preemptions, as many as fit.
        std::fill(keep.begin(), keep.end(), false);
        kept = 0;
        const size_t tail = std::min<size_t>(rows.size(), 4);
        for (size_t i = rows.size() - tail; i < rows.size(); ++i) mark(i);
        for (size_t i = rows.size(); i-- > 0 && kept < max_rows;) {
            if (!rows[i].highlighted) continue;
            mark(i);
            if (i + 1 < rows.size() && kept < max_rows) mark(i + 1);
            if (i > 0 && kept < max_rows) mark(i - 1);
        }
        for (size_t i = rows.size(); i-- > 0 && kept < max_rows;)
            if (!rows[i].note.empty()) mark(i);
    }
    std::vector<TraceRow> out;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (keep[i]) {
            out.push_back(rows[i]);
        } else if (out.empty() || out.back().step != 0) {
            out.push_back(TraceRow{}); // elision row
        }
    }
    return out;
}

void print_trace_table(std::ostream& out, const std::vector<TraceRow>& rows,
                       const std::string& indent, const std::string& dim,
                       const std::string& reset) {
    size_t w_step = 4, w_thread = 6, w_line = 4, w_op = 9, w_src = 0;
    bool any_source = false;
    for (const TraceRow& r : rows) {
        if (r.step == 0) continue;
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
        if (r.step == 0) {
            out << indent << pad_left("…", w_step) << "\n";
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
