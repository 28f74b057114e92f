// deadlock, lost-wakeup and nontermination: how an execution failed to end.
//
// An execution that is Blocked (no thread can move, the program has not ended) is explained by
// its wait-for graph, one line per blocked thread. Findings are grouped by cause: the threads on
// a cycle of the graph (waiting for each other's locks, or joins), else the threads whose wait is
// on no other blocked thread; threads blocked behind the cause do not make another finding (the
// same cycle with more or fewer bystanders blocked is one deadlock). It is a lost wakeup instead
// of a deadlock when
// a thread waits forever in Condition.wait (not notified) and, earlier in the execution, a
// notify on that same Condition woke nobody: the signal came before the wait and was lost.
// Busy-waits the Session stopped as endless (ExecutionEnd::spinning) are deadlocks too. So are
// daemon threads still waiting for each other in a cycle (or for a lock one holds itself) when
// the program ends (key `deadlock-at-exit:...`): the exit stops them, but their work never
// happens. A daemon merely blocked at the exit (on a Queue, an Event) is no finding.
// Nontermination is reported only when it is shown: a fair cycle of the state graph (the
// stateful search) or a thread that runs away without visible operations (RunStatus::Diverged).
// An execution cut by a budget (ExecutionEnd::step_limit) is a cut, never a finding: the
// program may well have ended a step later.
#pragma once

#include <cstdint> // uint32_t, uint64_t
#include <map>     // silent notifies, ordered
#include <string>  // lines
#include <utility> // pair
#include <vector>  // details

#include "checker/detectors/detector.hpp" // Detector, DetectorContext

namespace rc {

class DeadlockDetector : public Detector {
public:
    explicit DeadlockDetector(const DetectorContext& ctx) : ctx_(ctx) {}
    void begin_execution(const Interpreter& in, const State& initial) override;
    void on_step(const Interpreter& in, uint64_t step, const Event& e, const State& after,
                 FindingSink& sink) override;
    void end_execution(const Interpreter& in, const State& final_state, const ExecutionEnd& end,
                       FindingSink& sink) override;
    std::any save() const override;
    void restore(const std::any& saved) override;
    /// The Conditions whose notify woke nobody (a later wait on one is a lost wakeup).
    void history(std::vector<HistoryItem>& out) const override;

private:
    struct SilentNotify {
        uint32_t line = 0; // code-block line
        uint64_t step = 0;
    };
    void report_blocked(const Interpreter& in, const State& s, const ExecutionEnd& end,
                        FindingSink& sink) const;
    void report_nontermination(const Interpreter& in, const State& s, const ExecutionEnd& end,
                               FindingSink& sink) const;
    /// "waits to acquire Lock `b` held by Thread-2 (worker) since line 11", lines mapped.
    std::string wait_text(const Interpreter& in, const State& s, ThreadId t) const;

    const DetectorContext ctx_; // a copy: detectors may outlive the caller's context
    uint64_t steps_ = 0;        // steps taken in this execution
    /// (thread, code line) of the last kRecent steps, oldest first: where looping threads loop.
    static constexpr size_t kRecent = 128;
    std::vector<std::pair<ThreadId, uint32_t>> recent_; // invariant: size ≤ 2 * kRecent
    /// Condition → the first notify in this execution that woke nobody.
    std::map<ObjectId, SilentNotify> silent_notifies_;
    std::vector<uint64_t> last_step_; // by thread id: its latest step (0: none)
};

} // namespace rc
