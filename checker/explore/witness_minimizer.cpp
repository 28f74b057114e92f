// Iterative preemption bounding as a witness minimizer (see witness_minimizer.hpp).
#include "checker/explore/witness_minimizer.hpp"

#include <algorithm> // max, any_of
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
