// The text report, for people: a header, what the search covered, each finding with its witness
// table and replay command, the reachable outcomes. For several scenarios: one line each and a
// total. Byte-stable unless stdout is a terminal (colour, the search's duration).
#include <algorithm> // sort, max
#include <charconv>  // from_chars (numeric ordering of outcome values)
#include <map>       // outputs grouped by shape
#include <set>       // distinct values

#include <fmt/format.h> // lines

#include "checker/report/finding_text.hpp" // print_finding_body
#include "checker/report/report.hpp"       // Reporter, ScenarioReport
#include "checker/report/search_text.hpp"  // search_line, search_summary
#include "checker/report/trace_table.hpp"  // display_width

namespace rc {

namespace {

struct Style {
    std::string red, green, yellow, bold, dim, reset;
    explicit Style(bool color) {
        if (!color) return;
        red = "\x1b[31m", green = "\x1b[32m", yellow = "\x1b[33m";
        bold = "\x1b[1m", dim = "\x1b[2m", reset = "\x1b[0m";
    }
};

std::string pad(const std::string& s, size_t width) {
    size_t w = display_width(s);
    return w >= width ? s : s + std::string(width - w, ' ');
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

bool as_number(const std::string& s, double& value) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc{} && end == s.data() + s.size();
}

/// Values sorted numerically when they all are numbers, else as text.
void sort_values(std::vector<std::string>& values) {
    std::vector<double> nums(values.size());
    for (size_t i = 0; i < values.size(); ++i)
        if (!as_number(values[i], nums[i])) return std::sort(values.begin(), values.end());
    std::sort(values.begin(), values.end(), [](const std::string& a, const std::string& b) {
        double x = 0, y = 0;
        as_number(a, x), as_number(b, y);
        return x < y;
    });
}

/// Printed text as a double-quoted literal, newlines as \n, cut at `limit` columns.
std::string quoted(const std::string& text, size_t limit = 60) {
    std::string body;
    for (char c : text) body += c == '\n' ? std::string("\\n") : c == '"' ? "\\\"" : std::string(1, c);
    if (display_width(body) > limit) {
        size_t cut = 0, cols = 0;
        while (cut < body.size() && cols < limit)
            if ((static_cast<unsigned char>(body[++cut]) & 0xC0) != 0x80) ++cols;
        body = body.substr(0, cut) + "…";
    }
    return "\"" + body + "\"";
}

/// "Counter: N" for N ∈ {2, 3, 4} when the outputs differ in exactly one number; else nullopt.
std::optional<std::string> number_pattern(const std::vector<std::string>& outputs) {
    auto split = [](const std::string& s, std::string& shape, std::vector<std::string>& nums) {
        for (size_t i = 0; i < s.size();) {
            if (s[i] >= '0' && s[i] <= '9') {
                size_t j = i;
                while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
                nums.push_back(s.substr(i, j - i));
                shape += '\x01';
                i = j;
            } else {
                shape += s[i++];
            }
        }
    };
    std::string shape0;
    std::vector<std::vector<std::string>> nums(outputs.size());
    split(outputs[0], shape0, nums[0]);
    for (size_t k = 1; k < outputs.size(); ++k) {
        std::string shape;
        split(outputs[k], shape, nums[k]);
        if (shape != shape0) return std::nullopt;
    }
    std::optional<size_t> varying;
    for (size_t p = 0; p < nums[0].size(); ++p) {
        for (size_t k = 1; k < outputs.size(); ++k) {
            if (nums[k][p] == nums[0][p]) continue;
            if (varying && *varying != p) return std::nullopt;
            varying = p;
        }
    }
    if (!varying) return std::nullopt;
    std::string text;
    for (size_t i = 0, p = 0; i < shape0.size(); ++i)
        text += shape0[i] != '\x01' ? std::string(1, shape0[i]) : p++ == *varying ? "N" : nums[0][p - 1];
    std::set<std::string> distinct;
    for (auto& n : nums) distinct.insert(n[*varying]);
    std::vector<std::string> values(distinct.begin(), distinct.end());
    sort_values(values);
    return quoted(text) + " for N ∈ {" + join(values, ", ") + "}";
}

class TextReporter final : public Reporter {
public:
    explicit TextReporter(const ReportOptions& o) : options_(o), style_(o.color) {}

    void scenario(const ScenarioReport& r, std::ostream& out) override {
        ++scenarios_;
        bool bad = r.expect ? !r.expect->ok() : !r.findings.empty();
        (r.findings.empty() ? clean_ : with_findings_)++;
        if (r.expect) (r.expect->ok() ? matched_ : differ_)++;
        if (options_.summary) return summary_line(r, bad, out);
        full_report(r, out);
    }

    void refused(const RefusedScenario& r, std::ostream& out) override {
        ++scenarios_, ++refused_;
        if (r.documented) ++documented_;
        if (!options_.summary) {
            if (r.documented) out << "refused, as its `about` documents: " << r.message << "\n";
            return;
        }
        std::string mark = r.documented ? style_.dim + "–" + style_.reset
                                        : style_.yellow + "!" + style_.reset;
        out << mark << " " << pad("(refused)", 32) << " " << pad(r.file, 44) << " "
            << r.message << "\n";
    }

    void finish(const RunEnd& end, std::ostream& out) override {
        if (!options_.summary) return;
        std::vector<std::string> parts;
        if (differ_ + matched_ > 0) {
            parts.push_back(fmt::format("{} match their expect", matched_));
            parts.push_back(fmt::format("{} differ", differ_));
        } else {
            parts.push_back(fmt::format("{} clean", clean_));
            parts.push_back(fmt::format("{} with findings", with_findings_));
        }
        if (refused_)
            parts.push_back(documented_ ? fmt::format("{} refused ({} as documented)", refused_,
                                                      documented_)
                                        : fmt::format("{} refused", refused_));
        if (end.interrupted)
            parts.push_back(fmt::format("interrupted (Ctrl-C): {} not checked", end.unchecked.size()));
        out << "\n" << scenarios_ << (scenarios_ == 1 ? " scenario: " : " scenarios: ")
            << join(parts, ", ") << "\n";
    }

private:
    void summary_line(const ScenarioReport& r, bool bad, std::ostream& out) {
        std::string mark = bad ? style_.red + "✗" + style_.reset : style_.green + "✓" + style_.reset;
        std::vector<std::string> kinds;
        for (const ReportedFinding& f : r.findings) {
            std::string k(finding_kind_name(f.finding.kind));
            if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
        }
        std::string what = kinds.empty() ? "no findings" : join(kinds, ", ");
        std::string how = search_summary(r.search) + (r.print_lines ? ", print() as one write (--print-lines)" : "");
        out << mark << " " << pad(r.scenario->name, 32) << " " << pad(r.scenario->file, 44) << " "
            << what << "  (" << how << ")";
        if (r.expect && !r.expect->ok()) out << "  " << expect_text(*r.expect);
        out << "\n";
    }

    std::string expect_text(const ExpectCheck& e) const {
        std::vector<std::string> parts;
        if (!e.missing.empty()) parts.push_back("missing: " + join(e.missing, ", "));
        if (!e.extra.empty()) parts.push_back("not in expect: " + join(e.extra, ", "));
        return style_.red + "expect differs — " + join(parts, "; ") + style_.reset;
    }

    void full_report(const ScenarioReport& r, std::ostream& out) {
        const Scenario& s = *r.scenario;
        std::vector<std::string> params;
        for (const auto& [name, value] : s.params) params.push_back(fmt::format("{}={}", name, value));
        out << style_.bold << s.name << style_.reset << "  " << s.file;
        if (!params.empty()) out << "  " << join(params, " ");
        out << "\n" << search_line(r);
        if (options_.show_time) out << fmt::format(" in {} ms", static_cast<uint64_t>(r.search.seconds * 1000));
        out << "\n";
        if (r.search.cut_executions)
            out << fmt::format("{} {}{} cut at the step limit (max_steps {}); raise it with "
                               "--max-steps\n",
                               r.search.cut_executions, r.search.states ? "path" : "execution",
                               r.search.cut_executions == 1 ? " was" : "s were", r.budgets.max_steps);
        if (r.search.limit_executions)
            out << fmt::format("{} execution{} stopped at a limit of racecheck's, not a bug in the "
                               "program: {}{}\n",
                               r.search.limit_executions,
                               r.search.limit_executions == 1 ? " was" : "s were", r.search.limit,
                               r.search.limit_executions == 1 ? "" : " (the first)");
        size_t width = 0;
        for (const ReportedFinding& f : r.findings)
            width = std::max(width, display_width(f.finding.summary));
        width = std::min<size_t>(width, 72);
        for (const ReportedFinding& f : r.findings) finding(r, f, width, out);
        out << "\n";
        outcomes(r, out);
        if (r.findings.empty()) out << style_.green << "✓ no findings" << style_.reset << "\n";
        validation(r, out);
        if (r.expect) {
            if (r.expect->ok())
                out << "expect: matches [" << join(s.expect, ", ") << "]\n";
            else
                out << expect_text(*r.expect) << "\n";
        }
    }

    void finding(const ScenarioReport& r, const ReportedFinding& rf, size_t width,
                 std::ostream& out) {
        const Finding& f = rf.finding;
        uint32_t line = 0; // the first known line (0 stands for "no line")
        for (uint32_t l : f.lines)
            if (l != 0 && line == 0) line = l;
        out << "\n" << style_.red << "✗ " << style_.reset << style_.bold
            << (line ? pad(f.summary, width) : f.summary) << style_.reset;
        if (line) out << "   " << r.scenario->file << ":" << line;
        out << "\n";
        print_finding_body(out, r, rf, TextColors{style_.dim, style_.yellow, style_.reset});
    }

    /// "20 free runs", "3 of 20 free runs: the time budget of 20 s ran out".
    static std::string free_runs_text(const ValidationReport& v) {
        if (v.free_stopped_after)
            return fmt::format("{} of {} free runs: {} {}", v.free_runs, v.free_planned,
                               v.free_runs == 1 ? "the first" : "they",
                               v.findings.empty()
                                   ? fmt::format("took {:.1f} s, and there is no finding to show", v.free_seconds)
                                   : fmt::format("showed every finding by itself, in {:.1f} s", v.free_seconds));
        if (v.free_runs == v.free_planned || !v.free_budget_ran_out)
            return fmt::format("{} free run{}", v.free_runs, v.free_runs == 1 ? "" : "s");
        return fmt::format("{} of {} free runs: the time budget of {:g} s ran out", v.free_runs,
                           v.free_planned, v.budget_seconds);
    }

    /// The BRIEF's "validated on real threads under ThreadSanitizer" section: one line per
    /// finding, then every disagreement (races only TSan saw, racecheck_tsan failures).
    void validation(const ScenarioReport& r, std::ostream& out) {
        if (!r.validation_unavailable.empty()) {
            out << "\n" << style_.dim << r.validation_unavailable << style_.reset << "\n";
            return;
        }
        if (!r.validation) return;
        const ValidationReport& v = *r.validation;
        // The forced replays and the free runs run side by side: the wall time is the longer.
        out << "\nvalidated on real threads under ThreadSanitizer in "
            << fmt::format("{:.1f} s", std::max(v.forced_seconds, v.free_seconds));
        if (v.free_beside_search_seconds > 0)
            out << fmt::format(", {:.1f} s of it beside the search", v.free_beside_search_seconds);
        out << " (" << free_runs_text(v) << ")\n";
        for (size_t i = 0; i < r.findings.size() && i < v.findings.size(); ++i) {
            const Validation& fv = v.findings[i];
            // Nothing real ran (every process failed or ran out of time): no verdict, no ✓.
            const bool nothing = fv.forced_replay == "n.a." && fv.tsan == "n.a." && !fv.free_runs;
            bool good = fv.forced_replay != "not-reproduced" && fv.forced_replay != "diverged" &&
                        fv.tsan != "not-reported" && !nothing;
            std::string mark = good ? style_.green + "✓" + style_.reset : style_.yellow + "!" + style_.reset;
            std::vector<std::string> parts;
            if (fv.forced_replay != "n.a.") parts.push_back("forced replay: " + fv.forced_replay);
            if (fv.tsan != "n.a.") parts.push_back("TSan: " + fv.tsan);
            parts.push_back(fv.free_runs || !v.free_planned
                                ? fmt::format("shown by itself in {} of {} free runs",
                                              fv.free_showed, fv.free_runs)
                                : std::string("no free run ran to its end"));
            out << "  " << mark << " " << r.findings[i].finding.summary << "\n      "
                << join(parts, "; ") << "\n";
            if (!fv.detail.empty()) out << "      " << fv.detail << "\n";
        }
        for (const TsanRace& t : v.tsan_only)
            out << "  " << style_.yellow << "! tsan-only" << style_.reset << ": " << tsan_only_text(t) << "\n";
        for (const std::string& o : v.tsan_other) out << "  " << style_.yellow << "! " << style_.reset << o << "\n";
        for (const std::string& e : v.errors) out << "  " << style_.yellow << "! " << style_.reset << e << "\n";
        if (r.findings.empty() && v.tsan_only.empty() && v.tsan_other.empty() && v.errors.empty())
            out << "  " << style_.green << "✓" << style_.reset << " TSan-clean in every run\n";
    }

    void outcomes(const ScenarioReport& r, std::ostream& out) {
        const bool all = r.outcomes_exhaustive();
        const char* unit = r.search.states ? "final state" : "execution";
        uint64_t reached = 0;
        for (const ReportedOutcome& o : r.outcomes) reached += o.outcome.count;
        // Per global: each value and how many executions ended with it.
        std::vector<std::pair<std::string, std::map<std::string, uint64_t>>> values;
        for (const ReportedOutcome& o : r.outcomes) {
            for (const auto& value : o.outcome.values) { // not a structured binding: clang 14
                const std::string& name = value.first;   // cannot capture one in the lambda
                auto it = std::find_if(values.begin(), values.end(),
                                       [&key = name](const auto& v) { return v.first == key; });
                if (it == values.end()) it = values.insert(values.end(), {name, {}});
                it->second[value.second] += o.outcome.count;
            }
        }
        std::vector<std::string> groups;
        for (auto& [name, counts] : values) {
            std::vector<std::string> v;
            for (const auto& c : counts) v.push_back(c.first);
            sort_values(v);
            if (!all) // what was seen, not all that can be: say how often
                for (std::string& x : v) x += fmt::format(" ×{}", counts[x]);
            // A global with very many values (a counter a daemon bumps forever) keeps its line
            // readable: the smallest and largest few, and how many there are.
            constexpr size_t kHead = 8, kTail = 2;
            const size_t n_values = v.size();
            if (n_values > 2 * (kHead + kTail) && !options_.all_outcomes) {
                std::vector<std::string> shown(v.begin(), v.begin() + kHead);
                shown.push_back(fmt::format("… {} more …", n_values - kHead - kTail));
                shown.insert(shown.end(), v.end() - kTail, v.end());
                v = std::move(shown);
            }
            std::string group = v.size() == 1 ? name + " = " + v[0] : name + " ∈ {" + join(v, ", ") + "}";
            if (n_values != v.size()) group += fmt::format(" ({} values; list them with --outcomes)", n_values);
            groups.push_back(std::move(group));
        }
        if (!groups.empty()) {
            if (all)
                out << "reachable outcomes: " << join(groups, "; ") << "\n";
            else
                out << fmt::format("outcomes seen (not exhaustive) in {} {}{} that ran to {} "
                                   "end: {}\n",
                                   reached, unit, reached == 1 ? "" : "s", reached == 1 ? "its" : "their",
                                   join(groups, "; "));
        }
        for (const auto& [ending, n] : r.cut)
            out << fmt::format("{} {}{} {} before the end: not outcomes, their values are not "
                               "shown\n",
                               n, unit, n == 1 ? "" : "s", ending);
        if (r.outcomes.empty()) {
            if (options_.all_outcomes) all_outcomes(r, out);
            return;
        }
        std::set<std::string> distinct, mixed; // outputs, and those with a mixed line
        std::map<std::string, uint64_t> endings;
        std::string marker; // of the output, when there is one
        for (const ReportedOutcome& o : r.outcomes) {
            std::string text = o.outcome.output;
            if (!text.empty() && text.back() == '\n') text.pop_back();
            distinct.insert(text);
            if (!o.outcome.mixed_lines.empty()) {
                mixed.insert(text);
                marker = mixed_lines_marker(o.outcome.mixed_lines);
            }
            endings[o.outcome.ending] += o.outcome.count;
        }
        std::vector<std::string> outputs(distinct.begin(), distinct.end());
        // Outputs with a line into which two threads wrote: how many (a marker on the one output).
        const std::string mixed_note =
            mixed.empty() ? ""
                          : fmt::format("; in {} of them threads' writes interleave within a line (⇄)",
                                        mixed.size());
        // A search that was not exhaustive saw these outputs; others may exist.
        const std::string seen = all ? "" : " seen (not exhaustive)";
        if (outputs.size() == 1) {
            if (!outputs[0].empty())
                out << "output" << seen << ": " << quoted(outputs[0]) << (marker.empty() ? "" : "  " + marker) << "\n";
        } else if (auto p = number_pattern(outputs)) {
            out << "outputs" << seen << ": " << *p << mixed_note << "\n";
        } else {
            out << outputs.size() << " distinct outputs" << seen << mixed_note
                << (options_.all_outcomes ? "" : " (list them with --outcomes)") << "\n";
        }
        if (endings.size() > 1 || !endings.count("ended")) {
            std::vector<std::string> parts;
            for (auto& [ending, n] : endings) parts.push_back(fmt::format("{} in {}", ending, n));
            // A stateful search counts distinct final states, not executions.
            out << (r.search.states ? "endings (final states): " : "endings: ") << join(parts, ", ")
                << "\n";
        }
        if (options_.all_outcomes) all_outcomes(r, out);
    }

    void all_outcomes(const ScenarioReport& r, std::ostream& out) {
        out << "\n" << r.outcomes.size() << " distinct outcome" << (r.outcomes.size() == 1 ? "" : "s")
            << ":\n";
        for (const ReportedOutcome& o : r.outcomes) {
            std::vector<std::string> vals;
            for (const auto& [name, repr] : o.outcome.values) vals.push_back(name + "=" + repr);
            out << fmt::format("  ×{:<6} {}", o.outcome.count, o.outcome.ending);
            if (!vals.empty()) out << "  " << join(vals, " ");
            out << "  output " << quoted(o.outcome.output, 200);
            if (!o.outcome.mixed_lines.empty()) out << "  " << mixed_lines_marker(o.outcome.mixed_lines);
            out << "\n";
            if (o.token.empty()) out << "          " << o.token_omitted << "\n";
            else out << "          replay: " << r.replay_command << " --schedule " << o.token << "\n";
        }
    }

    ReportOptions options_;
    Style style_;
    uint64_t scenarios_ = 0, clean_ = 0, with_findings_ = 0, refused_ = 0, documented_ = 0;
    uint64_t matched_ = 0, differ_ = 0;
};

} // namespace

std::unique_ptr<Reporter> make_text_reporter(const ReportOptions& options) {
    return std::make_unique<TextReporter>(options);
}

} // namespace rc
