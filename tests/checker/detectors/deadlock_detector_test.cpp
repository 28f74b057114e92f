// deadlock, lost-wakeup and nontermination: executions that cannot end, explained.
#include "tests/checker/detectors/detector_test_util.hpp" // DetectorHarness

namespace rc::test {

namespace {
bool any_detail(const Finding& f, const std::string& needle) {
    for (const std::string& d : f.details)
        if (d.find(needle) != std::string::npos) return true;
    return false;
}
} // namespace

/// Two functions taking locks `a` and `b` in opposite orders (code lines 1-11).
const std::string kAbbaFunctions = R"(
import threading
a = threading.Lock()
b = threading.Lock()
def one():
    with a:
        with b:
            pass
def two():
    with b:
        with a:
            pass
)";

const std::string kAbba = kAbbaFunctions + R"(t1 = threading.Thread(target=one)
t2 = threading.Thread(target=two)
t1.start()
t2.start()
t1.join()
t2.join()
)";

TEST_CASE("abba_deadlocks_and_the_wait_for_graph_names_both_locks") {
    DetectorHarness h(kAbba);
    Observed o = h.explore();
    REQUIRE(o.has("deadlock"));
    CHECK(o.has("potential-deadlock"));
    CHECK(o.keys.count("deadlock:6/LockAcquire:10/LockAcquire")); // the cycle, not MainThread
    CHECK(o.first("deadlock").summary == "deadlock: Thread-1 (one) and Thread-2 (two) wait for "
                                         "each other");
    const Finding& d = o.first("deadlock");
    CHECK(any_detail(d, "MainThread (line 16) waits to join Thread-1 (one)"));
    CHECK(any_detail(d, "Thread-1 (one) (line 6) waits to acquire Lock `b` held by Thread-2 (two) "
                        "since line 9"));
    CHECK(any_detail(d, "Thread-2 (two) (line 10) waits to acquire Lock `a` held by Thread-1 (one) "
                        "since line 5"));
    CHECK(d.highlights.size() == 3); // each blocked thread's last step
    for (const Highlight& hl : d.highlights) CHECK(hl.note.find("← then blocks at line ") == 0);
}

TEST_CASE("one_cycle_is_one_deadlock_whichever_bystanders_are_blocked_behind_it") {
    DetectorHarness h(kAbbaFunctions + R"(def bystander():
    with a:
        pass
threads = [threading.Thread(target=one), threading.Thread(target=two)]
for _ in range(3):
    threads.append(threading.Thread(target=bystander))
for t in threads:
    t.start()
for t in threads:
    t.join()
)");
    Observed o = h.explore(2000);
    std::set<std::string> deadlock_keys;
    std::set<size_t> blocked_counts;
    for (const Finding& f : o.findings) {
        if (f.kind != FindingKind::Deadlock) continue;
        deadlock_keys.insert(f.key);
        blocked_counts.insert(f.threads.size());
        CHECK(f.summary == "deadlock: Thread-1 (one) and Thread-2 (two) wait for each other");
        CHECK(f.lines.front() == 6); // located at the cycle, not at a bystander or the join
    }
    CHECK(deadlock_keys == std::set<std::string>{"deadlock:6/LockAcquire:10/LockAcquire"});
    CHECK(blocked_counts.size() >= 2); // the executions did differ in who was blocked behind it
}

TEST_CASE("a_thread_acquiring_a_lock_it_holds_is_a_deadlock_on_itself") {
    DetectorHarness h(R"(
import threading
lock = threading.Lock()
def twice():
    with lock:
        with lock:
            pass
t = threading.Thread(target=twice)
t.start()
t.join()
)");
    Observed o = h.run({});
    REQUIRE(o.has("deadlock"));
    CHECK(o.first("deadlock").summary == "deadlock: Thread-1 (twice) waits for a lock it holds "
                                         "itself");
    CHECK(o.keys == std::set<std::string>{"deadlock:5/LockAcquire"});
}

TEST_CASE("without_a_cycle_the_cause_is_the_threads_waiting_on_no_blocked_thread") {
    DetectorHarness h(R"(
import threading
done = threading.Event()
def waiter():
    done.wait()
t = threading.Thread(target=waiter)
t.start()
t.join()
)");
    Observed o = h.run({});
    REQUIRE(o.has("deadlock"));
    const Finding& d = o.first("deadlock");
    CHECK(d.summary == "deadlock: Thread-1 (waiter) is blocked forever");
    CHECK(o.keys == std::set<std::string>{"deadlock:4/EventWait"});
    CHECK(any_detail(d, "MainThread (line 7) waits to join Thread-1 (waiter)"));
    CHECK(any_detail(d, "blocked behind Thread-1 (waiter): MainThread"));
}

TEST_CASE("a_condition_notified_before_the_wait_is_a_lost_wakeup") {
    DetectorHarness h(R"(
import threading
cond = threading.Condition()
def waiter():
    with cond:
        cond.wait()
t = threading.Thread(target=waiter)
t.start()
with cond:
    cond.notify()
t.join()
)");
    Observed o = h.explore();
    REQUIRE(o.has("lost-wakeup"));
    CHECK_FALSE(o.has("deadlock"));
    const Finding& f = o.first("lost-wakeup");
    CHECK(f.summary == "lost wakeup on Condition `cond`: the notify at line 9 woke nobody, then "
                       "Thread-1 (waiter) waits forever");
    bool notify_marked = false;
    for (const Highlight& hl : f.highlights)
        notify_marked = notify_marked || hl.note == "← notify wakes nobody: no thread waits yet";
    CHECK(notify_marked);
}

TEST_CASE("queue_join_without_task_done_deadlocks_naming_the_queue") {
    DetectorHarness h(R"(
import threading
import queue
q = queue.Queue()
def worker():
    item = q.get()
    print(item)
t = threading.Thread(target=worker, daemon=True)
t.start()
q.put(1)
q.join()
)");
    Observed o = h.explore(50);
    REQUIRE(o.has("deadlock"));
    const Finding& d = o.first("deadlock");
    CHECK(any_detail(d, "MainThread (line 10) waits in Queue `q`.join() with 1 task(s) never "
                        "marked task_done()"));
    CHECK(d.variables == std::vector<std::string>{"`q`"});
}

/// `stop` is never called, but its store makes `flag` a changing global: reading it is visible.
const char* const kSpin = R"(
import threading
flag = False
def spinner():
    while not flag:
        pass
def stop():
    global flag
    flag = True
t = threading.Thread(target=spinner)
t.start()
t.join()
)";

TEST_CASE("a_busy_wait_no_thread_ends_is_a_deadlock") {
    DetectorHarness h(kSpin);
    h.cut_is_spinning = true;
    Observed o = h.run({}, 1, 300);
    REQUIRE(o.has("deadlock"));
    const Finding& d = o.first("deadlock");
    CHECK(d.summary == "deadlock: Thread-1 (spinner) busy-waits for a change no thread will make");
    CHECK(any_detail(d, "Thread-1 (spinner) spins at line 4 waiting for a change no thread will "
                        "make"));
}

TEST_CASE("an_execution_cut_by_the_step_budget_is_a_cut_never_nontermination") {
    // A cut shows nothing: the program may have ended a step later (issue 9). Only a shown loop
    // (a fair cycle, a run-away thread) is nontermination.
    DetectorHarness h(kSpin);
    Observed o = h.run({}, 1, 300);
    CHECK(o.status == rc::RunStatus::Running);
    CHECK_FALSE(o.has("nontermination"));
    CHECK_FALSE(o.has("deadlock"));
}

TEST_CASE("a_loop_without_visible_operations_is_nontermination") {
    DetectorHarness h(R"(
import threading
def spinner():
    while True:
        pass
t = threading.Thread(target=spinner)
t.start()
t.join()
)");
    Observed o = h.run({});
    REQUIRE(o.has("nontermination"));
    CHECK(o.keys.count("nontermination:3"));
    CHECK(o.first("nontermination").summary ==
          "Thread-1 (spinner) runs forever without a visible operation (line 3)");
}

TEST_CASE("a_long_local_computation_is_no_nontermination") {
    // About 10 M instructions over locals, past the 2 M after which racecheck looks for a
    // repeated state: the thread's states never repeat, and it ends.
    DetectorHarness h(R"(
import threading
result = 0
def worker():
    global result
    total = 0
    for i in range(10**6):
        total += i * i
    result = total
t = threading.Thread(target=worker)
t.start()
t.join()
)");
    Observed o = h.run({});
    CHECK_FALSE(o.has("nontermination"));
    CHECK(o.status == RunStatus::Ended);
}

TEST_CASE("a_daemon_looping_forever_is_no_finding_when_main_ends") {
    DetectorHarness h(R"(
import threading
import time
def heartbeat():
    while True:
        time.sleep(0.1)
t = threading.Thread(target=heartbeat, daemon=True)
t.start()
print("main done")
)");
    Observed o = h.explore(100);
    CHECK(o.kinds.empty());
    CHECK(o.status == RunStatus::Ended);
}

} // namespace rc::test

namespace rc::test {

TEST_CASE("a_cut_that_starved_main_while_a_daemon_looped_is_no_finding") {
    DetectorHarness h(R"(
import threading
beats = 0
def heartbeat():
    global beats
    while True:
        beats += 1
t = threading.Thread(target=heartbeat, daemon=True)
t.start()
print("main done")
)");
    std::vector<uint32_t> script{0, 0}; // main: beats = 0, start
    script.resize(300, 1);              // then only the daemon runs
    Observed o = h.run(script, 1, 300);
    CHECK(o.kinds.empty());
    CHECK(h.explore(100).kinds.empty()); // fair enough random schedules let main end
}

} // namespace rc::test
