// Validation: racecheck_tsan as a subprocess (posix_spawn, a pipe for its JSON, stderr to a
// temporary file, a wall-clock limit), and the comparison rules of validation.hpp.
// One file: the verdicts read the runs by their place in racecheck_tsan's JSON (a finding's
// forced run is an index shared by the witnesses that begin one another; the free runs of two
// processes are renumbered into one list, and their TSan reports with them, as are the forced
// runs of two processes; the first free run may come from a head start made beside the search),
// so the code that makes the runs and the code that judges them change together. The subprocess
// plumbing alone (run_process) could move out when it is needed elsewhere.
#include "checker/validate/validation.hpp"

#include <algorithm> // sort, find
#include <atomic>    // a head start's cancel flag
#include <cerrno>    // EINTR
#include <chrono>    // timing, deadlines
#include <csignal>   // SIGKILL
#include <cstdio>    // FILE for the stderr tail
#include <cstdlib>   // mkstemp
#include <fcntl.h>   // O_CLOEXEC, O_RDONLY
#include <poll.h>    // poll
#include <spawn.h>   // posix_spawn
#include <sys/stat.h> // stat
#include <sys/wait.h> // waitpid
#include <unistd.h>  // pipe2, read, readlink, unlink

#include <set>         // finding keys per free run
#include <string_view> // environment entries
#include <system_error> // a thread that cannot start
#include <thread>       // the forced replays beside the free runs
#include <variant>    // compiled scenario or diagnostic

#include <fmt/format.h>       // messages
#include <nlohmann/json.hpp> // racecheck_tsan's output

#include "checker/explore/session.hpp"        // Session::replay, outcome_globals
#include "model/compile/compile_scenario.hpp" // compile_scenario
#include "model/runtime/choice.hpp"           // ForcedContinuation

extern char** environ; // passed on to racecheck_tsan, without TSAN_OPTIONS

namespace rc {

namespace {

struct ProcessResult {
    bool started = false;
    bool timed_out = false;
    bool cancelled = false; // killed because `cancel` was set
    int exit_code = -1; // -1: killed by a signal
    std::string out;
    std::string err_tail; // the end of its stderr, for error messages
};

/// Runs `args`, its stdout read whole; kills it past `timeout_seconds`, or as soon as `cancel`
/// (when given) is set (checked every 100 ms).
ProcessResult run_process(const std::vector<std::string>& args, double timeout_seconds,
                          const std::atomic<bool>* cancel = nullptr) {
    ProcessResult r;
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) return r;
    char err_path[] = "/tmp/racecheck_tsan_stderr_XXXXXX";
    const int err_fd = mkstemp(err_path);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    if (err_fd >= 0) posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    // The environment minus TSAN_OPTIONS: racecheck_tsan's own defaults (no deduplication,
    // its own exit code) must hold; a user's halt_on_error=1 would end it at the first race.
    std::vector<char*> env;
    for (char** e = environ; *e; ++e)
        if (std::string_view(*e).rfind("TSAN_OPTIONS=", 0) != 0) env.push_back(*e);
    env.push_back(nullptr);
    pid_t pid = 0;
    r.started = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), env.data()) == 0;
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    if (r.started) {
        const auto deadline = std::chrono::steady_clock::now() +
                              std::chrono::duration<double>(timeout_seconds);
        char buf[65536];
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                r.timed_out = true;
                kill(pid, SIGKILL);
                break;
            }
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                r.cancelled = true;
                kill(pid, SIGKILL);
                break;
            }
            pollfd p{pipe_fds[0], POLLIN, 0};
            int ready = poll(&p, 1, static_cast<int>(std::min<int64_t>(left.count(), 100)));
            if (ready < 0 && errno != EINTR) break;
            if (ready <= 0) continue;
            ssize_t n = read(pipe_fds[0], buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break; // EOF: the child closed its stdout
            r.out.append(buf, static_cast<size_t>(n));
        }
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    close(pipe_fds[0]);
    if (err_fd >= 0) {
        off_t size = lseek(err_fd, 0, SEEK_END);
        off_t from = size > 2000 ? size - 2000 : 0;
        std::string tail(static_cast<size_t>(size - from), '\0');
        if (pread(err_fd, tail.data(), tail.size(), from) > 0) r.err_tail = tail;
        close(err_fd);
        unlink(err_path);
    }
    return r;
}

/// How long past its budget racecheck_tsan may take before it is killed.
constexpr double kKillGraceSeconds = 10;

std::string tsan_binary(const ValidationOptions& opts) {
    if (!opts.tsan_binary.empty()) return opts.tsan_binary;
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) return "racecheck_tsan";
    std::string path(self, static_cast<size_t>(n));
    return path.substr(0, path.rfind('/') + 1) + "racecheck_tsan";
}

/// Runs racecheck_tsan and parses its JSON; on failure adds a sentence to `errors`. `task` says
/// what the process was doing, for those sentences ("forcing 2 witnesses on real threads");
/// `slow_hint` ends the sentence of a timeout ("; fewer --runs ...", or "").
std::optional<nlohmann::json> run_tsan(const ValidationOptions& opts, std::vector<std::string> args,
                                       const std::string& task, const char* slow_hint,
                                       std::vector<std::string>& errors, double& seconds,
                                       double budget_seconds,
                                       const std::atomic<bool>* cancel = nullptr) {
    const auto start = std::chrono::steady_clock::now();
    args.insert(args.begin(), tsan_binary(opts));
    // racecheck_tsan keeps to its budget itself (--max-seconds: it starts no run after it and
    // cuts the one still going); the kill is only for a process that does not.
    args.push_back("--max-seconds");
    args.push_back(fmt::format("{}", budget_seconds));
    ProcessResult r = run_process(args, budget_seconds + kKillGraceSeconds, cancel);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (r.cancelled) return std::nullopt; // nobody waits for its runs any more
    std::string what = "racecheck_tsan, " + task + ",";
    if (!r.started) errors.push_back(what + " could not be started");
    else if (r.timed_out)
        errors.push_back(fmt::format("{} did not stop within {:g} s of its time budget of {:g} s "
                                     "and was killed, so its runs are unknown (the real threads "
                                     "hang{})",
                                     what, kKillGraceSeconds, opts.timeout_seconds, slow_hint));
    else if (r.exit_code != 0)
        errors.push_back(what + (r.exit_code < 0 ? " crashed" : " exited with " +
                                 std::to_string(r.exit_code)) + ": " + r.err_tail);
    if (!r.started || r.timed_out || r.exit_code != 0) return std::nullopt;
    nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
    if (j.is_discarded() || !j.contains("runs")) {
        errors.push_back(what + " printed no readable JSON");
        return std::nullopt;
    }
    return j;
}

std::string unquote(std::string v) { // "`counter`" → "counter"
    if (v.size() >= 2 && v.front() == '`' && v.back() == '`') return v.substr(1, v.size() - 2);
    return v;
}

/// TSan reported a race on `variable` between exactly these two thread names (either order).
bool race_matches(const nlohmann::json& entry, const Finding& f) {
    if (f.variables.empty() || entry["variable"] != unquote(f.variables.front())) return false;
    std::vector<std::string> a = entry["threads"].get<std::vector<std::string>>(), b = f.threads;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

/// The runs (indices) of `j` in which TSan reported a race matching f.
std::vector<uint64_t> race_runs(const nlohmann::json& j, const Finding& f) {
    std::vector<uint64_t> runs;
    for (const nlohmann::json& e : j["tsan"])
        if (race_matches(e, f))
            for (const nlohmann::json& r : e["runs"]) runs.push_back(r.get<uint64_t>());
    return runs;
}

/// The run ended with exactly these (global, repr) values; false when there are none.
bool ends_with(const nlohmann::json& run,
               const std::vector<std::pair<std::string, std::string>>& expected) {
    for (const auto& [name, repr] : expected)
        if (!run["final_values"].contains(name) || run["final_values"][name] != repr) return false;
    return !expected.empty();
}

/// Whether one real run shows finding f's symptom (not data races: those are TSan's to say).
bool shows(const nlohmann::json& run, const Finding& f, const Scenario& s,
           const std::vector<std::pair<std::string, std::string>>& expected) {
    const std::string ending = run["ending"];
    auto has_exception = [&](const std::string& type, const std::string* thread) {
        for (const nlohmann::json& e : run["exceptions"])
            if (e["type"] == type && (!thread || e["thread"] == *thread)) return true;
        return false;
    };
    switch (f.kind) {
    case FindingKind::LostUpdate:
        if (!s.final_checks.empty()) return !run["failed_checks"].empty();
        return ends_with(run, expected);
    case FindingKind::Deadlock:
    case FindingKind::LostWakeup:
        // A busy-wait deadlock (the detector's "spins at line ..." detail) never blocks: its
        // real run spins, until the run proves that it goes round forever (runs-forever) or
        // until the step limit.
        for (const std::string& d : f.details)
            if (d.find(" spins at line ") != std::string::npos && (ending == "step-limit" || ending == "runs-forever"))
                return true;
        return ending == "hang";
    case FindingKind::PotentialDeadlock: return ending == "hang";
    case FindingKind::Nontermination: return ending == "step-limit" || ending == "runs-forever";
    case FindingKind::Exception: { // key "exception:Type:line"
        const std::string type = f.key.substr(10, f.key.find(':', 10) - 10);
        return has_exception(type, f.threads.empty() ? nullptr : &f.threads.front());
    }
    case FindingKind::CheckFailed: {
        if (f.key.rfind("check-failed:assert:", 0) == 0) return has_exception("AssertionError", nullptr);
        if (f.key.rfind("check-failed:final:", 0) != 0) return false;
        const size_t i = std::stoul(f.key.substr(19));
        for (const nlohmann::json& e : run["failed_checks"])
            if (i < s.final_checks.size() && e == s.final_checks[i].expr) return true;
        return false;
    }
    case FindingKind::DataRace: return false;
    }
    return false;
}

/// "0,1t" → choices (racecheck_tsan's spelling; see choices_argument).
std::vector<Choice> parse_choices(const std::string& text) {
    std::vector<Choice> out;
    for (size_t i = 0; i < text.size();) {
        size_t end = std::min(text.find(',', i), text.size());
        Choice c;
        c.timeout = end > i && text[end - 1] == 't';
        c.thread = ThreadId(static_cast<uint32_t>(std::stoul(text.substr(i, end - i))));
        out.push_back(c);
        i = end + 1;
    }
    return out;
}

/// The keys of the findings the model reports on each free run's interleaving, replayed with
/// the same detectors: what "the bug showed up by itself" means for every kind.
std::vector<std::set<std::string>> replayed_findings(const Scenario& s, const nlohmann::json& free,
                                                     uint64_t max_steps) {
    std::vector<std::set<std::string>> out;
    auto compiled = compile_scenario(s);
    if (!std::holds_alternative<std::unique_ptr<CompiledScenario>>(compiled)) return out;
    const CompiledScenario& cs = *std::get<std::unique_ptr<CompiledScenario>>(compiled);
    Interpreter in(cs.program);
    DetectorContext ctx;
    ctx.program = &cs.program;
    for (const Check& c : s.final_checks) ctx.final_checks.push_back(c.expr);
    for (const Check& c : s.always_checks) ctx.always_checks.push_back(c.expr);
    ctx.yaml_line = s.code_map.yaml_line;
    Budgets budgets;
    budgets.max_steps = max_steps;
    Session session(in, cs.param_values, ctx, budgets, outcome_globals(cs.program));
    for (const nlohmann::json& run : free["runs"]) {
        std::vector<Finding> found;
        session.replay(parse_choices(run["schedule"].get<std::string>()), &found);
        std::set<std::string> keys;
        for (const Finding& f : found) keys.insert(f.key);
        out.push_back(std::move(keys));
    }
    return out;
}

bool gets_forced_replay(const Finding& f) {
    if (f.schedule.empty()) return false;
    if (f.kind == FindingKind::CheckFailed) return f.key.rfind("check-failed:always:", 0) != 0;
    // Daemon threads deadlocked at the exit: the real run ends, stopping them; nothing to show.
    if (f.key.rfind("deadlock-at-exit", 0) == 0) return false;
    return f.kind != FindingKind::PotentialDeadlock && f.kind != FindingKind::Nontermination;
}

/// Whether `a` is a prefix of `b` (or equal to it).
bool is_prefix(const std::vector<Choice>& a, const std::vector<Choice>& b) {
    if (a.size() > b.size()) return false;
    for (size_t k = 0; k < a.size(); ++k)
        if (a[k].thread != b[k].thread || a[k].timeout != b[k].timeout) return false;
    return true;
}

std::vector<std::string> base_args(const Scenario& s, const ValidationOptions& opts) {
    std::vector<std::string> args{s.file, "--max-steps", std::to_string(opts.max_steps)};
    if (opts.print_lines) args.push_back("--print-lines");
    for (const auto& [name, value] : s.params) {
        args.push_back("--param");
        args.push_back(name + "=" + std::to_string(value));
    }
    return args;
}

/// racecheck_tsan's arguments for n free runs after `done` others: it seeds its run i with
/// --seed + i (1 by default), so a second process starts its seeds where the first one's ended.
std::vector<std::string> free_args(const Scenario& s, const ValidationOptions& opts, uint64_t n,
                                   uint64_t done) {
    std::vector<std::string> args = base_args(s, opts);
    args.push_back("--free-runs");
    args.push_back(std::to_string(n));
    if (done) {
        args.push_back("--seed");
        args.push_back(std::to_string(1 + done));
    }
    return args;
}

/// Whether free run k of `free` shows f by itself: TSan reports its race (a data race), or the
/// model's replay of the run's interleaving shows it (`replayed[k]`; a nontermination: the run
/// did not end).
bool free_run_shows(const nlohmann::json& free, const std::vector<std::set<std::string>>& replayed,
                    size_t k, const Finding& f, const Scenario& s,
                    const std::vector<std::pair<std::string, std::string>>& expected) {
    if (f.kind == FindingKind::DataRace) {
        const std::vector<uint64_t> runs = race_runs(free, f);
        return std::find(runs.begin(), runs.end(), k) != runs.end();
    }
    return (k < replayed.size() && replayed[k].count(f.key)) ||
           (f.kind == FindingKind::Nontermination && shows(free["runs"][k], f, s, expected));
}

/// Appends the runs of a second racecheck_tsan process to `into`'s, renumbering its TSan
/// reports' runs; its budget (ran out or not) is the last word.
void append_runs(nlohmann::json& into, nlohmann::json more) {
    const uint64_t offset = into["runs"].size();
    for (nlohmann::json& run : more["runs"]) into["runs"].push_back(std::move(run));
    for (nlohmann::json& e : more["tsan"]) {
        for (nlohmann::json& r : e["runs"]) r = r.get<uint64_t>() + offset;
        nlohmann::json* same = nullptr;
        for (nlohmann::json& have : into["tsan"])
            if (have["variable"] == e["variable"] && have["threads"] == e["threads"] &&
                have["lines"] == e["lines"] && have["writes"] == e["writes"])
                same = &have;
        if (!same) {
            into["tsan"].push_back(std::move(e));
            continue;
        }
        for (const nlohmann::json& r : e["runs"]) (*same)["runs"].push_back(r);
        (*same)["count"] = (*same).value("count", uint64_t{0}) + e.value("count", uint64_t{0});
    }
    for (nlohmann::json& o : more["tsan_other"]) into["tsan_other"].push_back(std::move(o));
    if (more.contains("budget")) into["budget"] = std::move(more["budget"]);
}

} // namespace

size_t forced_schedule_of(const std::vector<Finding>& findings, size_t i) {
    size_t best = i;
    if (!gets_forced_replay(findings[i])) return best;
    for (size_t j = 0; j < findings.size(); ++j) {
        if (j == i || !gets_forced_replay(findings[j])) continue;
        const size_t have = findings[best].schedule.size(), n = findings[j].schedule.size();
        if ((n > have || (n == have && j < best)) && is_prefix(findings[i].schedule, findings[j].schedule))
            best = j;
    }
    return best;
}

std::string choices_argument(const std::vector<Choice>& schedule) {
    std::string out;
    for (const Choice& c : schedule) {
        if (!out.empty()) out += ",";
        out += std::to_string(c.thread.value) + (c.timeout ? "t" : "");
    }
    return out;
}

std::optional<std::string> validation_unavailable(const ValidationOptions& opts) {
#ifdef RC_TSAN_UNAVAILABLE
    (void)opts;
    return std::string("validation unavailable: this racecheck was built by a compiler that "
                       "cannot build ThreadSanitizer binaries (racecheck_tsan)");
#else
    struct stat st {};
    const std::string path = tsan_binary(opts);
    if (stat(path.c_str(), &st) != 0)
        return "validation unavailable: " + path + " not found (build the racecheck_tsan target)";
    return std::nullopt;
#endif
}

/// The head start's process and what it left: filled by its thread, read after the join.
struct FreeRunHeadStart::Run {
    std::atomic<bool> cancel{false};
    std::optional<nlohmann::json> free;
    std::vector<std::set<std::string>> replayed; // replayed_findings of `free`
    std::vector<std::string> errors;
    double seconds = 0; // its process and the model's replay of the run
    std::thread thread;
};

FreeRunHeadStart::FreeRunHeadStart(const Scenario& s, const ValidationOptions& opts)
    : run_(std::make_unique<Run>()) {
    std::vector<std::string> args = free_args(s, opts, 1, 0);
    try {
        // `s` outlives the thread: the destructor joins it, and s outlives this object.
        run_->thread = std::thread([run = run_.get(), &s, opts, args = std::move(args)] {
            try {
                const auto start = std::chrono::steady_clock::now();
                double process_seconds = 0;
                run->free = run_tsan(opts, args, "making 1 free run", "", run->errors,
                                     process_seconds, opts.timeout_seconds, &run->cancel);
                // The findings the run's interleaving shows, on the model: needs no finding.
                if (run->free) run->replayed = replayed_findings(s, *run->free, opts.max_steps);
                run->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            } catch (const std::exception& e) { // the thread never throws
                run->errors.push_back(std::string("racecheck_tsan, making 1 free run, failed: ") + e.what());
            }
        });
    } catch (const std::system_error&) { // no thread to spare: validate() makes the run itself
        run_.reset();
    }
}

FreeRunHeadStart::Run* FreeRunHeadStart::wait() {
    if (run_ && run_->thread.joinable()) run_->thread.join();
    return run_.get();
}

FreeRunHeadStart::~FreeRunHeadStart() {
    if (!run_) return;
    run_->cancel.store(true, std::memory_order_relaxed);
    if (run_->thread.joinable()) run_->thread.join();
}

std::optional<ValidationReport> validate(
    const Scenario& s, const std::vector<Finding>& findings,
    ExpectedValues expected_final_values, const ValidationOptions& opts, FreeRunHeadStart* head) {
    if (validation_unavailable(opts)) return std::nullopt;
    static const std::vector<std::pair<std::string, std::string>> kNone;
    const ExpectedValues::Values& expected_values = expected_final_values.values; // computed below
    auto expected = [&](size_t i) -> const auto& {
        return i < expected_values.size() ? expected_values[i] : kNone;
    };
    ValidationReport report;
    report.findings.resize(findings.size());

    // Forced replays: one run per replayable finding, in order, in one racecheck_tsan process, or
    // two side by side (below); the schedules go in a file, one a line (a long witness does not
    // fit a command line). A witness that begins another finding's witness is shown by that one's
    // run (forced_schedule_of).
    std::vector<size_t> forced_run(findings.size(), SIZE_MAX);
    size_t forced_count = 0;
    std::vector<std::string> schedule_lines; // [run]
    std::vector<uint64_t> run_steps;         // [run]: its witness's steps
    // A run that shows only data races stops where its witness ends (`;stop`): TSan has seen both
    // accesses by then, and the rest of a long program would only cost time.
    std::vector<size_t> runs_of(findings.size()); // i → j: the finding whose witness its run forces
    std::vector<bool> races_only(findings.size(), true);
    for (size_t i = 0; i < findings.size(); ++i) {
        if (!gets_forced_replay(findings[i])) continue;
        runs_of[i] = forced_schedule_of(findings, i);
        if (findings[i].kind != FindingKind::DataRace) races_only[runs_of[i]] = false;
    }
    for (size_t i = 0; i < findings.size(); ++i) {
        if (!gets_forced_replay(findings[i])) continue;
        const size_t j = runs_of[i];
        if (forced_run[j] == SIZE_MAX) {
            forced_run[j] = forced_count++;
            schedule_lines.push_back(choices_argument(findings[j].schedule) + (races_only[j] ? ";stop\n" : "\n"));
            run_steps.push_back(findings[j].schedule.size());
        }
        forced_run[i] = forced_run[j];
    }
    // Long witnesses (over split_free_runs_steps in all: a 1 M-step witness takes over a second
    // under TSan) are forced by two processes side by side: runs [0, split) in one, the rest in
    // the other, split where their steps divide most evenly.
    size_t split = forced_count;
    uint64_t total_steps = 0;
    for (uint64_t n : run_steps) total_steps += n;
    if (forced_count >= 2 && total_steps >= opts.split_free_runs_steps) {
        uint64_t prefix = 0, best = UINT64_MAX;
        for (size_t k = 1; k < forced_count; ++k) {
            prefix += run_steps[k - 1];
            const uint64_t heavier = std::max(prefix, total_steps - prefix);
            if (heavier < best) {
                best = heavier;
                split = k;
            }
        }
    }
    struct ForcedPart {
        size_t begin = 0, end = 0; // its runs
        std::optional<nlohmann::json> runs;
        std::vector<std::string> errors;
        double seconds = 0;
    };
    ForcedPart parts[2] = {{0, split, {}, {}, 0}, {split, forced_count, {}, {}, 0}};
    // The forced replays and the free runs run at the same time (each racecheck_tsan process is
    // one turn-taking program, about one core): the validation takes the longest of them, not
    // their sum. Each has its own error list, merged below in this order.
    auto run_forced = [&](ForcedPart& part) {
        if (part.begin == part.end) return;
        const size_t count = part.end - part.begin;
        const std::string task = fmt::format("forcing {} witness{} on real threads", count,
                                             count == 1 ? "" : "es");
        std::string schedules;
        for (size_t k = part.begin; k < part.end; ++k) schedules += schedule_lines[k];
        char path[] = "/tmp/racecheck_schedules_XXXXXX";
        const int fd = mkstemp(path);
        bool written = fd >= 0;
        for (size_t off = 0; written && off < schedules.size();) {
            const ssize_t n = write(fd, schedules.data() + off, schedules.size() - off);
            if (n < 0 && errno == EINTR) continue;
            written = n > 0;
            off += n > 0 ? static_cast<size_t>(n) : 0;
        }
        if (fd >= 0) close(fd);
        if (written) {
            std::vector<std::string> forced_args = base_args(s, opts);
            forced_args.push_back("--schedule-file");
            forced_args.push_back(path);
            part.runs = run_tsan(opts, forced_args, task, "", part.errors, part.seconds,
                                 opts.timeout_seconds);
        } else {
            part.errors.push_back("racecheck_tsan, " + task +
                                  ", could not be given its schedules: no temporary file");
        }
        if (fd >= 0) unlink(path);
    };
    std::optional<nlohmann::json> free;
    std::vector<std::string> free_errors;
    std::thread forcing[2];
    // The expected values, made while the forced replays run (the free runs' verdicts need them).
    auto compute_expected = [&] {
        if (!expected_final_values.compute) return;
        try {
            expected_final_values.values = expected_final_values.compute();
        } catch (const std::exception& e) { // validate() never throws
            free_errors.push_back(std::string("the model's final values of a forced replay could "
                                              "not be computed: ") + e.what());
        }
    };
    for (ForcedPart& part : parts) {
        if (part.begin == part.end) continue;
        try {
            forcing[&part - parts] = std::thread([&run_forced, &part] {
                try {
                    run_forced(part);
                } catch (const std::exception& e) { // validate() never throws, nor does its thread
                    part.errors.push_back(std::string("racecheck_tsan, forcing witnesses on real "
                                                      "threads, failed: ") + e.what());
                }
            });
        } catch (const std::system_error&) { // no thread to spare: one after the other
            run_forced(part);
        }
    }
    compute_expected();
    std::vector<std::set<std::string>> replayed; // per free run: the findings its replay shows
    if (opts.free_runs) {
        const auto free_start = std::chrono::steady_clock::now();
        double head_seconds = 0; // the head start's process, which ran before validate()
        auto free_elapsed = [&] {
            return head_seconds +
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - free_start).count();
        };
        auto run_free = [&](uint64_t n, uint64_t done, double budget) {
            double seconds = 0;
            return run_tsan(opts, free_args(s, opts, n, done),
                            fmt::format("making {} free run{}", n, n == 1 ? "" : "s"), "",
                            free_errors, seconds, budget);
        };
        // One run first: when it takes long (a large program) and shows every finding by
        // itself (or there is none to show), the free runs end there; otherwise the others
        // follow within the budget left.
        uint64_t longest = opts.execution_steps;
        for (const Finding& f : findings) longest = std::max<uint64_t>(longest, f.schedule.size());
        const bool long_program = longest >= opts.split_free_runs_steps;
        uint64_t first = opts.free_runs > 1 && long_program ? 1 : opts.free_runs;
        if (FreeRunHeadStart::Run* h = head ? head->wait() : nullptr) { // made beside the search
            first = 1;
            free = std::move(h->free);
            free_errors.insert(free_errors.end(), h->errors.begin(), h->errors.end());
            head_seconds = h->seconds;
            report.free_beside_search_seconds = h->seconds;
            if (!findings.empty()) replayed = std::move(h->replayed);
        } else {
            free = run_free(first, 0, opts.timeout_seconds);
            if (free && !findings.empty()) replayed = replayed_findings(s, *free, opts.max_steps);
        }
        if (free && first < opts.free_runs &&
            !(free->contains("budget") && (*free)["budget"].value("ran_out", false))) {
            bool every = !(*free)["runs"].empty() && (*free)["runs"][0]["ending"] != "time-limit";
            for (size_t i = 0; every && i < findings.size(); ++i)
                every = free_run_shows(*free, replayed, 0, findings[i], s, expected(i));
            const double left = opts.timeout_seconds - free_elapsed();
            if (every && long_program && free_elapsed() >= opts.long_free_run_seconds) {
                report.free_stopped_after = first;
            } else if (left <= 0) {
                (*free)["budget"] = {{"ran_out", true}};
            } else if (std::optional<nlohmann::json> more = run_free(opts.free_runs - first, first, left)) {
                std::vector<std::set<std::string>> more_replayed =
                    replayed_findings(s, *more, opts.max_steps);
                replayed.insert(replayed.end(), more_replayed.begin(), more_replayed.end());
                append_runs(*free, std::move(*more));
            }
        }
        report.free_seconds = free_elapsed();
    }
    for (std::thread& t : forcing)
        if (t.joinable()) t.join();
    // The two parts as one process's runs: the second's renumbered after the first's, whose runs
    // the time budget did not start are marked so. A finding whose part failed has no forced run
    // (forced_lost), as when one process fails: its error says why.
    std::optional<nlohmann::json> forced;
    std::vector<bool> forced_lost(findings.size(), false);
    for (size_t i = 0; i < findings.size(); ++i)
        if (forced_run[i] != SIZE_MAX) forced_lost[i] = !parts[forced_run[i] < split ? 0 : 1].runs;
    if (parts[0].runs || parts[1].runs) {
        forced = parts[0].runs ? std::move(*parts[0].runs)
                               : nlohmann::json{{"runs", nlohmann::json::array()},
                                                {"tsan", nlohmann::json::array()},
                                                {"tsan_other", nlohmann::json::array()}};
        if (parts[1].runs) {
            while ((*forced)["runs"].size() < split)
                (*forced)["runs"].push_back({{"ending", "not-started"}});
            append_runs(*forced, std::move(*parts[1].runs));
        }
    }
    report.forced_seconds = std::max(parts[0].seconds, parts[1].seconds);
    std::vector<std::string> forced_errors = std::move(parts[0].errors);
    forced_errors.insert(forced_errors.end(), parts[1].errors.begin(), parts[1].errors.end());
    report.errors = std::move(forced_errors);
    report.errors.insert(report.errors.end(), free_errors.begin(), free_errors.end());
    // The free runs that ran to their end within the budget: a run cut by the time budget
    // shows nothing, and is no free run.
    std::vector<size_t> free_index; // index into free["runs"]
    if (free)
        for (size_t k = 0; k < (*free)["runs"].size(); ++k)
            if ((*free)["runs"][k]["ending"] != "time-limit") free_index.push_back(k);
    report.free_runs = free_index.size();
    report.free_planned = opts.free_runs;
    report.budget_seconds = opts.timeout_seconds;
    report.free_budget_ran_out =
        free && free->contains("budget") && (*free)["budget"].value("ran_out", false);

    // A real run that met an operation outside the subset (which the model's search, cut by a
    // budget, did not reach) shows nothing: say so rather than count it as a run without bugs.
    for (const std::optional<nlohmann::json>* j : {&forced, &free})
        if (*j)
            for (const nlohmann::json& run : (**j)["runs"])
                if (run["ending"] == "refused") {
                    report.errors.push_back("a real run stopped: " + run["note"].get<std::string>());
                    break;
                }

    for (size_t i = 0; i < findings.size(); ++i) {
        const Finding& f = findings[i];
        Validation& v = report.findings[i];
        // A lost update on a container's item (`counts['a']`, `slots[1]`) is no memory race: the
        // container's own accesses are atomic, so TSan has nothing to say about it.
        const bool on_item = f.kind == FindingKind::LostUpdate && !f.variables.empty() &&
                             f.variables.front().find('[') != std::string::npos;
        const bool racy = (f.kind == FindingKind::DataRace || f.kind == FindingKind::LostUpdate) && !on_item;
        bool tsan_saw = false;
        const bool has_forced = forced && forced_run[i] != SIZE_MAX && !forced_lost[i];
        if (has_forced && (forced_run[i] >= (*forced)["runs"].size() ||
                           (*forced)["runs"][forced_run[i]]["ending"] == "not-started")) {
            v.detail = fmt::format("the forced replay did not start: the validation's time "
                                   "budget of {:g} s ran out before it",
                                   opts.timeout_seconds);
        } else if (has_forced) {
            const nlohmann::json& run = (*forced)["runs"][forced_run[i]];
            const std::vector<uint64_t> runs = race_runs(*forced, f);
            const bool in_replay = std::find(runs.begin(), runs.end(), forced_run[i]) != runs.end();
            tsan_saw = in_replay;
            // A lost update must end with exactly the model's values; other kinds as free runs.
            const bool showed = f.kind == FindingKind::DataRace ? in_replay
                                : f.kind == FindingKind::LostUpdate && !expected(i).empty()
                                    ? ends_with(run, expected(i))
                                    : shows(run, f, s, expected(i));
            if (run["ending"] == "time-limit") {
                v.forced_replay = "n.a.";
                v.detail = fmt::format("the forced replay was {} (the validation's time budget "
                                       "of {:g} s)",
                                       run["note"].get<std::string>(), opts.timeout_seconds);
            } else if (run["ending"] == "diverged") {
                v.forced_replay = "diverged";
                v.detail = "the witness did not fit the real run: " + run["note"].get<std::string>();
            } else {
                v.forced_replay = showed ? "reproduced" : "not-reproduced";
                if (showed && f.kind == FindingKind::LostUpdate && !expected(i).empty()) {
                    std::string real, model;
                    for (const auto& [name, repr] : expected(i)) {
                        real += (real.empty() ? "" : ", ") + name + " = " +
                                run["final_values"][name].get<std::string>();
                        model += (model.empty() ? "" : ", ") + name + " = " + repr;
                    }
                    v.detail = fmt::format("the witness, forced on real threads ({} steps), "
                                           "ended with {}; the model predicted {}",
                                           run["steps"].get<uint64_t>(), real, model);
                }
                if (!showed) {
                    const std::string ending = run["ending"].get<std::string>();
                    v.detail = ending == "ended"       ? "the forced replay ran to its end without showing it"
                               : ending == "schedule-end" ? "the forced replay stopped after the witness without TSan reporting it"
                               : ending == "exception" ? "the forced replay ended by an exception without showing it"
                                                       : "the forced replay ended: " + ending;
                    for (const auto& [name, repr] : expected(i))
                        if (run["final_values"].contains(name))
                            v.detail += ", " + name + " = " +
                                        run["final_values"][name].get<std::string>() +
                                        " (the model predicted " + repr + ")";
                }
            }
        } else if (!gets_forced_replay(f)) {
            v.detail = "no forced replay for this kind of finding";
        }
        if (free) {
            const std::vector<uint64_t> runs = race_runs(*free, f);
            tsan_saw = tsan_saw || !runs.empty();
            v.free_runs = free_index.size();
            for (size_t k : free_index) // runs cut by the time budget are no free runs
                if (free_run_shows(*free, replayed, k, f, s, expected(i))) ++v.free_showed;
        }
        // A verdict only from runs that happened: this finding's forced replay, or free runs.
        const bool forced_ran = has_forced && forced_run[i] < (*forced)["runs"].size() &&
                                (*forced)["runs"][forced_run[i]]["ending"] != "not-started";
        if (racy && (forced_ran || !free_index.empty()))
            v.tsan = tsan_saw ? "confirmed" : "not-reported";
    }

    // TSan races no racy finding names, and reports not on a global.
    for (const std::optional<nlohmann::json>* j : {&forced, &free}) {
        if (!*j) continue;
        for (const nlohmann::json& e : (**j)["tsan"]) {
            bool named = false;
            for (const Finding& f : findings)
                if ((f.kind == FindingKind::DataRace || f.kind == FindingKind::LostUpdate) &&
                    !f.variables.empty() && unquote(f.variables.front()) == e["variable"])
                    named = true;
            if (named) continue;
            TsanRace race{e["variable"], e["threads"], e["lines"], e["writes"], e["runs"].size()};
            auto same = std::find_if(report.tsan_only.begin(), report.tsan_only.end(),
                                     [&](const TsanRace& r) {
                                         return r.variable == race.variable &&
                                                r.threads == race.threads &&
                                                r.lines == race.lines && r.writes == race.writes;
                                     });
            if (same != report.tsan_only.end()) same->runs += race.runs;
            else report.tsan_only.push_back(std::move(race));
        }
        for (const nlohmann::json& o : (**j)["tsan_other"]) report.tsan_other.push_back(o);
    }
    return report;
}

std::string tsan_only_text(const TsanRace& race) {
    std::string pair;
    for (size_t k = 0; k < race.threads.size(); ++k) {
        pair += (k ? " ∥ " : "") + race.threads[k];
        if (k < race.writes.size()) pair += race.writes[k] ? " write" : " read";
        if (k < race.lines.size() && race.lines[k]) pair += " (line " + std::to_string(race.lines[k]) + ")";
    }
    return "TSan reports a race on `" + race.variable + "`: " + pair +
           ", which the model did not report";
}

std::vector<std::pair<std::string, std::string>> forced_replay_final_values(
    const Interpreter& in, const std::vector<int64_t>& params, const std::vector<Choice>& witness,
    const std::vector<std::string>& watched, uint64_t max_steps) {
    State st = in.initial_state(params);
    std::vector<ThreadId> ready;
    ForcedContinuation then(witness.empty() ? ThreadId() : witness.back().thread);
    for (uint64_t step = 0; step < max_steps; ++step) {
        in.schedulable(st, ready);
        if (ready.empty()) break;
        Choice c;
        if (step < witness.size()) {
            c = witness[step];
            const bool fits = std::find(ready.begin(), ready.end(), c.thread) != ready.end() &&
                              (c.timeout ? in.can_time_out(st, c.thread) : in.is_enabled(st, c.thread));
            if (!fits) return {};
        } else {
            c = then.next(in, st, ready);
        }
        in.step(st, c.thread, c.timeout);
    }
    // What the real run reports as its final values (the same function), kept for the watched
    // globals: a data global itself, or the data attributes of the object it holds.
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& [name, repr] : in.data_values(st)) {
        const std::string global = name.substr(0, name.find('.'));
        if (std::find(watched.begin(), watched.end(), global) != watched.end())
            out.emplace_back(std::move(name), std::move(repr));
    }
    return out;
}

} // namespace rc
