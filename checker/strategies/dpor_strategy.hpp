// Optimal dynamic partial-order reduction: Abdulla, Aronis, Jonsson, Sagonas, "Source Sets: A
// Foundation for Optimal Dynamic Partial Order Reduction", JACM 64(4), 2017, Algorithm 2
// ("Optimal-DPOR"): sleep sets (Godefroid 1996) and wakeup trees, so that exactly one complete
// execution is run per Mazurkiewicz trace of the dependency relation (dependency.hpp).
//
// Each execution repeats a prefix of the previous one — the Session restores the state there
// from a checkpoint instead of re-running it (resume_depth) — then follows a wakeup sequence,
// then chooses freely (the last thread again when it can, which keeps
// executions low in preemptions). At the end of an execution every race e ≲ e' whose second
// operation e' is new is reversed: v = notdep(e).e', the operations between e and e' that do not
// happen after e followed by e', is inserted in the wakeup tree of the state before e unless a
// sleeping operation is a weak initial of v (§6, Algorithm 2 lines 3-6). notdep is taken up to
// e' (as in Nidhugg's implementation), which is a shorter sequence with the same first steps.
//
// Blocking. Racecheck's operations may be disabled (an acquire of a held lock, a get from an
// empty queue, a join of a running thread). The relation makes every operation that can enable
// another dependent on it, so traces are well defined; but a race whose reversal cannot run (a
// release followed by the acquire it enabled: the acquire cannot move before the release) is no
// race. As in Flanagan & Godefroid's "may be co-enabled" (POPL 2005, §4) and Nidhugg's lock
// races, such a pair is skipped and the earlier operation it hides becomes the race partner
// (the previous acquire of the lock). Whether e' can run after pre(e).notdep(e) is decided
// exactly, by asking the Session to run it (WhatIf), except in the cases that are certain
// without running: e' cannot block, or e is a successful release of the lock e' acquires.
// Threads still blocked when an execution ends take part in race detection with their pending
// operation, so that a deadlock's alternatives (the other thread taking the lock first) are
// explored too (Nidhugg does the same with its failed lock attempts).
//
// Busy-waits. The Session stops a thread that loops back to where it was without any shared
// change (a spin-wait) until another thread writes; that cut depends on the path, not on the
// state, and no partial-order argument covers it. DPOR then still runs, but its coverage says
// so and it never claims exhaustiveness (the stateful strategy explores spin loops exactly).
//
// Choices. Where CPython's order is arbitrary (as_completed takes the finished futures from a
// set), the program asks the explorer (OpKind::Choose): one thread's step with two branches.
// The step touches nothing shared, so it races with nothing; each time one runs at a new
// position, the other branch is run from the same state after the first one's subtree (as
// internal nondeterminism is treated in stateless model checking: both values of a local coin
// are explored, with the position's sleep set). Footprints carry the branch, so a replayed
// prefix or a wakeup sequence runs the same branch it recorded (same_step), and a thread goes to
// sleep at a position only once both branches ran from it.
//
// With blocking, an execution may end with every remaining option asleep, or a wakeup sequence
// may meet a thread that cannot move; such executions are stopped (Strategy::kStop) and counted
// as redundant, never as explored traces. Tests check that the pinned families have none.
#pragma once

#include <cstddef> // size_t
#include <cstdint> // uint32_t, uint64_t
#include <string>  // coverage
#include <vector>  // stack, clocks

#include "checker/strategies/strategy.hpp" // Strategy, ChoicePoint, WhatIf, Footprint

namespace rc {

class DporStrategy final : public Strategy {
public:
    bool begin_execution() override;
    size_t choose(const ChoicePoint& point) override;
    void on_event(const Event& e, const Footprint& f) override;
    void on_end_state(const ChoicePoint& point) override;
    void end_execution() override;
    /// Exhausted, unless a busy-wait was cut on the way (then BoundReached: see coverage()).
    StopReason stop_reason() const override;
    std::string coverage() const override;
    bool wants_footprints() const override { return true; }
    void set_what_if(WhatIf* what_if) override { what_if_ = what_if; }
    uint64_t redundant_executions() const override { return sleep_blocked_ + infeasible_; }
    /// Executions branch from the Session's saved state at the wakeup tree's position.
    size_t resume_depth() const override { return replay_; }
    uint32_t checkpoint_interval() const override { return 1; }

    /// Executions stopped because every option was asleep / a wakeup sequence could not run.
    uint64_t sleep_blocked() const { return sleep_blocked_; }
    uint64_t infeasible() const { return infeasible_; }

private:
    using Clock = std::vector<uint32_t>; // by thread id: operations that happen before
    struct WakeupNode {
        Footprint op; // the operation to run (its thread: op.thread)
        std::vector<WakeupNode> children;
    };
    /// One position of the current execution: the state before its step, and that step.
    struct Node {
        std::vector<Footprint> sleep;   // sleep(E): explored or redundant first steps from here
        std::vector<WakeupNode> wakeup; // wut(E) without the branch being explored, in order
        Footprint op;                   // the operation run here in the current execution
        bool may_block = false;         // it could have been disabled (its pending footprint)
        Clock clock;                    // its happens-before clock (includes itself)
        Clock knows;                    // its thread's clock before it (excludes its conflicts)
        uint32_t index = 0;             // 1-based index among its thread's operations
        std::vector<ThreadId> appeared; // threads first seen at this position (their creation)
        bool other_branch = false;      // op is a choice whose other branch is still to run
    };

    /// Registers threads seen for the first time (created by the previous step); returns them.
    std::vector<ThreadId> see_threads(const ChoicePoint& point);
    size_t free_choice(const ChoicePoint& point, const Node& node) const;
    /// Races of operation `op` at position `at` (an executed one, or a pending one at the end)
    /// whose thread knew `knows` before it; reverses each (Algorithm 2, lines 3-6).
    void analyze(size_t at, const Footprint& op, bool may_block, const Clock& knows);
    bool reversible(size_t i, const Footprint& op, bool may_block,
                    const std::vector<ThreadId>& between) const;
    void reverse(size_t i, std::vector<Footprint> v);
    static bool weak_initial(const Footprint& p, const std::vector<Footprint>& v);
    static void insert(std::vector<WakeupNode>& tree, std::vector<Footprint> v);
    void backtrack();

    WhatIf* what_if_ = nullptr;
    std::vector<Node> stack_;
    size_t depth_ = 0;     // choice points passed in the current execution
    size_t replay_ = 0;    // positions < replay_ repeat the previous execution's steps
    Footprint branch_;     // the step to run at position replay_ (its wakeup tree's, or a choice's other branch)
    std::vector<WakeupNode> guide_;   // the wakeup subtree to follow after the last choice
    std::vector<Footprint> next_sleep_; // sleep set of the position after the last step
    Footprint chosen_;                // the pending footprint of the option just chosen
    bool branch_failed_ = false;      // the execution stopped at position replay_
    bool stopped_ = false;            // choose() returned kStop in this execution
    std::vector<Clock> thread_clock_; // by thread: clock of its last operation, or its creation
    std::vector<uint32_t> thread_ops_; // by thread: operations in this execution so far
    std::vector<bool> seen_;          // by thread: appeared in this execution
    std::vector<Footprint> end_pending_; // pending operations left at the end (race detection)
    uint64_t executions_ = 0;         // complete executions (one per trace)
    uint64_t sleep_blocked_ = 0;
    uint64_t infeasible_ = 0;
    bool exhausted_ = false;
    bool busy_waits_ = false; // the Session cut a busy-wait: the reduction's argument fails
};

} // namespace rc
