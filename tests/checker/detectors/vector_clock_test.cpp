// Vector clocks and epochs: the arithmetic FastTrack relies on.
#include <doctest/doctest.h> // TEST_CASE

#include "checker/detectors/vector_clock.hpp" // VectorClock, Epoch

namespace rc {

TEST_CASE("missing_components_are_zero_and_join_is_pointwise_max") {
    VectorClock a, b;
    a.set(ThreadId(0), 3);
    b.set(ThreadId(2), 5);
    CHECK(a.get(ThreadId(7)) == 0);
    a.join(b);
    CHECK(a.to_string() == "[3, 0, 5]");
    CHECK(b.leq(a));
    CHECK_FALSE(a.leq(b));
}

TEST_CASE("tick_advances_only_the_own_component") {
    VectorClock a;
    a.tick(ThreadId(1));
    a.tick(ThreadId(1));
    CHECK(a.to_string() == "[0, 2]");
}

TEST_CASE("an_epoch_happens_before_a_clock_that_has_seen_it") {
    VectorClock v;
    v.set(ThreadId(1), 4);
    CHECK(Epoch{ThreadId(1), 4}.happens_before(v));
    CHECK_FALSE(Epoch{ThreadId(1), 5}.happens_before(v));
    CHECK_FALSE(Epoch{ThreadId(2), 1}.happens_before(v));
}

} // namespace rc
