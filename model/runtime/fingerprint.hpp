// Canonical 128-bit fingerprints of states, for a stateful search's visited set.
//
// Two states get the same fingerprint when they are equal up to (1) the numbering of heap
// objects and unreachable objects (garbage), as JPF's heap canonicalization does (Visser et
// al., "Model Checking Programs", ASE 2000 / Iosif, "Symmetry Reduction Criteria for Software
// Model Checking", SPIN 2002: objects numbered in the order a deterministic traversal from the
// roots reaches them), and (2) with symmetry on, a permutation of the threads other than
// MainThread (Emerson & Sistla, "Symmetry and Model Checking", FMSD 9, 1996; Ip & Dill,
// "Better Verification Through Symmetry", FMSD 9, 1996): threads are put in a canonical order
// by a signature of their own state, and every thread id stored in the state is renamed to its
// position in that order. Such states have the same future up to renaming, as long as the
// program never looks at a thread's identity (name, ident, repr): the caller checks that with
// Event::observed_identity and searches again without symmetry if it ever does. Permuting
// threads is sound for any threads, not only ones with the same target and arguments: threads
// whose states differ get different signatures and are never confused; threads with equal
// signatures in two states get the same positions. The sort is a heuristic for canonicity (ties
// keep thread order), never a condition of soundness: a permutation applied consistently to
// the whole state maps it to an equivalent state.
//
// What is left out, because no future step depends on it: `steps`, queue sequence numbers
// (happens-before bookkeeping of the detectors), absolute future completion numbers (only their
// order is kept), the order of an executor's worker list (used as a set), thread names when
// symmetry is on (never observed then), virtual clocks unless the program reads the time
// (time.time/monotonic/perf_counter). Strings are compared by content (the program's string
// constants, which every state shares, by their index); the output by a digest kept in State.
//
// Two independent 64-bit lanes make 128 bits: with N states, the probability that two of them
// collide is about N^2 / 2^129, below 10^-20 for N = 10^9.
#pragma once

#include <cstdint> // uint64_t, uint32_t
#include <vector>  // scratch, ranks

#include "model/runtime/state.hpp" // State

namespace rc {

struct Fingerprint {
    uint64_t hi = 0, lo = 0;
    friend bool operator==(const Fingerprint&, const Fingerprint&) = default;
};

/// Feeds 64-bit words into two independent mixing lanes.
class Hasher128 {
public:
    void mix(uint64_t x);
    Fingerprint value() const { return {a_, b_}; }

private:
    uint64_t a_ = 0x9E3779B97F4A7C15ull, b_ = 0xD1B54A32D192ED03ull;
};

struct FingerprintOptions {
    bool symmetry = false; // canonical order of the non-main threads
    bool clocks = false;   // the program reads virtual time: clocks are part of the state
    /// The program's string constants: the first heap objects of every state, never changed,
    /// fingerprinted by their index (Program::string_constants.size()).
    uint32_t constant_strings = 0;
};

/// A 128-bit hash (state.cpp) of everything that thread t, running alone without a visible
/// operation, computes from or changes: the globals, every heap object as it is numbered, t's
/// frames, stacks and wait, the memory account, the random generator, the name counters, and
/// t's clock when `clock` (the program reads the time). The interpreter's loop proof (exec.cpp
/// run_on): equal hashes at two points of such a run mean it repeats forever.
Fingerprint hash_local_run(const State& s, ThreadId t, bool clock);

/// Brent's cycle detection (R. P. Brent, "An improved Monte Carlo factorization algorithm",
/// BIT 20, 1980) over a sequence of state hashes: it keeps one saved hash, compares each new
/// one with it, and saves a new one after 1, 2, 4, ... comparisons. A sequence that is
/// eventually periodic repeats the saved hash within about twice (prefix + period) samples.
/// The loop proofs of the interpreter (exec.cpp) and of the real-thread runtime (real_run.cpp).
struct LoopProof {
    Fingerprint saved;
    bool started = false;
    uint64_t power = 1, compared = 0;
    /// Whether `h` repeats the saved hash; otherwise it may become the saved one.
    bool repeats(const Fingerprint& h) {
        if (started && h == saved) return true;
        if (!started || ++compared == power) {
            if (started) power *= 2;
            saved = h;
            compared = 0;
            started = true;
        }
        return false;
    }
};

/// Computes canonical fingerprints; keeps its scratch buffers between calls.
class Fingerprinter {
public:
    explicit Fingerprinter(FingerprintOptions options) : options_(options) {}
    /// The fingerprint of s; rank() then gives each thread's canonical position.
    Fingerprint operator()(const State& s);
    /// After operator(): rank()[tid] is the canonical position of thread tid (MainThread: 0).
    const std::vector<uint32_t>& rank() const { return rank_; }
    const FingerprintOptions& options() const { return options_; }
    /// After operator() on s: replaces every heap object the fingerprint found unreachable by an
    /// empty tuple (ids stay valid; nothing can reach them again, so the future is unchanged).
    /// Copies of the state get cheaper; the program's string constants are kept (code refers
    /// to them).
    void collect_garbage(State& s) const;
    /// After operator(): the canonical number of a heap object (UINT32_MAX if unreachable).
    uint32_t canonical_object(ObjectId o) const {
        return o.valid() && o.value < id_.size() ? id_[o.value] : UINT32_MAX;
    }

private:
    void order_threads(const State& s);
    uint64_t signature(const State& s, const ThreadState& t);
    uint64_t shallow(const State& s, Value v);
    void value(const State& s, Value v);
    uint32_t id_of(uint32_t obj);
    void object(const State& s, const Object& o);
    void attrs(const State& s, const AttrList& list);
    uint32_t thread(ThreadId t) const { return t.valid() && t.value < rank_.size() ? rank_[t.value] : UINT32_MAX; }

    FingerprintOptions options_;
    Hasher128 h_;
    std::vector<uint32_t> rank_;     // by thread id: canonical position
    std::vector<uint32_t> order_;    // canonical position -> thread id
    std::vector<uint32_t> id_;       // by heap index: canonical number, or UINT32_MAX
    std::vector<uint32_t> queue_;    // heap indices in canonical order
    std::vector<uint32_t> pos_;      // by heap index: discovery order from the shared roots
    std::vector<std::pair<uint64_t, uint32_t>> finished_; // reachable finished futures: (seq, id)
};

} // namespace rc
