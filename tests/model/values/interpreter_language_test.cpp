// The Python subset on one thread: every expected output is what CPython 3 prints for the same
// code. Threads and visibility are tested in the other interpreter_*_test.cpp files.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include "tests/model/runtime/interpreter_test_util.hpp" // output_of

using rc::test::output_of;

TEST_CASE("integer_arithmetic_floors_division_and_modulo_of_negatives") {
    CHECK(output_of(R"(
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(divmod(-7, 2), 2 ** 10, 7 / 2, -1 / 4, abs(-5))
print(1 + 2 * 3 - 4, (1 + 2) * 3, 10 - 3 - 2)
)") == "3 -4 -4 3\n1 2 -2 -1\n(-4, 1) 1024 3.5 -0.25 5\n3 9 5\n");
}

// CPython's int grows without bound; racecheck's is 64-bit, so a result beyond it is refused
// (never wrapped, and never an OverflowError the program could catch or that becomes a finding).
TEST_CASE("integer_beyond_64_bits_is_refused_instead_of_wrapping") {
    for (const char* expr : {"x + 1", "3037000500 * 3037000500", "-(-x - 1)", "x ** 2", "x << 1",
                             "abs(-x - 1)", "int(1e19)", "sum([x, x])"}) {
        rc::test::Harness h(std::string("x = 9223372036854775807\ntry:\n    y = ") + expr +
                            "\n    print('wrapped', y)\nexcept OverflowError:\n    print('caught')\n");
        rc::test::Run r = h.run();
        CAPTURE(expr);
        CHECK(r.status == rc::RunStatus::Refused);
        REQUIRE(r.state.refusal.has_value());
        CHECK(r.state.refusal->what == "integer beyond 64 bits");
        CHECK(r.state.refusal->line == 3);
        CHECK(r.state.output.empty());
    }
}

TEST_CASE("division_by_zero_raises_zero_division_error") {
    CHECK(output_of(R"(
def fdiv(a, b):
    return a // b
def fmod(a, b):
    return a % b
def tdiv(a, b):
    return a / b
for f in [fdiv, fmod, tdiv]:
    try:
        f(1, 0)
    except ZeroDivisionError as e:
        print(e)
)") == "integer division or modulo by zero\ninteger modulo by zero\ndivision by zero\n");
}

TEST_CASE("float_repr_is_the_shortest_round_trip") {
    CHECK(output_of("print(0.1 + 0.2)\nprint(1e16)\nprint(2.0)\nprint(1.5e-7, 123456789.0, "
                    "-0.0, 1/3)\n") ==
          "0.30000000000000004\n1e+16\n2.0\n1.5e-07 123456789.0 -0.0 0.3333333333333333\n");
}

TEST_CASE("float_repr_switches_to_exponent_notation_below_1e_minus_4") {
    CHECK(output_of("print(0.0001, 0.00012, 1e-05, 0.000015, 1e-7, 9999999999999998.0)\n") ==
          "0.0001 0.00012 1e-05 1.5e-05 1e-07 9999999999999998.0\n");
}

// CPython prints 2.67 for round(2.675, 2): 2.675 is 2.67499999... in binary.
TEST_CASE("round_with_ndigits_is_correctly_rounded") {
    CHECK(output_of("print(round(2.675, 2), round(0.125, 2), round(1.0005, 3))\n") ==
          "2.67 0.12 1.0\n");
}

TEST_CASE("a_container_that_contains_itself_prints_like_cpython") {
    CHECK(output_of("a = []\na.append(a)\nprint(a)\nd = {}\nd[1] = d\nprint(d)\n") ==
          "[[...]]\n{1: {...}}\n");
}

TEST_CASE("format_spec_alternate_form_adds_the_base_prefix") {
    CHECK(output_of("print(f\"{255:#x}|{8:#o}|{5:#b}\")\n") == "0xff|0o10|0b101\n");
}

TEST_CASE("fstrings_support_format_specs_and_conversions") {
    CHECK(output_of(R"(
x = 3.14159
name = "bob"
n = 42
print(f"{x:.2f}|{n:>5}|{name!r}|{n}|{name:<5}|{n:05d}|{x}")
print(f"{'a' + 'b'} {[1, 2]} {n * 2}")
)") == "3.14|   42|'bob'|42|bob  |00042|3.14159\nab [1, 2] 84\n");
}

TEST_CASE("string_methods_behave_as_in_cpython") {
    CHECK(output_of(R"(
s = "  Hello, World  "
print(s.strip(), s.upper().strip(), s.lower().strip())
print("a,b,c".split(","), "a b  c".split(), "-".join(["x", "y", "z"]))
print("hello".startswith("he"), "hello".endswith("lo"), "hello".replace("l", "L"))
print(len("abc"), "abc"[1], "abc"[-1], "ab" * 3, "a" < "b", "b" in "abc")
)") == "Hello, World HELLO, WORLD hello, world\n['a', 'b', 'c'] ['a', 'b', 'c'] x-y-z\n"
       "True True heLLo\n3 b c ababab True True\n");
}

TEST_CASE("str_index_and_find_locate_a_substring") {
    CHECK(output_of("print(\"hello\".index(\"l\"), \"hello\".find(\"z\"))\n") == "2 -1\n");
}

TEST_CASE("str_format_fills_positional_fields") {
    CHECK(output_of("print(\"{} and {}\".format(1, \"two\"))\n") == "1 and two\n");
    CHECK(output_of("print(\"{1}-{0}|{x:>4}|{{}}|{0!r}\".format('a', 2, x=3))\n") ==
          "2-a|   3|{}|'a'\n");
}

TEST_CASE("list_dict_and_tuple_methods_behave_as_in_cpython") {
    CHECK(output_of(R"(
xs = [3, 1, 2]
xs.append(5)
xs.insert(0, 9)
xs.extend([7, 7])
print(xs, xs.pop(), xs.pop(0), xs.index(2), xs.count(7))
xs.remove(1)
xs.sort()
print(xs)
xs.reverse()
print(xs, len(xs))
d = {"a": 1}
d["b"] = 2
d.setdefault("c", 3)
d.update({"a": 10})
print(d, d.get("z"), d.get("z", 0), list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d, "a" in d, "b" in d)
t = (1, 2, 2)
print(t.count(2), t.index(2), t + (3,), len(t))
)") == "[3, 1, 2, 5, 7] 7 9 2 1\n[2, 3, 5, 7]\n[7, 5, 3, 2] 4\n"
       "{'a': 10, 'b': 2, 'c': 3} None 0 ['a', 'b', 'c'] [10, 2, 3] [('a', 10), ('b', 2), ('c', "
       "3)]\n"
       "2 {'a': 10, 'c': 3} True False\n2 1 (1, 2, 2, 3) 3\n");
}

TEST_CASE("slices_of_lists_strings_and_tuples") {
    CHECK(output_of(R"(
xs = [0, 1, 2, 3, 4, 5]
print(xs[1:4], xs[:2], xs[4:], xs[::2], xs[::-1], xs[-2:], xs[10:])
print("abcdef"[1:3], "abcdef"[::-1], (1, 2, 3)[1:])
)") == "[1, 2, 3] [0, 1] [4, 5] [0, 2, 4] [5, 4, 3, 2, 1, 0] [4, 5] []\nbc fedcba (2, 3)\n");
}

TEST_CASE("comprehensions_and_generator_expressions") {
    CHECK(output_of(R"(
n = 5
print([i * i for i in range(n) if i % 2 == 0])
print(sum(i * i for i in range(n)))
print({k: k * 2 for k in range(3)})
print([(a, b) for a in range(2) for b in range(2)])
)") == "[0, 4, 16]\n30\n{0: 0, 1: 2, 2: 4}\n[(0, 0), (0, 1), (1, 0), (1, 1)]\n");
}

TEST_CASE("comprehension_variable_does_not_leak") {
    CHECK(output_of(R"(
i = "outer"
squares = [i for i in range(3)]
print(i, squares)
)") == "outer [0, 1, 2]\n");
    CHECK(output_of(
              "def f():\n    [j for j in range(3)]\n    return j\nj = 'global'\nprint(f())\n") ==
          "global\n");
}

TEST_CASE("dict_iteration_follows_insertion_order") {
    CHECK(output_of(R"(
d = {}
d["z"] = 1
d["a"] = 2
d["m"] = 3
d["z"] = 4
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, v, end=";")
print()
)") == "z 4\na 2\nm 3\nz 4;a 2;m 3;\n");
}

TEST_CASE("loop_else_runs_only_without_break") {
    CHECK(output_of(R"(
for i in range(3):
    pass
else:
    print("for done", i)
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
n = 0
while n < 2:
    n += 1
else:
    print("while done", n)
while True:
    break
else:
    print("not printed")
)") == "for done 2\nwhile done 2\n");
}

TEST_CASE("break_and_continue_apply_to_the_innermost_loop") {
    CHECK(output_of(R"(
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if j == 2:
            break
        print(i, j)
    if i == 1:
        break
)") == "0 0\n1 0\n");
}

TEST_CASE("try_except_else_finally_run_in_order") {
    CHECK(output_of(R"(
def f(fail):
    try:
        print("try")
        if fail:
            raise ValueError("bad")
    except ValueError as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")
f(False)
f(True)
)") == "try\nelse\nfinally\ntry\nexcept bad\nfinally\n");
}

TEST_CASE("except_tuple_binds_the_exception_and_bare_raise_reraises") {
    CHECK(output_of(R"(
def g(k):
    try:
        if k == 0:
            raise KeyError("k")
        [][1]
    except (KeyError, IndexError) as e:
        print("caught", repr(e))
        raise
for k in range(2):
    try:
        g(k)
    except LookupError as e:
        print("outer", e)
)") == "caught KeyError('k')\nouter 'k'\ncaught IndexError('list index out of range')\n"
       "outer list index out of range\n");
}

TEST_CASE("finally_runs_when_returning_from_try") {
    CHECK(output_of(R"(
def f():
    try:
        return "value"
    finally:
        print("finally")
def g():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print("cleanup", i)
print(f(), g())
)") == "finally\ncleanup 0\ncleanup 1\nvalue 1\n");
}

TEST_CASE("with_lock_releases_the_lock_on_exception") {
    CHECK(output_of(R"(
import threading
lock = threading.Lock()
try:
    with lock:
        print(lock.locked())
        raise RuntimeError("inside")
except RuntimeError as e:
    print(e, lock.locked())
)") == "True\ninside False\n");
}

TEST_CASE("default_params_and_keyword_arguments") {
    CHECK(output_of(R"(
def f(a, b=2, c=3):
    return a * 100 + b * 10 + c
print(f(1), f(1, 5), f(1, c=7), f(a=4, b=0, c=0), f(1, 2, 3))
)") == "123 153 127 400 123\n");
}

TEST_CASE("too_deep_recursion_raises_recursion_error_that_can_be_caught") {
    CHECK(output_of(R"(
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("caught", e)
)") == "caught maximum recursion depth exceeded\n");
}

TEST_CASE("unbound_local_and_name_errors_are_raised_at_run_time") {
    CHECK(output_of(R"(
x = 1
def f():
    print(x)
    x = 2
try:
    f()
except UnboundLocalError as e:
    print(e)
def g():
    return later
try:
    g()
except NameError as e:
    print(e)
later = 1
print(g())
)") == "cannot access local variable 'x' where it is not associated with a value\n"
       "name 'later' is not defined\n1\n");
}

TEST_CASE("wrong_arity_raises_type_error_with_cpython_message") {
    CHECK(output_of(R"(
def f(a, b):
    return a
fs = [f]
try:
    fs[0](1)
except TypeError as e:
    print(e)
try:
    fs[0](1, 2, 3)
except TypeError as e:
    print(e)
)") == "f() missing 1 required positional argument: 'b'\n"
       "f() takes 2 positional arguments but 3 were given\n");
}

TEST_CASE("main_guard_runs_module_code") {
    CHECK(output_of("if __name__ == \"__main__\":\n    print(\"main\")\n") == "main\n");
}

TEST_CASE("print_honours_sep_and_end") {
    CHECK(output_of("print(1, 2, 3, sep='-', end='!\\n')\nprint('a', 'b', sep='')\nprint()\n") ==
          "1-2-3!\nab\n\n");
}

TEST_CASE("str_and_repr_of_nested_containers") {
    CHECK(output_of(R"(
x = [1, "a", (2,), {"k": [None, True]}, 1.0, ()]
print(x)
print(str(x) == repr(x), repr("it's"), str("s"), repr('say "hi"'))
)") == "[1, 'a', (2,), {'k': [None, True]}, 1.0, ()]\nTrue \"it's\" s 'say \"hi\"'\n");
}

TEST_CASE("builtins_isinstance_enumerate_zip_sorted_min_max") {
    CHECK(output_of(R"(
print(isinstance(1, int), isinstance("s", str), isinstance([], (int, list)), isinstance(1.0, int))
print(list(enumerate("ab")), list(enumerate("ab", 1)))
print(list(zip([1, 2, 3], "ab")))
print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted(["b", "a"]))
print(min([4, 2, 8]), max(4, 9), min([], default=0), max([], default="none"), min(3, 1, 2))
)") == "True True True False\n[(0, 'a'), (1, 'b')] [(1, 'a'), (2, 'b')]\n[(1, 'a'), (2, 'b')]\n"
       "[1, 2, 3] [3, 2, 1] ['a', 'b']\n2 9 0 none 1\n");
}
