// data-race: two accesses to a module global from different threads, at least one a write,
// unordered by happens-before. FastTrack (Flanagan & Freund, "FastTrack: Efficient and Precise
// Dynamic Race Detection", PLDI 2009): per variable the last write is an epoch, and the reads
// are an epoch until two unordered reads make them a read vector clock ("read-shared").
//
// Only globals race: container method calls are atomic under the GIL and never race with each
// other. One finding per (variable, unordered pair of source lines).
#pragma once

#include <cstdint> // uint32_t, uint64_t
#include <vector>  // per-variable state

#include "checker/detectors/detector.hpp"       // Detector, DetectorContext
#include "checker/detectors/happens_before.hpp" // HappensBefore, HeldLocks

namespace rc {

class RaceDetector : public Detector {
public:
    explicit RaceDetector(const DetectorContext& ctx) : ctx_(ctx) {}
    void begin_execution(const Interpreter& in, const State& initial) override;
    void on_step(const Interpreter& in, uint64_t step, const Event& e, const State& after,
                 FindingSink& sink) override;

private:
    /// One access: FastTrack's epoch plus what a report shows.
    struct Access {
        Epoch at;
        uint32_t line = 0; // code-block line
        uint64_t step = 0;
        bool write = false;
        std::vector<ObjectId> locks; // held at the access, sorted
    };
    /// invariant: reads.size() ≤ 1 is FastTrack's epoch mode; more is read-shared mode, one
    /// entry per thread (its latest read).
    struct VarState {
        bool written = false;
        Access write;
        std::vector<Access> reads;
    };
    void report(const Interpreter& in, const State& s, VarId var, const Access& prior,
                const Access& now, FindingSink& sink) const;

    const DetectorContext ctx_; // a copy: detectors may outlive the caller's context
    HappensBefore hb_;
    HeldLocks locks_;
    std::vector<VarState> vars_; // by VarId, reset per execution
};

} // namespace rc
