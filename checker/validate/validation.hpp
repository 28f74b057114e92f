// Validation of findings on real threads under ThreadSanitizer (issue 4).
//
// After model checking, racecheck runs the scenario again in racecheck_tsan, a separate
// -fsanitize=thread binary built next to racecheck (checker/real/): once per finding, forced to
// follow the finding's witness interleaving, and N times free (the OS interleaves). It then
// compares what really happened with what the model said:
//
//   finding kind         forced replay "reproduced" when          TSan "confirmed" when
//   data-race            TSan reports the race in the replay      TSan reports a race on the same
//   lost-update          the replay ends with the final values    variable between threads with
//                        the model predicted (see below)          the same names (replay or free)
//   deadlock,            the replay hangs (all threads blocked;   n.a.
//   lost-wakeup          a busy-wait: the run hits the step limit)
//   exception            the same exception type is raised, uncaught, in the same thread
//   check-failed         the same final check fails (assertions: AssertionError is raised)
//   others               n.a. (potential-deadlock, nontermination: free runs only)
//
// A forced replay whose schedule did not fit is "diverged"; one that fitted but did not show the
// symptom is "not-reproduced". Free runs count the runs showing the same finding: for a data
// race, the runs in which TSan reported it; for every other kind, the runs whose interleaving
// (racecheck_tsan records each step) the model, replaying it with its detectors, finds the
// finding in (nontermination: the runs cut by the step limit). TSan races on
// globals no data-race or lost-update finding names are `tsan-only` (on a scenario the model
// finds clean, every TSan race is). Every disagreement is in the report, never hidden.
//
// The forced replay runs the witness, then goes on as ForcedContinuation says (fair round robin
// with a quantum, model/runtime/choice.hpp) until the program ends:
// forced_replay_final_values() computes, on the model, the values that continuation must end with.
#pragma once

#include <cstdint>  // uint64_t
#include <functional> // ExpectedValues::compute
#include <memory>   // a head start's run
#include <optional> // unavailable, report
#include <string>   // verdicts
#include <utility>  // pair
#include <vector>   // per finding

#include "checker/detectors/finding.hpp"   // Finding
#include "model/runtime/choice.hpp" // Choice
#include "model/runtime/interpreter.hpp" // Interpreter
#include "model/scenario/scenario.hpp"    // Scenario

namespace rc {

struct ValidationOptions {
    uint64_t free_runs = 20;
    /// Time budget of each racecheck_tsan process (forced replays, then free runs): it starts no
    /// run after it and cuts a run still going; the report says how many free runs ran. A
    /// process that does not stop within 10 s more is killed, and the validation says so.
    double timeout_seconds = 20;
    /// Steps after which a real run is cut (pass the search's Budgets::max_steps).
    uint64_t max_steps = 2000;
    /// racecheck_tsan to run; empty: the one next to the running executable (/proc/self/exe).
    std::string tsan_binary;
    /// --print-lines: the search made each print() one write; the real runs do the same.
    bool print_lines = false;
    /// A program whose executions are this long (`execution_steps`, under TSan about 0.6 s or
    /// more a run) begins its free runs with one run alone, in a process of its own; when that
    /// run took at least `long_free_run_seconds` and showed every finding by itself (or there is
    /// none), the free runs end there (ValidationReport::free_stopped_after). A shorter program
    /// makes all its free runs in one process (starting racecheck_tsan takes about 0.5 s).
    uint64_t execution_steps = 0; // the search's steps per execution (0: unknown)
    uint64_t split_free_runs_steps = 100000;
    double long_free_run_seconds = 1.0;
};

struct Validation {
    std::string forced_replay = "n.a."; // "reproduced" | "not-reproduced" | "diverged" | "n.a."
    std::string tsan = "n.a.";          // "confirmed" | "not-reported" | "n.a."
    uint64_t free_runs = 0, free_showed = 0;
    std::string detail; // one sentence: what the real runs showed, or why a verdict is n.a.
};

/// A race TSan reported on a global; lines are YAML file lines, the earlier access first.
struct TsanRace {
    std::string variable;
    std::vector<std::string> threads;
    std::vector<uint32_t> lines;
    std::vector<bool> writes;
    uint64_t runs = 0; // runs (forced and free) in which TSan reported it
};

/// "TSan reports a race on `counter`: Thread-1 (worker) write (line 22) ∥ Thread-2 (worker)
/// read (line 22), which the model did not report": the words of every report format.
std::string tsan_only_text(const TsanRace& race);

struct ValidationReport {
    std::vector<Validation> findings; // index = index into the findings passed to validate()
    std::vector<TsanRace> tsan_only;  // races no data-race or lost-update finding names
    std::vector<std::string> tsan_other; // TSan reports not on a global (a racecheck bug)
    /// racecheck_tsan failures (crash, timeout, unreadable output), as sentences.
    std::vector<std::string> errors;
    uint64_t free_runs = 0;    // free runs that ran to their end within the time budget
    uint64_t free_planned = 0; // free runs asked for (--runs)
    bool free_budget_ran_out = false; // the time budget stopped the free runs early
    /// The free runs ended after this many (0: they did not end early): the first took long
    /// (ValidationOptions::long_free_run_seconds) and every finding (if any) had shown itself in it.
    uint64_t free_stopped_after = 0;
    double budget_seconds = 0;        // ValidationOptions::timeout_seconds
    /// Wall time of the forced replays (one racecheck_tsan process) and of the free runs (one or
    /// two processes, and the model's replays of their interleavings), side by side (0: not run).
    /// A head start's process counts whole, though it ran beside the search.
    double forced_seconds = 0, free_seconds = 0;
    /// Of free_seconds, those of the first free run when it ran beside the search (a head start).
    double free_beside_search_seconds = 0;
};

/// "validation unavailable: ..." when racecheck_tsan was not built (no TSan support) or is
/// missing; nullopt when validation can run.
std::optional<std::string> validation_unavailable(const ValidationOptions& opts);

/// The finding whose forced replay shows findings[i]'s witness: the one with the longest
/// witness that begins with findings[i]'s (i itself when there is none), so that witnesses that
/// are prefixes of one another (a lost update's and the failed check after it) are forced on
/// real threads once. The run goes on past findings[i]'s witness as that witness goes, so a lost
/// update's expected final values are those of forced_replay_final_values on the returned one.
size_t forced_schedule_of(const std::vector<Finding>& findings, size_t i);

/// Validation's first free run, started before the search (check_command) so that it runs beside
/// it: the search takes one core and racecheck_tsan, one turn-taking program, about one more, so
/// the run costs the check no time when the search takes as long (a 1 M-step free run: about
/// 1.5 s). validate() takes it as its first free run: the others follow in a second process,
/// unless the program is long and that run showed every finding (ValidationOptions). Destroying
/// it before kills its process (a refused scenario, Ctrl-C, validation not reached).
class FreeRunHeadStart {
public:
    FreeRunHeadStart(const Scenario& s, const ValidationOptions& opts); // starts it
    ~FreeRunHeadStart();
    FreeRunHeadStart(const FreeRunHeadStart&) = delete;
    FreeRunHeadStart& operator=(const FreeRunHeadStart&) = delete;

    struct Run; // validation.cpp
    /// Waits for the run's process to end; nullptr when it could not start (no thread).
    Run* wait();

private:
    std::unique_ptr<Run> run_;
};

/// For each finding i of kind lost-update, the (global, repr) pairs its forced replay must end
/// with (forced_replay_final_values); may be empty for other kinds. Given at once, or as a
/// function validate() calls once the forced replays are running (a 1 M-step witness's values
/// take the model a third of a second, beside them).
struct ExpectedValues {
    using Values = std::vector<std::vector<std::pair<std::string, std::string>>>;
    ExpectedValues() = default;
    ExpectedValues(Values v) : values(std::move(v)) {}
    ExpectedValues(std::function<Values()> f) : compute(std::move(f)) {}
    Values values;
    std::function<Values()> compute;
};

/// Validates `findings` of scenario `s` (its params as overridden for the check), expecting
/// `expected_final_values` of its lost updates' forced replays.
/// `head`: its first free run, when one was started (made with the same `opts` but for
/// execution_steps). Returns nullopt exactly when validation_unavailable() says why. Never throws.
std::optional<ValidationReport> validate(
    const Scenario& s, const std::vector<Finding>& findings,
    ExpectedValues expected_final_values, const ValidationOptions& opts,
    FreeRunHeadStart* head = nullptr);

/// On the model: the final values racecheck_tsan reports (Interpreter::data_values: data
/// globals, and `g.attr` for the data attributes of an object a global holds) that belong to a
/// `watched` global, at the end of the forced replay of `witness`, continued as racecheck_tsan
/// continues it; in the globals' order.
std::vector<std::pair<std::string, std::string>> forced_replay_final_values(
    const Interpreter& in, const std::vector<int64_t>& params, const std::vector<Choice>& witness,
    const std::vector<std::string>& watched, uint64_t max_steps = 2000);

/// A schedule as racecheck_tsan's --schedule-choices list: "0,1,1t,2".
std::string choices_argument(const std::vector<Choice>& schedule);

} // namespace rc
