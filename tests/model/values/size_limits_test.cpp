// Sizes: every size the program computes is checked before anything is built. Where CPython
// answers (an overflowing repeat, a format width with too many digits), racecheck answers the
// same; past racecheck's own limits (Limits: memory, string, threads) the execution stops with
// State::limit set, never with std::bad_alloc, undefined behaviour or the OOM killer.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include "tests/model/runtime/interpreter_test_util.hpp" // output_of, Harness

using rc::test::output_of;

namespace {

/// Runs `code` under small limits; returns how it ended: its output, then describe_limit.
std::string limited(const std::string& code, rc::Limits limits) {
    rc::test::SnippetOptions opts;
    opts.limits = limits;
    rc::test::Harness h(code, opts);
    rc::test::Run r = h.run();
    std::string out = r.state.output;
    for (const std::string& u : h.uncaught_all(r.state)) out += "!! " + u + "\n";
    if (r.status == rc::RunStatus::Limit) out += "limit: " + h.interp().describe_limit(r.state);
    return out;
}

rc::Limits small() {
    rc::Limits l;
    l.max_memory = 16u << 20;
    l.max_string = 1u << 20;
    l.max_threads = 50;
    return l;
}

} // namespace

TEST_CASE("oversized_repeats_raise_as_cpython_does") {
    CHECK(output_of(R"(
try:
    x = "ab" * 2 ** 62
except OverflowError as e:
    print("OverflowError:", e)
try:
    x = [1, 2] * 2 ** 62
except MemoryError as e:
    print("MemoryError", repr(e))
try:
    x = (1, 2) * 2 ** 62
except MemoryError:
    print("MemoryError")
print(len("" * 2 ** 62), len([] * 2 ** 62), len("ab" * -5))
)") == "OverflowError: repeated string is too long\nMemoryError MemoryError()\nMemoryError\n0 0 0\n");
}

TEST_CASE("format_widths_and_precisions_are_parsed_with_cpython_checks") {
    CHECK(output_of(R"(
for spec in ["99999999999999999999", ".99999999999999999999", ",.99999999999999999999f"]:
    try:
        print(("{:" + spec + "}").format(1.5))
    except ValueError as e:
        print("ValueError:", e)
try:
    print(f"{1:99999999999999999999}")
except ValueError as e:
    print("ValueError:", e)
try:
    print("{:.2147483648f}".format(1.5))
except ValueError as e:
    print("ValueError:", e)
print("{:.99999999999}".format("ab"))
)") == "ValueError: Too many decimal digits in format string\n"
       "ValueError: Too many decimal digits in format string\n"
       "ValueError: Too many decimal digits in format string\n"
       "ValueError: Too many decimal digits in format string\n"
       "ValueError: precision too big\nab\n");
}

TEST_CASE("long_float_precisions_print_every_digit_as_cpython_does") {
    CHECK(output_of(R"(
s = "{:.1200f}".format(1.5)
print(len(s), s[:5], s[-3:])
e = "{:.1000e}".format(1.5)
print(len(e), e[-8:])
g = f"{0.1:.800g}"
print(len(g), g[:30])
print(len(f"{1e300:,.400f}"), f"{1e300:,.2f}"[:12])
print(f"{1.5:.3e}", f"{2.5:.0f}", f"{0.125:.2%}")
)") == "1202 1.500 000\n1006 0000e+00\n57 0.1000000000000000055511151231\n"
       "802 1,000,000,00\n1.500e+00 2 12.50%\n");
}

TEST_CASE("round_with_huge_ndigits_returns_what_cpython_returns") {
    CHECK(output_of(R"(
print(round(1.5, 10 ** 9), round(-1.5, -10 ** 9), round(1.5, -10 ** 9))
print(round(5e-324, 323), round(5e-324, 324), round(1e300, 320), round(2.675, 2))
)") == "1.5 -0.0 0.0\n0.0 5e-324 1e+300 2.67\n");
}

TEST_CASE("replace_of_the_empty_string_inserts_between_characters") {
    CHECK(output_of(R"(
print("ab".replace("", "x"), "".replace("", "x"), "é".replace("", "-"), "aaa".replace("a", "bb"))
)") == "xaxbx x -é- bbbbbb\n");
}

TEST_CASE("ranges_and_slices_at_the_ends_of_int64_do_not_overflow") {
    CHECK(output_of(R"(
for i in range(9223372036854775800, 9223372036854775807, 3):
    print(i)
print(list(range(0, 9223372036854775807, 4611686018427387904)))
print("abcdef"[::9223372036854775807], "abcdef"[::-9223372036854775807 - 1])
print(9223372036854775806 in range(0, 9223372036854775807, 2))
try:
    print(len(range(-9223372036854775807 - 1, 9223372036854775807)))
except OverflowError as e:
    print("OverflowError:", e)
)") == "9223372036854775800\n9223372036854775803\n9223372036854775806\n"
       "[0, 4611686018427387904]\na f\nTrue\n"
       "OverflowError: Python int too large to convert to C ssize_t\n");
}

TEST_CASE("a_string_doubling_loop_stops_at_the_string_limit") {
    CHECK(limited("s = 'x'\nwhile True:\n    s = s + s\n", small()) ==
          "limit: the program built a string longer than 1 MiB at line 3");
    CHECK(limited("x = 'ab' * 10 ** 9\n", rc::Limits{}) ==
          "limit: the program built a string longer than 64 MiB at line 1");
    CHECK(limited("print('{:1000000000}'.format(1))\n", rc::Limits{}) ==
          "limit: the program built a string longer than 64 MiB at line 1");
    CHECK(limited("x = '-'.join(['ab' * 1000] * 1000)\n", small()) ==
          "limit: the program built a string longer than 1 MiB at line 1");
}

TEST_CASE("growing_containers_and_output_stop_at_the_memory_limit") {
    CHECK(limited("a = []\nwhile True:\n    a.append([0] * 100)\n", small()) ==
          "limit: the program's memory passed 16 MiB at line 3");
    CHECK(limited("d = {}\ni = 0\nwhile True:\n    d[i] = [i] * 100\n    i += 1\n", small()) ==
          "limit: the program's memory passed 16 MiB at line 4");
    CHECK(limited("x = list(range(10 ** 8))\n", small()) ==
          "limit: the program's memory passed 16 MiB at line 1");
    std::string printed = limited("while True:\n    print('hello, world')\n", small());
    CHECK(printed.rfind("hello, world\n", 0) == 0);
    CHECK(printed.find("limit: the program's memory passed 16 MiB at line 2") != std::string::npos);
}

TEST_CASE("frames_are_given_back_when_they_return_or_unwind") {
    // 100,000 returns and 50,000 unwound frames in a 1 MiB budget: only live frames count.
    rc::Limits tight = small();
    tight.max_memory = 1u << 20;
    CHECK(limited(R"(
def f(n):
    return n + 1
def down(n):
    if n == 0:
        raise ValueError("bottom")
    down(n - 1)
total = 0
for i in range(100000):
    total = f(total)
for i in range(100):
    try:
        down(500)
    except ValueError:
        total += 1
print(total)
)",
                  tight) == "100100\n");
}

TEST_CASE("starting_more_threads_than_the_limit_stops_the_execution") {
    CHECK(limited(R"(
import threading
def work():
    pass
while True:
    threading.Thread(target=work).start()
)",
                  small()) == "limit: the program started more than 50 threads at line 5");
}

TEST_CASE("an_exponentially_long_repr_stops_at_the_string_limit_and_renders_cut") {
    const std::string code = "a = []\nfor i in range(60):\n    a = [a, a]\nprint(len(repr(a)))\n";
    CHECK(limited(code, small()) == "limit: the program built a string longer than 1 MiB at line 4");
    rc::test::Harness h("a = []\nfor i in range(60):\n    a = [a, a]\n");
    rc::test::Run r = h.run();
    std::string shown = h.global_repr(r.state, "a");
    CHECK(shown.size() <= (1u << 20) + 3);
    CHECK(shown.rfind("[[[[", 0) == 0);
    CHECK(shown.substr(shown.size() - 3) == "…");
}
