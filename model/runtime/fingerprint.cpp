// Canonical fingerprints: threads in canonical order, then a breadth-first numbering of the heap
// objects reachable from the globals and the threads (see fingerprint.hpp).
#include "model/runtime/fingerprint.hpp"

#include <algorithm> // sort, stable_sort
#include <cstring>   // memcpy
#include <utility>   // pair

namespace rc {

namespace {

constexpr uint32_t kNone = UINT32_MAX;
constexpr uint32_t kString = UINT32_MAX - 1; // id_ of a reachable str (compared by content)

uint64_t bits(double d) {
    uint64_t b;
    std::memcpy(&b, &d, sizeof b);
    return b;
}

/// A small 64-bit hash for signatures (not part of the fingerprint's guarantee).
struct Mix64 {
    uint64_t h = 0x243F6A8885A308D3ull;
    void mix(uint64_t x) {
        h ^= x + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
};

template <class H> void mix_text(H& h, const std::string& s) {
    h.mix(s.size());
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h.mix(w);
    }
    uint64_t tail = 0;
    std::memcpy(&tail, s.data() + i, s.size() - i);
    h.mix(tail);
}

/// Calls f(heap index) for every object `o` refers to, in a fixed order.
template <class F> void for_each_ref(const Object& o, F&& f) {
    auto v = [&](const Value& x) {
        if (x.tag == VTag::Obj || x.tag == VTag::BoundMethod) f(x.ref);
    };
    auto vs = [&](const std::vector<Value>& xs) {
        for (const Value& x : xs) v(x);
    };
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, TupleObj> || std::is_same_v<T, ListObj>) vs(x.items);
            else if constexpr (std::is_same_v<T, DictObj>) {
                for (auto& [k, val] : x.items) {
                    v(k);
                    v(val);
                }
                v(x.default_factory);
            } else if constexpr (std::is_same_v<T, SliceObj>) {
                v(x.lower);
                v(x.upper);
                v(x.step);
            } else if constexpr (std::is_same_v<T, FunctionObj>) {
                vs(x.defaults);
                vs(x.closure);
                v(x.wrapped);
            } else if constexpr (std::is_same_v<T, CellObj>) v(x.value);
            else if constexpr (std::is_same_v<T, ExceptionObj>) {
                vs(x.args);
                if (x.cls.valid()) f(x.cls.value);
                for (auto& [n, val] : x.attrs) v(val);
            } else if constexpr (std::is_same_v<T, ClassObj>) {
                vs(x.bases);
                for (ObjectId k : x.mro) f(k.value);
                for (auto& [n, val] : x.attrs) v(val);
            } else if constexpr (std::is_same_v<T, InstanceObj>) {
                f(x.cls.value);
                for (auto& [n, val] : x.attrs) v(val);
                v(x.native);
            } else if constexpr (std::is_same_v<T, MethodObj>) {
                v(x.func);
                v(x.self);
            } else if constexpr (std::is_same_v<T, WrapperObj>) {
                v(x.func);
                v(x.setter);
            } else if constexpr (std::is_same_v<T, SuperObj>) {
                f(x.cls.value);
                v(x.self);
            } else if constexpr (std::is_same_v<T, PartialObj>) {
                v(x.func);
                v(x.args);
                v(x.keywords);
            } else if constexpr (std::is_same_v<T, IterObj>) {
                v(x.source);
                v(x.inner);
            } else if constexpr (std::is_same_v<T, AsCompletedObj>) {
                for (ObjectId f2 : x.futures) f(f2.value);
            } else if constexpr (std::is_same_v<T, ThreadObj>) {
                v(x.target);
                v(x.args);
                v(x.kwargs);
                if (x.timer.valid()) f(x.timer.value);
                v(x.interval);
            } else if constexpr (std::is_same_v<T, ConditionObj>) {
                if (x.lock.valid()) f(x.lock.value);
            } else if constexpr (std::is_same_v<T, QueueObj>) vs(x.items);
            else if constexpr (std::is_same_v<T, LocalObj>) {
                for (auto& [t, attrs] : x.per_thread)
                    for (auto& [n, val] : attrs) v(val);
            } else if constexpr (std::is_same_v<T, FutureObj>) {
                v(x.fn);
                v(x.args);
                v(x.kwargs);
                v(x.result);
                v(x.exception);
                vs(x.callbacks);
            } else if constexpr (std::is_same_v<T, BarrierObj>) {
                v(x.action);
            } else if constexpr (std::is_same_v<T, ExecutorObj>) {
                for (ObjectId p : x.pending) f(p.value);
            } else if constexpr (std::is_same_v<T, SetObj>) {
                for (const SetObj::Entry& e : x.table) v(e.key);
            } else if constexpr (std::is_same_v<T, DictViewObj>) v(x.dict);
            else if constexpr (std::is_same_v<T, DequeObj>) vs(x.items);
            else if constexpr (std::is_same_v<T, GeneratorObj>) {
                vs(x.saved);
                vs(x.saved_exc);
            } else if constexpr (std::is_same_v<T, StrObj> || std::is_same_v<T, RangeObj> ||
                                 std::is_same_v<T, LockObj> || std::is_same_v<T, RLockObj> ||
                                 std::is_same_v<T, SemaphoreObj> || std::is_same_v<T, EventObj> ||
                                 std::is_same_v<T, LoggerObj> ||
                                 std::is_same_v<T, MethodDescriptorObj> ||
                                 std::is_same_v<T, PlainObj>) {
                // no references
            } else {
                // exhaustive: a new object kind does not compile until it is handled here
                static_assert(sizeof(T) == 0, "for_each_ref: an object kind without its references");
            }
        },
        o.data);
}

} // namespace

void digest_output(State& s, const std::string& text) {
    Hasher128 h;
    h.mix(s.output_digest[0]);
    h.mix(s.output_digest[1]);
    mix_text(h, text);
    const Fingerprint f = h.value();
    s.output_digest[0] = f.hi;
    s.output_digest[1] = f.lo;
}

void Hasher128::mix(uint64_t x) {
    a_ ^= x + 0x9E3779B97F4A7C15ull + (a_ << 6) + (a_ >> 2);
    a_ *= 0xBF58476D1CE4E5B9ull;
    a_ ^= a_ >> 31;
    b_ += x * 0xC2B2AE3D27D4EB4Full;
    b_ = (b_ << 31) | (b_ >> 33);
    b_ *= 0x9E3779B185EBCA87ull;
    b_ ^= b_ >> 29;
}

uint64_t Fingerprinter::shallow(const State& s, Value v) {
    Mix64 h;
    h.mix(static_cast<uint64_t>(v.tag) | static_cast<uint64_t>(v.aux) << 8);
    if (v.tag == VTag::Float) h.mix(bits(v.f));
    else if (v.tag != VTag::Obj && v.tag != VTag::BoundMethod) h.mix(static_cast<uint64_t>(v.i));
    else if (v.ref < s.heap.size()) {
        const Object& o = s.heap[v.ref];
        h.mix(o.data.index());
        h.mix(pos_[v.ref]);
        if (auto* str = std::get_if<StrObj>(&o.data)) mix_text(h, str->s);
        else if (auto* it = std::get_if<IterObj>(&o.data)) h.mix(static_cast<uint64_t>(it->pos));
        else if (auto* l = std::get_if<ListObj>(&o.data)) h.mix(l->items.size());
        else if (auto* t = std::get_if<TupleObj>(&o.data)) h.mix(t->items.size());
        else if (auto* f = std::get_if<FunctionObj>(&o.data)) h.mix(f->code.value);
    }
    return h.h;
}

uint64_t Fingerprinter::signature(const State& s, const ThreadState& t) {
    Mix64 h;
    h.mix(static_cast<uint64_t>(t.status));
    for (const Frame& f : t.frames) h.mix(static_cast<uint64_t>(f.code.value) << 32 | f.pc);
    for (const Value& v : t.stack) h.mix(shallow(s, v));
    h.mix(t.exc_stack.size());
    h.mix(static_cast<uint64_t>(t.wait.kind) | (t.wait.notified ? 0x100 : 0) |
          (t.wait.timed_out ? 0x200 : 0) | static_cast<uint64_t>(t.wait.index) << 16);
    h.mix(static_cast<uint64_t>(t.uncaught.tag));
    h.mix(t.diverged_line);
    if (options_.clocks) h.mix(static_cast<uint64_t>(t.clock_ns));
    if (t.thread_obj.valid()) h.mix(pos_[t.thread_obj.value]);
    return h.h;
}

void Fingerprinter::order_threads(const State& s) {
    const size_t n = s.threads.size();
    order_.resize(n);
    rank_.resize(n);
    for (size_t i = 0; i < n; ++i) order_[i] = static_cast<uint32_t>(i);
    if (options_.symmetry && n > 2) {
        // Discovery order of objects from what does not depend on the thread order: the globals
        // and MainThread. A thread's signature names where its Thread object and its locks are.
        pos_.assign(s.heap.size(), kNone);
        std::vector<uint32_t> work;
        uint32_t next = 0;
        auto reach = [&](uint32_t obj) {
            if (obj < pos_.size() && pos_[obj] == kNone) {
                pos_[obj] = next++;
                work.push_back(obj);
            }
        };
        auto reach_value = [&](const Value& v) {
            if (v.tag == VTag::Obj || v.tag == VTag::BoundMethod) reach(v.ref);
        };
        for (const Value& v : s.globals) reach_value(v);
        const ThreadState& main = s.threads[0];
        for (const Value& v : main.stack) reach_value(v);
        for (const Value& v : main.exc_stack) reach_value(v);
        if (main.wait.obj.valid()) reach(main.wait.obj.value);
        for (size_t i = 0; i < work.size(); ++i) for_each_ref(s.heap[work[i]], reach);
        std::vector<uint64_t> held(n, 0); // by owner: where its (shared) locks are
        for (uint32_t o : work) {
            const auto& d = s.heap[o].data;
            ThreadId owner;
            if (auto* l = std::get_if<LockObj>(&d); l && l->locked) owner = l->owner;
            if (auto* r = std::get_if<RLockObj>(&d); r && r->count > 0) owner = r->owner;
            if (owner.valid() && owner.value < n) held[owner.value] += (pos_[o] + 1) * 0x9E3779B97F4A7C15ull;
        }
        std::vector<std::pair<uint64_t, uint32_t>> keyed;
        for (size_t i = 1; i < n; ++i)
            keyed.emplace_back(signature(s, s.threads[i]) ^ held[i], static_cast<uint32_t>(i));
        std::stable_sort(keyed.begin(), keyed.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (size_t i = 1; i < n; ++i) order_[i] = keyed[i - 1].second;
    }
    for (size_t p = 0; p < n; ++p) rank_[order_[p]] = static_cast<uint32_t>(p);
}

uint32_t Fingerprinter::id_of(uint32_t obj) {
    if (id_[obj] == kNone) {
        id_[obj] = static_cast<uint32_t>(queue_.size());
        queue_.push_back(obj);
    }
    return id_[obj];
}

void Fingerprinter::value(const State& s, Value v) {
    h_.mix(static_cast<uint64_t>(v.tag) | static_cast<uint64_t>(v.aux) << 8);
    switch (v.tag) {
    case VTag::Float: h_.mix(bits(v.f)); return;
    case VTag::Obj:
    case VTag::BoundMethod:
        if (v.ref < options_.constant_strings) {
            h_.mix(0xC0000000ull | v.ref); // immutable, shared
        } else if (auto* str = std::get_if<StrObj>(&s.heap[v.ref].data)) {
            mix_text(h_, str->s);
            id_[v.ref] = kString; // reachable, but numbered by nothing but its content
        } else {
            h_.mix(id_of(v.ref));
            if (s.identity_observed) h_.mix(v.ref); // the real number is observable now
        }
        return;
    default: h_.mix(static_cast<uint64_t>(v.i)); return;
    }
}

void Fingerprinter::attrs(const State& s, const AttrList& list) {
    h_.mix(list.size());
    for (const auto& [n, v] : list) {
        h_.mix(n.value);
        value(s, v);
    }
}

void Fingerprinter::object(const State& s, const Object& o) {
    h_.mix(o.data.index() << 1 | (o.shared ? 1 : 0));
    auto vs = [&](const std::vector<Value>& xs) {
        h_.mix(xs.size());
        for (const Value& x : xs) value(s, x);
    };
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, StrObj>) mix_text(h_, x.s);
            else if constexpr (std::is_same_v<T, TupleObj>) {
                vs(x.items);
                if (x.named != BuiltinId::Tuple) h_.mix(static_cast<uint64_t>(x.named));
            } else if constexpr (std::is_same_v<T, ListObj>) vs(x.items);
            else if constexpr (std::is_same_v<T, DictObj>) {
                h_.mix(x.items.size());
                for (auto& [k, val] : x.items) {
                    value(s, k);
                    value(s, val);
                }
                // insertion numbers: iterators continue by them (relative to the first entry)
                const uint64_t base = x.seqs.empty() ? x.next_seq : x.seqs.front();
                for (uint64_t q : x.seqs) h_.mix(q - base);
                h_.mix(x.next_seq - base);
                h_.mix(static_cast<uint64_t>(x.kind));
                value(s, x.default_factory);
            } else if constexpr (std::is_same_v<T, RangeObj>) {
                h_.mix(static_cast<uint64_t>(x.start));
                h_.mix(static_cast<uint64_t>(x.stop));
                h_.mix(static_cast<uint64_t>(x.step));
            } else if constexpr (std::is_same_v<T, SliceObj>) {
                value(s, x.lower);
                value(s, x.upper);
                value(s, x.step);
            } else if constexpr (std::is_same_v<T, FunctionObj>) {
                h_.mix(x.code.value);
                vs(x.defaults);
                vs(x.closure);
                value(s, x.wrapped);
            } else if constexpr (std::is_same_v<T, CellObj>) {
                value(s, x.value);
                h_.mix(static_cast<uint64_t>(x.name.value) << 32 | x.owner.value);
                h_.mix(x.line);
            } else if constexpr (std::is_same_v<T, ExceptionObj>) {
                h_.mix(static_cast<uint64_t>(x.type));
                vs(x.args);
                h_.mix(x.line);
                h_.mix(thread(x.thread));
                mix_text(h_, x.suggestion);
                h_.mix(x.cls.valid() ? id_of(x.cls.value) : kNone);
                attrs(s, x.attrs);
            } else if constexpr (std::is_same_v<T, ClassObj>) {
                mix_text(h_, x.name);
                vs(x.bases);
                h_.mix(x.mro.size());
                for (ObjectId k : x.mro) h_.mix(id_of(k.value));
                h_.mix(static_cast<uint64_t>(x.native) << 32 | x.line);
                attrs(s, x.attrs);
            } else if constexpr (std::is_same_v<T, InstanceObj>) {
                h_.mix(id_of(x.cls.value));
                attrs(s, x.attrs);
                value(s, x.native);
                h_.mix(x.line);
            } else if constexpr (std::is_same_v<T, MethodObj>) {
                value(s, x.func);
                value(s, x.self);
            } else if constexpr (std::is_same_v<T, WrapperObj>) {
                h_.mix(static_cast<uint64_t>(x.kind));
                value(s, x.func);
                value(s, x.setter);
            } else if constexpr (std::is_same_v<T, SuperObj>) {
                h_.mix(id_of(x.cls.value));
                value(s, x.self);
            } else if constexpr (std::is_same_v<T, PartialObj>) {
                value(s, x.func);
                value(s, x.args);
                value(s, x.keywords);
            } else if constexpr (std::is_same_v<T, IterObj>) {
                h_.mix(static_cast<uint64_t>(x.kind));
                value(s, x.source);
                h_.mix(static_cast<uint64_t>(x.pos));
                h_.mix(static_cast<uint64_t>(x.stop));
                h_.mix(static_cast<uint64_t>(x.step));
                h_.mix(x.item);
                value(s, x.inner);
            } else if constexpr (std::is_same_v<T, AsCompletedObj>) {
                h_.mix(x.futures.size());
                for (size_t i = 0; i < x.futures.size(); ++i) {
                    h_.mix(id_of(x.futures[i].value));
                    h_.mix(x.yielded[i]);
                }
            } else if constexpr (std::is_same_v<T, ThreadObj>) {
                value(s, x.target);
                value(s, x.args);
                value(s, x.kwargs);
                if (!options_.symmetry) mix_text(h_, x.name);
                h_.mix(static_cast<uint64_t>(x.daemon) | static_cast<uint64_t>(x.started) << 1);
                h_.mix(thread(x.tid));
                h_.mix(x.timer.valid() ? id_of(x.timer.value) : kNone);
                value(s, x.interval);
            } else if constexpr (std::is_same_v<T, LockObj>) {
                h_.mix(x.locked);
                if (x.locked) {
                    h_.mix(thread(x.owner));
                    h_.mix(x.acquired_line);
                }
            } else if constexpr (std::is_same_v<T, RLockObj>) {
                h_.mix(x.count);
                if (x.count > 0) {
                    h_.mix(thread(x.owner));
                    h_.mix(x.acquired_line);
                }
            } else if constexpr (std::is_same_v<T, ConditionObj>) {
                h_.mix(x.lock.valid() ? id_of(x.lock.value) : kNone);
                h_.mix(x.waiters.size());
                for (ThreadId t : x.waiters) h_.mix(thread(t));
            } else if constexpr (std::is_same_v<T, SemaphoreObj>) {
                h_.mix(static_cast<uint64_t>(x.value));
                h_.mix(static_cast<uint64_t>(x.initial) << 1 | (x.bounded ? 1 : 0));
            } else if constexpr (std::is_same_v<T, EventObj>) {
                h_.mix(x.flag);
            } else if constexpr (std::is_same_v<T, BarrierObj>) {
                h_.mix(x.parties);
                h_.mix(x.waiting);
                h_.mix(x.generation);
                h_.mix(x.broken);
                value(s, x.action);
                h_.mix(x.releaser.valid() ? uint64_t{1} + thread(x.releaser) : 0);
            } else if constexpr (std::is_same_v<T, QueueObj>) {
                vs(x.items);
                h_.mix(static_cast<uint64_t>(x.order) | static_cast<uint64_t>(x.simple) << 8);
                h_.mix(static_cast<uint64_t>(x.maxsize));
                h_.mix(static_cast<uint64_t>(x.unfinished));
            } else if constexpr (std::is_same_v<T, LocalObj>) {
                std::vector<std::pair<uint32_t, size_t>> by_rank;
                for (size_t i = 0; i < x.per_thread.size(); ++i)
                    by_rank.emplace_back(thread(x.per_thread[i].first), i);
                std::sort(by_rank.begin(), by_rank.end());
                h_.mix(by_rank.size());
                for (auto& [r, i] : by_rank) {
                    h_.mix(r);
                    h_.mix(x.per_thread[i].second.size());
                    for (auto& [n, val] : x.per_thread[i].second) {
                        h_.mix(n.value);
                        value(s, val);
                    }
                }
            } else if constexpr (std::is_same_v<T, FutureObj>) {
                h_.mix(static_cast<uint64_t>(x.status));
                value(s, x.fn);
                value(s, x.args);
                value(s, x.kwargs);
                value(s, x.result);
                value(s, x.exception);
                h_.mix(x.callbacks.size());
                for (Value cb : x.callbacks) value(s, cb);
            } else if constexpr (std::is_same_v<T, ExecutorObj>) {
                h_.mix(x.max_workers);
                mix_text(h_, x.name_prefix);
                std::vector<uint32_t> workers;
                for (ThreadId w : x.workers) workers.push_back(thread(w));
                std::sort(workers.begin(), workers.end()); // used as a set
                h_.mix(workers.size());
                for (uint32_t w : workers) h_.mix(w);
                h_.mix(x.pending.size());
                for (ObjectId p : x.pending) h_.mix(id_of(p.value));
                h_.mix(x.idle);
                h_.mix(x.shutdown);
                h_.mix(x.finished);
            } else if constexpr (std::is_same_v<T, SetObj>) {
                // the table as laid out: iteration order follows it
                h_.mix(x.table.size());
                for (const SetObj::Entry& e : x.table) {
                    value(s, e.key);
                    h_.mix(static_cast<uint64_t>(e.hash));
                }
                h_.mix(static_cast<uint64_t>(x.fill) << 32 | x.used);
                h_.mix(static_cast<uint64_t>(x.finger) << 1 | (x.frozen ? 1 : 0));
            } else if constexpr (std::is_same_v<T, DictViewObj>) {
                h_.mix(static_cast<uint64_t>(x.kind));
                value(s, x.dict);
            } else if constexpr (std::is_same_v<T, DequeObj>) {
                vs(x.items);
                h_.mix(static_cast<uint64_t>(x.maxlen));
                h_.mix(x.version);
            } else if constexpr (std::is_same_v<T, GeneratorObj>) {
                h_.mix(x.code.value);
                h_.mix(static_cast<uint64_t>(x.status));
                vs(x.saved);
                h_.mix(static_cast<uint64_t>(x.saved_locals) << 32 | x.pc);
                vs(x.saved_exc);
                h_.mix(static_cast<uint64_t>(x.type));
            } else if constexpr (std::is_same_v<T, LoggerObj>) {
                mix_text(h_, x.name);
                h_.mix(static_cast<uint64_t>(x.level));
            } else if constexpr (std::is_same_v<T, MethodDescriptorObj>) {
                h_.mix(static_cast<uint64_t>(x.owner));
                h_.mix(x.method.value);
            } else if constexpr (std::is_same_v<T, PlainObj>) {
                // identity only
            } else {
                // exhaustive: a new object kind does not compile until it is handled here
                static_assert(sizeof(T) == 0, "Fingerprinter::object: an object kind not hashed");
            }
        },
        o.data);
}

void Fingerprinter::collect_garbage(State& s) const {
    for (size_t o = options_.constant_strings; o < s.heap.size() && o < id_.size(); ++o) {
        if (id_[o] != kNone) continue;
        Object& obj = s.heap[o];
        if (std::holds_alternative<TupleObj>(obj.data) && std::get<TupleObj>(obj.data).items.empty())
            continue;
        obj.data = TupleObj{};
        obj.shared = false;
    }
}

Fingerprint Fingerprinter::operator()(const State& s) {
    h_ = Hasher128{};
    if (!options_.symmetry || s.threads.size() <= 2) pos_.assign(s.heap.size(), kNone);
    order_threads(s);
    id_.assign(s.heap.size(), kNone);
    queue_.clear();

    h_.mix(s.globals.size());
    for (const Value& v : s.globals) value(s, v);
    h_.mix(s.output_digest[0]);
    h_.mix(s.output_digest[1]);
    h_.mix(static_cast<uint64_t>(s.thread_name_counter) << 32 | s.executor_counter);
    h_.mix(s.ended);
    h_.mix(static_cast<uint64_t>(s.refusal.has_value()) | static_cast<uint64_t>(s.identity_observed) << 1);
    // What only some programs use: logging's stderr and configuration, random's generator.
    mix_text(h_, s.error_output);
    h_.mix(s.random_mt.size());
    for (uint32_t w : s.random_mt) h_.mix(w);
    h_.mix(s.random_index);
    h_.mix(s.logging.configured);
    mix_text(h_, s.logging.format);
    mix_text(h_, s.logging.datefmt);
    h_.mix(static_cast<uint64_t>(s.logging.root_level));
    h_.mix(s.logging.loggers.size());
    for (const auto& [name, logger] : s.logging.loggers) {
        mix_text(h_, name);
        h_.mix(id_of(logger.value));
    }
    h_.mix(s.threads.size());
    for (uint32_t t : order_) {
        const ThreadState& th = s.threads[t];
        h_.mix(static_cast<uint64_t>(th.status));
        h_.mix(th.frames.size());
        for (const Frame& f : th.frames) {
            h_.mix(static_cast<uint64_t>(f.code.value) << 32 | f.pc);
            h_.mix(static_cast<uint64_t>(f.exc_depth) << 32 | f.call_line);
            h_.mix(static_cast<uint64_t>(f.locals_base) << 32 | f.stack_base);
            h_.mix(static_cast<uint64_t>(f.returns) << 32 | f.call_col);
            h_.mix(static_cast<uint64_t>(f.retry_depth) << 32 | f.exit_pc);
            h_.mix(f.generator.valid() ? id_of(f.generator.value) : kNone);
            value(s, f.next_default);
            value(s, f.init_self);
        }
        h_.mix(th.stack.size());
        for (const Value& v : th.stack) value(s, v);
        h_.mix(th.exc_stack.size());
        for (const Value& v : th.exc_stack) value(s, v);
        const Wait& w = th.wait;
        h_.mix(static_cast<uint64_t>(w.kind) | (w.notified ? 0x100 : 0) | (w.timed_out ? 0x200 : 0) |
               (w.timed ? 0x400 : 0));
        h_.mix(w.obj.valid() ? id_of(w.obj.value) : kNone);
        h_.mix(static_cast<uint64_t>(w.rlock_count) << 32 | w.index);
        h_.mix(w.generation);
        if (options_.clocks) h_.mix(static_cast<uint64_t>(th.clock_ns));
        value(s, th.uncaught);
        value(s, th.system_exit);
        h_.mix(th.diverged_line);
        h_.mix(th.thread_obj.valid() ? id_of(th.thread_obj.value) : kNone);
    }
    finished_.clear();
    for (size_t i = 0; i < queue_.size(); ++i) {
        const uint32_t o = queue_[i];
        object(s, s.heap[o]);
        if (auto* f = std::get_if<FutureObj>(&s.heap[o].data); f && f->done())
            finished_.emplace_back(f->finish_seq, id_[o]);
    }
    // Futures keep only the order in which they finished (as_completed yields in that order).
    std::sort(finished_.begin(), finished_.end());
    h_.mix(finished_.size());
    for (const auto& [seq, id] : finished_) h_.mix(id);
    return h_.value();
}

} // namespace rc
