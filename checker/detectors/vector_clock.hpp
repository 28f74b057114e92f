// Vector clocks and epochs for happens-before race detection (Lamport 1978; Mattern 1989), in
// the form FastTrack uses them: Flanagan & Freund, "FastTrack: Efficient and Precise Dynamic
// Race Detection", PLDI 2009, section 3 ("epochs" c@t stand in for full clocks when one thread's
// last access is all that matters).
#pragma once

#include <algorithm> // max
#include <cstdint>   // uint32_t
#include <string>    // to_string
#include <vector>    // components

#include "model/ids.hpp" // ThreadId

namespace rc {

/// A vector clock over virtual threads. Missing components are 0, so clocks grow as threads
/// are created and compare without resizing.
class VectorClock {
public:
    uint32_t get(ThreadId t) const { return t.value < c_.size() ? c_[t.value] : 0; }
    void set(ThreadId t, uint32_t v) {
        if (t.value >= c_.size()) c_.resize(t.value + 1, 0);
        c_[t.value] = v;
    }
    /// Advances t's own component (after a release, FastTrack's rule [FT RELEASE]).
    void tick(ThreadId t) { set(t, get(t) + 1); }
    /// Pointwise maximum: this ⊔= o.
    void join(const VectorClock& o) {
        if (o.c_.size() > c_.size()) c_.resize(o.c_.size(), 0);
        for (size_t i = 0; i < o.c_.size(); ++i) c_[i] = std::max(c_[i], o.c_[i]);
    }
    /// Pointwise ≤: every event this clock has seen, o has seen too.
    bool leq(const VectorClock& o) const {
        for (size_t i = 0; i < c_.size(); ++i)
            if (c_[i] > o.get(ThreadId(static_cast<uint32_t>(i)))) return false;
        return true;
    }
    bool empty() const { return c_.empty(); }
    /// "[3, 1, 0]", for test failure messages.
    std::string to_string() const;

private:
    std::vector<uint32_t> c_; // c_[t]: the latest event of thread t this clock has seen
};

/// One event of one thread, c@t: FastTrack's constant-size stand-in for a vector clock.
struct Epoch {
    ThreadId thread;
    uint32_t clock = 0;
    /// c@t ≼ V iff c ≤ V(t): the event happens before whatever holds V.
    bool happens_before(const VectorClock& v) const { return clock <= v.get(thread); }
    friend bool operator==(const Epoch&, const Epoch&) = default;
};

} // namespace rc
