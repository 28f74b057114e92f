// The dependency relation, row by row of the table in dependency.hpp.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include "checker/strategies/dependency.hpp" // footprint, dependent

using rc::DependencyContext;
using rc::Event;
using rc::OpKind;
using rc::ThreadId;

namespace {

Event op(uint32_t thread, OpKind kind, uint32_t obj = 7, int64_t elem = -1) {
    Event e;
    e.thread = ThreadId(thread);
    e.kind = kind;
    e.obj = rc::ObjectId(obj);
    e.var = rc::VarId(obj);
    e.elem = elem;
    return e;
}

bool dep(const Event& a, const Event& b, const DependencyContext& ctx = {}) {
    bool ab = rc::dependent(rc::footprint(a, ctx), rc::footprint(b, ctx));
    bool ba = rc::dependent(rc::footprint(b, ctx), rc::footprint(a, ctx));
    CHECK(ab == ba); // symmetric
    return ab;
}

} // namespace

TEST_CASE("operations_of_one_thread_are_always_dependent") {
    CHECK(dep(op(1, OpKind::Sleep), op(1, OpKind::Sleep)));
    CHECK(dep(op(1, OpKind::GlobalRead, 1), op(1, OpKind::GlobalRead, 2)));
}

TEST_CASE("global_accesses_conflict_when_one_writes_the_same_global") {
    CHECK_FALSE(dep(op(1, OpKind::GlobalRead, 3), op(2, OpKind::GlobalRead, 3)));
    CHECK(dep(op(1, OpKind::GlobalRead, 3), op(2, OpKind::GlobalWrite, 3)));
    CHECK(dep(op(1, OpKind::GlobalWrite, 3), op(2, OpKind::GlobalWrite, 3)));
    CHECK_FALSE(dep(op(1, OpKind::GlobalWrite, 3), op(2, OpKind::GlobalWrite, 4)));
}

TEST_CASE("list_elements_by_index_commute_unless_the_same_element_or_the_whole_list") {
    CHECK_FALSE(dep(op(1, OpKind::ContainerWrite, 5, 1), op(2, OpKind::ContainerRead, 5, 2)));
    CHECK(dep(op(1, OpKind::ContainerWrite, 5, 1), op(2, OpKind::ContainerRead, 5, 1)));
    CHECK(dep(op(1, OpKind::ContainerWrite, 5, -1), op(2, OpKind::ContainerRead, 5, 2)));
    CHECK_FALSE(dep(op(1, OpKind::ContainerRead, 5), op(2, OpKind::ContainerRead, 5)));
    CHECK_FALSE(dep(op(1, OpKind::ContainerWrite, 5), op(2, OpKind::ContainerWrite, 6)));
}

TEST_CASE("operations_on_one_lock_are_dependent_and_locked_queries_commute") {
    CHECK(dep(op(1, OpKind::LockAcquire), op(2, OpKind::LockRelease)));
    CHECK(dep(op(1, OpKind::LockAcquire), op(2, OpKind::LockAcquire)));
    CHECK(dep(op(1, OpKind::LockQuery), op(2, OpKind::LockAcquire)));
    CHECK_FALSE(dep(op(1, OpKind::LockQuery), op(2, OpKind::LockQuery)));
    CHECK_FALSE(dep(op(1, OpKind::LockAcquire, 7), op(2, OpKind::LockAcquire, 8)));
}

TEST_CASE("a_condition_wait_or_wake_conflicts_with_its_lock") {
    Event wait = op(1, OpKind::CondWait, 9);
    wait.lock = rc::ObjectId(7);
    CHECK(dep(wait, op(2, OpKind::LockAcquire, 7)));
    CHECK(dep(wait, op(2, OpKind::CondNotify, 9)));
    CHECK_FALSE(dep(wait, op(2, OpKind::LockAcquire, 8)));
}

TEST_CASE("event_sets_commute_clears_commute_reads_commute_but_set_and_clear_do_not") {
    CHECK_FALSE(dep(op(1, OpKind::EventSet), op(2, OpKind::EventSet)));
    CHECK_FALSE(dep(op(1, OpKind::EventClear), op(2, OpKind::EventClear)));
    CHECK_FALSE(dep(op(1, OpKind::EventIsSet), op(2, OpKind::EventWait)));
    CHECK(dep(op(1, OpKind::EventSet), op(2, OpKind::EventClear)));
    CHECK(dep(op(1, OpKind::EventSet), op(2, OpKind::EventWait)));
    CHECK(dep(op(1, OpKind::EventClear), op(2, OpKind::EventIsSet)));
}

TEST_CASE("a_thread_end_conflicts_with_its_join_and_is_alive_only") {
    Event last = op(3, OpKind::GlobalWrite, 1);
    last.thread_ended = true;
    Event join = op(0, OpKind::ThreadJoin, 20);
    join.other = ThreadId(3);
    Event other_join = op(0, OpKind::ThreadJoin, 21);
    other_join.other = ThreadId(4);
    Event alive = op(2, OpKind::ThreadQuery, 20);
    alive.other = ThreadId(3);
    CHECK(dep(last, join));
    CHECK(dep(last, alive));
    CHECK_FALSE(dep(last, other_join));
    Event last2 = op(4, OpKind::GlobalWrite, 2);
    last2.thread_ended = true;
    CHECK_FALSE(dep(last, last2)); // two threads ending commute
}

TEST_CASE("a_pending_operation_may_end_its_thread") {
    rc::PendingOp read;
    read.kind = OpKind::GlobalRead;
    read.var = rc::VarId(1);
    Event join = op(0, OpKind::ThreadJoin, 20);
    join.other = ThreadId(3);
    DependencyContext ctx;
    CHECK(rc::dependent(rc::footprint(ThreadId(3), read, ctx), rc::footprint(join, ctx)));
    CHECK_FALSE(rc::dependent(rc::footprint(ThreadId(2), read, ctx), rc::footprint(join, ctx)));
}

TEST_CASE("with_thread_end_steps_only_the_end_step_ends_a_thread") {
    DependencyContext ctx;
    ctx.thread_end_steps = true; // the program calls is_alive, active_count or enumerate
    rc::PendingOp read;
    read.kind = OpKind::GlobalRead;
    read.var = rc::VarId(1);
    rc::PendingOp end;
    end.kind = OpKind::ThreadEnd;
    Event join = op(0, OpKind::ThreadJoin, 20);
    join.other = ThreadId(3);
    CHECK_FALSE(rc::dependent(rc::footprint(ThreadId(3), read, ctx), rc::footprint(join, ctx)));
    CHECK(rc::dependent(rc::footprint(ThreadId(3), end, ctx), rc::footprint(join, ctx)));
    CHECK_FALSE(rc::footprint(ThreadId(3), end, ctx).may_block);
    // an end runs no code: it commutes with every other thread's operation but the observers
    Event ended = op(3, OpKind::ThreadEnd);
    ended.thread_ended = true;
    CHECK_FALSE(dep(ended, op(1, OpKind::GlobalWrite, 1), ctx));
    CHECK_FALSE(dep(ended, op(1, OpKind::LockAcquire, 7), ctx));
    CHECK_FALSE(dep(ended, op(1, OpKind::Print), ctx));
    CHECK(dep(ended, join, ctx));
    Event other_end = op(4, OpKind::ThreadEnd);
    other_end.thread_ended = true;
    CHECK_FALSE(dep(ended, other_end, ctx)); // two ends commute
}

TEST_CASE("a_count_of_live_threads_conflicts_with_every_start_and_end") {
    Event count = op(2, OpKind::ThreadCount, 0);
    count.obj = rc::ObjectId();
    count.read_threads = true;
    Event ended = op(3, OpKind::ThreadEnd);
    ended.thread_ended = true;
    CHECK(dep(count, ended));
    CHECK(dep(count, op(1, OpKind::ThreadStart, 20)));
    CHECK(dep(count, op(1, OpKind::PoolSubmit, 20))); // may start a worker
    CHECK_FALSE(dep(count, op(1, OpKind::GlobalWrite, 1)));
    Event count2 = op(1, OpKind::ThreadCount, 0);
    count2.obj = rc::ObjectId();
    CHECK_FALSE(dep(count, count2)); // two counts commute
}

TEST_CASE("starts_conflict_with_each_other_because_thread_ids_follow_their_order") {
    CHECK(dep(op(1, OpKind::ThreadStart, 20), op(2, OpKind::ThreadStart, 21)));
}

TEST_CASE("prints_conflict_sleep_conflicts_with_nothing_exit_with_everything") {
    CHECK(dep(op(1, OpKind::Print), op(2, OpKind::Print)));
    CHECK_FALSE(dep(op(1, OpKind::Sleep), op(2, OpKind::GlobalWrite, 1)));
    CHECK_FALSE(dep(op(1, OpKind::Sleep), op(2, OpKind::Print)));
    CHECK(dep(op(0, OpKind::ProgramExit), op(2, OpKind::Sleep)));
}

TEST_CASE("constructing_threads_in_two_threads_is_dependent_through_the_name_counter") {
    Event a = op(1, OpKind::GlobalRead, 1);
    Event b = op(2, OpKind::GlobalRead, 2);
    CHECK_FALSE(dep(a, b));
    a.took_name = b.took_name = true;
    CHECK(dep(a, b));
}

TEST_CASE("writes_that_an_always_invariant_reads_are_ordered") {
    DependencyContext ctx;
    ctx.observed_vars = {true, true, false};
    CHECK(dep(op(1, OpKind::GlobalWrite, 0), op(2, OpKind::GlobalWrite, 1), ctx));
    CHECK_FALSE(dep(op(1, OpKind::GlobalWrite, 0), op(2, OpKind::GlobalWrite, 2), ctx));
    CHECK_FALSE(dep(op(1, OpKind::GlobalWrite, 0), op(2, OpKind::GlobalWrite, 1)));
}

TEST_CASE("pending_blocking_operations_may_block_unless_timed_or_nonblocking") {
    rc::PendingOp acquire;
    acquire.kind = OpKind::LockAcquire;
    CHECK(rc::footprint(ThreadId(1), acquire, {}).may_block);
    acquire.timed = true;
    CHECK_FALSE(rc::footprint(ThreadId(1), acquire, {}).may_block);
    rc::PendingOp get;
    get.kind = OpKind::QueueGet;
    get.nonblocking = true;
    CHECK_FALSE(rc::footprint(ThreadId(1), get, {}).may_block);
    rc::PendingOp write;
    write.kind = OpKind::GlobalWrite;
    CHECK_FALSE(rc::footprint(ThreadId(1), write, {}).may_block);
}
