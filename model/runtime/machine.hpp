// Internal to the interpreter: the execution context of one step of one thread, and the helpers
// every part of the runtime shares (heap, errors, Python semantics, calls). Not a public API:
// only the interpreter's own files (model/values/, model/runtime/, model/threading/) include it.
//
// Python exceptions travel inside the interpreter as the C++ exception PyRaise; the run loop
// catches it and unwinds the Python frames. It never leaves Interpreter's member functions.
#pragma once

#include <array>       // ModuleTable
#include <cstdint>     // int64_t
#include <functional>  // the stop poll
#include <optional>    // set comparisons, native keys
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
#include "model/values/arguments.hpp"  // Sig, Bound

namespace rc {

struct PyRaise {
    Value exc; // an ExceptionObj
};

/// One of racecheck's resource limits was passed (Machine::exceed). Not a Python exception:
/// no handler sees it; Interpreter::step records it in State::limit and the execution stops.
struct LimitExceeded {
    LimitHit hit;
};

/// One level of native recursion (Machine::native_depth) for the scope of the object: raises
/// RecursionError("maximum recursion depth exceeded" + where) past the limit, as CPython's
/// Py_EnterRecursiveCall does.
class NativeLevel {
public:
    NativeLevel(Machine& m, const char* where);
    ~NativeLevel();
    NativeLevel(const NativeLevel&) = delete;
    NativeLevel& operator=(const NativeLevel&) = delete;

private:
    Machine& m_;
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
    /// append_only[f]: code object f only reads the state and appends new objects (no call, no
    /// store outside its frame, no iterator): a check of such code can run in place and be undone.
    std::vector<bool> append_only;
    bool reads_clock = false; // Interpreter::reads_clock
    bool thread_end_steps = false; // Interpreter::thread_end_steps
    /// loop_target[g]: global g is a target of a module-level `for` (`for d in ds:`); witness
    /// labels name an object by such a global only when nothing else names it (object_label).
    std::vector<bool> loop_target;
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
    /// The event of the whole step, during its invisible run-on too (and in threads it starts):
    /// hidden effects on shared state are flagged there (Event::read_threads).
    Event* step_event = nullptr;
    bool timeout = false; // the scheduler chose the timeout branch of the pending operation
    /// Interpreter::step's `stop` poll (null: none), asked during a long local run.
    const std::function<bool()>* stop = nullptr;
    /// Containers whose repr() is in progress, innermost last (self-containing ones print as
    /// [...], as in CPython).
    std::vector<uint32_t> repr_stack;
    /// Rendering for traces and reports (Interpreter::repr...): never raises; nesting deeper
    /// than kMaxRenderDepth prints as "...".
    bool rendering = false;
    static constexpr size_t kMaxRenderDepth = 100;
    /// Rendering keeps at most this much of one repr; render_cut says it was cut.
    static constexpr uint64_t kMaxRenderBytes = uint64_t{1} << 20;
    bool render_cut = false;
    /// Nesting of native operations in this step (comparisons, repr, str, builtin and method
    /// calls): they recurse over values, and CPython bounds them with its C recursion limit.
    /// invariant: <= kMaxNativeDepth outside rendering.
    uint32_t native_depth = 0;
    /// CPython 3.12 compares lists nested 1497 deep and raises RecursionError at 1498 (its C
    /// recursion limit, 1500, less the levels its eval loop uses): the same depths here.
    static constexpr uint32_t kMaxNativeDepth = 1498;
    /// For traces and reports (render.cpp): objects print without CPython's address
    /// ("<lock object>", "<function worker>"), which would only be noise there.
    bool render_short = false;

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

    // ---- the program's memory (Limits, State::memory) ----
    /// Accounts `bytes` more; passing max_memory stops the execution.
    void charge(uint64_t bytes);
    /// Gives back what a popped frame was charged.
    void refund(uint64_t bytes) { st.memory -= bytes; }
    /// Checks, before building it, that an object of `bytes` more fits in the budget.
    void reserve(uint64_t bytes);
    /// Checks, before building it, a string of `length` bytes (max_string, then the budget).
    void reserve_string(uint64_t length);
    [[noreturn]] void exceed(LimitHit::Kind kind, uint64_t limit);

    // ---- heap ----
    /// Appends an object to the heap and charges its size.
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

    /// Refuses an int result beyond 64 bits: `unsupported: integer beyond 64 bits`.
    [[noreturn]] void int_overflow();
    /// AttributeError for `obj.name` as CPython words it (with its "Did you mean"), or a refusal
    /// when CPython's type has that attribute and racecheck does not implement it.
    [[noreturn]] void no_attribute(Value obj, NameId name);

    // ---- Python semantics (model/values/semantics.cpp, operators.cpp, hashing.cpp) ----
    bool truthy(Value v);
    bool equal(Value a, Value b);
    bool view_equal(Value a, Value b);
    /// a <op> b for Lt, LtE, Gt, GtE: numbers (exact int/float), str, same-type sequences,
    /// sets; TypeError naming op otherwise.
    bool ordered(ast::CmpOpKind op, Value a, Value b);
    bool less(Value a, Value b); // ordered(Lt)
    std::string repr(Value v);
    std::string repr_body(Value v); // repr without its recursion level (str of a container)
    std::string str(Value v);
    std::string ascii(Value v);
    /// type(v).__name__, and type(v) as a builtin class.
    std::string type_name(Value v);
    BuiltinId type_of(Value v);
    std::string hex_identity(Value v);
    Value binary(ast::BinOpKind op, Value l, Value r, bool inplace);
    Value unary(ast::UnaryOpKind op, Value v);
    Value int_pow(int64_t a, int64_t b);
    Value float_pow(double a, double b);
    bool compare(ast::CmpOpKind op, Value l, Value r);
    bool contains(Value container, Value item);
    std::string format(Value v, std::string_view spec, char conversion);
    /// `fmt % args` (model/text/printf_format.cpp).
    Value percent_format(Value fmt, Value args);
    int64_t to_index(Value v, const char* what);
    double to_float(Value v, const char* what);
    /// hash(v) as CPython computes it (TypeError for unhashable values); id(v).
    int64_t hash(Value v);
    int64_t identity(Value v);
    /// Event::item of a visible access to the item `key` of a shared dict: kItemKey and the
    /// key's hash, so that detectors can tell one item from another (0 for a key that is not a
    /// None, bool, int, float, str or tuple of those, whose hash runs no Python code).
    uint64_t item_key(Value container, Value key);
    bool isinstance(Value v, Value cls);
    /// issubclass(have, cls) for builtin classes (`who` names the caller in TypeErrors).
    bool is_subclass(BuiltinId have, Value cls, const char* who = "issubclass");
    bool is_callable(Value v);
    /// A callable whose call runs Python code (a def function): never called from C++.
    bool is_python_callable(Value v);

    // ---- containers (model/values/containers.cpp, iteration.cpp, *_methods.cpp) ----
    Value subscript(Value obj, Value key);
    void store_subscript(Value obj, Value key, Value v);
    void delete_subscript(Value obj, Value key);
    bool is_iterable(Value v);
    Value get_iter(Value iterable);
    /// Advances a native iterator: true and *out = next value, or false when exhausted.
    bool iter_next(Value it, Value* out);
    /// Drains an iterable into a vector (refuses a generator: see do_call's drains).
    std::vector<Value> collect(Value iterable);
    int64_t length(Value v);
    Value make_enumerate(Value inner, int64_t start);
    Value make_zip(std::vector<Value> iterators);
    Value make_reversed(Value seq);
    Value str_item(Value str, int64_t index);
    Value str_slice(Value str, int64_t start, int64_t step, int64_t count);
    Value new_set(bool frozen);
    bool set_contains(Value set, Value key);
    void set_add(Value set, Value key);
    /// A set operator (| & - ^, in place or not); Unbound when an operand is not a set.
    Value set_operator(ast::BinOpKind op, Value l, Value r, bool inplace);
    /// A set comparison; nullopt when an operand is not a set.
    std::optional<bool> set_compare(ast::CmpOpKind op, Value v, Value w);
    Value call_container_method(Value self, NameId method, const Args& args);
    Value call_str_method(Value self, NameId method, const Args& args);
    Value call_list_method(Value self, NameId method, const Args& args);
    Value call_tuple_method(Value self, NameId method, const Args& args);
    Value call_dict_method(Value self, NameId method, const Args& args);
    Value call_set_method(Value self, NameId method, const Args& args);
    Value call_deque_method(Value self, NameId method, const Args& args);
    Value make_deque(const Args& args);
    void dict_update(Value dict, Value other);
    Value dict_fromkeys(const Args& args);
    /// str.format: auto-numbered, numbered and keyword fields (and a mapping's, for
    /// format_map) with conversions and specs.
    std::string str_format(const std::string& fmt, const Args& args, Value mapping = Value::unbound());
    bool is_container(Value v);
    Value* dict_find(DictObj& d, Value key);
    /// CPython's listsort on keys (values reordered alike) (model/values/sorting.cpp).
    void sort_values(std::vector<Value>& keys, std::vector<Value>* values, bool reverse);
    /// list.sort(key=, reverse=): None, or Unbound when a Python key function runs in the prelude.
    Value sort_list(Value list, Value key, bool reverse);
    Value sort_by_keys(const Args& args);
    /// Keys computed by calling a builtin key function; nullopt for a Python one.
    std::optional<std::vector<Value>> native_keys(Value key, const std::vector<Value>& items);
    /// Calls a builtin function or method from C++ (refuses one that would run Python code).
    Value call_native(Value callee, std::vector<Value> args);

    // ---- collections.defaultdict and Counter, functools.wraps (model/stdlib/) ----
    /// defaultdict(...) and Counter(...).
    Value make_dict_kind(BuiltinId id, const Args& args);
    /// d[key] when a defaultdict or Counter lacks key: the factory's result, inserted (a
    /// defaultdict's), or 0 (a Counter's, not inserted). Raises KeyError for a plain dict.
    Value dict_missing(Value dict, Value key);
    /// A method only defaultdict/Counter have, or one they override (copy, update, fromkeys);
    /// Unbound when dict's own applies.
    Value call_dict_kind_method(Value self, NameId method, const Args& args);
    /// repr of a defaultdict or Counter (its dict body given for a defaultdict).
    std::string dict_kind_repr(Value v, const std::string& dict_body);
    /// functools.wraps and update_wrapper.
    Value call_functools(BuiltinId id, const Args& args);

    // ---- sharing ----
    void mark_shared(Value v);
    bool shared(Value v) { return v.tag == VTag::Obj && st.heap[v.ref].shared; }

    // ---- calls (runtime/calls.cpp, attributes.cpp, values/builtin_*.cpp) ----
    /// Performs the call at the current Call instruction. Either pushes the result and advances
    /// pc, or pushes a new frame (for Python functions), or leaves pc unchanged when the call
    /// started a two-phase blocking operation (th().wait is set).
    void do_call(uint32_t argc, uint32_t kwcount);
    /// Pushes a frame for a Python function with bound arguments (TypeError on a mismatch); a
    /// generator function's call completes with a new generator instead. With `construct`, the
    /// frame is an __init__ whose call results in `construct` (Frame::Return::Construct).
    void push_frame(Value function, const Args& args, uint32_t call_line,
                    Value construct = Value::unbound());
    Value call_builtin(BuiltinId id, const Args& args);
    /// abs, str, int, float, round, divmod, pow, chr, ord, hex, bin, oct, format; Unbound for
    /// another builtin.
    Value call_conversion(BuiltinId id, const Args& args);
    Value call_module_function(BuiltinId id, const Args& args);
    Value call_random(BuiltinId id, const Args& args);
    Value call_logging(BuiltinId id, const Args& args);
    Value call_logger_method(Value self, NameId method, const Args& args);
    /// A method of a value: containers, loggers, ranges, threading objects.
    Value call_method_value(Value self, NameId method, const Args& args);
    /// How CPython's call errors name a callable (_PyObject_FunctionStr): "__main__.f()",
    /// "print()", "list.append()", "threading.Thread()"; str(fn) for one without a __qualname__.
    std::string callable_str(Value fn);
    /// `str.lower("AB")`: a method taken from its class.
    Value call_descriptor(const MethodDescriptorObj& md, const Args& args);
    Value sum_builtin(const Args& args);
    Value min_max(bool want_max, const Args& args);
    Value attribute(Value obj, NameId name);
    void store_attribute(Value obj, NameId name, Value v);

    // ---- classes the program defines (model/objects/classes.cpp) ----
    /// The NameId of an identifier if the program (or racecheck) interned it.
    std::optional<NameId> find_name(const std::string& text) const;
    /// The NameId of a keyword argument's name made at run time (a key of a `**` or `kwargs=`
    /// dict): the program's when it spells the name, else one of runtime_names.
    NameId keyword_name(const std::string& text);
    /// The text of a NameId: the program's names, then this step's runtime_names.
    const std::string& name_of(NameId id) const {
        return id.value < prog.names.size() ? prog.names[id.value] : runtime_names[id.value - prog.names.size()];
    }
    /// Keyword names no identifier of the program spells, numbered from prog.names.size() on.
    /// They live as long as this Machine (one step): they only ever name a keyword argument of a
    /// call in progress, which binds it to a **kwargs dict as a str or raises TypeError, so no
    /// NameId of them enters the State (its hash and fingerprint never see this table).
    std::vector<std::string> runtime_names;
    /// The NameId of a dunder name, invalid when the program never spells it.
    NameId dunder(const char* text) const;
    /// BuildClass: a new class with these bases (C3 MRO; one builtin base at most).
    Value build_class(Value name, const std::vector<Value>& bases);
    /// The user class of an instance or exception, invalid for other values.
    ObjectId class_of(Value v);
    /// `name` along the MRO of cls (after class `after` when valid); Unbound when absent.
    Value class_lookup(ObjectId cls, NameId name, ObjectId after = ObjectId());
    /// A class attribute as seen through an instance (self) or the class (self Unbound):
    /// functions bind, staticmethod unwraps, classmethod binds the class.
    Value bind_class_attr(Value found, Value self, ObjectId cls);
    /// The getter (or setter) of a property `name` of obj's class; false when none.
    bool property_of(Value obj, NameId name, bool setter, Value* fn);
    /// Attribute of a class, instance, super(), bound method or wrapper; false when obj is none
    /// of those (or the builtin exception's attribute applies).
    bool user_attribute(Value obj, NameId name, Value* out);
    bool store_user_attribute(Value obj, NameId name, Value v);
    /// Instantiates a user class: the instance, or Unbound when an __init__ frame was pushed.
    Value call_class(Value cls, const Args& args, uint32_t call_line);
    /// object/Thread/exception __init__ for an instance of a user class.
    void native_init(Value self, const Args& args);
    /// A native method reached through super() (__init__, __str__, __repr__) or a property's
    /// setter()/getter().
    Value call_user_method(Value self, NameId method, const Args& args);
    Value make_wrapper(BuiltinId id, const Args& args);
    Value make_super(const Args& args);
    bool user_subclass(ObjectId have, Value cls);
    /// type(v): the user class of an instance, else the builtin class.
    Value type_value(Value v);
    /// The def a user class defines for a dunder; Unbound when none.
    Value user_dunder(Value v, const char* name);
    /// Runs a Python function to its end inside the current operation and returns its result
    /// (memory accesses in it are part of this operation; a threading operation is refused).
    Value call_sync(Value fn, std::vector<Value> args);
    /// str()/repr() by a user __str__/__repr__; nullopt when the class defines neither.
    std::optional<std::string> user_str(Value v, bool want_repr);
    std::string native_repr(Value v);
    std::string native_str(Value v);
    std::optional<bool> user_compare(ast::CmpOpKind op, Value a, Value b);
    std::optional<int64_t> user_hash(Value v);

    // ---- random and logging state (model/library/random_module.cpp, logging_module.cpp) ----
    uint32_t random_u32();
    double random_double();
    int64_t random_bits(int64_t k);
    int64_t random_below(int64_t n);
    int64_t parse_level(Value v);
    Value logger_for(const std::string& name);
    /// A logging call: formats and writes the record when its level passes (first_message_arg:
    /// where msg is in args).
    void emit_log(Value logger, int64_t level, const Args& args, size_t first_message_arg,
                  bool module_level);

    // ---- generators and prelude frames (runtime/generators.cpp) ----
    Value make_generator(FuncId code, std::vector<Value> slots, BuiltinId type);
    /// A generator running one of the prelude's generator functions (map, filter, ...).
    Value make_prelude_generator(FuncId code, std::vector<Value> args, BuiltinId type);
    bool is_generator(Value v);
    /// A class, a typing name or None: what `X[...]` and `X | Y` make generic aliases and
    /// unions of in annotations.
    bool is_type_like(Value v) const {
        return v.is_none() ||
               (v.tag == VTag::Builtin && (is_class(v.builtin_id()) || v.builtin_id() == BuiltinId::TypingForm));
    }
    /// Pushes a frame for `code` with these local slots (RecursionError past the limit).
    void enter_frame(FuncId code, std::vector<Value> slots, Frame::Return returns);
    /// Calls a prelude function in place of the current call: its result is the call's.
    void push_prelude(FuncId code, std::vector<Value> args);
    /// Runs a prelude function whose result replaces the operand at `depth`, then re-executes
    /// the current instruction.
    void push_retry(FuncId code, std::vector<Value> args, uint32_t depth);
    /// Drains generator `arg`, argument i of a Call of `callee` that consumes it whole, through
    /// the prelude drain that fails where CPython's consumer would, then retries the Call.
    void push_retry_drain(Value callee, Value arg, uint32_t i, uint32_t argc, uint32_t kwcount);
    /// Resumes a generator above the current frame (advancing its pc); false when the generator
    /// has already ended (nothing pushed).
    bool resume_generator(Value gen, Frame::Return how, uint32_t exit_pc, Value next_default);
    /// YieldValue: suspends the generator frame and hands v to its resumer.
    void yield_value(Value v);
    /// A generator frame returned (already popped): the resumer goes on.
    /// A generator's frame returned `result` (its return value).
    void generator_returned(const Frame& f, Value result);
    /// A generator frame is unwound by exc: it ends; the exception the resumer sees.
    Value generator_raised(const Frame& f, Value exc);

    // ---- threading objects (model/threading/dispatch.cpp routes to each primitive's file) ----
    Value construct_sync(BuiltinId id, const Args& args);
    Value call_sync_method(Value self, NameId method, const Args& args);
    /// The second phase of a blocking operation (th().wait is set): completes the call.
    void finish_wait();
    void with_enter(Value ctx);
    void with_exit(Value ctx);
    /// A class's __exit__ (exc: the exception leaving the block, or Unbound): pushes its frame,
    /// whose result is dropped on a normal exit and pushed (the suppress flag) after an
    /// exception; false when ctx has no __exit__ of the program's.
    bool user_with_exit(Value ctx, Value exc);
    /// v is an object whose class defines __bool__ or __len__: runs the prelude's truth test on
    /// it as a call whose bool replaces the operand `depth` below the top, and the instruction
    /// runs again (Frame::Return::Retry); false (nothing done) for any other value.
    bool user_truth(Value v, uint32_t depth);

    /// The result of the current call when it completes normally.
    void complete_call(Value result);
    /// Raises TypeError naming the callee when the argument count is not in [lo, hi].
    void check_arity(const char* name, const Args& args, size_t lo, size_t hi);
    /// Binds a native call's arguments to CPython's signature (model/values/arguments.cpp),
    /// raising CPython's TypeError for a mismatch.
    Bound bind(const Args& args, const Sig& sig);
    Bound bind_python(const Args& args, const Sig& sig);
    Bound bind_clinic(const Args& args, const Sig& sig);
};

/// What an object is charged when allocated (model/runtime/memory.cpp).
uint64_t object_bytes(const Object& o);
/// What a frame of `code` is charged while it is on a thread's stack: its slots and operands.
inline uint64_t frame_bytes(const CodeObject& code) {
    return sizeof(Frame) + (uint64_t{code.local_count} + code.max_stack) * sizeof(Value);
}

/// Python's repr(float) (model/values/semantics.cpp).
std::string float_repr(double x);

/// The KnownName of a name, or KnownName::Count for any other.
inline KnownName known_name(NameId n) {
    return n.value < kKnownNameCount ? static_cast<KnownName>(n.value) : KnownName::Count;
}

/// time.time() at virtual clock 0 (virtual clocks: see runtime/exec.cpp).
inline constexpr double kTimeEpoch = 1'700'000'000.0;

/// Executes the instruction at the top frame's pc (exec.cpp). PyRaise propagates.
void execute(Machine& m);
/// Unwinds Python frames to the innermost handler of `exc`, or ends the thread (exec.cpp).
void unwind(Machine& m, Value exc);
/// Runs the thread through invisible work to its next visible operation or its end (exec.cpp).
void run_on(Machine& m);
/// Unwinds frames above `depth` to a handler of `exc`: false when none of them handles it
/// (they are all popped then; `exc` becomes what their callers see).
bool unwind_above(Machine& m, Value& exc, size_t depth);

/// Which instruction is a visible operation, and what it is (model/threading/visibility.cpp). Returns false for
/// invisible work. `m` is positioned at the instruction (th().frames.back().pc).
bool classify(Machine& m, PendingOp* out);
/// Whether the pending operation of thread t can proceed now (model/threading/enabled.cpp).
bool pending_enabled(const Interpreter& in, const State& s, ThreadId t);

} // namespace rc
