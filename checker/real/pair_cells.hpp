// Shadow-only memory that makes TSan compare every pair of threads' accesses to a cell. Plain
// bookkeeping, no TSan calls: real_run.cpp announces accesses at the addresses it hands out, and
// tests/real tests it.
//
// Why: TSan keeps four entries per 8 bytes of shadow and does not record an access that raced,
// so on a cell five threads race on, an early entry stays and evicts others' at random: which
// thread pairs a run reports varies (the tutorial counter's Thread-1/Thread-2 pair, the pair its
// data race finding names, in 14 of 20 free runs). So an announced access of thread t to cell c
// is announced once more at the pair cell of (c, {t, x}) for every other thread x of the run: a
// 16-byte block that only t and x ever touch, where TSan compares t's access with x's latest ones
// of each kind whatever the other threads did. Pair cells never hold the program's values (TSan
// judges an access by its address alone). Once TSan reported a race of c between t and x, on the
// cell or on their pair cell, the pair cell is no longer announced: it could only repeat that
// report (each costs TSan the restoring of both stacks). A pair cell made when both threads exist
// holds every later access of each; one made later (a thread born after the other's access) lacks
// the older one, which the cell itself may still show. Runs with more than kMaxThreads threads
// get pair cells among their first kMaxThreads only: each access costs one announcement per pair.
//
// Pair cells live in a deque (they never move) allocated inside an IgnoreScope, where TSan's
// allocator clears their shadow; the run's cells outlive every report about them.
#pragma once

#include <algorithm>     // min, max
#include <cstdint>       // uint32_t, uint64_t, uintptr_t
#include <deque>         // the cells
#include <unordered_map> // by key, by address
#include <vector>        // targets

namespace rc::real {

class PairCells {
public:
    static constexpr uint32_t kMaxThreads = 64;

    /// One pair cell: 16 bytes, aligned as the run's own cells (one 16-byte access each).
    struct alignas(16) Block {
        unsigned char bytes[16];
    };

    /// Sets `out` to the pair cells thread t's access to `cell` is announced at, given the
    /// run's `threads` so far (ids 0..threads-1): one per other thread, made on first use,
    /// less those whose pair was reported.
    void targets(uint32_t cell, uint32_t t, uint32_t threads, std::vector<void*>& out) {
        out.clear();
        if (t >= kMaxThreads) return;
        for (uint32_t x = 0; x < std::min(threads, kMaxThreads); ++x) {
            if (x == t) continue;
            Entry& e = entry(cell, t, x);
            if (e.reported) continue;
            if (!e.at) {
                e.at = &blocks_.emplace_back();
                cell_at_.emplace(reinterpret_cast<uintptr_t>(e.at), cell);
            }
            out.push_back(e.at);
        }
    }

    /// TSan reported a race of `cell` between threads a and b (at the cell or at their pair
    /// cell): their pair cell is announced no more.
    void reported(uint32_t cell, uint32_t a, uint32_t b) {
        if (a == b || a >= kMaxThreads || b >= kMaxThreads) return;
        entry(cell, a, b).reported = true;
    }

    /// The cell whose pair cell holds `addr` (any address within its 16 bytes), if any.
    bool cell_of(uintptr_t addr, uint32_t& cell) const {
        auto it = cell_at_.find(addr & ~uintptr_t{15});
        if (it == cell_at_.end()) return false;
        cell = it->second;
        return true;
    }

    size_t size() const { return blocks_.size(); }

private:
    struct Entry {
        Block* at = nullptr;
        bool reported = false;
    };
    Entry& entry(uint32_t cell, uint32_t a, uint32_t b) {
        const uint64_t key = uint64_t{cell} << 12 | uint64_t{std::min(a, b)} << 6 | std::max(a, b);
        return entries_[key];
    }
    static_assert(kMaxThreads <= 64, "a pair's key packs each thread id in 6 bits");

    std::deque<Block> blocks_;
    std::unordered_map<uint64_t, Entry> entries_;   // (cell, lower id, higher id) → its pair cell
    std::unordered_map<uintptr_t, uint32_t> cell_at_; // pair cell's address → cell
};

} // namespace rc::real
