// check-failed: the scenario's own claims. `checks.final` are evaluated when an execution ends,
// `checks.always` after every step, and an uncaught AssertionError in any thread is a failed
// check too. Each report shows the values of the globals the check reads.
#pragma once

#include <cstdint> // uint64_t
#include <string>  // texts
#include <vector>  // per-check data

#include "checker/detectors/detector.hpp" // Detector, DetectorContext

namespace rc {

class CheckDetector : public Detector {
public:
    explicit CheckDetector(const DetectorContext& ctx);
    void begin_execution(const Interpreter& in, const State& initial) override;
    void on_step(const Interpreter& in, uint64_t step, const Event& e, const State& after,
                 FindingSink& sink) override;
    void end_execution(const Interpreter& in, const State& final_state, const ExecutionEnd& end,
                       FindingSink& sink) override;
    std::any save() const override { return std::make_pair(always_failed_, asserted_); }
    void restore(const std::any& saved) override;

private:
    /// Reports `check` if it does not evaluate to a true value on `s`.
    void evaluate(const Interpreter& in, const State& s, FuncId check, bool final, size_t index,
                  uint64_t step, FindingSink& sink);
    /// Reports an uncaught AssertionError that ended thread t, once per thread and execution.
    void check_assertion(const Interpreter& in, const State& s, ThreadId t, uint64_t step,
                         FindingSink& sink);
    /// "counter is 3, THREADS is 2, ITERATIONS is 2"
    std::string values(const Interpreter& in, const State& s, FuncId check) const;
    /// For a final check `GLOBAL == EXPR` (EXPR: ints, int globals, + - * //):
    /// "counter ended at 100,001 (expected 500,000)"; "" otherwise.
    std::string by_how_much(const Interpreter& in, const State& s, const std::string& text) const;

    const DetectorContext ctx_;       // a copy: detectors may outlive the caller's context
    std::vector<bool> always_failed_; // by always-check index: already reported this execution
    std::vector<bool> asserted_;      // by thread id: its AssertionError already reported
};

} // namespace rc
