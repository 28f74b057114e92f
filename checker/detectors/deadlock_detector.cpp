// The wait-for graph of a blocked execution, lost notifies, and executions that do not end.
#include "checker/detectors/deadlock_detector.hpp"

#include <algorithm> // sort, unique, find
#include <map>       // the wait-for graph
#include <set>       // key lines
#include <variant>   // get_if on heap objects

#include "model/values/objects.hpp" // ConditionObj, LockObj, RLockObj, ThreadObj

namespace rc {

namespace {
/// "MainThread, Thread-1 (worker) and Thread-2 (worker)"
std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

/// The threads `t` waits for, when its wait is on threads: the holder of the lock it acquires
/// (or re-acquires after a Condition wait), the thread it joins, the non-daemon threads
/// MainThread waits for at its exit. Empty for a wait on an object no thread holds (an Event,
/// a Queue, a Barrier, a Semaphore, a Condition's notify).
std::vector<ThreadId> waits_for(const Interpreter& in, const State& s, const ThreadState& t) {
    auto holder = [&](ObjectId lock) -> std::vector<ThreadId> {
        if (!lock.valid()) return {};
        const auto& data = s.object(lock).data;
        if (auto* l = std::get_if<LockObj>(&data); l && l->locked) return {l->owner};
        if (auto* r = std::get_if<RLockObj>(&data); r && r->count) return {r->owner};
        return {};
    };
    switch (t.pending.kind) {
    case OpKind::LockAcquire:
        return holder(t.pending.obj);
    case OpKind::CondWake:
        if (!t.wait.notified && !t.wait.timed_out) return {};
        if (auto* c = std::get_if<ConditionObj>(&s.object(t.wait.obj).data)) return holder(c->lock);
        return {};
    case OpKind::ThreadJoin:
        if (auto* th = std::get_if<ThreadObj>(&s.object(t.pending.obj).data); th && th->started)
            return {th->tid};
        return {};
    case OpKind::ProgramExit: {
        std::vector<ThreadId> others;
        for (const ThreadState& o : s.threads)
            if (o.id != t.id && o.status == ThreadStatus::Running && !in.is_daemon(s, o.id))
                others.push_back(o.id);
        return others;
    }
    default:
        return {};
    }
}

/// The cause of a blocked execution, as thread ids in id order: the threads on a cycle of the
/// wait-for graph when there is one (they wait for each other), else the threads whose wait is
/// not on another blocked thread (the others are blocked behind them). Deadlocks are grouped by
/// their cause, so the same cycle with other bystanders blocked or not is one finding.
std::vector<ThreadId> blocked_cause(const Interpreter& in, const State& s) {
    std::vector<ThreadId> blocked;
    for (const ThreadState& t : s.threads)
        if (t.status == ThreadStatus::Running) blocked.push_back(t.id);
    auto is_blocked = [&](ThreadId t) {
        return std::find(blocked.begin(), blocked.end(), t) != blocked.end();
    };
    std::map<ThreadId, std::vector<ThreadId>> edges; // among blocked threads only
    for (ThreadId t : blocked)
        for (ThreadId u : waits_for(in, s, s.thread(t)))
            if (is_blocked(u)) edges[t].push_back(u);
    auto reaches = [&](ThreadId from, ThreadId to) { // depth-first, over at most |blocked| nodes
        std::vector<ThreadId> todo = edges[from], seen;
        while (!todo.empty()) {
            ThreadId x = todo.back();
            todo.pop_back();
            if (x == to) return true;
            if (std::find(seen.begin(), seen.end(), x) != seen.end()) continue;
            seen.push_back(x);
            todo.insert(todo.end(), edges[x].begin(), edges[x].end());
        }
        return false;
    };
    std::vector<ThreadId> cycle, roots;
    for (ThreadId t : blocked) {
        if (reaches(t, t)) cycle.push_back(t);
        if (edges[t].empty()) roots.push_back(t);
    }
    if (!cycle.empty()) return cycle;
    return roots.empty() ? blocked : roots;
}

/// Some threads still alive wait for each other in a cycle (or one for a lock it holds), each
/// blocked for good (not enabled, no timeout): at the program's end, daemon threads deadlocked,
/// whose work is never done however long they run. (A daemon the exit stopped in the middle of
/// its work, about to re-enter an RLock it holds, is no such thread.)
bool waits_in_a_cycle(const Interpreter& in, const State& s) {
    auto stuck = [&](ThreadId t) { return !in.is_enabled(s, t) && !in.can_time_out(s, t); };
    const std::vector<ThreadId> cause = blocked_cause(in, s);
    for (ThreadId t : cause) {
        if (!stuck(t)) continue;
        for (ThreadId u : waits_for(in, s, s.thread(t)))
            if (stuck(u) && std::find(cause.begin(), cause.end(), u) != cause.end()) return true;
    }
    return false;
}

} // namespace

void DeadlockDetector::begin_execution(const Interpreter& in, const State& initial) {
    (void)in, (void)initial;
    steps_ = 0;
    recent_.clear();
    silent_notifies_.clear();
    last_step_.clear();
}

void DeadlockDetector::on_step(const Interpreter& in, uint64_t step, const Event& e,
                               const State& after, FindingSink& sink) {
    (void)in, (void)after, (void)sink;
    steps_ = step;
    if (recent_.size() == 2 * kRecent) recent_.erase(recent_.begin(), recent_.begin() + kRecent);
    recent_.emplace_back(e.thread, e.line);
    if (last_step_.size() <= e.thread.value) last_step_.resize(e.thread.value + 1, 0);
    last_step_[e.thread.value] = step;
    if (e.kind == OpKind::CondNotify && !e.raised && e.value.is_int_like() && e.value.i == 0)
        silent_notifies_.try_emplace(e.obj, SilentNotify{e.line, step});
}

namespace {
struct DeadlockSaved {
    uint64_t steps;
    std::vector<std::pair<ThreadId, uint32_t>> recent;
    std::vector<uint64_t> last_step;
};
} // namespace

std::any DeadlockDetector::save() const {
    return std::make_pair(DeadlockSaved{steps_, recent_, last_step_}, silent_notifies_);
}

void DeadlockDetector::restore(const std::any& saved) {
    const auto& s =
        std::any_cast<const std::pair<DeadlockSaved, std::map<ObjectId, SilentNotify>>&>(saved);
    steps_ = s.first.steps;
    recent_ = s.first.recent;
    last_step_ = s.first.last_step;
    silent_notifies_ = s.second;
}

void DeadlockDetector::history(std::vector<HistoryItem>& out) const {
    for (const auto& [cond, n] : silent_notifies_) out.push_back({ThreadId(), cond, n.line});
}

std::string DeadlockDetector::wait_text(const Interpreter& in, const State& s, ThreadId t) const {
    return in.describe_wait(s, t, [this](uint32_t line) { return ctx_.display_line(line); });
}

void DeadlockDetector::end_execution(const Interpreter& in, const State& final_state,
                                     const ExecutionEnd& end, FindingSink& sink) {
    if (end.fair_cycle && !end.spinning.empty())
        report_blocked(in, final_state, end, sink); // a busy-wait no thread will release
    else if (end.fair_cycle || (!end.step_limit && end.status == RunStatus::Diverged))
        report_nontermination(in, final_state, end, sink); // a cut by a budget never is one
    else if (end.status == RunStatus::Blocked)
        report_blocked(in, final_state, end, sink);
    else if (end.status == RunStatus::Ended && waits_in_a_cycle(in, final_state))
        report_blocked(in, final_state, end, sink); // daemon threads the exit stopped, deadlocked
}

void DeadlockDetector::report_blocked(const Interpreter& in, const State& s,
                                      const ExecutionEnd& end, FindingSink& sink) const {
    Finding f;
    f.kind = FindingKind::Deadlock;
    const std::vector<ThreadId> cause = blocked_cause(in, s);
    auto in_cause = [&](ThreadId t) {
        return std::find(cause.begin(), cause.end(), t) != cause.end();
    };
    std::set<std::pair<uint32_t, std::string>> key_ops; // the cause's (line, operation)s
    std::vector<std::string> spinners, cause_names;
    std::set<uint32_t> cause_lines, other_lines;
    bool cycle = false;
    const ThreadState* lost = nullptr; // a waiter whose notify came before its wait
    for (const ThreadState& t : s.threads) {
        if (t.status != ThreadStatus::Running) continue;
        const std::string name = in.thread_name(s, t.id);
        const uint32_t line = ctx_.display_line(t.pending.line);
        if (in_cause(t.id)) {
            key_ops.emplace(line, std::string(op_kind_name(t.pending.kind)));
            cause_names.push_back(name);
            for (ThreadId u : waits_for(in, s, t)) cycle = cycle || in_cause(u);
        }
        f.threads.push_back(name);
        if (line) (in_cause(t.id) ? cause_lines : other_lines).insert(line); // 0: implicit exit
        if (t.id.value < last_step_.size() && last_step_[t.id.value])
            f.highlights.push_back(
                {last_step_[t.id.value], line ? "← then blocks at line " + std::to_string(line)
                                              : "← then blocks at its exit"});
        if (std::find(end.spinning.begin(), end.spinning.end(), t.id) != end.spinning.end()) {
            spinners.push_back(name);
            f.details.push_back(name + " spins at line " + std::to_string(line) +
                                " waiting for a change no thread will make");
            continue;
        }
        const std::string where = line ? " (line " + std::to_string(line) + ")" : "";
        f.details.push_back(name + where + " " + wait_text(in, s, t.id));
        if (t.pending.obj.valid() && t.pending.kind != OpKind::ThreadJoin)
            f.variables.push_back(in.object_label(s, t.pending.obj));
        if (t.pending.kind == OpKind::CondWake && !t.wait.notified && !t.wait.timed_out &&
            silent_notifies_.count(t.wait.obj) && !lost)
            lost = &t;
    }
    std::sort(f.variables.begin(), f.variables.end());
    f.variables.erase(std::unique(f.variables.begin(), f.variables.end()), f.variables.end());
    std::string key;
    for (auto& [line, op] : key_ops) key += ":" + std::to_string(line) + "/" + op;
    std::vector<std::string> behind;
    for (const std::string& name : f.threads)
        if (std::find(cause_names.begin(), cause_names.end(), name) == cause_names.end())
            behind.push_back(name);
    if (end.status == RunStatus::Ended)
        f.details.push_back("the program ends anyway: " +
                            std::string(cause_names.size() == 1 ? "it is a daemon thread" : "they are daemon threads") +
                            ", stopped at the exit, and the work after the wait is never done");
    if (!behind.empty())
        f.details.push_back("blocked behind " +
                            (cause_names.size() == 1 ? cause_names[0] : std::string("them")) +
                            ": " + join_names(behind));
    if (lost) {
        const SilentNotify& n = silent_notifies_.at(lost->wait.obj);
        const std::string cond = "Condition " + in.object_label(s, lost->wait.obj);
        const std::string waiter = in.thread_name(s, lost->id);
        const uint32_t nl = ctx_.display_line(n.line);
        f.kind = FindingKind::LostWakeup;
        f.summary = "lost wakeup on " + cond + ": the notify at line " + std::to_string(nl) +
                    " woke nobody, then " + waiter + " waits forever";
        f.details.insert(f.details.begin(),
                         "notify() at line " + std::to_string(nl) + " (step " +
                             std::to_string(n.step) + ") ran before " + waiter +
                             " waited; a Condition does not remember notifies — wait in a "
                             "`while` loop on a predicate");
        cause_lines.insert(nl);
        other_lines.erase(nl);
        f.highlights.push_back({n.step, "← notify wakes nobody: no thread waits yet"});
        f.key = "lost-wakeup:" + std::to_string(nl) + key;
    } else {
        f.key = (end.status == RunStatus::Ended ? "deadlock-at-exit" : "deadlock") + key;
        if (cycle && cause_names.size() == 1)
            f.summary = "deadlock: " + cause_names[0] + " waits for a lock it holds itself";
        else if (cycle)
            f.summary = "deadlock: " + join_names(cause_names) + " wait for each other" +
                        (cause_names.size() > 2 ? " in a cycle" : "");
        else if (!spinners.empty())
            f.summary = "deadlock: " + join_names(spinners) +
                        " busy-waits for a change no thread will make";
        else
            f.summary = "deadlock: " + join_names(cause_names) +
                        (cause_names.size() == 1 ? " is" : " are") + " blocked forever";
    }
    // The cause's lines first: reports locate a finding at its first line.
    f.lines.assign(cause_lines.begin(), cause_lines.end());
    for (uint32_t l : other_lines)
        if (!cause_lines.count(l)) f.lines.push_back(l);
    sink.report(std::move(f));
}

void DeadlockDetector::report_nontermination(const Interpreter& in, const State& s,
                                             const ExecutionEnd& end, FindingSink& sink) const {
    Finding f;
    f.kind = FindingKind::Nontermination;
    std::set<uint32_t> lines;
    if (end.fair_cycle) {
        // The execution ends by coming back to a state it was in: the steps since then form a
        // cycle that a fair scheduler may repeat forever.
        std::vector<ThreadId> running;
        in.schedulable(s, running);
        f.summary = "the program can run forever: its threads can repeat a cycle of states "
                    "that no thread leaves";
        for (ThreadId t : running) {
            f.threads.push_back(in.thread_name(s, t));
            f.details.push_back(f.threads.back() + " (line " +
                                std::to_string(ctx_.display_line(s.thread(t).pending.line)) +
                                ") next: " + in.describe_pending(s, t));
        }
        for (size_t i = recent_.size() > end.cycle_length ? recent_.size() - end.cycle_length : 0;
             i < recent_.size(); ++i)
            lines.insert(ctx_.display_line(recent_[i].second));
        f.details.push_back("every thread that could leave the cycle is also scheduled in it: "
                            "a fair scheduler need not ever end the program");
    } else {
        for (const ThreadState& t : s.threads) {
            if (t.status != ThreadStatus::Diverged) continue;
            uint32_t line = ctx_.display_line(t.diverged_line);
            lines.insert(line);
            f.threads.push_back(in.thread_name(s, t.id));
            f.details.push_back(f.threads.back() +
                                " runs forever without a visible operation "
                                "(line " +
                                std::to_string(line) + ")");
        }
        f.summary = f.details.empty() ? "a thread runs forever" : f.details.front();
    }
    f.lines.assign(lines.begin(), lines.end());
    f.key = "nontermination";
    for (uint32_t l : lines) f.key += ":" + std::to_string(l);
    sink.report(std::move(f));
}

} // namespace rc
