// The functions of the modules racecheck imports: time (virtual clocks), threading's helpers,
// sys.exit, and the dispatch to random, logging and collections.deque.
#include "model/objects/classes.hpp"      // InstanceObj, MethodObj
#include "model/threading/thread.hpp"     // ThreadObj
#include "model/runtime/machine.hpp"     // Machine
#include "model/stdlib/itertools_module.hpp" // itertools_builtin
#include "model/stdlib/math_module.hpp"      // math_builtin
#include "model/stdlib/named_tuples.hpp"     // time_builtin

namespace rc {

namespace {
/// os.getpid() of racecheck's one process (any fixed number: outputs that print it differ from
/// CPython's anyway, whose pid changes with every run).
constexpr int64_t kProcessId = 4242;

/// The Python object of a thread: the instance of a Thread subclass whose run() it runs
/// (`class Worker(threading.Thread)` overriding run: current_thread() is that Worker, found in
/// O(1) through the bound run the subclass gave it as target), else the Thread itself. A
/// subclass that keeps Thread.run (a target passed to super().__init__) still gives the Thread.
Value thread_value(Machine& m, ObjectId thread_obj) {
    const Value native = Value::object(thread_obj);
    if (auto* t = m.get<ThreadObj>(native))
        if (auto* run = m.get<MethodObj>(t->target))
            if (auto* i = m.get<InstanceObj>(run->self); i && i->native.same(native)) return run->self;
    return native;
}
} // namespace

Value Machine::call_module_function(BuiltinId id, const Args& a) {
    using S = Sig::Style;
    switch (id) {
    case BuiltinId::CurrentThread:
        bind(a, Sig{"current_thread", S::Python, {}, 0, 0});
        return thread_value(*this, th().thread_obj);
    case BuiltinId::MainThread:
        bind(a, Sig{"main_thread", S::Python, {}, 0, 0});
        return Value::object(st.threads[0].thread_obj);
    case BuiltinId::ActiveCount: {
        bind(a, Sig{"active_count", S::Python, {}, 0, 0});
        if (step_event) step_event->read_threads = true;
        int64_t n = 0;
        for (ThreadId t : st.live_threads) {
            const ThreadStatus status = st.thread(t).status;
            n += status == ThreadStatus::Running || status == ThreadStatus::Diverged;
        }
        if (event) event->value = Value::integer(n);
        return Value::integer(n);
    }
    case BuiltinId::ThreadingEnumerate: {
        bind(a, Sig{"enumerate", S::Python, {}, 0, 0});
        if (step_event) step_event->read_threads = true;
        std::vector<Value> alive;
        for (ThreadId id : st.live_threads) {
            const ThreadState& t = st.thread(id);
            if (t.status == ThreadStatus::Running || t.status == ThreadStatus::Diverged)
                alive.push_back(thread_value(*this, t.thread_obj));
        }
        return new_list(std::move(alive));
    }
    case BuiltinId::GetIdent:
    case BuiltinId::GetNativeId:
        bind(a, Sig{id == BuiltinId::GetIdent ? "_thread.get_ident" : "_thread.get_native_id", S::None, {}, 0, 0});
        if (step_event) step_event->observed_identity = true;
        return Value::integer(1000 + tid.value); // Thread.ident and native_id too
    case BuiltinId::OsGetpid: // racecheck's one process: a fixed number, as a run's are
        bind(a, Sig{"posix.getpid", S::None, {}, 0, 0});
        return Value::integer(kProcessId);
    case BuiltinId::OsCpuCount: // one CPU: ThreadPoolExecutor's default max_workers is 5
        bind(a, Sig{"posix.cpu_count", S::None, {}, 0, 0});
        return Value::integer(1);
    case BuiltinId::Sleep: {
        Value v = bind(a, Sig{"time.sleep", S::One, {"secs"}, 1, 1})[0];
        if (!v.is_int_like() && v.tag != VTag::Float)
            raise(BuiltinId::TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
        double secs = to_float(v, "sleep()");
        if (secs < 0) raise(BuiltinId::ValueError, "sleep length must be non-negative");
        th().clock_ns += static_cast<int64_t>(secs * 1e9);
        return Value::none();
    }
    case BuiltinId::Time:
        bind(a, Sig{"time.time", S::None, {}, 0, 0});
        return Value::floating(kTimeEpoch + static_cast<double>(th().clock_ns) / 1e9);
    case BuiltinId::Monotonic:
    case BuiltinId::PerfCounter:
        bind(a, Sig{id == BuiltinId::Monotonic ? "time.monotonic" : "time.perf_counter", S::None, {}, 0, 0});
        return Value::floating(static_cast<double>(th().clock_ns) / 1e9);
    case BuiltinId::SysExit: {
        Bound b = bind(a, Sig{"exit", S::Expected, {"status"}, 0, 1});
        Value exc = make_exception(BuiltinId::SystemExit, "");
        if (b.has(0)) get<ExceptionObj>(exc)->args = {b[0]};
        raise_value(exc);
    }
    case BuiltinId::Deque: return make_deque(a);
    case BuiltinId::ItCount:
    case BuiltinId::ItCycle:
    case BuiltinId::ItRepeat:
    case BuiltinId::ItIslice:
    case BuiltinId::ItChain:
    case BuiltinId::ItChainFromIterable:
    case BuiltinId::ItProduct:
    case BuiltinId::ItPermutations:
    case BuiltinId::ItCombinations:
    case BuiltinId::ItAccumulate:
    case BuiltinId::ItZipLongest: return itertools_builtin(*this, id, a);
    case BuiltinId::MathSqrt:
    case BuiltinId::MathIsqrt:
    case BuiltinId::MathFloor:
    case BuiltinId::MathCeil:
    case BuiltinId::MathTrunc:
    case BuiltinId::MathFabs:
    case BuiltinId::MathFactorial:
    case BuiltinId::MathGcd:
    case BuiltinId::MathLcm:
    case BuiltinId::MathPow:
    case BuiltinId::MathExp:
    case BuiltinId::MathLog:
    case BuiltinId::MathLog2:
    case BuiltinId::MathLog10:
    case BuiltinId::MathSin:
    case BuiltinId::MathCos:
    case BuiltinId::MathTan:
    case BuiltinId::MathAtan:
    case BuiltinId::MathAtan2:
    case BuiltinId::MathDegrees:
    case BuiltinId::MathRadians:
    case BuiltinId::MathCopysign:
    case BuiltinId::MathIsclose:
    case BuiltinId::MathIsnan:
    case BuiltinId::MathIsinf:
    case BuiltinId::MathIsfinite: return math_builtin(*this, id, a);
    case BuiltinId::TimeGmtime:
    case BuiltinId::TimeLocaltime:
    case BuiltinId::TimeCtime:
    case BuiltinId::TimeStrftime: return time_builtin(*this, id, a);
    case BuiltinId::StdoutWrite:
    case BuiltinId::StderrWrite: { // TextIOWrapper.write(s): the number of code points written
        Value s = bind(a, Sig{"write", S::One, {"s"}, 1, 1})[0];
        const std::string* text = str_of(s);
        if (!text) raise(BuiltinId::TypeError, "write() argument must be str, not " + type_name(s));
        const std::string out = *text;
        const int64_t length = get<StrObj>(s)->length;
        charge(out.size());
        if (id == BuiltinId::StderrWrite) {
            st.error_output += out;
        } else {
            st.output += out;
            digest_output(st, out);
            note_output_writer(st, tid, out);
            if (event) event->value = new_str(out);
        }
        return Value::integer(length);
    }
    case BuiltinId::StdoutFlush:
    case BuiltinId::StderrFlush:
        bind(a, Sig{"flush", S::None, {}, 0, 0});
        return Value::none();
    case BuiltinId::Defaultdict:
    case BuiltinId::Counter: return make_dict_kind(id, a);
    case BuiltinId::Wraps:
    case BuiltinId::UpdateWrapper: return call_functools(id, a);
    case BuiltinId::Partial: {
        if (a.pos.empty()) raise(BuiltinId::TypeError, "type 'partial' takes at least one argument");
        Value fn = a.pos[0];
        if (!is_callable(fn)) raise(BuiltinId::TypeError, "the first argument must be callable");
        std::vector<Value> args;
        std::vector<std::pair<Value, Value>> keywords;
        if (auto* inner = get<PartialObj>(fn)) { // partial(partial(f, 1), 2) is partial(f, 1, 2)
            args = get<TupleObj>(inner->args)->items;
            keywords = get<DictObj>(inner->keywords)->items;
            fn = inner->func;
        }
        args.insert(args.end(), a.pos.begin() + 1, a.pos.end());
        Value dict = new_dict();
        for (auto& [k, v] : keywords) store_subscript(dict, k, v);
        for (auto& [n, v] : a.kw) store_subscript(dict, new_str(name_of(n)), v);
        Value tuple = new_tuple(std::move(args));
        return Value::object(alloc(Object{PartialObj{fn, tuple, dict}}));
    }
    case BuiltinId::TypingForm: unsupported("typing names outside annotations");
    case BuiltinId::DcDataclass:
        unsupported("dataclasses.dataclass other than as a decorator of a module-level class",
                    "write @dataclass (or @dataclass(...)) above the class statement");
    case BuiltinId::DcField:
        unsupported("dataclasses.field() other than as the default of a field in a @dataclass class body");
    default: break;
    }
    switch (id) {
    case BuiltinId::RandRandom:
    case BuiltinId::RandSeed:
    case BuiltinId::RandRandint:
    case BuiltinId::RandRandrange:
    case BuiltinId::RandChoice:
    case BuiltinId::RandShuffle:
    case BuiltinId::RandUniform:
    case BuiltinId::RandSample:
    case BuiltinId::RandGetrandbits:
    case BuiltinId::RandChoices: return call_random(id, a);
    case BuiltinId::LogBasicConfig:
    case BuiltinId::LogDebug:
    case BuiltinId::LogInfo:
    case BuiltinId::LogWarning:
    case BuiltinId::LogError:
    case BuiltinId::LogCritical:
    case BuiltinId::LogException:
    case BuiltinId::LogLog:
    case BuiltinId::LogGetLogger: return call_logging(id, a);
    default: break;
    }
    unsupported("calling " + std::string(builtin_qualname(id)));
}

} // namespace rc
