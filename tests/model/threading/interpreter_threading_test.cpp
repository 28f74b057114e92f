// Threads, Lock, RLock and Condition on virtual threads, CPython-exact: names, daemon rule,
// joins with timeouts, mutual exclusion, and every error message. Semaphores, events, barriers,
// queues, locals, pools and time are in interpreter_sync_test.cpp.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <cstdint> // uint64_t

#include "tests/model/runtime/interpreter_test_util.hpp" // Harness, Policy, output_of

using rc::RunStatus;
using rc::test::Harness;
using rc::test::output_of;
using rc::test::Policy;
using rc::test::Run;

TEST_CASE("thread_names_follow_cpython_counter_only_for_unnamed_threads") {
    CHECK(output_of(R"(
import threading
def worker():
    print(threading.current_thread().name)
t1 = threading.Thread(target=worker)
t2 = threading.Thread(target=worker, name="custom")
t3 = threading.Thread(target=worker)
print(threading.current_thread().name, t1.name, t2.name, t3.name, sep="|")
for t in [t1, t2, t3]:
    t.start()
    t.join()
)") == "MainThread|Thread-1 (worker)|custom|Thread-2 (worker)\n"
       "Thread-1 (worker)\ncustom\nThread-2 (worker)\n");
}

TEST_CASE("daemon_flag_is_inherited_from_the_creating_thread") {
    CHECK(output_of(R"(
import threading
def inner():
    pass
def outer():
    t = threading.Thread(target=inner)
    print("child daemon", t.daemon)
print(threading.current_thread().daemon)
a = threading.Thread(target=outer, daemon=True)
b = threading.Thread(target=outer)
b.daemon = True
c = threading.Thread(target=outer)
for t in [a, b, c]:
    t.start()
    t.join()
)") == "False\nchild daemon True\nchild daemon True\nchild daemon False\n");
}

TEST_CASE("daemon_thread_in_an_endless_loop_does_not_keep_the_program_alive") {
    Harness h(R"(
import threading
import time
def spin():
    while True:
        time.sleep(1)
threading.Thread(target=spin, daemon=True).start()
print("main done")
)");
    for (uint64_t seed = 1; seed <= 5; ++seed) {
        Run r = h.run(Policy::random(seed), 10'000);
        CHECK(r.status == RunStatus::Ended);
        CHECK(r.state.output == "main done\n");
    }
}

TEST_CASE("non_daemon_thread_in_an_endless_loop_keeps_the_program_alive") {
    Harness h(R"(
import threading
import time
def spin():
    while True:
        time.sleep(1)
threading.Thread(target=spin).start()
print("main done")
)");
    Run r = h.run(Policy::lowest(), 500);
    CHECK(r.step_limit_hit);
    CHECK(r.status == RunStatus::Running);
    CHECK(r.state.output == "main done\n");
    CHECK(r.state.threads[0].pending.kind == rc::OpKind::ProgramExit);
    CHECK_FALSE(h.interp().is_enabled(r.state, rc::ThreadId(0)));
}

TEST_CASE("join_with_timeout_times_out_while_the_thread_is_blocked") {
    Harness h(R"(
import threading
ev = threading.Event()
def worker():
    ev.wait()
t = threading.Thread(target=worker)
print(t.is_alive())
t.start()
t.join(timeout=0.5)
print(t.is_alive())
ev.set()
t.join()
print(t.is_alive())
)");
    Run r = h.run();
    CHECK(r.status == RunStatus::Ended);
    CHECK(r.state.output == "False\nTrue\nFalse\n");
    bool timed_join = false;
    for (const rc::Event &e : r.events)
        if (e.kind == rc::OpKind::ThreadJoin && e.timed_out)
            timed_join = true;
    CHECK(timed_join);
}

TEST_CASE("lock_gives_mutual_exclusion_on_every_schedule") {
    Harness h(R"(
import threading
lock = threading.Lock()
counter = 0
def worker():
    global counter
    for _ in range(ITERATIONS):
        with lock:
            counter += 1
threads = [threading.Thread(target=worker) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)",
              {{{"THREADS", 3}, {"ITERATIONS", 3}}, {}, {}, {}});
    for (uint64_t seed = 1; seed <= 40; ++seed) {
        Run r = h.run(Policy::random(seed));
        REQUIRE(r.status == RunStatus::Ended);
        CHECK(h.global_int(r.state, "counter") == 9);
    }
}

TEST_CASE("unsafe_counter_loses_updates_on_some_schedule") {
    Harness h(R"(
import threading
counter = 0
def worker():
    global counter
    for _ in range(2):
        counter += 1
threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)");
    bool lost = false;
    for (uint64_t seed = 1; seed <= 40 && !lost; ++seed)
        lost = h.global_int(h.run(Policy::random(seed)).state, "counter") < 4;
    CHECK(lost);
}

TEST_CASE("releasing_an_unlocked_lock_raises_runtime_error") {
    CHECK(output_of(R"(
import threading
lock = threading.Lock()
try:
    lock.release()
except RuntimeError as e:
    print(e)
)") == "release unlocked lock\n");
}

TEST_CASE("nonblocking_and_timed_acquire_of_a_held_lock_return_false") {
    Harness h(R"(
import threading
lock = threading.Lock()
lock.acquire()
def worker():
    print(lock.acquire(blocking=False))
    print(lock.acquire(timeout=0.1))
    print(lock.locked())
t = threading.Thread(target=worker)
t.start()
t.join()
lock.release()
print(lock.acquire(False), lock.locked())
)");
    Run r = h.run();
    CHECK(r.status == RunStatus::Ended);
    CHECK(r.state.output == "False\nFalse\nTrue\nTrue True\n");
}

TEST_CASE("rlock_is_reentrant_and_refuses_release_by_a_non_owner") {
    CHECK(output_of(R"(
import threading
r = threading.RLock()
with r:
    with r:
        print("nested")
def other():
    try:
        r.release()
    except RuntimeError as e:
        print(e)
r.acquire()
t = threading.Thread(target=other)
t.start()
t.join()
r.release()
try:
    r.release()
except RuntimeError as e:
    print(e)
)") == "nested\ncannot release un-acquired lock\ncannot release un-acquired lock\n");
}

TEST_CASE("condition_wait_releases_the_lock_for_other_threads") {
    Harness h(R"(
import threading
cond = threading.Condition()
ready = False
def consumer():
    with cond:
        while not ready:
            print("waiting")
            cond.wait()
        print("consumed")
def producer():
    global ready
    with cond:
        ready = True
        print("produced")
        cond.notify()
c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
c.join()
p.join()
)");
    // The lowest-id policy runs the consumer into wait() first; the producer can only enter
    // `with cond:` because wait() released the lock.
    Run r = h.run();
    CHECK(r.status == RunStatus::Ended);
    CHECK(r.state.output == "waiting\nproduced\nconsumed\n");
    for (uint64_t seed = 1; seed <= 20; ++seed) {
        Run rr = h.run(Policy::random(seed));
        CHECK(rr.status == RunStatus::Ended);
    }
}

namespace {
// Three waiters record the order in which they waited and woke; main wakes them one at a
// time with notify() (or all at once with notify_all()).
const char *const kNotifyOrder = R"(
import threading
cond = threading.Condition()
waited = []
woke = []
def waiter(n):
    with cond:
        waited.append(n)
        cond.wait()
        woke.append(n)
threads = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
while True:
    with cond:
        if len(waited) == 3:
            break
if ALL:
    with cond:
        cond.notify_all()
else:
    for k in range(3):
        with cond:
            cond.notify()
        while True:
            with cond:
                if len(woke) == k + 1:
                    break
for t in threads:
    t.join()
)";
} // namespace

TEST_CASE("condition_notify_wakes_one_waiter_in_fifo_order") {
    Harness h(kNotifyOrder, {{{"ALL", 0}}, {}, {}, {}});
    for (uint64_t seed = 1; seed <= 10; ++seed) {
        Run r = h.run(Policy::random(seed), 100'000);
        REQUIRE(r.status == RunStatus::Ended);
        CHECK(h.global_repr(r.state, "woke") == h.global_repr(r.state, "waited"));
    }
}

TEST_CASE("condition_notify_all_wakes_every_waiter") {
    Harness h(kNotifyOrder, {{{"ALL", 1}}, {}, {}, {}});
    for (uint64_t seed = 1; seed <= 10; ++seed) {
        Run r = h.run(Policy::random(seed), 100'000);
        REQUIRE(r.status == RunStatus::Ended);
        CHECK(h.interp().repr(r.state, h.global(r.state, "woke")).size() == 9); // "[a, b, c]"
    }
}

TEST_CASE("condition_wait_and_notify_without_the_lock_raise_runtime_error") {
    CHECK(output_of(R"(
import threading
cond = threading.Condition()
try:
    cond.wait()
except RuntimeError as e:
    print(e)
try:
    cond.notify()
except RuntimeError as e:
    print(e)
try:
    cond.notify_all()
except RuntimeError as e:
    print(e)
)") == "cannot wait on un-acquired lock\ncannot notify on un-acquired lock\n"
       "cannot notify on un-acquired lock\n");
}

TEST_CASE("condition_wait_with_timeout_returns_false_when_nobody_notifies") {
    Harness h(R"(
import threading
cond = threading.Condition(threading.Lock())
with cond:
    print(cond.wait(timeout=0.1))
    print(cond.wait(0.1))
)");
    Run r = h.run();
    CHECK(r.status == RunStatus::Ended);
    CHECK(r.state.output == "False\nFalse\n");
}

TEST_CASE("condition_wait_for_loops_until_the_predicate_holds") {
    Harness h(R"(
import threading
cond = threading.Condition()
items = []
def has_two():
    return len(items) >= 2
def consumer():
    with cond:
        print(cond.wait_for(has_two))
        print(items)
def producer():
    for i in range(2):
        with cond:
            items.append(i)
            cond.notify()
c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
c.join()
p.join()
)");
    for (uint64_t seed = 1; seed <= 20; ++seed) {
        Run r = h.run(Policy::random(seed));
        REQUIRE(r.status == RunStatus::Ended);
        CHECK(r.state.output == "True\n[0, 1]\n");
    }
}
