// Canonical fingerprints: equal for states equal up to heap numbering, garbage and (with
// symmetry) a permutation of threads; different when the program's future differs.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include "model/runtime/fingerprint.hpp"               // Fingerprinter
#include "tests/model/runtime/interpreter_test_util.hpp" // Harness

using rc::Fingerprinter;
using rc::FingerprintOptions;
using rc::State;
using rc::ThreadId;

namespace {

/// Runs MainThread alone until it cannot move (every other thread waits at its first step).
State main_alone(const rc::test::Harness& h) {
    State s = h.initial();
    while (s.thread(ThreadId(0)).status == rc::ThreadStatus::Running &&
           h.interp().is_enabled(s, ThreadId(0)) && !s.ended)
        h.interp().step(s, ThreadId(0), false);
    return s;
}

State after(const rc::test::Harness& h, State s, std::initializer_list<uint32_t> threads) {
    for (uint32_t t : threads) h.interp().step(s, ThreadId(t), false);
    return s;
}

constexpr const char* kWorkers = R"(
import threading
counter = 0
lock = threading.Lock()
def worker():
    global counter
    with lock:
        counter += 1
for _ in range(3):
    threading.Thread(target=worker).start()
)";

} // namespace

TEST_CASE("a_copy_of_a_state_has_the_same_fingerprint") {
    rc::test::Harness h(kWorkers);
    State s = main_alone(h);
    State copy = s;
    Fingerprinter fp(FingerprintOptions{});
    CHECK(fp(s) == fp(copy));
}

TEST_CASE("heap_numbering_and_garbage_do_not_change_the_fingerprint") {
    // Each thread allocates a list in its run-on before its visible write: the two orders
    // number the lists differently, and the lists die (garbage) before the writes.
    rc::test::Harness h(R"(
import threading
a = 0
b = 0
def wa():
    global a
    tmp = [1, 2, 3]
    a = len(tmp)
def wb():
    global b
    tmp = [4, 5]
    b = len(tmp)
threading.Thread(target=wa).start()
threading.Thread(target=wb).start()
)");
    State s = main_alone(h);
    REQUIRE(s.threads.size() == 3);
    State ab = after(h, s, {1, 2});
    State ba = after(h, s, {2, 1});
    Fingerprinter fp(FingerprintOptions{});
    CHECK(fp(ab) == fp(ba));
    State a_only = after(h, s, {1});
    CHECK_FALSE(fp(a_only) == fp(ab));
}

TEST_CASE("different_values_or_output_give_different_fingerprints") {
    rc::test::Harness h(R"(
import threading
x = 0
def w(v):
    global x
    x = v
    print(v)
threading.Thread(target=w, args=(1,)).start()
threading.Thread(target=w, args=(2,)).start()
)");
    State s = main_alone(h);
    Fingerprinter fp(FingerprintOptions{});
    CHECK_FALSE(fp(after(h, s, {1})) == fp(after(h, s, {2})));
    // The two threads in the other order: another final value and another output.
    CHECK_FALSE(fp(after(h, s, {1, 1, 2, 2})) == fp(after(h, s, {2, 2, 1, 1})));
}

TEST_CASE("who_wrote_the_output_is_recorded_but_not_fingerprinted") {
    rc::test::Harness h(R"(
import threading
def w():
    print("x")
threading.Thread(target=w).start()
threading.Thread(target=w).start()
)");
    State s = main_alone(h);
    // Each print is two writes, "x" and "\n".
    State ab = after(h, s, {1, 2}), ba = after(h, s, {2, 1});
    REQUIRE(ab.output == "xx");
    REQUIRE(ba.output == "xx");
    CHECK(ab.mixed_lines == std::vector<uint32_t>{0});
    CHECK_FALSE(ab.line_writer == ba.line_writer);
    Fingerprinter fp(FingerprintOptions{});
    CHECK(fp(ab) == fp(ba)); // one state: they differ only in who wrote
    State lines = after(h, s, {1, 1, 2, 2});
    REQUIRE(lines.output == "x\nx\n");
    CHECK(lines.mixed_lines.empty());
    CHECK(lines.output_lines == 2);
    State mixed = after(h, s, {1, 2, 1, 2});
    REQUIRE(mixed.output == "xx\n\n");
    CHECK(mixed.mixed_lines == std::vector<uint32_t>{0}); // the second line is thread 2's "\n" alone
}

TEST_CASE("symmetry_folds_interchangeable_threads_and_only_then") {
    rc::test::Harness h(kWorkers);
    State s = main_alone(h);
    REQUIRE(s.threads.size() == 4);
    State first = after(h, s, {1}); // Thread-1 takes the lock
    State second = after(h, s, {2}); // Thread-2 does
    Fingerprinter plain(FingerprintOptions{});
    CHECK_FALSE(plain(first) == plain(second));
    Fingerprinter folded(FingerprintOptions{true, false, 0});
    CHECK(folded(first) == folded(second));
    // Who holds the lock is renamed with the threads: the holder's rank is the same.
    CHECK(folded.rank().size() == 4);
    // A thread further on is a different state even up to symmetry.
    CHECK_FALSE(folded(after(h, s, {1, 1})) == folded(second));
}

TEST_CASE("symmetry_does_not_fold_threads_a_list_of_thread_objects_orders") {
    // MainThread joins threads[0] first: which worker is threads[0] matters.
    rc::test::Harness h(R"(
import threading
counter = 0
lock = threading.Lock()
def worker():
    global counter
    with lock:
        counter += 1
threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)");
    State s = main_alone(h);
    REQUIRE(s.threads.size() == 3);
    Fingerprinter folded(FingerprintOptions{true, false, 0});
    CHECK_FALSE(folded(after(h, s, {1})) == folded(after(h, s, {2})));
}

TEST_CASE("clocks_count_only_when_asked") {
    rc::test::Harness h(R"(
import threading
import time
def w():
    time.sleep(1)
    time.sleep(1)
threading.Thread(target=w).start()
)");
    State s = main_alone(h);
    State slept = s;
    slept.thread(ThreadId(1)).clock_ns += 1'000'000'000;
    Fingerprinter without(FingerprintOptions{});
    CHECK(without(s) == without(slept));
    Fingerprinter with(FingerprintOptions{false, true, 0});
    CHECK_FALSE(with(s) == with(slept));
}
