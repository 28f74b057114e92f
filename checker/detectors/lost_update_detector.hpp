// lost-update: thread T reads global X, another thread U then writes X, and T writes X without
// having re-read it: T's write was computed from a stale value and overwrites U's update. This
// is the read-modify-write atomicity violation of `counter += 1` (see Lu et al., "Learning from
// Mistakes", ASPLOS 2008, on atomicity-violation bug patterns), observed on one execution.
#pragma once

#include <cstdint> // uint32_t, uint64_t
#include <map>     // pending reads, ordered
#include <utility> // pair keys
#include <vector>  // write logs

#include "checker/detectors/detector.hpp" // Detector, DetectorContext
#include "model/values/value.hpp"      // Value

namespace rc {

class LostUpdateDetector : public Detector {
public:
    explicit LostUpdateDetector(const DetectorContext& ctx) : ctx_(ctx) {}
    void begin_execution(const Interpreter& in, const State& initial) override;
    void on_step(const Interpreter& in, uint64_t step, const Event& e, const State& after,
                 FindingSink& sink) override;

private:
    struct Write {
        ThreadId thread;
        uint32_t line = 0;
        uint64_t step = 0;
        Value value; // rendered only when reported (scalars render the same later)
    };
    struct Read {
        uint32_t line = 0;
        uint64_t step = 0;
        Value value;
        size_t writes_seen = 0; // invariant: ≤ writes_[var].size()
    };

    const DetectorContext ctx_;              // a copy: detectors may outlive the caller's context
    std::vector<std::vector<Write>> writes_; // by VarId: every write of this execution
    /// (thread, var) → its latest read not yet followed by its own write.
    std::map<std::pair<uint32_t, uint32_t>, Read> reads_;
};

} // namespace rc
