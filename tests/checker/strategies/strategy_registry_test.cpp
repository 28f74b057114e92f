// The strategy registry: its order (the first is the default), lookup, and factories.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <string> // names
#include <vector> // expected order

#include "checker/strategies/strategy.hpp"                 // strategy_registry, find_strategy
#include "tests/checker/strategies/strategy_test_util.hpp" // SyntheticProgram, run_search

using rc::find_strategy;
using rc::strategy_registry;
using rc::StrategyOptions;

TEST_CASE("registry_lists_the_portfolio_first_as_the_default_then_the_others") {
    std::vector<std::string> names;
    for (const auto &info : strategy_registry())
        names.push_back(info.name);
    CHECK(names == std::vector<std::string>{"portfolio", "state", "pb", "dfs", "dpor", "pct",
                                            "stale-read", "random", "replay"});
    CHECK(strategy_registry().front().portfolio);
    for (size_t i = 1; i < strategy_registry().size(); ++i) CHECK_FALSE(strategy_registry()[i].portfolio);
    // The portfolio's systematic part is the stateful search.
    CHECK(strategy_registry().front().make(StrategyOptions{})->stateful());
}

TEST_CASE("registry_entries_have_one_line_help") {
    for (const auto &info : strategy_registry()) {
        CHECK_FALSE(info.help.empty());
        CHECK(info.help.find('\n') == std::string::npos);
    }
}

TEST_CASE("find_strategy_finds_registered_names_only") {
    REQUIRE(find_strategy("dfs"));
    CHECK(find_strategy("dfs")->name == "dfs");
    CHECK(find_strategy("DFS") == nullptr);
    CHECK(find_strategy("dpor-someday") == nullptr);
}

TEST_CASE("registry_factories_pass_the_options_on") {
    rc::test::SyntheticProgram p{{2, 2}, {}};
    StrategyOptions o;
    o.preemption_bound = 0;
    o.random_executions = 7;
    o.seed = 9;
    o.schedule = {{rc::ThreadId(1), false}};
    CHECK(rc::test::run_search(*find_strategy("pb")->make(o), p).schedules.size() == 2);
    CHECK(rc::test::run_search(*find_strategy("dfs")->make(o), p).schedules.size() == 6);
    auto random = rc::test::run_search(*find_strategy("random")->make(o), p);
    CHECK(random.schedules.size() == 7);
    CHECK(random.coverage == "7 random executions (seed 9; not exhaustive)");
    auto pct = rc::test::run_search(*find_strategy("pct")->make(o), p);
    CHECK(pct.schedules.size() == 7);
    CHECK(pct.coverage.rfind("7 PCT executions (depth 3, seed 9;", 0) == 0);
    CHECK(rc::test::run_search(*find_strategy("stale-read")->make(o), p).schedules.size() == 7);
    auto replay = rc::test::run_search(*find_strategy("replay")->make(o), p);
    REQUIRE(replay.schedules.size() == 1);
    CHECK(replay.schedules[0][0].thread.value == 1);
}
