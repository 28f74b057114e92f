// exception: uncaught exceptions that end a thread, keyed by type and line.
#include "tests/checker/detectors/detector_test_util.hpp" // DetectorHarness

namespace rc::test {

TEST_CASE("if_instead_of_while_lets_a_second_consumer_pop_from_an_empty_list") {
    DetectorHarness h(R"(
import threading
items = []
cond = threading.Condition()
def consumer():
    with cond:
        if not items:
            cond.wait()
        items.pop()
def producer():
    with cond:
        items.append(1)
        cond.notify_all()
c1 = threading.Thread(target=consumer)
c2 = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c1.start()
c2.start()
p.start()
p.join()
)");
    Observed o = h.explore();
    REQUIRE(o.keys.count("exception:IndexError:8"));
    const Finding& f = o.first("exception");
    CHECK(f.summary.find("IndexError in Thread-") == 0);
    CHECK(f.summary.find(" (consumer): pop from empty list") != std::string::npos);
    CHECK(f.highlights.size() == 1);
}

TEST_CASE("over_releasing_a_bounded_semaphore_raises_value_error") {
    DetectorHarness h(R"(
import threading
sem = threading.BoundedSemaphore(1)
def worker():
    with sem:
        pass
    sem.release()
t = threading.Thread(target=worker)
t.start()
t.join()
)");
    Observed o = h.explore(10);
    CHECK(o.kinds == std::set<std::string>{"exception"});
    CHECK(o.keys.count("exception:ValueError:6"));
    CHECK(o.first("exception").summary ==
          "ValueError in Thread-1 (worker): Semaphore released too many times");
}

} // namespace rc::test
