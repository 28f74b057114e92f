// The happens-before table of a real run: one case per visible operation.
#include "checker/real/real_sync.hpp"

#include <cerrno>  // errno after sem_trywait
#include <cstring> // strerror
#include <variant> // get_if on heap objects

#include "checker/real/tsan_api.hpp" // __tsan_acquire, __tsan_release
#include "model/bytecode/builtins.hpp"        // KnownName::wait
#include "model/values/objects.hpp"         // LockObj, RLockObj, SemaphoreObj, FutureObj, ExecutorObj

namespace rc::real {

namespace {

/// The sync key of logging's module lock (no heap object has this id).
constexpr uint32_t kLoggingLock = UINT32_MAX - 1;

bool is_true(const Value& v) { return v.tag == VTag::Bool && v.i != 0; }
bool is_false(const Value& v) { return v.tag == VTag::Bool && v.i == 0; }

/// The count a sem_t mirrors for a lock or semaphore object; -1 for other objects.
int64_t model_count(const Object& o) {
    if (auto* l = std::get_if<LockObj>(&o.data)) return l->locked ? 0 : 1;
    if (auto* r = std::get_if<RLockObj>(&o.data)) return r->count > 0 ? 0 : 1;
    if (auto* s = std::get_if<SemaphoreObj>(&o.data)) return s->value;
    return -1;
}

} // namespace

RealSync::~RealSync() {
    for (auto& [id, s] : sems_) sem_destroy(s.sem.get());
}

void RealSync::observe(const State& s) {
    for (; observed_ < s.heap.size(); ++observed_) {
        int64_t count = model_count(s.heap[observed_]);
        if (count < 0) continue;
        Sem sem{std::make_unique<sem_t>(), count};
        sem_init(sem.sem.get(), 0, static_cast<unsigned>(count));
        sems_.emplace(static_cast<uint32_t>(observed_), std::move(sem));
    }
}

void RealSync::follow_count(ObjectId obj, const State& after, std::vector<SyncAction>& out) {
    auto it = sems_.find(obj.value);
    if (!obj.valid() || it == sems_.end()) return;
    const int64_t now = model_count(after.object(obj));
    for (; it->second.count > now; --it->second.count)
        out.push_back({SyncAction::Kind::SemTake, it->second.sem.get()});
    for (; it->second.count < now; ++it->second.count)
        out.push_back({SyncAction::Kind::SemGive, it->second.sem.get()});
}

std::vector<SyncAction> RealSync::plan(const Event& e, const State& after) {
    std::vector<SyncAction> out;
    const bool ok = !e.raised && !e.timed_out;
    const Key object{e.obj.value, Role::Object, 0};
    switch (e.kind) {
    // Lock/RLock/Semaphore: the sem_t follows the model's count, so a successful acquire takes
    // (sem_trywait: acquire edge), a release gives (sem_post: release edge), an RLock re-entry,
    // a failed non-blocking acquire, a timeout or a raised release does nothing.
    case OpKind::LockAcquire:
    case OpKind::LockRelease:
    case OpKind::SemAcquire:
    case OpKind::SemRelease: follow_count(e.obj, after, out); break;
    // Condition.wait releases the Condition's lock; waking re-acquires it.
    case OpKind::CondWait:
    case OpKind::CondWake: follow_count(e.lock, after, out); break;
    // Event: set() releases; a wait() or is_set() that returns True acquires.
    case OpKind::EventSet:
        if (!e.raised) release(object, out);
        break;
    case OpKind::EventWait:
    case OpKind::EventIsSet:
        if (is_true(e.value)) acquire(object, out);
        break;
    // Queue: the put of item k happens before the get of item k; every task_done before join.
    case OpKind::QueuePut:
        if (ok) release({e.obj.value, Role::Item, e.item}, out);
        break;
    case OpKind::QueueGet:
        if (ok) acquire({e.obj.value, Role::Item, e.item}, out);
        break;
    case OpKind::QueueTaskDone:
        if (!e.raised) release(object, out);
        break;
    case OpKind::QueueJoin:
        if (!e.raised) acquire(object, out);
        break;
    // Barrier: every arrival of a generation happens before every departure from it (the last
    // arrival passes at once). abort()/reset() share BarrierArrive and publish nothing.
    case OpKind::BarrierArrive:
        if (!e.raised && (e.method == NameId(static_cast<uint32_t>(KnownName::wait)) || !e.method.valid())) {
            release({e.obj.value, Role::Generation, e.item}, out);
            acquire({e.obj.value, Role::Generation, e.item}, out);
        }
        break;
    case OpKind::BarrierLeave:
        if (!e.raised) acquire({e.obj.value, Role::Generation, e.item}, out);
        break;
    // Threads: join (and is_alive() returning False on a finished thread) acquires its end.
    // Start needs nothing here: the runtime creates the child std::thread during the step.
    case OpKind::ThreadJoin:
        if (ok && e.other.valid()) acquire({e.other.value, Role::ThreadEnd, 0}, out);
        break;
    case OpKind::ThreadQuery:
        if (is_false(e.value) && e.other.valid() && e.other.value < after.threads.size() &&
            after.thread(e.other).status == ThreadStatus::Finished)
            acquire({e.other.value, Role::ThreadEnd, 0}, out);
        break;
    // Pools: submit happens before the worker takes the future; finishing a future happens
    // before result(), a done() that returns True and as_completed yielding it; shutdown(wait)
    // acquires every worker's end.
    case OpKind::PoolSubmit:
        if (!e.raised && e.value.is_obj()) release({e.value.obj().value, Role::Submitted, 0}, out);
        // _adjust_thread_count takes the idle semaphore's lock, which every release held
        if (!e.raised) acquire(object, out);
        break;
    case OpKind::PoolIdle: release(object, out); break;
    case OpKind::PoolNext:
        if (e.value.is_obj()) acquire({e.value.obj().value, Role::Submitted, 0}, out);
        break;
    case OpKind::FutureFinish: // set_result, cancel, add_done_callback: under the future's lock
        acquire(object, out);
        release(object, out);
        break;
    case OpKind::FutureResult:
        if (!e.timed_out) acquire(object, out);
        break;
    case OpKind::FutureQuery:
        if (auto* f = std::get_if<FutureObj>(&after.object(e.obj).data);
            f && f->status == FutureObj::Status::Finished)
            acquire(object, out);
        break;
    case OpKind::AsCompletedNext:
        if (auto* batch = e.value.is_obj() ? std::get_if<TupleObj>(&after.object(e.value.obj()).data) : nullptr) {
            for (Value f : batch->items) acquire({f.obj().value, Role::Object, 0}, out); // done at its start
        } else if (e.value.is_obj()) {
            acquire({e.value.obj().value, Role::Object, 0}, out);
        }
        break;
    case OpKind::PoolJoin:
        if (auto* x = std::get_if<ExecutorObj>(&after.object(e.obj).data))
            for (ThreadId w : x->workers) acquire({w.value, Role::ThreadEnd, 0}, out);
        break;
    // logging holds its module lock while it writes a record: one acquire and release of it.
    case OpKind::Log:
        acquire({kLoggingLock, Role::Object, 0}, out);
        release({kLoggingLock, Role::Object, 0}, out);
        break;
    // The program's exit waits for every thread: it acquires every finished thread's end.
    // active_count() and enumerate() take the lock (_active_limbo_lock) a thread's end releases.
    case OpKind::ProgramExit:
    case OpKind::ThreadCount:
        for (const ThreadState& o : after.threads)
            if (o.status == ThreadStatus::Finished && o.id != e.thread)
                acquire({o.id.value, Role::ThreadEnd, 0}, out);
        break;
    // No edges: global reads and writes (the runtime's memory cells), containers, queries,
    // notify (the woken thread synchronizes through the lock), clear, shutdown without wait,
    // print and sleep.
    case OpKind::GlobalRead:
    case OpKind::GlobalWrite:
    case OpKind::ContainerRead:
    case OpKind::ContainerWrite:
    case OpKind::AttrRead:
    case OpKind::AttrWrite:
    case OpKind::LockQuery:
    case OpKind::CondNotify:
    case OpKind::EventClear:
    case OpKind::QueueQuery:
    case OpKind::ThreadStart:
    case OpKind::PoolShutdown:
    case OpKind::Print:
    case OpKind::Sleep:
    case OpKind::Choose:
    case OpKind::ThreadEnd: break; // its end word: the runtime releases it (Event::thread_ended)
    }
    return out;
}

std::string RealSync::perform(const std::vector<SyncAction>& actions) {
    for (const SyncAction& a : actions) {
        switch (a.kind) {
        case SyncAction::Kind::SemTake:
            if (sem_trywait(static_cast<sem_t*>(a.addr)) != 0)
                return std::string("sem_trywait failed (") + std::strerror(errno) +
                       "): the runtime's semaphore disagrees with the model";
            break;
        case SyncAction::Kind::SemGive: sem_post(static_cast<sem_t*>(a.addr)); break;
        case SyncAction::Kind::Acquire: __tsan_acquire(a.addr); break;
        case SyncAction::Kind::Release: __tsan_release(a.addr); break;
        }
    }
    return {};
}

} // namespace rc::real
