// Rendering real runs for racecheck_tsan's JSON (format in real_report.hpp).
#include "checker/real/real_report.hpp"

#include <variant> // get_if on heap objects

#include "model/bytecode/builtins.hpp" // builtin_name
#include "model/values/objects.hpp"  // ExceptionObj, StrObj, ...

namespace rc::real {

namespace {

const char* ending_name(Ending e) {
    switch (e) {
    case Ending::Ended: return "ended";
    case Ending::Hang: return "hang";
    case Ending::Diverged: return "diverged";
    case Ending::RunsForever: return "runs-forever";
    case Ending::StepLimit: return "step-limit";
    case Ending::TimeLimit: return "time-limit";
    case Ending::ScheduleEnd: return "schedule-end";
    case Ending::Limit: return "limit";
    case Ending::Internal: return "internal-error";
    case Ending::Refused: return "refused";
    }
    return "?";
}

} // namespace

RealReport::RealReport(const Scenario& s, const Interpreter& in, std::string mode)
    : scenario_(s), in_(in), mode_(std::move(mode)) {}

uint32_t RealReport::yaml_line(uint32_t code_line) const {
    const auto& map = scenario_.code_map.yaml_line;
    if (code_line == 0 || map.empty()) return code_line;
    if (code_line < map.size()) return map[code_line];
    return map.back() + code_line - static_cast<uint32_t>(map.size()) + 1;
}

void RealReport::add(const RunResult& r) {
    const State& st = r.final_state;
    const Program& p = in_.program();
    nlohmann::json run;
    bool raised = false;
    nlohmann::json exceptions = nlohmann::json::array();
    for (const ThreadState& t : st.threads) {
        if (!t.uncaught.is_obj()) continue;
        auto* e = std::get_if<ExceptionObj>(&st.object(t.uncaught.obj()).data);
        raised = true;
        exceptions.push_back({{"thread", in_.thread_name(st, t.id)},
                              {"type", e ? std::string(builtin_name(e->type)) : "?"},
                              {"text", in_.exception_text(st, t.uncaught)},
                              {"line", e ? yaml_line(e->line) : 0}});
    }
    run["ending"] = r.ending == Ending::Ended && raised ? "exception" : ending_name(r.ending);
    run["steps"] = st.steps;
    run["tsan_reports"] = r.tsan_reports;
    nlohmann::json values = nlohmann::json::object();
    for (const auto& [name, repr] : in_.data_values(st)) values[name] = repr;
    run["final_values"] = values;
    nlohmann::json failed = nlohmann::json::array();
    if (r.ending == Ending::Ended) {
        for (size_t i = 0; i < p.final_checks.size(); ++i) {
            CheckValue cv = in_.evaluate(st, p.final_checks[i]);
            if (!cv.ok || !cv.truthy) failed.push_back(scenario_.final_checks[i].expr);
        }
    }
    run["failed_checks"] = failed;
    run["output"] = st.output;
    run["exceptions"] = exceptions;
    nlohmann::json hang = nlohmann::json::array();
    if (r.ending == Ending::Hang) {
        for (const ThreadState& t : st.threads) {
            if (t.status != ThreadStatus::Running) continue;
            std::string where = t.pending.line
                                    ? " (line " + std::to_string(yaml_line(t.pending.line)) + ")"
                                    : "";
            hang.push_back(in_.thread_name(st, t.id) + where + " " + in_.describe_wait(st, t.id));
        }
    }
    run["hang"] = hang;
    run["diverged_at"] = r.diverged_at ? nlohmann::json(*r.diverged_at) : nlohmann::json(nullptr);
    run["note"] = r.note;
    std::string schedule;
    for (const Choice& c : r.schedule)
        schedule += (schedule.empty() ? "" : ",") + std::to_string(c.thread.value) +
                    (c.timeout ? "t" : "");
    run["schedule"] = schedule;
    const size_t index = runs_.size();
    runs_.push_back(run);

    for (const CellRace& race : r.races) {
        nlohmann::json entry = {
            {"variable", race.attribute.empty() ? p.name_of(race.var) : race.attribute},
            {"threads", {in_.thread_name(st, race.threads[0]), in_.thread_name(st, race.threads[1])}},
            {"lines", {yaml_line(race.lines[0]), yaml_line(race.lines[1])}},
            {"writes", {race.writes[0], race.writes[1]}}};
        const std::string key = entry.dump(); // its four fields, in a fixed order
        auto [at, added] = tsan_index_.try_emplace(key, tsan_.size());
        if (added) {
            entry["runs"] = {index};
            entry["count"] = 1;
            tsan_.push_back(entry);
        } else {
            nlohmann::json& seen = tsan_[at->second];
            seen["count"] = seen["count"].get<uint64_t>() + 1;
            if (seen["runs"].back() != index) seen["runs"].push_back(index);
        }
    }
    for (const std::string& o : r.other_reports)
        other_.push_back("run " + std::to_string(index) + ": " + o);
}

void RealReport::add_abandoned(const std::string& why) {
    runs_.push_back({{"ending", "hang"},
                     {"steps", 0},
                     {"final_values", nlohmann::json::object()},
                     {"failed_checks", nlohmann::json::array()},
                     {"output", ""},
                     {"exceptions", nlohmann::json::array()},
                     {"hang", {why}},
                     {"diverged_at", nullptr},
                     {"note", why},
                     {"schedule", ""}});
}

void RealReport::set_budget(double seconds, uint64_t planned, bool ran_out) {
    budget_ = {{"seconds", seconds}, {"runs_planned", planned}, {"ran_out", ran_out}};
}

nlohmann::json RealReport::json() const {
    nlohmann::json j = {{"mode", mode_}, {"runs", runs_}, {"tsan", tsan_}, {"tsan_other", other_}};
    if (!budget_.is_null()) j["budget"] = budget_;
    return j;
}

} // namespace rc::real
