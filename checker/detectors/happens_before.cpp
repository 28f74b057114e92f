// Happens-before edges of every synchronizing operation (see RC_OP_KINDS for the Event fields).
#include "checker/detectors/happens_before.hpp"

#include <algorithm> // find_if
#include <variant>   // get_if on heap objects

#include "model/bytecode/builtins.hpp" // KnownName::wait
#include "model/values/objects.hpp"  // FutureObj, ExecutorObj, RLockObj

namespace rc {

bool acquire_succeeded(const Event& e) {
    if (e.raised || e.timed_out) return false;
    return !(e.value.tag == VTag::Bool && e.value.i == 0);
}

namespace {
/// The sync key of logging's module lock (no heap object has this id).
constexpr uint32_t kLoggingLock = UINT32_MAX - 1;
bool is_true(const Value& v) { return v.tag == VTag::Bool && v.i != 0; }
bool is_false(const Value& v) { return v.tag == VTag::Bool && v.i == 0; }
} // namespace

void HappensBefore::begin(const State& initial) {
    threads_.assign(initial.threads.size(), VectorClock{});
    for (size_t i = 0; i < threads_.size(); ++i)
        threads_[i].tick(ThreadId(static_cast<uint32_t>(i)));
    sync_.clear();
}

void HappensBefore::acquire(ThreadId t, SyncKey k) {
    if (auto it = sync_.find(k); it != sync_.end()) threads_[t.value].join(it->second);
}

void HappensBefore::acquire_thread(ThreadId t, ThreadId from) {
    if (from.valid() && from.value < threads_.size() && from != t)
        threads_[t.value].join(threads_[from.value]);
}

void HappensBefore::release(ThreadId t, SyncKey k) {
    sync_[k].join(threads_[t.value]);
    released_ = true;
}

void HappensBefore::on_step(const Event& e, const State& after) {
    const ThreadId t = e.thread;
    released_ = false;
    const bool ok = !e.raised && !e.timed_out;
    switch (e.kind) {
    case OpKind::LockAcquire:
    case OpKind::SemAcquire:
        if (acquire_succeeded(e)) acquire(t, {e.obj});
        break;
    case OpKind::LockRelease:
    case OpKind::SemRelease:
    case OpKind::EventSet:
        if (!e.raised) release(t, {e.obj});
        break;
    case OpKind::CondWait:
        if (!e.raised && e.lock.valid()) release(t, {e.lock});
        break;
    case OpKind::CondWake:
        if (!e.raised && e.lock.valid()) acquire(t, {e.lock});
        break;
    case OpKind::EventWait:
    case OpKind::EventIsSet:
        if (is_true(e.value)) acquire(t, {e.obj});
        break;
    case OpKind::QueuePut:
        if (ok) release(t, {e.obj, Role::Item, e.item});
        break;
    case OpKind::QueueGet:
        if (ok) acquire(t, {e.obj, Role::Item, e.item});
        break;
    case OpKind::QueueTaskDone:
        if (!e.raised) release(t, {e.obj});
        break;
    case OpKind::QueueJoin:
        if (!e.raised) acquire(t, {e.obj});
        break;
    case OpKind::BarrierArrive:
        // Barrier.wait arrives; abort() and reset() share the kind and publish nothing; the end
        // of an action (no method: _rc_barrier_open) publishes what the action did.
        if (!e.raised && (e.method == NameId(static_cast<uint32_t>(KnownName::wait)) || !e.method.valid())) {
            release(t, {e.obj, Role::Generation, e.item});
            acquire(t, {e.obj, Role::Generation, e.item}); // the last arrival passes at once
        }
        break;
    case OpKind::BarrierLeave:
        if (!e.raised) acquire(t, {e.obj, Role::Generation, e.item});
        break;
    case OpKind::ThreadJoin:
        if (ok) acquire_thread(t, e.other);
        break;
    case OpKind::ThreadQuery:
        if (is_false(e.value) && e.other.valid() && e.other.value < after.threads.size() &&
            after.thread(e.other).status == ThreadStatus::Finished)
            acquire_thread(t, e.other);
        break;
    case OpKind::PoolSubmit:
        if (!e.raised && e.value.is_obj()) release(t, {e.value.obj(), Role::Submitted});
        // _adjust_thread_count takes the idle semaphore's lock, which every release held
        if (!e.raised) acquire(t, {e.obj});
        break;
    case OpKind::PoolIdle: release(t, {e.obj}); break;
    case OpKind::PoolNext:
        if (e.value.is_obj()) acquire(t, {e.value.obj(), Role::Submitted});
        break;
    case OpKind::FutureFinish: // set_result, cancel, add_done_callback: under the future's lock
        acquire(t, {e.obj});
        release(t, {e.obj});
        break;
    case OpKind::FutureResult:
        if (!e.timed_out) acquire(t, {e.obj});
        break;
    case OpKind::FutureQuery:
        if (auto* f = std::get_if<FutureObj>(&after.object(e.obj).data);
            f && f->status == FutureObj::Status::Finished)
            acquire(t, {e.obj});
        break;
    case OpKind::AsCompletedNext:
        if (auto* batch = e.value.is_obj() ? std::get_if<TupleObj>(&after.object(e.value.obj()).data) : nullptr) {
            for (Value f : batch->items) acquire(t, {f.obj()}); // the futures done when it started
        } else if (e.value.is_obj()) {
            acquire(t, {e.value.obj()});
        }
        break;
    case OpKind::PoolJoin:
        if (auto* x = std::get_if<ExecutorObj>(&after.object(e.obj).data))
            for (ThreadId w : x->workers) acquire_thread(t, w);
        break;
    case OpKind::ProgramExit:
    case OpKind::ThreadCount: // CPython's count takes the lock a thread's end releases
        for (const ThreadState& o : after.threads)
            if (o.status == ThreadStatus::Finished && o.id != t) acquire_thread(t, o.id);
        break;
    case OpKind::Log: // logging's handler holds a module-level lock around each record
        acquire(t, {ObjectId(kLoggingLock)});
        release(t, {ObjectId(kLoggingLock)});
        break;
    default: break; // reads, writes, containers, queries without edges, print, sleep
    }
    // Threads created during the step (Thread.start, or a pool worker spawned by submit) start
    // with their creator's clock.
    for (size_t i = threads_.size(); i < after.threads.size(); ++i) {
        VectorClock child = threads_[t.value];
        child.tick(ThreadId(static_cast<uint32_t>(i)));
        threads_.push_back(std::move(child));
        released_ = true;
    }
    if (released_) threads_[t.value].tick(t);
}

std::optional<ObjectId> HeldLocks::on_step(const Event& e, const State& after, uint64_t step) {
    if (held_.size() < after.threads.size()) held_.resize(after.threads.size());
    auto& mine = held_[e.thread.value];
    auto find = [](std::vector<Held>& v, ObjectId lock) {
        return std::find_if(v.begin(), v.end(), [&](const Held& h) { return h.lock == lock; });
    };
    switch (e.kind) {
    case OpKind::LockAcquire: {
        if (!acquire_succeeded(e)) return std::nullopt;
        if (auto it = find(mine, e.obj); it != mine.end()) {
            ++it->count; // RLock re-entry: not a new acquisition
            return std::nullopt;
        }
        mine.push_back({e.obj, 1, e.line, step});
        return e.obj;
    }
    case OpKind::CondWake: {
        if (e.raised || !e.lock.valid()) return std::nullopt;
        uint32_t count = 1;
        if (auto* r = std::get_if<RLockObj>(&after.object(e.lock).data)) count = r->count;
        mine.push_back({e.lock, count, e.line, step});
        return e.lock;
    }
    case OpKind::CondWait:
        if (auto it = find(mine, e.lock); !e.raised && it != mine.end()) mine.erase(it);
        return std::nullopt;
    case OpKind::LockRelease: {
        if (e.raised) return std::nullopt;
        // A Lock may be released by a thread other than its owner: look at the owner's list too.
        for (size_t i = 0; i <= held_.size(); ++i) {
            auto& list = i == 0 ? mine : held_[i - 1];
            if (auto it = find(list, e.obj); it != list.end()) {
                if (--it->count == 0) list.erase(it);
                break;
            }
        }
        return std::nullopt;
    }
    default: return std::nullopt;
    }
}

const std::vector<HeldLocks::Held>& HeldLocks::held(ThreadId t) const {
    static const std::vector<Held> kNone;
    return t.value < held_.size() ? held_[t.value] : kNone;
}

} // namespace rc
