// concurrent.futures.wait (model/stdlib/futures_wait.cpp): its waits are as_completed's
// AsCompletedNext operations, enabled only when a future it has not seen is done, so the
// explorer sees wait() as a scheduling point that a future's finish enables.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <algorithm> // count
#include <string>    // kind names
#include <vector>    // kinds

#include "tests/model/runtime/interpreter_test_util.hpp" // Harness, Run

using rc::test::Harness;
using rc::test::Run;

TEST_CASE("futures_wait_is_an_as_completed_wait_enabled_by_the_future_finishing") {
    Harness h(R"(
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED
def task():
    return 7
ex = ThreadPoolExecutor(max_workers=1)
f = ex.submit(task)
done, not_done = wait([f], return_when=FIRST_COMPLETED)
print([x.result() for x in done], not_done)
ex.shutdown()
)");
    Run r = h.run();
    const std::vector<std::string> main = h.kinds(r, 0);
    // The batch of futures already done (none: the lowest thread, main, runs first), then the
    // blocking next, which runs only after the worker finished the future.
    CHECK(std::count(main.begin(), main.end(), "AsCompletedNext") == 2);
    CHECK(r.state.output == "[7] set()\n");
}

TEST_CASE("futures_wait_all_completed_returns_every_future_done") {
    Harness h(R"(
from concurrent.futures import ThreadPoolExecutor, wait
def task(n):
    return n * 2
with ThreadPoolExecutor(max_workers=2) as ex:
    fs = [ex.submit(task, n) for n in range(3)]
    r = wait(fs)
    print(sorted(f.result() for f in r.done), r.not_done, type(r).__name__)
)");
    Run r = h.run();
    CHECK(r.state.output == "[0, 2, 4] set() DoneAndNotDoneFutures\n");
}
