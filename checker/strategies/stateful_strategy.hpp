// Stateful search: depth-first search over the state graph with a visited set keyed by the
// states' canonical 128-bit fingerprints (ChoicePoint::state; model/runtime/fingerprint.hpp),
// as SPIN does with its state store (Holzmann, "The Model Checker SPIN", TSE 23(5), 1997), with
// heap canonicalization and, when the Session turns it on, symmetry reduction folded into the
// fingerprint. A path stops at a state already explored (Strategy::kStop), so every reachable
// state is expanded once, whichever path reaches it first; a program whose threads loop over
// finitely many states is explored completely.
//
// Why merging states loses nothing, per finding kind (the Session runs the detectors per state,
// DetectorContext::per_state):
// - outcomes, deadlocks, lost wakeups, failed final checks, exceptions: properties of a state
//   (the final one, or the one where a thread ended), and every reachable state is expanded;
//   lost wakeups also need "a notify on that Condition woke nobody", which the deadlock
//   detector's history() puts in the fingerprint.
// - failed invariants (`always:`): evaluated in every state reached.
// - data races: a program races iff some reachable state has two enabled conflicting accesses
//   (race_detector.hpp), which the race detector checks in every state.
// - lost updates: a property of a path (a read, a foreign write, then the stale write), made a
//   property of the state by the lost-update detector's history(): each pending read and
//   whether it is stale is part of the fingerprint, so two paths reaching one state with
//   different stale reads are different states.
// - potential deadlocks (lock-order cycles): edges are added on acquisitions, which are
//   transitions; every transition out of every reachable state is explored once, and the locks
//   a thread holds are part of the state.
// - nontermination and busy-waits that no thread releases: cycles of the state graph. After
//   the search, fair_cycles() finds the strongly connected components (Tarjan 1972) in which
//   every thread enabled in all their states also has a step inside: a weakly fair scheduler
//   may stay in such a component forever, and no thread can leave it fairly. Their witness is
//   a path into the component and a cycle in it. Cycle analysis needs the edges between
//   concrete threads, so it runs without symmetry (the Session searches again without it when
//   a symmetric search finds a cycle).
//
// The visited set, the state graph and the DFS stack (one level per step of the current path)
// are bounded by `memory_mb`; the search stops (MaxStateMemory) rather than grow past it, also
// in the middle of a long path. A state cut by the steps-per-execution budget is not marked
// visited (it was never expanded).
#pragma once

#include <cstddef> // size_t
#include <cstdint> // uint32_t, uint64_t
#include <string>  // coverage
#include <vector>  // stack, graph

#include "checker/strategies/strategy.hpp" // Strategy, StateKey, FairCycle

namespace rc {

class StatefulStrategy final : public Strategy {
public:
    explicit StatefulStrategy(uint64_t memory_mb);

    bool begin_execution() override;
    size_t choose(const ChoicePoint& point) override;
    void on_event(const Event& e, const Footprint& f) override;
    void on_end_state(const ChoicePoint& point) override;
    void end_execution() override;
    StopReason stop_reason() const override { return stop_; }
    std::string coverage() const override;
    bool repeat_execution() const override { return repeat_; }
    uint64_t redundant_executions() const override { return cut_at_visited_; }
    size_t resume_depth() const override { return resume_; }
    uint32_t checkpoint_interval() const override { return 1; }
    bool stateful() const override { return true; }
    uint64_t states() const override { return nodes_.size(); }
    uint64_t memory_bytes() const override;
    uint64_t memory_bound() const override { return bound_bytes_; }
    std::vector<FairCycle> fair_cycles() const override;
    void restart() override;
    bool reduced() const override { return reduced_; }

    /// States with a step to themselves or a cycle through them exist (the graph is cyclic).
    bool has_cycles() const;

private:
    static constexpr uint32_t kNone = UINT32_MAX;
    struct Node {
        uint64_t enabled = 0;    // bit t: thread t could move here (threads ≥ 64 not tracked)
        uint32_t parent = kNone; // the node the search first reached it from
        Choice via;              // the step from the parent
        uint32_t first_edge = kNone;
        bool on_stack = false; // a level of the current path (a step to it closes a cycle)
    };
    struct Edge {
        uint32_t to = 0, next = kNone;
        Choice choice;
        bool reads_only = false;
    };
    struct Level {
        uint32_t node = 0;
        std::vector<uint32_t> order; // option indices, in the order they are tried
        size_t next = 0;             // invariant: next < order.size()
        std::vector<Choice> options;
        bool ample = false;          // only a sleep is tried (see reduce_)
    };

    /// The node of `key`, and whether it was new.
    std::pair<uint32_t, bool> visit(const StateKey& key, uint64_t enabled);
    void add_edge(uint32_t from, uint32_t to);
    std::vector<std::vector<uint32_t>> components() const; // non-trivial SCCs

    uint64_t bound_bytes_;
    // Open addressing over 128-bit keys; slot_node_[i] is the node of slot_key_[i] (kNone: empty).
    std::vector<StateKey> slot_key_;
    std::vector<uint32_t> slot_node_;
    std::vector<Node> nodes_;
    std::vector<Edge> edges_;
    std::vector<Level> stack_;
    /// What the levels' vectors hold: a long path is as much memory as its states (counted in
    /// memory_bytes(), so the bound holds along a 1M-step execution too).
    uint64_t stack_heap_bytes_ = 0;
    static uint64_t level_heap_bytes(const Level& l) {
        return l.order.capacity() * sizeof(uint32_t) + l.options.capacity() * sizeof(Choice);
    }
    size_t depth_ = 0;
    size_t resume_ = 0;
    uint32_t last_node_ = kNone; // the node of the state before the last step
    Choice last_choice_;
    bool last_reads_only_ = false;
    /// The last step was time.sleep() or a wait that timed out, by this thread (else invalid):
    /// the first choice then goes to the other threads, so that a thread looping on sleep or
    /// polling with a timeout does not starve them on the first path (a `while not
    /// stop.is_set(): ...; sleep()` ticker, a `while t.is_alive(): t.join(0.05); polls += 1`
    /// poller ran one execution forever, through ever new states).
    ThreadId last_sleeper_;
    bool stopped_ = false;  // choose() returned kStop in this execution
    bool repeat_ = false;   // the execution ended in a terminal state explored before
    bool wide_ = false;     // a thread id ≥ 64 was seen (fairness then ignores those threads)
    bool cut_ = false;      // some path was cut (steps budget, or time/Ctrl-C inside it): not exhaustive
    uint64_t cut_at_visited_ = 0;
    uint64_t terminal_ = 0; // terminal states reached (distinct)
    StopReason stop_ = StopReason::Exhausted;
    bool done_ = false;
    /// Sleep first: a non-daemon thread about to sleep is the only one tried, the others after
    /// it (a persistent set, Godefroid 1996 ch. 4). time.sleep() touches nothing shared, and no
    /// other thread's operation conflicts with it before that thread moves: only the program's
    /// exit does, and it waits for every non-daemon thread. States reached are a subset that
    /// keeps every deadlock, final state, state predicate of the other threads (they do not
    /// see the sleep) and race; the cycle proviso (C3) expands a state fully when its sleep
    /// closes a cycle of the current path. Cycle analysis needs the full graph, so a search
    /// that finds cycles is repeated without it (reduced()).
    bool reduce_ = true;
    bool reduced_ = false; // some state was not fully expanded
};

} // namespace rc
