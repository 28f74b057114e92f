// State::live_threads: the threads not finished, in id order, which is all scheduling looks at,
// so that a step costs time in the live threads and not in every thread ever started.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include "tests/model/runtime/interpreter_test_util.hpp" // Harness

namespace {

/// The invariant, checked against the thread table.
void check_live_index(const rc::State& s) {
    std::vector<rc::ThreadId> expected;
    for (const rc::ThreadState& t : s.threads)
        if (t.status != rc::ThreadStatus::Finished) expected.push_back(t.id);
    CHECK(s.live_threads == expected);
}

} // namespace

TEST_CASE("live_threads_holds_exactly_the_unfinished_threads_at_every_step") {
    rc::test::Harness h(R"(
import threading
ev = threading.Event()
def work():
    pass
def wait():
    ev.wait()
waiters = []
for i in range(5):
    t = threading.Thread(target=wait)
    t.start()
    waiters.append(t)
for i in range(200):
    t = threading.Thread(target=work)
    t.start()
    t.join()
ev.set()
for t in waiters:
    t.join()
print("done")
)");
    rc::State s = h.initial();
    std::vector<rc::ThreadId> ready;
    size_t most = 0;
    for (int step = 0; step < 100000; ++step) {
        check_live_index(s);
        most = std::max(most, s.live_threads.size());
        h.interp().schedulable(s, ready);
        if (ready.empty()) break;
        h.interp().step(s, ready.back(), false); // the newest thread first
    }
    CHECK(s.output == "done\n");
    CHECK(s.threads.size() == 206);
    CHECK(most <= 7); // MainThread, 5 waiters and the one worker alive at a time
    CHECK(s.live_threads.empty());
}
