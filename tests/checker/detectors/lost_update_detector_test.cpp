// lost-update: a write computed from a stale read overwrites another thread's write.
#include "tests/checker/detectors/detector_test_util.hpp" // DetectorHarness

namespace rc::test {

namespace {
const char* const kIncrement = R"(
import threading
counter = 0
def worker():
    global counter
    counter += 1
t1 = threading.Thread(target=worker)
t2 = threading.Thread(target=worker)
t1.start()
t2.start()
t1.join()
t2.join()
)";
} // namespace

TEST_CASE("a_preempted_increment_loses_the_other_threads_update") {
    DetectorHarness h(kIncrement);
    // main: counter = 0, start, start; T1 reads; T2 reads and writes; T1 writes.
    Observed o = h.run({0, 0, 0, 1, 2, 2, 1});
    REQUIRE(o.has("lost-update"));
    const Finding& f = o.first("lost-update");
    CHECK(f.key == "lost-update:counter:5:5");
    CHECK(f.summary == "lost update on `counter`");
    REQUIRE(f.highlights.size() == 3);
    CHECK(f.highlights[0].step == 4);
    CHECK(f.highlights[0].note == "read counter → 0");
    CHECK(f.highlights[1].step == 6);
    CHECK(f.highlights[1].note == "write by Thread-2 (worker): counter = 1");
    CHECK(f.highlights[2].step == 7);
    CHECK(f.highlights[2].note == "← overwrites Thread-2 (worker)'s write");
}

TEST_CASE("increments_that_do_not_overlap_lose_nothing") {
    DetectorHarness h(kIncrement);
    Observed o = h.run({0, 0, 0, 1, 1, 2, 2});
    CHECK_FALSE(o.has("lost-update"));
    CHECK(o.has("data-race")); // still unordered: only luck kept the update
}

} // namespace rc::test
