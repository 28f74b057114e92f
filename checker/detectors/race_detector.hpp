// data-race: two accesses to a module global from different threads, at least one a write,
// unordered by happens-before. FastTrack (Flanagan & Freund, "FastTrack: Efficient and Precise
// Dynamic Race Detection", PLDI 2009): per variable the last write is an epoch, and the reads
// are an epoch until two unordered reads make them a read vector clock ("read-shared").
//
// Only globals race: container method calls are atomic under the GIL and never race with each
// other. One finding per (variable, unordered pair of source lines).
//
// Per state (DetectorContext::per_state, the stateful search): a state in which two threads'
// next operations are enabled accesses to the same global, one of them a write, is a race: run
// them one after the other and nothing orders them. Conversely a program with a
// happens-before race has such a state: take an execution's first race, remove everything
// after the two accesses that is not ordered before them, and the rest is an execution that
// ends where both are about to run (Adve & Hill, "Weak Ordering — A New Definition", ISCA 1990,
// and the C++/Java definition of a data race as conflicting accesses adjacent in some
// sequentially consistent execution). So whether a program races is a property of its states,
// and a stateful search that merges states loses no race. It may report fewer line pairs than
// FastTrack over all executions (a pair that only races after an earlier race).
#pragma once

#include <cstdint> // uint32_t, uint64_t
#include <map>     // per-attribute state
#include <set>     // races reported in this execution
#include <string>  // location names
#include <tuple>   // reported races
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
    std::any save() const override;
    void restore(const std::any& saved) override;
    void on_state(const Interpreter& in, const State& s, FindingSink& sink) override;

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
    /// The shared location an access touches: a global or an attribute of an object.
    struct Location {
        VarId var;      // a global, or
        ObjectId obj;   // an attribute `name` of obj
        NameId name;
        std::string label(const Interpreter& in, const State& s) const;
    };
    /// Reports a race found along the execution (on_step), once per location and line pair.
    void report(const Interpreter& in, const State& s, const Location& where, const Access& prior,
                const Access& now, FindingSink& sink);
    Finding race_finding(const Interpreter& in, const State& s, const Location& where,
                         const Access& prior, const Access& now) const;

    const DetectorContext ctx_; // a copy: detectors may outlive the caller's context
    HappensBefore hb_;
    HeldLocks locks_;
    std::vector<VarState> vars_; // by VarId, reset per execution
    std::map<uint64_t, VarState> attrs_; // by object << 32 | attribute name, reset per execution
    /// Races this execution reported already, named as Finding::key names them: (a global's
    /// VarId + 1, or 0 and an attribute's label, which depends on the state; code lines
    /// low << 32 | high). The first report of a race in an execution is its best witness there
    /// (later ones are deeper, with as many preemptions or more, and the Session keeps the
    /// first), so a repeat costs a look-up here instead of a Finding built and dropped.
    using Reported = std::tuple<uint32_t, std::string, uint64_t>;
    std::set<Reported> reported_;
};

} // namespace rc
