// The JSON report, for machines: one object per scenario (an array of them for several
// scenarios). Every field is documented in README.md ("JSON report"); keys are written in a
// fixed order and no times or addresses appear, so the same input gives the same bytes.
#include <nlohmann/json.hpp> // ordered_json

#include "checker/report/report.hpp"      // Reporter, ScenarioReport
#include "checker/report/trace_table.hpp" // witness_rows

namespace rc {

namespace {

using Json = nlohmann::ordered_json;

/// Indented by 2; bytes that are not UTF-8 (program output may hold any) become U+FFFD.
std::string dump(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace); }

/// The witness folded as the text report folds it (trace_table.hpp fold_rows): a step is
/// {step, thread, line, operation, preempted}; a folded stretch is {step, folded, thread, line,
/// operation}, `folded` steps from `step` on, `operation` saying what they did. The token
/// (`schedule`) replays every step.
Json trace_json(const Trace& t, const std::vector<Highlight>& highlights) {
    Json steps = Json::array();
    for (const TraceRow& row : witness_rows(t, highlights)) {
        if (row.folded) {
            steps.push_back(Json{{"step", row.step},
                                 {"folded", row.folded},
                                 {"thread", row.thread},
                                 {"line", row.line},
                                 {"operation", row.operation}});
            continue;
        }
        const TraceStep& s = t.steps[row.step - 1];
        steps.push_back(Json{{"step", row.step},
                             {"thread", t.thread(row.step - 1)},
                             {"line", s.line},
                             {"operation", s.operation},
                             {"preempted", s.preempted}});
    }
    return steps;
}

Json finding_json(const ReportedFinding& rf) {
    const Finding& f = rf.finding;
    Json trace = trace_json(rf.witness, f.highlights);
    uint64_t folded = 0;
    for (const Json& row : trace)
        if (row.contains("folded")) folded += row["folded"].get<uint64_t>();
    return Json{{"kind", std::string(finding_kind_name(f.kind))},
                {"summary", f.summary},
                {"details", f.details},
                {"variables", f.variables},
                {"lines", f.lines},
                {"threads", f.threads},
                {"count", f.count},
                {"preemptions", f.preemptions},
                {"schedule", rf.token},
                {"steps", rf.witness.steps.size()},
                {"folded_steps", folded},
                {"trace", trace}};
}

Json outcome_json(const ReportedOutcome& ro) {
    Json values = Json::object();
    for (const auto& [name, repr] : ro.outcome.values) values[name] = repr;
    Json mixed = Json::array(); // lines counted from 1, as the text report says them
    for (uint32_t line : ro.outcome.mixed_lines) mixed.push_back(line + 1);
    Json out{{"values", values},
             {"output", ro.outcome.output},
             {"mixed_lines", mixed},
             {"ending", ro.outcome.ending},
             {"count", ro.outcome.count},
             {"schedule", ro.token.empty() ? Json() : Json(ro.token)}};
    if (ro.token.empty()) out["schedule_omitted"] = ro.token_omitted;
    return out;
}

Json scenario_json(const ScenarioReport& r) {
    const Scenario& s = *r.scenario;
    Json params = Json::object();
    for (const auto& [name, value] : s.params) params[name] = value;
    const SearchResult& sr = r.search;
    Json j{{"scenario", s.name},
           {"file", s.file},
           {"params", params},
           {"search",
            Json{{"strategy", sr.strategy},
                 {"exhaustive", sr.exhaustive()},
                 {"executions", sr.executions},
                 {"runs", sr.runs},
                 {"steps", sr.steps},
                 {"stopped_by", stop_reason_name(sr.stopped_by)},
                 {"coverage", sr.coverage},
                 {"cut_executions", sr.cut_executions},
                 {"redundant_executions", sr.redundant_executions}}}};
    if (sr.states) { // a stateful search
        j["search"]["states"] = sr.states;
        j["search"]["symmetry"] = sr.symmetry;
        j["search"]["memory_bytes"] = sr.memory_bytes;
        j["search"]["memory_bound_bytes"] = sr.memory_bound;
    }
    if (sr.limit_executions) { // only then, so reports of ordinary scenarios keep their shape
        j["search"]["limit_executions"] = sr.limit_executions;
        j["search"]["limit"] = sr.limit;
    }
    Json findings = Json::array();
    for (size_t i = 0; i < r.findings.size(); ++i) {
        Json f = finding_json(r.findings[i]);
        if (r.validation && i < r.validation->findings.size()) {
            const Validation& v = r.validation->findings[i];
            f["validation"] = Json{{"forced_replay", v.forced_replay},
                                   {"tsan", v.tsan},
                                   {"free_runs", Json{{"runs", v.free_runs}, {"showed", v.free_showed}}},
                                   {"detail", v.detail}};
        }
        findings.push_back(f);
    }
    j["findings"] = findings;
    Json outcomes = Json::array();
    for (const ReportedOutcome& o : r.outcomes) outcomes.push_back(outcome_json(o));
    j["outcomes"] = outcomes;
    // "reachable": every outcome the program can reach; "seen": the search was not exhaustive.
    // Under --print-lines an exhaustive search has all the outcomes of the coarser model only.
    j["outcomes_are"] = !r.outcomes_exhaustive() ? "seen" : r.print_lines ? "reachable-whole-prints" : "reachable";
    j["print_lines"] = r.print_lines;
    Json cut = Json::array(); // executions cut before their end: counted, never outcomes
    for (const auto& [ending, n] : r.cut) cut.push_back(Json{{"ending", ending}, {"count", n}});
    j["cut"] = cut;
    if (r.validation) {
        Json only = Json::array();
        for (const TsanRace& t : r.validation->tsan_only)
            only.push_back(Json{{"variable", t.variable}, {"threads", t.threads}, {"lines", t.lines},
                                {"writes", t.writes}, {"runs", t.runs}});
        j["validation"] = Json{{"free_runs", r.validation->free_runs},
                               {"free_runs_planned", r.validation->free_planned},
                               // the free runs ended early: every finding had shown itself
                               {"free_runs_stopped_early", r.validation->free_stopped_after != 0},
                               // wall seconds of the forced replays and of the free runs (side by side)
                               {"forced_seconds", r.validation->forced_seconds},
                               {"free_seconds", r.validation->free_seconds},
                               {"tsan_only", only},
                               {"tsan_other", r.validation->tsan_other},
                               {"errors", r.validation->errors}};
    } else if (!r.validation_unavailable.empty()) {
        j["validation"] = Json{{"unavailable", r.validation_unavailable}};
    }
    // wall seconds of each phase of the check (validation: 0 when it did not run)
    j["seconds"] = Json{{"search", r.seconds.search},
                        {"witnesses", r.seconds.witnesses},
                        {"replays", r.seconds.replays},
                        {"validation", r.seconds.validation}};
    if (r.expect)
        j["expect"] = Json{{"ok", r.expect->ok()},
                           {"listed", s.expect},
                           {"missing", r.expect->missing},
                           {"extra", r.expect->extra}};
    return j;
}

class JsonReporter final : public Reporter {
public:
    explicit JsonReporter(const ReportOptions& o) : array_(o.summary) {}

    void scenario(const ScenarioReport& r, std::ostream& out) override {
        emit(scenario_json(r), out);
    }

    void refused(const RefusedScenario& r, std::ostream& out) override {
        // A scenario that could not be checked appears only in a folder's array.
        if (!array_) return;
        emit(Json{{"file", r.file}, {"refused", r.message}, {"documented", r.documented}}, out);
    }

    void finish(const RunEnd& end, std::ostream& out) override {
        if (!array_) return;
        for (const std::string& file : end.unchecked)
            emit(Json{{"file", file},
                      {"unchecked", "the run was interrupted (Ctrl-C) before this scenario"}},
                 out);
        out << (first_ ? "[" : "\n") << "]\n";
    }

private:
    void emit(const Json& j, std::ostream& out) {
        if (!array_) {
            out << dump(j) << "\n";
            return;
        }
        out << (first_ ? "[\n" : ",\n") << dump(j);
        first_ = false;
    }

    bool array_;
    bool first_ = true;
};

} // namespace

std::unique_ptr<Reporter> make_json_reporter(const ReportOptions& options) {
    return std::make_unique<JsonReporter>(options);
}

} // namespace rc
