// State's one operation that keeps an invariant (a thread's end and the live-thread index), and
// hash_state: a 64-bit fingerprint of an execution state, for state caching and tests of
// determinism. Heap object ids are hashed as they are: equal schedules allocate equal ids.
#include "model/runtime/state.hpp"

#include "model/runtime/fingerprint.hpp" // Hasher128, Fingerprint

#include <algorithm> // lower_bound
#include <cstring>   // memcpy

namespace rc {

void State::finish_thread(ThreadId t) {
    threads[t.value].status = ThreadStatus::Finished;
    auto it = std::lower_bound(live_threads.begin(), live_threads.end(), t,
                               [](ThreadId a, ThreadId b) { return a.value < b.value; });
    if (it != live_threads.end() && *it == t) live_threads.erase(it);
}

void note_output_writer(State& s, ThreadId writer, const std::string& text) {
    size_t at = 0;
    while (at < text.size()) {
        if (!s.line_writer.valid()) s.line_writer = writer;
        else if (s.line_writer != writer && (s.mixed_lines.empty() || s.mixed_lines.back() != s.output_lines))
            s.mixed_lines.push_back(s.output_lines);
        const size_t nl = text.find('\n', at);
        if (nl == std::string::npos) break;
        ++s.output_lines;
        s.line_writer = ThreadId{};
        at = nl + 1;
    }
}

} // namespace rc

namespace rc {

namespace {

/// hash_state's 64-bit word mixer (Hasher128's first lane is the same).
struct Mix64 {
    uint64_t h = 0x9E3779B97F4A7C15ull;
    void mix(uint64_t x) {
        h ^= x + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
};

/// Values, texts and attribute lists as words, into a mixer M (Mix64 or Hasher128).
template <class M> struct Hasher {
    M m;
    void mix(uint64_t x) { m.mix(x); }
    void value(const Value& v) {
        mix(static_cast<uint64_t>(v.tag) << 32 | v.aux);
        uint64_t bits;
        std::memcpy(&bits, &v.i, sizeof bits);
        mix(bits);
    }
    void values(const std::vector<Value>& vs) {
        mix(vs.size());
        for (const Value& v : vs) value(v);
    }
    void text(const std::string& s) {
        mix(s.size());
        for (char c : s) mix(static_cast<unsigned char>(c));
    }
    void attrs(const AttrList& list) {
        mix(list.size());
        for (const auto& [n, v] : list) {
            mix(n.value);
            value(v);
        }
    }
};

template <class H> void hash_object(H& h, const Object& o) {
    h.mix(o.data.index() << 1 | (o.shared ? 1 : 0));
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, StrObj>) h.text(x.s);
            else if constexpr (std::is_same_v<T, TupleObj>) {
                h.values(x.items);
                if (x.named != BuiltinId::Tuple) h.mix(static_cast<uint64_t>(x.named));
            } else if constexpr (std::is_same_v<T, ListObj>) h.values(x.items);
            else if constexpr (std::is_same_v<T, DictObj>) {
                h.mix(x.items.size());
                for (auto& [k, v] : x.items) {
                    h.value(k);
                    h.value(v);
                }
                for (uint64_t q : x.seqs) h.mix(q);
                h.mix(x.next_seq);
                h.mix(static_cast<uint64_t>(x.kind));
                h.value(x.default_factory);
            } else if constexpr (std::is_same_v<T, RangeObj>) {
                h.mix(static_cast<uint64_t>(x.start));
                h.mix(static_cast<uint64_t>(x.stop));
                h.mix(static_cast<uint64_t>(x.step));
            } else if constexpr (std::is_same_v<T, IterObj>) {
                h.mix(static_cast<uint64_t>(x.kind));
                h.value(x.source);
                h.mix(static_cast<uint64_t>(x.pos));
                h.mix(static_cast<uint64_t>(x.stop));
                h.mix(static_cast<uint64_t>(x.step));
                h.mix(x.item);
                h.value(x.inner);
            } else if constexpr (std::is_same_v<T, LockObj>) {
                h.mix(x.locked);
                h.mix(x.owner.value);
            } else if constexpr (std::is_same_v<T, RLockObj>) {
                h.mix(x.count);
                h.mix(x.owner.value);
            } else if constexpr (std::is_same_v<T, ConditionObj>) {
                for (ThreadId t : x.waiters) h.mix(t.value);
            } else if constexpr (std::is_same_v<T, SemaphoreObj>) {
                h.mix(static_cast<uint64_t>(x.value));
            } else if constexpr (std::is_same_v<T, EventObj>) {
                h.mix(x.flag);
            } else if constexpr (std::is_same_v<T, BarrierObj>) {
                h.mix(x.waiting);
                h.mix(x.generation);
                h.mix(x.broken);
                h.mix(x.releaser.value);
            } else if constexpr (std::is_same_v<T, QueueObj>) {
                h.values(x.items);
                h.mix(static_cast<uint64_t>(x.order) | static_cast<uint64_t>(x.simple) << 8);
                h.mix(static_cast<uint64_t>(x.unfinished));
            } else if constexpr (std::is_same_v<T, ThreadObj>) {
                h.mix(x.started);
                h.mix(x.daemon);
            } else if constexpr (std::is_same_v<T, FutureObj>) {
                h.mix(static_cast<uint64_t>(x.status));
                h.value(x.result);
                h.mix(x.callbacks.size());
            } else if constexpr (std::is_same_v<T, ExecutorObj>) {
                h.mix(x.shutdown);
                h.mix(x.idle);
                h.mix(x.pending.size());
            } else if constexpr (std::is_same_v<T, LocalObj>) {
                for (auto& [t, attrs] : x.per_thread) {
                    h.mix(t.value);
                    for (auto& [n, v] : attrs) {
                        h.mix(n.value);
                        h.value(v);
                    }
                }
            } else if constexpr (std::is_same_v<T, AsCompletedObj>) {
                for (bool y : x.yielded) h.mix(y);
            } else if constexpr (std::is_same_v<T, SetObj>) {
                h.mix(x.table.size());
                for (const SetObj::Entry& e : x.table) {
                    h.value(e.key);
                    h.mix(static_cast<uint64_t>(e.hash));
                }
                h.mix(static_cast<uint64_t>(x.fill) << 32 | x.used);
                h.mix(static_cast<uint64_t>(x.finger) << 1 | (x.frozen ? 1 : 0));
            } else if constexpr (std::is_same_v<T, DictViewObj>) {
                h.mix(static_cast<uint64_t>(x.kind));
                h.value(x.dict);
            } else if constexpr (std::is_same_v<T, DequeObj>) {
                h.values(x.items);
                h.mix(static_cast<uint64_t>(x.maxlen));
                h.mix(x.version);
            } else if constexpr (std::is_same_v<T, GeneratorObj>) {
                h.mix(x.code.value);
                h.mix(static_cast<uint64_t>(x.status));
                h.values(x.saved);
                h.mix(static_cast<uint64_t>(x.saved_locals) << 32 | x.pc);
                h.values(x.saved_exc);
            } else if constexpr (std::is_same_v<T, LoggerObj>) {
                h.text(x.name);
                h.mix(static_cast<uint64_t>(x.level));
            } else if constexpr (std::is_same_v<T, FunctionObj>) {
                h.mix(x.code.value);
                h.values(x.defaults);
                h.values(x.closure);
                h.value(x.wrapped);
            } else if constexpr (std::is_same_v<T, CellObj>) {
                h.value(x.value);
                h.mix(static_cast<uint64_t>(x.name.value) << 32 | x.owner.value);
                h.mix(x.line);
            } else if constexpr (std::is_same_v<T, ExceptionObj>) {
                h.mix(static_cast<uint64_t>(x.type));
                h.values(x.args);
                h.mix(x.cls.value);
                h.attrs(x.attrs);
            } else if constexpr (std::is_same_v<T, ClassObj>) {
                h.text(x.name);
                h.values(x.bases);
                for (ObjectId k : x.mro) h.mix(k.value);
                h.mix(static_cast<uint64_t>(x.native) << 32 | x.line);
                h.attrs(x.attrs);
            } else if constexpr (std::is_same_v<T, InstanceObj>) {
                h.mix(x.cls.value);
                h.attrs(x.attrs);
                h.value(x.native);
            } else if constexpr (std::is_same_v<T, MethodObj>) {
                h.value(x.func);
                h.value(x.self);
            } else if constexpr (std::is_same_v<T, WrapperObj>) {
                h.mix(static_cast<uint64_t>(x.kind));
                h.value(x.func);
                h.value(x.setter);
            } else if constexpr (std::is_same_v<T, SuperObj>) {
                h.mix(x.cls.value);
                h.value(x.self);
            } else if constexpr (std::is_same_v<T, PartialObj>) {
                h.value(x.func);
                h.value(x.args);
                h.value(x.keywords);
            } else if constexpr (std::is_same_v<T, SliceObj>) {
                h.value(x.lower);
                h.value(x.upper);
                h.value(x.step);
            } else if constexpr (std::is_same_v<T, MethodDescriptorObj>) {
                h.mix(static_cast<uint64_t>(x.owner));
                h.mix(x.method.value);
            } else if constexpr (std::is_same_v<T, PlainObj>) {
                // identity only
            } else {
                // exhaustive: a new object kind does not compile until it is handled here
                static_assert(sizeof(T) == 0, "hash_object: an object kind not hashed");
            }
        },
        o.data);
}

template <class H> void hash_thread(H& h, const ThreadState& t) {
    h.mix(static_cast<uint64_t>(t.status));
    h.mix(t.frames.size());
    for (const Frame& f : t.frames) {
        h.mix(f.code.value);
        h.mix(f.pc);
        h.mix(static_cast<uint64_t>(f.returns) << 32 | f.retry_depth);
        h.mix(static_cast<uint64_t>(f.exit_pc) << 32 | f.generator.value);
        h.value(f.next_default);
        h.value(f.init_self);
    }
    h.values(t.stack);
    h.values(t.exc_stack);
    h.mix(static_cast<uint64_t>(t.wait.kind) | (t.wait.notified ? 0x100 : 0) |
          (t.wait.timed_out ? 0x200 : 0));
}

template <class H> void hash_shared(H& h, const State& s) {
    h.values(s.globals);
    h.mix(s.heap.size());
    for (const Object& o : s.heap) hash_object(h, o);
}

} // namespace

uint64_t hash_state(const State& s) {
    Hasher<Mix64> h;
    hash_shared(h, s);
    h.mix(s.threads.size());
    for (const ThreadState& t : s.threads) hash_thread(h, t);
    h.text(s.output);
    h.mix(s.ended);
    return h.m.h;
}

uint64_t hash_thread_view(const State& s, ThreadId t) {
    Hasher<Mix64> h;
    hash_shared(h, s);
    hash_thread(h, s.thread(t));
    return h.m.h;
}

Fingerprint hash_local_run(const State& s, ThreadId t, bool clock) {
    Hasher<Hasher128> h;
    hash_shared(h, s); // globals, every heap object
    const ThreadState& th = s.thread(t);
    hash_thread(h, th); // frames, stacks, wait
    for (const Frame& f : th.frames) { // what hash_thread leaves out of a frame
        h.mix(static_cast<uint64_t>(f.exc_depth) << 32 | f.locals_base);
        h.mix(static_cast<uint64_t>(f.stack_base) << 32 | f.call_line);
        h.mix(f.call_col);
    }
    h.value(th.uncaught);
    h.value(th.system_exit);
    if (clock) h.mix(static_cast<uint64_t>(th.clock_ns));
    // The rest of the state a thread's own work can read or change.
    h.mix(s.memory);
    h.mix(static_cast<uint64_t>(s.thread_name_counter) << 32 | s.executor_counter);
    h.mix(static_cast<uint64_t>(s.identity_observed) << 1 | (s.ended ? 1 : 0));
    h.mix(s.output_digest[0]);
    h.mix(s.output_digest[1]);
    h.text(s.error_output);
    h.mix(s.random_mt.size());
    for (uint32_t w : s.random_mt) h.mix(w);
    h.mix(s.random_index);
    h.mix(static_cast<uint64_t>(s.logging.root_level) << 1 | (s.logging.configured ? 1 : 0));
    h.text(s.logging.format);
    h.text(s.logging.datefmt);
    h.mix(s.logging.loggers.size());
    return h.m.value();
}

} // namespace rc
