// Iterative preemption bounding as a witness minimizer (see witness_minimizer.hpp).
#include "checker/explore/witness_minimizer.hpp"

#include <algorithm> // max, any_of, sort, find
#include <chrono>    // simplify_witnesses' time budget
#include <functional> // the time check passed to constrained_schedule
#include <optional>  // a pick
#include <utility>   // pair

#include "checker/strategies/preemption_bounding_strategy.hpp" // PreemptionBoundingStrategy

namespace rc {

WitnessMinimization minimize_witnesses(const Interpreter& in, std::vector<int64_t> params,
                                       DetectorContext ctx, std::vector<std::string> watched,
                                       Budgets budget, SearchResult& r) {
    WitnessMinimization m;
    ctx.per_state = false;
    Session session(in, std::move(params), std::move(ctx), budget, std::move(watched));
    uint32_t worst = 0;
    for (Finding& f : r.findings) {
        f.preemptions = session.count_preemptions(f.schedule); // exact (per-state ones are bounds)
        worst = std::max(worst, f.preemptions);
    }
    if (worst == 0) return m;
    m.bound = worst - 1;
    PreemptionBoundingStrategy pb(m.bound);
    SearchResult found = session.run(pb);
    m.complete = found.stopped_by == StopReason::Exhausted || found.stopped_by == StopReason::BoundReached;
    m.executions = found.executions;
    auto rank = [](const Finding& x) { return std::make_pair(x.preemptions, x.schedule.size()); };
    auto key_taken = [&](const std::string& key) {
        return std::any_of(r.findings.begin(), r.findings.end(),
                           [&](const Finding& x) { return x.key == key; });
    };
    for (Finding& f : r.findings) {
        const Finding* pick = nullptr;
        for (const Finding& g : found.findings) // the same bug, shown with fewer preemptions
            if (g.key == f.key && rank(g) < rank(f)) pick = &g;
        if (!pick) // the same kind on the same variables (per-state and path detectors may
                   // name a race by different line pairs)
            for (const Finding& g : found.findings)
                if (g.kind == f.kind && g.variables == f.variables && rank(g) < rank(f) &&
                    !key_taken(g.key) && (!pick || rank(g) < rank(*pick)))
                    pick = &g;
        if (!pick) continue;
        const uint64_t count = f.count;
        f = *pick;
        f.count = count;
        ++m.improved;
    }
    return m;
}

} // namespace rc

namespace rc {

namespace {

/// A step to take in order: the thread's n-th step (1-based).
struct Mark {
    ThreadId thread;
    uint64_t nth = 0;
};

/// The steps a finding's witness highlights, as (thread, n-th step of that thread).
std::vector<Mark> marks_of(const Finding& f) {
    std::vector<uint64_t> steps;
    for (const Highlight& h : f.highlights)
        if (h.step >= 1 && h.step <= f.schedule.size()) steps.push_back(h.step);
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    std::vector<Mark> marks;
    std::vector<uint64_t> taken;
    size_t k = 0;
    for (uint64_t i = 0; i < f.schedule.size() && k < steps.size(); ++i) {
        const ThreadId t = f.schedule[i].thread;
        if (taken.size() <= t.value) taken.resize(t.value + 1, 0);
        ++taken[t.value];
        if (i + 1 == steps[k]) marks.push_back(Mark{t, taken[t.value]}), ++k;
    }
    return marks;
}

/// A candidate witness, run once with the detectors on.
struct Candidate {
    Trace trace;
    std::vector<Finding> found;
    bool ok = false; // the marks were taken in their order
};

/// The run that takes the marks in their order and otherwise lets the running thread go on
/// while it can, up to the last mark or (`to_end`) to the end of the program, or to where it
/// hangs (no thread can move, or only threads that busy-wait, as the Session's replay sees
/// them), recorded with the detectors on; not ok when the marks cannot be taken so, or when
/// `out_of_time()` says stop.
Candidate run_candidate(Session& session, const std::vector<Mark>& marks, bool to_end,
                        size_t expected_steps, const std::function<bool()>& out_of_time) {
    Candidate c;
    std::vector<uint64_t> taken;
    size_t next = 0;
    bool failed = false;
    auto steps_of = [&](ThreadId t) { return t.value < taken.size() ? taken[t.value] : 0; };
    // Whether t's next step is a mark other than the next one (then t must wait).
    auto waits = [&](ThreadId t) {
        for (size_t k = next + 1; k < marks.size(); ++k)
            if (marks[k].thread == t && marks[k].nth == steps_of(t) + 1) return true;
        return false;
    };
    // The Session leaves out of the options the threads that cannot move and those it stopped
    // as busy-waits, until some thread changes something (a program that spins forever ends
    // here as a hang, as its replay does).
    auto choose = [&](const ChoicePoint& p) -> std::optional<size_t> {
        if (!to_end && next == marks.size()) return std::nullopt; // every mark taken
        if ((p.step & 0xfff) == 0xfff && out_of_time()) {
            failed = true;
            return std::nullopt;
        }
        auto find = [&](ThreadId t, bool timeout) -> std::optional<size_t> {
            for (size_t i = 0; i < p.options.size(); ++i)
                if (p.options[i].thread == t && p.options[i].timeout == timeout && !waits(t)) return i;
            return std::nullopt;
        };
        std::optional<size_t> pick;
        if (p.last.valid()) pick = find(p.last, false);
        if (!pick && next < marks.size()) pick = find(marks[next].thread, false);
        for (size_t i = 0; !pick && i < p.options.size(); ++i)
            if (!p.options[i].timeout && !waits(p.options[i].thread)) pick = i;
        // nothing enabled: time passes for a thread that can time out
        for (size_t i = 0; !pick && i < p.options.size(); ++i)
            if (p.options[i].timeout && !waits(p.options[i].thread)) pick = i;
        if (!pick) { // every thread that can move must wait for a later mark
            failed = true;
            return std::nullopt;
        }
        const ThreadId t = p.options[*pick].thread;
        if (next < marks.size() && marks[next].thread == t && marks[next].nth == steps_of(t) + 1)
            ++next;
        if (taken.size() <= t.value) taken.resize(t.value + 1, 0);
        ++taken[t.value];
        return pick;
    };
    c.trace = session.replay_choosing(choose, &c.found, expected_steps);
    if (failed) return c;
    // The program hung (or a budget cut it) before every mark: a witness when the marks left are
    // steps of threads that now spin (a hang's last steps).
    for (size_t k = next; k < marks.size(); ++k)
        if (std::find(c.trace.end.spinning.begin(), c.trace.end.spinning.end(), marks[k].thread) ==
            c.trace.end.spinning.end())
            return c;
    c.ok = true;
    return c;
}

} // namespace

WitnessSimplification simplify_witnesses(const Interpreter& in, const std::vector<int64_t>& params,
                                         DetectorContext ctx, std::vector<std::string> watched,
                                         Budgets budget, SearchResult& r) {
    WitnessSimplification w;
    const auto start = std::chrono::steady_clock::now();
    auto out_of_time = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >=
               budget.max_seconds;
    };
    ctx.per_state = false;
    Session session(in, params, std::move(ctx), budget, std::move(watched));
    std::vector<std::vector<Mark>> lost_updates;
    for (const Finding& f : r.findings)
        if (f.kind == FindingKind::LostUpdate) lost_updates.push_back(marks_of(f));
    for (Finding& f : r.findings) {
        // A failed check or an exception after a lost update tries the lost update's marks first:
        // that run, a lost update then every thread to its end, is the likely witness, and a
        // large program's budget may allow one run to its end, not two.
        std::vector<std::vector<Mark>> candidates;
        if (f.kind == FindingKind::CheckFailed || f.kind == FindingKind::Exception)
            candidates = lost_updates;
        candidates.push_back(marks_of(f));
        for (const std::vector<Mark>& marks : candidates) {
            if (marks.empty()) continue; // nothing to keep in order: no candidate
            if (out_of_time()) return w;
            // A race or a lost update shows at its last highlighted step; other findings at the
            // end of the execution (a failed final check, a hang).
            const bool to_end =
                f.kind != FindingKind::DataRace && f.kind != FindingKind::LostUpdate;
            Candidate c = run_candidate(session, marks, to_end, f.schedule.size(), out_of_time);
            if (!c.ok) continue;
            ++w.replays;
            Trace& t = c.trace;
            const size_t length = t.steps.size();
            std::vector<Finding>& found = c.found;
            for (Finding& g : found) {
                if (g.key != f.key) continue;
                g.preemptions = 0; // exact: the replay marks every preemption
                for (size_t i = 0; i < g.schedule.size() && i < t.steps.size(); ++i)
                    g.preemptions += t.steps[i].preempted ? 1 : 0;
                if (std::make_pair(g.preemptions, g.schedule.size()) >=
                    std::make_pair(f.preemptions, f.schedule.size()))
                    break;
                const uint64_t count = f.count;
                f = std::move(g);
                f.count = count;
                ++w.improved;
                if (f.schedule.size() == length) w.traces[f.key] = std::move(t);
                else w.traces.erase(f.key); // a shorter prefix: its own replay ends elsewhere
                break;
            }
        }
    }
    return w;
}

} // namespace rc
