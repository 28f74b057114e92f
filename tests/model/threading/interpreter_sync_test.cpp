// Semaphore, BoundedSemaphore, Event, Barrier, Queue, threading.local, ThreadPoolExecutor and
// virtual time on virtual threads, CPython-exact. Threads, locks and conditions are in
// interpreter_threading_test.cpp.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <algorithm> // max
#include <cstdint>   // uint64_t, int64_t

#include "tests/model/runtime/interpreter_test_util.hpp" // Harness, Policy, output_of

using rc::RunStatus;
using rc::test::Harness;
using rc::test::output_of;
using rc::test::Policy;
using rc::test::Run;

TEST_CASE("semaphore_limits_concurrency_on_every_schedule") {
    Harness h(R"(
import threading
import time
sem = threading.Semaphore(2)
lock = threading.Lock()
active = 0
peak = 0
def worker():
    global active, peak
    with sem:
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.1)
        with lock:
            active -= 1
threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)",
              {{}, {"active == 0"}, {"active <= 2"}, {}});
    bool reached_two = false;
    for (uint64_t seed = 1; seed <= 30; ++seed) {
        Run r = h.run(Policy::random(seed));
        REQUIRE(r.status == RunStatus::Ended);
        CHECK_MESSAGE(!r.always_failed_at,
                      "step " << r.always_failed_at.value_or(0) << ": " << r.always_failure);
        CHECK(h.global_int(r.state, "peak") <= 2);
        if (h.global_int(r.state, "peak") == 2)
            reached_two = true;
    }
    CHECK(reached_two);
}

TEST_CASE("always_check_catches_a_semaphore_that_admits_too_many") {
    Harness h(R"(
import threading
import time
sem = threading.Semaphore(3)
lock = threading.Lock()
active = 0
def worker():
    global active
    with sem:
        with lock:
            active += 1
        time.sleep(0.1)
        with lock:
            active -= 1
threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)",
              {{}, {}, {"active <= 2"}, {}});
    bool caught = false;
    for (uint64_t seed = 1; seed <= 30 && !caught; ++seed)
        caught = h.run(Policy::random(seed)).always_failed_at.has_value();
    CHECK(caught);
}

TEST_CASE("bounded_semaphore_over_release_raises_value_error") {
    CHECK(output_of(R"(
import threading
s = threading.BoundedSemaphore(1)
s.acquire()
s.release()
try:
    s.release()
except ValueError as e:
    print(e)
u = threading.Semaphore(1)
u.release()
print(u.acquire(blocking=False), u.acquire(blocking=False), u.acquire(blocking=False))
)") == "Semaphore released too many times\nTrue True False\n");
}

TEST_CASE("event_set_clear_is_set_and_timed_wait") {
    Harness h(R"(
import threading
ev = threading.Event()
print(ev.is_set())
ev.set()
print(ev.is_set(), ev.wait())
ev.clear()
print(ev.is_set(), ev.wait(timeout=0.1), ev.wait(0.2))
)");
    Run r = h.run();
    CHECK(r.status == RunStatus::Ended);
    CHECK(r.state.output == "False\nTrue True\nFalse False False\n");
}

TEST_CASE("barrier_releases_both_parties_with_indices_zero_and_one") {
    Harness h(R"(
import threading
bar = threading.Barrier(2)
got = []
def worker():
    got.append(bar.wait())
threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(got))
)");
    for (uint64_t seed = 1; seed <= 10; ++seed) {
        Run r = h.run(Policy::random(seed));
        REQUIRE(r.status == RunStatus::Ended);
        CHECK(r.state.output == "[0, 1]\n");
    }
}

TEST_CASE("queue_is_fifo_and_reports_its_size") {
    CHECK(output_of(R"(
import queue
q = queue.Queue()
for i in [3, 1, 2]:
    q.put(i)
print(q.qsize(), q.empty(), q.full())
print(q.get(), q.get(), q.get(), q.empty())
)") == "3 False False\n3 1 2 True\n");
}

TEST_CASE("queue_with_maxsize_blocks_put_until_a_get") {
    Harness h(R"(
import threading
import queue
q = queue.Queue(maxsize=1)
def producer():
    for i in range(3):
        q.put(i)
        print("put", i)
t = threading.Thread(target=producer)
t.start()
for _ in range(3):
    print("got", q.get())
t.join()
)");
    // Lowest id first: main blocks on the empty queue; each put enables main's get, which runs
    // (and prints) before the producer's print.
    Run r = h.run();
    CHECK(r.status == RunStatus::Ended);
    CHECK(r.state.output == "got 0\nput 0\ngot 1\nput 1\ngot 2\nput 2\n");
    for (uint64_t seed = 1; seed <= 20; ++seed) {
        Run rr = h.run(Policy::random(seed));
        REQUIRE(rr.status == RunStatus::Ended);
        int64_t in_queue = 0, most = 0;
        for (const rc::Event &e : rr.events) {
            if (e.kind == rc::OpKind::QueuePut)
                most = std::max(most, ++in_queue);
            if (e.kind == rc::OpKind::QueueGet)
                --in_queue;
        }
        CHECK(most == 1);
    }
}

TEST_CASE("nowait_operations_raise_queue_empty_and_queue_full") {
    CHECK(output_of(R"(
import queue
q = queue.Queue(1)
try:
    q.get_nowait()
except queue.Empty:
    print("empty")
q.put_nowait("a")
try:
    q.put_nowait("b")
except queue.Full:
    print("full")
try:
    q.get(block=False)
    q.get(timeout=0.1)
except queue.Empty:
    print("empty after timeout")
)") == "empty\nfull\nempty after timeout\n");
}

TEST_CASE("task_done_called_too_many_times_raises_value_error") {
    CHECK(output_of(R"(
import queue
q = queue.Queue()
q.put(1)
q.get()
q.task_done()
try:
    q.task_done()
except ValueError as e:
    print(e)
)") == "task_done() called too many times\n");
}

TEST_CASE("queue_join_waits_for_every_task_done") {
    Harness h(R"(
import threading
import queue
q = queue.Queue()
def worker():
    while True:
        item = q.get()
        print("processed", item)
        q.task_done()
threading.Thread(target=worker, daemon=True).start()
for i in range(2):
    q.put(i)
q.join()
print("joined")
)");
    for (uint64_t seed = 1; seed <= 20; ++seed) {
        Run r = h.run(Policy::random(seed));
        REQUIRE(r.status == RunStatus::Ended);
        CHECK(r.state.output == "processed 0\nprocessed 1\njoined\n");
    }
}

TEST_CASE("thread_local_attributes_are_per_thread") {
    Harness h(R"(
import threading
import time
data = threading.local()
def worker(n):
    data.x = n
    time.sleep(0.1)
    print(threading.current_thread().name, data.x)
    try:
        print(data.y)
    except AttributeError as e:
        print(e)
data.x = "main"
data.y = "main only"
threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(data.x, data.y)
)");
    Run r = h.run(); // each thread runs on while it can: whole lines (print is several writes)
    REQUIRE(r.status == RunStatus::Ended);
    CHECK(r.state.output == "Thread-1 (worker) 0\n'_thread._local' object has no attribute 'y'\n"
                            "Thread-2 (worker) 1\n'_thread._local' object has no attribute 'y'\n"
                            "main main only\n");
}

TEST_CASE("thread_pool_submit_result_and_map_preserve_order") {
    Harness h(R"(
from concurrent.futures import ThreadPoolExecutor
import threading
def square(x):
    return x * x
def name(_):
    return threading.current_thread().name
with ThreadPoolExecutor(max_workers=2) as ex:
    f = ex.submit(square, 7)
    print(f.result())
    print(list(ex.map(square, [1, 2, 3, 4])))
    names = sorted(ex.map(name, range(4)))
print(f.done(), names[0])
)");
    for (uint64_t seed = 1; seed <= 10; ++seed) {
        Run r = h.run(Policy::random(seed));
        REQUIRE(r.status == RunStatus::Ended);
        CHECK(r.state.output == "49\n[1, 4, 9, 16]\nTrue ThreadPoolExecutor-0_0\n");
    }
}

TEST_CASE("a_dropped_map_iterator_cancels_the_calls_no_worker_started") {
    // CPython 3.12's Executor.map returns a generator whose finally cancels the futures it has
    // not yielded; reference counting runs it the moment the iterator is dropped. Lowest-thread
    // policy: MainThread runs whenever it can, so the worker has started nothing past result 1.
    // The output of the program (after `work`, a call that prints), run to its end.
    auto output = [](const char* program) {
        Harness h(std::string(R"(
from concurrent.futures import ThreadPoolExecutor
def work(n):
    print("run", n)
    return n
)") + program);
        Run r = h.run();
        REQUIRE(r.status == RunStatus::Ended);
        return r.state.output;
    };
    SUBCASE("a for loop left with break") {
        CHECK(output(R"(
with ThreadPoolExecutor(max_workers=1) as ex:
    for r in ex.map(work, range(4)):
        print("got", r)
        if r == 1:
            break
print("done")
)") == "run 0\ngot 0\nrun 1\ngot 1\ndone\n");
    }
    SUBCASE("a function returning with the iterator in a local") {
        CHECK(output(R"(
def first(ex):
    it = ex.map(work, range(4))
    return next(it)
with ThreadPoolExecutor(max_workers=1) as ex:
    print("first", first(ex))
print("done")
)") == "run 0\nfirst 0\ndone\n");
    }
    SUBCASE("an iterator never iterated cancels nothing: its try was never entered") {
        CHECK(output(R"(
with ThreadPoolExecutor(max_workers=1) as ex:
    ex.map(work, range(3))
    print("submitted")
print("done")
)") == "submitted\nrun 0\nrun 1\nrun 2\ndone\n");
    }
    SUBCASE("an iterator a global still refers to is not dropped") {
        CHECK(output(R"(
with ThreadPoolExecutor(max_workers=1) as ex:
    it = ex.map(work, range(4))
    for r in it:
        print("got", r)
        if r == 1:
            break
print("done")
)") == "run 0\ngot 0\nrun 1\ngot 1\nrun 2\nrun 3\ndone\n");
    }
    SUBCASE("only the iterator's own calls are cancelled, not other futures of the pool") {
        CHECK(output(R"(
import threading
ev = threading.Event()
def slow(n):
    if n == 1:
        ev.wait()
    return n
with ThreadPoolExecutor(max_workers=2) as ex:
    fs = [ex.submit(slow, n) for n in range(2)]
    for r in ex.map(work, range(3)):
        break
    ev.set()
print([f.result() for f in fs], "done")
)") == "run 0\n[0, 1] done\n");
    }
}

TEST_CASE("thread_pool_with_block_waits_for_its_tasks_and_as_completed_yields_all") {
    Harness h(R"(
from concurrent.futures import ThreadPoolExecutor, as_completed
results = []
def work(x):
    results.append(x)
    return x
with ThreadPoolExecutor(max_workers=3) as ex:
    futures = [ex.submit(work, i) for i in range(4)]
    print(len(results) <= 4)
print(sorted(results))
with ThreadPoolExecutor(max_workers=2) as ex:
    futures = [ex.submit(work, i) for i in range(4)]
    print(sorted(f.result() for f in as_completed(futures)))
)");
    for (uint64_t seed = 1; seed <= 10; ++seed) {
        Run r = h.run(Policy::random(seed));
        REQUIRE(r.status == RunStatus::Ended);
        CHECK(r.state.output == "True\n[0, 1, 2, 3]\n[0, 1, 2, 3]\n");
    }
}

TEST_CASE("future_result_with_timeout_raises_timeout_error_on_the_timeout_branch") {
    Harness h(R"(
from concurrent.futures import ThreadPoolExecutor
import threading
ev = threading.Event()
def slow():
    ev.wait()
    return "late"
with ThreadPoolExecutor() as ex:
    f = ex.submit(slow)
    try:
        f.result(timeout=0.5)
    except TimeoutError:
        print("timed out")
    ev.set()
    print(f.result())
)");
    Run r = h.run();
    CHECK(r.status == RunStatus::Ended);
    CHECK(r.state.output == "timed out\nlate\n");
}

TEST_CASE("exception_in_a_pool_task_is_reraised_by_result") {
    CHECK(output_of(R"(
from concurrent.futures import ThreadPoolExecutor
def fail(x):
    raise ValueError(f"bad {x}")
with ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(fail, 3)
    try:
        f.result()
    except ValueError as e:
        print("caught", e)
    print(f.exception())
)") == "caught bad 3\nbad 3\n");
}

TEST_CASE("virtual_time_advances_by_the_sleep_and_is_deterministic") {
    Harness h(R"(
import time
t0 = time.time()
m0 = time.monotonic()
time.sleep(2)
print(round(time.time() - t0), round(time.monotonic() - m0, 1))
time.sleep(0.5)
print(round(time.time() - t0, 1))
)");
    Run a = h.run();
    Run b = h.run(Policy::random(9));
    CHECK(a.state.output == "2 2.0\n2.5\n");
    CHECK(a.state.output == b.state.output);
    CHECK(rc::hash_state(a.state) == rc::hash_state(b.state));
}

TEST_CASE("an_attribute_cpythons_init_sets_is_refused_and_a_missing_one_raises") {
    // CPython's Semaphore, Queue, Event, Thread, ... are Python classes whose __init__ sets
    // attributes (sem._value, q.queue, e._flag, t._target): racecheck does not model them, so
    // it refuses, never an AttributeError that would be reported as the program's bug.
    for (std::string attr : {"s._value", "b._initial_value", "q.mutex", "q.queue", "e._flag",
                             "t._target"}) {
        Harness h(std::string(R"(
import threading, queue
s = threading.Semaphore(2)
b = threading.BoundedSemaphore(2)
q = queue.Queue()
e = threading.Event()
t = threading.Thread(target=print)
try:
    print()") + attr + R"()
except AttributeError as x:
    print("AttributeError", x)
)");
        Run r = h.run();
        CAPTURE(attr);
        CHECK(r.status == RunStatus::Refused);
        REQUIRE(r.state.refusal.has_value());
        CHECK(r.state.refusal->what.find(attr.substr(2)) != std::string::npos);
        CHECK(r.state.output.empty());
    }
    Harness missing(R"(
import threading
s = threading.Semaphore(2)
try:
    print(s._valeu)
except AttributeError as x:
    print("AttributeError", x)
)");
    Run r = missing.run();
    REQUIRE(r.status == RunStatus::Ended);
    CHECK(r.state.output == "AttributeError 'Semaphore' object has no attribute '_valeu'\n");
}
