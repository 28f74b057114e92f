// A harness for the detector tests: compile a Python snippet, drive the interpreter with a
// scripted or seeded-random schedule (the loop of checker/commands/run_command.cpp), feed every step to
// the detectors as the Session does, and record what they report.
//
// Lines in findings are code-block lines here: the context has no YAML line map.
#pragma once

#include <doctest/doctest.h> // FAIL on a snippet that does not compile

#include <cstdint>     // uint32_t, uint64_t, int64_t
#include <memory>      // unique_ptr
#include <set>         // kinds and keys
#include <string>      // code, keys
#include <string_view> // snippets
#include <utility>     // pair
#include <variant>     // compile results
#include <vector>      // findings, scripts

#include "checker/detectors/detector.hpp"       // Detector, make_detectors, FindingSink
#include "checker/detectors/finding.hpp"        // Finding, finding_kind_name
#include "model/compile/compile_scenario.hpp" // compile_scenario
#include "model/scenario/diagnostic.hpp"       // format_diagnostic
#include "model/runtime/interpreter.hpp"      // Interpreter
#include "model/scenario/scenario.hpp"         // parse_scenario

namespace rc::test {

/// SplitMix64, as run_command uses it.
struct Rng {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
};

class RecordingSink : public FindingSink {
public:
    void report(Finding f) override { findings.push_back(std::move(f)); }
    void refused(Refusal r) override { refusals.push_back(std::move(r)); }
    std::vector<Finding> findings;
    std::vector<Refusal> refusals;
};

/// What one or many executions showed.
struct Observed {
    std::vector<Finding> findings;         // in report order
    std::set<std::string> kinds;           // "data-race"
    std::set<std::string> keys;            // "data-race:counter:6:6"
    std::vector<Refusal> refusals;         // no verdict: a refusal or a cut of racecheck's
    RunStatus status = RunStatus::Running; // of the last execution
    bool has(std::string_view kind) const { return kinds.count(std::string(kind)) > 0; }
    /// The first finding of `kind`; FAILs if there is none.
    const Finding& first(std::string_view kind) const {
        for (const Finding& f : findings)
            if (finding_kind_name(f.kind) == kind) return f;
        FAIL("no finding of kind " << std::string(kind));
        return findings.front();
    }
};

struct SnippetChecks {
    std::vector<std::string> final_checks, always_checks;
    std::vector<std::pair<std::string, int64_t>> params;
};

class DetectorHarness {
public:
    explicit DetectorHarness(std::string_view code, SnippetChecks checks = {}) {
        auto loaded = parse_scenario(yaml_for(code, checks), "snippet.yaml");
        if (auto* d = std::get_if<Diagnostic>(&loaded)) FAIL(format_diagnostic(*d));
        Scenario sc = std::get<Scenario>(std::move(loaded));
        auto compiled = compile_scenario(sc);
        if (auto* d = std::get_if<Diagnostic>(&compiled)) FAIL(format_diagnostic(*d));
        compiled_ = std::move(std::get<std::unique_ptr<CompiledScenario>>(compiled));
        interp_ = std::make_unique<Interpreter>(compiled_->program);
        ctx_.program = &compiled_->program;
        for (auto& c : sc.final_checks) ctx_.final_checks.push_back(c.expr);
        for (auto& c : sc.always_checks) ctx_.always_checks.push_back(c.expr);
    }

    const Interpreter& interp() const { return *interp_; }

    /// Imitates the Session's busy-wait verdict: an execution cut by the step budget ends
    /// Blocked with the still-schedulable threads as `spinning`.
    bool cut_is_spinning = false;

    /// One execution: `script` lists thread ids to run in order (each must be a candidate when
    /// its turn comes), then the seeded generator chooses. Fresh detectors unless `detectors`.
    Observed run(std::vector<uint32_t> script, uint64_t seed = 1, uint64_t max_steps = 2000) {
        auto ds = make_detectors(ctx_);
        Observed o;
        execute(ds, script, seed, max_steps, o);
        return o;
    }

    /// `executions` seeded-random executions sharing one set of detectors (as in a search).
    Observed explore(uint64_t executions = 300, uint64_t max_steps = 2000) {
        auto ds = make_detectors(ctx_);
        Observed o;
        for (uint64_t i = 0; i < executions; ++i) execute(ds, {}, 1000 + i, max_steps, o);
        return o;
    }

    /// As run(), on detectors kept across calls (lock-order accumulates across executions).
    void run_shared(std::vector<std::unique_ptr<Detector>>& ds, std::vector<uint32_t> script,
                    Observed& o, uint64_t seed = 1) {
        execute(ds, script, seed, 2000, o);
    }
    std::vector<std::unique_ptr<Detector>> detectors() const { return make_detectors(ctx_); }

private:
    void execute(std::vector<std::unique_ptr<Detector>>& ds, const std::vector<uint32_t>& script,
                 uint64_t seed, uint64_t max_steps, Observed& o) {
        const Interpreter& in = *interp_;
        State s = in.initial_state(compiled_->param_values);
        for (auto& d : ds) d->begin_execution(in, s);
        RecordingSink sink;
        Rng rng{seed};
        std::vector<ThreadId> ready, enabled;
        size_t next = 0;
        uint64_t step = 0;
        ExecutionEnd end;
        for (;;) {
            in.schedulable(s, ready);
            if (ready.empty()) break;
            if (step == max_steps) {
                end.step_limit = true;
                break;
            }
            enabled.clear();
            for (ThreadId t : ready)
                if (in.is_enabled(s, t)) enabled.push_back(t);
            bool timeout = enabled.empty();
            const auto& pool = timeout ? ready : enabled;
            ThreadId t = pool[rng.next() % pool.size()];
            if (next < script.size()) {
                t = ThreadId(script[next++]);
                bool ok = false;
                for (ThreadId c : pool) ok = ok || c == t;
                REQUIRE_MESSAGE(ok, "scripted thread " << t.value << " cannot run at step "
                                                       << step + 1);
            }
            Event e = in.step(s, t, timeout);
            ++step;
            for (auto& d : ds) d->on_step(in, step, e, s, sink);
        }
        end.status = in.status(s);
        if (end.step_limit && cut_is_spinning) {
            end.step_limit = false;
            end.status = RunStatus::Blocked;
            in.schedulable(s, end.spinning);
        }
        for (auto& d : ds) d->end_execution(in, s, end, sink);
        o.status = end.status;
        for (Refusal& r : sink.refusals) o.refusals.push_back(std::move(r));
        for (Finding& f : sink.findings) {
            o.kinds.insert(std::string(finding_kind_name(f.kind)));
            o.keys.insert(f.key);
            o.findings.push_back(std::move(f));
        }
    }

    static std::string yaml_for(std::string_view code, const SnippetChecks& c) {
        std::string y = "name: snippet\nparams:";
        y += c.params.empty() ? " {}\n" : "\n";
        for (auto& [n, v] : c.params) y += "  " + n + ": " + std::to_string(v) + "\n";
        y += "code: |\n";
        if (!code.empty() && code.front() == '\n') code.remove_prefix(1);
        size_t start = 0;
        while (start < code.size()) {
            size_t end = code.find('\n', start);
            if (end == std::string_view::npos) end = code.size();
            std::string_view line = code.substr(start, end - start);
            if (!line.empty()) y += "  ";
            y += line;
            y += "\n";
            start = end + 1;
        }
        auto list = [&](const char* name, const std::vector<std::string>& v) {
            y += std::string("  ") + name + ":";
            if (v.empty()) y += " []";
            y += "\n";
            for (auto& e : v) y += "    - \"" + e + "\"\n";
        };
        y += "checks:\n";
        list("final", c.final_checks);
        list("always", c.always_checks);
        return y;
    }

    std::unique_ptr<CompiledScenario> compiled_;
    std::unique_ptr<Interpreter> interp_;
    DetectorContext ctx_;
};

} // namespace rc::test
