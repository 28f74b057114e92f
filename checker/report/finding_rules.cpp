// The rule of each finding kind: descriptions and the fix, in words a tutorial reader follows.
#include "checker/report/finding_rules.hpp"

namespace rc {

namespace {

FindingRule make_rule(FindingKind kind) {
    const std::string id(finding_kind_name(kind));
    switch (kind) {
    case FindingKind::DataRace:
        return {kind,
                id,
                "DataRace",
                "Data race on a shared variable",
                "Two threads access the same global, at least one of them writes, and no "
                "synchronization (lock, join, Event, Queue, Condition) orders the two accesses: "
                "the result depends on the interleaving.",
                "Protect every access to the variable with the same lock (`with lock:`), or hand "
                "values between threads through a queue.Queue. A read-modify-write such as "
                "`counter += 1` must hold the lock from the read to the write.",
                "error"};
    case FindingKind::LostUpdate:
        return {kind,
                id,
                "LostUpdate",
                "Lost update: a write overwrites another thread's write",
                "A thread wrote a value computed from a read that another thread's write had "
                "already made stale, so that other write is lost.",
                "Make the read-modify-write atomic: hold one lock from the read to the write "
                "(`with lock: counter += 1`), in every thread that updates the variable.",
                "error"};
    case FindingKind::Deadlock:
        return {kind,
                id,
                "Deadlock",
                "Deadlock: the program hangs",
                "Every thread left is blocked and none of them can wake the others: the program "
                "never ends.",
                "Acquire locks in one global order everywhere; never wait for something only a "
                "blocked thread can provide (a lock it holds, a join on it); call task_done() "
                "for every item taken from a Queue that is join()ed; set every Event waited for.",
                "error"};
    case FindingKind::LostWakeup:
        return {kind,
                id,
                "LostWakeup",
                "Lost wakeup: a notify came before the wait",
                "A Condition was notified before the thread that needed the notify waited; a "
                "Condition does not remember notifies, so that thread waits forever.",
                "Wait in a loop on a predicate, under the condition's lock: `with cond: while "
                "not ready: cond.wait()` (or `cond.wait_for(lambda: ready)`), and make the "
                "predicate true before calling notify().",
                "error"};
    case FindingKind::PotentialDeadlock:
        return {kind,
                id,
                "PotentialDeadlock",
                "Potential deadlock: locks taken in opposite orders",
                "Threads acquire the same locks in different orders (a cycle in the lock-order "
                "graph); some interleaving can deadlock even where none of the explored ones "
                "did.",
                "Acquire the locks in one global order everywhere (for example always `lock_a` "
                "before `lock_b`), or protect the data with a single lock.",
                "warning"};
    case FindingKind::CheckFailed:
        return {kind,
                id,
                "CheckFailed",
                "A check of the scenario fails",
                "A final check, an invariant or an assert of the scenario is false in some "
                "interleaving.",
                "The interleaving shows how the program reaches a state the check forbids; "
                "synchronize the accesses the check depends on (often the data race or lost "
                "update reported with it).",
                "error"};
    case FindingKind::Exception:
        return {kind,
                id,
                "UncaughtException",
                "An exception escapes a thread",
                "In some interleaving an exception escapes a thread's function (or the main "
                "program), and the thread ends there.",
                "Fix the operation that raises in this interleaving: a check-then-act without a "
                "lock (test and act under the same lock), a pop from an empty list, a release of "
                "a lock not held, an over-released BoundedSemaphore.",
                "error"};
    case FindingKind::Nontermination:
        return {kind,
                id,
                "Nontermination",
                "An execution does not end",
                "An execution did not finish within the step budget, or a thread loops forever "
                "without a visible operation.",
                "A loop that polls a flag may never see it change: wait on an Event or a "
                "Condition instead of polling. If the program is just long, raise the step "
                "budget (--max-steps).",
                "error"};
    }
    return {kind, id, id, id, id, id, "error"};
}

} // namespace

const std::vector<FindingRule>& finding_rules() {
    static const std::vector<FindingRule> rules = [] {
        std::vector<FindingRule> all;
#define RC_X(e, s) all.push_back(make_rule(FindingKind::e));
        RC_FINDING_KINDS(RC_X)
#undef RC_X
        return all;
    }();
    return rules;
}

const FindingRule& finding_rule(FindingKind kind) {
    return finding_rules()[static_cast<size_t>(kind)];
}

} // namespace rc
