// html_lanes: a Trace as a swimlane table beside the code.
#include "checker/report/html/html_lanes.hpp"

#include <algorithm> // find
#include <cstddef>   // ptrdiff_t
#include <set>       // marked steps

#include <fmt/format.h> // rows

#include "checker/report/markup.hpp"      // escape_markup
#include "checker/report/trace_table.hpp" // witness_rows, trace_ending_text

namespace rc {

std::string html_lanes(const LanesRequest& rq) {
    const Trace& t = *rq.trace;
    std::vector<std::string> threads; // columns, in order of first step
    auto column = [&](const std::string& name) {
        if (std::find(threads.begin(), threads.end(), name) == threads.end())
            threads.push_back(name);
    };
    for (const std::string& name : t.names) column(name); // the steps' names, in order of first step
    for (const std::string& name : t.blocked_threads) column(name);
    std::set<uint64_t> marked;
    for (const Highlight& h : rq.highlights) marked.insert(h.step);

    const std::vector<TraceRow> rows = witness_rows(t, rq.highlights);
    std::string h =
        fmt::format("<div class=\"witness\" id=\"{}\" tabindex=\"0\" data-steps=\"{}\">", rq.id,
                    t.steps.size());
    h += "<div class=\"ctl\"><button type=\"button\" data-d=\"-1\">◀ previous</button>"
         "<button type=\"button\" data-d=\"1\">next ▶</button><span class=\"pos\">click a "
         "step, or use the buttons or ↑ ↓</span></div>";
    h += "<div class=\"split\"><div class=\"lanes-box\"><table "
         "class=\"lanes\"><thead><tr><th>step</th>";
    for (const std::string& name : threads) h += "<th>" + escape_markup(name) + "</th>";
    h += "</tr></thead><tbody>";
    for (const TraceRow& row : rows) {
        if (row.folded) { // a folded stretch: one row across the lanes
            h += fmt::format("<tr class=\"fold\"><td colspan=\"{}\">⋯ steps {}–{}: {}{}</td></tr>",
                             threads.size() + 1, row.step, row.step + row.folded - 1,
                             escape_markup(row.thread), escape_markup(" " + row.operation));
            continue;
        }
        const bool preempt = t.steps[row.step - 1].preempted && row.step > 1;
        std::string cls = "st";
        if (preempt) cls += " pre";
        if (marked.count(row.step)) cls += rq.conflicts ? " conflict" : " hl";
        h += fmt::format("<tr class=\"{}\" data-step=\"{}\" data-line=\"{}\"><th>{}</th>", cls,
                         row.step, row.line, row.step);
        for (const std::string& name : threads) {
            if (name != row.thread) {
                h += "<td></td>";
                continue;
            }
            h += "<td class=\"op\">" + escape_markup(row.operation);
            if (row.line) h += fmt::format(" <span class=\"ln\">line {}</span>", row.line);
            if (!row.note.empty()) h += "<div class=\"note\">" + escape_markup(row.note) + "</div>";
            h += "</td>";
        }
        h += "</tr>";
    }
    // The unfinished threads: blocked for good when the program hangs, else where they stand
    // when the witness stops.
    const bool hangs = t.end.status == RunStatus::Blocked && !t.end.step_limit && !t.divergence;
    if (!t.blocked_threads.empty()) {
        h += hangs ? "<tr class=\"end\"><th>then</th>" : "<tr class=\"end\"><th>next</th>";
        for (const std::string& name : threads) {
            auto b = std::find(t.blocked_threads.begin(), t.blocked_threads.end(), name);
            if (b == t.blocked_threads.end() ||
                b - t.blocked_threads.begin() >= static_cast<std::ptrdiff_t>(t.blocked.size())) {
                h += "<td></td>";
                continue;
            }
            const std::string& why = t.blocked[static_cast<size_t>(b - t.blocked_threads.begin())];
            // "Thread-1 (worker) (line 12) waits ...": the column already names the thread
            const std::string wait =
                why.rfind(name + " ", 0) == 0 ? why.substr(name.size() + 1) : why;
            h += hangs ? "<td class=\"blocked\">‖ blocked forever " + escape_markup(wait) + "</td>"
                       : "<td class=\"next\">" + escape_markup(wait) + "</td>";
        }
        h += "</tr>";
    }
    h += "</tbody></table><p class=\"ending\">" + escape_markup(trace_ending_text(t)) + "</p>";
    if (const std::string folded = folded_text(rows, t.steps.size()); !folded.empty())
        h += "<p class=\"folded\">" + escape_markup(folded) + "</p>";
    h += "</div>";
    std::string located;
    for (uint32_t line : rq.located_lines)
        located += (located.empty() ? "" : " ") + std::to_string(line);
    h += fmt::format("<ol class=\"code\" data-code=\"{}\" data-loc=\"{}\"></ol></div></div>",
                     rq.code_id, located);
    return h;
}

std::string html_code_template(const std::string& id, const ScenarioText& text) {
    std::string h = "<template id=\"" + id + "\">";
    for (const auto& [line, code] : text.code_lines())
        h += fmt::format("<li data-line=\"{}\"><span class=\"n\">{}</span>{}</li>", line, line,
                         code.empty() ? " " : escape_markup(code));
    return h + "</template>";
}

} // namespace rc
