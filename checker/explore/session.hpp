// The Session wires one search: it runs executions on the interpreter, asks the strategy at
// every scheduling point, feeds every event to the detectors, keeps the best witness of each
// finding, collects outcomes, and enforces the budgets. It is the only type that knows both
// strategies and detectors; they do not know each other.
#pragma once

#include <chrono>   // deadline
#include <cstdint>  // uint64_t
#include <functional> // Chooser
#include <map>      // outcomes by key
#include <memory>   // unique_ptr
#include <optional> // divergence
#include <string>   // names
#include <unordered_set> // SpinTracker
#include <vector>   // results

#include "checker/detectors/detector.hpp"  // Detector, DetectorContext
#include "checker/detectors/finding.hpp"   // Finding
#include "checker/strategies/strategy.hpp"  // Strategy, Choice, StopReason
#include "model/runtime/fingerprint.hpp" // Fingerprinter
#include "model/runtime/interpreter.hpp" // Interpreter

namespace rc {

/// Independent budgets, each checked after every execution (steps: after every step).
/// max_steps is a safety cap, not a cut of terminating programs: an execution runs until the
/// program ends, blocks or is shown to loop (a busy-wait, a cycle of states), and only one that
/// does none of these in 10 M steps is cut. A cut is reported as a cut, never as a finding.
/// The time budget also holds inside an execution (checked every 256 steps, and every 2^18
/// instructions of a step that runs long without a visible operation).
struct Budgets {
    uint64_t max_executions = 200000;
    double max_seconds = 8.0;
    uint64_t max_steps = 10'000'000; // per execution; an execution cut here is reported
    /// The time budget stops no execution between two of its steps, only inside one step that
    /// runs long without a visible operation (the portfolio's probe: its one execution runs to
    /// its end whatever the machine's load, yet --max-seconds still holds).
    bool whole_executions = false;
};

/// One distinct final outcome: the values of the watched globals and the printed output.
struct Outcome {
    std::vector<std::pair<std::string, std::string>> values; // (global, repr), watched order
    std::string output;
    /// The 0-based numbers of the output's lines into which two or more threads wrote (their
    /// writes interleave within the line), in the execution `schedule` (State::mixed_lines).
    std::vector<uint32_t> mixed_lines;
    /// "ended", "hangs", "cut by the step limit", "runs forever", or "cut by the memory limit"
    /// ("string", "thread"): one of racecheck's resource limits stopped it (Limits).
    std::string ending;
    uint64_t count = 0;
    std::vector<Choice> schedule; // the first execution that reached it
};

/// One step of a recorded execution (for traces and replay).
struct TraceStep {
    Choice choice;
    Event event;
    uint32_t name = 0;       // the thread's name then: Trace::names[name]
    uint32_t line = 0;       // YAML line
    std::string operation;   // Interpreter::describe_event
    bool preempted = false;  // another thread could have continued (its switch is a preemption)
    std::string output;      // what this step printed
};

struct Trace {
    std::vector<TraceStep> steps;
    /// The thread names the steps show, each kept once, in order of first step (a 1 M-step
    /// witness's steps would otherwise hold a million heap copies of a few names).
    std::vector<std::string> names;
    /// Step i's thread name.
    const std::string& thread(size_t i) const { return names[steps[i].name]; }
    /// Steps i and j show the same thread name (names holds each name once).
    bool same_thread(size_t i, size_t j) const { return steps[i].name == steps[j].name; }
    /// The index of `name` in names, added if new; `hint` is tried first (the previous step's).
    uint32_t name_index(std::string_view name, uint32_t hint) {
        if (hint < names.size() && names[hint] == name) return hint;
        for (size_t i = 0; i < names.size(); ++i)
            if (names[i] == name) return static_cast<uint32_t>(i);
        names.emplace_back(name);
        return static_cast<uint32_t>(names.size() - 1);
    }
    ExecutionEnd end;
    std::string output;
    /// For each thread still not finished at the end: "Thread-1 (worker) line 12: waits ..."
    std::vector<std::string> blocked;
    std::vector<std::string> blocked_threads; // the names of those threads, in the same order
    /// Replay only: the schedule did not fit this program (step index, reason).
    std::optional<std::pair<uint64_t, std::string>> divergence;
    /// The execution met an operation outside the subset (in the program or in a check).
    std::optional<Refusal> refusal;
    State final_state;
};

struct SearchResult {
    std::string strategy;
    StopReason stopped_by = StopReason::Exhausted;
    std::string coverage;
    uint64_t runs = 0;       // executions run, repeats included: what max_executions counts
    uint64_t executions = 0; // executions reported: repeats (Strategy::repeat_execution) excluded
    uint64_t steps = 0;
    uint64_t cut_executions = 0; // executions cut by the steps budget
    /// Executions stopped by one of racecheck's resource limits (memory, string, threads), and
    /// what the first of them passed: "the program's memory passed 1 GiB at line 7".
    uint64_t limit_executions = 0;
    std::string limit;
    /// Executions the strategy stopped as redundant (DPOR: sleep-set blocked); not counted in
    /// `executions`, no outcome.
    uint64_t redundant_executions = 0;
    // Stateful search only (Strategy::stateful()):
    uint64_t states = 0;       // distinct states explored (up to symmetry when `symmetry`)
    uint64_t memory_bytes = 0; // taken by the visited set and the state graph
    uint64_t memory_bound = 0; // the bound it may not pass (StopReason::MaxStateMemory)
    bool symmetry = false;     // states were merged up to a permutation of threads
    double seconds = 0;          // wall time (reports may omit it for byte-stable output)
    std::vector<Finding> findings; // sorted: kind order, then key
    std::vector<Outcome> outcomes; // sorted by values then output
    /// The program met an operation outside the subset: the search stopped at the first
    /// execution that met one, and its findings and outcomes are not a verdict (they are empty).
    std::optional<Refusal> refusal;

    /// Exhaustive: the strategy explored everything and no execution was cut before its end
    /// (a cut hides what the program does past it).
    bool exhaustive() const {
        return stopped_by == StopReason::Exhausted && cut_executions == 0 && limit_executions == 0;
    }
    /// Executions cut before their end: by the steps budget or by one of racecheck's limits.
    uint64_t cuts() const { return cut_executions + limit_executions; }
};

/// Where a search stands, told to a ProgressHook after every execution.
struct SearchProgress {
    uint64_t runs = 0;       // executions run, repeats included (SearchResult::runs)
    uint64_t executions = 0; // executions reported (SearchResult::executions)
    uint64_t steps = 0;      // steps of the reported executions
    uint64_t depth = 0;      // steps of the execution that just ended
    uint32_t preemptions = 0; // the most preemptions of one execution so far (pb: its bound)
    size_t findings = 0;     // distinct findings so far
    double seconds = 0;      // since the search began
};

/// Called by Session::run after every execution, and now and then inside a long execution or a
/// long step (depth: its steps so far), cheap: no copies; returns false to stop the search,
/// which then ends with StopReason::Interrupted (an execution it stopped is no execution, its
/// findings stand). May keep nothing it is given.
using ProgressHook = std::function<bool(const SearchProgress&)>;

/// Busy-wait detection, as Session::run_execution and witness simplification do it: a read-only
/// step that brings its thread back to a view (the shared state and its own) it was in since
/// the last shared change cannot lead anywhere new until another thread writes; the thread
/// "spins" and is left out until some thread changes something. A view hashes every heap
/// object, so it is taken only at a place (each frame's code and pc) the thread was at before
/// since the last shared change: a spin is seen one turn of its loop later than it could be,
/// and a thread that makes progress costs no view per step (its heap may grow with garbage: a
/// view per step made a 4 × 10,000-call method counter quadratic).
struct SpinTracker {
    std::vector<std::unordered_set<uint64_t>> places; // per thread, since the last shared change
    std::vector<std::unordered_set<uint64_t>> views;  // per thread, views taken since then
    std::vector<bool> spinning;                       // per thread
    bool spins(ThreadId t) const { return t.value < spinning.size() && spinning[t.value]; }
    bool any() const;
    /// After thread t took step `ev`, leaving state s.
    void on_step(const State& s, ThreadId t, const Event& ev);
};

class Session : private WhatIf {
public:
    /// `watched`: the globals whose final values make an outcome (checks' globals, or every
    /// scalar global when there are no checks).
    Session(const Interpreter& in, std::vector<int64_t> params, DetectorContext ctx,
            Budgets budgets, std::vector<std::string> watched);
    ~Session() override;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    /// Runs the search to the end of the strategy or of a budget, or until `progress` (when
    /// given) returns false.
    SearchResult run(Strategy& strategy, const ProgressHook& progress = {});

    /// Stateful strategies: may states that differ by a permutation of threads be merged (while
    /// the program never looks at a thread's identity)? Default: yes.
    void set_symmetry(bool allowed) { symmetry_allowed_ = allowed; }

    const Budgets& budgets() const { return budgets_; }
    /// The budgets of the next run() (a portfolio gives each part its share).
    void set_budgets(const Budgets& b) { budgets_ = b; }

    /// Runs exactly `schedule`, recording every step; detectors run too (their findings are
    /// returned in `findings`). A schedule that does not fit is reported in Trace::divergence.
    Trace replay(const std::vector<Choice>& schedule, std::vector<Finding>* findings = nullptr);

    /// Like replay(), but each step is the option `choose` picks at that point (nullopt: the
    /// execution ends there): one run that both makes a schedule and records it with the
    /// detectors on (the witness simplification's candidates). `expected_steps`: room made for
    /// the trace's steps at once (a 1 M-step trace grown step by step moves and faults in
    /// hundreds of MB).
    Trace replay_choosing(const std::function<std::optional<size_t>(const ChoicePoint&)>& choose,
                          std::vector<Finding>* findings = nullptr, size_t expected_steps = 0);

    /// The number of preemptions in a schedule (a switch away from a thread that could go on).
    uint32_t count_preemptions(const std::vector<Choice>& schedule);

private:
    struct Execution;
    struct Checkpoint;
    /// Picks an index into the options, or nullopt to stop the execution here (replay).
    using Chooser = std::function<std::optional<size_t>(const ChoicePoint&)>;
    using Detectors = std::vector<std::unique_ptr<Detector>>;
    /// replay() and replay_choosing(): one recorded execution from the initial state into `t`;
    /// `state`, when given, is pointed at the execution's state while it runs.
    void run_replay(Trace& t, const Chooser& choose, std::vector<Finding>* findings,
                     const State** state);
    /// Runs one execution from ex's current state (depth ex.schedule.size()) to its end.
    /// `strategy` (may be null) is asked for footprints, fingerprints and events; choices before
    /// depth `ask_from` come from `follow` (a previous execution's schedule).
    void run_execution(Execution& ex, Detectors& detectors, const Chooser& choose,
                       Strategy* strategy);
    /// The end of an execution: its status and the detectors' end-of-execution findings.
    void finish_execution(Execution& ex, Detectors& detectors, const ChoicePoint& last);
    /// Inside a timed execution: has the time budget run out (Execution::out_of_time), or does
    /// the progress hook say stop (Execution::interrupted)? Tells the hook where things stand.
    bool stop_now(Execution& ex);
    void begin_execution(Execution& ex, Detectors& detectors, size_t resume);
    void save_checkpoint(const Execution& ex, const Detectors& detectors);
    /// Keeps checkpoints_ at O(log depth): dense near the deepest, sparse far from it.
    void thin_checkpoints();
    static constexpr size_t kMaxCheckpoints = 512;
    void record_finding(Execution& ex, Finding f);
    /// Gives every finding of the execution its whole witness (record_finding keeps tails).
    void complete_findings(Execution& ex);
    void record_outcome(const Execution& ex, std::map<std::string, Outcome>& outcomes);
    /// Fills the footprints of a choice point for a strategy that wants them.
    void add_footprints(const Execution& ex, ChoicePoint& point) const;
    /// The state's key for a stateful strategy: canonical fingerprint and detector history.
    StateKey state_key(const State& s, const Detectors& detectors);
    bool can_run_after(uint64_t position, const std::vector<ThreadId>& threads,
                       ThreadId then) override;
    /// Runs a fair cycle's witness and lets the detectors report it.
    void report_cycle(const FairCycle& cycle, Detectors& detectors,
                      std::map<std::string, Finding>& found,
                      std::map<std::string, Outcome>& outcomes);

    const Interpreter& in_;
    std::vector<int64_t> params_;
    DetectorContext ctx_;
    Budgets budgets_;
    std::vector<std::string> watched_;
    State initial_;
    DependencyContext dependency_;
    bool symmetry_allowed_ = true;
    bool reads_clock_ = false;  // the program reads virtual time (clocks are state)
    std::unique_ptr<Fingerprinter> fingerprinter_; // stateful searches
    bool identity_seen_ = false; // an event of the current search looked at a thread's identity
    /// The schedule of the execution that just ended (what-if questions start from it).
    const std::vector<Choice>* ended_schedule_ = nullptr;
    std::vector<Checkpoint> checkpoints_; // saved states of the current execution, by depth
    std::vector<Checkpoint> spare_checkpoints_; // dropped ones, whose buffers are reused
    State spare_state_; // the last execution's state: its buffers take the next copy
    std::vector<Choice> previous_;        // the schedule of the previous execution
    uint32_t checkpoint_interval_ = 0;
    std::chrono::steady_clock::time_point deadline_; // the time budget of the current search
    std::chrono::steady_clock::time_point start_;    // when the current search began
    const ProgressHook* progress_ = nullptr;         // the current search's hook (or none)
    const SearchProgress* progress_now_ = nullptr;   // where it stood after the last execution
    std::vector<uint32_t> fixed_globals_; // fixed_module_globals(): never outcome values
};

/// What the dependency relation needs to know of a program (checker/strategies/dependency.hpp).
DependencyContext dependency_context(const Program& program);

/// The globals that module-level `for` loops assign (`for t in threads:`): loop variables, not
/// results; and those bound once to a constant (`N = 4`, an imported constant), the same in
/// every execution. They make no outcome unless a check reads them.
std::vector<uint32_t> fixed_module_globals(const Program& program);

/// Globals whose final values define outcomes: the globals the scenario's checks read, in
/// first-use order. Empty when there are no checks; the Session then watches every non-param
/// global that holds a scalar (None, bool, int, float, str) at the end of an execution, except
/// the loop variables of module-level `for` loops.
std::vector<std::string> outcome_globals(const Program& program);

/// An exhaustive search that reached no deadlock has seen every state: a lock-order cycle
/// (Goodlock's potential deadlock) is then no bug of the program — what keeps its threads apart
/// (a semaphore, a counter, a join) is not a lock the cycle search can see. Drops those findings
/// from such a result; leaves any other result as it is.
void drop_unclosed_lock_cycles(SearchResult& r);

} // namespace rc
