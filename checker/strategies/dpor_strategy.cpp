// Optimal DPOR (JACM 2017, Algorithm 2) over executions the Session runs: see dpor_strategy.hpp.
#include "checker/strategies/dpor_strategy.hpp"

#include <algorithm> // max, find_if

#include "model/check.hpp" // RC_CHECK

namespace rc {

namespace {

void join(std::vector<uint32_t>& into, const std::vector<uint32_t>& from) {
    if (into.size() < from.size()) into.resize(from.size(), 0);
    for (size_t i = 0; i < from.size(); ++i) into[i] = std::max(into[i], from[i]);
}

uint32_t at(const std::vector<uint32_t>& clock, ThreadId t) {
    return t.value < clock.size() ? clock[t.value] : 0;
}

bool sleeps(const std::vector<Footprint>& sleep, ThreadId t) {
    return std::any_of(sleep.begin(), sleep.end(), [&](const Footprint& f) { return f.thread == t; });
}

/// A release that certainly left the lock held until then: the acquire it enables cannot move
/// before it.
bool releases_lock_of(const Footprint& e, const Footprint& acquire) {
    if (e.raised || !e.lock.valid() || e.lock != acquire.lock) return false;
    return (e.kind == OpKind::LockRelease || e.kind == OpKind::CondWait) &&
           (acquire.kind == OpKind::LockAcquire || acquire.kind == OpKind::CondWake);
}

} // namespace

bool DporStrategy::begin_execution() {
    if (exhausted_) return false;
    depth_ = replay_; // the Session resumes there (Strategy::resume_depth)
    thread_clock_.clear();
    thread_ops_.clear();
    seen_.clear();
    // The per-thread clocks after the prefix, from what its positions recorded.
    for (size_t d = 0; d < replay_; ++d) {
        const Node& node = stack_[d];
        for (ThreadId t : node.appeared) {
            if (t.value >= seen_.size()) {
                seen_.resize(t.value + 1, false);
                thread_clock_.resize(t.value + 1);
                thread_ops_.resize(t.value + 1, 0);
            }
            seen_[t.value] = true;
            thread_clock_[t.value] = d > 0 ? stack_[d - 1].clock : Clock{};
        }
        thread_ops_[node.op.thread.value] = node.index;
        thread_clock_[node.op.thread.value] = node.clock;
    }
    end_pending_.clear();
    next_sleep_.clear();
    branch_failed_ = false;
    stopped_ = false;
    return true;
}

std::vector<ThreadId> DporStrategy::see_threads(const ChoicePoint& point) {
    std::vector<ThreadId> fresh;
    auto see = [&](ThreadId t) {
        if (t.value >= seen_.size()) {
            seen_.resize(t.value + 1, false);
            thread_clock_.resize(t.value + 1);
            thread_ops_.resize(t.value + 1, 0);
        }
        if (seen_[t.value]) return;
        seen_[t.value] = true;
        fresh.push_back(t);
        // Created by the previous step (or present from the start): it knows what its creator knew.
        if (depth_ > 0) thread_clock_[t.value] = stack_[depth_ - 1].clock;
    };
    for (const Choice& c : point.options) see(c.thread);
    for (const Footprint& f : point.blocked) see(f.thread);
    return fresh;
}

size_t DporStrategy::free_choice(const ChoicePoint& point, const Node& node) const {
    if (point.last_index && !sleeps(node.sleep, point.options[*point.last_index].thread))
        return *point.last_index;
    for (size_t i = 0; i < point.options.size(); ++i)
        if (!sleeps(node.sleep, point.options[i].thread)) return i;
    return kStop;
}

StopReason DporStrategy::stop_reason() const {
    return busy_waits_ ? StopReason::BoundReached : StopReason::Exhausted;
}

size_t DporStrategy::choose(const ChoicePoint& point) {
    busy_waits_ |= point.busy_wait_cut;
    RC_CHECK(point.footprints.size() == point.options.size(), "dpor: a choice point without footprints");
    std::vector<ThreadId> fresh = see_threads(point);
    // The option that runs step f: its thread's, and for a choice of the explorer its branch.
    auto index_of = [&](const Footprint& f) -> size_t {
        for (size_t i = 0; i < point.options.size(); ++i) {
            if (point.options[i].thread != f.thread) continue;
            if (f.kind == OpKind::Choose && point.ops[i].kind == OpKind::Choose &&
                point.options[i].timeout != f.branch)
                continue;
            return i;
        }
        return kStop;
    };
    const size_t d = depth_;
    size_t pick = kStop;
    if (d < replay_) {
        pick = index_of(stack_[d].op);
        RC_CHECK(pick != kStop, "dpor: a replayed prefix reached a choice point without the thread "
                                "it ran before (the program is not deterministic)");
    } else if (d == replay_ && d < stack_.size()) {
        pick = index_of(branch_);
        if (pick == kStop) { // the wakeup sequence cannot run here
            ++infeasible_;
            branch_failed_ = stopped_ = true;
            return kStop;
        }
    } else {
        Node node;
        node.sleep = std::move(next_sleep_);
        if (!guide_.empty()) {
            WakeupNode first = std::move(guide_.front());
            node.wakeup.assign(std::make_move_iterator(guide_.begin() + 1),
                               std::make_move_iterator(guide_.end()));
            pick = index_of(first.op);
            guide_ = std::move(first.children);
            if (pick == kStop) {
                ++infeasible_;
                stopped_ = true;
                return kStop;
            }
        } else {
            pick = free_choice(point, node);
            if (pick == kStop) {
                ++sleep_blocked_;
                stopped_ = true;
                return kStop;
            }
        }
        // A choice of the explorer: both branches are explored from this state (the other after
        // this one's subtree, see backtrack()).
        node.other_branch = point.ops[pick].kind == OpKind::Choose;
        stack_.push_back(std::move(node));
    }
    if (d >= replay_) stack_[d].appeared = std::move(fresh);
    chosen_ = point.footprints[pick];
    ++depth_;
    return pick;
}

void DporStrategy::on_event(const Event& e, const Footprint& f) {
    (void)e;
    const size_t d = depth_ - 1;
    Node& node = stack_[d];
    const ThreadId t = f.thread;
    if (d < replay_) {
        RC_CHECK(node.op.thread == t, "dpor: a replayed step ran another thread");
    } else {
        node.op = f;
        node.may_block = chosen_.may_block;
        node.knows = thread_clock_[t.value];
        Clock c = node.knows;
        for (size_t j = 0; j < d; ++j) {
            const Node& nj = stack_[j];
            if (nj.op.thread == t || at(c, nj.op.thread) >= nj.index) continue;
            if (dependent(nj.op, f)) join(c, nj.clock);
        }
        if (c.size() <= t.value) c.resize(t.value + 1, 0);
        c[t.value] = thread_ops_[t.value] + 1;
        node.clock = std::move(c);
        node.index = thread_ops_[t.value] + 1;
    }
    thread_ops_[t.value] = node.index;
    thread_clock_[t.value] = node.clock;
    if (d >= replay_) { // the next position is new: its sleep set
        next_sleep_.clear();
        for (const Footprint& s : node.sleep)
            if (!dependent(s, f)) next_sleep_.push_back(s);
    }
}

void DporStrategy::on_end_state(const ChoicePoint& point) {
    busy_waits_ |= point.busy_wait_cut;
    see_threads(point);
    end_pending_ = point.blocked;
    if (!point.options.empty()) // cut by a budget or stopped: what could still run races too
        end_pending_.insert(end_pending_.end(), point.footprints.begin(), point.footprints.end());
}

bool DporStrategy::weak_initial(const Footprint& p, const std::vector<Footprint>& v) {
    for (size_t a = 0; a < v.size(); ++a) {
        if (v[a].thread != p.thread) continue;
        if (!same_step(v[a], p)) return false; // the other branch of a choice
        for (size_t b = 0; b < a; ++b)
            if (dependent(v[b], v[a])) return false;
        return true;
    }
    for (const Footprint& x : v)
        if (dependent(p, x)) return false;
    return true;
}

void DporStrategy::insert(std::vector<WakeupNode>& tree, std::vector<Footprint> v) {
    std::vector<WakeupNode>* level = &tree;
    for (;;) {
        WakeupNode* next = nullptr;
        for (WakeupNode& child : *level) {
            if (!weak_initial(child.op, v)) continue;
            auto it = std::find_if(v.begin(), v.end(),
                                   [&](const Footprint& x) { return same_step(x, child.op); });
            if (it != v.end()) v.erase(it); // an initial of v: v continues after it
            next = &child;
            break;
        }
        if (!next) break;
        if (next->children.empty() || v.empty()) return; // a leaf or a prefix: v is covered
        level = &next->children;
    }
    // A new branch, after the existing ones.
    WakeupNode root{v.front(), {}};
    WakeupNode* tail = &root;
    for (size_t k = 1; k < v.size(); ++k) {
        tail->children.push_back(WakeupNode{v[k], {}});
        tail = &tail->children.back();
    }
    level->push_back(std::move(root));
}

bool DporStrategy::reversible(size_t i, const Footprint& op, bool may_block,
                              const std::vector<ThreadId>& between) const {
    if (!may_block) return true; // it can always move
    if (releases_lock_of(stack_[i].op, op)) return false;
    RC_CHECK(what_if_ != nullptr, "dpor: no Session to ask whether a race can be reversed");
    return what_if_->can_run_after(i, between, op.thread);
}

void DporStrategy::reverse(size_t i, std::vector<Footprint> v) {
    Node& node = stack_[i];
    for (const Footprint& s : node.sleep)
        if (weak_initial(s, v)) return; // explored already, or redundant
    if (weak_initial(node.op, v)) return; // the branch being explored covers it
    insert(node.wakeup, std::move(v));
}

void DporStrategy::analyze(size_t pos, const Footprint& op, bool may_block, const Clock& knows) {
    std::vector<size_t> races;
    for (size_t i = pos; i-- > 0;) {
        const Node& e = stack_[i];
        if (e.op.thread == op.thread) continue;
        if (at(knows, e.op.thread) >= e.index) continue; // happens before op's thread already
        if (!dependent(e.op, op)) continue;
        bool hidden = false; // e happens before a later race partner: not a direct race
        for (size_t k : races) hidden |= at(stack_[k].clock, e.op.thread) >= e.index;
        if (hidden) continue;
        std::vector<Footprint> v; // notdep(e) up to op
        std::vector<ThreadId> between;
        for (size_t x = i + 1; x < pos; ++x) {
            const Node& n = stack_[x];
            if (at(n.clock, e.op.thread) >= e.index) continue; // happens after e
            v.push_back(n.op);
            between.push_back(n.op.thread);
        }
        if (!reversible(i, op, may_block, between)) continue; // never co-enabled: look further back
        races.push_back(i);
        v.push_back(op);
        reverse(i, std::move(v));
    }
}

void DporStrategy::backtrack() {
    bool top_failed = branch_failed_;
    while (!stack_.empty()) {
        Node& node = stack_.back();
        if (node.other_branch) { // the same thread, the choice's other branch, a fresh subtree
            node.other_branch = false;
            branch_ = node.op;
            branch_.branch = !node.op.branch;
            guide_.clear();
            replay_ = stack_.size() - 1;
            return;
        }
        if (!top_failed) node.sleep.push_back(node.op); // explored from here (both branches)
        top_failed = false;
        if (!node.wakeup.empty()) {
            WakeupNode next = std::move(node.wakeup.front());
            node.wakeup.erase(node.wakeup.begin());
            branch_ = next.op;
            guide_ = std::move(next.children);
            replay_ = stack_.size() - 1;
            return;
        }
        stack_.pop_back();
    }
    exhausted_ = true;
}

void DporStrategy::end_execution() {
    RC_CHECK(depth_ >= replay_, "dpor: an execution ended before replaying its prefix (the "
                                "program is not deterministic)");
    if (!branch_failed_) stack_.resize(depth_); // (kStop at a new position pushed no node)
    for (size_t j = replay_; j < depth_; ++j)
        analyze(j, stack_[j].op, stack_[j].may_block, stack_[j].knows);
    if (!stopped_) {
        ++executions_;
        for (const Footprint& p : end_pending_)
            analyze(depth_, p, p.may_block,
                    p.thread.value < thread_clock_.size() ? thread_clock_[p.thread.value] : Clock{});
    }
    backtrack();
}

std::string DporStrategy::coverage() const {
    std::string n = std::to_string(executions_) + (executions_ == 1 ? " trace" : " traces");
    std::string extra;
    if (sleep_blocked_ + infeasible_)
        extra = " (" + std::to_string(sleep_blocked_ + infeasible_) + " redundant executions stopped)";
    if (exhausted_ && busy_waits_)
        return n + extra + " (not exhaustive: busy-waits were cut, which partial-order reduction "
                           "does not cover; --strategy state explores them exactly)";
    if (exhausted_) return "all " + n + extra;
    return n + extra + " (not exhaustive: the search did not finish)";
}

} // namespace rc
