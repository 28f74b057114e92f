// PairCells (checker/real/pair_cells.hpp): where an access is announced once more, per other
// thread, so that TSan compares every pair of threads' accesses to a cell.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <cstdint> // uintptr_t
#include <set>     // distinct addresses
#include <vector>  // targets

#include "checker/real/pair_cells.hpp" // PairCells

using rc::real::PairCells;

namespace {
uintptr_t address(void* p) { return reinterpret_cast<uintptr_t>(p); }
} // namespace

TEST_CASE("each_pair_of_threads_has_one_pair_cell_per_cell") {
    PairCells pairs;
    std::vector<void*> t0, t1, t2;
    pairs.targets(7, 0, 3, t0); // thread 0 of 3: pairs {0,1}, {0,2}
    pairs.targets(7, 1, 3, t1); // {0,1}, {1,2}
    pairs.targets(7, 2, 3, t2); // {0,2}, {1,2}
    REQUIRE(t0.size() == 2);
    REQUIRE(t1.size() == 2);
    REQUIRE(t2.size() == 2);
    CHECK(t0[0] == t1[0]); // {0,1}: the same block for both threads
    CHECK(t0[1] == t2[0]); // {0,2}
    CHECK(t1[1] == t2[1]); // {1,2}
    CHECK(std::set<void*>{t0[0], t0[1], t1[1]}.size() == 3);
    CHECK(pairs.size() == 3);
    std::vector<void*> other;
    pairs.targets(8, 0, 3, other); // another cell: its own blocks
    REQUIRE(other.size() == 2);
    CHECK(other[0] != t0[0]);
    CHECK(pairs.size() == 5);
    // Blocks are 16 bytes, 16-aligned, and each address inside one names its cell.
    for (void* p : {t0[0], t0[1], t1[1], other[0]}) CHECK(address(p) % 16 == 0);
    uint32_t cell = 0;
    REQUIRE(pairs.cell_of(address(t1[1]) + 8, cell));
    CHECK(cell == 7);
    REQUIRE(pairs.cell_of(address(other[1]), cell));
    CHECK(cell == 8);
    int local = 0;
    CHECK_FALSE(pairs.cell_of(address(&local), cell));
}

TEST_CASE("a_reported_pair_is_announced_no_more") {
    PairCells pairs;
    std::vector<void*> before, after;
    pairs.targets(0, 1, 3, before);
    REQUIRE(before.size() == 2); // {0,1}, {1,2}
    pairs.reported(0, 2, 1);     // either order
    pairs.targets(0, 1, 3, after);
    REQUIRE(after.size() == 1);
    CHECK(after[0] == before[0]); // {0,1} still announced
    pairs.reported(5, 0, 1);      // another cell's report changes nothing here
    pairs.targets(0, 1, 3, after);
    CHECK(after.size() == 1);
    pairs.reported(0, 1, 1); // a thread with itself: no pair
    pairs.targets(0, 0, 3, after);
    CHECK(after.size() == 2); // {0,1}, {0,2}
}

TEST_CASE("threads_born_later_get_their_pairs_then_and_only_the_first_64_have_any") {
    PairCells pairs;
    std::vector<void*> out;
    pairs.targets(0, 0, 1, out); // alone: no pair
    CHECK(out.empty());
    pairs.targets(0, 0, 2, out); // thread 1 born since
    CHECK(out.size() == 1);
    pairs.targets(0, 3, 100, out);
    CHECK(out.size() == PairCells::kMaxThreads - 1);
    pairs.targets(0, PairCells::kMaxThreads, 100, out);
    CHECK(out.empty());
}
