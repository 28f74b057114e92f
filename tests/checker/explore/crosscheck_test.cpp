// Reductions against the oracle: on every corpus scenario where exhaustive DFS finishes, and on
// a few hundred small random programs, each reducing strategy reaches exactly DFS's outcomes
// and reports exactly DFS's finding kinds; on the random programs DPOR also runs exactly one
// execution per trace DFS saw.
#include <doctest/doctest.h> // TEST_CASE, SUBCASE, CHECK

#include <algorithm>  // sort
#include <filesystem> // the corpus
#include <string>     // names
#include <variant>    // get_if
#include <vector>     // files

#include "tests/checker/explore/explore_test_util.hpp" // load, search, kinds, outcomes, TraceCounter
#include "tests/checker/explore/random_program.hpp"    // RandomProgram

namespace {

/// The reducing strategies, each compared with dfs.
const char* const kReductions[] = {"dpor", "state"};

/// A reduction may decline to claim exhaustiveness, but only dpor, and only for the reason it
/// documents: a busy-wait that the Session cut (which its argument does not cover).
bool declined_honestly(const std::string& name, const rc::SearchResult& r) {
    return name == "dpor" && r.stopped_by == rc::StopReason::BoundReached &&
           r.coverage.find("busy-waits were cut") != std::string::npos;
    // (declining is only allowed for that reason: every other reduction result must agree)
}

std::vector<std::string> corpus_files() {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator("scenarios"))
        if (e.path().extension() == ".yaml") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

/// DFS finishes on the corpus's small scenarios well within this (the largest, 29,618
/// executions, in about a second); the others are skipped.
rc::Budgets oracle_budget() {
    rc::Budgets b;
    b.max_executions = 40000;
    b.max_seconds = 2;
    return b;
}

} // namespace

TEST_CASE("reductions_find_what_dfs_finds_on_every_corpus_scenario_dfs_finishes") {
    int compared = 0;
    for (const std::string& file : corpus_files()) {
        auto loaded = rc::load_and_compile(file, {});
        if (std::get_if<rc::LoadFailure>(&loaded)) continue; // refused (multiprocessing)
        rc::LoadedScenario& ls = std::get<rc::LoadedScenario>(loaded);
        rc::SearchResult dfs = rc::test::search(ls, "dfs", oracle_budget());
        if (dfs.stopped_by != rc::StopReason::Exhausted) continue;
        ++compared;
        for (const char* name : kReductions) {
            rc::Budgets b;
            b.max_seconds = 60;
            rc::SearchResult r = rc::test::search(ls, name, b);
            INFO(file << " with " << std::string(name));
            if (declined_honestly(name, r)) continue;
            CHECK(r.stopped_by == rc::StopReason::Exhausted);
            CHECK_MESSAGE(rc::test::kinds(r) == rc::test::kinds(dfs),
                          "dfs found" << rc::test::text(rc::test::kinds(dfs)) << "\n" << name
                                      << " found" << rc::test::text(rc::test::kinds(r)));
            CHECK_MESSAGE(rc::test::outcomes(r) == rc::test::outcomes(dfs),
                          "dfs reached" << rc::test::text(rc::test::outcomes(dfs)) << "\n"
                                        << name << " reached" << rc::test::text(rc::test::outcomes(r)));
            CHECK(r.executions <= dfs.executions);
        }
    }
    CHECK(compared >= 35); // every corpus scenario but the few dfs cannot finish
}

TEST_CASE("reductions_find_what_dfs_finds_on_random_programs") {
    rc::test::RandomProgram gen(20240611);
    int compared = 0, skipped = 0, declined = 0;
    for (int i = 0; i < 300; ++i) {
        const std::string yaml = gen.next();
        rc::LoadedScenario ls = rc::test::load_text(yaml);
        rc::test::TraceCounter oracle;
        rc::Budgets small = oracle_budget();
        small.max_executions = 3000;
        rc::SearchResult dfs = rc::test::search(ls, oracle, small);
        if (dfs.stopped_by != rc::StopReason::Exhausted) {
            ++skipped;
            continue;
        }
        ++compared;
        for (const char* name : kReductions) {
            rc::Budgets b;
            b.max_seconds = 60;
            rc::SearchResult r = rc::test::search(ls, name, b);
            INFO("program " << i << " with " << std::string(name) << ":\n" << yaml);
            if (declined_honestly(name, r)) {
                ++declined;
                continue;
            }
            REQUIRE(r.stopped_by == rc::StopReason::Exhausted);
            CHECK_MESSAGE(rc::test::kinds(r) == rc::test::kinds(dfs),
                          "dfs found" << rc::test::text(rc::test::kinds(dfs)) << "\n" << name
                                      << " found" << rc::test::text(rc::test::kinds(r)));
            CHECK_MESSAGE(rc::test::outcomes(r) == rc::test::outcomes(dfs),
                          "dfs reached" << rc::test::text(rc::test::outcomes(dfs)) << "\n"
                                        << name << " reached" << rc::test::text(rc::test::outcomes(r)));
            if (std::string(name) == "dpor") {
                CHECK(r.executions == oracle.traces());
                CHECK(r.redundant_executions == 0);
            }
        }
    }
    MESSAGE(compared << " random programs compared, " << skipped << " too large for dfs, "
                     << declined << " with busy-waits dpor declined");
    CHECK(compared >= 200);
}
