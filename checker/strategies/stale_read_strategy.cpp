// Stale-read preemptions (stale_read_strategy.hpp).
#include "checker/strategies/stale_read_strategy.hpp" // StaleReadStrategy

#include <algorithm> // max, find

#include "model/check.hpp" // RC_CHECK

namespace rc {

namespace {

/// The step `read` read what `write` (the same thread's next operation) writes.
bool read_then_write(const Event& read, const PendingOp& write) {
    if (read.raised) return false;
    if (read.kind == OpKind::GlobalRead && write.kind == OpKind::GlobalWrite)
        return read.var == write.var;
    if (read.kind == OpKind::ContainerRead && write.kind == OpKind::ContainerWrite)
        return read.obj == write.obj;
    return false;
}

} // namespace

StaleReadStrategy::StaleReadStrategy(uint64_t seed, uint32_t preemptions, uint64_t executions)
    : seed_(seed), preemptions_(std::max<uint32_t>(preemptions, 1)), budget_(executions),
      rng_(seed) {}

bool StaleReadStrategy::begin_execution() {
    if (done_ >= budget_) return false;
    points_.clear();
    candidates_ = 0;
    have_last_ = false;
    if (candidates_max_ > 0) {
        const uint32_t m = done_ % 2 == 1 ? 1 : preemptions_; // alternate 1 and the most
        for (uint32_t i = 0; i < m; ++i) points_.push_back(1 + rng_.below(candidates_max_));
    }
    return true;
}

size_t StaleReadStrategy::choose(const ChoicePoint& point) {
    RC_CHECK(!point.options.empty(), "stale-read: a choice among no options");
    if (!point.last_index) return 0; // the last thread cannot go on: the lowest id runs
    const size_t last = *point.last_index;
    if (!have_last_ || !read_then_write(last_, point.ops[last]) || point.options.size() < 2)
        return last;
    ++candidates_;
    if (std::find(points_.begin(), points_.end(), candidates_) == points_.end()) return last;
    // Preempt: another thread, drawn at random, runs.
    size_t pick = static_cast<size_t>(rng_.below(point.options.size() - 1));
    if (pick >= last) ++pick;
    return pick;
}

void StaleReadStrategy::on_event(const Event& e, const Footprint& f) {
    (void)f;
    last_ = e;
    have_last_ = true;
}

void StaleReadStrategy::end_execution() {
    ++done_;
    if (!reached_end_) ++cut_;
    reached_end_ = false;
    candidates_max_ = std::max(candidates_max_, candidates_);
}

std::string StaleReadStrategy::coverage() const {
    const uint64_t whole = done_ - cut_;
    return std::to_string(whole) + (whole == 1 ? " execution" : " executions") + " with up to " +
           std::to_string(preemptions_) + " preemptions placed between a read and a write of the "
           "same variable" +
           (cut_ ? " and " + std::to_string(cut_) + " cut before " + (cut_ == 1 ? "its" : "their") + " end" : "") +
           " (seed " + std::to_string(seed_) + "; not exhaustive)";
}

} // namespace rc
