// lost-update: thread T reads global X, another thread U then writes X, and T writes X without
// having re-read it: T's write was computed from a stale value and overwrites U's update. This
// is the read-modify-write atomicity violation of `counter += 1` (see Lu et al., "Learning from
// Mistakes", ASPLOS 2008, on atomicity-violation bug patterns), observed on one execution.
//
// Attributes of shared objects (`self.balance += 1`) and items of shared containers
// (`counts[word] += 1`, `totals[k] = totals.get(k, 0) + n`, `slots[i] += 1`) are locations as
// globals are.
// Per (thread, global) the detector keeps the thread's latest read not yet followed by its own
// write, and whether another thread has written the global since (the last such write): a
// small state that a stateful search can put in its fingerprint (history()).
#pragma once

#include <cstdint> // uint32_t, uint64_t
#include <map>     // pending reads, ordered
#include <set>     // reported lost updates
#include <string>  // attribute labels
#include <tuple>   // reported lost updates
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
    std::any save() const override { return Saved{reads_, reported_}; }
    void restore(const std::any& saved) override;
    /// Each pending read: its thread, global, line, and whether it is stale already.
    void history(std::vector<HistoryItem>& out) const override;

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
        bool stale = false; // another thread wrote the global since
        Write overwritten;  // when stale: the latest such write
    };

    const DetectorContext ctx_; // a copy: detectors may outlive the caller's context
    /// (thread, location) → its latest read not yet followed by its own write. A location is a
    /// global's VarId, or kAttr | object << 32 | attribute name for an attribute.
    std::map<std::pair<uint32_t, uint64_t>, Read> reads_;
    static constexpr uint64_t kAttr = uint64_t{1} << 63;
    static constexpr uint64_t kItem = uint64_t{1} << 62; // kItem | object << 32 | key: a container's item
    /// Lost updates this execution reported already, named as Finding::key names them: (a
    /// global's VarId + 1, or 0 and an attribute's label, which depends on the state; the read's
    /// code line << 32 | the write's). The first report in an execution is its best witness
    /// there (the Session keeps the first), so a repeat at a later stale write costs a look-up
    /// instead of a Finding built and dropped.
    using Reported = std::tuple<uint32_t, std::string, uint64_t>;
    std::set<Reported> reported_;
    struct Saved {
        std::map<std::pair<uint32_t, uint64_t>, Read> reads;
        std::set<Reported> reported;
    };
};

} // namespace rc
