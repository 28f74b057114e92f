// The fuzz targets' bodies (fuzz_entry.hpp).
#include "tests/fuzz/fuzz_entry.hpp"

#include <cstdint>    // uint64_t
#include <filesystem> // temp_directory_path
#include <fstream>    // the check target's scenario file
#include <sstream>    // discarded output
#include <string>     // texts
#include <unistd.h>   // getpid: one scenario file per fuzzing process
#include <variant>    // get_if

#include "checker/commands/cli.hpp"           // run_cli
#include "model/check.hpp"                    // RC_CHECK
#include "model/compile/compile_scenario.hpp" // compile_scenario
#include "model/runtime/interpreter.hpp"      // Interpreter, Limits
#include "model/scenario/diagnostic.hpp"      // format_diagnostic
#include "model/scenario/scenario.hpp"        // parse_scenario

namespace rc::fuzz {

namespace {

uint64_t fnv1a(std::string_view s) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    return h;
}

/// SplitMix64, as `racecheck run` uses it.
struct SplitMix64 {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
};

void check_diagnostic(const Diagnostic& d, const std::string& file) {
    RC_CHECK(d.file == file, "a diagnostic names another file");
    RC_CHECK(!d.message.empty(), "a diagnostic without a message");
    RC_CHECK(d.line != 0 || d.col == 0, "a diagnostic with a column but no line");
    RC_CHECK(!format_diagnostic(d).empty(), "a diagnostic renders empty");
}

/// A scenario holding `code` as if it were the file's whole text (code line n = file line n).
Scenario scenario_for(std::string_view code) {
    Scenario s;
    s.name = "fuzz";
    s.file = "fuzz.py";
    s.code = std::string(code);
    size_t lines = 1;
    for (char c : code) lines += c == '\n';
    s.code_map.file = s.file;
    s.code_map.yaml_line.resize(lines + 1);
    for (size_t i = 0; i <= lines; ++i) s.code_map.yaml_line[i] = static_cast<uint32_t>(i);
    return s;
}

struct RunResult {
    uint64_t hash = 0;
    std::string output;
    std::string rendered;
    friend bool operator==(const RunResult&, const RunResult&) = default;
};

/// One interleaving chosen by `seed`, at most `max_steps` steps, rendering every event and the
/// end state as the reports do.
RunResult run_once(const Interpreter& in, const std::vector<int64_t>& params, uint64_t seed,
                   uint64_t max_steps) {
    RunResult r;
    State st = in.initial_state(params);
    SplitMix64 rng{seed};
    std::vector<ThreadId> ready, enabled;
    for (uint64_t step = 0; step < max_steps; ++step) {
        in.schedulable(st, ready);
        if (ready.empty()) break;
        enabled.clear();
        for (ThreadId t : ready)
            if (in.is_enabled(st, t)) enabled.push_back(t);
        bool timeout = enabled.empty();
        const auto& pool = timeout ? ready : enabled;
        ThreadId t = pool[rng.next() % pool.size()];
        std::string before = in.describe_pending(st, t);
        Event ev = in.step(st, t, timeout);
        r.rendered += before + " | " + in.thread_name(st, t) + " | " + in.describe_event(st, ev) + "\n";
    }
    RunStatus status = in.status(st);
    r.rendered += std::to_string(static_cast<int>(status)) + " " + in.describe_limit(st) + "\n";
    RC_CHECK(st.memory <= in.limits().max_memory, "the memory budget was passed unnoticed");
    for (const ThreadState& th : st.threads) {
        if (!th.uncaught.is_unbound()) r.rendered += in.exception_text(st, th.uncaught) + "\n";
        if (th.status == ThreadStatus::Running && !st.ended)
            r.rendered += in.describe_wait(st, th.id) + "\n";
    }
    for (const Value& g : st.globals)
        if (!g.is_unbound()) r.rendered += in.repr(st, g) + "\n";
    for (FuncId c : in.program().final_checks) r.rendered += in.evaluate(st, c).repr + "\n";
    r.hash = hash_state(st);
    r.output = std::move(st.output);
    return r;
}

} // namespace

void load(std::string_view yaml) {
    auto loaded = parse_scenario(yaml, "fuzz.yaml");
    if (auto* d = std::get_if<Diagnostic>(&loaded)) return check_diagnostic(*d, "fuzz.yaml");
    const Scenario& s = std::get<Scenario>(loaded);
    RC_CHECK(!s.code_map.yaml_line.empty(), "a loaded scenario without a source map");
    RC_CHECK(s.code.size() <= yaml.size(), "the code block is larger than the file");
}

void run(std::string_view python) {
    Scenario s = scenario_for(python);
    auto compiled = compile_scenario(s);
    if (auto* d = std::get_if<Diagnostic>(&compiled)) return check_diagnostic(*d, "fuzz.py");
    const CompiledScenario& cs = *std::get<std::unique_ptr<CompiledScenario>>(compiled);
    Limits limits; // small, so that an input finds each limit quickly
    limits.max_local_instructions = 20'000;
    limits.max_local_run = 200'000;
    limits.max_memory = 32u << 20;
    limits.max_string = 1u << 20;
    limits.max_threads = 64;
    Interpreter in(cs.program, limits);
    uint64_t seed = fnv1a(python);
    RunResult first = run_once(in, cs.param_values, seed, 300);
    RunResult second = run_once(in, cs.param_values, seed, 300);
    RC_CHECK(first == second, "the same interleaving ran twice gives different results");
}

void check(std::string_view yaml) {
    static const std::string path = (std::filesystem::temp_directory_path() /
                                     ("racecheck-fuzz-" + std::to_string(getpid()) + ".yaml"))
                                        .string();
    {
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        f.write(yaml.data(), static_cast<std::streamsize>(yaml.size()));
        RC_CHECK(f.good(), "cannot write the fuzz scenario file");
    }
    const char* format = fnv1a(yaml) % 2 ? "json" : "text";
    const char* argv[] = {"racecheck",        path.c_str(), "--no-validate", "--outcomes",
                          "--format",         format,       "--max-executions", "12",
                          "--max-steps",      "150",        "--max-seconds",  "2",
                          "--max-memory",     "64"};
    std::ostringstream out, err;
    int code = run_cli(static_cast<int>(std::size(argv)), argv, out, err);
    RC_CHECK(code == 0 || code == 1 || code == 2, "the check exits with an internal-bug code");
    // The CLI's own words: a diagnostic quotes the input (an unknown key, a token), so the marker is
    // looked for only when the input does not hold it; exit code 3 above covers the other case.
    constexpr std::string_view marker = "racecheck internal bug:";
    if (yaml.find(marker) == std::string_view::npos)
        RC_CHECK(err.str().find(marker) == std::string::npos, "an internal bug was reported");
    if (code == 2) RC_CHECK(err.str().find(path) == 0, "bad input is not reported at the file");
}

} // namespace rc::fuzz
