// exception: an uncaught exception ended a thread ("IndexError in Thread-1 (consumer): pop from
// empty list"). AssertionError is left to the check detector (a failed assert is a failed check).
#pragma once

#include <cstdint> // uint64_t
#include <vector>  // per-thread flags

#include "checker/detectors/detector.hpp" // Detector, DetectorContext

namespace rc {

class ExceptionDetector : public Detector {
public:
    explicit ExceptionDetector(const DetectorContext& ctx) : ctx_(ctx) {}
    void begin_execution(const Interpreter& in, const State& initial) override;
    void on_step(const Interpreter& in, uint64_t step, const Event& e, const State& after,
                 FindingSink& sink) override;
    void end_execution(const Interpreter& in, const State& final_state, const ExecutionEnd& end,
                       FindingSink& sink) override;

    std::any save() const override { return reported_; }
    void restore(const std::any& saved) override {
        reported_ = std::any_cast<const std::vector<bool>&>(saved);
    }

private:
    /// Reports the exception that ended thread t, once per thread and execution; `step` is the
    /// step that ended it (0 if unknown).
    void check_thread(const Interpreter& in, const State& s, ThreadId t, uint64_t step,
                      FindingSink& sink);

    const DetectorContext ctx_;  // a copy: detectors may outlive the caller's context
    std::vector<bool> reported_; // by thread id, this execution
};

} // namespace rc
