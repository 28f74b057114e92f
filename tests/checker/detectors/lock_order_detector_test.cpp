// potential-deadlock: lock-order cycles across executions (Goodlock), even where no explored
// execution deadlocked.
#include "tests/checker/detectors/detector_test_util.hpp" // DetectorHarness

namespace rc::test {

namespace {
/// Two threads take `a` and `b` in the given orders; `sequential` runs them one after the
/// other (so no execution can deadlock); `gate` wraps both in a common lock `g`.
std::string two_orders(bool opposite, bool sequential, bool gate) {
    std::string g = gate ? "    with g:\n" : "";
    std::string in = gate ? "    " : "";
    std::string code = "import threading\n"
                       "a = threading.Lock()\n"
                       "b = threading.Lock()\n"
                       "g = threading.Lock()\n"
                       "def one():\n" +
                       g + in + "    with a:\n" + in + "        with b:\n" + in +
                       "            pass\n"
                       "def two():\n" +
                       g + in + "    with " + (opposite ? "b" : "a") + ":\n" + in +
                       "        with " + (opposite ? "a" : "b") + ":\n" + in +
                       "            pass\n"
                       "t1 = threading.Thread(target=one)\n"
                       "t2 = threading.Thread(target=two)\n";
    code += sequential ? "t1.start()\nt1.join()\nt2.start()\nt2.join()\n"
                       : "t1.start()\nt2.start()\nt1.join()\nt2.join()\n";
    return code;
}
} // namespace

TEST_CASE("opposite_lock_orders_in_executions_that_never_deadlock_are_a_potential_deadlock") {
    DetectorHarness h(two_orders(true, true, false));
    Observed o = h.explore(20);
    CHECK(o.kinds == std::set<std::string>{"potential-deadlock"});
    const Finding& f = o.first("potential-deadlock");
    CHECK(f.key == "potential-deadlock:`a` → `b` → `a`");
    CHECK(f.summary == "potential deadlock: `a` → `b` → `a`");
    REQUIRE(f.details.size() >= 2);
    CHECK(f.details[0] == "Thread-1 (one) holds `a` (line 6) and acquires `b` (line 7)");
    CHECK(f.details[1] == "Thread-2 (two) holds `b` (line 10) and acquires `a` (line 11)");
    CHECK(f.highlights.size() == 1);
}

TEST_CASE("a_lock_order_cycle_is_reported_once_per_search") {
    DetectorHarness h(two_orders(true, true, false));
    Observed o = h.explore(20);
    size_t n = 0;
    for (const Finding& f : o.findings) n += f.kind == FindingKind::PotentialDeadlock;
    CHECK(n == 1);
}

TEST_CASE("a_consistent_lock_order_is_no_finding") {
    DetectorHarness h(two_orders(false, false, false));
    CHECK(h.explore().kinds.empty());
}

TEST_CASE("a_common_gate_lock_prevents_the_cycle_from_deadlocking") {
    DetectorHarness h(two_orders(true, false, true));
    CHECK(h.explore().kinds.empty());
}

TEST_CASE("rlock_reentry_is_not_a_lock_order_edge") {
    DetectorHarness h(R"(
import threading
r = threading.RLock()
def f():
    with r:
        with r:
            pass
t1 = threading.Thread(target=f)
t2 = threading.Thread(target=f)
t1.start()
t2.start()
t1.join()
t2.join()
)");
    CHECK(h.explore(100).kinds.empty());
}

} // namespace rc::test
