// Which of the program's cell accesses a real run must announce to TSan (real_run.cpp), and
// which repeat one TSan judged already. Plain bookkeeping, no TSan calls: tests/real tests it.
//
// An access by thread t of one kind (read or write) to a cell need not be announced when t
// announced an access of the same kind to the cell before, with no synchronization of its own
// since and no announced access by another thread to the cell since. TSan would compare it with
// the same shadow entries, from the same clock, under the same made-up frame (tsan_api.hpp
// AccessFrame) as that one (t's own later entries aside, which never race with it), and find the
// same races: their reports suppress_equal_stacks drops as repeats, after the costly work of
// restoring both stacks (a racy 1 M-step run spent half its time there). A racing access is
// seldom recorded in TSan's shadow, so the repeat of one that raced races again; one that did not
// race is recorded, and its repeat takes TSan's same-access fast path. What a skipped repeat does
// change is pseudo-random: when TSan records an access in a full shadow word it evicts the entry
// its trace position points at, and the repeat would have moved that position. So every race a
// run reports is still a race of that run, and which thread pairs TSan happens to catch varies as
// it does from run to run (the tutorial counter's Thread-1/Thread-2 pair: 16 of 20 free runs before, 14 of 20
// with the filter; pair_cells.hpp now has TSan compare every pair on a cell of its own, 20 of 20).
// The tutorial counter's thread announces its load and store of `counter` once a turn, not once
// an iteration.
#pragma once

#include <cstdint> // uint32_t, uint64_t
#include <vector>  // the tables

namespace rc::real {

class RepeatFilter {
public:
    /// Whether thread t's access to `cell` must be announced; if so, counts it announced.
    bool announce(uint32_t t, uint32_t cell, bool write) {
        if (cell_accesses_.size() <= cell) cell_accesses_.resize(cell + 1, 0);
        if (rows_.size() <= t) rows_.resize(t + 1);
        std::vector<Seen>& row = rows_[t];
        if (row.size() <= cell) row.resize(cell + 1);
        Seen& s = row[cell];
        const uint64_t foreign = cell_accesses_[cell] - s.own;
        const uint64_t syncs = t < syncs_.size() ? syncs_[t] : 0;
        if (s.announced[write] && s.syncs[write] == syncs && s.foreign[write] == foreign) return false;
        ++cell_accesses_[cell];
        ++s.own;
        s.announced[write] = true;
        s.syncs[write] = syncs;
        s.foreign[write] = foreign;
        return true;
    }

    /// Thread t synchronized (acquire, release, semaphore, thread start or end): its clock
    /// changed, so what TSan judged of its accesses before no longer holds.
    void synchronized(uint32_t t) {
        if (syncs_.size() <= t) syncs_.resize(t + 1, 0);
        ++syncs_[t];
    }

private:
    struct Seen {
        uint64_t own = 0;                // t's announced accesses to the cell
        bool announced[2] = {false, false}; // [write]: one of this kind was
        uint64_t syncs[2] = {0, 0};      // [write]: t's synchronizations at the last one
        uint64_t foreign[2] = {0, 0};    // [write]: the others' announced accesses then
    };
    std::vector<uint64_t> syncs_;          // [thread]
    std::vector<uint64_t> cell_accesses_;  // [cell]: announced, all threads
    std::vector<std::vector<Seen>> rows_;  // [thread][cell]
};

} // namespace rc::real
