// The one table of strategies, in --help order; the first is the default: the portfolio, whose
// systematic part is the stateful search (the fastest sound exhaustive strategy on the corpus and
// the benchmark families, tests/bench/) and which hunts bugs with pct and stale-read first when
// executions are long; pb and dfs are kept as options and as the oracles the reductions are
// tested against.
#include "checker/strategies/strategy.hpp" // strategy_registry, find_strategy

#include "checker/strategies/dfs_strategy.hpp"                 // DfsStrategy
#include "checker/strategies/dpor_strategy.hpp"                // DporStrategy
#include "checker/strategies/pct_strategy.hpp"                 // PctStrategy
#include "checker/strategies/preemption_bounding_strategy.hpp" // PreemptionBoundingStrategy
#include "checker/strategies/random_strategy.hpp"              // RandomStrategy
#include "checker/strategies/stateful_strategy.hpp"            // StatefulStrategy
#include "checker/strategies/replay_strategy.hpp"              // ReplayStrategy
#include "checker/strategies/stale_read_strategy.hpp"          // StaleReadStrategy

namespace rc {

const std::vector<StrategyInfo> &strategy_registry() {
    static const std::vector<StrategyInfo> registry = {
        {"portfolio",
         "the stateful search; first, when one execution is long (over 20,000 steps), a quarter "
         "of the time budget hunts bugs with pct and stale-read, and the search ends at the "
         "first execution that shows a bug unless --keep-going (exhaustive only when the "
         "stateful search finishes)",
         [](const StrategyOptions &o) -> std::unique_ptr<Strategy> {
             return std::make_unique<StatefulStrategy>(o.memory_mb);
         },
         true},
        {"state",
         "stateful search: every reachable state once (visited set of canonical fingerprints, "
         "threads folded by symmetry), cycles checked for nontermination (exhaustive)",
         [](const StrategyOptions &o) -> std::unique_ptr<Strategy> {
             return std::make_unique<StatefulStrategy>(o.memory_mb);
         }},
        {"pb",
         "iterative preemption bounding: every interleaving, fewest preemptions first "
         "(a preemption bound, when set, caps it)",
         [](const StrategyOptions &o) -> std::unique_ptr<Strategy> {
             return std::make_unique<PreemptionBoundingStrategy>(o.preemption_bound);
         }},
        {"dfs", "exhaustive depth-first search over every scheduling choice",
         [](const StrategyOptions &) -> std::unique_ptr<Strategy> {
             return std::make_unique<DfsStrategy>();
         }},
        {"dpor",
         "optimal dynamic partial-order reduction: one execution per Mazurkiewicz trace "
         "(exhaustive)",
         [](const StrategyOptions &) -> std::unique_ptr<Strategy> {
             return std::make_unique<DporStrategy>();
         }},
        {"pct",
         "probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): random thread "
         "priorities and --pct-depth − 1 priority change points per execution; prints the "
         "probability bound 1/(n·k^(d−1)) (not exhaustive)",
         [](const StrategyOptions &o) -> std::unique_ptr<Strategy> {
             return std::make_unique<PctStrategy>(o.seed, o.pct_depth, o.random_executions);
         }},
        {"stale-read",
         "executions without preemptions except one or two placed at random between a read "
         "and a write of the same variable, where they make lost updates (not exhaustive)",
         [](const StrategyOptions &o) -> std::unique_ptr<Strategy> {
             return std::make_unique<StaleReadStrategy>(o.seed, 2, o.random_executions);
         }},
        {"random", "seeded random choices for a number of executions (not exhaustive)",
         [](const StrategyOptions &o) -> std::unique_ptr<Strategy> {
             return std::make_unique<RandomStrategy>(o.seed, o.random_executions);
         }},
        {"replay", "one execution following a schedule token",
         [](const StrategyOptions &o) -> std::unique_ptr<Strategy> {
             return std::make_unique<ReplayStrategy>(o.schedule);
         }},
    };
    return registry;
}

const StrategyInfo *find_strategy(const std::string &name) {
    for (const StrategyInfo &info : strategy_registry())
        if (info.name == name)
            return &info;
    return nullptr;
}

} // namespace rc
