// The compiler: code shape (via disassembly), scopes, GlobalInfo facts on the tutorial seeds,
// and the load-time errors it reports.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <sstream> // listing lines
#include <string>  // sources, listings
#include <variant> // results
#include <vector>  // ops

#include "model/compile/compiler.hpp"    // compile_program
#include "model/bytecode/disassemble.hpp" // disassemble
#include "model/syntax/parser.hpp"      // parse_module

namespace rc {
namespace {

struct Compiled {
    ast::Module module;
    std::vector<ast::Module> check_modules; // checks parsed as expression statements
    std::variant<Program, CompileError> result;
};

const ast::Expr* expression_of(const ast::Module& m) {
    REQUIRE(m.body.size() == 1);
    return &std::get<ast::ExprStmt>(m.body[0].node).value;
}

std::unique_ptr<Compiled> compile(const std::string& code, std::vector<std::string> params = {},
                                  std::vector<std::string> final_checks = {}) {
    auto out = std::make_unique<Compiled>();
    auto parsed = parse_module(code);
    if (auto* e = std::get_if<CodeError>(&parsed)) FAIL("parse error: " << e->message);
    out->module = std::move(std::get<ast::Module>(parsed));
    for (const std::string& c : final_checks) {
        auto m = parse_module(c);
        REQUIRE(std::holds_alternative<ast::Module>(m));
        out->check_modules.push_back(std::move(std::get<ast::Module>(m)));
    }
    CompileInput input;
    input.module = &out->module;
    input.param_names = std::move(params);
    for (const ast::Module& m : out->check_modules) input.final_checks.push_back(expression_of(m));
    out->result = compile_program(input);
    return out;
}

const Program& program_of(const Compiled& c) {
    if (auto* e = std::get_if<CompileError>(&c.result))
        FAIL("compile error: " << e->error.message << " at " << e->error.loc.line << ":"
                               << e->error.loc.col);
    return std::get<Program>(c.result);
}

const CodeError& error_of(const Compiled& c) {
    REQUIRE(std::holds_alternative<CompileError>(c.result));
    return std::get<CompileError>(c.result).error;
}

/// The code object's instructions as "Opcode operand" strings (no pc, no line).
std::vector<std::string> ops(const Program& p, uint32_t func) {
    std::istringstream in(disassemble(p, FuncId(func)));
    std::vector<std::string> out;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line) && line != "exception table:") {
        auto at = line.find(" L");
        auto op = line.find(' ', line.find_first_not_of(' ', at + 2));
        out.push_back(line.substr(line.find_first_not_of(' ', op)));
    }
    return out;
}

/// True when `needle` occurs in `hay` as a contiguous run.
bool contains_run(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
    if (needle.size() > hay.size()) return false;
    for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        size_t k = 0;
        while (k < needle.size() && hay[i + k] == needle[k]) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += s + "\n";
    return out;
}

const GlobalInfo& global(const Program& p, const std::string& name) {
    for (const GlobalInfo& g : p.globals)
        if (g.name == name) return g;
    FAIL("no global " << name);
    return p.globals.front();
}

uint32_t func_named(const Program& p, const std::string& name) {
    for (uint32_t k = 0; k < p.code.size(); ++k)
        if (p.code[k].name == name) return k;
    FAIL("no code object " << name);
    return 0;
}

const char* kUnsafeCounter = R"PY(import threading

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
)PY";

const char* kLockCounter = R"PY(import threading

counter = 0
lock = threading.Lock()

def worker():
    global counter
    for _ in range(100000):
        with lock:  # Only one thread can enter this block at a time
            counter += 1

threads = []
for _ in range(5):
    t = threading.Thread(target=worker)
    t.start()
    threads.append(t)

for t in threads:
    t.join()

print("Counter:", counter)
)PY";

const char* kCondition = R"PY(import threading
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
)PY";

const char* kQueue = R"PY(import threading
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
)PY";

} // namespace

TEST_CASE("augmented_global_assignment_is_a_read_then_a_write") {
    auto c = compile(kUnsafeCounter);
    const Program& p = program_of(*c);
    auto worker = ops(p, func_named(p, "worker"));
    CHECK_MESSAGE(contains_run(worker, {"LoadGlobal counter", "LoadConst 1",
                                        "Binary += (in-place)", "StoreGlobal counter"}),
                  joined(worker));
}

TEST_CASE("unsafe_counter_globals_are_shared_or_write_once_as_the_code_proves") {
    auto c = compile(kUnsafeCounter);
    const Program& p = program_of(*c);
    CHECK(global(p, "counter").shared);
    CHECK_FALSE(global(p, "counter").write_once);
    CHECK(global(p, "worker").write_once);
    CHECK_FALSE(global(p, "threads").shared);
    CHECK(global(p, "threads").write_once);
    CHECK_FALSE(global(p, "t").write_once); // a for target is stored on every iteration
    CHECK_FALSE(global(p, "t").shared);
    CHECK(global(p, "threading").write_once);
    // threading.Thread resolves statically: no LoadGlobal of the module.
    auto module = ops(p, 0);
    CHECK(contains_run(module, {"LoadBuiltin Thread", "LoadGlobal worker", "KwNames (target)",
                                "Call 0 kw=1"}));
    CHECK_FALSE(contains_run(module, {"LoadGlobal threading"}));
}

TEST_CASE("lock_counter_lock_is_shared_and_write_once") {
    auto c = compile(kLockCounter);
    const Program& p = program_of(*c);
    CHECK(global(p, "lock").shared);
    CHECK(global(p, "lock").write_once);
    CHECK(global(p, "counter").shared);
    const CodeObject& w = p.code[func_named(p, "worker")];
    auto worker = ops(p, func_named(p, "worker"));
    CHECK(contains_run(worker, {"LoadGlobal lock", "WithEnter", "Pop", "LoadGlobal counter"}));
    CHECK(contains_run(worker, {"StoreGlobal counter", "WithExit"}));
    CHECK(contains_run(worker, {"WithExitExc"}));
    CHECK(contains_run(worker, {"Reraise", "Pop"}));
    REQUIRE(w.exception_table.size() == 1);
    CHECK(w.exception_table[0].depth == 2); // the for iterator and the lock
}

TEST_CASE("condition_example_flag_is_shared_and_written_by_functions") {
    auto c = compile(kCondition);
    const Program& p = program_of(*c);
    CHECK(global(p, "data_ready").shared);
    CHECK_FALSE(global(p, "data_ready").write_once);
    CHECK(global(p, "condition").shared);
    CHECK(global(p, "condition").write_once);
    CHECK_FALSE(global(p, "t1").shared);
    auto consumer = ops(p, func_named(p, "consumer"));
    CHECK(contains_run(consumer, {"LoadGlobal data_ready", "Unary not"}));
    CHECK(contains_run(consumer, {"LoadGlobal condition", "LoadAttr wait", "Call 0", "Pop"}));
    auto producer = ops(p, func_named(p, "producer"));
    CHECK(contains_run(producer, {"LoadBuiltin sleep", "LoadConst 2", "Call 1", "Pop"}));
}

TEST_CASE("queue_example_compiles_fstrings_and_break") {
    auto c = compile(kQueue);
    const Program& p = program_of(*c);
    CHECK(global(p, "q").shared);
    CHECK(global(p, "q").write_once);
    CHECK(global(p, "Queue").write_once);
    auto producer = ops(p, func_named(p, "producer"));
    CHECK(contains_run(producer, {"LoadConst 'Produced: '", "LoadLocal i", "FormatValue",
                                  "BuildString 2"}));
    auto consumer = ops(p, func_named(p, "consumer"));
    CHECK(contains_run(consumer, {"LoadLocal item", "LoadConst None", "Compare is"}));
}

TEST_CASE("comprehension_variable_does_not_leak") {
    auto c = compile("xs = [i * 2 for i in range(3)]\nprint(i)\n");
    const Program& leaked = program_of(*c);
    CHECK_FALSE(global(leaked, "i").shared); // never bound: print(i) is a NameError at run time
    for (const std::string& op : ops(leaked, 0)) CHECK(op != "StoreGlobal i");
    CHECK(contains_run(ops(leaked, 0), {"LoadBuiltin print", "LoadGlobal i"}));
    auto ok = compile("xs = [i * 2 for i in range(3) if i]\n");
    const Program& p = program_of(*ok);
    for (const GlobalInfo& g : p.globals) CHECK(g.name != "i");
    CHECK(p.code[0].local_count == 1);
    CHECK(contains_run(ops(p, 0), {"BuildList 0", "LoadBuiltin range", "LoadConst 3", "Call 1",
                                   "GetIter", "ForIter -> 14", "StoreLocal i"}));
    CHECK(contains_run(ops(p, 0), {"Binary *", "ListAppend 2", "Jump -> 5"}));
}

// The NameError's "Did you mean" is computed when it is raised, over what is bound then, as
// CPython's traceback does (tests/model/runtime/interpreter_errors_test.cpp).
TEST_CASE("unknown_name_is_a_run_time_name_error") {
    auto c = compile("counter = 0\ndef f():\n    return countr + 1\n");
    const GlobalInfo& g = global(program_of(*c), "countr");
    CHECK_FALSE(g.shared); // never written: reading it is not a visible operation
    CHECK_FALSE(g.fallback.has_value());
}

TEST_CASE("a_python_builtin_racecheck_does_not_model_is_refused_at_load_time") {
    auto c = compile("print(vars([]))\n");
    CHECK(error_of(*c).message == "unsupported: builtin 'vars'");
}

TEST_CASE("unknown_name_in_a_check_is_a_load_error_with_suggestion") {
    auto c = compile("counter = 0\n", {}, {"countr == 1"});
    const CodeError& e = error_of(*c);
    CHECK(e.message == "name 'countr' is not defined");
    CHECK(e.hint == "did you mean 'counter'?");
}

TEST_CASE("dunder_name_is_the_constant_main") {
    auto c = compile("if __name__ == '__main__':\n    pass\n");
    CHECK(contains_run(ops(program_of(*c), 0),
                       {"LoadConst '__main__'", "LoadConst '__main__'", "Compare =="}));
}

TEST_CASE("return_inside_except_forgets_the_handled_exception_first") {
    auto c = compile("def f():\n    try:\n        pass\n    except KeyError:\n        return 1\n");
    const Program& p = program_of(*c);
    auto f = ops(p, func_named(p, "f"));
    CHECK_MESSAGE(contains_run(f, {"Pop", "LoadConst 1", "PopExcept", "Return"}), joined(f));
}

TEST_CASE("multiprocessing_import_is_refused_with_reason") {
    for (const char* code : {"import multiprocessing\n", "from multiprocessing import Pool\n"}) {
        auto c = compile(code);
        const CodeError& e = error_of(*c);
        CHECK(e.message == "unsupported: multiprocessing");
        CHECK(e.hint.find("processes share no memory") == 0);
    }
    auto os = compile("import subprocess\n");
    CHECK(error_of(*os).message == "unsupported: import of module 'subprocess'");
    CHECK(error_of(*os).hint ==
          "racecheck models the threading, queue, time, concurrent.futures, random, logging, sys "
          "(exit), collections (deque, defaultdict, Counter), functools (partial, wraps), itertools, "
          "os (getpid, cpu_count), dataclasses (dataclass, field), math and typing modules");
    // A member CPython's module has and racecheck does not implement is refused; one CPython's
    // module lacks too is CPython's error (ImportError at load time, AttributeError when run).
    auto unsupported = compile("import threading\nthreading.settrace(None)\n");
    CHECK(error_of(*unsupported).message == "unsupported: threading.settrace");
    CHECK(error_of(*unsupported).loc.line == 2);
    auto member = compile("from threading import Foo\n");
    CHECK(error_of(*member).message == "cannot import name 'Foo' from 'threading'");
    auto attr = compile("import threading\nx = threading.Foo()\n");
    program_of(*attr);
}

TEST_CASE("star_import_binds_the_modules_public_names") {
    auto c = compile("from threading import *\nlock = Lock()\nt = Thread(target=print)\n");
    const Program& p = program_of(*c);
    CHECK(contains_run(ops(p, 0), {"LoadConst <builtin Lock>", "StoreGlobal Lock"}));
    auto bad = compile("from threading import *\nsettrace(None)\n");
    CHECK(error_of(*bad).message == "unsupported: threading.settrace");
    auto refused = compile("from random import *\n");
    CHECK(error_of(*refused).message == "unsupported: from random import *");
}

TEST_CASE("concurrent_futures_import_binds_concurrent_and_resolves_statically") {
    auto c = compile("import concurrent.futures\n"
                     "ex = concurrent.futures.ThreadPoolExecutor(max_workers=2)\n");
    const Program& p = program_of(*c);
    auto module = ops(p, 0);
    CHECK(contains_run(module, {"LoadConst <module concurrent>", "StoreGlobal concurrent",
                                "LoadBuiltin ThreadPoolExecutor"}));
}

TEST_CASE("break_inside_with_releases_before_jumping") {
    auto c = compile("import threading\nlock = threading.Lock()\n"
                     "def f():\n    while True:\n        with lock:\n            break\n");
    const Program& p = program_of(*c);
    auto f = ops(p, func_named(p, "f"));
    CHECK_MESSAGE(contains_run(f, {"Pop", "WithExit", "Jump -> 12"}), joined(f));
    // The exit code is not protected by the with's own handler.
    const CodeObject& code = p.code[func_named(p, "f")];
    for (const ExceptionEntry& e : code.exception_table) CHECK(e.end <= 3);
}

TEST_CASE("return_inside_for_and_with_keeps_the_value_on_top") {
    auto c = compile("import threading\nlock = threading.Lock()\n"
                     "def f(xs):\n    for x in xs:\n        with lock:\n            return x\n");
    const Program& p = program_of(*c);
    auto f = ops(p, func_named(p, "f"));
    CHECK_MESSAGE(contains_run(f, {"LoadLocal x", "Rot2", "WithExit", "Rot2", "Pop", "Return"}),
                  joined(f));
}

TEST_CASE("return_through_finally_runs_a_copy_of_the_finally_body") {
    auto c = compile("def f():\n    try:\n        return 1\n    finally:\n        print('bye')\n");
    const Program& p = program_of(*c);
    auto f = ops(p, func_named(p, "f"));
    CHECK_MESSAGE(contains_run(f, {"LoadConst 1", "LoadBuiltin print", "LoadConst 'bye'",
                                   "Call 1", "Pop", "Return"}),
                  joined(f));
    CHECK(contains_run(f, {"PushExcInfo", "LoadBuiltin print"}));
    CHECK(contains_run(f, {"PopExcept", "Reraise"}));
}

TEST_CASE("except_clauses_match_in_order_and_reraise_when_none_matches") {
    auto c = compile("import queue\nq = queue.Queue()\ndef f():\n    try:\n        q.get_nowait()\n"
                     "    except queue.Empty as e:\n        print(e)\n    except KeyError:\n"
                     "        pass\n    else:\n        print('got')\n");
    const Program& p = program_of(*c);
    auto f = ops(p, func_named(p, "f"));
    CHECK_MESSAGE(contains_run(f, {"PushExcInfo", "LoadBuiltin Empty", "CheckExcMatch"}),
                  joined(f));
    CHECK(contains_run(f, {"StoreLocal e", "LoadBuiltin print", "LoadLocal e", "Call 1", "Pop",
                           "LoadConst None", "StoreLocal e", "DeleteLocal e", "PopExcept"}));
    CHECK(contains_run(f, {"LoadBuiltin KeyError", "CheckExcMatch"}));
    CHECK(contains_run(f, {"PopExcept", "Reraise"}));
}

TEST_CASE("chained_comparison_evaluates_the_middle_operand_once") {
    auto c = compile("def f(a, b, c):\n    return a < b <= c\n");
    const Program& p = program_of(*c);
    auto f = ops(p, func_named(p, "f"));
    CHECK_MESSAGE(contains_run(f, {"LoadLocal a", "LoadLocal b", "Dup", "Rot3", "Compare <",
                                   "JumpIfFalseOrPop -> 9", "LoadLocal c", "Compare <=",
                                   "Jump -> 11", "Rot2", "Pop", "Return"}),
                  joined(f));
}

TEST_CASE("subscript_and_attribute_augmented_assignments_read_then_write") {
    auto c = compile("d = {}\nd['k'] += 1\nclass_ = None\n");
    const Program& p = program_of(*c);
    CHECK(contains_run(ops(p, 0), {"LoadGlobal d", "LoadConst 'k'", "DupTwo", "LoadSubscr",
                                   "LoadConst 1", "Binary += (in-place)", "Rot3",
                                   "StoreSubscr"}));
    auto a = compile("import threading\nloc = threading.local()\nloc.n = 0\nloc.n += 2\n");
    CHECK(contains_run(ops(program_of(*a), 0),
                       {"LoadGlobal loc", "Dup", "LoadAttr n", "LoadConst 2",
                        "Binary += (in-place)", "Rot2", "StoreAttr n"}));
}

// A call with the wrong arguments is CPython's TypeError when (and if) it runs, which the program
// may catch: it compiles (tests/cpython/programs/func_arity_errors.py runs such calls).
TEST_CASE("arity_mismatch_of_a_module_level_function_compiles") {
    for (const char* code : {"def worker(n):\n    pass\nworker(1, 2)\n",
                             "def worker(n):\n    pass\nworker()\n",
                             "def worker(n):\n    pass\nworker(1, x=2)\n",
                             "import threading\ndef worker(a, b):\n    pass\n"
                             "t = threading.Thread(target=worker, args=(1,))\n"}) {
        auto c = compile(code);
        program_of(*c);
    }
}

TEST_CASE("control_flow_errors_match_python") {
    // The parser refuses these too; the compiler must not rely on it.
    for (bool is_break : {true, false}) {
        ast::Module m;
        ast::Stmt s;
        if (is_break) s.node = ast::Break{};
        else s.node = ast::Return{};
        s.loc = {1, 1};
        m.body.push_back(std::move(s));
        CompileInput input;
        input.module = &m;
        auto r = compile_program(input);
        REQUIRE(std::holds_alternative<CompileError>(r));
        CHECK(std::get<CompileError>(r).error.message ==
              (is_break ? "'break' outside loop" : "'return' outside function"));
    }
    auto g = compile("x = 0\ndef f():\n    print(x)\n    global x\n    x = 1\n");
    CHECK(error_of(*g).message == "name 'x' is used prior to global declaration");
    CHECK(error_of(*g).loc.line == 4);
    // CPython 3.12: "annotated name 'x' can't be global", at the later of the two statements
    auto a = compile("x = 0\ndef f():\n    global x\n    x: int = 1\n");
    CHECK(error_of(*a).message == "annotated name 'x' can't be global");
    CHECK(error_of(*a).loc == rc::SourceLoc{4, 5});
    auto b = compile("x = 0\ndef f():\n    x: int\n    global x\n");
    CHECK(error_of(*b).message == "annotated name 'x' can't be global");
    CHECK(error_of(*b).loc.line == 4);
}

TEST_CASE("params_are_the_first_globals_and_write_once") {
    auto c = compile("total = THREADS * 2\n", {"THREADS", "ITERATIONS"});
    const Program& p = program_of(*c);
    REQUIRE(p.globals.size() == 3);
    CHECK(p.globals[0].name == "THREADS");
    CHECK(p.globals[0].is_param);
    CHECK(p.globals[0].write_once);
    CHECK(p.globals[1].name == "ITERATIONS");
    CHECK(p.params.size() == 2);
    CHECK(p.globals[2].name == "total");
}

TEST_CASE("checks_compile_to_zero_parameter_code_objects_with_their_own_errors") {
    auto c = compile("counter = 0\n", {"N"}, {"counter == N * 2"});
    const Program& p = program_of(*c);
    REQUIRE(p.final_checks.size() == 1);
    CHECK(ops(p, p.final_checks[0].value) ==
          std::vector<std::string>{"LoadGlobal counter", "LoadGlobal N", "LoadConst 2",
                                   "Binary *", "Compare ==", "Return"});
    CHECK(p.final_checks[0].value < p.first_prelude_code);
    auto bad = compile("counter = 0\n", {}, {"counter == 1", "conter == 2"});
    REQUIRE(std::holds_alternative<CompileError>(bad->result));
    CHECK(std::get<CompileError>(bad->result).check_index == 1);
    CHECK(error_of(*bad).hint == "did you mean 'counter'?");
}

TEST_CASE("constants_are_deduplicated_by_type_and_value_and_strings_are_heap_objects") {
    auto c = compile("a = 1\nb = True\nc = 1.0\nd = 1\ne = 'x'\nf = 'x'\ng = 'y'\n");
    const Program& p = program_of(*c);
    size_t ones = 0;
    for (const Constant& k : p.constants)
        if (std::holds_alternative<int64_t>(k) && std::get<int64_t>(k) == 1) ++ones;
    CHECK(ones == 1);
    REQUIRE(p.constant_heap_index.size() == p.constants.size());
    for (uint32_t k = 0; k < p.string_constants.size(); ++k)
        CHECK(p.constant_heap_index[p.string_constants[k]] == k);
    CHECK(contains_run(ops(p, 0), {"LoadConst True", "StoreGlobal b", "LoadConst 1.0"}));
}

TEST_CASE("known_names_are_interned_first") {
    auto c = compile("x = 1\n");
    const Program& p = program_of(*c);
    REQUIRE(p.names.size() >= kKnownNameCount);
    for (uint32_t k = 0; k < kKnownNameCount; ++k)
        CHECK(p.names[k] == known_name_spelling(static_cast<KnownName>(k)));
}

TEST_CASE("prelude_is_compiled_after_user_code_with_line_zero") {
    auto c = compile("def worker():\n    pass\n");
    const Program& p = program_of(*c);
    CHECK(p.first_prelude_code == 2);
    CHECK(p.prelude.thread_main.value >= p.first_prelude_code);
    CHECK(p.code[p.prelude.wait_for.value].param_count == 3);
    for (uint32_t k = p.first_prelude_code; k < p.code.size(); ++k)
        for (const Instr& in : p.code[k].code) CHECK(in.line == 0);
    for (const GlobalInfo& g : p.globals) CHECK(g.name.rfind("_rc_", 0) != 0);
    auto pool = ops(p, p.prelude.pool_worker.value);
    CHECK(contains_run(pool, {"LoadBuiltin BaseException", "CheckExcMatch"}));
}

TEST_CASE("write_once_excludes_loops_functions_and_del") {
    auto c = compile("a = 1\nfor i in range(2):\n    b = i\nc = 1\ndel c\nd = 1\n"
                     "def f():\n    global d\n    d = 2\nwhile False:\n    pass\nelse:\n    e = 1\n");
    const Program& p = program_of(*c);
    CHECK(global(p, "a").write_once);
    CHECK_FALSE(global(p, "b").write_once);
    CHECK_FALSE(global(p, "c").write_once);
    CHECK_FALSE(global(p, "d").write_once);
    CHECK(global(p, "d").shared);
    CHECK_FALSE(global(p, "e").write_once);
    CHECK(global(p, "f").write_once);
}

TEST_CASE("a_global_shadowing_a_builtin_records_its_fallback") {
    auto c = compile("sum = 0\n");
    const Program& p = program_of(*c);
    REQUIRE(global(p, "sum").fallback.has_value());
    CHECK(*global(p, "sum").fallback == BuiltinId::Sum);
}

TEST_CASE("every_instruction_reports_its_source_line") {
    auto c = compile("x = 0\ndef f():\n    y = [\n        x,\n    ]\n    return y\n");
    const Program& p = program_of(*c);
    const CodeObject& f = p.code[func_named(p, "f")];
    CHECK(f.code[0].line == 4); // LoadGlobal x
    CHECK(f.code[1].line == 3); // BuildList
    CHECK(f.code[2].line == 3); // StoreLocal y
}

TEST_CASE("assert_raises_assertion_error_with_its_message") {
    auto c = compile("x = 1\nassert x == 1, 'bad'\n");
    CHECK(contains_run(ops(program_of(*c), 0),
                       {"PopJumpIfTrue -> 10", "LoadBuiltin AssertionError", "LoadConst 'bad'",
                        "Call 1", "Raise 1"}));
}

} // namespace rc
