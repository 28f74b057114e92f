// The dependency relation against the interpreter: at states of random programs, every two
// operations of different threads that the relation calls independent must commute — each
// stays possible after the other, and both orders reach the same state (canonical fingerprint,
// which ignores only heap numbering and garbage). This is the property DPOR's soundness rests
// on (dependency.hpp).
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <algorithm> // find
#include <random>    // the walk

#include "checker/explore/session.hpp"                 // dependency_context
#include "checker/strategies/dependency.hpp"           // footprint, dependent
#include "model/runtime/fingerprint.hpp"               // Fingerprinter
#include "tests/checker/explore/explore_test_util.hpp" // load_text
#include "tests/checker/explore/random_program.hpp"    // RandomProgram

namespace {

std::vector<rc::Choice> options(const rc::Interpreter& in, const rc::State& s) {
    std::vector<rc::Choice> out;
    if (s.ended) return out;
    for (const rc::ThreadState& t : s.threads) {
        if (t.status != rc::ThreadStatus::Running) continue;
        if (in.is_enabled(s, t.id)) out.push_back({t.id, false});
        if (in.can_time_out(s, t.id)) out.push_back({t.id, true});
    }
    return out;
}

bool has(const std::vector<rc::Choice>& options, rc::Choice c) {
    return std::find(options.begin(), options.end(), c) != options.end();
}

} // namespace

TEST_CASE("operations_the_relation_calls_independent_commute_in_the_interpreter") {
    rc::test::RandomProgram gen(4242);
    std::mt19937 walk(7);
    uint64_t pairs = 0, independent = 0;
    for (int program = 0; program < 80; ++program) {
        const std::string yaml = gen.next();
        rc::LoadedScenario ls = rc::test::load_text(yaml);
        rc::Interpreter in(ls.compiled->program);
        const rc::DependencyContext ctx = rc::dependency_context(ls.compiled->program);
        rc::Fingerprinter fp(rc::FingerprintOptions{});
        for (int run = 0; run < 4; ++run) {
            rc::State s = in.initial_state(ls.compiled->param_values);
            for (int step = 0; step < 60; ++step) {
                std::vector<rc::Choice> now = options(in, s);
                if (now.empty()) break;
                for (size_t i = 0; i < now.size(); ++i)
                    for (size_t j = i + 1; j < now.size(); ++j) {
                        const rc::Choice a = now[i], b = now[j];
                        if (a.thread == b.thread) continue;
                        ++pairs;
                        rc::State sa = s, sb = s;
                        const rc::Event ea = in.step(sa, a.thread, a.timeout);
                        const rc::Event eb = in.step(sb, b.thread, b.timeout);
                        if (rc::dependent(rc::footprint(ea, ctx), rc::footprint(eb, ctx))) continue;
                        ++independent;
                        INFO("program " << program << ", threads " << a.thread.value << " and "
                                        << b.thread.value << ": "
                                        << rc::footprint(ea, ctx).describe() << " / "
                                        << rc::footprint(eb, ctx).describe() << "\n"
                                        << yaml);
                        REQUIRE(has(options(in, sa), b)); // a neither disables b
                        REQUIRE(has(options(in, sb), a)); // nor b a
                        in.step(sa, b.thread, b.timeout);
                        in.step(sb, a.thread, a.timeout);
                        CHECK(fp(sa) == fp(sb)); // and both orders reach one state
                    }
                const rc::Choice c = now[std::uniform_int_distribution<size_t>(0, now.size() - 1)(walk)];
                in.step(s, c.thread, c.timeout);
            }
        }
    }
    MESSAGE(independent << " independent pairs of " << pairs << " co-enabled pairs checked");
    CHECK(independent > 1000);
}
