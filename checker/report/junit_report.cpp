// The JUnit XML report, for CI test reports (Jenkins' junit step, GitLab's artifacts:reports:
// junit, GitHub test-report actions): <testsuites> holding one <testsuite> for the run, and one
// <testcase> per scenario (name: the scenario's name, classname: its file path with '.' for '/',
// file: the path). A testcase fails with one <failure> per finding (type: the finding kind,
// text: the witness as the text report prints it); under --expect it fails exactly when the
// scenario does not show its `expect:` kinds, with one <failure type="expect-mismatch">. A
// scenario that could not be checked is an <error type="refused">; one refused as its `about`
// documents (under --expect), or not checked because Ctrl-C ended the run, is <skipped>. No
// times or host names appear: the same input gives the same bytes.
// tests/checker/report/junit_report_test.py reads it with an XML parser.
#include <algorithm> // find
#include <sstream>   // failure texts

#include <fmt/format.h> // attributes

#include "checker/report/finding_text.hpp"  // print_finding_body
#include "checker/report/markup.hpp"        // escape_markup
#include "checker/report/report.hpp"        // Reporter, ScenarioReport
#include "checker/report/scenario_text.hpp" // ScenarioText
#include "checker/report/search_text.hpp"   // search_line

namespace rc {

namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

/// "scenarios/counter.yaml" → "scenarios.counter": how test reporters group testcases.
std::string classname_of(const std::string& file) {
    std::string c = file;
    if (c.size() > 5 && c.compare(c.size() - 5, 5, ".yaml") == 0) c.resize(c.size() - 5);
    while (!c.empty() && (c[0] == '.' || c[0] == '/')) c.erase(0, 1);
    for (char& ch : c)
        if (ch == '/') ch = '.';
    return c.empty() ? "racecheck" : c;
}

/// One <testcase> in the making: its outcome elements and its output.
struct TestCase {
    TestCase(std::string name_, const std::string& file_)
        : name(std::move(name_)), classname(classname_of(file_)), file(file_) {}
    std::string name, classname, file;
    std::string elements; // <failure>, <error> or <skipped> elements, indented
    std::string out;      // <system-out> text
    bool failed = false, errored = false, skipped = false;

    void add(const char* element, const std::string& type, const std::string& message,
             const std::string& text) {
        elements += fmt::format("      <{} type=\"{}\" message=\"{}\"", element,
                                escape_markup(type), escape_markup(message));
        elements += text.empty() ? "/>\n" : fmt::format(">{}</{}>\n", escape_markup(text), element);
    }
};

class JunitReporter final : public Reporter {
public:
    explicit JunitReporter(const ReportOptions& o) : version_(o.version) {}

    void scenario(const ScenarioReport& r, std::ostream&) override {
        const Scenario& s = *r.scenario;
        TestCase tc(s.name, s.file);
        const ScenarioText text(s);
        std::ostringstream out;
        out << search_line(r) << "\n";
        std::vector<size_t> failing; // indices of findings that fail the testcase
        for (size_t i = 0; i < r.findings.size(); ++i) {
            const std::string kind(finding_kind_name(r.findings[i].finding.kind));
            bool listed = std::find(s.expect.begin(), s.expect.end(), kind) != s.expect.end();
            if (!r.expect || !listed) failing.push_back(i);
        }
        if (r.expect && !r.expect->ok()) {
            std::vector<std::string> parts;
            if (!r.expect->missing.empty())
                parts.push_back("missing: " + join(r.expect->missing, ", "));
            if (!r.expect->extra.empty())
                parts.push_back("not in expect: " + join(r.expect->extra, ", "));
            std::ostringstream why;
            why << "expect: [" << join(s.expect, ", ") << "]\n";
            for (size_t i : failing) finding_text(why, r, i, text);
            tc.add("failure", "expect-mismatch", "expect differs — " + join(parts, "; "),
                   why.str());
            tc.failed = true;
        } else if (!r.expect) {
            for (size_t i : failing) {
                std::ostringstream body;
                finding_text(body, r, i, text);
                const Finding& f = r.findings[i].finding;
                const SourceRegion at = text.locate(f);
                tc.add("failure", std::string(finding_kind_name(f.kind)),
                       at.line ? f.summary + " (" + s.file + ":" + std::to_string(at.line) + ")"
                               : f.summary,
                       body.str());
                tc.failed = true;
            }
            if (r.validation_disagrees()) {
                std::string races;
                for (const TsanRace& t : r.validation->tsan_only)
                    races += tsan_only_text(t) + "\n";
                for (const std::string& o : r.validation->tsan_other) races += o + "\n";
                tc.add("failure", "tsan-only", "ThreadSanitizer disagrees with the model", races);
                tc.failed = true;
            }
        }
        if (r.expect) { // the findings the scenario expects are not failures: show them as output
            for (size_t i = 0; i < r.findings.size(); ++i)
                if (std::find(failing.begin(), failing.end(), i) == failing.end())
                    finding_text(out, r, i, text);
            if (r.expect->ok()) out << "expect: matches [" << join(s.expect, ", ") << "]\n";
        }
        if (r.search.stopped_by == StopReason::Interrupted && !tc.failed) {
            tc.add("skipped", "interrupted", "interrupted (Ctrl-C) before the search finished", "");
            tc.skipped = true;
        }
        if (!r.validation_unavailable.empty()) out << r.validation_unavailable << "\n";
        tc.out = out.str();
        cases_.push_back(std::move(tc));
    }

    void refused(const RefusedScenario& r, std::ostream&) override {
        TestCase tc(r.file, r.file);
        std::string diagnostics;
        for (const Diagnostic& d : r.diagnostics) diagnostics += format_diagnostic(d) + "\n";
        if (r.documented) {
            tc.add("skipped", "refused", "refused, as its `about` documents: " + r.message, "");
            tc.skipped = true;
        } else {
            tc.add("error", "refused", r.message, diagnostics);
            tc.errored = true;
        }
        cases_.push_back(std::move(tc));
    }

    void finish(const RunEnd& end, std::ostream& out) override {
        for (const std::string& file : end.unchecked) {
            TestCase tc(file, file);
            tc.add("skipped", "interrupted", "not checked: the run was interrupted (Ctrl-C)", "");
            tc.skipped = true;
            cases_.push_back(std::move(tc));
        }
        size_t failures = 0, errors = 0, skipped = 0;
        for (const TestCase& tc : cases_) {
            failures += tc.failed;
            errors += tc.errored;
            skipped += tc.skipped && !tc.failed;
        }
        const std::string counts =
            fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\"", cases_.size(),
                        failures, errors, skipped);
        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            << "<testsuites name=\"racecheck\" " << counts << ">\n"
            << "  <testsuite name=\"racecheck\" " << counts << ">\n"
            << "    <properties>\n"
            << "      <property name=\"racecheck.version\" value=\"" << escape_markup(version_)
            << "\"/>\n"
            << "      <property name=\"racecheck.interrupted\" value=\""
            << (end.interrupted ? "true" : "false") << "\"/>\n"
            << "    </properties>\n";
        for (const TestCase& tc : cases_) {
            out << "    <testcase name=\"" << escape_markup(tc.name) << "\" classname=\""
                << escape_markup(tc.classname) << "\" file=\"" << escape_markup(tc.file) << "\"";
            if (tc.elements.empty() && tc.out.empty()) {
                out << "/>\n";
                continue;
            }
            out << ">\n" << tc.elements;
            if (!tc.out.empty())
                out << "      <system-out>" << escape_markup(tc.out) << "</system-out>\n";
            out << "    </testcase>\n";
        }
        out << "  </testsuite>\n</testsuites>\n";
    }

private:
    /// A finding as the text report prints it: summary, location, witness, replay command.
    static void finding_text(std::ostream& out, const ScenarioReport& r, size_t i,
                             const ScenarioText& text) {
        const ReportedFinding& rf = r.findings[i];
        const SourceRegion at = text.locate(rf.finding);
        out << "✗ " << rf.finding.summary;
        if (at.line) out << "   " << r.scenario->file << ":" << at.line;
        out << "\n";
        print_finding_body(out, r, rf);
    }

    std::string version_;
    std::vector<TestCase> cases_;
};

} // namespace

std::unique_ptr<Reporter> make_junit_reporter(const ReportOptions& options) {
    return std::make_unique<JunitReporter>(options);
}

} // namespace rc
