// Native recursion over values (comparison, repr, str, containment) raises RecursionError at the
// depths CPython 3.12 does, instead of exhausting the C++ stack; values of any depth can be
// shared between threads and rendered for reports.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include "tests/model/runtime/interpreter_test_util.hpp" // output_of, Harness

using rc::test::output_of;

namespace {

/// The deepest nesting at which `expr` (over lists a and b nested that deep) does not raise,
/// searched from 1490, and the message at one level more; CPython 3.12.1's answers are pinned.
std::string threshold(const std::string& expr) {
    return output_of(R"(
def build(n):
    a = []
    for i in range(n):
        a = [a]
    return a
def probe(n):
    a = build(n)
    b = build(n)
    try:
        x = )" + expr + R"(
        return "ok"
    except RecursionError as e:
        return str(e)
n = 1490
while probe(n) == "ok":
    n += 1
print(n - 1, probe(n))
)");
}

} // namespace

TEST_CASE("deep_comparisons_raise_recursion_error_at_cpython_depths") {
    const std::string cmp = "maximum recursion depth exceeded in comparison\n";
    CHECK(threshold("a == b") == "1497 " + cmp);
    CHECK(threshold("a < b") == "1497 " + cmp);
    CHECK(threshold("a in [b]") == "1497 " + cmp);
    CHECK(threshold("[b].index(a)") == "1497 " + cmp);
    CHECK(threshold("{1: a} == {1: b}") == "1496 " + cmp);
    CHECK(threshold("(a,) == (b,)") == "1496 " + cmp);
    CHECK(threshold("max(a, b)") == "1496 " + cmp);
}

TEST_CASE("deep_repr_and_str_raise_recursion_error_at_cpython_depths") {
    const std::string rep = "maximum recursion depth exceeded while getting the repr of an object\n";
    CHECK(threshold("repr(a)") == "1496 " + rep);
    CHECK(threshold("str(a)") == "1497 " + rep);
    CHECK(threshold("f\"{a}\"") == "1496 " + rep);
}

TEST_CASE("self_referencing_containers_compare_with_recursion_error_and_print_with_ellipsis") {
    CHECK(output_of(R"(
a = []
a.append(a)
b = []
b.append(b)
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError:", e)
d = {}
d[1] = d
e = {}
e[1] = e
try:
    print(d == e)
except RecursionError as x:
    print("RecursionError:", x)
print(a, d, a in a, a == a)
)") == "RecursionError: maximum recursion depth exceeded in comparison\n"
          "RecursionError: maximum recursion depth exceeded in comparison\n"
          "[[...]] {1: {...}} True True\n");
}

TEST_CASE("a_value_nested_100000_deep_is_shared_between_threads_and_rendered") {
    rc::test::Harness h(R"(
import threading
a = []
for i in range(100000):
    a = [a]
shared = None
def worker():
    global shared
    shared = a
t = threading.Thread(target=worker)
t.start()
t.join()
try:
    print(shared == a, len(shared))
    print(a == [a])
except RecursionError as e:
    print("RecursionError:", e)
)");
    rc::test::Run r = h.run();
    CHECK(r.state.output == "True 1\nRecursionError: maximum recursion depth exceeded in comparison\n");
    std::string rendered = h.global_repr(r.state, "shared");
    CHECK(rendered.rfind("[[[[", 0) == 0);
    CHECK(rendered.find("...") != std::string::npos);
    CHECK(rendered.size() < 1000);
}
