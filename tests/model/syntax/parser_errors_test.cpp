// Unit tests for the parser's errors (model/syntax/parser.hpp): refusals of constructs outside the
// subset, CPython's syntax-error messages with exact locations, and robustness on any input.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <cstdint> // uint32_t
#include <random>  // seeded byte fuzzing
#include <string>  // messages

#include "model/syntax/parser.hpp" // parse_module

namespace {

struct Failure {
    uint32_t line = 0;
    uint32_t col = 0;
    std::string message;
    std::string hint;
};

/// The error parse_module reports for `code`; fails the test if it parses.
Failure error_of(std::string_view code) {
    auto result = rc::parse_module(code);
    const auto *error = std::get_if<rc::CodeError>(&result);
    if (error == nullptr) {
        FAIL("expected an error for: " << code);
        return {};
    }
    return {error->loc.line, error->loc.col, error->message, error->hint};
}

/// "L:C message" for compact checks.
std::string error_at(std::string_view code) {
    const Failure f = error_of(code);
    return std::to_string(f.line) + ":" + std::to_string(f.col) + " " + f.message;
}

void check_refusal(std::string_view code, uint32_t line, uint32_t col, std::string_view message) {
    CAPTURE(code);
    const Failure f = error_of(code);
    CHECK(f.message == message);
    CHECK(f.line == line);
    CHECK(f.col == col);
    CHECK(f.message.rfind("unsupported: ", 0) == 0);
    CHECK(!f.hint.empty());
}

} // namespace

TEST_CASE("class_forms_outside_the_subset_are_refused") {
    check_refusal("def f():\n    class C:\n        pass\n", 2, 5,
                  "unsupported: class definitions inside functions or classes");
    check_refusal("class A:\n    class B:\n        pass\n", 2, 5,
                  "unsupported: class definitions inside functions or classes");
    check_refusal("class A(metaclass=M):\n    pass\n", 1, 9,
                  "unsupported: class keyword arguments (metaclass=...)");
    check_refusal("class A(*bases):\n    pass\n", 1, 9, "unsupported: star-arguments in a class's bases");
}

TEST_CASE("dataclass_forms_outside_the_model_are_refused_where_written") {
    const std::string imp = "from dataclasses import dataclass, field, InitVar\n";
    check_refusal(imp + "@dataclass(frozen=True)\nclass P:\n    x: int\n", 2, 12, "unsupported: dataclass(frozen=True)");
    check_refusal(imp + "@dataclass(slots=True)\nclass P:\n    x: int\n", 2, 12, "unsupported: dataclass(slots=True)");
    check_refusal(imp + "@dataclass(order=FLAG)\nclass P:\n    x: int\n", 2, 12,
                  "unsupported: order= other than True or False in @dataclass or field()");
    check_refusal(imp + "@dataclass\nclass P:\n    x: InitVar[int]\n", 4, 8, "unsupported: dataclasses.InitVar fields");
    check_refusal(imp + "@dataclass\nclass P:\n    x: list = []\n", 4, 15,
                  "unsupported: a list, dict or set as the default of dataclass field 'x'");
    check_refusal(imp + "@dataclass\nclass P:\n    x: int = 0\n    y: int\n", 5, 5,
                  "unsupported: dataclass field 'y' without a default after one with a default");
    check_refusal(imp + "@dataclass\nclass P:\n    x: int = field(metadata={})\n", 4, 20, "unsupported: field(metadata=...)");
    check_refusal(imp + "@dataclass\nclass P:\n    x: int = field(default=1, default_factory=int)\n", 4, 14,
                  "unsupported: field() with both default and default_factory");
    check_refusal(imp + "@dataclass\nclass A:\n    x: list = field(default_factory=list)\n@dataclass\nclass B(A):\n    y: int = 0\n",
                  4, 5, "unsupported: a default_factory field inherited from a dataclass base");
    check_refusal(imp + "@dataclass\n@other\nclass P:\n    x: int\n", 2, 2, "unsupported: @dataclass above another class decorator");
    check_refusal(imp + "@dataclass(order=True)\nclass P:\n    x: int\n    def __lt__(self, o): return True\n", 2, 2,
                  "unsupported: @dataclass(order=True) on a class that defines __lt__");
    check_refusal(imp + "@dataclass\nclass P:\n    self: int\n", 4, 5, "unsupported: a dataclass field named 'self'");
    check_refusal(imp + "if True:\n    @dataclass(frozen=True)\n    class P:\n        x: int\n", 3, 16,
                  "unsupported: dataclass(frozen=True)"); // a class in a module-level block is rewritten too
}

TEST_CASE("a_decorator_named_dataclass_not_from_dataclasses_is_an_ordinary_decorator") {
    // Only dataclasses.dataclass is rewritten; any other callable is applied to the class.
    auto result = rc::parse_module("def dataclass(c):\n    return c\n@dataclass\nclass P:\n    x: int = 0\n");
    REQUIRE(std::holds_alternative<rc::ast::Module>(result));
    const auto& body = std::get<rc::ast::Module>(result).body;
    const auto& cls = std::get<rc::ast::ClassDef>(body[1].node);
    CHECK(cls.decorators.size() == 1);
    CHECK(cls.body.size() == 1); // no generated methods
}

TEST_CASE("classes_and_decorated_defs_parse") {
    auto result = rc::parse_module("class A(B, C):\n    x = 1\n    @staticmethod\n    def f(a):\n        return a\n");
    CHECK(std::holds_alternative<rc::ast::Module>(result));
}

TEST_CASE("nested_defs_and_nonlocal_parse") {
    auto result = rc::parse_module("def f():\n    x = 1\n    def g():\n        nonlocal x\n        x += 1\n"
                                   "    if x:\n        def h(): pass\n    return g\n");
    REQUIRE(std::holds_alternative<rc::ast::Module>(result));
    const auto& f = std::get<rc::ast::FunctionDef>(std::get<rc::ast::Module>(result).body[0].node);
    const auto& g = std::get<rc::ast::FunctionDef>(f.body[1].node);
    const auto& decl = std::get<rc::ast::Global>(g.body[0].node);
    CHECK(decl.nonlocal);
    CHECK(decl.names == std::vector<std::string>{"x"});
}

TEST_CASE("starred_items_and_assignment_expressions_parse_with_cpythons_syntax_errors") {
    for (const char *ok : {"first, *rest = xs\n", "for a, *b in xs: pass\n", "x = [*a, *b]\n",
                           "s = {*a, 1}\n", "t = *a, b\n", "[p, *q] = r\n", "with m as (a, *b): pass\n",
                           "if (n := 3): pass\n", "while x := f(): pass\n", "print(y := 2, [z := 1])\n"}) {
        CAPTURE(ok);
        CHECK(std::holds_alternative<rc::ast::Module>(rc::parse_module(ok)));
    }
    // CPython 3.12's messages and positions
    CHECK(error_at("*a = [1]\n") == "1:1 starred assignment target must be in a list or tuple");
    CHECK(error_at("a, *b, *c = xs\n") == "1:1 multiple starred expressions in assignment");
    CHECK(error_at("del *a\n") == "1:5 cannot delete starred");
    CHECK(error_at("*a += 1\n") == "1:1 'starred' is an illegal expression for augmented assignment");
    CHECK(error_at("with m as *b: pass\n") == "1:11 starred assignment target must be in a list or tuple");
    CHECK(error_at("(a.b := 1)\n") == "1:2 cannot use assignment expressions with attribute");
    CHECK(error_at("x := 5\n").find("1:3 invalid syntax") == 0);
}

TEST_CASE("async_is_refused") {
    check_refusal("async def f(): pass\n", 1, 1, "unsupported: async");
    check_refusal("def f():\n    await g()\n", 2, 5, "unsupported: async");
}

TEST_CASE("other_constructs_outside_the_subset_are_refused") {
    check_refusal("match command:\n    case 1:\n        pass\n", 1, 1,
                  "unsupported: match statements");
    check_refusal("d = {**a, 'k': 1}\n", 1, 6, "unsupported: dict unpacking (**)");
    check_refusal("from . import x\n", 1, 1, "unsupported: relative imports");
    check_refusal("raise X from e\n", 1, 9, "unsupported: exception chaining (raise ... from ...)");
    check_refusal("x = b'raw'\n", 1, 5, "unsupported: bytes literals");
    check_refusal("x = a @ b\n", 1, 7, "unsupported: matrix multiplication (@)");
    check_refusal("x @= b\n", 1, 3, "unsupported: matrix multiplication (@)");
    check_refusal("def f(): ...\n", 1, 10, "unsupported: Ellipsis (...)");
    check_refusal("x = f'{x:{w}}'\n", 1, 10,
                  "unsupported: nested replacement fields in f-string format specs");
    check_refusal("try:\n    pass\nexcept* E:\n    pass\n", 3, 7,
                  "unsupported: exception groups (except*)");
}

TEST_CASE("match_as_a_name_is_not_refused") {
    CHECK(std::holds_alternative<rc::ast::Module>(
        rc::parse_module("match = re.match(p, s)\nmatch.group(1)\nprint(match)\n")));
}

TEST_CASE("imports_are_not_refused_by_module_name") {
    CHECK(std::holds_alternative<rc::ast::Module>(
        rc::parse_module("import multiprocessing\nfrom os import path\n")));
}

TEST_CASE("indentation_errors_read_like_cpython") {
    CHECK(error_at("x = 1\n    y = 2\n") == "2:5 unexpected indent");
    CHECK(error_at("if x:\n    a = 1\n  b = 2\n") ==
          "3:3 unindent does not match any outer indentation level");
    CHECK(error_at("if x:\npass\n") ==
          "2:1 expected an indented block after 'if' statement on line 1");
    CHECK(error_at("def f():\nreturn 1\n") ==
          "2:1 expected an indented block after function definition on line 1");
    CHECK(error_at("for x in y:\n\nz\n") ==
          "3:1 expected an indented block after 'for' statement on line 1");
    CHECK(error_at("if a:\n    pass\nelse:\nz\n") ==
          "4:1 expected an indented block after 'else' statement on line 3");
    CHECK(error_at("try:\n    pass\nexcept E:\nz\n") ==
          "4:1 expected an indented block after 'except' statement on line 3");
    CHECK(error_at("with a:\n") ==
          "1:8 expected an indented block after 'with' statement on line 1");
    CHECK(error_at("if x:\n\n# c\n") ==
          "1:6 expected an indented block after 'if' statement on line 1");
}

TEST_CASE("tab_errors_are_reported_by_parse_module") {
    CHECK(error_at("if x:\n\tif y:\n        pass\n") ==
          "3:1 inconsistent use of tabs and spaces in indentation");
    CHECK(std::holds_alternative<rc::ast::Module>(rc::parse_module("if x:\n\ty = 1\n\tz = 2\n")));
}

TEST_CASE("syntax_errors_point_at_the_offending_token") {
    CHECK(error_at("if x\n    pass\n") == "1:5 expected ':'");
    CHECK(error_at("for x in y\n    pass\n") == "1:11 expected ':'");
    CHECK(error_at("x = \n") == "1:5 invalid syntax");
    CHECK(error_at("x +\n") == "1:4 invalid syntax");
    CHECK(error_at("a b\n") == "1:3 invalid syntax");
    CHECK(error_at("x = (1,\ny = 2\n") == "1:5 '(' was never closed");
    CHECK(error_at("x = 1)\n") == "1:6 unmatched ')'");
    CHECK(error_at("except:\n  pass\n") == "1:1 invalid syntax");
    CHECK(error_at("x = 1 if y\n") == "1:5 expected 'else' after 'if' expression");
    CHECK(error_at("try:\n    pass\nx = 1\n") == "3:1 expected 'except' or 'finally' block");
    CHECK(error_at("try:\n  pass\nexcept A, B:\n  pass\n") ==
          "3:8 multiple exception types must be parenthesized");
    CHECK(error_at("print 'x'\n") ==
          "1:1 Missing parentheses in call to 'print'. Did you mean print(...)?");
    CHECK(error_at("x.if = 1\n") == "1:3 invalid syntax");
    CHECK(error_at("f(x for x in y, 1)\n") == "1:3 Generator expression must be parenthesized");
    CHECK(error_at("d = {1: 2, 3}\n") == "1:13 ':' expected after dictionary key");
}

TEST_CASE("call_site_unpacking_parses") {
    auto result = rc::parse_module("f(a, *xs, b, *ys, k=1, **kw, m=2)\nf(k=1, *xs)\nf(**a, **b)\n");
    REQUIRE(std::holds_alternative<rc::ast::Module>(result));
    const auto& body = std::get<rc::ast::Module>(result).body;
    const auto& call = std::get<rc::ast::Call>(std::get<rc::ast::ExprStmt>(body[0].node).value.node);
    CHECK(call.starred == std::vector<bool>{false, true, false, true});
    REQUIRE(call.keywords.size() == 3);
    CHECK(call.keywords[0].name == "k");
    CHECK(call.keywords[1].name.empty()); // **kw
    CHECK(call.keywords[2].name == "m");
    CHECK(call.has_unpacking());
}

TEST_CASE("call_and_parameter_order_errors") {
    CHECK(error_at("f(a=1, 2)\n") == "1:8 positional argument follows keyword argument");
    CHECK(error_at("f(a=1, a=2)\n") == "1:8 keyword argument repeated: a");
    CHECK(error_at("f(**kw, *xs)\n") == "1:9 iterable argument unpacking follows keyword argument unpacking");
    CHECK(error_at("f(**kw, a)\n") == "1:9 positional argument follows keyword argument unpacking");
    CHECK(error_at("f(*a for a in b)\n") == "1:3 iterable unpacking cannot be used in comprehension");
    CHECK(error_at("f(**k, k=1, k=2)\n") == "1:13 keyword argument repeated: k");
    CHECK(error_at("f(*)\n") == "1:4 invalid syntax");
    CHECK(error_at("f(**)\n") == "1:5 invalid syntax");
    CHECK(error_at("def f(a=1, b):\n    pass\n") ==
          "1:12 parameter without a default follows parameter with a default");
    CHECK(error_at("def f(a, a): pass\n") == "1:10 duplicate argument 'a' in function definition");
}

TEST_CASE("invalid_targets_read_like_cpython") {
    CHECK(error_at("f() = 3\n") ==
          "1:1 cannot assign to function call here. Maybe you meant '==' instead of '='?");
    CHECK(error_at("1 = x\n") ==
          "1:1 cannot assign to literal here. Maybe you meant '==' instead of '='?");
    CHECK(error_at("a, f() = x\n") ==
          "1:4 cannot assign to function call here. Maybe you meant '==' instead of '='?");
    CHECK(error_at("f() += 1\n") == "1:1 'function call' is an illegal expression for augmented "
                                    "assignment");
    CHECK(error_at("a, b += 1\n") == "1:1 'tuple' is an illegal expression for augmented "
                                     "assignment");
    CHECK(error_at("del f()\n") == "1:5 cannot delete function call");
    CHECK(error_at("for f() in x: pass\n") == "1:5 cannot assign to function call");
    CHECK(error_at("a < b = 1\n") == "1:1 cannot assign to comparison");
    CHECK(error_at("f() = x = 1\n") == "1:1 cannot assign to function call");
    CHECK(error_at("-x = 1\n") ==
          "1:1 cannot assign to expression here. Maybe you meant '==' instead of '='?");
    CHECK(error_at("None = 1\n") == "1:1 cannot assign to None");
    CHECK(error_at("[a, 1] = x\n") == "1:5 cannot assign to literal");
    CHECK(error_at("with a as f(): pass\n") == "1:11 cannot assign to function call");
    CHECK(error_at("[x for f() in y]\n") == "1:8 cannot assign to function call");
    CHECK(error_at("d = {'a': 1}=\n") == "1:5 cannot assign to dict literal");
}

TEST_CASE("return_break_and_continue_placement_is_checked") {
    CHECK(error_at("return 1\n") == "1:1 'return' outside function");
    CHECK(error_at("break\n") == "1:1 'break' outside loop");
    CHECK(error_at("if x:\n    continue\n") == "2:5 'continue' not properly in loop");
    CHECK(error_at("for x in y:\n    def f():\n        break\n") == "3:9 'break' outside loop");
    CHECK(std::holds_alternative<rc::ast::Module>(
        rc::parse_module("while x:\n    try:\n        break\n    finally:\n        pass\n")));
}

TEST_CASE("fstring_errors_point_into_the_string") {
    CHECK(error_at("x = f'{}'\n") == "1:8 f-string: empty expression not allowed");
    CHECK(error_at("x = f'}'\n") == "1:7 f-string: single '}' is not allowed");
    CHECK(error_at("x = f'{a'\n") == "1:9 f-string: expecting '}'");
    CHECK(error_at("x = f'{a!x}'\n") ==
          "1:10 f-string: invalid conversion character: expected 's', 'r', or 'a'");
    CHECK(error_at("x = f'{a b}'\n") == "1:10 invalid syntax");
    CHECK(error_at("x = f'{a)}'\n") == "1:9 unmatched ')'");
}

TEST_CASE("lexical_errors_are_reported_by_parse_module") {
    CHECK(error_at("x = 'abc\n") == "1:5 unterminated string literal (detected at line 1)");
    CHECK(error_at("x = 99999999999999999999\n") == "1:5 integer literal too large");
    CHECK(error_at("x = 1 \xE2\x82\xAC\n") == "1:7 invalid character '\xE2\x82\xAC' (U+20AC)");
}

// ---- the tutorial code racecheck is for ----------------------------------------------------

namespace {

constexpr std::string_view unsafe_counter = R"(import threading

counter = 0

def worker():
    global counter
    for _ in range(100000):
        counter += 1

threads = []
for _ in range(5):
    t = threading.Thread(target=worker)
    t.start()
    threads.append(t)

for t in threads:
    t.join()

print("Counter:", counter)
# Output will be incorrect due to race condition (expected: 500000)
)";

constexpr std::string_view condition_example = R"(import threading
import time

condition = threading.Condition()
data_ready = False

def producer():
    global data_ready
    time.sleep(2)
    with condition:
        data_ready = True
        print("Data produced")
        condition.notify()  # Wake up waiting thread

def consumer():
    global data_ready
    with condition:
        while not data_ready:
            print("Waiting for data...")
            condition.wait()  # Release lock and wait
        print("Data consumed")

t1 = threading.Thread(target=producer)
t2 = threading.Thread(target=consumer)

t2.start()  # Start consumer first (it will wait)
t1.start()

t1.join()
t2.join()
)";

constexpr std::string_view queue_example = R"(import threading
from queue import Queue

q = Queue()

def producer():
    for i in range(5):
        q.put(i)
        print(f"Produced: {i}")

def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        print(f"Consumed: {item}")
        q.task_done()

p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)

p.start()
c.start()

p.join()
q.put(None)  # Signal consumer to stop
c.join()

print("Done!")
)";

constexpr std::string_view pool_example =
    R"(from concurrent.futures import ThreadPoolExecutor, as_completed
import time

def download(url):
    time.sleep(1)  # Simulate I/O
    return f"Downloaded {url}"

urls = [f"https://example.com/{i}" for i in range(5)]

# Using map (ordered results)
with ThreadPoolExecutor(max_workers=3) as executor:
    results = list(executor.map(download, urls))
    print(results)

# Using submit (get futures)
with ThreadPoolExecutor(max_workers=3) as executor:
    futures = [executor.submit(download, url) for url in urls]

    # Process as completed (unordered)
    for future in as_completed(futures):
        result = future.result()
        print(result)

# With timeout
with ThreadPoolExecutor() as executor:
    future = executor.submit(download, "https://slow.com")
    try:
        result = future.result(timeout=0.5)
    except TimeoutError:
        print("Task timed out!")

def cpu_bound(n):
    return sum(i * i for i in range(n))
)";

constexpr std::string_view seeds[] = {unsafe_counter, condition_example, queue_example,
                                      pool_example};

} // namespace

TEST_CASE("tutorial_snippets_parse") {
    for (std::string_view code : seeds) {
        auto result = rc::parse_module(code);
        const auto *error = std::get_if<rc::CodeError>(&result);
        CHECK_MESSAGE(error == nullptr, (error ? error->message : std::string()));
    }
    const auto module = std::get<rc::ast::Module>(rc::parse_module(unsafe_counter));
    CHECK(module.body.size() == 7);
}

TEST_CASE("any_input_yields_a_module_or_an_error_never_a_crash") {
    std::size_t outcomes = 0;
    for (std::string_view code : seeds) {
        for (std::size_t n = 0; n <= code.size(); ++n) {
            auto result = rc::parse_module(code.substr(0, n));
            outcomes += result.index() <= 1 ? 1 : 0;
        }
    }
    std::mt19937 rng(20240611);
    const std::string alphabet = " \t\n\n\n()[]{}:;,.=+-*/%<>!'\"\\#@~^&|0123456789abcfrxeij_"
                                 "\xC3\xA9\xE2\x82\xAC";
    for (int round = 0; round < 3000; ++round) {
        std::string code;
        const std::size_t length = rng() % 60;
        for (std::size_t k = 0; k < length; ++k) {
            code +=
                round % 3 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
        }
        auto result = rc::parse_module(code);
        outcomes += result.index() <= 1 ? 1 : 0;
    }
    std::uniform_int_distribution<std::size_t> pick(0, std::size(seeds) - 1);
    for (int round = 0; round < 2000; ++round) {
        std::string code(seeds[pick(rng)]);
        for (int k = 0; k < 3; ++k) {
            code[rng() % code.size()] = alphabet[rng() % alphabet.size()];
        }
        auto result = rc::parse_module(code);
        outcomes += result.index() <= 1 ? 1 : 0;
    }
    CHECK(outcomes > 5000);
}

TEST_CASE("deep_nesting_is_an_error_not_a_stack_overflow") {
    CHECK(error_at("x = " + std::string(250, '(') + "1" + std::string(250, ')') + "\n") ==
          "1:205 too many nested parentheses");
    CHECK(error_at("x = " + std::string(5000, '-') + "1\n") ==
          "1:254 expression nested too deeply");
    std::string nots = "x = ";
    for (int i = 0; i < 3000; ++i) {
        nots += "not ";
    }
    CHECK(error_of(nots + "y\n").message == "expression nested too deeply");
    std::string powers = "x = 2";
    for (int i = 0; i < 3000; ++i) {
        powers += " ** 2";
    }
    CHECK(error_of(powers + "\n").message == "expression nested too deeply");
    CHECK(std::holds_alternative<rc::ast::Module>(
        rc::parse_module("x = " + std::string(100, '(') + "1" + std::string(100, ')') + "\n")));
}

TEST_CASE("a_bad_token_later_in_the_code_wins_over_a_syntax_error_as_in_cpython") {
    CHECK(error_at("x = = 1\ny = 'abc\n") ==
          "2:5 unterminated string literal (detected at line 2)");
    CHECK(error_at("x = a ! b\n") == "1:7 invalid syntax");
    CHECK(error_at("x = 1\n    y = 'abc\n") == "2:5 unexpected indent");
}

TEST_CASE("an_unclosed_bracket_wins_over_a_syntax_error_on_a_later_line") {
    CHECK(error_at("x = (1 +\ny = 2\n") == "1:5 '(' was never closed");
    CHECK(error_at("x = (1 2\n") == "1:6 invalid syntax. Perhaps you forgot a comma?");
    CHECK(error_at("foo(a b\n") == "1:5 invalid syntax. Perhaps you forgot a comma?");
}

TEST_CASE("indentation_errors_are_reported_where_the_parser_reaches_them") {
    CHECK(error_at("x = = 1\nif y:\n    a\n  b\n") == "1:5 invalid syntax");
    CHECK(error_at("with a:\n  b = 1\n c = 2\n") ==
          "3:2 unindent does not match any outer indentation level");
}

TEST_CASE("placement_errors_come_after_syntax_errors") {
    CHECK(error_at("return 1\nx = = 2\n") == "2:5 invalid syntax");
    CHECK(error_at("def f(a, a): pass\nx = = 2\n") == "2:5 invalid syntax");
}

TEST_CASE("forgot_a_comma_only_when_an_expression_follows") {
    CHECK(error_at("f(a, b c)\n") == "1:6 invalid syntax. Perhaps you forgot a comma?");
    CHECK(error_at("[1, 2 3]\n") == "1:5 invalid syntax. Perhaps you forgot a comma?");
    CHECK(error_at("f(10 ~)\n") == "1:7 invalid syntax");
    CHECK(error_at("x = [i for i n range(3)]\n") ==
          "1:12 invalid syntax. Perhaps you forgot a comma?");
}

TEST_CASE("colon_errors_follow_cpython_forced_and_newline_rules") {
    CHECK(error_at("while x y:\n  pass\n") == "1:9 invalid syntax");
    CHECK(error_at("if x:\n  pass\nelse x:\n  pass\n") == "3:6 expected ':'");
    CHECK(error_at("def f() x:\n  pass\n") == "1:9 expected ':'");
    CHECK(error_at("def f<(a): pass\n") == "1:6 expected '('");
    CHECK(error_at("try x:\n  pass\n") == "1:5 expected ':'");
}
