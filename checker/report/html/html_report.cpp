// The HTML report: one self-contained page (html_assets.hpp: inline style and script, nothing
// loaded from the network) for a person to step through what went wrong. Per scenario a
// section: the search line, each finding with its witness as swimlanes beside the code
// (html_lanes.hpp) and the fix, the outcome table with a link per outcome to its interleaving,
// and the validation verdicts. A folder run gets a table of contents, one line per scenario.
// The page is the same bytes for the same input. tests/checker/report/html/html_report_test.py
// renders it in headless Chromium.
#include <algorithm> // find

#include <fmt/format.h> // markup

#include "checker/report/finding_rules.hpp" // finding_rule
#include "checker/report/html/html_assets.hpp"   // kHtmlStyle, kHtmlScript
#include "checker/report/html/html_lanes.hpp"    // html_lanes
#include "checker/report/markup.hpp"        // escape_markup
#include "checker/report/report.hpp"        // Reporter, ScenarioReport
#include "checker/report/scenario_text.hpp" // ScenarioText
#include "checker/report/search_text.hpp"   // search_line, search_summary

namespace rc {

namespace {

std::string esc(const std::string& s) {
    return escape_markup(s);
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

/// Printed text shown on one line: newlines as ⏎, cut after `limit` code points.
std::string one_line(const std::string& text, size_t limit = 80) {
    std::string out;
    size_t points = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) != 0x80 && ++points > limit) return out + "…";
        out += c == '\n' ? std::string("⏎") : std::string(1, text[i]);
    }
    return out;
}

bool conflicting(FindingKind k) {
    return k == FindingKind::DataRace || k == FindingKind::LostUpdate;
}

struct TocEntry {
    std::string id, name, file, what, how;
    bool bad = false;
};

class HtmlReporter final : public Reporter {
public:
    explicit HtmlReporter(const ReportOptions& o) : version_(o.version), several_(o.summary) {}

    void scenario(const ScenarioReport& r, std::ostream&) override {
        const Scenario& s = *r.scenario;
        const std::string id = "s" + std::to_string(++count_);
        const ScenarioText text(s);
        std::vector<std::string> kinds; // in report order
        for (const ReportedFinding& f : r.findings) {
            std::string k(finding_kind_name(f.finding.kind));
            if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
        }
        const bool bad =
            r.expect ? !r.expect->ok() : !r.findings.empty() || r.validation_disagrees();
        toc_.push_back({id, s.name, s.file, kinds.empty() ? "no findings" : join(kinds, ", "),
                        search_summary(r.search) + (r.print_lines ? ", print() as one write (--print-lines)" : ""), bad});
        std::string& h = body_;
        std::vector<std::string> params;
        for (const auto& [name, value] : s.params)
            params.push_back(fmt::format("{}={}", name, value));
        h += fmt::format(
            "<section class=\"scenario\" id=\"{}\"><h2>{} <span class=\"file\">{}{}</span></h2>",
            id, esc(s.name), esc(s.file), params.empty() ? "" : " · " + esc(join(params, " ")));
        h += html_code_template(id + "-code", text);
        if (!s.about.empty()) h += "<p>" + esc(s.about) + "</p>";
        h += "<p class=\"search\">" + esc(search_line(r)) + "</p>";
        if (r.search.cut_executions)
            h += fmt::format(
                "<p class=\"bad\">{} execution(s) cut at the step limit (max_steps {}); "
                "raise it with --max-steps</p>",
                r.search.cut_executions, r.budgets.max_steps);
        if (r.expect)
            h += r.expect->ok()
                     ? "<p class=\"good\">expect: matches [" + esc(join(s.expect, ", ")) + "]</p>"
                     : "<p class=\"bad\">expect differs — missing: [" +
                           esc(join(r.expect->missing, ", ")) + "], not in expect: [" +
                           esc(join(r.expect->extra, ", ")) + "]</p>";
        if (r.findings.empty()) h += "<p class=\"good\">✓ no findings</p>";
        for (size_t i = 0; i < r.findings.size(); ++i) finding(r, i, id, text);
        outcomes(r, id);
        validation(r);
        h += "</section>\n";
    }

    void refused(const RefusedScenario& r, std::ostream&) override {
        const std::string id = "s" + std::to_string(++count_);
        toc_.push_back({id, "(refused)", r.file, r.message, "", !r.documented});
        body_ += fmt::format("<section class=\"scenario\" id=\"{}\"><h2>{} <span class=\"file\">"
                             "refused</span></h2><pre class=\"{}\">",
                             id, esc(r.file), r.documented ? "dim" : "bad");
        for (const Diagnostic& d : r.diagnostics) body_ += esc(format_diagnostic(d)) + "\n";
        body_ += "</pre>";
        if (r.documented) body_ += "<p>refused, as the scenario's <code>about</code> documents</p>";
        body_ += "</section>\n";
    }

    void finish(const RunEnd& end, std::ostream& out) override {
        out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            << "<meta name=\"generator\" content=\"racecheck " << esc(version_) << "\">"
            << "<title>racecheck: "
            << esc(toc_.size() == 1 ? toc_[0].name : std::to_string(toc_.size()) + " scenarios")
            << "</title><style>" << kHtmlStyle << "</style></head>\n<body>\n"
            << "<h1>racecheck report</h1>\n"
            << "<p class=\"legend\">in the lanes: <span class=\"pre\">┃ preemption</span>"
            << "<span class=\"conflict\">conflicting access</span><span class=\"hl\">step the "
            << "finding points at</span><span class=\"blocked\">‖ blocked thread</span></p>\n";
        if (end.interrupted)
            out << "<p class=\"bad\">interrupted (Ctrl-C) during the last scenario shown"
                << (end.unchecked.empty() ? "" : "; the scenarios after it were not checked")
                << ".</p>\n";
        if (several_ || toc_.size() != 1) {
            out << "<table class=\"toc\">";
            for (const TocEntry& e : toc_)
                out << "<tr><td class=\"" << (e.bad ? "bad\">✗" : "good\">✓")
                    << "</td><td><a href=\"#" << e.id << "\">" << esc(e.name)
                    << "</a></td><td class=\"file\">" << esc(e.file) << "</td><td>" << esc(e.what)
                    << "</td><td class=\"dim\">" << esc(e.how) << "</td></tr>";
            for (const std::string& file : end.unchecked)
                out << "<tr><td class=\"dim\">–</td><td>(not checked)</td><td class=\"file\">"
                    << esc(file) << "</td><td>the run was interrupted</td><td></td></tr>";
            out << "</table>\n";
        }
        out << body_ << "<script>" << kHtmlScript << "</script>\n</body></html>\n";
    }

private:
    void finding(const ScenarioReport& r, size_t i, const std::string& sid,
                 const ScenarioText& text) {
        const ReportedFinding& rf = r.findings[i];
        const Finding& f = rf.finding;
        const std::string id = sid + "-f" + std::to_string(i + 1);
        const SourceRegion at = text.locate(f);
        std::string& h = body_;
        h += fmt::format("<div class=\"finding\" id=\"{}\"><h3><span class=\"bad\">✗</span> {}", id,
                         esc(f.summary));
        if (at.line)
            h += fmt::format(" <span class=\"file\">{}:{}</span>", esc(r.scenario->file), at.line);
        h += "</h3>";
        if (!rf.witness.steps.empty()) {
            LanesRequest lanes{id + "-w",         sid + "-code", &rf.witness,
                               f.highlights,      conflicting(f.kind), f.lines};
            if (at.line && lanes.located_lines.empty()) lanes.located_lines.push_back(at.line);
            h += html_lanes(lanes);
        }
        if (!f.details.empty()) {
            h += "<ul class=\"details\">";
            for (const std::string& d : f.details) h += "<li>" + esc(d) + "</li>";
            h += "</ul>";
        }
        if (rf.witness.divergence)
            h += fmt::format("<p class=\"bad\">replaying the witness diverged at step {}: {}</p>",
                             rf.witness.divergence->first, esc(rf.witness.divergence->second));
        h += "<p class=\"fix\"><b>Fix:</b> " + esc(finding_rule(f.kind).help) + "</p>";
        // A stateful search merges states: how many paths reached a bug says nothing.
        const std::string seen =
            r.search.states ? ""
                            : fmt::format("seen in {} of {} executions · ", f.count, r.search.executions);
        h += fmt::format("<p>{}{} preemption{} · replay: <code>{} --schedule {}</code></p></div>",
                         seen, f.preemptions, f.preemptions == 1 ? "" : "s",
                         esc(r.replay_command), esc(rf.token));
    }

    void outcomes(const ScenarioReport& r, const std::string& sid) {
        for (const auto& [ending, n] : r.cut)
            body_ += fmt::format("<p class=\"cut\">{} {}{} {} before the end: not outcomes, "
                                 "their values are not shown</p>",
                                 n, r.search.states ? "final state" : "execution",
                                 n == 1 ? "" : "s", esc(ending));
        if (r.outcomes.empty()) return;
        std::vector<std::string> names; // every watched global, in first-seen order
        for (const ReportedOutcome& o : r.outcomes)
            for (const auto& [name, repr] : o.outcome.values)
                if (std::find(names.begin(), names.end(), name) == names.end())
                    names.push_back(name);
        std::string& h = body_;
        h += fmt::format("<h3>{} distinct outcome{}{}</h3><table class=\"outcomes\"><tr><th>#</th>"
                         "<th>executions</th><th>ending</th>",
                         r.outcomes.size(), r.outcomes.size() == 1 ? "" : "s",
                         !r.outcomes_exhaustive() ? " seen (not exhaustive)"
                         : r.print_lines          ? " (all reachable when each print() is one write: --print-lines)"
                                                  : " (all reachable)");
        for (const std::string& n : names) h += "<th>" + esc(n) + "</th>";
        h += "<th>output</th><th>interleaving</th></tr>";
        std::string witnesses;
        for (size_t j = 0; j < r.outcomes.size(); ++j) {
            const ReportedOutcome& o = r.outcomes[j];
            const std::string id = sid + "-o" + std::to_string(j + 1);
            h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td>", j + 1, o.outcome.count,
                             esc(o.outcome.ending));
            for (const std::string& n : names) {
                std::string value;
                for (const auto& [name, repr] : o.outcome.values)
                    if (name == n) value = repr;
                h += "<td>" + esc(value) + "</td>";
            }
            h += "<td>" + esc(one_line(o.outcome.output));
            if (!o.outcome.mixed_lines.empty())
                h += " <span class=\"mixed\">" + esc(mixed_lines_marker(o.outcome.mixed_lines)) + "</span>";
            h += "</td><td>";
            if (o.witness) {
                h += fmt::format("<a href=\"#{}\">show</a>", id);
                const std::string replay =
                    o.token.empty() ? esc(o.token_omitted)
                                    : "replay: <code>" + esc(r.replay_command) + " --schedule " + esc(o.token) + "</code>";
                witnesses += fmt::format("<details id=\"{}\"><summary>outcome {}: {} ({} "
                                         "execution{}) — {}</summary>",
                                         id, j + 1, esc(o.outcome.ending), o.outcome.count,
                                         o.outcome.count == 1 ? "" : "s", replay);
                witnesses += html_lanes(
                    LanesRequest{id + "-w", sid + "-code", &*o.witness, {}, false, {}});
                witnesses += "</details>";
            } else {
                h += o.token.empty() ? esc(o.token_omitted) : "<code>" + esc(o.token) + "</code>";
            }
            h += "</td></tr>";
        }
        h += "</table>" + witnesses;
    }

    void validation(const ScenarioReport& r) {
        std::string& h = body_;
        if (!r.validation_unavailable.empty()) {
            h += "<p class=\"dim\">" + esc(r.validation_unavailable) + "</p>";
            return;
        }
        if (!r.validation) return;
        const ValidationReport& v = *r.validation;
        h += fmt::format(
            "<h3>Validated on real threads under ThreadSanitizer ({} free runs)</h3><ul>",
            v.free_runs);
        for (size_t i = 0; i < r.findings.size() && i < v.findings.size(); ++i) {
            const Validation& fv = v.findings[i];
            h += fmt::format("<li>{}: forced replay {}, TSan {}, shown by itself in {} of {} free "
                             "runs{}</li>",
                             esc(r.findings[i].finding.summary), esc(fv.forced_replay),
                             esc(fv.tsan), fv.free_showed, fv.free_runs,
                             fv.detail.empty() ? "" : " — " + esc(fv.detail));
        }
        for (const TsanRace& t : v.tsan_only)
            h += "<li class=\"bad\">tsan-only: " + esc(tsan_only_text(t)) + "</li>";
        for (const std::string& e : v.tsan_other) h += "<li class=\"bad\">" + esc(e) + "</li>";
        for (const std::string& e : v.errors) h += "<li class=\"bad\">" + esc(e) + "</li>";
        if (r.findings.empty() && v.tsan_only.empty() && v.tsan_other.empty() && v.errors.empty())
            h += "<li class=\"good\">TSan-clean in every run</li>";
        h += "</ul>";
    }

    std::string version_;
    bool several_;
    size_t count_ = 0;
    std::vector<TocEntry> toc_;
    std::string body_;
};

} // namespace

std::unique_ptr<Reporter> make_html_reporter(const ReportOptions& options) {
    return std::make_unique<HtmlReporter>(options);
}

} // namespace rc
