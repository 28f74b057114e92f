// Helpers for the exploration tests: load a scenario (from a file or from text), run one
// strategy on it as `racecheck FILE` would, and compare what two searches found. Also
// TraceCounter, an oracle independent of DPOR: it wraps exhaustive DFS and counts the distinct
// Mazurkiewicz traces among the executions DFS runs (each execution's canonical linearization:
// repeatedly the lowest thread whose next operation has all its predecessors done).
#pragma once

#include <doctest/doctest.h> // REQUIRE

#include <memory>  // unique_ptr
#include <set>     // traces, kinds, outcomes
#include <string>  // names
#include <variant> // get_if
#include <vector>  // files

#include "checker/commands/check_command.hpp"  // load_and_compile, detector_context
#include "checker/explore/session.hpp"         // Session, Budgets, SearchResult
#include "checker/strategies/dependency.hpp"   // dependent
#include "checker/strategies/dfs_strategy.hpp" // DfsStrategy
#include "checker/strategies/strategy.hpp"     // find_strategy
#include "model/compile/compile_scenario.hpp"  // compile_scenario
#include "model/runtime/interpreter.hpp"       // Interpreter
#include "model/scenario/scenario.hpp"         // parse_scenario

namespace rc::test {

inline LoadedScenario load(const std::string& file, const std::vector<std::string>& params = {}) {
    auto loaded = load_and_compile(file, params);
    auto* failure = std::get_if<LoadFailure>(&loaded);
    REQUIRE_MESSAGE(failure == nullptr, file << " does not load: "
                                             << (failure ? failure->diagnostics.front().message : ""));
    return std::move(std::get<LoadedScenario>(loaded));
}

/// A scenario from YAML text (generated programs).
inline LoadedScenario load_text(const std::string& yaml, const std::string& name = "<generated>") {
    auto parsed = parse_scenario(yaml, name);
    auto* d = std::get_if<Diagnostic>(&parsed);
    REQUIRE_MESSAGE(d == nullptr, "does not parse: " << (d ? d->message : "") << "\n" << yaml);
    LoadedScenario ls;
    ls.scenario = std::move(std::get<Scenario>(parsed));
    auto compiled = compile_scenario(ls.scenario);
    auto* cd = std::get_if<Diagnostic>(&compiled);
    REQUIRE_MESSAGE(cd == nullptr, "does not compile: " << (cd ? cd->message : "") << "\n" << yaml);
    ls.compiled = std::move(std::get<std::unique_ptr<CompiledScenario>>(compiled));
    return ls;
}

/// Runs `strategy` (a registry name) on the scenario; budgets: the scenario's, else `b`.
inline SearchResult search(LoadedScenario& ls, Strategy& strategy, Budgets b = {}) {
    const ExploreDefaults& ex = ls.scenario.explore;
    b.max_steps = ex.max_steps.value_or(b.max_steps);
    Interpreter in(ls.compiled->program);
    Session session(in, ls.compiled->param_values, detector_context(ls), b,
                    outcome_globals(ls.compiled->program));
    return session.run(strategy);
}

inline SearchResult search(LoadedScenario& ls, const std::string& name, Budgets b = {}) {
    const StrategyInfo* info = find_strategy(name);
    REQUIRE(info != nullptr);
    StrategyOptions so;
    auto strategy = info->make(so);
    return search(ls, *strategy, b);
}

inline std::set<std::string> kinds(const SearchResult& r) {
    std::set<std::string> out;
    for (const Finding& f : r.findings) out.insert(std::string(finding_kind_name(f.kind)));
    return out;
}

/// Each outcome as one line: ending, output, values.
inline std::set<std::string> outcomes(const SearchResult& r) {
    std::set<std::string> out;
    for (const Outcome& o : r.outcomes) {
        std::string line = o.ending + " | " + o.output + " |";
        for (const auto& [name, value] : o.values) line += " " + name + "=" + value;
        out.insert(line);
    }
    return out;
}

inline std::string text(const std::set<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += "\n  " + s;
    return out.empty() ? " (none)" : out;
}

/// Exhaustive DFS that also counts the distinct Mazurkiewicz traces of the executions it runs.
class TraceCounter final : public Strategy {
public:
    bool begin_execution() override {
        if (!dfs_.begin_execution()) return false;
        // The Session resumes after the previous execution's first resume_depth() steps: keep
        // what was recorded of them.
        const size_t resume = dfs_.resume_depth();
        ops_.resize(std::min(ops_.size(), resume));
        for (long& c : created_by_)
            if (c >= static_cast<long>(resume)) c = -2;
        return true;
    }
    size_t resume_depth() const override { return dfs_.resume_depth(); }
    uint32_t checkpoint_interval() const override { return dfs_.checkpoint_interval(); }
    size_t choose(const ChoicePoint& point) override {
        see(point);
        return dfs_.choose(point);
    }
    void on_event(const Event& e, const Footprint& f) override {
        dfs_.on_event(e, f);
        ops_.push_back(f);
    }
    void on_end_state(const ChoicePoint& point) override { see(point); }
    void end_execution() override {
        dfs_.end_execution();
        traces_.insert(canonical());
    }
    StopReason stop_reason() const override { return dfs_.stop_reason(); }
    std::string coverage() const override { return dfs_.coverage(); }
    bool wants_footprints() const override { return true; }
    size_t traces() const { return traces_.size(); }

private:
    void see(const ChoicePoint& point) {
        auto note = [&](ThreadId t) {
            if (t.value >= created_by_.size()) created_by_.resize(t.value + 1, -2);
            if (created_by_[t.value] == -2) created_by_[t.value] = static_cast<long>(ops_.size()) - 1;
        };
        for (const Choice& c : point.options) note(c.thread);
        for (const Footprint& f : point.blocked) note(f.thread);
    }
    /// The lexicographically least linearization of the execution's trace, as thread ids.
    std::string canonical() const {
        const size_t n = ops_.size();
        std::vector<std::vector<size_t>> preds(n);
        for (size_t k = 0; k < n; ++k) {
            for (size_t j = 0; j < k; ++j)
                if (dependent(ops_[j], ops_[k])) preds[k].push_back(j);
            const ThreadId t = ops_[k].thread;
            long creator = t.value < created_by_.size() ? created_by_[t.value] : -1;
            if (creator >= 0) preds[k].push_back(static_cast<size_t>(creator));
        }
        std::vector<bool> done(n, false);
        std::string out;
        for (size_t placed = 0; placed < n; ++placed) {
            size_t best = n;
            std::vector<bool> thread_seen;
            for (size_t k = 0; k < n; ++k) {
                if (done[k]) continue;
                const uint32_t t = ops_[k].thread.value;
                if (t >= thread_seen.size()) thread_seen.resize(t + 1, false);
                if (thread_seen[t]) continue; // only a thread's first remaining operation
                thread_seen[t] = true;
                bool ready = true;
                for (size_t p : preds[k]) ready &= done[p];
                if (ready && (best == n || t < ops_[best].thread.value)) best = k;
            }
            REQUIRE(best < n);
            done[best] = true;
            out += std::to_string(ops_[best].thread.value);
            if (ops_[best].kind == OpKind::Choose) out += ops_[best].branch ? "T" : "F"; // a choice's branch
            out += ' ';
        }
        return out;
    }

    DfsStrategy dfs_;
    std::vector<Footprint> ops_;
    std::vector<long> created_by_; // by thread: index of the op after which it appeared (-1: initial)
    std::set<std::string> traces_;
};

} // namespace rc::test
