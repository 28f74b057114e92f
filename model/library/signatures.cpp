// CPython 3.12's signatures of the threading, queue and concurrent.futures callables (see
// signatures.hpp). The names are CPython's __qualname__s as its TypeError messages spell them;
// implicit = 1 counts a method's self as CPython's messages do.
#include "model/library/signatures.hpp"

#include <algorithm> // find, min

#include "model/runtime/machine.hpp" // Machine

namespace rc {

namespace {

using S = Sig::Style;
constexpr size_t kNone = static_cast<size_t>(-1);

// Constructors.
const Sig kAllocateLock{"_thread.allocate_lock", S::None, {}, 0, 0};
const Sig kConditionInit{"Condition.__init__", S::Python, {"lock"}, 0, 0, kNone, 1};
const Sig kSemaphoreInit{"Semaphore.__init__", S::Python, {"value"}, 0, 0, kNone, 1};
const Sig kBoundedSemaphoreInit{"BoundedSemaphore.__init__", S::Python, {"value"}, 0, 0, kNone, 1};
const Sig kEventInit{"Event.__init__", S::Python, {}, 0, 0, kNone, 1};
const Sig kBarrierInit{"Barrier.__init__", S::Python, {"parties", "action", "timeout"}, 1, 0, kNone, 1};
const Sig kThreadInit{"Thread.__init__", S::Python, {"group", "target", "name", "args", "kwargs", "daemon"},
                      0, 0, 5, 1};
const Sig kTimerInit{"Timer.__init__", S::Python, {"interval", "function", "args", "kwargs"}, 2, 0, kNone, 1};
const Sig kQueueInit{"Queue.__init__", S::Python, {"maxsize"}, 0, 0, kNone, 1};
const Sig kSimpleQueueNew{"SimpleQueue", S::Takes, {}, 0, 0};
const Sig kExecutorInit{"ThreadPoolExecutor.__init__", S::Python,
                        {"max_workers", "thread_name_prefix", "initializer", "initargs"}, 0, 0, kNone, 1};
const Sig kAsCompleted{"as_completed", S::Python, {"fs", "timeout"}, 1, 0};

// Lock and RLock (C methods).
const Sig kLockAcquire{"acquire", S::Takes, {"blocking", "timeout"}, 0, 0};
const Sig kLockRelease{"lock.release", S::None, {}, 0, 0};
const Sig kLockLocked{"lock.locked", S::None, {}, 0, 0};
const Sig kRLockRelease{"RLock.release", S::None, {}, 0, 0};

// Methods written in Python (threading.py, queue.py, concurrent/futures).
const Sig kConditionWait{"Condition.wait", S::Python, {"timeout"}, 0, 0, kNone, 1};
const Sig kConditionWaitFor{"Condition.wait_for", S::Python, {"predicate", "timeout"}, 1, 0, kNone, 1};
const Sig kConditionNotify{"Condition.notify", S::Python, {"n"}, 0, 0, kNone, 1};
const Sig kConditionNotifyAll{"Condition.notify_all", S::Python, {}, 0, 0, kNone, 1};
const Sig kSemaphoreAcquire{"Semaphore.acquire", S::Python, {"blocking", "timeout"}, 0, 0, kNone, 1};
const Sig kSemaphoreRelease{"Semaphore.release", S::Python, {"n"}, 0, 0, kNone, 1};
const Sig kBoundedSemaphoreRelease{"BoundedSemaphore.release", S::Python, {"n"}, 0, 0, kNone, 1};
const Sig kEventWait{"Event.wait", S::Python, {"timeout"}, 0, 0, kNone, 1};
const Sig kEventSet{"Event.set", S::Python, {}, 0, 0, kNone, 1};
const Sig kEventClear{"Event.clear", S::Python, {}, 0, 0, kNone, 1};
const Sig kEventIsSet{"Event.is_set", S::Python, {}, 0, 0, kNone, 1};
const Sig kBarrierWait{"Barrier.wait", S::Python, {"timeout"}, 0, 0, kNone, 1};
const Sig kBarrierReset{"Barrier.reset", S::Python, {}, 0, 0, kNone, 1};
const Sig kBarrierAbort{"Barrier.abort", S::Python, {}, 0, 0, kNone, 1};
const Sig kThreadStart{"Thread.start", S::Python, {}, 0, 0, kNone, 1};
const Sig kThreadRun{"Thread.run", S::Python, {}, 0, 0, kNone, 1};
const Sig kThreadJoin{"Thread.join", S::Python, {"timeout"}, 0, 0, kNone, 1};
const Sig kThreadIsAlive{"Thread.is_alive", S::Python, {}, 0, 0, kNone, 1};
const Sig kTimerCancel{"Timer.cancel", S::Python, {}, 0, 0, kNone, 1};
const Sig kTimerRun{"Timer.run", S::Python, {}, 0, 0, kNone, 1};
const Sig kQueuePut{"Queue.put", S::Python, {"item", "block", "timeout"}, 1, 0, kNone, 1};
const Sig kQueueGet{"Queue.get", S::Python, {"block", "timeout"}, 0, 0, kNone, 1};
const Sig kQueuePutNowait{"Queue.put_nowait", S::Python, {"item"}, 1, 0, kNone, 1};
const Sig kQueueGetNowait{"Queue.get_nowait", S::Python, {}, 0, 0, kNone, 1};
const Sig kQueueTaskDone{"Queue.task_done", S::Python, {}, 0, 0, kNone, 1};
const Sig kQueueJoin{"Queue.join", S::Python, {}, 0, 0, kNone, 1};
const Sig kQueueQsize{"Queue.qsize", S::Python, {}, 0, 0, kNone, 1};
const Sig kQueueEmpty{"Queue.empty", S::Python, {}, 0, 0, kNone, 1};
const Sig kQueueFull{"Queue.full", S::Python, {}, 0, 0, kNone, 1};
// queue.SimpleQueue (C methods, _queue module: Argument Clinic).
const Sig kSimpleQueuePut{"put", S::Clinic, {"item", "block", "timeout"}, 1, 0};
const Sig kSimpleQueueGet{"get", S::Clinic, {"block", "timeout"}, 0, 0};
const Sig kSimpleQueuePutNowait{"put_nowait", S::Clinic, {"item"}, 1, 0};
const Sig kSimpleQueueQsize{"SimpleQueue.qsize", S::None, {}, 0, 0};
const Sig kSimpleQueueEmpty{"SimpleQueue.empty", S::None, {}, 0, 0};
const Sig kFutureResult{"Future.result", S::Python, {"timeout"}, 0, 0, kNone, 1};
const Sig kFutureException{"Future.exception", S::Python, {"timeout"}, 0, 0, kNone, 1};
const Sig kFutureDone{"Future.done", S::Python, {}, 0, 0, kNone, 1};
const Sig kFutureRunning{"Future.running", S::Python, {}, 0, 0, kNone, 1};
const Sig kFutureCancel{"Future.cancel", S::Python, {}, 0, 0, kNone, 1};
const Sig kFutureCancelled{"Future.cancelled", S::Python, {}, 0, 0, kNone, 1};
const Sig kFutureAddDoneCallback{"Future.add_done_callback", S::Python, {"fn"}, 1, 0, kNone, 1};
const Sig kExecutorShutdown{"ThreadPoolExecutor.shutdown", S::Python, {"wait", "cancel_futures"}, 0, 0, 1, 1};

const Sig* lock_sig(bool rlock, KnownName k) {
    switch (k) {
    case KnownName::acquire: return &kLockAcquire;
    case KnownName::release: return rlock ? &kRLockRelease : &kLockRelease;
    case KnownName::locked: return rlock ? nullptr : &kLockLocked;
    default: return nullptr;
    }
}

} // namespace

const Sig* sync_constructor_sig(BuiltinId id) {
    switch (id) {
    case BuiltinId::Lock: return &kAllocateLock;
    case BuiltinId::Condition: return &kConditionInit;
    case BuiltinId::Semaphore: return &kSemaphoreInit;
    case BuiltinId::BoundedSemaphore: return &kBoundedSemaphoreInit;
    case BuiltinId::Event: return &kEventInit;
    case BuiltinId::Barrier: return &kBarrierInit;
    case BuiltinId::Thread: return &kThreadInit;
    case BuiltinId::Timer: return &kTimerInit;
    case BuiltinId::Queue:
    case BuiltinId::LifoQueue:
    case BuiltinId::PriorityQueue: return &kQueueInit;
    case BuiltinId::SimpleQueue: return &kSimpleQueueNew;
    case BuiltinId::ThreadPoolExecutor: return &kExecutorInit;
    case BuiltinId::AsCompleted: return &kAsCompleted;
    default: return nullptr;
    }
}

const Sig* sync_method_sig(Machine& m, Value self, KnownName k) {
    if (m.get<LockObj>(self)) return lock_sig(false, k);
    if (m.get<RLockObj>(self)) return lock_sig(true, k);
    if (auto* c = m.get<ConditionObj>(self)) {
        switch (k) {
        case KnownName::acquire:
        case KnownName::release: return lock_sig(m.get<RLockObj>(Value::object(c->lock)) != nullptr, k);
        case KnownName::wait: return &kConditionWait;
        case KnownName::wait_for: return &kConditionWaitFor;
        case KnownName::notify: return &kConditionNotify;
        case KnownName::notify_all: return &kConditionNotifyAll;
        default: return nullptr;
        }
    }
    if (auto* s = m.get<SemaphoreObj>(self)) {
        if (k == KnownName::acquire) return &kSemaphoreAcquire;
        if (k == KnownName::release) return s->bounded ? &kBoundedSemaphoreRelease : &kSemaphoreRelease;
        return nullptr;
    }
    if (m.get<EventObj>(self)) {
        switch (k) {
        case KnownName::wait: return &kEventWait;
        case KnownName::set: return &kEventSet;
        case KnownName::clear: return &kEventClear;
        case KnownName::is_set: return &kEventIsSet;
        default: return nullptr;
        }
    }
    if (m.get<BarrierObj>(self)) {
        switch (k) {
        case KnownName::wait: return &kBarrierWait;
        case KnownName::reset: return &kBarrierReset;
        case KnownName::abort: return &kBarrierAbort;
        default: return nullptr;
        }
    }
    if (auto* t = m.get<ThreadObj>(self)) {
        switch (k) {
        case KnownName::start: return &kThreadStart;
        case KnownName::join: return &kThreadJoin;
        case KnownName::is_alive: return &kThreadIsAlive;
        case KnownName::run: return t->timer.valid() ? &kTimerRun : &kThreadRun;
        case KnownName::cancel: return t->timer.valid() ? &kTimerCancel : nullptr;
        default: return nullptr;
        }
    }
    if (auto* q = m.get<QueueObj>(self); q && q->simple) {
        switch (k) {
        case KnownName::put: return &kSimpleQueuePut;
        case KnownName::get: return &kSimpleQueueGet;
        case KnownName::put_nowait: return &kSimpleQueuePutNowait;
        // get_nowait: none; it says "get_nowait() takes no arguments" (queue_method)
        case KnownName::qsize: return &kSimpleQueueQsize;
        case KnownName::empty: return &kSimpleQueueEmpty;
        default: return nullptr;
        }
    }
    if (m.get<QueueObj>(self)) {
        switch (k) {
        case KnownName::put: return &kQueuePut;
        case KnownName::get: return &kQueueGet;
        case KnownName::put_nowait: return &kQueuePutNowait;
        case KnownName::get_nowait: return &kQueueGetNowait;
        case KnownName::task_done: return &kQueueTaskDone;
        case KnownName::join: return &kQueueJoin;
        case KnownName::qsize: return &kQueueQsize;
        case KnownName::empty: return &kQueueEmpty;
        case KnownName::full: return &kQueueFull;
        default: return nullptr;
        }
    }
    if (m.get<FutureObj>(self)) {
        switch (k) {
        case KnownName::result: return &kFutureResult;
        case KnownName::exception: return &kFutureException;
        case KnownName::done: return &kFutureDone;
        case KnownName::running: return &kFutureRunning;
        case KnownName::cancel: return &kFutureCancel;
        case KnownName::cancelled: return &kFutureCancelled;
        case KnownName::add_done_callback: return &kFutureAddDoneCallback;
        default: return nullptr;
        }
    }
    if (m.get<ExecutorObj>(self) && k == KnownName::shutdown) return &kExecutorShutdown;
    return nullptr;
}

bool sig_accepts(const Machine& m, const Sig& sig, size_t positional, const std::vector<NameId>& keywords) {
    const size_t count = sig.params.size();
    if (positional > std::min(count, sig.keyword_only)) return false;
    std::vector<bool> given(count, false);
    for (size_t k = 0; k < positional; ++k) given[k] = true;
    for (NameId id : keywords) {
        const std::string& key = m.name_of(id);
        auto it = std::find(sig.params.begin(), sig.params.end(), key);
        const size_t k = static_cast<size_t>(it - sig.params.begin());
        if (k == count || k < sig.positional_only || given[k]) return false;
        given[k] = true;
    }
    for (size_t k = 0; k < sig.required; ++k)
        if (!given[k]) return false;
    return true;
}

} // namespace rc
