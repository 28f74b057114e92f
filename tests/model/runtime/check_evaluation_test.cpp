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
