// Replay: one execution that follows a recorded schedule (a decoded token) choice by choice.
// A schedule that does not fit the program (another thread is to run than can, or the schedule
// runs out first, or the program ends first) never makes it choose an invalid option: from the
// misfit on it takes the lowest option, and divergence() says where and why.
#pragma once

#include <cstddef>  // size_t
#include <cstdint>  // uint64_t
#include <optional> // divergence
#include <string>   // messages
#include <vector>   // the schedule

#include "checker/strategies/strategy.hpp" // Strategy, Choice

namespace rc {

class ReplayStrategy final : public Strategy {
public:
    explicit ReplayStrategy(std::vector<Choice> schedule);

    bool begin_execution() override { return !ran_; }
    size_t choose(const ChoicePoint &point) override;
    void end_execution() override;
    StopReason stop_reason() const override { return StopReason::ScheduleEnded; }
    std::string coverage() const override;
    std::optional<std::string> divergence() const override { return divergence_; }

private:
    std::vector<Choice> schedule_;
    uint64_t step_ = 0;                     // choice points seen; invariant: the next is step_ + 1
    std::optional<std::string> divergence_; // set at the first misfit; then options are index 0
    bool ran_ = false;                      // the one execution has ended
};

} // namespace rc
