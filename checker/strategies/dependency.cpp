// The dependency relation: one table from operation kinds to accesses (see dependency.hpp).
#include "checker/strategies/dependency.hpp"

#include "model/check.hpp" // RC_CHECK

namespace rc {

namespace {

using Space = Footprint::Space;
using Mode = Footprint::Mode;

/// The accesses of an operation of kind `k` on `obj`/`var`, common to events and pending ops.
/// `lock`: a Condition's lock; `other`: the thread a Thread operation names; `shared_list`: the
/// object a print reads.
void add_kind(Footprint& f, OpKind k, VarId var, ObjectId obj, ObjectId lock, ThreadId other,
              int64_t elem, const DependencyContext& ctx) {
    auto object = [&](Mode m, ObjectId o) {
        if (o.valid()) f.add(Space::Object, o.value, m);
    };
    switch (k) {
    case OpKind::GlobalRead: f.add(Space::Var, var.value, Mode::Read); break;
    case OpKind::GlobalWrite:
        f.add(Space::Var, var.value, Mode::Write);
        if (var.value < ctx.observed_vars.size() && ctx.observed_vars[var.value])
            f.add(Space::Observed, 0, Mode::Write);
        break;
    case OpKind::ContainerRead:
    case OpKind::AttrRead:
        if (obj.valid()) f.add(Space::Object, obj.value, Mode::Read, elem);
        break;
    case OpKind::ContainerWrite:
    case OpKind::AttrWrite:
        if (obj.valid()) f.add(Space::Object, obj.value, Mode::Write, elem);
        if (ctx.observes_containers) f.add(Space::Observed, 0, Mode::Write);
        break;
    case OpKind::LockAcquire:
    case OpKind::LockRelease:
        object(Mode::Write, obj);
        f.lock = obj;
        break;
    case OpKind::SemAcquire:
    case OpKind::SemRelease:
    case OpKind::CondNotify:
    case OpKind::BarrierArrive:
    case OpKind::BarrierLeave:
    case OpKind::QueuePut:
    case OpKind::QueueGet:
    case OpKind::QueueTaskDone: object(Mode::Write, obj); break;
    case OpKind::LockQuery:
    case OpKind::EventWait:
    case OpKind::EventIsSet:
    case OpKind::QueueJoin:
    case OpKind::QueueQuery: object(Mode::Read, obj); break;
    case OpKind::CondWait:
    case OpKind::CondWake:
        object(Mode::Write, obj);
        object(Mode::Write, lock);
        f.lock = lock;
        break;
    case OpKind::EventSet: object(Mode::SetGroup, obj); break;
    case OpKind::EventClear: object(Mode::ClearGroup, obj); break;
    case OpKind::ThreadStart:
        object(Mode::Write, obj);
        f.add(Space::Spawn, 0, Mode::Write);
        break;
    case OpKind::ThreadJoin:
    case OpKind::ThreadQuery:
        object(Mode::Read, obj);
        if (other.valid()) f.add(Space::End, other.value, Mode::Read);
        break;
    case OpKind::PoolJoin:
        f.add(Space::Pools, 0, Mode::Write);
        f.add(Space::AllEnds, 0, Mode::Read);
        break;
    case OpKind::PoolSubmit:
        f.add(Space::Pools, 0, Mode::Write);
        f.add(Space::Spawn, 0, Mode::Write); // may start a worker thread
        break;
    case OpKind::PoolNext:
    case OpKind::PoolIdle:
    case OpKind::FutureFinish:
    case OpKind::AsCompletedNext:
    case OpKind::PoolShutdown: f.add(Space::Pools, 0, Mode::Write); break;
    case OpKind::FutureResult:
    case OpKind::FutureQuery: f.add(Space::Pools, 0, Mode::Read); break;
    case OpKind::Print:
        f.add(Space::Output, 0, Mode::Write);
        object(Mode::Read, obj); // the shared list it prints, if any
        break;
    case OpKind::Log: // a record on stderr, or a change of logging's configuration
        f.add(Space::Output, 0, Mode::Write); // stdout and stderr ordered together (conservative)
        object(Mode::Read, obj);
        break;
    case OpKind::Sleep:
    case OpKind::Choose: break; // a choice of the explorer: no shared effect
    case OpKind::ProgramExit: f.everything = true; break;
    case OpKind::ThreadCount: // every thread's start and end
        f.add(Space::Spawn, 0, Mode::Read);
        f.add(Space::AllEnds, 0, Mode::Read);
        break;
    case OpKind::ThreadEnd: break; // its end (add_end, from the event or the pending operation)
    }
}

void add_end(Footprint& f) {
    f.add(Space::End, f.thread.value, Mode::Write);
    f.add(Space::AllEnds, 0, Mode::EndGroup);
}

/// Kinds that wait for another thread unless they have a timeout or are non-blocking.
bool blocking_kind(OpKind k) {
    switch (k) {
    case OpKind::LockAcquire:
    case OpKind::SemAcquire:
    case OpKind::EventWait:
    case OpKind::BarrierLeave:
    case OpKind::QueuePut:
    case OpKind::QueueGet:
    case OpKind::QueueJoin:
    case OpKind::ThreadJoin:
    case OpKind::FutureResult:
    case OpKind::PoolNext:
    case OpKind::PoolJoin:
    case OpKind::AsCompletedNext:
    case OpKind::ProgramExit: return true;
    default: return false;
    }
}

bool conflict(Mode a, Mode b) {
    if (a == Mode::Read && b == Mode::Read) return false;
    if (a == b && a != Mode::Write) return false; // the same commuting group
    return true;
}

} // namespace

void Footprint::add(Space s, uint32_t id, Mode m, int64_t elem) {
    RC_CHECK(count < kMaxAccesses, "footprint: too many accesses for one operation");
    access[count++] = Access{s, id, elem, m};
}

std::string Footprint::describe() const {
    static const char* const spaces[] = {"var",   "object", "end",    "all-ends", "spawn",
                                         "names", "pools",  "output", "observed"};
    static const char* const modes[] = {"read", "write", "set", "clear", "end"};
    std::string s = "T" + std::to_string(thread.value) + " " + std::string(op_kind_name(kind));
    if (kind == OpKind::Choose) s += branch ? " (True)" : " (False)";
    if (everything) return s + " (everything)";
    for (uint8_t i = 0; i < count; ++i) {
        const Access& a = access[i];
        s += std::string(i ? ", " : ": ") + modes[static_cast<int>(a.mode)] + " " +
             spaces[static_cast<int>(a.space)] + " " + std::to_string(a.id);
        if (a.elem >= 0) s += "[" + std::to_string(a.elem) + "]";
    }
    return s;
}

Footprint footprint(const Event& e, const DependencyContext& ctx) {
    Footprint f;
    f.thread = e.thread;
    f.kind = e.kind;
    add_kind(f, e.kind, e.var, e.obj, e.lock, e.other, e.elem, ctx);
    f.raised = e.raised;
    f.branch = e.kind == OpKind::Choose && e.timed_out;
    if (e.thread_ended) add_end(f);
    if (e.took_name) f.add(Space::Names, 0, Mode::Write);
    if (e.read_threads) f.add(Space::AllEnds, 0, Mode::Read);
    if (e.cancelled_futures) f.add(Space::Pools, 0, Mode::Write);
    return f;
}

Footprint footprint(ThreadId thread, const PendingOp& op, const DependencyContext& ctx) {
    Footprint f;
    f.thread = thread;
    f.kind = op.kind;
    add_kind(f, op.kind, op.var, op.obj, op.lock, op.other, op.elem, ctx);
    if (op.kind == OpKind::ThreadEnd) { // a thread's end runs no code: only its end
        add_end(f);
        return f;
    }
    if (!ctx.thread_end_steps && op.kind != OpKind::ProgramExit) add_end(f); // may end its thread
    if (thread.value == 0 || ctx.names_in_threads) f.add(Space::Names, 0, Mode::Write);
    if (ctx.reads_thread_count) f.add(Space::AllEnds, 0, Mode::Read);
    if (ctx.maps_on_pools) f.add(Space::Pools, 0, Mode::Write); // may drop a map iterator
    // A notified Condition waiter needs the lock even when its wait had a timeout.
    f.may_block = op.kind == OpKind::CondWake || (blocking_kind(op.kind) && !op.timed && !op.nonblocking);
    return f;
}

bool may_be_read_only(OpKind k) {
    switch (k) {
    case OpKind::GlobalRead:
    case OpKind::ContainerRead:
    case OpKind::AttrRead:
    case OpKind::LockQuery:
    case OpKind::ThreadQuery:
    case OpKind::FutureQuery:
    case OpKind::QueueQuery:
    case OpKind::EventIsSet:
    case OpKind::Sleep:
    case OpKind::Choose:
    case OpKind::LockAcquire:
    case OpKind::SemAcquire:
    case OpKind::EventWait:
    case OpKind::ThreadJoin:
    case OpKind::FutureResult:
    case OpKind::QueueGet:
    case OpKind::QueuePut: return true;
    default: return false;
    }
}

bool read_only(const Event& e) {
    if (!may_be_read_only(e.kind) || e.cancelled_futures) return false;
    switch (e.kind) {
    case OpKind::LockAcquire:
    case OpKind::SemAcquire: return e.value.tag == VTag::Bool && e.value.i == 0;
    case OpKind::EventWait:
    case OpKind::ThreadJoin:
    case OpKind::FutureResult:
    case OpKind::QueueGet:
    case OpKind::QueuePut: return e.timed_out || e.raised;
    default: return true;
    }
}

bool dependent(const Footprint& a, const Footprint& b) {
    if (a.thread == b.thread || a.everything || b.everything) return true;
    for (uint8_t i = 0; i < a.count; ++i) {
        const Footprint::Access& x = a.access[i];
        for (uint8_t j = 0; j < b.count; ++j) {
            const Footprint::Access& y = b.access[j];
            if (x.space != y.space || x.id != y.id) continue;
            if (x.elem >= 0 && y.elem >= 0 && x.elem != y.elem) continue;
            if (conflict(x.mode, y.mode)) return true;
        }
    }
    return false;
}

bool same_step(const Footprint& a, const Footprint& b) {
    if (a.thread != b.thread) return false;
    if (a.kind != OpKind::Choose || b.kind != OpKind::Choose) return true;
    return a.branch == b.branch;
}

} // namespace rc
