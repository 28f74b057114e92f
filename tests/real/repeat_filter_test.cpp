// RepeatFilter (checker/real/repeat_filter.hpp): which cell accesses a real run announces to TSan.
// A repeat is skipped only when TSan would judge it exactly as the access it repeats.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include "checker/real/repeat_filter.hpp" // RepeatFilter

using rc::real::RepeatFilter;

namespace {
constexpr bool kRead = false, kWrite = true;
}

TEST_CASE("a_threads_repeated_access_of_one_kind_is_announced_once") {
    RepeatFilter f;
    CHECK(f.announce(1, 0, kRead));
    CHECK_FALSE(f.announce(1, 0, kRead));
    CHECK(f.announce(1, 0, kWrite)); // the other kind is its own first
    CHECK_FALSE(f.announce(1, 0, kRead)); // its own write is no foreign access
    CHECK_FALSE(f.announce(1, 0, kWrite));
    CHECK(f.announce(1, 1, kRead)); // another cell
    CHECK(f.announce(2, 0, kRead)); // another thread's first
}

TEST_CASE("another_threads_access_to_the_cell_makes_the_repeat_count_again") {
    RepeatFilter f;
    CHECK(f.announce(1, 0, kRead));
    CHECK(f.announce(2, 0, kWrite));
    CHECK(f.announce(1, 0, kRead)); // the shadow may hold thread 2's write now
    CHECK_FALSE(f.announce(1, 0, kRead));
    CHECK(f.announce(2, 5, kWrite)); // another cell's access changes nothing for cell 0
    CHECK_FALSE(f.announce(1, 0, kRead));
    // A skipped access is no access TSan saw: thread 2's repeat does not make thread 1's count.
    CHECK(f.announce(2, 0, kWrite));
    CHECK_FALSE(f.announce(2, 0, kWrite));
    CHECK(f.announce(1, 0, kRead));
}

TEST_CASE("a_threads_own_synchronization_makes_its_repeat_count_again") {
    RepeatFilter f;
    CHECK(f.announce(1, 0, kRead));
    CHECK(f.announce(1, 0, kWrite));
    f.synchronized(2); // another thread's clock: no change for thread 1
    CHECK_FALSE(f.announce(1, 0, kRead));
    f.synchronized(1);
    CHECK(f.announce(1, 0, kRead));
    CHECK(f.announce(1, 0, kWrite));
    CHECK_FALSE(f.announce(1, 0, kWrite));
    f.synchronized(7); // a thread the filter has not met yet
    CHECK(f.announce(7, 0, kRead));
    CHECK_FALSE(f.announce(7, 0, kRead));
}
