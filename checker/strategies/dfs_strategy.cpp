// Exhaustive DFS: replay the stack's prefix, extend it with index 0, backtrack at the end.
#include "checker/strategies/dfs_strategy.hpp" // DfsStrategy

#include "model/check.hpp" // RC_CHECK

namespace rc {

bool DfsStrategy::begin_execution() {
    depth_ = resume_depth();
    return !exhausted_;
}

size_t DfsStrategy::choose(const ChoicePoint &point) {
    size_t n = point.options.size();
    if (depth_ < stack_.size()) {
        RC_CHECK(stack_[depth_].options == n,
                 "dfs: a replayed prefix reached a choice point with a different number of "
                 "options (the program is not deterministic)");
    } else {
        stack_.push_back(Level{n, 0});
    }
    return stack_[depth_++].chosen;
}

void DfsStrategy::end_execution() {
    RC_CHECK(depth_ >= stack_.size(),
             "dfs: an execution ended before replaying its whole prefix (the program is not "
             "deterministic)");
    ++executions_;
    while (!stack_.empty() && stack_.back().chosen + 1 >= stack_.back().options)
        stack_.pop_back();
    if (stack_.empty()) {
        exhausted_ = true;
        return;
    }
    ++stack_.back().chosen;
}

std::string DfsStrategy::coverage() const {
    std::string n =
        std::to_string(executions_) + (executions_ == 1 ? " interleaving" : " interleavings");
    if (exhausted_)
        return "all " + n;
    return n + " (not exhaustive: the search did not finish)";
}

} // namespace rc
