// The portfolio: probe, bug hunting for a large program, then the systematic search (portfolio.hpp).
#include "checker/explore/portfolio.hpp"

#include <algorithm> // stable_sort, min
#include <chrono>
#include <map>       // merging by key

#include "checker/strategies/pct_strategy.hpp"        // PctStrategy
#include "checker/strategies/stale_read_strategy.hpp" // StaleReadStrategy

namespace rc {

namespace {

std::string outcome_key(const Outcome& o) {
    std::string key = o.ending + '\x1f' + o.output;
    for (const auto& [n, v] : o.values) key += '\x1f' + n + '=' + v;
    return key;
}

bool stops_everything(const SearchResult& r) {
    return r.refusal || r.stopped_by == StopReason::Interrupted;
}

} // namespace

void merge_search(SearchResult& into, SearchResult part) {
    std::map<std::string, size_t> at;
    for (size_t i = 0; i < into.findings.size(); ++i) at[into.findings[i].key] = i;
    for (Finding& f : part.findings) {
        auto it = at.find(f.key);
        if (it == at.end()) {
            at[f.key] = into.findings.size();
            into.findings.push_back(std::move(f));
            continue;
        }
        Finding& have = into.findings[it->second];
        const uint64_t count = have.count + f.count;
        if (std::make_pair(f.preemptions, f.schedule.size()) <
            std::make_pair(have.preemptions, have.schedule.size()))
            have = std::move(f);
        have.count = count;
    }
    std::stable_sort(into.findings.begin(), into.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.kind < b.kind; });
    std::map<std::string, Outcome> outcomes;
    for (Outcome& o : into.outcomes) outcomes.emplace(outcome_key(o), std::move(o));
    for (Outcome& o : part.outcomes) {
        auto [it, fresh] = outcomes.emplace(outcome_key(o), o);
        if (!fresh) it->second.count += o.count;
    }
    into.outcomes.clear();
    for (auto& [k, o] : outcomes) into.outcomes.push_back(std::move(o));
    into.runs += part.runs;
    into.executions += part.executions;
    into.steps += part.steps;
    into.cut_executions += part.cut_executions;
    if (into.limit_executions == 0) into.limit = part.limit;
    into.limit_executions += part.limit_executions;
    into.redundant_executions += part.redundant_executions;
    if (!into.refusal) into.refusal = std::move(part.refusal);
}

SearchResult run_portfolio(Session& session, Strategy& systematic, const std::string& systematic_name,
                           const PortfolioOptions& options, const ProgressHook& progress) {
    const Budgets all = session.budgets();
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    struct Restore { // the session keeps its budgets whatever happens
        Session& s;
        Budgets b;
        ~Restore() { s.set_budgets(b); }
    } restore{session, all};
    auto part_budgets = [&](double seconds, uint64_t runs_so_far, uint64_t runs_cap) {
        Budgets b = all;
        b.max_seconds = std::max(0.0, std::min(seconds, all.max_seconds - elapsed()));
        b.max_executions = all.max_executions > runs_so_far ? all.max_executions - runs_so_far : 0;
        b.max_executions = std::min(b.max_executions, runs_cap);
        return b;
    };
    // Each hunter's share of the execution budget, as of the time budget: half the slice.
    const uint64_t hunt_runs = std::max<uint64_t>(
        1, static_cast<uint64_t>(static_cast<double>(all.max_executions) * options.hunt_share / 2));

    // The probe: PCT's first execution (round robin) measures the program.
    PctStrategy pct(options.seed, options.pct_depth, UINT64_MAX);
    // It runs to its end whatever the time budget (the step cap bounds it): on a loaded machine
    // a 1 M-step program would otherwise be cut mid-way and give no outcome and no failed check,
    // so what racecheck reports would depend on the machine's load. The time budget counts it,
    // and stops it only inside one step that runs long without a visible operation (a loop over
    // locals may run 50,000,000 instructions before racecheck's limit cuts it).
    Budgets probe_budgets = all;
    probe_budgets.max_executions = std::min<uint64_t>(1, all.max_executions);
    probe_budgets.whole_executions = true;
    session.set_budgets(probe_budgets);
    SearchResult hunt = session.run(pct, progress);
    const bool large = hunt.steps > options.large_steps || hunt.cut_executions > 0 ||
                       hunt.stopped_by == StopReason::MaxSeconds;
    if (stops_everything(hunt) || !large) {
        if (stops_everything(hunt)) {
            hunt.strategy = "pct";
            hunt.coverage = "the probe execution: " + pct.coverage();
            return hunt;
        }
        session.set_budgets(all); // small: the systematic search alone, as if the probe had not run
        SearchResult r = session.run(systematic, progress);
        r.strategy = systematic_name;
        return r;
    }

    // Bug hunting: half of the slice PCT, half stale-read preemptions. Unless `keep_going`, a
    // hunter runs one execution at a time and the search ends after the first execution that
    // shows a bug (the probe's included).
    const double slice = all.max_seconds * options.hunt_share;
    auto found_enough = [&] { return !options.keep_going && !hunt.findings.empty(); };
    auto hunt_with = [&](Strategy& hunter, double until) { // returns the executions it ran
        uint64_t ran = 0;
        while (!stops_everything(hunt) && !found_enough()) {
            Budgets b = part_budgets(until - elapsed(), hunt.runs, hunt_runs - std::min(ran, hunt_runs));
            if (!options.keep_going) b.max_executions = std::min<uint64_t>(b.max_executions, 1);
            if (b.max_executions == 0 || b.max_seconds <= 0) return ran;
            session.set_budgets(b);
            SearchResult more = session.run(hunter, progress);
            const StopReason why = more.stopped_by;
            const uint64_t runs = more.runs;
            ran += runs;
            merge_search(hunt, std::move(more));
            if (why == StopReason::Interrupted) hunt.stopped_by = why;
            // the hunter ran out of time or of executions, or has nothing more to try
            if (why != StopReason::MaxExecutions || options.keep_going || runs == 0) return ran;
        }
        return ran;
    };
    hunt_with(pct, slice / 2);
    std::string coverage = pct.coverage();
    StaleReadStrategy stale(options.seed, 2, UINT64_MAX);
    if (!stops_everything(hunt) && !found_enough() && hunt_with(stale, slice) > 0)
        coverage += "; " + stale.coverage();
    if (found_enough() && !stops_everything(hunt)) { // the first findings end a large program's search
        hunt.strategy = "portfolio";
        hunt.stopped_by = StopReason::FirstFindings;
        hunt.coverage = "bug hunting: " + coverage;
        hunt.seconds = elapsed();
        return hunt;
    }
    hunt.strategy = "portfolio";
    if (stops_everything(hunt)) {
        hunt.coverage = "bug hunting: " + coverage;
        hunt.seconds = elapsed();
        return hunt;
    }

    // The systematic search, with what is left.
    session.set_budgets(part_budgets(all.max_seconds, hunt.runs, UINT64_MAX));
    SearchResult r;
    if (session.budgets().max_executions == 0) {
        r.stopped_by = StopReason::MaxExecutions;
        r.coverage = "no " + systematic_name + " search (the execution budget was spent)";
    } else if (session.budgets().max_seconds <= 0) {
        r.stopped_by = StopReason::MaxSeconds;
        r.coverage = "no " + systematic_name + " search (the time budget was spent)";
    } else {
        r = session.run(systematic, progress);
        if (r.refusal) { // no verdict: the refusal alone is reported
            r.strategy = "portfolio";
            return r;
        }
        r.coverage = systematic_name + ": " + r.coverage;
    }
    merge_search(r, std::move(hunt));
    drop_unclosed_lock_cycles(r); // the hunters' cycles, when the systematic search was exhaustive
    r.strategy = "portfolio";
    r.coverage = "bug hunting: " + coverage + "; then " + r.coverage;
    r.seconds = elapsed();
    return r;
}

} // namespace rc
