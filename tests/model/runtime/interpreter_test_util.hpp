// A small harness for the interpreter's acceptance tests: compile a Python snippet (or load a
// scenario file) into a Program, run it to the end under a scheduling policy, and read the
// result (globals by name, output, events, uncaught exceptions).
//
// The scheduling rule mirrors checker/commands/run_command.cpp: a policy chooses among the threads whose
// pending operation is enabled; a timeout is taken only when no thread is enabled, and then
// among the threads that can time out.
#pragma once

#include <doctest/doctest.h> // FAIL on a snippet that does not compile

#include <cstdint>     // uint32_t, uint64_t, int64_t
#include <memory>      // unique_ptr
#include <optional>    // try_load
#include <string>      // code, names, output
#include <string_view> // snippets
#include <utility>     // pair
#include <variant>     // compile results
#include <vector>      // events, scripts

#include "model/compile/compile_scenario.hpp" // compile_scenario, CompiledScenario
#include "model/scenario/diagnostic.hpp"       // format_diagnostic
#include "model/runtime/interpreter.hpp"      // Interpreter, Limits, RunStatus
#include "model/scenario/scenario.hpp"         // parse_scenario, load_scenario

namespace rc::test {

/// SplitMix64, as run_command uses it: a seed means the same schedule everywhere.
struct SplitMix64 {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
};

/// How the next thread is chosen among the candidates (enabled threads, or the threads that can
/// time out when none is enabled).
struct Policy {
    enum class Kind { Lowest, RoundRobin, Scripted, Random };
    Kind kind = Kind::Lowest;
    std::vector<uint32_t> script; // Scripted: thread ids, in order; then Lowest
    uint64_t seed = 0;            // Random

    static Policy lowest() { return {}; }
    static Policy round_robin() { return {Kind::RoundRobin, {}, 0}; }
    static Policy scripted(std::vector<uint32_t> ids) {
        return {Kind::Scripted, std::move(ids), 0};
    }
    static Policy random(uint64_t seed) { return {Kind::Random, {}, seed}; }
};

/// Runs a policy step by step; keeps the cursor (round-robin position, script index, generator).
class Chooser {
public:
    explicit Chooser(Policy p) : policy_(std::move(p)), rng_{policy_.seed} {}

    /// The thread to step among `pool` (non-empty, in id order).
    ThreadId choose(const std::vector<ThreadId> &pool) {
        switch (policy_.kind) {
        case Policy::Kind::Lowest:
            return pool.front();
        case Policy::Kind::RoundRobin: {
            for (ThreadId t : pool)
                if (!last_.valid() || t.value > last_.value)
                    return last_ = t;
            return last_ = pool.front();
        }
        case Policy::Kind::Scripted: {
            if (next_ >= policy_.script.size())
                return pool.front();
            ThreadId want(policy_.script[next_++]);
            for (ThreadId t : pool)
                if (t == want)
                    return t;
            script_followed_ = false;
            return pool.front();
        }
        case Policy::Kind::Random:
            return pool[rng_.next() % pool.size()];
        }
        return pool.front();
    }
    /// False if a scripted thread was not a candidate when its turn came.
    bool script_followed() const { return script_followed_; }

private:
    Policy policy_;
    SplitMix64 rng_;
    ThreadId last_;
    size_t next_ = 0;
    bool script_followed_ = true;
};

struct Run {
    State state;
    std::vector<Event> events;
    RunStatus status = RunStatus::Running;
    bool script_followed = true;
    bool step_limit_hit = false;
    /// The first step (1-based) after which a `checks.always` expression was false or raised.
    std::optional<uint64_t> always_failed_at;
    std::string always_failure; // the failing check's value or exception text
};

/// What a snippet needs besides its code.
struct SnippetOptions {
    std::vector<std::pair<std::string, int64_t>> params;
    std::vector<std::string> final_checks;
    std::vector<std::string> always_checks;
    Limits limits{};
};

/// A compiled program and its interpreter. Movable; the Program stays at a fixed address.
class Harness {
public:
    /// Compiles a Python snippet (wrapped in a synthesized scenario YAML); FAILs the test with
    /// the diagnostic when it does not compile.
    explicit Harness(std::string_view code, SnippetOptions opts = {}) {
        std::string error;
        if (!build(parse_scenario(yaml_for(code, opts), "snippet.yaml"), opts.limits, &error))
            FAIL("snippet does not compile: " << error);
    }

    /// Loads and compiles a scenario file; nullopt (and the diagnostic in *error) if it fails.
    static std::optional<Harness> try_load(const std::string &path, std::string *error,
                                           Limits limits = {}) {
        Harness h;
        if (!h.build(load_scenario(path), limits, error))
            return std::nullopt;
        return h;
    }

    const Program &program() const { return compiled_->program; }
    const Interpreter &interp() const { return *interp_; }
    const Scenario &scenario() const { return scenario_; }

    State initial() const { return interp_->initial_state(compiled_->param_values); }

    /// Runs from the initial state to the end (or max_steps visible operations).
    Run run(Policy p = Policy::lowest(), uint64_t max_steps = 1'000'000) const {
        return run_from(initial(), std::move(p), max_steps);
    }

    Run run_from(State s, Policy p, uint64_t max_steps = 1'000'000) const {
        Run r;
        Chooser chooser(std::move(p));
        std::vector<ThreadId> ready, enabled;
        uint64_t steps = 0;
        for (;; ++steps) {
            interp_->schedulable(s, ready);
            if (ready.empty())
                break;
            if (steps == max_steps) {
                r.step_limit_hit = true;
                break;
            }
            enabled.clear();
            for (ThreadId t : ready)
                if (interp_->is_enabled(s, t))
                    enabled.push_back(t);
            bool timeout = enabled.empty();
            ThreadId t = chooser.choose(timeout ? ready : enabled);
            r.events.push_back(interp_->step(s, t, timeout));
            if (!r.always_failed_at) {
                for (FuncId c : program().always_checks) {
                    CheckValue cv = interp_->evaluate(s, c);
                    if (cv.ok && cv.truthy)
                        continue;
                    // A check over a global the module has not bound yet does not apply (as in the
                    // checker's check detector).
                    if (cv.name_error)
                        continue;
                    r.always_failed_at = steps + 1;
                    r.always_failure = cv.repr;
                    break;
                }
            }
        }
        r.status = interp_->status(s);
        r.script_followed = chooser.script_followed();
        r.state = std::move(s);
        return r;
    }

    /// The value of module global `name`; FAILs if the program has no such global.
    Value global(const State &s, std::string_view name) const {
        VarId v = var(name);
        if (!v.valid())
            FAIL("no global named " << std::string(name));
        return s.globals[v.value];
    }
    VarId var(std::string_view name) const {
        for (size_t i = 0; i < program().globals.size(); ++i)
            if (program().globals[i].name == name)
                return VarId(static_cast<uint32_t>(i));
        return VarId();
    }
    int64_t global_int(const State &s, std::string_view name) const {
        Value v = global(s, name);
        REQUIRE(v.is_int_like());
        return v.i;
    }
    std::string global_repr(const State &s, std::string_view name) const {
        return interp_->repr(s, global(s, name));
    }
    /// "Type: message" of the exception that ended thread t, or "" if none did.
    std::string uncaught(const State &s, uint32_t t) const {
        if (t >= s.threads.size() || s.threads[t].uncaught.is_unbound())
            return "";
        return interp_->exception_text(s, s.threads[t].uncaught);
    }
    /// Uncaught exceptions of every thread, "thread name: Type: message", in thread id order.
    std::vector<std::string> uncaught_all(const State &s) const {
        std::vector<std::string> out;
        for (const ThreadState &t : s.threads)
            if (!t.uncaught.is_unbound())
                out.push_back(interp_->thread_name(s, t.id) + ": " +
                              interp_->exception_text(s, t.uncaught));
        return out;
    }

    /// "GlobalRead counter" / "LockAcquire" ... for each event of thread t (or every thread).
    std::vector<std::string> kinds(const Run &r, std::optional<uint32_t> t = std::nullopt) const {
        std::vector<std::string> out;
        for (const Event &e : r.events) {
            if (t && e.thread.value != *t)
                continue;
            std::string k(op_kind_name(e.kind));
            if (e.var.valid())
                k += " " + program().name_of(e.var);
            out.push_back(std::move(k));
        }
        return out;
    }

private:
    Harness() = default;

    static std::string yaml_for(std::string_view code, const SnippetOptions &opts) {
        std::string y = "name: snippet\nparams:";
        if (opts.params.empty())
            y += " {}";
        y += "\n";
        for (auto &[n, v] : opts.params)
            y += "  " + n + ": " + std::to_string(v) + "\n";
        y += "code: |\n";
        if (!code.empty() && code.front() == '\n')
            code.remove_prefix(1); // R"( on its own line
        size_t start = 0;
        while (start < code.size()) {
            size_t end = code.find('\n', start);
            if (end == std::string_view::npos)
                end = code.size();
            std::string_view line = code.substr(start, end - start);
            if (!line.empty())
                y += "  ";
            y += line;
            y += "\n";
            start = end + 1;
        }
        y += "checks:\n  final:\n";
        for (auto &c : opts.final_checks)
            y += "    - \"" + c + "\"\n";
        y += "  always:\n";
        for (auto &c : opts.always_checks)
            y += "    - \"" + c + "\"\n";
        if (opts.final_checks.empty())
            y.replace(y.find("  final:\n"), 9, "  final: []\n");
        if (opts.always_checks.empty())
            y.replace(y.find("  always:\n"), 10, "  always: []\n");
        return y;
    }

    bool build(std::variant<Scenario, Diagnostic> loaded, Limits limits, std::string *error) {
        if (auto *d = std::get_if<Diagnostic>(&loaded)) {
            *error = format_diagnostic(*d);
            return false;
        }
        scenario_ = std::get<Scenario>(std::move(loaded));
        auto compiled = compile_scenario(scenario_);
        if (auto *d = std::get_if<Diagnostic>(&compiled)) {
            *error = format_diagnostic(*d);
            return false;
        }
        compiled_ = std::move(std::get<std::unique_ptr<CompiledScenario>>(compiled));
        interp_ = std::make_unique<Interpreter>(compiled_->program, limits);
        return true;
    }

    Scenario scenario_;
    std::unique_ptr<CompiledScenario> compiled_;
    std::unique_ptr<Interpreter> interp_;
};

/// Runs a snippet with the lowest-thread policy and returns its output (a one-liner for the
/// language tests). Uncaught exceptions are appended as "!! thread: Type: message" lines.
inline std::string output_of(std::string_view code, SnippetOptions opts = {}) {
    Harness h(code, std::move(opts));
    Run r = h.run();
    std::string out = r.state.output;
    for (const std::string &u : h.uncaught_all(r.state))
        out += "!! " + u + "\n";
    return out;
}

} // namespace rc::test

/// Prints event-kind lists in failure messages.
template <> struct doctest::StringMaker<std::vector<std::string>> {
    static doctest::String convert(const std::vector<std::string> &v) {
        std::string out = "{";
        for (size_t i = 0; i < v.size(); ++i)
            out += (i ? ", \"" : "\"") + v[i] + "\"";
        out += "}";
        return out.c_str();
    }
};
