// How executions go wrong: uncaught exceptions (per thread), deadlocks and lost wakeups
// (RunStatus::Blocked), runaway loops (RunStatus::Diverged), and deep recursion on the
// iterative interpreter (RecursionError, never a C++ stack overflow).
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <string>  // messages
#include <variant> // get_if

#include "tests/model/runtime/interpreter_test_util.hpp" // Harness, Policy

using rc::RunStatus;
using rc::ThreadId;
using rc::ThreadStatus;
using rc::test::Harness;
using rc::test::Policy;
using rc::test::Run;

namespace {

uint32_t uncaught_line(const rc::State &s, uint32_t t) {
    const rc::Value v = s.threads[t].uncaught;
    if (!v.is_obj())
        return 0;
    auto *e = std::get_if<rc::ExceptionObj>(&s.heap[v.ref].data);
    return e ? e->line : 0;
}

} // namespace

TEST_CASE("uncaught_exception_ends_only_its_thread") {
    Harness h(R"(
import threading
def bad():
    raise ValueError("boom")
def good():
    print("good ran")
a = threading.Thread(target=bad)
b = threading.Thread(target=good)
a.start()
b.start()
a.join()
b.join()
print("main done")
)");
    for (uint64_t seed = 1; seed <= 10; ++seed) {
        Run r = h.run(Policy::random(seed));
        REQUIRE(r.status == RunStatus::Ended);
        CHECK(r.state.output == "good ran\nmain done\n");
        CHECK(h.uncaught_all(r.state) ==
              std::vector<std::string>{"Thread-1 (bad): ValueError: boom"});
        CHECK(r.state.threads[1].status == ThreadStatus::Finished);
        CHECK(uncaught_line(r.state, 1) == 3);
    }
}

TEST_CASE("notify_all_without_a_predicate_loop_lets_a_consumer_pop_from_an_empty_list") {
    Harness h(R"(
import threading
condition = threading.Condition()
items = []
def consumer():
    with condition:
        print("Waiting for item")
        condition.wait()
        print("Consumed:", items.pop())
def producer():
    with condition:
        items.append(100)
        print("Produced item")
        condition.notify_all()
c1 = threading.Thread(target=consumer)
c2 = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c1.start()
c2.start()
p.start()
)");
    // Lowest id first: both consumers wait, the producer adds one item and wakes both; the
    // second consumer to run pops from the empty list.
    Run r = h.run();
    CHECK(r.status == RunStatus::Ended);
    CHECK(r.state.output == "Waiting for item\nWaiting for item\nProduced item\nConsumed: 100\n");
    CHECK(h.uncaught(r.state, 1).empty());
    CHECK(h.uncaught(r.state, 2) == "IndexError: pop from empty list");
    CHECK(uncaught_line(r.state, 2) == 8);
    bool raised = false;
    for (const rc::Event &e : r.events)
        if (e.thread.value == 2 && e.raised && e.line == 8)
            raised = true;
    CHECK(raised);
}

TEST_CASE("tutorial_condition_example_hangs_when_the_producer_notifies_first") {
    std::string error;
    auto h = Harness::try_load("scenarios/condition_notify_items.yaml", &error);
    REQUIRE_MESSAGE(h, error);
    // MainThread binds `condition` and `items` and starts both threads; then the producer
    // (id 2) runs its whole `with` block before the consumer waits.
    Run r = h->run(Policy::scripted({0, 0, 0, 0, 2, 2, 2, 2, 2}));
    CHECK(r.script_followed);
    CHECK(r.status == RunStatus::Blocked);
    CHECK(r.state.output == "Produced item\nWaiting for item\n");
    CHECK(h->interp().describe_wait(r.state, ThreadId(1)) ==
          "waits on Condition `condition` for a notify that never comes");
}

TEST_CASE("main_thread_uncaught_exception_still_waits_for_non_daemon_threads") {
    Harness h(R"(
import threading
import time
def worker():
    time.sleep(1)
    print("worker done")
threading.Thread(target=worker).start()
raise ValueError("main fails")
)");
    Run r = h.run();
    CHECK(r.status == RunStatus::Ended);
    CHECK(r.state.output == "worker done\n");
    CHECK(h.uncaught(r.state, 0) == "ValueError: main fails");
    CHECK(uncaught_line(r.state, 0) == 7);
    REQUIRE_FALSE(r.events.empty());
    CHECK(r.events.back().kind == rc::OpKind::ProgramExit);
}

TEST_CASE("abba_locks_deadlock_under_a_scripted_schedule") {
    Harness h(R"(
import threading
a = threading.Lock()
b = threading.Lock()
def f1():
    with a:
        with b:
            pass
def f2():
    with b:
        with a:
            pass
t1 = threading.Thread(target=f1)
t2 = threading.Thread(target=f2)
t1.start()
t2.start()
t1.join()
t2.join()
)");
    // MainThread binds `a` and `b` and starts both threads; then each takes its first lock.
    Run r = h.run(Policy::scripted({0, 0, 0, 0, 1, 2}));
    CHECK(r.script_followed);
    CHECK(r.status == RunStatus::Blocked);
    CHECK(h.interp().describe_wait(r.state, ThreadId(1)) ==
          "waits to acquire Lock `b` held by Thread-2 (f2) since line 9");
    CHECK(h.interp().describe_wait(r.state, ThreadId(2)) ==
          "waits to acquire Lock `a` held by Thread-1 (f1) since line 5");
    CHECK(h.interp().describe_wait(r.state, ThreadId(0)) == "waits to join Thread-1 (f1)");
    // The other order of the first acquisitions ends normally.
    Run ok = h.run(Policy::scripted({0, 0, 0, 0, 1, 1, 1, 1}));
    CHECK(ok.status == RunStatus::Ended);
}

TEST_CASE("endless_loop_over_locals_diverges") {
    Harness h(R"(
x = 0
while x >= 0:
    x = (x + 1) % 10
)",
              {{}, {}, {}, rc::Limits{1000, 10'000}});
    Run r = h.run();
    CHECK(r.status == RunStatus::Diverged);
    CHECK(r.state.threads[0].status == ThreadStatus::Diverged);
    CHECK(r.state.threads[0].diverged_line >= 2);
    CHECK(r.state.threads[0].diverged_line <= 3);
}

TEST_CASE("busy_thread_without_visible_operations_diverges") {
    Harness h(R"(
import threading
def busy():
    while True:
        x = 1
t = threading.Thread(target=busy)
t.start()
t.join()
)",
              {{}, {}, {}, rc::Limits{1000, 10'000}});
    Run r = h.run();
    CHECK(r.status == RunStatus::Diverged);
    CHECK(r.state.threads[1].status == ThreadStatus::Diverged);
    CHECK(r.state.threads[1].diverged_line >= 3);
    CHECK(r.state.threads[1].diverged_line <= 4);
}

TEST_CASE("a_local_loop_that_never_repeats_a_state_is_stopped_at_a_limit_not_diverged") {
    // `x` grows: no state of the thread repeats, so nothing proves that the loop never ends.
    Harness h(R"(
x = 0
while x >= 0:
    x += 1
)",
              {{}, {}, {}, rc::Limits{1000, 10'000, 200'000}});
    Run r = h.run();
    CHECK(r.status == RunStatus::Limit);
    CHECK(r.state.limit.kind == rc::LimitHit::Kind::Instructions);
    CHECK(r.state.limit.limit == 200'000);
    CHECK(r.state.threads[0].status == ThreadStatus::Running);
    CHECK(h.interp().describe_limit(r.state) ==
          "MainThread ran 200000 instructions without a visible operation at line " +
              std::to_string(r.state.limit.line) + ", and no state of it repeated");
    CHECK(r.state.limit.line >= 2);
    CHECK(r.state.limit.line <= 3);
}

TEST_CASE("local_work_longer_than_the_budget_ends_when_it_ends") {
    // Past max_local_instructions the thread runs on; a computation that ends is not a loop.
    Harness h(R"(
total = 0
for i in range(20000):
    total += i * i
print(total)
)",
              {{}, {}, {}, rc::Limits{1000, 10'000, 10'000'000}});
    Run r = h.run();
    CHECK(r.status == RunStatus::Ended);
    CHECK(r.state.output == "2666466670000\n");
}

TEST_CASE("a_loop_on_the_clock_or_on_random_is_no_repeated_state") {
    // The state repeats but for the thread's clock (or the random generator): the loop ends.
    Harness clock(R"(
import time
t0 = time.monotonic()
while time.monotonic() < t0 + 0.01:
    pass
print("done")
)",
                  {{}, {}, {}, rc::Limits{1000, 10'000, 10'000'000}});
    Run c = clock.run();
    CHECK(c.status == RunStatus::Ended);
    CHECK(c.state.output == "done\n");
    Harness random(R"(
import random
while random.random() < 0.999:
    pass
print("done")
)",
                   {{}, {}, {}, rc::Limits{1000, 1'000, 10'000'000}});
    Run g = random.run();
    CHECK(g.status == RunStatus::Ended);
    CHECK(g.state.output == "done\n");
}

TEST_CASE("recursion_past_the_frame_limit_raises_recursion_error_without_stack_overflow") {
    const char *code = R"(
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
try:
    print(depth(N))
except RecursionError as e:
    print("RecursionError:", e)
)";
    // 5000 frames fit under a 10000-frame limit: the interpreter keeps frames in State, so the
    // C++ stack does not grow with Python recursion.
    rc::Limits deep{10'000, 2'000'000};
    CHECK(Harness(code, {{{"N", 5000}}, {}, {}, deep}).run().state.output == "5000\n");
    CHECK(Harness(code, {{{"N", 50000}}, {}, {}, deep}).run().state.output ==
          "RecursionError: maximum recursion depth exceeded\n");
    // CPython's default limit of 1000 frames.
    CHECK(Harness(code, {{{"N", 5000}}, {}, {}, {}}).run().state.output ==
          "RecursionError: maximum recursion depth exceeded\n");
}

TEST_CASE("uncaught_recursion_error_is_recorded_on_its_thread") {
    Harness h(R"(
def down(n):
    return down(n + 1)
down(0)
)");
    Run r = h.run();
    CHECK(r.status == RunStatus::Ended);
    CHECK(h.uncaught(r.state, 0) == "RecursionError: maximum recursion depth exceeded");
}
