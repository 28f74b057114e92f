// Replay of one recorded schedule, with a sentence for the first place it does not fit.
#include "checker/strategies/replay_strategy.hpp" // ReplayStrategy

#include <utility> // move

namespace rc {

namespace {

std::string choice_text(const Choice &c) {
    return std::to_string(c.thread.value) + (c.timeout ? " (timing out)" : "");
}

/// "thread 1", "threads 0 and 2", "threads 0, 1 and 3 (timing out)".
std::string options_text(const std::vector<Choice> &options) {
    std::string s = options.size() == 1 ? "thread " : "threads ";
    for (size_t i = 0; i < options.size(); ++i) {
        if (i > 0)
            s += i + 1 == options.size() ? " and " : ", ";
        s += choice_text(options[i]);
    }
    return s;
}

} // namespace

ReplayStrategy::ReplayStrategy(std::vector<Choice> schedule) : schedule_(std::move(schedule)) {}

size_t ReplayStrategy::choose(const ChoicePoint &point) {
    uint64_t step = ++step_; // 1-based, as traces number steps
    if (divergence_)
        return 0;
    if (step > schedule_.size()) {
        divergence_ = "the schedule ended at step " + std::to_string(schedule_.size()) +
                      " before the program did";
        return 0;
    }
    const Choice &want = schedule_[step - 1];
    for (size_t i = 0; i < point.options.size(); ++i)
        if (point.options[i] == want)
            return i;
    divergence_ = "at step " + std::to_string(step) + " the schedule runs thread " +
                  choice_text(want) + " but only " + options_text(point.options) + " can move";
    return 0;
}

void ReplayStrategy::end_execution() {
    ran_ = true;
    if (!divergence_ && step_ < schedule_.size())
        divergence_ = "the program ended after step " + std::to_string(step_) +
                      " but the schedule has " + std::to_string(schedule_.size()) +
                      (schedule_.size() == 1 ? " step" : " steps");
}

std::string ReplayStrategy::coverage() const {
    if (divergence_)
        return "1 execution, which did not fit the schedule: " + *divergence_;
    return "1 execution following the schedule";
}

} // namespace rc
