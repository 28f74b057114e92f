// The Session: executions, scheduling points, busy-wait detection, witnesses, outcomes, budgets.
#include "checker/explore/session.hpp"

#include <algorithm> // find, sort
#include <chrono>    // the time budget
#include <map>       // findings and outcomes in a deterministic order
#include <unordered_set> // spin histories

#include "model/check.hpp" // RC_CHECK

namespace rc {

namespace {

/// Steps that change nothing another thread could observe. A thread that only does these and
/// comes back to a state it was in cannot make progress until another thread changes something.
bool read_like(const Event& e) {
    switch (e.kind) {
    case OpKind::GlobalRead:
    case OpKind::ContainerRead:
    case OpKind::LockQuery:
    case OpKind::ThreadQuery:
    case OpKind::FutureQuery:
    case OpKind::QueueQuery:
    case OpKind::EventIsSet:
    case OpKind::Sleep: return true;
    case OpKind::LockAcquire:
    case OpKind::SemAcquire: return e.value.tag == VTag::Bool && e.value.i == 0;
    case OpKind::EventWait:
    case OpKind::ThreadJoin:
    case OpKind::FutureResult:
    case OpKind::QueueGet:
    case OpKind::QueuePut: return e.timed_out || e.raised;
    default: return false;
    }
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

} // namespace

struct Session::Execution {
    State state;
    std::vector<Choice> schedule;
    uint32_t preemptions = 0;
    ThreadId last;
    std::map<std::string, Finding> local; // this execution's findings, best witness per key
    Trace* trace = nullptr;
    const std::vector<Choice>* follow = nullptr; // replay: the choices to take
    Strategy* strategy = nullptr;
    ExecutionEnd end;
    std::optional<Refusal> refusal; // the program's (State::refusal) or a check's
    // busy-wait detection: per thread, fingerprints seen since the last shared change
    std::vector<std::unordered_set<uint64_t>> spin_history;
    std::vector<bool> spinning;
};

namespace {

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

} // namespace

Session::Session(const Interpreter& in, std::vector<int64_t> params, DetectorContext ctx,
                 Budgets budgets, std::vector<std::string> watched)
    : in_(in), params_(std::move(params)), ctx_(std::move(ctx)), budgets_(budgets),
      watched_(std::move(watched)), initial_(in.initial_state(params_)) {}

void Session::record_finding(Execution& ex, Finding f) {
    f.schedule = ex.schedule;
    f.preemptions = ex.preemptions;
    f.count = 1;
    auto [it, inserted] = ex.local.emplace(f.key, f);
    if (!inserted && witness_rank(f) < witness_rank(it->second)) it->second = std::move(f);
}

namespace {
/// Adds one execution's findings to the search's: counts it once per key, keeps the best witness.
void merge_findings(std::map<std::string, Finding>& found, std::map<std::string, Finding>& local) {
    for (auto& [key, f] : local) {
        auto [it, inserted] = found.emplace(key, f);
        if (inserted) continue;
        uint64_t count = it->second.count + 1;
        if (witness_rank(f) < witness_rank(it->second)) it->second = std::move(f);
        it->second.count = count;
    }
    local.clear();
}
} // namespace

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
            o.values.emplace_back(p.globals[g].name, in_.repr(s, v));
        }
    }
    o.output = s.output;
    switch (ex.end.status) {
    case RunStatus::Ended: o.ending = "ended"; break;
    case RunStatus::Blocked: o.ending = "hangs"; break;
    case RunStatus::Diverged: o.ending = "runs forever"; break;
    case RunStatus::Running: o.ending = "cut by the step limit"; break;
    case RunStatus::Refused: o.ending = "refused"; break; // never recorded: the search stops
    }
    std::string key = o.ending + '\x1f' + o.output;
    for (auto& [n, v] : o.values) key += '\x1f' + n + '=' + v;
    auto [it, inserted] = outcomes.emplace(key, o);
    if (inserted) it->second.schedule = ex.schedule;
    it->second.count++;
}

void Session::run_execution(Execution& ex, std::vector<std::unique_ptr<Detector>>& detectors,
                            const Chooser& choose, Strategy* strategy) {
    ex.state = initial_;
    for (auto& d : detectors) d->begin_execution(in_, ex.state);
    Sink sink([&](Finding f) { record_finding(ex, std::move(f)); }, ex.refusal);
    ChoicePoint point;
    size_t printed = ex.state.output.size();
    for (uint64_t step = 0;; ++step) {
        point.options.clear();
        point.ops.clear();
        point.last_index.reset();
        // The options are Interpreter::schedulable()'s threads, each asked once per branch.
        for (const ThreadState& th : ex.state.threads) {
            if (ex.state.ended || ex.state.refusal || ex.refusal) break;
            ThreadId t = th.id;
            if (th.status != ThreadStatus::Running) continue;
            if (t.value < ex.spinning.size() && ex.spinning[t.value]) continue;
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
        if (point.options.empty()) break;
        if (step >= budgets_.max_steps) {
            ex.end.step_limit = true;
            break;
        }
        point.step = step;
        point.last = ex.last;
        std::optional<size_t> pick = choose(point);
        if (!pick) break;
        RC_CHECK(*pick < point.options.size(), "strategy chose an option that does not exist");
        Choice c = point.options[*pick];
        bool preempted = point.last_index.has_value() && c.thread != ex.last;
        if (preempted) ex.preemptions++;
        Event ev = in_.step(ex.state, c.thread, c.timeout);
        ex.schedule.push_back(c);
        ex.last = c.thread;
        if (strategy) strategy->on_event(ev);
        for (auto& d : detectors) d->on_step(in_, step + 1, ev, ex.state, sink);
        // Busy-wait detection: a read-only step that brings its thread back to a state it was in
        // since the last shared change cannot lead anywhere new until another thread writes.
        if (ex.spin_history.size() < ex.state.threads.size()) {
            ex.spin_history.resize(ex.state.threads.size());
            ex.spinning.resize(ex.state.threads.size(), false);
        }
        if (read_like(ev)) {
            if (!ex.spin_history[c.thread.value].insert(hash_thread_view(ex.state, c.thread)).second)
                ex.spinning[c.thread.value] = true;
        } else {
            for (auto& h : ex.spin_history) h.clear();
            std::fill(ex.spinning.begin(), ex.spinning.end(), false);
        }
        if (ex.trace) {
            TraceStep ts;
            ts.choice = c;
            ts.event = ev;
            ts.thread = in_.thread_name(ex.state, c.thread);
            ts.line = ctx_.display_line(ev.line);
            ts.operation = in_.describe_event(ex.state, ev);
            ts.preempted = preempted;
            ts.output = ex.state.output.substr(printed);
            printed = ex.state.output.size();
            ex.trace->steps.push_back(std::move(ts));
        }
    }
    ex.end.status = in_.status(ex.state);
    if (ex.end.status == RunStatus::Running && !ex.end.step_limit && point.options.empty()) {
        // Only spinning threads could move: a busy-wait that no thread can release.
        ex.end.status = RunStatus::Blocked;
        for (size_t t = 0; t < ex.spinning.size(); ++t)
            if (ex.spinning[t]) ex.end.spinning.push_back(ThreadId(static_cast<uint32_t>(t)));
    }
    if (ex.state.refusal && !ex.refusal) ex.refusal = ex.state.refusal;
    if (!ex.refusal) // a refused execution has no verdict
        for (auto& d : detectors) d->end_execution(in_, ex.state, ex.end, sink);
}

SearchResult Session::run(Strategy& strategy) {
    auto detectors = make_detectors(ctx_);
    std::map<std::string, Finding> found;
    std::map<std::string, Outcome> outcomes;
    SearchResult r;
    uint64_t runs = 0; // executions run, repeats included (the budget counts work done)
    auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
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
        run_execution(
            ex, detectors, [&](const ChoicePoint& p) { return std::optional<size_t>(strategy.choose(p)); },
            &strategy);
        strategy.end_execution();
        ++runs;
        if (ex.refusal) { // the first refusal met stops the search: no verdict
            r.refusal = std::move(ex.refusal);
            found.clear();
            outcomes.clear();
            r.stopped_by = StopReason::Exhausted;
            r.executions++;
            break;
        }
        if (strategy.repeat_execution()) continue; // seen at a lower bound: not counted again
        merge_findings(found, ex.local);
        r.executions++;
        r.steps += ex.schedule.size();
        if (ex.end.step_limit) r.cut_executions++;
        record_outcome(ex, outcomes);
    }
    r.seconds = elapsed();
    r.coverage = strategy.coverage();
    for (auto& [k, f] : found) r.findings.push_back(std::move(f));
    std::stable_sort(r.findings.begin(), r.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.kind < b.kind; });
    for (auto& [k, o] : outcomes) r.outcomes.push_back(std::move(o));
    return r;
}

Trace Session::replay(const std::vector<Choice>& schedule, std::vector<Finding>* findings) {
    auto detectors = make_detectors(ctx_);
    std::map<std::string, Finding> found;
    Trace t;
    Execution ex;
    ex.trace = &t;
    auto follow = [&](const ChoicePoint& p) -> std::optional<size_t> {
        if (p.step >= schedule.size()) return std::nullopt;
        const Choice& want = schedule[p.step];
        for (size_t i = 0; i < p.options.size(); ++i)
            if (p.options[i] == want) return i;
        std::string can;
        for (const Choice& c : p.options) {
            if (!can.empty()) can += ", ";
            can += in_.thread_name(ex.state, c.thread) + (c.timeout ? " (timeout)" : "");
        }
        std::string want_name = want.thread.value < ex.state.threads.size()
                                    ? in_.thread_name(ex.state, want.thread)
                                    : "thread #" + std::to_string(want.thread.value);
        t.divergence = std::make_pair(p.step + 1, "the schedule runs " + want_name +
                                                      (want.timeout ? " (timeout)" : "") +
                                                      " but only " + can + " can move");
        return std::nullopt;
    };
    run_execution(ex, detectors, follow, nullptr);
    merge_findings(found, ex.local);
    t.end = ex.end;
    t.refusal = ex.refusal;
    t.output = ex.state.output;
    for (const ThreadState& th : ex.state.threads) {
        if (th.status != ThreadStatus::Running || ex.state.ended) continue;
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
    return t;
}

uint32_t Session::count_preemptions(const std::vector<Choice>& schedule) {
    Trace t = replay(schedule);
    uint32_t n = 0;
    for (const TraceStep& s : t.steps) n += s.preempted;
    return n;
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
