// Which operations are visible (scheduling points and detector events) and what each Event
// carries: the contract every strategy and detector relies on (model/runtime/operation.hpp).
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <algorithm> // count_if, find_if
#include <string>    // kind names
#include <vector>    // expected sequences

#include "tests/model/runtime/interpreter_test_util.hpp" // Harness, Run, Policy

using rc::Event;
using rc::OpKind;
using rc::test::Harness;
using rc::test::Run;
using Kinds = std::vector<std::string>;

namespace {

size_t count_kind(const Run &r, OpKind k) {
    return static_cast<size_t>(std::count_if(r.events.begin(), r.events.end(),
                                             [&](const Event &e) { return e.kind == k; }));
}

const Event *first_of(const Run &r, OpKind k) {
    auto it =
        std::find_if(r.events.begin(), r.events.end(), [&](const Event &e) { return e.kind == k; });
    return it == r.events.end() ? nullptr : &*it;
}

} // namespace

TEST_CASE("shared_counter_increment_is_a_global_read_then_a_global_write") {
    Harness h(R"(
import threading
counter = 0
def worker():
    global counter
    counter += 1
t = threading.Thread(target=worker)
t.start()
t.join()
)");
    Run r = h.run();
    CHECK(h.kinds(r, 1) == Kinds{"GlobalRead counter", "GlobalWrite counter"});
    std::vector<Event> worker;
    for (const Event &e : r.events)
        if (e.thread.value == 1)
            worker.push_back(e);
    REQUIRE(worker.size() == 2);
    CHECK(worker[0].var == h.var("counter"));
    CHECK(worker[0].line == 5);
    CHECK(worker[0].value.is_int_like());
    CHECK(worker[0].value.i == 0);
    CHECK(worker[1].var == h.var("counter"));
    CHECK(worker[1].value.i == 1);
    CHECK(worker[1].thread_ended);
    CHECK(h.global_int(r.state, "counter") == 1);
}

TEST_CASE("global_touched_only_by_module_code_produces_no_events") {
    Harness h(R"(
import threading
total = 0
for i in range(3):
    total += i
def worker():
    pass
t = threading.Thread(target=worker)
t.start()
t.join()
total += 10
print(total)
)");
    Run r = h.run();
    // print writes "13" and "\n" separately, as CPython's builtin_print does
    CHECK(h.kinds(r) == Kinds{"ThreadStart", "ThreadJoin", "Print", "Print", "ProgramExit"});
    CHECK(r.state.output == "13\n");
}

TEST_CASE("write_once_global_read_in_a_worker_produces_no_global_read") {
    Harness h(R"(
import threading
lock = threading.Lock()
def worker():
    with lock:
        pass
t = threading.Thread(target=worker)
t.start()
t.join()
)");
    CHECK(h.program().globals[h.var("lock").value].write_once);
    Run r = h.run();
    CHECK(h.kinds(r, 1) == Kinds{"LockAcquire", "LockRelease"});
    for (const Event &e : r.events)
        CHECK_FALSE(e.kind == OpKind::GlobalRead);
}

TEST_CASE("local_list_becomes_visible_once_stored_in_a_global_read_by_a_function") {
    Harness h(R"(
import threading
box = None
def worker():
    global box
    mine = []
    mine.append(1)
    mine.append(2)
    box = mine
    mine.append(3)
def reader():
    print(box)
t = threading.Thread(target=worker)
t.start()
t.join()
reader()
)");
    Run r = h.run();
    CHECK(h.kinds(r, 1) == Kinds{"GlobalWrite box", "ContainerWrite"});
    const Event *w = first_of(r, OpKind::ContainerWrite);
    REQUIRE(w);
    CHECK(w->line == 9);
    CHECK(h.program().name_of(w->method) == "append");
    CHECK(r.state.output == "[1, 2, 3]\n");
}

TEST_CASE("list_passed_as_thread_argument_is_shared_from_the_start") {
    Harness h(R"(
import threading
def worker(lst):
    lst.append(1)
items = []
items.append(0)
t = threading.Thread(target=worker, args=(items,))
t.start()
t.join()
items.append(2)
print(len(items))
)");
    Run r = h.run();
    // The append before start is invisible; the worker's and the later main append are not.
    CHECK(h.kinds(r) == Kinds{"ThreadStart", "ContainerWrite", "ThreadJoin", "ContainerWrite",
                              "ContainerRead", "Print", "Print", "ProgramExit"});
    CHECK(r.state.output == "3\n");
}

// print(shared_list) writes str(list) in one write that reads the list: its Print event names it.
TEST_CASE("printing_a_shared_list_names_the_list_it_reads") {
    Harness h(R"(
import threading
items = []
def worker():
    items.append(1)
t = threading.Thread(target=worker)
t.start()
print(items)
t.join()
)");
    Run r = h.run();
    CHECK(h.kinds(r, 0) ==
          Kinds{"GlobalWrite items", "ThreadStart", "Print", "Print", "ThreadJoin", "ProgramExit"});
    bool print_names_items = false;
    for (const Event& e : r.events)
        if (e.kind == OpKind::Print && e.obj.valid()) print_names_items = true;
    CHECK(print_names_items);
}

TEST_CASE("the_truth_test_of_a_shared_container_is_a_read_of_it") {
    // `if items:`, `while items:`, `not items`, `items or x` read the length another thread may
    // change: each is a visible read, so a step of another thread can come between it and the
    // thread's previous step (a release right before the test).
    Harness h(R"(
import threading
items = [1]
def worker():
    if items:
        pass
    while items:
        items.pop()
    x = not items
    y = items or 0
t = threading.Thread(target=worker)
t.start()
t.join()
)");
    Run r = h.run();
    CHECK(h.kinds(r, 1) == Kinds{"ContainerRead", "ContainerRead", "ContainerWrite", "ContainerRead",
                                 "ContainerRead", "ContainerRead"});
}

TEST_CASE("list_put_into_a_queue_is_shared_afterwards") {
    Harness h(R"(
import threading
import queue
q = queue.Queue()
def worker():
    mine = []
    mine.append(5)
    q.put(mine)
    mine.append(6)
t = threading.Thread(target=worker)
t.start()
t.join()
print(q.get())
)");
    Run r = h.run();
    CHECK(h.kinds(r, 1) == Kinds{"QueuePut", "ContainerWrite"});
    CHECK(r.state.output == "[5, 6]\n");
}

TEST_CASE("with_lock_is_lock_acquire_then_lock_release_on_the_lock_object") {
    Harness h(R"(
import threading
lock = threading.Lock()
n = 0
def worker():
    global n
    with lock:
        n += 1
t = threading.Thread(target=worker)
t.start()
t.join()
)");
    Run r = h.run();
    CHECK(h.kinds(r, 1) == Kinds{"LockAcquire", "GlobalRead n", "GlobalWrite n", "LockRelease"});
    const Event *acq = first_of(r, OpKind::LockAcquire);
    const Event *rel = first_of(r, OpKind::LockRelease);
    REQUIRE(acq);
    REQUIRE(rel);
    CHECK(acq->obj == h.global(r.state, "lock").obj());
    CHECK(rel->obj == acq->obj);
}

TEST_CASE("condition_wait_is_cond_wait_then_cond_wake_after_notify") {
    Harness h(R"(
import threading
cond = threading.Condition()
ready = False
def waiter():
    with cond:
        while not ready:
            cond.wait()
def setter():
    global ready
    with cond:
        ready = True
        cond.notify()
a = threading.Thread(target=waiter)
b = threading.Thread(target=setter)
a.start()
b.start()
a.join()
b.join()
)");
    Run r = h.run();
    CHECK(h.kinds(r, 1) == Kinds{"LockAcquire", "GlobalRead ready", "CondWait", "CondWake",
                                 "GlobalRead ready", "LockRelease"});
    CHECK(h.kinds(r, 2) == Kinds{"LockAcquire", "GlobalWrite ready", "CondNotify", "LockRelease"});
    const Event *wait = first_of(r, OpKind::CondWait);
    REQUIRE(wait);
    CHECK(wait->obj == h.global(r.state, "cond").obj());
    CHECK(wait->lock.valid());
    const Event *notify = first_of(r, OpKind::CondNotify);
    REQUIRE(notify);
    CHECK(notify->value.i == 1);
}

TEST_CASE("queue_get_carries_the_sequence_number_of_the_matching_put") {
    Harness h(R"(
import threading
import queue
q = queue.Queue()
def producer():
    for i in range(3):
        q.put(i * 10)
def consumer():
    for _ in range(3):
        print(q.get())
a = threading.Thread(target=consumer)
b = threading.Thread(target=producer)
a.start()
b.start()
a.join()
b.join()
)");
    Run r = h.run(rc::test::Policy::random(3));
    std::vector<uint64_t> puts, gets;
    std::vector<int64_t> put_values, get_values;
    for (const Event &e : r.events) {
        if (e.kind == OpKind::QueuePut)
            puts.push_back(e.item), put_values.push_back(e.value.i);
        if (e.kind == OpKind::QueueGet)
            gets.push_back(e.item), get_values.push_back(e.value.i);
    }
    CHECK(puts == std::vector<uint64_t>{0, 1, 2});
    CHECK(gets == std::vector<uint64_t>{0, 1, 2});
    CHECK(put_values == std::vector<int64_t>{0, 10, 20});
    CHECK(get_values == put_values);
    CHECK(r.state.output == "0\n10\n20\n");
}

TEST_CASE("thread_start_and_join_name_the_other_thread") {
    Harness h(R"(
import threading
def worker():
    pass
t = threading.Thread(target=worker)
t.start()
t.join()
)");
    Run r = h.run();
    CHECK(h.kinds(r) == Kinds{"ThreadStart", "ThreadJoin", "ProgramExit"});
    CHECK(r.events[0].other.value == 1);
    CHECK(r.events[1].other.value == 1);
    CHECK(r.events[0].obj == h.global(r.state, "t").obj());
}

TEST_CASE("event_semaphore_barrier_sleep_and_print_have_their_own_kinds") {
    Harness h(R"(
import threading
import time
ev = threading.Event()
sem = threading.Semaphore(1)
bar = threading.Barrier(2)
def first():
    ev.set()
    with sem:
        time.sleep(0.1)
    bar.wait()
def second():
    ev.wait()
    bar.wait()
    print("done")
a = threading.Thread(target=second)
b = threading.Thread(target=first)
a.start()
b.start()
a.join()
b.join()
)");
    Run r = h.run();
    CHECK(h.kinds(r, 1) == Kinds{"EventWait", "BarrierArrive", "BarrierLeave", "Print", "Print"});
    CHECK(h.kinds(r, 2) == Kinds{"EventSet", "SemAcquire", "Sleep", "SemRelease", "BarrierArrive"});
    CHECK(count_kind(r, OpKind::ProgramExit) == 1);
    CHECK(r.events.back().kind == OpKind::ProgramExit);
    CHECK(r.events.back().thread.value == 0);
}

TEST_CASE("program_exit_is_the_last_event_of_every_ended_run") {
    Harness h(R"(
import threading
def worker():
    print("w")
for _ in range(3):
    threading.Thread(target=worker).start()
print("main")
)");
    for (uint64_t seed = 1; seed <= 10; ++seed) {
        Run r = h.run(rc::test::Policy::random(seed));
        CHECK(r.status == rc::RunStatus::Ended);
        REQUIRE_FALSE(r.events.empty());
        CHECK(r.events.back().kind == OpKind::ProgramExit);
        CHECK(count_kind(r, OpKind::ProgramExit) == 1);
        CHECK(count_kind(r, OpKind::Print) == 8); // each print: its text, then "\n"
    }
}

TEST_CASE("a_thread_end_is_a_step_of_its_own_when_the_program_can_observe_it") {
    // is_alive() may see the worker alive after its last operation, and right after start() a
    // worker with no operation at all: its end is a ThreadEnd step, after which is_alive() is
    // False and the join returns.
    Harness h(R"(
import threading
counter = 0
def worker():
    global counter
    counter += 1
def idle():
    x = 1
t = threading.Thread(target=worker)
u = threading.Thread(target=idle)
t.start()
u.start()
print(u.is_alive())
t.join()
u.join()
print(t.is_alive(), threading.active_count())
)");
    Run r = h.run();
    CHECK(h.kinds(r, 1) == Kinds{"GlobalRead counter", "GlobalWrite counter", "ThreadEnd"});
    CHECK(h.kinds(r, 2) == Kinds{"ThreadEnd"});
    for (const Event &e : r.events)
        CHECK(e.thread_ended == (e.kind == OpKind::ThreadEnd));
    REQUIRE(first_of(r, OpKind::ThreadCount) != nullptr);
    CHECK(first_of(r, OpKind::ThreadCount)->value.i == 1);
    CHECK(count_kind(r, OpKind::ThreadQuery) == 2);
}

TEST_CASE("without_an_observer_a_thread_ends_within_its_last_step") {
    // Nothing but join could tell, and a join waits for the end either way: no extra step.
    Harness h(R"(
import threading
counter = 0
def worker():
    global counter
    counter += 1
t = threading.Thread(target=worker)
t.start()
t.join()
print(t.name)
)");
    Run r = h.run();
    CHECK(h.kinds(r, 1) == Kinds{"GlobalRead counter", "GlobalWrite counter"});
    CHECK(count_kind(r, OpKind::ThreadEnd) == 0);
}

TEST_CASE("a_loop_over_a_shared_dict_reads_it_where_the_loop_makes_its_iterator") {
    // The iterator remembers the dict's size: it is made by a visible read where the loop
    // starts (not at the thread's previous step), then each next() is a read.
    Harness h(R"(
import threading
scores = {"a": 1}
def report():
    for k in scores:
        print(k)
t = threading.Thread(target=report)
t.start()
scores["b"] = 2
t.join()
)");
    Run r = h.run();
    CHECK(h.kinds(r, 1) == Kinds{"ContainerRead", "ContainerRead", "Print", "Print", "ContainerRead",
                                  "Print", "Print", "ContainerRead"});
}
