// racecheck_tsan: runs a scenario on real threads under ThreadSanitizer and prints one JSON
// object (format in real_report.hpp). Built with -fsanitize=thread; depends on model/ only.
//
//   racecheck_tsan FILE [--param N=V]... (--schedule-choices "0,1,1t,2")... [--max-steps N]
//   racecheck_tsan FILE [--param N=V]... --schedule-file PATH [--max-steps N]
//   racecheck_tsan FILE [--param N=V]... --free-runs N [--seed S] [--max-steps N]
//   (also --max-seconds S, the time budget of all runs; --stall-seconds S for the watchdog, and
//   --no-sync, a negative control for tests; --print-lines, a print() as one write, as the
//   search that made the schedules)
//
// A schedule is a comma-separated list of thread ids (0 = MainThread), a `t` suffix meaning the
// timeout branch; each --schedule-choices, and each line of a --schedule-file (for witnesses
// too long for a command line), is one forced run, in order. A schedule that ends in `;stop`
// ends its run where the schedule ends ("schedule-end": a data race's witness) instead of going
// on to the program's end. Under --max-seconds, no run starts
// after the budget ran out and a run still going then is cut ("time-limit"); the JSON's
// "budget" says how many runs were asked for. Exit codes: 0 the JSON
// was printed (whatever it says), 2 bad input (a Diagnostic on stderr), 3 internal error.
#include <cstdint>  // uint64_t
#include <chrono>   // the time budget
#include <cstdio>   // fflush
#include <fstream>  // --schedule-file
#include <iostream> // cout, cerr
#include <string>   // arguments
#include <vector>   // schedules

#include <CLI/CLI.hpp> // CLI::App

#include "checker/real/real_report.hpp"  // RealReport
#include "checker/real/real_run.hpp"     // run_real
#include "checker/real/tsan_reports.hpp" // TsanReports
#include "model/compile/compile_scenario.hpp"    // compile_scenario
#include "model/scenario/diagnostic.hpp"          // format_diagnostic
#include "model/runtime/interpreter.hpp"         // Interpreter
#include "model/scenario/scenario.hpp"            // load_scenario, apply_param_override

/// TSan's defaults for this binary (TSAN_OPTIONS still overrides them; see compiler-rt
/// lib/tsan/rtl/tsan_flags.inc). Every access to a global goes through the same instructions of
/// real_run.cpp under a made-up frame that names (cell, thread, read or write) (tsan_api.hpp
/// AccessFrame), so deduplication by stack drops exactly the repeats of one pair; deduplication
/// by address would hide every race on a cell but the first; the exit code is racecheck_tsan's own.
/// Reports are read by address and thread name (tsan_reports.cpp), never by symbol: without
/// symbolize=0 each process's first report made libbacktrace inflate and parse this binary's
/// compressed DWARF (about a tenth of the tutorial counter's validation CPU, three processes).
extern "C" const char* __tsan_default_options() {
    return "suppress_equal_stacks=1:suppress_equal_addresses=0:exitcode=0:report_thread_leaks=0:"
           "symbolize=0";
}

namespace {

using rc::Choice;

/// "0,1,1t,2" → choices; nullopt on a malformed list.
std::optional<std::vector<Choice>> parse_choices(const std::string& text) {
    std::vector<Choice> out;
    size_t i = 0;
    while (i < text.size()) {
        size_t end = text.find(',', i);
        if (end == std::string::npos) end = text.size();
        std::string item = text.substr(i, end - i);
        Choice c;
        if (!item.empty() && item.back() == 't') {
            c.timeout = true;
            item.pop_back();
        }
        if (item.empty() || item.size() > 9 || item.find_first_not_of("0123456789") != std::string::npos)
            return std::nullopt;
        c.thread = rc::ThreadId(static_cast<uint32_t>(std::stoul(item)));
        out.push_back(c);
        i = end + 1;
    }
    return out;
}

int fail_input(const std::string& message) {
    std::cerr << rc::format_diagnostic({"<command line>", 0, 0, message, ""}) << "\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    rc::real::TsanReports::instance(); // the registry exists before any run's thread
    CLI::App app{"racecheck_tsan: run a scenario on real threads under ThreadSanitizer"};
    std::string file;
    std::vector<std::string> params, schedules;
    uint64_t free_runs = 0, seed = 1, max_steps = 2000; // the Session's default step budget
    double stall = 2.0, max_seconds = 0;
    std::string schedule_file;
    bool skip_sync = false, print_lines = false;
    app.add_option("FILE", file, "scenario file")->required();
    app.add_option("--param", params, "NAME=VALUE overrides a scenario param");
    app.add_option("--schedule-choices", schedules, "a forced run: thread ids, `t` = timeout");
    app.add_option("--schedule-file", schedule_file, "forced runs, one schedule a line");
    app.add_option("--max-seconds", max_seconds, "time budget of all runs (0: none)");
    app.add_option("--free-runs", free_runs, "unforced runs to make");
    app.add_option("--seed", seed, "varies the yields of free runs");
    app.add_option("--max-steps", max_steps, "steps after which a run is cut");
    app.add_option("--stall-seconds", stall, "wall time without a step before the watchdog");
    app.add_flag("--print-lines", print_lines, "a print() is one write (racecheck --print-lines)");
    app.add_flag("--no-sync", skip_sync,
                 "testing aid: skip the happens-before edges (TSan then reports what they order)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    const auto start = std::chrono::steady_clock::now();
    if (!schedule_file.empty()) {
        std::ifstream in(schedule_file);
        if (!in) return fail_input("--schedule-file " + schedule_file + " cannot be read");
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) schedules.push_back(line);
    }
    if (schedules.empty() == (free_runs == 0))
        return fail_input("give either --schedule-choices or --schedule-file (one or more "
                          "schedules) or --free-runs N");

    auto loaded = rc::load_scenario(file);
    if (auto* d = std::get_if<rc::Diagnostic>(&loaded)) {
        std::cerr << rc::format_diagnostic(*d) << "\n";
        return 2;
    }
    rc::Scenario& scenario = std::get<rc::Scenario>(loaded);
    for (const std::string& p : params) {
        if (auto d = rc::apply_param_override(scenario, p)) {
            std::cerr << rc::format_diagnostic(*d) << "\n";
            return 2;
        }
    }
    auto compiled = rc::compile_scenario(scenario);
    if (auto* d = std::get_if<rc::Diagnostic>(&compiled)) {
        std::cerr << rc::format_diagnostic(*d) << "\n";
        return 2;
    }
    const rc::CompiledScenario& cs = *std::get<std::unique_ptr<rc::CompiledScenario>>(compiled);
    rc::Limits limits;
    limits.print_lines = print_lines;
    rc::Interpreter in(cs.program, limits);

    std::vector<rc::real::RunConfig> configs;
    for (std::string text : schedules) {
        const std::string stop = ";stop";
        const bool stop_after = text.size() >= stop.size() &&
                                text.compare(text.size() - stop.size(), stop.size(), stop) == 0;
        if (stop_after) text.resize(text.size() - stop.size());
        auto choices = parse_choices(text);
        if (!choices) return fail_input("--schedule-choices \"" + text +
                                        "\" is not a list like \"0,1,1t,2\"");
        rc::real::RunConfig c;
        c.mode = rc::real::RealMode::Forced;
        c.schedule = std::move(*choices);
        c.stop_after_schedule = stop_after;
        configs.push_back(std::move(c));
    }
    for (uint64_t i = 0; i < free_runs; ++i) {
        rc::real::RunConfig c;
        c.mode = rc::real::RealMode::Free;
        c.seed = seed + i;
        configs.push_back(std::move(c));
    }
    rc::real::RealReport report(scenario, in, schedules.empty() ? "free" : "forced");
    std::optional<std::chrono::steady_clock::time_point> deadline;
    if (max_seconds > 0)
        deadline = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                std::chrono::duration<double>(max_seconds));
    bool ran_out = false;
    for (rc::real::RunConfig& c : configs) {
        if (deadline && std::chrono::steady_clock::now() >= *deadline) {
            ran_out = true; // the runs left are not started
            break;
        }
        c.deadline = deadline;
        c.max_steps = max_steps;
        c.stall_seconds = stall;
        c.skip_sync = skip_sync;
        c.abandon = [&](const std::string& why) {
            report.add_abandoned(why);
            std::cout << report.json().dump(2) << std::endl;
            std::fflush(stdout);
        };
        rc::real::RunResult r = rc::real::run_real(in, cs.param_values, c);
        ran_out = ran_out || r.ending == rc::real::Ending::TimeLimit;
        report.add(r);
    }
    if (deadline) report.set_budget(max_seconds, configs.size(), ran_out);
    std::cout << report.json().dump(2) << std::endl;
    return 0;
}
