// Iterative preemption bounding (Musuvathi & Qadeer, PLDI 2007): bounded DFS, level by level.
#include "checker/strategies/preemption_bounding_strategy.hpp" // PreemptionBoundingStrategy

#include "model/check.hpp" // RC_CHECK

namespace rc {

namespace {

std::string preemptions_text(uint32_t n) {
    return std::to_string(n) + (n == 1 ? " preemption" : " preemptions");
}

/// "no preemption", "≤ 2 preemptions".
std::string at_most(uint32_t n) {
    return n == 0 ? "no preemption" : "≤ " + preemptions_text(n);
}

std::string interleavings_text(uint64_t n) {
    return std::to_string(n) + (n == 1 ? " interleaving" : " interleavings");
}

} // namespace

PreemptionBoundingStrategy::PreemptionBoundingStrategy(std::optional<uint32_t> max_bound)
    : max_bound_(max_bound) {}

bool PreemptionBoundingStrategy::begin_execution() {
    depth_ = resume_depth();
    preemptions_ = stack_.empty() ? 0 : stack_[depth_].preemptions;
    repeat_ = false;
    return !done_;
}

size_t PreemptionBoundingStrategy::choose(const ChoicePoint &point) {
    size_t n = point.options.size();
    if (depth_ < stack_.size()) {
        RC_CHECK(stack_[depth_].options == n,
                 "pb: a replayed prefix reached a choice point with a different number of "
                 "options (the program is not deterministic)");
        RC_CHECK(stack_[depth_].preemptions == preemptions_,
                 "pb: a replayed prefix counted a different number of preemptions");
    } else {
        Level level;
        level.options = n;
        level.preemptions = preemptions_;
        level.preempts.resize(n);
        for (size_t i = 0; i < n; ++i) {
            level.preempts[i] = point.last_index && point.options[i].thread != point.last;
            if (!level.preempts[i] || preemptions_ < bound_)
                level.allowed.push_back(i);
            else
                pruned_ = true;
        }
        RC_CHECK(!level.allowed.empty(), "pb: a choice point with every option pruned");
        stack_.push_back(std::move(level));
    }
    const Level &level = stack_[depth_++];
    size_t pick = level.allowed[level.next];
    if (level.preempts[pick])
        ++preemptions_;
    return pick;
}

void PreemptionBoundingStrategy::end_execution() {
    RC_CHECK(depth_ >= stack_.size(),
             "pb: an execution ended before replaying its whole prefix (the program is not "
             "deterministic)");
    repeat_ = preemptions_ < bound_;
    if (!repeat_)
        ++executions_;
    while (!stack_.empty() && stack_.back().next + 1 >= stack_.back().allowed.size())
        stack_.pop_back();
    if (!stack_.empty()) {
        ++stack_.back().next;
        return;
    }
    // Level bound_ is complete.
    if (!pruned_) {
        done_ = exhausted_ = true;
    } else if (max_bound_ && bound_ >= *max_bound_) {
        done_ = true;
    } else {
        ++bound_;
        pruned_ = false;
    }
}

StopReason PreemptionBoundingStrategy::stop_reason() const {
    return exhausted_ ? StopReason::Exhausted : StopReason::BoundReached;
}

std::string PreemptionBoundingStrategy::coverage() const {
    std::string n = interleavings_text(executions_);
    if (exhausted_)
        return "all " + n +
               (bound_ == 0 ? " (exhaustive: no schedule has a preemption)"
                            : " (exhaustive: no schedule needs more than " +
                                  preemptions_text(bound_) + ")");
    if (done_)
        return "all " + n + " with " + at_most(bound_);
    if (bound_ == 0)
        return n + " with no preemption (not exhaustive: the search did not finish)";
    return n + ": all with " + at_most(bound_ - 1) + " and some with " + std::to_string(bound_) +
           " (not exhaustive: the search did not finish)";
}

} // namespace rc
