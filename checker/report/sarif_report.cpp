// The SARIF report: OASIS Static Analysis Results Interchange Format 2.1.0 (errata 01), as
// GitHub code scanning and SARIF viewers read it. One run for the whole invocation:
//   - tool.driver.rules: one rule per finding kind (finding_rules.hpp), with the fix as help;
//   - results: one per finding, located at the YAML line of the offending code with the columns
//     of that code (columnKind unicodeCodePoints), the other lines as relatedLocations;
//   - codeFlows: the witness, one threadFlow per thread, each step a threadFlowLocation whose
//     executionOrder is its step number (long witnesses are folded as the text report folds
//     them, so the gaps show in executionOrder);
//   - result properties: the replay token and command, counts, validation verdicts;
//   - invocations: refused scenarios, TSan disagreements and Ctrl-C as notifications.
// tests/checker/report/sarif_schema_test.py validates the output against the official schema.
#include <nlohmann/json.hpp> // ordered_json

#include "checker/report/finding_rules.hpp" // finding_rules, finding_rule
#include "checker/report/report.hpp"        // Reporter, ScenarioReport
#include "checker/report/scenario_text.hpp" // ScenarioText, SourceRegion
#include "checker/report/search_text.hpp"   // search_line
#include "checker/report/trace_table.hpp"   // witness_rows, folded_text

namespace rc {

namespace {

using Json = nlohmann::ordered_json;


/// A path as a URI reference: relative paths stay relative (to the repository root, as code
/// scanning resolves them), absolute ones become file:// URIs; reserved bytes are %-encoded.
std::string file_uri(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
    for (unsigned char c : path) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                           c == '/';
        if (plain)
            out += static_cast<char>(c);
        else
            out += std::string("%") + hex[c >> 4] + hex[c & 15];
    }
    return out;
}

Json artifact(const std::string& file) {
    return Json{{"uri", file_uri(file)}};
}

Json physical(const std::string& file, const SourceRegion& r) {
    Json region{{"startLine", r.line}};
    if (r.start_col) {
        region["startColumn"] = r.start_col;
        region["endColumn"] = r.end_col;
    }
    if (!r.text.empty()) region["snippet"] = Json{{"text", r.text}};
    return Json{{"artifactLocation", artifact(file)}, {"region", region}};
}

/// A location at a YAML line (without a physical location when the line is 0).
Json location(const std::string& file, const ScenarioText& text, uint32_t line,
              const std::string& message) {
    Json loc = Json::object();
    if (line) loc["physicalLocation"] = physical(file, text.region(line));
    loc["message"] = Json{{"text", message}};
    return loc;
}

Json code_flow(const ScenarioReport& r, const ReportedFinding& rf, const ScenarioText& text) {
    const Finding& f = rf.finding;
    // Folded as the text report folds it: a folded stretch is one location, its message the
    // stretch's text, its executionOrder the stretch's first step.
    const std::vector<TraceRow> rows = witness_rows(rf.witness, f.highlights);
    std::vector<std::string> threads; // in order of first step
    std::vector<Json> flows;
    for (const TraceRow& row : rows) {
        size_t t = 0;
        while (t < threads.size() && threads[t] != row.thread) ++t;
        if (t == threads.size()) {
            threads.push_back(row.thread);
            flows.push_back(Json{{"id", row.thread},
                                 {"message", Json{{"text", row.thread}}},
                                 {"locations", Json::array()}});
        }
        std::string message =
            row.folded > 1 ? "steps " + std::to_string(row.step) + "–" +
                                 std::to_string(row.step + row.folded - 1) + ": " + row.operation
                           : "step " + std::to_string(row.step) + ": " + row.operation;
        if (!row.note.empty()) message += "  " + row.note;
        flows[t]["locations"].push_back(
            Json{{"location", location(r.scenario->file, text, row.line, message)},
                 {"executionOrder", row.step},
                 {"importance", row.folded      ? "unimportant"
                                : row.note.empty() ? "important"
                                                   : "essential"}});
    }
    // Where each unfinished thread stands: blocked for good when the program hangs, else only
    // where the witness stops.
    const bool hangs = rf.witness.end.status == RunStatus::Blocked && !rf.witness.end.step_limit &&
                       !rf.witness.divergence;
    for (size_t b = 0; b < rf.witness.blocked.size() && b < rf.witness.blocked_threads.size();
         ++b) {
        for (size_t t = 0; t < threads.size(); ++t)
            if (threads[t] == rf.witness.blocked_threads[b])
                flows[t]["locations"].push_back(
                    Json{{"location",
                          Json{{"message", Json{{"text", (hangs ? "then blocked forever: "
                                                                : "where the witness stops: ") +
                                                             rf.witness.blocked[b]}}}}},
                         {"importance", hangs ? "essential" : "unimportant"}});
    }
    const size_t steps = rf.witness.steps.size();
    std::string summary = "the witness interleaving: " + std::to_string(steps) + " step" +
                          (steps == 1 ? "" : "s") + ", " + std::to_string(f.preemptions) +
                          " preemption" + (f.preemptions == 1 ? "" : "s");
    if (const std::string folded = folded_text(rows, steps); !folded.empty())
        summary += "; " + folded;
    Json thread_flows = Json::array();
    for (Json& flow : flows) thread_flows.push_back(std::move(flow));
    return Json{{"message", Json{{"text", summary}}}, {"threadFlows", thread_flows}};
}

Json validation_json(const Validation& v) {
    return Json{{"forcedReplay", v.forced_replay},
                {"tsan", v.tsan},
                {"freeRuns", v.free_runs},
                {"freeRunsShowing", v.free_showed},
                {"detail", v.detail}};
}

Json result_json(const ScenarioReport& r, size_t index, const ScenarioText& text) {
    const ReportedFinding& rf = r.findings[index];
    const Finding& f = rf.finding;
    const std::string& file = r.scenario->file;
    std::string message = f.summary;
    for (const std::string& d : f.details) message += "\n" + d;
    const std::string replay = r.replay_command + " --schedule " + rf.token;
    message += "\nreplay: " + replay;
    Json result{{"ruleId", std::string(finding_kind_name(f.kind))},
                {"ruleIndex", static_cast<size_t>(f.kind)},
                {"level", finding_rule(f.kind).level},
                {"message", Json{{"text", message}}}};
    const SourceRegion at = text.locate(f);
    Json locations = Json::array();
    if (at.line)
        locations.push_back(Json{{"physicalLocation", physical(file, at)}});
    else
        locations.push_back(Json{{"physicalLocation", Json{{"artifactLocation", artifact(file)}}}});
    result["locations"] = locations;
    Json related = Json::array();
    int id = 0;
    for (uint32_t line : f.lines)
        if (line && line != at.line)
            related.push_back(
                Json{{"id", id++},
                     {"physicalLocation", physical(file, text.region(line))},
                     {"message", Json{{"text", "also involved: line " + std::to_string(line)}}}});
    if (!related.empty()) result["relatedLocations"] = related;
    result["partialFingerprints"] = Json{{"racecheckFindingKey/v1", f.key}};
    if (!rf.witness.steps.empty()) result["codeFlows"] = Json::array({code_flow(r, rf, text)});
    Json props{{"scenario", r.scenario->name},
               {"replayToken", rf.token},
               {"replayCommand", replay},
               {"seenInExecutions", f.count},
               {"executions", r.search.executions},
               {"preemptions", f.preemptions},
               {"threads", f.threads},
               {"variables", f.variables}};
    if (r.validation && index < r.validation->findings.size())
        props["validation"] = validation_json(r.validation->findings[index]);
    result["properties"] = props;
    return result;
}

Json notification(const std::string& level, const std::string& text, const std::string& file,
                  uint32_t line, uint32_t col) {
    Json n{{"level", level}, {"message", Json{{"text", text}}}};
    if (!file.empty()) {
        Json loc{{"artifactLocation", artifact(file)}};
        if (line) {
            Json region{{"startLine", line}};
            if (col) region["startColumn"] = col;
            loc["region"] = region;
        }
        n["locations"] = Json::array({Json{{"physicalLocation", loc}}});
    }
    return n;
}

class SarifReporter final : public Reporter {
public:
    explicit SarifReporter(const ReportOptions& o) : version_(o.version) {}

    void scenario(const ScenarioReport& r, std::ostream&) override {
        const ScenarioText text(*r.scenario);
        for (size_t i = 0; i < r.findings.size(); ++i) results_.push_back(result_json(r, i, text));
        const Scenario& s = *r.scenario;
        Json params = Json::object();
        for (const auto& [name, value] : s.params) params[name] = value;
        const SearchResult& sr = r.search;
        Json entry{{"file", s.file},
                   {"name", s.name},
                   {"params", params},
                   {"search", Json{{"strategy", sr.strategy},
                                   {"exhaustive", sr.exhaustive()},
                                   {"executions", sr.executions},
                                   {"runs", sr.runs},
                                   {"stoppedBy", stop_reason_name(sr.stopped_by)},
                                   {"description", search_line(r)}}},
                   {"findings", r.findings.size()}};
        if (r.expect)
            entry["expect"] = Json{
                {"ok", r.expect->ok()}, {"missing", r.expect->missing}, {"extra", r.expect->extra}};
        scenarios_.push_back(entry);
        if (sr.stopped_by == StopReason::Interrupted)
            notifications_.push_back(
                notification("warning", s.name + ": " + search_line(r), s.file, 0, 0));
        if (r.validation) {
            for (const TsanRace& t : r.validation->tsan_only)
                notifications_.push_back(
                    notification("warning",
                                 s.name + ": " + tsan_only_text(t) + " (tsan-only)",
                                 s.file, t.lines.empty() ? 0 : t.lines.front(), 0));
            for (const std::string& e : r.validation->errors)
                notifications_.push_back(notification("warning", s.name + ": " + e, s.file, 0, 0));
        }
    }

    void refused(const RefusedScenario& r, std::ostream&) override {
        if (!r.documented) failed_ = true;
        for (const Diagnostic& d : r.diagnostics)
            notifications_.push_back(notification(r.documented ? "note" : "error",
                                                  format_diagnostic(d), d.file, d.line, d.col));
    }

    void finish(const RunEnd& end, std::ostream& out) override {
        for (const std::string& file : end.unchecked)
            notifications_.push_back(notification(
                "warning", "not checked: the run was interrupted (Ctrl-C) before this scenario",
                file, 0, 0));
        Json rules = Json::array();
        for (const FindingRule& rule : finding_rules())
            rules.push_back(Json{{"id", rule.id},
                                 {"name", rule.name},
                                 {"shortDescription", Json{{"text", rule.short_description}}},
                                 {"fullDescription", Json{{"text", rule.full_description}}},
                                 {"help", Json{{"text", rule.help}}},
                                 {"defaultConfiguration", Json{{"level", rule.level}}}});
        Json invocation{{"executionSuccessful", !failed_ && !end.interrupted}};
        if (!notifications_.empty()) invocation["toolExecutionNotifications"] = notifications_;
        Json run{{"tool", Json{{"driver", Json{{"name", "racecheck"},
                                               {"version", version_},
                                               {"semanticVersion", version_},
                                               {"rules", rules}}}}},
                 {"invocations", Json::array({invocation})},
                 {"columnKind", "unicodeCodePoints"},
                 {"results", results_},
                 {"properties", Json{{"scenarios", scenarios_}}}};
        Json log{{"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/"
                             "schemas/sarif-schema-2.1.0.json"},
                 {"version", "2.1.0"},
                 {"runs", Json::array({run})}};
        out << log.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    }

private:
    std::string version_;
    Json results_ = Json::array();
    Json notifications_ = Json::array();
    Json scenarios_ = Json::array();
    bool failed_ = false; // a scenario could not be checked
};

} // namespace

std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions& options) {
    return std::make_unique<SarifReporter>(options);
}

} // namespace rc
