// lost-update: a write computed from a stale read overwrites another thread's write.
#include "tests/checker/detectors/detector_test_util.hpp" // DetectorHarness

namespace rc::test {

namespace {
const char* const kIncrement = R"(
import threading
counter = 0
def worker():
    global counter
    counter += 1
t1 = threading.Thread(target=worker)
t2 = threading.Thread(target=worker)
t1.start()
t2.start()
t1.join()
t2.join()
)";
} // namespace

TEST_CASE("a_preempted_increment_loses_the_other_threads_update") {
    DetectorHarness h(kIncrement);
    // main: counter = 0, start, start; T1 reads; T2 reads and writes; T1 writes.
    Observed o = h.run({0, 0, 0, 1, 2, 2, 1});
    REQUIRE(o.has("lost-update"));
    const Finding& f = o.first("lost-update");
    CHECK(f.key == "lost-update:counter:5:5");
    CHECK(f.summary == "lost update on `counter`");
    REQUIRE(f.highlights.size() == 3);
    CHECK(f.highlights[0].step == 4);
    CHECK(f.highlights[0].note == "read counter → 0");
    CHECK(f.highlights[1].step == 6);
    CHECK(f.highlights[1].note == "write by Thread-2 (worker): counter = 1");
    CHECK(f.highlights[2].step == 7);
    CHECK(f.highlights[2].note == "← overwrites Thread-2 (worker)'s write");
}

TEST_CASE("increments_that_do_not_overlap_lose_nothing") {
    DetectorHarness h(kIncrement);
    Observed o = h.run({0, 0, 0, 1, 1, 2, 2});
    CHECK_FALSE(o.has("lost-update"));
    CHECK(o.has("data-race")); // still unordered: only luck kept the update
}

namespace {
/// Two threads add into one item of a shared container, as `how` does it.
std::string item_program(const std::string& setup, const std::string& how) {
    return "import threading\nfrom collections import defaultdict\n" + setup +
           "\ndef worker():\n    " + how +
           "\nt1 = threading.Thread(target=worker)\nt2 = threading.Thread(target=worker)\n"
           "t1.start()\nt2.start()\nt1.join()\nt2.join()\n";
}
} // namespace

TEST_CASE("a_preempted_item_update_of_a_dict_or_list_loses_the_other_threads_update") {
    struct Case {
        std::string setup, how, name, read;
    };
    for (const Case& c : {Case{"counts = {'a': 0}", "counts['a'] += 1", "counts['a']", "0"},
                          Case{"counts = defaultdict(int)", "counts['a'] += 1", "counts['a']", "0"},
                          Case{"slots = [0, 0]", "slots[1] += 1", "slots[1]", "0"},
                          Case{"totals = {}", "totals['k'] = totals.get('k', 0) + 1", "totals['k']", "0"}}) {
        CAPTURE(c.how);
        DetectorHarness h(item_program(c.setup, c.how));
        // main: setup, start, start; T1 reads the item; T2 reads and writes it; T1 writes.
        Observed o = h.run({0, 0, 0, 1, 2, 2, 1});
        REQUIRE(o.has("lost-update"));
        const Finding& f = o.first("lost-update");
        CHECK(f.summary == "lost update on `" + c.name + "`");
        REQUIRE(f.highlights.size() == 3);
        CHECK(f.highlights[0].note == "read " + c.name + " → " + c.read);
        CHECK(f.highlights[1].note == "write by Thread-2 (worker): " + c.name + " = 1");
        CHECK_FALSE(o.has("data-race")); // a container's own operations are atomic
    }
}

TEST_CASE("updates_of_different_items_or_in_sequence_lose_nothing") {
    // Each thread its own key: no item is written by two threads.
    DetectorHarness own("import threading\ncounts = {}\ndef worker(k):\n    counts[k] = counts.get(k, 0) + 1\n"
                        "t1 = threading.Thread(target=worker, args=('a',))\nt2 = threading.Thread(target=worker, args=('b',))\n"
                        "t1.start()\nt2.start()\nt1.join()\nt2.join()\n");
    CHECK_FALSE(own.explore().has("lost-update"));
    // One key, each read-modify-write under a lock: never stale.
    DetectorHarness locked(item_program("counts = {'a': 0}\nlock = threading.Lock()",
                                        "with lock:\n        counts['a'] += 1"));
    CHECK_FALSE(locked.explore().has("lost-update"));
}

} // namespace rc::test

namespace rc::test {

TEST_CASE("an_in_place_add_to_a_shared_list_loses_nothing_but_a_rebinding_add_does") {
    // `results += [x]` extends the list itself and stores the same list back: whatever the
    // interleaving, nothing is lost (probe6: a false lost-update). `results = results + [x]`
    // builds a new list from a stale read: the other thread's item can be lost.
    const char* in_place = R"(
import threading
results = []
def work(tag):
    global results
    for i in range(2):
        results += [tag + str(i)]
ts = [threading.Thread(target=work, args=(t,)) for t in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
)";
    Observed o = DetectorHarness(in_place, {{"len(results) == 4"}, {}, {}}).explore();
    CHECK(!o.has("lost-update"));
    CHECK(!o.has("check-failed"));
    CHECK(o.has("data-race")); // the stores of the global are still unsynchronized
    std::string rebinding = in_place;
    rebinding.replace(rebinding.find("results += [tag + str(i)]"), 25, "results = results + [tag + str(i)]");
    Observed r = DetectorHarness(rebinding.c_str(), {{"len(results) == 4"}, {}, {}}).explore();
    CHECK(r.has("lost-update"));
    CHECK(r.has("check-failed"));
}

} // namespace rc::test

namespace rc::test {

TEST_CASE("counter_update_with_a_mapping_can_lose_a_count_as_in_cpython") {
    // CPython's Counter.update(mapping) on a non-empty Counter is a Python loop, `self[elem] =
    // count + self_get(elem, 0)`: a thread can switch between the read and the write of a count
    // (probe6: 2 threads × 20,000 updates lost counts in 7 of 7 runs). Into an empty Counter it
    // is dict.update, one C call; the first update here starts from a non-empty Counter.
    const char* code = R"(
import threading
from collections import Counter
counts = Counter(b=1)
def work():
    for _ in range(2):
        counts.update({"a": 1})
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
)";
    Observed o = DetectorHarness(code, {{"counts['a'] == 4"}, {}, {}}).explore();
    CHECK(o.has("lost-update"));
    CHECK(o.has("check-failed"));
    // With the keywords form, and with subtract, the same loop runs.
    std::string kw = code;
    kw.replace(kw.find("counts.update({\"a\": 1})"), 23, "counts.update(a=1)");
    Observed k = DetectorHarness(kw.c_str(), {{"counts['a'] == 4"}, {}, {}}).explore();
    CHECK(k.has("lost-update"));
    std::string sub = code;
    sub.replace(sub.find("counts.update({\"a\": 1})"), 23, "counts.subtract({\"a\": 1})");
    Observed s = DetectorHarness(sub.c_str(), {{"counts['a'] == -4"}, {}, {}}).explore();
    CHECK(s.has("lost-update"));
    // Under a lock nothing is lost.
    std::string locked = code;
    locked.replace(locked.find("        counts.update({\"a\": 1})"), 31,
                   "        with lock:\n            counts.update({\"a\": 1})");
    locked.replace(locked.find("counts = Counter(b=1)"), 21, "counts = Counter(b=1)\nlock = threading.Lock()");
    Observed l = DetectorHarness(locked.c_str(), {{"counts['a'] == 4"}, {}, {}}).explore();
    CHECK(!l.has("lost-update"));
    CHECK(!l.has("check-failed"));
}

} // namespace rc::test
