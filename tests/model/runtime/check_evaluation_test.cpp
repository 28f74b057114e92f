// Interpreter::evaluate: a check never changes the state it is evaluated on, whether it only
// reads (evaluated in place and undone) or calls methods (evaluated on a copy).
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include "tests/model/runtime/interpreter_test_util.hpp" // Harness

TEST_CASE("evaluating_checks_leaves_the_state_as_it_was") {
    rc::test::SnippetOptions opts;
    opts.final_checks = {"counter == 2 and items[0] == 'a' + 'b' and f'{counter:>3}' != ''",
                         "items.pop() == 'ab' and len(items) == 0",
                         "counter / 0 == 1",
                         "[x for x in items] == items",
                         "later == 1"};
    rc::test::Harness h(R"(
counter = 2
items = ["ab"]
if counter == 3:
    later = 1
)",
                        opts);
    rc::test::Run r = h.run();
    const uint64_t before = rc::hash_state(r.state);
    const size_t heap = r.state.heap.size();
    const uint64_t memory = r.state.memory;
    std::vector<std::string> values;
    for (rc::FuncId c : h.program().final_checks) {
        rc::CheckValue v = h.interp().evaluate(r.state, c);
        values.push_back(v.repr);
        CHECK(rc::hash_state(r.state) == before);
        CHECK(r.state.heap.size() == heap);
        CHECK(r.state.memory == memory);
        CHECK(r.state.threads.size() == 1);
    }
    CHECK(values == std::vector<std::string>{
                        "True", "True", "ZeroDivisionError: division by zero", "True",
                        "NameError: name 'later' is not defined"});
    CHECK(h.global_repr(r.state, "items") == "['ab']"); // the pop ran on a copy
}

TEST_CASE("checks_that_run_program_code_or_insert_leave_the_state_as_it_was") {
    // A defaultdict's missing key read (it inserts), a class's __getitem__ and a property getter
    // that write: each looks like a plain read in the check's code.
    rc::test::SnippetOptions opts;
    opts.final_checks = {"counts['missing'] == 0", "box[1] == 1", "box.peek == 1", "box.calls == 0"};
    rc::test::Harness h(R"(
from collections import defaultdict
counts = defaultdict(int)
class Box:
    def __init__(self):
        self.calls = 0
    def __getitem__(self, k):
        self.calls += 1
        return k
    @property
    def peek(self):
        self.calls += 1
        return 1
box = Box()
)",
                        opts);
    rc::test::Run r = h.run();
    const uint64_t before = rc::hash_state(r.state);
    std::vector<std::string> values;
    for (rc::FuncId c : h.program().final_checks) {
        values.push_back(h.interp().evaluate(r.state, c).repr);
        CHECK(rc::hash_state(r.state) == before);
    }
    CHECK(values == std::vector<std::string>{"True", "True", "True", "True"}); // calls stayed 0
    CHECK(h.global_repr(r.state, "counts") == "defaultdict(<class 'int'>, {})");
}
