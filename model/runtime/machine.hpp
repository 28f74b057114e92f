// Internal to the interpreter: the execution context of one step of one thread, and the helpers
// every part of the runtime shares (heap, errors, Python semantics, calls). Not a public API:
// only the interpreter's own files (model/values/, model/runtime/, model/threading/) include it.
//
// Python exceptions travel inside the interpreter as the C++ exception PyRaise; the run loop
// catches it and unwinds the Python frames. It never leaves Interpreter's member functions.
#pragma once

#include <array>       // ModuleTable
#include <cstdint>     // int64_t
#include <string>      // messages
#include <string_view> // format specs
#include <vector>      // argument storage

#include "model/syntax/ast.hpp"         // BinOpKind, UnaryOpKind, CmpOpKind
#include "model/check.hpp"       // RC_CHECK
#include "model/runtime/interpreter.hpp" // Interpreter, Limits
#include "model/values/objects.hpp"     // Object kinds
#include "model/runtime/operation.hpp"   // PendingOp, Event
#include "model/bytecode/program.hpp"     // Program
#include "model/runtime/state.hpp"       // State

namespace rc {

struct PyRaise {
    Value exc; // an ExceptionObj
};

/// An operation outside the subset (Machine::unsupported). Unlike PyRaise, Python code cannot
/// catch it: the step that meets it records a State::refusal and the execution stops.
struct PyUnsupported {
    std::string what;
    std::string hint;
};

struct InterpreterTables {
    /// module_members[name][module] = BuiltinId + 1, or 0 when `module.name` does not exist.
    std::vector<std::array<uint16_t, static_cast<size_t>(ModuleId::Count)>> module_members;
};

/// Arguments of a native call: positional values then keyword (name, value) pairs. Copied out of
/// the operand stack, so they stay valid while the call allocates or pushes frames.
struct Args {
    std::vector<Value> pos;
    std::vector<std::pair<NameId, Value>> kw;

    /// The argument at `index` or named `name`; `fallback` when absent.
    Value get(size_t index, KnownName name, Value fallback) const;
    bool has(size_t index, KnownName name) const;
};

class Machine {
public:
    Machine(const Interpreter& interp, State& st, ThreadId tid);

    const Interpreter& interp;
    const Program& prog;
    const InterpreterTables& tables;
    State& st;
    ThreadId tid;
    /// The event being built by the current visible operation (null while running invisible
    /// work).
    Event* event = nullptr;
    bool timeout = false; // the scheduler chose the timeout branch of the pending operation
    /// Containers whose repr() is in progress, innermost last (self-containing ones print as
    /// [...], as in CPython).
    std::vector<uint32_t> repr_stack;
    static constexpr size_t kMaxReprDepth = 100;

    ThreadState& th() { return st.threads[tid.value]; }
    Frame& frame() { return th().frames.back(); }
    const CodeObject& code() { return prog.code[frame().code.value]; }
    uint32_t line(); // the current user line (a prelude frame reports its caller's line)
    uint32_t col();  // the current user column (0 when unknown)

    // ---- operand stack ----
    void push(Value v) { th().stack.push_back(v); }
    Value pop() {
        Value v = th().stack.back();
        th().stack.pop_back();
        return v;
    }
    Value& peek(size_t depth = 0) { return th().stack[th().stack.size() - 1 - depth]; }

    // ---- heap ----
    ObjectId alloc(Object o);
    Value new_str(std::string s);
    Value new_tuple(std::vector<Value> items);
    Value new_list(std::vector<Value> items);
    Value new_dict();
    template <class T> T* get(Value v) {
        if (v.tag != VTag::Obj) return nullptr;
        return std::get_if<T>(&st.heap[v.ref].data);
    }
    template <class T> T& ref(ObjectId id) { return std::get<T>(st.heap[id.value].data); }
    const std::string* str_of(Value v); // the text of a str value, else null

    // ---- errors ----
    Value make_exception(BuiltinId type, std::string message);
    [[noreturn]] void raise(BuiltinId type, std::string message);
    [[noreturn]] void raise_value(Value exc);
    /// Refuses an operation outside racecheck's subset (`what` names it: "str.title()",
    /// "keyword argument 'key' of sorted()"). Never a Python exception.
    [[noreturn]] void unsupported(std::string what, std::string hint = {});
    /// Records a refusal met by this thread in State::refusal (the first one wins).
    void refuse(const PyUnsupported& u);

    // ---- Python semantics (model/values/semantics.cpp) ----
    bool truthy(Value v);
    bool equal(Value a, Value b);
    bool less(Value a, Value b); // `<`, TypeError for unorderable operands
    std::string repr(Value v);
    std::string str(Value v);
    std::string type_name(Value v);
    Value binary(ast::BinOpKind op, Value l, Value r, bool inplace);
    Value unary(ast::UnaryOpKind op, Value v);
    bool compare(ast::CmpOpKind op, Value l, Value r);
    bool contains(Value container, Value item);
    std::string format(Value v, std::string_view spec, char conversion);
    int64_t to_index(Value v, const char* what);
    double to_float(Value v, const char* what);

    // ---- sequences (model/values/containers.cpp) ----
    Value subscript(Value obj, Value key);
    void store_subscript(Value obj, Value key, Value v);
    void delete_subscript(Value obj, Value key);
    Value get_iter(Value iterable);
    /// Advances an iterator: true and *out = next value, or false when exhausted.
    bool iter_next(Value it, Value* out);
    /// Drains any iterable into a vector (lists, tuples, dicts, strs, ranges, iterators).
    std::vector<Value> collect(Value iterable);
    int64_t length(Value v);
    Value call_container_method(Value self, NameId method, const Args& args);
    /// str.format: auto-numbered, numbered and keyword fields with conversions and specs.
    std::string str_format(const std::string& fmt, const Args& args);
    bool is_container(Value v);
    Value* dict_find(DictObj& d, Value key);

    // ---- sharing ----
    void mark_shared(Value v);
    bool shared(Value v) { return v.tag == VTag::Obj && st.heap[v.ref].shared; }

    // ---- calls (calls.cpp) ----
    /// Performs the call at the current Call instruction. Either pushes the result and advances
    /// pc, or pushes a new frame (for Python functions), or leaves pc unchanged when the call
    /// started a two-phase blocking operation (th().wait is set).
    void do_call(uint32_t argc, uint32_t kwcount);
    /// Pushes a frame for a Python function with bound arguments (TypeError on a mismatch).
    void push_frame(Value function, const Args& args, uint32_t call_line);
    Value call_builtin(BuiltinId id, const Args& args);
    Value attribute(Value obj, NameId name);
    void store_attribute(Value obj, NameId name, Value v);

    // ---- threading objects (model/threading/dispatch.cpp routes to each primitive's file) ----
    Value construct_sync(BuiltinId id, const Args& args);
    Value call_sync_method(Value self, NameId method, const Args& args);
    /// The second phase of a blocking operation (th().wait is set): completes the call.
    void finish_wait();
    void with_enter(Value ctx);
    void with_exit(Value ctx);

    /// The result of the current call when it completes normally.
    void complete_call(Value result);
    /// Raises TypeError naming the callee when the argument count is not in [lo, hi].
    void check_arity(const char* name, const Args& args, size_t lo, size_t hi);
};

/// Python's repr(float) (model/values/semantics.cpp).
std::string float_repr(double x);

/// Executes the instruction at the top frame's pc (exec.cpp). PyRaise propagates.
void execute(Machine& m);
/// Unwinds Python frames to the innermost handler of `exc`, or ends the thread (exec.cpp).
void unwind(Machine& m, Value exc);
/// Runs the thread through invisible work to its next visible operation or its end (exec.cpp).
void run_on(Machine& m);

/// Which instruction is a visible operation, and what it is (model/threading/visibility.cpp). Returns false for
/// invisible work. `m` is positioned at the instruction (th().frames.back().pc).
bool classify(Machine& m, PendingOp* out);
/// Whether the pending operation of thread t can proceed now (model/threading/enabled.cpp).
bool pending_enabled(const Interpreter& in, const State& s, ThreadId t);

} // namespace rc
