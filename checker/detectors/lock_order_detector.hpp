// potential-deadlock: a cycle in the lock-order graph, accumulated over every execution of the
// search. Goodlock (Havelund, "Using Runtime Analysis to Guide Model Checking of Java Programs",
// SPIN 2000; Bensalem & Havelund, "Dynamic Deadlock Analysis of Multi-threaded Programs", 2005)
// as ThreadSanitizer's deadlock detector does it: acquiring B while holding A adds the edge
// A → B; a cycle whose edges come from at least two threads and are not all guarded by one
// common "gate" lock means some schedule can deadlock, even if none explored so far did.
//
// Locks are identified across executions by Interpreter::object_label (`lock_a`, `forks[0]`),
// threads by name; ObjectIds are per execution.
#pragma once

#include <cstdint> // uint32_t, uint64_t
#include <map>     // the graph, ordered for determinism
#include <set>     // reported cycles
#include <string>  // labels
#include <vector>  // edges

#include "checker/detectors/detector.hpp"       // Detector, DetectorContext
#include "checker/detectors/happens_before.hpp" // HeldLocks

namespace rc {

class LockOrderDetector : public Detector {
public:
    explicit LockOrderDetector(const DetectorContext& ctx) : ctx_(ctx) {}
    void begin_execution(const Interpreter& in, const State& initial) override;
    void on_step(const Interpreter& in, uint64_t step, const Event& e, const State& after,
                 FindingSink& sink) override;

    std::any save() const override { return held_; }
    void restore(const std::any& saved) override { held_ = std::any_cast<const HeldLocks&>(saved); }

private:
    /// One way the edge from → to was seen: a thread held `from` (acquired at line_from) and
    /// acquired `to` at line_to, while also holding `gates`.
    struct Edge {
        std::string from, to, thread;
        uint32_t line_from = 0, line_to = 0; // YAML lines
        std::vector<std::string> gates;      // sorted labels of the other locks held
        friend bool operator==(const Edge&, const Edge&) = default;
    };
    /// Looks for a valid cycle through the new edge `closing`; reports it once.
    void find_cycle(const Edge& closing, uint64_t step, FindingSink& sink);
    bool extend(std::vector<const Edge*>& path, const std::string& target, uint64_t step,
                FindingSink& sink);
    bool report_if_valid(const std::vector<const Edge*>& cycle, uint64_t step, FindingSink& sink);

    static constexpr size_t kMaxCycle = 6; // longest cycle searched (locks)
    const DetectorContext ctx_;            // a copy: detectors may outlive the caller's context
    HeldLocks held_;                       // this execution
    std::map<std::string, std::vector<Edge>> graph_; // from-label → its edges, whole search
    std::set<std::string> reported_;                 // cycle keys already reported
};

} // namespace rc
