// The Session: executions, scheduling points, checkpoints, busy-wait detection, witnesses,
// outcomes, budgets. One file: the execution loop, checkpoints and finding records share the
// Session's private state and the hot path's invariants; splitting them would expose both.
#include "checker/explore/session.hpp"

#include <algorithm>     // find, sort
#include <any>           // detector checkpoints
#include <array>         // renamed history items
#include <chrono>        // the time budget
#include <map>           // findings and outcomes in a deterministic order
#include <unordered_set> // spin histories

#include "model/check.hpp" // RC_CHECK

namespace rc {

namespace {

const char* limit_name(const LimitHit& h) {
    switch (h.kind) {
    case LimitHit::Kind::Memory: return "memory";
    case LimitHit::Kind::String: return "string";
    case LimitHit::Kind::Threads: return "thread";
    case LimitHit::Kind::Instructions: return "instruction";
    case LimitHit::Kind::Stopped: return "stop";
    case LimitHit::Kind::None: break;
    }
    return "?";
}

bool is_scalar(const State& s, Value v) {
    switch (v.tag) {
    case VTag::None:
    case VTag::Bool:
    case VTag::Int:
    case VTag::Float: return true;
    case VTag::Obj: return std::holds_alternative<StrObj>(s.heap[v.ref].data);
    default: return false;
    }
}

/// Witness order: fewest preemptions, then fewest steps.
std::pair<uint32_t, size_t> witness_rank(const Finding& f) {
    return {f.preemptions, f.schedule.size()};
}

class Sink : public FindingSink {
public:
    Sink(std::function<void(Finding)> f, std::optional<Refusal>& refusal)
        : f_(std::move(f)), refusal_(refusal) {}
    void report(Finding f) override { f_(std::move(f)); }
    void refused(Refusal r) override {
        if (!refusal_) refusal_ = std::move(r);
    }

private:
    std::function<void(Finding)> f_;
    std::optional<Refusal>& refusal_;
};

/// Adds one execution's findings to the search's: counts it once per key (unless `counted` is
/// false: a redundant or repeated execution), keeps the best witness.
void merge_findings(std::map<std::string, Finding>& found, std::map<std::string, Finding>& local,
                    bool counted = true) {
    for (auto& [key, f] : local) {
        auto [it, inserted] = found.emplace(key, f);
        if (inserted) continue; // seen once at least
        uint64_t count = it->second.count + (counted ? 1 : 0);
        if (witness_rank(f) < witness_rank(it->second)) it->second = std::move(f);
        it->second.count = count;
    }
    local.clear();
}

} // namespace

struct Session::Execution {
    State state;
    std::vector<Choice> schedule;
    uint32_t preemptions = 0;
    ThreadId last;
    /// This execution's findings, best witness per key; until complete_findings(), a finding's
    /// schedule holds only the steps after local_depth[key] (record_finding).
    std::map<std::string, Finding> local;
    std::map<std::string, size_t> local_depth; // key → the depth at which it was recorded
    Trace* trace = nullptr;
    ExecutionEnd end;
    std::optional<Refusal> refusal; // the program's (State::refusal) or a check's
    bool stopped = false;       // the strategy returned Strategy::kStop: a redundant execution
    size_t ask_from = 0;        // choices before this depth repeat the previous execution's
    bool save = false;          // save checkpoints (a search, not a replay)
    bool per_state = false;     // detectors look at every state (stateful search)
    bool spin_detection = true; // cut busy-waits (not in a stateful search: they are cycles)
    bool timed = false;         // a search's execution: stopped when the time budget runs out
    bool out_of_time = false;   // it was: a partial execution, no outcome
    bool interrupted = false;   // the progress hook said stop inside it (Ctrl-C): likewise
    /// The time budget or Ctrl-C stopped it inside a step: its state is partly through that
    /// step, so no detector looks at it.
    bool stopped_mid_step = false;
    // busy-wait detection: per thread, fingerprints seen since the last shared change
    SpinTracker spin;
};

struct Session::Checkpoint {
    size_t depth = 0;
    State state;
    std::vector<std::any> detectors;
    uint32_t preemptions = 0;
    ThreadId last;
    SpinTracker spin;
    std::map<std::string, Finding> local; // findings recorded up to this depth (tails only)
    std::map<std::string, size_t> local_depth;
};

bool SpinTracker::any() const {
    return std::find(spinning.begin(), spinning.end(), true) != spinning.end();
}

void SpinTracker::on_step(const State& s, ThreadId t, const Event& ev) {
    if (views.size() < s.threads.size()) {
        places.resize(s.threads.size());
        views.resize(s.threads.size());
        spinning.resize(s.threads.size(), false);
    }
    if (!read_only(ev)) {
        for (ThreadId u : s.live_threads) { // a finished thread never spins again
            places[u.value].clear();
            views[u.value].clear();
            spinning[u.value] = false;
        }
        return;
    }
    // A thread whose next operation cannot be read-only clears every history when it takes it,
    // before its own next read-only step: this view would never be compared, so it is not taken
    // (`counter += 1` reads, then writes).
    const ThreadState& th = s.thread(t);
    if (th.status == ThreadStatus::Running && !may_be_read_only(th.pending.kind)) return;
    uint64_t place = th.frames.size() * 0x9E3779B97F4A7C15ull ^ static_cast<uint64_t>(th.status);
    for (const Frame& f : th.frames)
        place = (place ^ (uint64_t{f.code.value} << 32 | f.pc)) * 0xBF58476D1CE4E5B9ull;
    if (places[t.value].insert(place).second) return; // a new place: no loop closed yet
    if (!views[t.value].insert(hash_thread_view(s, t)).second) spinning[t.value] = true;
}

Session::Session(const Interpreter& in, std::vector<int64_t> params, DetectorContext ctx,
                 Budgets budgets, std::vector<std::string> watched)
    : in_(in), params_(std::move(params)), ctx_(std::move(ctx)), budgets_(budgets),
      watched_(std::move(watched)), initial_(in.initial_state(params_)),
      dependency_(dependency_context(in.program())), reads_clock_(in.reads_clock()),
      fixed_globals_(fixed_module_globals(in.program())) {}

Session::~Session() = default;

void Session::record_finding(Execution& ex, Finding f) {
    // The witness is this execution's schedule up to here, then the finding's `then` steps. The
    // prefix is not copied here (a detector may report the same finding at every step of a long
    // execution): the finding keeps its tail, local_depth the prefix length, and
    // complete_findings() joins them when the execution ends.
    const size_t depth = ex.schedule.size();
    uint32_t preemptions = ex.preemptions;
    ThreadId prev = ex.last;
    for (const Choice& c : f.then) {
        if (prev.valid() && c.thread != prev) ++preemptions; // at most (recounted later)
        prev = c.thread;
    }
    auto it = ex.local.find(f.key);
    if (it != ex.local.end()) {
        const std::pair<uint32_t, size_t> have{it->second.preemptions,
                                               ex.local_depth[f.key] + it->second.schedule.size()};
        if (!(std::pair<uint32_t, size_t>{preemptions, depth + f.then.size()} < have)) return;
    }
    if (!f.then.empty()) // highlights of a finding found in a state count from that state
        for (Highlight& h : f.highlights) h.step += depth;
    f.schedule = std::move(f.then);
    f.then.clear();
    f.preemptions = preemptions;
    f.count = 1;
    ex.local_depth[f.key] = depth;
    ex.local[f.key] = std::move(f);
}

void Session::complete_findings(Execution& ex) {
    for (auto& [key, f] : ex.local) {
        const size_t depth = ex.local_depth[key];
        f.schedule.insert(f.schedule.begin(), ex.schedule.begin(),
                          ex.schedule.begin() + static_cast<long>(depth));
    }
    ex.local_depth.clear();
}

void Session::record_outcome(const Execution& ex, std::map<std::string, Outcome>& outcomes) {
    const State& s = ex.state;
    const Program& p = in_.program();
    Outcome o;
    if (!watched_.empty()) {
        for (const std::string& name : watched_) {
            for (size_t g = 0; g < p.globals.size(); ++g) {
                if (p.globals[g].name != name) continue;
                Value v = s.globals[g];
                o.values.emplace_back(name, v.is_unbound() ? "<unbound>" : in_.repr(s, v));
            }
        }
    } else {
        for (size_t g = 0; g < p.globals.size(); ++g) {
            Value v = s.globals[g];
            if (p.globals[g].is_param || !is_scalar(s, v)) continue;
            if (std::find(fixed_globals_.begin(), fixed_globals_.end(), g) != fixed_globals_.end()) continue;
            o.values.emplace_back(p.globals[g].name, in_.repr(s, v));
        }
    }
    o.output = s.output;
    switch (ex.end.status) {
    case RunStatus::Ended: o.ending = "ended"; break;
    case RunStatus::Blocked: o.ending = "hangs"; break;
    case RunStatus::Diverged: o.ending = "runs forever"; break;
    case RunStatus::Running: o.ending = "cut by the step limit"; break;
    case RunStatus::Limit: o.ending = std::string("cut by the ") + limit_name(s.limit) + " limit"; break;
    case RunStatus::Refused: o.ending = "refused"; break; // never recorded: the search stops
    }
    std::string key = o.ending + '\x1f' + o.output;
    for (auto& [n, v] : o.values) key += '\x1f' + n + '=' + v;
    auto [it, inserted] = outcomes.emplace(key, o);
    if (inserted) {
        it->second.schedule = ex.schedule;
        it->second.mixed_lines = s.mixed_lines;
    }
    it->second.count++;
}

void Session::add_footprints(const Execution& ex, ChoicePoint& point) const {
    point.footprints.clear();
    point.blocked.clear();
    for (const Choice& c : point.options)
        point.footprints.push_back(footprint(c.thread, in_.resolved_pending(ex.state, c.thread), dependency_));
    // Threads left behind when the program ended (daemons) count as blocked: the exit disabled them.
    size_t next = 0; // options are in thread order
    for (const ThreadState& th : ex.state.threads) {
        if (th.status != ThreadStatus::Running) continue;
        bool has_option = false;
        while (next < point.options.size() && point.options[next].thread <= th.id)
            has_option |= point.options[next++].thread == th.id;
        if (!has_option)
            point.blocked.push_back(footprint(th.id, in_.resolved_pending(ex.state, th.id), dependency_));
    }
}


bool Session::can_run_after(uint64_t position, const std::vector<ThreadId>& threads, ThreadId then) {
    RC_CHECK(ended_schedule_ && position <= ended_schedule_->size(),
             "what-if question outside the execution that just ended");
    // Start from the latest checkpoint of that execution at or before `position`.
    const Checkpoint* from = nullptr;
    for (const Checkpoint& cp : checkpoints_)
        if (cp.depth <= position) from = &cp;
    State s = from ? from->state : initial_;
    for (uint64_t i = from ? from->depth : 0; i < position; ++i) {
        const Choice& c = (*ended_schedule_)[i];
        in_.step(s, c.thread, c.timeout);
    }
    auto can_move = [&](ThreadId t) {
        return !s.ended && t.value < s.threads.size() &&
               s.thread(t).status == ThreadStatus::Running &&
               (in_.is_enabled(s, t) || in_.can_time_out(s, t));
    };
    for (ThreadId t : threads) {
        if (!can_move(t)) return false;
        in_.step(s, t, !in_.is_enabled(s, t));
    }
    return can_move(then);
}

StateKey Session::state_key(const State& s, const Detectors& detectors) {
    Fingerprinter& fp = *fingerprinter_;
    const Fingerprint base = fp(s);
    std::vector<HistoryItem> items;
    for (const auto& d : detectors) d->history(items);
    if (items.empty()) return {base.hi, base.lo};
    std::vector<std::array<uint64_t, 3>> renamed;
    for (const HistoryItem& h : items) {
        const uint64_t t = h.thread.valid() && h.thread.value < fp.rank().size() ? fp.rank()[h.thread.value] : UINT32_MAX;
        renamed.push_back({t, fp.canonical_object(h.object), h.word});
    }
    std::sort(renamed.begin(), renamed.end());
    Hasher128 h;
    h.mix(base.hi);
    h.mix(base.lo);
    for (const auto& r : renamed)
        for (uint64_t w : r) h.mix(w);
    const Fingerprint out = h.value();
    return {out.hi, out.lo};
}

void Session::save_checkpoint(const Execution& ex, const Detectors& detectors) {
    Checkpoint cp;
    if (!spare_checkpoints_.empty()) { // reuse the buffers of one that was dropped
        cp = std::move(spare_checkpoints_.back());
        spare_checkpoints_.pop_back();
        cp.detectors.clear();
    }
    cp.depth = ex.schedule.size();
    cp.state = ex.state;
    for (const auto& d : detectors) cp.detectors.push_back(d->save());
    cp.preemptions = ex.preemptions;
    cp.last = ex.last;
    cp.spin = ex.spin;
    cp.local = ex.local;
    cp.local_depth = ex.local_depth;
    checkpoints_.push_back(std::move(cp));
    if (checkpoints_.size() > kMaxCheckpoints) thin_checkpoints();
}

void Session::thin_checkpoints() {
    // Dense near the deepest checkpoint, sparse far from it: a gap may be as wide as 1/16 of its
    // distance from the deepest one. Strategies backtrack from the end of the last execution
    // (DFS orders), so a resume replays few steps, and a long execution keeps O(log depth)
    // checkpoints instead of one per step (a 1M-step execution kept 1M states).
    const size_t tip = checkpoints_.back().depth;
    std::vector<Checkpoint> kept;
    kept.reserve(checkpoints_.size());
    size_t last_kept = tip;
    for (size_t i = checkpoints_.size(); i-- > 0;) {
        Checkpoint& cp = checkpoints_[i];
        if (i + 1 == checkpoints_.size() || last_kept - cp.depth > (tip - last_kept) / 16) {
            last_kept = cp.depth;
            kept.push_back(std::move(cp));
        } else if (spare_checkpoints_.size() < 4) {
            spare_checkpoints_.push_back(std::move(cp));
        }
    }
    std::reverse(kept.begin(), kept.end());
    checkpoints_ = std::move(kept);
}



void Session::begin_execution(Execution& ex, Detectors& detectors, size_t resume) {
    RC_CHECK(resume <= previous_.size(), "a strategy resumes deeper than the previous execution");
    while (!checkpoints_.empty() && checkpoints_.back().depth > resume) {
        if (spare_checkpoints_.size() < 4) spare_checkpoints_.push_back(std::move(checkpoints_.back()));
        checkpoints_.pop_back();
    }
    ex.ask_from = resume;
    ex.state = std::move(spare_state_); // copy into buffers a previous execution left
    if (resume == 0 || checkpoints_.empty()) {
        checkpoints_.clear();
        ex.state = initial_;
        for (auto& d : detectors) d->begin_execution(in_, ex.state);
        return;
    }
    const Checkpoint& cp = checkpoints_.back();
    ex.state = cp.state;
    for (size_t i = 0; i < detectors.size(); ++i) detectors[i]->restore(cp.detectors[i]);
    ex.schedule.assign(previous_.begin(), previous_.begin() + static_cast<long>(cp.depth));
    ex.preemptions = cp.preemptions;
    ex.last = cp.last;
    ex.spin = cp.spin;
    ex.local = cp.local;
    ex.local_depth = cp.local_depth;
}

void Session::run_execution(Execution& ex, Detectors& detectors, const Chooser& choose,
                            Strategy* strategy) {
    Sink sink([&](Finding f) { record_finding(ex, std::move(f)); }, ex.refusal);
    ChoicePoint point;
    size_t printed = ex.state.output.size();
    const std::function<bool()> stop = [&] { return stop_now(ex); }; // the poll of long steps
    for (;;) {
        const uint64_t step = ex.schedule.size();
        point.options.clear();
        point.ops.clear();
        point.last_index.reset();
        // The options are Interpreter::schedulable()'s threads, each asked once per branch;
        // only live threads are looked at, so a step costs time in them, not in every thread
        // the program ever started.
        for (ThreadId t : ex.state.live_threads) {
            if (ex.state.ended || ex.state.limit || ex.state.refusal || ex.refusal) break;
            const ThreadState& th = ex.state.thread(t);
            if (th.status != ThreadStatus::Running) continue;
            if (ex.spin.spins(t)) continue;
            const PendingOp& op = ex.state.thread(t).pending;
            if (in_.is_enabled(ex.state, t)) {
                if (t == ex.last) point.last_index = point.options.size();
                point.options.push_back({t, false});
                point.ops.push_back(op);
            }
            if (in_.can_time_out(ex.state, t)) {
                point.options.push_back({t, true});
                point.ops.push_back(op);
            }
        }
        const bool asking = strategy && step >= ex.ask_from;
        if (asking && strategy->wants_footprints()) add_footprints(ex, point);
        if (asking && strategy->stateful()) {
            point.daemon.clear();
            for (const Choice& c : point.options) point.daemon.push_back(in_.is_daemon(ex.state, c.thread));
            point.state = state_key(ex.state, detectors);
            fingerprinter_->collect_garbage(ex.state); // before it is copied into a checkpoint
        }
        // Strategies resume only where they can choose again: at states with several options.
        // A checkpoint copies the state, a resume replays the steps after it: with a large heap,
        // checkpoints are spaced so that the copies cost about what the replays do.
        if (ex.save && checkpoint_interval_ && step % checkpoint_interval_ == 0 &&
            point.options.size() > 1 &&
            (checkpoints_.empty() ||
             checkpoints_.back().depth + 1 + ex.state.heap.size() / 16 <= step))
            save_checkpoint(ex, detectors);
        if (ex.per_state)
            for (auto& d : detectors) d->on_state(in_, ex.state, sink);
        point.step = step;
        point.last = ex.last;
        point.busy_wait_cut = ex.spin.any();
        if (point.options.empty()) break;
        if (step >= budgets_.max_steps) {
            ex.end.step_limit = true;
            break;
        }
        // A long execution looks at the clock and asks the progress hook now and then: the
        // time budget and Ctrl-C hold within it, and the progress line moves. Not while it
        // repeats the previous execution's prefix: a strategy expects the whole prefix replayed
        // (DFS checks it), and the prefix is as long as an execution that ended.
        const bool may_stop = ex.timed && step >= ex.ask_from;
        if (may_stop && !budgets_.whole_executions && step && (step & 0xff) == 0 && stop_now(ex)) {
            ex.end.step_limit = true;
            break;
        }
        std::optional<size_t> pick;
        if (step < ex.ask_from) { // repeating the previous execution up to where it branches
            for (size_t i = 0; i < point.options.size(); ++i)
                if (point.options[i] == previous_[step]) pick = i;
            RC_CHECK(pick.has_value(), "a resumed execution cannot repeat its prefix (the program "
                                       "is not deterministic)");
        } else {
            pick = choose(point);
        }
        if (!pick) break;
        if (*pick == Strategy::kStop && strategy) {
            ex.stopped = true;
            break;
        }
        RC_CHECK(*pick < point.options.size(), "strategy chose an option that does not exist");
        Choice c = point.options[*pick];
        bool preempted = point.last_index.has_value() && c.thread != ex.last;
        if (preempted) ex.preemptions++;
        Event ev = in_.step(ex.state, c.thread, c.timeout, may_stop ? &stop : nullptr);
        if (ex.state.limit.kind == LimitHit::Kind::Stopped) { // inside one long step
            ex.end.step_limit = true;
            ex.stopped_mid_step = true;
            break;
        }
        ex.schedule.push_back(c);
        ex.last = c.thread;
        identity_seen_ |= ev.observed_identity;
        if (asking) strategy->on_event(ev, footprint(ev, dependency_));
        for (auto& d : detectors) d->on_step(in_, step + 1, ev, ex.state, sink);
        // Busy-wait detection: a read-only step that brings its thread back to a state it was in
        // since the last shared change cannot lead anywhere new until another thread writes.
        if (ex.spin_detection) ex.spin.on_step(ex.state, c.thread, ev);
        if (ex.trace) {
            TraceStep ts;
            ts.choice = c;
            ts.event = ev;
            ts.name = ex.trace->name_index(in_.thread_name_view(ex.state, c.thread),
                                           ex.trace->steps.empty() ? 0 : ex.trace->steps.back().name);
            ts.line = ctx_.display_line(ev.line);
            ts.operation = in_.describe_event(ex.state, ev);
            ts.preempted = preempted;
            ts.output = ex.state.output.substr(printed);
            printed = ex.state.output.size();
            ex.trace->steps.push_back(std::move(ts));
        }
    }
    if (strategy && ex.schedule.size() >= ex.ask_from) strategy->on_end_state(point);
    ex.end.status = in_.status(ex.state);
    if (ex.end.status == RunStatus::Running && !ex.end.step_limit && point.options.empty()) {
        // Only spinning threads could move: a busy-wait that no thread can release.
        ex.end.status = RunStatus::Blocked;
        for (size_t t = 0; t < ex.spin.spinning.size(); ++t)
            if (ex.spin.spinning[t]) ex.end.spinning.push_back(ThreadId(static_cast<uint32_t>(t)));
    }
}

bool Session::stop_now(Execution& ex) {
    const auto t = std::chrono::steady_clock::now();
    if (t >= deadline_) {
        ex.out_of_time = true;
        return true;
    }
    if (progress_ && progress_now_) {
        SearchProgress p = *progress_now_;
        p.depth = ex.schedule.size();
        p.preemptions = std::max(p.preemptions, ex.preemptions);
        p.seconds = std::chrono::duration<double>(t - start_).count();
        if (!(*progress_)(p)) {
            ex.interrupted = true;
            return true;
        }
    }
    return false;
}

void Session::finish_execution(Execution& ex, Detectors& detectors, const ChoicePoint& last) {
    (void)last;
    Sink sink([&](Finding f) { record_finding(ex, std::move(f)); }, ex.refusal);
    if (ex.state.refusal && !ex.refusal) ex.refusal = ex.state.refusal;
    if (!ex.refusal && !ex.stopped_mid_step) // a refused execution has no verdict
        for (auto& d : detectors) d->end_execution(in_, ex.state, ex.end, sink);
}

void Session::report_cycle(const FairCycle& cycle, Detectors& detectors,
                           std::map<std::string, Finding>& found,
                           std::map<std::string, Outcome>& outcomes) {
    std::vector<Choice> schedule = cycle.stem;
    schedule.insert(schedule.end(), cycle.cycle.begin(), cycle.cycle.end());
    Execution ex;
    ex.spin_detection = false;
    ex.per_state = true;
    ex.state = initial_;
    for (auto& d : detectors) d->begin_execution(in_, ex.state);
    auto follow = [&](const ChoicePoint& p) -> std::optional<size_t> {
        if (p.step >= schedule.size()) return std::nullopt;
        for (size_t i = 0; i < p.options.size(); ++i)
            if (p.options[i] == schedule[p.step]) return i;
        RC_CHECK(false, "a fair cycle's witness does not replay");
        return std::nullopt;
    };
    run_execution(ex, detectors, follow, nullptr);
    ex.end = ExecutionEnd{};
    ex.end.status = RunStatus::Running;
    ex.end.fair_cycle = true;
    ex.end.cycle_length = cycle.cycle.size();
    if (cycle.reads_only)
        for (const Choice& c : cycle.cycle)
            if (std::find(ex.end.spinning.begin(), ex.end.spinning.end(), c.thread) == ex.end.spinning.end())
                ex.end.spinning.push_back(c.thread);
    std::sort(ex.end.spinning.begin(), ex.end.spinning.end());
    finish_execution(ex, detectors, ChoicePoint{});
    complete_findings(ex);
    merge_findings(found, ex.local);
    // The program does not end there: a busy-wait hangs, a cycle with progress runs forever.
    ex.end.status = cycle.reads_only ? RunStatus::Blocked : RunStatus::Diverged;
    record_outcome(ex, outcomes);
}

SearchResult Session::run(Strategy& strategy, const ProgressHook& progress) {
    const bool stateful = strategy.stateful();
    DetectorContext dctx = ctx_;
    dctx.per_state = stateful;
    bool symmetric = stateful && symmetry_allowed_;
    const auto start = std::chrono::steady_clock::now();
    deadline_ = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                            std::chrono::duration<double>(std::min(budgets_.max_seconds, 1e9)));
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    start_ = start;
    progress_ = progress ? &progress : nullptr;
    struct Forget { // the hook and the progress record live only as long as this call
        Session& s;
        ~Forget() { s.progress_ = nullptr, s.progress_now_ = nullptr; }
    } forget{*this};
    strategy.set_what_if(this);
    checkpoint_interval_ = strategy.checkpoint_interval();
    for (;;) { // a stateful search runs again, without symmetry, when symmetry does not apply
        auto detectors = make_detectors(dctx);
        if (stateful)
            fingerprinter_ = std::make_unique<Fingerprinter>(FingerprintOptions{
                symmetric, reads_clock_, static_cast<uint32_t>(in_.program().string_constants.size())});
        identity_seen_ = false;
        checkpoints_.clear();
        previous_.clear();
        std::map<std::string, Finding> found;
        std::map<std::string, Outcome> outcomes;
        SearchResult r;
        uint64_t& runs = r.runs; // executions run, repeats included (the budget counts work done)
        SearchProgress now;
        progress_now_ = &now;
        bool again = false;
        for (;;) {
            if (runs >= budgets_.max_executions) {
                r.stopped_by = StopReason::MaxExecutions;
                break;
            }
            if (elapsed() >= budgets_.max_seconds) {
                r.stopped_by = StopReason::MaxSeconds;
                break;
            }
            if (!strategy.begin_execution()) {
                r.stopped_by = strategy.stop_reason();
                break;
            }
            Execution ex;
            ex.save = true;
            ex.per_state = stateful;
            ex.spin_detection = !stateful;
            ex.timed = true;
            begin_execution(ex, detectors, strategy.resume_depth());
            run_execution(
                ex, detectors, [&](const ChoicePoint& p) { return std::optional<size_t>(strategy.choose(p)); },
                &strategy);
            finish_execution(ex, detectors, ChoicePoint{});
            complete_findings(ex);
            ended_schedule_ = &ex.schedule;
            strategy.end_execution();
            ended_schedule_ = nullptr;
            previous_ = ex.schedule;
            if (!ex.stopped || !stateful) ++runs; // a stateful search's cut paths are not executions
            if (ex.refusal) { // the first refusal met stops the search: no verdict
                r.refusal = std::move(ex.refusal);
                found.clear();
                outcomes.clear();
                r.stopped_by = StopReason::Exhausted;
                r.executions++;
                spare_state_ = std::move(ex.state);
                break;
            }
            struct KeepBuffers { // whatever happens below, the next execution reuses this state's
                State& into;
                State& from;
                ~KeepBuffers() { into = std::move(from); }
            } keep{spare_state_, ex.state};
            if (symmetric && identity_seen_) { // the program can tell threads apart
                again = true;
                break;
            }
            if (ex.out_of_time || ex.interrupted) { // the time budget ran out or Ctrl-C came
                merge_findings(found, ex.local); // inside it: its findings stand, it is no
                if (!ex.stopped || !stateful) --runs; // execution (it did not end)
                r.stopped_by = ex.interrupted ? StopReason::Interrupted : StopReason::MaxSeconds;
                break;
            }
            if (ex.stopped || strategy.repeat_execution()) {
                // Redundant, or seen before: its findings stand, nothing is counted again.
                merge_findings(found, ex.local, false);
                if (ex.stopped) r.redundant_executions++;
            } else {
                merge_findings(found, ex.local);
                r.executions++;
                r.steps += ex.schedule.size();
                if (ex.end.step_limit) r.cut_executions++;
                if (ex.state.limit && r.limit_executions++ == 0)
                    r.limit = in_.describe_limit(
                        ex.state, [this](uint32_t l) { return ctx_.display_line(l); });
                record_outcome(ex, outcomes);
            }
            if (progress) {
                now.runs = runs, now.executions = r.executions, now.steps = r.steps;
                now.depth = ex.schedule.size(), now.findings = found.size();
                now.preemptions = std::max(now.preemptions, ex.preemptions);
                now.seconds = elapsed();
                if (!progress(now)) {
                    r.stopped_by = StopReason::Interrupted;
                    break;
                }
            }
        }
        if (!again && !r.refusal && stateful && r.stopped_by == StopReason::Exhausted) {
            std::vector<FairCycle> cycles = strategy.fair_cycles();
            if ((symmetric || strategy.reduced()) && !cycles.empty()) {
                again = true; // cycle analysis needs concrete threads and every transition
            } else {
                for (const FairCycle& c : cycles)
                    if (c.fair) report_cycle(c, detectors, found, outcomes);
            }
        }
        if (again) {
            strategy.restart();
            symmetric = false;
            continue;
        }
        r.seconds = elapsed();
        r.coverage = strategy.coverage();

        r.redundant_executions = std::max(r.redundant_executions, strategy.redundant_executions());
        r.states = strategy.states();
        r.memory_bytes = strategy.memory_bytes();
        r.memory_bound = strategy.memory_bound();
        r.symmetry = symmetric;
        for (auto& [k, f] : found) r.findings.push_back(std::move(f));
        std::stable_sort(r.findings.begin(), r.findings.end(),
                         [](const Finding& a, const Finding& b) { return a.kind < b.kind; });
        for (auto& [k, o] : outcomes) r.outcomes.push_back(std::move(o));
        drop_unclosed_lock_cycles(r);
        checkpoints_.clear();
        return r;
    }
}

Trace Session::replay(const std::vector<Choice>& schedule, std::vector<Finding>* findings) {
    Trace t;
    t.steps.reserve(schedule.size());
    const State* state = nullptr; // the replay's state, for the names of a divergence
    auto follow = [&](const ChoicePoint& p) -> std::optional<size_t> {
        if (p.step >= schedule.size()) return std::nullopt;
        const Choice& want = schedule[p.step];
        for (size_t i = 0; i < p.options.size(); ++i)
            if (p.options[i] == want) return i;
        std::string can;
        for (const Choice& c : p.options) {
            if (!can.empty()) can += ", ";
            can += in_.thread_name(*state, c.thread) + (c.timeout ? " (timeout)" : "");
        }
        std::string want_name = want.thread.value < state->threads.size()
                                    ? in_.thread_name(*state, want.thread)
                                    : "thread #" + std::to_string(want.thread.value);
        t.divergence = std::make_pair(p.step + 1, "the schedule runs " + want_name +
                                                      (want.timeout ? " (timeout)" : "") +
                                                      " but only " + can + " can move");
        return std::nullopt;
    };
    run_replay(t, follow, findings, &state);
    return t;
}

Trace Session::replay_choosing(const std::function<std::optional<size_t>(const ChoicePoint&)>& choose,
                               std::vector<Finding>* findings, size_t expected_steps) {
    Trace t;
    t.steps.reserve(expected_steps);
    run_replay(t, choose, findings, nullptr);
    return t;
}

void Session::run_replay(Trace& t, const Chooser& choose, std::vector<Finding>* findings,
                          const State** state) {
    auto detectors = make_detectors(ctx_);
    std::map<std::string, Finding> found;
    Execution ex;
    ex.trace = &t;
    if (state) *state = &ex.state;
    ex.state = initial_;
    for (auto& d : detectors) d->begin_execution(in_, ex.state);
    run_execution(ex, detectors, choose, nullptr);
    finish_execution(ex, detectors, ChoicePoint{});
    complete_findings(ex);
    merge_findings(found, ex.local);
    t.end = ex.end;
    t.refusal = ex.refusal;
    t.output = ex.state.output;
    for (const ThreadState& th : ex.state.threads) {
        if (th.status != ThreadStatus::Running || ex.state.ended) continue;
        t.blocked_threads.push_back(in_.thread_name(ex.state, th.id));
        t.blocked.push_back(in_.thread_name(ex.state, th.id) + " (line " +
                            std::to_string(ctx_.display_line(th.pending.line)) + ") " +
                            in_.describe_wait(ex.state, th.id, [this](uint32_t l) { return ctx_.display_line(l); }));
    }
    t.final_state = std::move(ex.state);
    if (findings) {
        for (auto& [k, f] : found) findings->push_back(std::move(f));
        std::stable_sort(findings->begin(), findings->end(),
                         [](const Finding& a, const Finding& b) { return a.kind < b.kind; });
    }
}

uint32_t Session::count_preemptions(const std::vector<Choice>& schedule) {
    // What replay() would mark as preempted, without its trace and detectors (a witness can
    // have a million steps): up to the end of the schedule or where it stops fitting.
    Detectors none;
    Execution ex;
    ex.state = initial_;
    run_execution(
        ex, none,
        [&](const ChoicePoint& p) -> std::optional<size_t> {
            if (p.step >= schedule.size()) return std::nullopt;
            for (size_t i = 0; i < p.options.size(); ++i)
                if (p.options[i] == schedule[p.step]) return i;
            return std::nullopt;
        },
        nullptr);
    return ex.preemptions;
}

DependencyContext dependency_context(const Program& p) {
    DependencyContext c;
    c.observed_vars.assign(p.globals.size(), false);
    for (FuncId f : p.always_checks)
        for (const Instr& in : p.code[f.value].code)
            if (in.op == Op::LoadGlobal) c.observed_vars[in.a] = true;
    c.observes_containers = !p.always_checks.empty();
    // Conservative, by name: a Thread or executor constructed in any function other than the
    // module body (the functions threads run) takes a name from the shared counters.
    auto names_thread_ctor = [&](const std::string& n) {
        return n == "Thread" || n == "ThreadPoolExecutor";
    };
    for (size_t f = 1; f < p.code.size() && f < p.first_prelude_code; ++f)
        for (const Instr& in : p.code[f].code) {
            if (in.op == Op::LoadAttr && names_thread_ctor(p.names[in.a])) c.names_in_threads = true;
            if (in.op == Op::LoadGlobal && names_thread_ctor(p.globals[in.a].name)) c.names_in_threads = true;
            if (in.op == Op::LoadBuiltin && (static_cast<BuiltinId>(in.a) == BuiltinId::Thread ||
                                             static_cast<BuiltinId>(in.a) == BuiltinId::ThreadPoolExecutor))
                c.names_in_threads = true;
        }
    for (const std::string& n : p.names) c.reads_thread_count |= n == "active_count";
    for (const std::string& n : p.names) c.maps_on_pools |= n == "map";
    for (const GlobalInfo& g : p.globals) c.reads_thread_count |= g.name == "active_count";
    c.thread_end_steps = observes_thread_ends(p);
    return c;
}

std::vector<uint32_t> fixed_module_globals(const Program& p) {
    std::vector<uint32_t> vars;
    if (p.code.empty()) return vars;
    const std::vector<Instr>& body = p.code[0].code;
    for (size_t i = 0; i < body.size(); ++i) {
        // A constant bound once (`N = 4`, `from concurrent.futures import FIRST_COMPLETED`) is
        // the same in every execution: no outcome either.
        if (body[i].op == Op::StoreGlobal && i > 0 && body[i - 1].op == Op::LoadConst &&
            p.globals[body[i].a].write_once && !p.globals[body[i].a].is_param &&
            std::find(vars.begin(), vars.end(), body[i].a) == vars.end())
            vars.push_back(body[i].a);
        if (body[i].op != Op::ForIter) continue;
        size_t j = i + 1; // the loop's targets: `for x in`, `for a, b in`
        if (j < body.size() && body[j].op == Op::UnpackSequence) ++j;
        for (; j < body.size() && body[j].op == Op::StoreGlobal; ++j)
            if (std::find(vars.begin(), vars.end(), body[j].a) == vars.end()) vars.push_back(body[j].a);
    }
    return vars;
}

void drop_unclosed_lock_cycles(SearchResult& r) {
    if (!r.exhaustive()) return;
    for (const Finding& f : r.findings)
        if (f.kind == FindingKind::Deadlock) return;
    std::erase_if(r.findings, [](const Finding& f) { return f.kind == FindingKind::PotentialDeadlock; });
}

std::vector<std::string> outcome_globals(const Program& p) {
    std::vector<std::string> names;
    auto scan = [&](FuncId f) {
        for (const Instr& in : p.code[f.value].code) {
            if (in.op != Op::LoadGlobal) continue;
            const std::string& n = p.globals[in.a].name;
            if (p.globals[in.a].is_param) continue;
            if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
        }
    };
    for (FuncId f : p.final_checks) scan(f);
    for (FuncId f : p.always_checks) scan(f);
    return names;
}

} // namespace rc
