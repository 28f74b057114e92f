// data-race: FastTrack on module globals. Every synchronization primitive's correct handoff
// must show no race over many random schedules; the same code without the handoff must race.
#include <any> // saved detector states
#include <map> // reports per key

#include "tests/checker/detectors/detector_test_util.hpp" // DetectorHarness

namespace rc::test {

namespace {

/// A worker writes `data`, then the main thread reads it after `sync` (Python lines, with the
/// worker's body indented). `before` sets up objects; `signal` runs in the worker after the
/// write; `wait` runs in main before the read.
std::string handoff(const std::string& setup, const std::string& signal, const std::string& wait) {
    return "import threading\nimport queue\n" + setup +
           "data = 0\n"
           "def worker():\n"
           "    global data\n"
           "    data = 42\n" +
           signal +
           "t = threading.Thread(target=worker)\n"
           "t.start()\n" +
           wait + "print(data)\n";
}

struct Case {
    const char* name;
    std::string setup, signal, wait;
};

std::vector<Case> handoffs() {
    return {
        {"join", "", "", "t.join()\n"},
        {"lock", "lock = threading.Lock()\nlock.acquire()\n", "    lock.release()\n",
         "lock.acquire()\n"},
        {"event", "ev = threading.Event()\n", "    ev.set()\n", "ev.wait()\n"},
        {"event is_set", "ev = threading.Event()\n", "    ev.set()\n",
         "while not ev.is_set():\n    pass\n"},
        {"condition", "cond = threading.Condition()\nready = False\n",
         "    global ready\n    with cond:\n        ready = True\n        cond.notify()\n",
         "with cond:\n    while not ready:\n        cond.wait()\n"},
        {"queue", "q = queue.Queue()\n", "    q.put(1)\n", "q.get()\n"},
        {"semaphore", "sem = threading.Semaphore(0)\n", "    sem.release()\n", "sem.acquire()\n"},
        {"barrier", "b = threading.Barrier(2)\n", "    b.wait()\n", "b.wait()\n"},
        {"is_alive", "", "", "while t.is_alive():\n    pass\n"},
    };
}

/// A pool task writes `data`; main reads it after `wait` (which may use `f` and `ex`).
std::string pool_handoff(const std::string& wait) {
    return "from concurrent.futures import ThreadPoolExecutor, as_completed\n"
           "data = 0\n"
           "def work():\n"
           "    global data\n"
           "    data = 42\n"
           "    return 1\n"
           "ex = ThreadPoolExecutor(max_workers=2)\n"
           "f = ex.submit(work)\n" +
           wait + "print(data)\nex.shutdown()\n";
}

std::vector<Case> pool_handoffs() {
    return {
        {"future result", "", "", "f.result()\n"},
        {"as_completed", "", "", "for g in as_completed([f]):\n    pass\n"},
        {"future done", "", "", "while not f.done():\n    pass\n"},
        {"shutdown joins workers", "", "", "ex.shutdown(wait=True)\n"},
    };
}

/// The unsafe counter: `threads` workers each add 1 to a global `iterations` times (line 8).
std::string unsafe_counter(int threads, int iterations) {
    return "import threading\n\ncounter = 0\n\ndef worker():\n    global counter\n    for _ in range(" +
           std::to_string(iterations) +
           "):\n        counter += 1\n\nthreads = []\nfor _ in range(" + std::to_string(threads) +
           "):\n    t = threading.Thread(target=worker)\n    t.start()\n    threads.append(t)\n"
           "for t in threads:\n    t.join()\n";
}

} // namespace

TEST_CASE("unsafe_counter_races_and_loses_updates") {
    DetectorHarness h(unsafe_counter(2, 2),
                      {{"counter == 4"}, {}, {}});
    Observed o = h.explore();
    CHECK(o.has("data-race"));
    CHECK(o.has("lost-update"));
    CHECK(o.has("check-failed"));
    CHECK(o.keys.count("data-race:counter:8:8"));
    CHECK(o.keys.count("lost-update:counter:8:8"));
    CHECK(o.keys.count("check-failed:final:0"));
    const Finding& race = o.first("data-race");
    CHECK(race.summary.find("data race on `counter`: Thread-") == 0);
    CHECK(race.summary.find("no common lock") != std::string::npos);
    CHECK(race.highlights.size() == 2);
}

TEST_CASE("a_race_or_lost_update_seen_again_in_one_execution_is_reported_once") {
    // The detectors report a race or a lost update at its first occurrence in an execution
    // only (the Session keeps that one as the execution's witness); a repeat costs a look-up.
    // Their per-execution memory of it is part of save()/restore(): a restored detector
    // reports it again.
    DetectorHarness h(unsafe_counter(3, 30));
    std::set<std::string> kinds;
    for (uint64_t seed = 1; seed <= 20; ++seed) {
        Observed o = h.run({}, seed, 100000);
        std::map<std::string, int> reports;
        for (const Finding& f : o.findings) ++reports[f.key];
        for (const auto& report : reports)
            CHECK_MESSAGE(report.second == 1, report.first << " reported " << report.second << " times");
        kinds.insert(o.kinds.begin(), o.kinds.end());
    }
    CHECK(kinds.count("data-race"));
    CHECK(kinds.count("lost-update"));

    // One execution, run twice on the same detectors: restored to the state saved before its
    // first step, they report the same findings again.
    const Interpreter& in = h.interp();
    auto ds = h.detectors();
    std::vector<std::vector<std::string>> runs;
    State initial = in.initial_state({});
    for (auto& d : ds) d->begin_execution(in, initial);
    std::vector<std::any> saved;
    for (auto& d : ds) saved.push_back(d->save());
    for (int round = 0; round < 2; ++round) {
        if (round)
            for (size_t i = 0; i < ds.size(); ++i) ds[i]->restore(saved[i]);
        State s = initial;
        RecordingSink sink;
        std::vector<ThreadId> ready;
        uint64_t step = 0;
        for (;;) { // round robin among the enabled threads: every thread is preempted often
            in.schedulable(s, ready);
            std::vector<ThreadId> enabled;
            for (ThreadId t : ready)
                if (in.is_enabled(s, t)) enabled.push_back(t);
            if (enabled.empty()) break;
            const Event e = in.step(s, enabled[step % enabled.size()], false);
            ++step;
            for (auto& d : ds) d->on_step(in, step, e, s, sink);
        }
        std::vector<std::string> keys;
        for (const Finding& f : sink.findings) keys.push_back(f.key + " @" + std::to_string(f.highlights.back().step));
        runs.push_back(keys);
    }
    CHECK_FALSE(runs[0].empty());
    CHECK(runs[0] == runs[1]);
}

TEST_CASE("lock_counter_has_no_findings") {
    DetectorHarness h(R"(
import threading

counter = 0
lock = threading.Lock()

def worker():
    global counter
    for _ in range(2):
        with lock:
            counter += 1

threads = []
for _ in range(2):
    t = threading.Thread(target=worker)
    t.start()
    threads.append(t)
for t in threads:
    t.join()
)",
                      {{"counter == 4"}, {}, {}});
    Observed o = h.explore();
    CHECK(o.kinds.empty());
    CHECK(o.status == RunStatus::Ended);
}

TEST_CASE("correct_handoff_through_each_primitive_is_not_a_race") {
    for (const Case& c : handoffs()) {
        CAPTURE(c.name);
        DetectorHarness h(handoff(c.setup, c.signal, c.wait));
        Observed o = h.explore(200);
        CHECK(o.kinds.empty());
    }
}

TEST_CASE("handoff_without_waiting_races") {
    for (const Case& c : handoffs()) {
        CAPTURE(c.name);
        DetectorHarness h(handoff(c.setup, c.signal, "") + "t.join()\n");
        Observed o = h.explore(200);
        CHECK(o.has("data-race"));
    }
}

TEST_CASE("correct_handoff_through_futures_is_not_a_race") {
    for (const Case& c : pool_handoffs()) {
        CAPTURE(c.name);
        DetectorHarness h(pool_handoff(c.wait));
        Observed o = h.explore(200);
        CHECK(o.kinds.empty());
    }
}

TEST_CASE("reading_a_task_result_before_the_future_finishes_races") {
    DetectorHarness h(pool_handoff(""));
    CHECK(h.explore(200).has("data-race"));
}

TEST_CASE("submit_publishes_what_was_written_before_it") {
    const std::string code = "from concurrent.futures import ThreadPoolExecutor\n"
                             "data = 0\n"
                             "def work():\n"
                             "    return data\n"
                             "ex = ThreadPoolExecutor(max_workers=2)\n";
    DetectorHarness ok(code + "data = 1\nf = ex.submit(work)\nex.shutdown()\n");
    CHECK(ok.explore(200).kinds.empty());
    DetectorHarness racy(code + "f = ex.submit(work)\ndata = 1\nex.shutdown()\n");
    CHECK(racy.explore(200).has("data-race"));
}

TEST_CASE("queue_join_waits_for_task_done_and_orders_the_work") {
    const std::string code = "import threading\nimport queue\n"
                             "q = queue.Queue()\n"
                             "data = 0\n"
                             "def worker():\n"
                             "    global data\n"
                             "    q.get()\n"
                             "    data = 42\n"
                             "    q.task_done()\n"
                             "t = threading.Thread(target=worker, daemon=True)\n"
                             "t.start()\n"
                             "q.put(1)\n";
    DetectorHarness ok(code + "q.join()\nprint(data)\n");
    CHECK(ok.explore(200).kinds.empty());
    DetectorHarness racy(code + "print(data)\nq.join()\n");
    CHECK(racy.explore(200).has("data-race"));
}

TEST_CASE("race_needs_an_unordered_write_read_pair_in_one_schedule") {
    // Scripted: the worker writes before main reads, still unordered (no sync): a race.
    DetectorHarness h(handoff("", "", "") + "t.join()\n");
    Observed o = h.run({0, 0, 1, 0}); // main: data = 0, start; worker: write; main: read
    CHECK(o.has("data-race"));
}

} // namespace rc::test
