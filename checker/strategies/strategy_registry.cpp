// The one table of strategies, in --help order; the first is the default: the stateful search,
// the fastest sound exhaustive strategy on the corpus and the benchmark families (tests/bench/),
// with pb and dfs kept as options and as the oracles the reductions are tested against.
#include "checker/strategies/strategy.hpp" // strategy_registry, find_strategy

#include "checker/strategies/dfs_strategy.hpp"                 // DfsStrategy
#include "checker/strategies/dpor_strategy.hpp"                // DporStrategy
#include "checker/strategies/preemption_bounding_strategy.hpp" // PreemptionBoundingStrategy
#include "checker/strategies/random_strategy.hpp"              // RandomStrategy
#include "checker/strategies/stateful_strategy.hpp"            // StatefulStrategy
#include "checker/strategies/replay_strategy.hpp"              // ReplayStrategy

namespace rc {

const std::vector<StrategyInfo> &strategy_registry() {
    static const std::vector<StrategyInfo> registry = {
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
