// check-failed: final checks, always-invariants and assertions, with the values involved.
#include "tests/checker/detectors/detector_test_util.hpp" // DetectorHarness

namespace rc::test {

TEST_CASE("a_failed_final_check_lists_the_globals_it_reads") {
    DetectorHarness h(
        R"(
import threading
counter = 0
def worker():
    global counter
    for _ in range(ITERATIONS):
        counter += 1
threads = [threading.Thread(target=worker) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)",
        {{"counter == THREADS * ITERATIONS"}, {}, {{"THREADS", 2}, {"ITERATIONS", 2}}});
    Observed o = h.explore();
    REQUIRE(o.keys.count("check-failed:final:0"));
    const Finding& f = o.first("check-failed");
    CHECK(f.summary == "final check failed: counter == THREADS * ITERATIONS");
    // An equality of a global with a number says by how much it missed.
    REQUIRE(f.details.size() == 1);
    CHECK(f.details[0].rfind("counter ended at ", 0) == 0);
    CHECK(f.details[0].find(" (expected 4)") != std::string::npos);
    CHECK(f.variables == std::vector<std::string>{"`counter`", "`THREADS`", "`ITERATIONS`"});
}

TEST_CASE("a_failed_final_check_that_is_not_an_equality_lists_the_globals_it_reads") {
    DetectorHarness h(
        R"(
import threading
counter = 0
def worker():
    global counter
    for _ in range(ITERATIONS):
        counter += 1
threads = [threading.Thread(target=worker) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)",
        {{"counter >= THREADS * ITERATIONS"}, {}, {{"THREADS", 2}, {"ITERATIONS", 2}}});
    Observed o = h.explore();
    const Finding& f = o.first("check-failed");
    bool listed = false;
    for (const std::string& d : f.details)
        listed = listed || (d.find("counter is ") == 0 &&
                            d.find(", THREADS is 2, ITERATIONS is 2") != std::string::npos);
    CHECK(listed);
}

TEST_CASE("a_failed_equality_with_a_literal_says_by_how_much_with_digit_groups") {
    DetectorHarness h(
        R"(
import threading
counter = 0
def worker():
    global counter
    for _ in range(10):
        counter += 1
t = threading.Thread(target=worker)
t.start()
t.join()
)",
        {{"counter == 10 * (2 + 1) // 1 + 1_000"}, {}, {}});
    Observed o = h.explore(10);
    const Finding& f = o.first("check-failed");
    CHECK(f.details == std::vector<std::string>{"counter ended at 10 (expected 1,030)"});
}

TEST_CASE("a_failed_check_on_a_class_attribute_shows_the_attribute") {
    // A class says little by itself (<class '__main__.Bank'>): the check's details and the
    // witnesses show the attribute the check reads, and outcomes tell its values apart.
    const char* code = R"(
import threading
class Bank:
    total = 0
    lock = threading.Lock()
    def deposit(self, n):
        Bank.total += n
def worker(n):
    Bank().deposit(n)
threads = [threading.Thread(target=worker, args=(n,)) for n in (100, 200)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)";
    DetectorHarness h(code, {{"Bank.total == 300"}, {}, {}});
    Observed o = h.explore();
    const Finding& f = o.first("check-failed");
    REQUIRE(f.details.size() == 1);
    CHECK((f.details[0] == "Bank.total ended at 100 (expected 300)" ||
           f.details[0] == "Bank.total ended at 200 (expected 300)"));
    DetectorHarness g(code, {{"Bank.total > 300"}, {}, {}});
    const Observed og = g.explore();
    const Finding& h2 = og.first("check-failed");
    bool shown = false;
    for (const std::string& d : h2.details) shown = shown || d.rfind("Bank.total is ", 0) == 0;
    CHECK_MESSAGE(shown, h2.details.front());
}

TEST_CASE("an_uncaught_assertion_error_is_a_failed_check_not_an_exception") {
    DetectorHarness h(R"(
import threading
def worker():
    x = 1
    assert x == 2, "x must be 2"
t = threading.Thread(target=worker)
t.start()
t.join()
)");
    Observed o = h.explore(10);
    CHECK(o.kinds == std::set<std::string>{"check-failed"});
    CHECK(o.keys.count("check-failed:assert:4"));
    const Finding& f = o.first("check-failed");
    CHECK(f.summary == "assertion failed in Thread-1 (worker) (line 4)");
    CHECK(f.details == std::vector<std::string>{"AssertionError: x must be 2"});
}

TEST_CASE("an_invariant_broken_in_the_middle_of_a_run_is_a_failed_check") {
    DetectorHarness h(R"(
import threading
balance = 100
lock = threading.Lock()
def transfer():
    global balance
    with lock:
        balance = balance - 10
        balance = balance + 10
t = threading.Thread(target=transfer)
t.start()
t.join()
)",
                      {{"balance == 100"}, {"balance == 100"}, {}});
    Observed o = h.explore(10);
    CHECK(o.kinds == std::set<std::string>{"check-failed"});
    CHECK(o.keys == std::set<std::string>{"check-failed:always:0"});
    const Finding& f = o.first("check-failed");
    CHECK(f.summary.find("invariant broken: balance == 100 (after step ") == 0);
    CHECK(f.highlights.size() == 1);
}

TEST_CASE("an_invariant_over_globals_not_assigned_yet_does_not_apply") {
    DetectorHarness h(R"(
import threading
a = 4
b = 6
def worker():
    global a, b
    a = 5
    b = 5
t = threading.Thread(target=worker)
t.start()
t.join()
)",
                      {{}, {"a + b == 10"}, {}});
    Observed o = h.explore(20);
    CHECK(o.keys == std::set<std::string>{"check-failed:always:0"}); // between a = 5 and b = 5
    const Finding& f = o.first("check-failed");
    CHECK(f.details.front() == "it evaluates to False");
}

TEST_CASE("a_check_cut_by_the_instruction_budget_is_no_verdict_never_a_failed_check") {
    // The final check calls a function that loops over locals far past the 2,000,000
    // instructions a check may run: that is a cut of racecheck's, not a verdict on the program.
    DetectorHarness h(
        R"(
total = 3
def slow():
    n = 0
    for i in range(10 ** 7):
        n += 1
    return n
)",
        {{"slow() > total"}, {}, {}});
    Observed o = h.explore(1);
    CHECK(o.findings.empty());
    REQUIRE(o.refusals.size() == 1);
    CHECK(o.refusals[0].what ==
          "the check ran 2000000 instructions without returning (check `slow() > total`)");
}

TEST_CASE("checks_that_hold_report_nothing") {
    DetectorHarness h(R"(
import threading
done = False
def worker():
    global done
    done = True
t = threading.Thread(target=worker)
t.start()
t.join()
)",
                      {{"done"}, {"done or not done"}, {}});
    CHECK(h.explore(20).kinds.empty());
}

} // namespace rc::test
