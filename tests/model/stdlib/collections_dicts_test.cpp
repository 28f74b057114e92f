// collections.defaultdict and Counter as shared memory (model/stdlib/collections_dicts.cpp): a
// defaultdict's missing-key insertion is a write of the dict in the subscript that meets it, a
// Python factory runs inside that operation, and a Counter's missing key is only a read.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <string> // kind names
#include <vector> // expected sequences

#include "tests/model/runtime/interpreter_test_util.hpp" // Harness, Run

using rc::test::Harness;
using rc::test::Run;
using Kinds = std::vector<std::string>;

TEST_CASE("defaultdict_missing_key_subscript_is_a_container_write") {
    Harness h(R"(
import threading
from collections import defaultdict
counts = defaultdict(int)
def worker():
    counts["a"] += 1
t = threading.Thread(target=worker)
t.start()
t.join()
print(counts)
)");
    Run r = h.run();
    // The read of the missing key inserts 0: a write; then the store of 1.
    CHECK(h.kinds(r, 1) == Kinds{"ContainerWrite", "ContainerWrite"});
    CHECK(r.state.output == "defaultdict(<class 'int'>, {'a': 1})\n");
}

TEST_CASE("defaultdict_present_key_subscript_is_a_container_read") {
    Harness h(R"(
import threading
from collections import defaultdict
counts = defaultdict(int, a=5)
def worker():
    print(counts["a"])
t = threading.Thread(target=worker)
t.start()
t.join()
)");
    Run r = h.run();
    CHECK(h.kinds(r, 1) == Kinds{"ContainerRead", "Print", "Print"});
    CHECK(r.state.output == "5\n");
}

TEST_CASE("defaultdict_python_factory_runs_inside_the_subscript") {
    Harness h(R"(
import threading
from collections import defaultdict
made = []
def factory():
    made.append(1)
    return len(made)
table = defaultdict(factory)
def worker():
    x = table["k"]
t = threading.Thread(target=worker)
t.start()
t.join()
print(table, made)
)");
    Run r = h.run();
    // The factory's append on the shared list is part of the subscript: one event.
    CHECK(h.kinds(r, 1) == Kinds{"ContainerWrite"});
    CHECK(r.state.output.find("{'k': 1}) [1]\n") != std::string::npos);
}

TEST_CASE("counter_missing_key_is_a_read_that_inserts_nothing") {
    Harness h(R"(
import threading
from collections import Counter
c = Counter()
def worker():
    print(c["zz"], len(c))
t = threading.Thread(target=worker)
t.start()
t.join()
)");
    Run r = h.run();
    CHECK(h.kinds(r, 1) == Kinds{"ContainerRead", "ContainerRead", "Print", "Print", "Print", "Print"});
    CHECK(r.state.output == "0 0\n");
}

TEST_CASE("counter_most_common_is_a_read_and_update_a_write") {
    Harness h(R"(
import threading
from collections import Counter
c = Counter("aab")
def worker():
    c.update("b")
    x = c.most_common(1)
t = threading.Thread(target=worker)
t.start()
t.join()
print(c)
)");
    Run r = h.run();
    CHECK(h.kinds(r, 1) == Kinds{"ContainerWrite", "ContainerRead"});
    CHECK(r.state.output == "Counter({'a': 2, 'b': 2})\n");
}
