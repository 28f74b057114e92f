// PCT: random priorities, d − 1 change points, a first round-robin run to estimate k.
#include "checker/strategies/pct_strategy.hpp" // PctStrategy

#include <algorithm> // max
#include <cmath>     // pow
#include <cstdio>    // snprintf

#include "model/check.hpp" // RC_CHECK

namespace rc {

namespace {

/// 1234567 → "1,234,567".
std::string grouped(uint64_t v) {
    std::string digits = std::to_string(v), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

} // namespace

std::string pct_bound_text(uint32_t threads, uint64_t steps, uint32_t depth) {
    std::string formula = "1/(" + std::to_string(threads);
    if (depth > 1) formula += "·" + grouped(steps) + (depth > 2 ? "^" + std::to_string(depth - 1) : "");
    formula += ")";
    const double p = 1.0 / (static_cast<double>(threads) *
                            std::pow(static_cast<double>(std::max<uint64_t>(steps, 1)), depth - 1));
    char value[32];
    std::snprintf(value, sizeof value, "%.2g", p);
    return "1/(n·k^(d−1)) = " + formula + " ≈ " + value;
}

PctStrategy::PctStrategy(uint64_t seed, uint32_t depth, uint64_t executions)
    : seed_(seed), depth_(std::max<uint32_t>(depth, 1)), budget_(executions), rng_(seed) {}

bool PctStrategy::begin_execution() {
    if (done_ >= budget_) return false;
    priority_.clear();
    change_points_.clear();
    steps_ = 0;
    seen_ = 0;
    round_robin_ = SIZE_MAX;
    if (done_ > 0) // the first execution only measures k
        for (uint32_t i = 1; i < depth_; ++i) change_points_.push_back(1 + rng_.below(std::max<uint64_t>(k_, 1)));
    return true;
}

size_t PctStrategy::choose(const ChoicePoint& point) {
    RC_CHECK(!point.options.empty(), "pct: a choice among no options");
    steps_ = point.step + 1;
    for (const Choice& c : point.options) { // a thread gets its priority when it first appears
        const uint32_t t = c.thread.value;
        if (priority_.size() <= t) priority_.resize(t + 1, 0);
        if (priority_[t] == 0) {
            priority_[t] = depth_ + 1 + (rng_.next() >> 2); // above every change-point priority
            ++seen_;
        }
    }
    if (done_ == 0) { // round robin: the first thread after the one that ran last
        size_t pick = 0;
        for (size_t i = 0; i < point.options.size(); ++i)
            if (point.options[i].thread.value > round_robin_ || round_robin_ == SIZE_MAX) {
                pick = i;
                break;
            }
        round_robin_ = point.options[pick].thread.value;
        return pick;
    }
    auto best = [&] {
        size_t pick = 0;
        for (size_t i = 1; i < point.options.size(); ++i) // ties: the lower thread id
            if (priority_[point.options[i].thread.value] > priority_[point.options[pick].thread.value])
                pick = i;
        return pick;
    };
    size_t pick = best();
    for (size_t i = 0; i < change_points_.size(); ++i)
        if (change_points_[i] == steps_) { // the thread about to run drops below all others
            priority_[point.options[pick].thread.value] = depth_ - 1 - i;
            pick = best();
        }
    return pick;
}

void PctStrategy::on_end_state(const ChoicePoint& point) { reached_end_ = point.options.empty(); }

void PctStrategy::end_execution() {
    ++done_;
    if (!reached_end_) ++cut_;
    reached_end_ = false;
    k_ = std::max(k_, steps_);
    n_ = std::max(n_, seen_);
}

double PctStrategy::probability_bound() const {
    if (n_ == 0) return 0;
    return 1.0 / (static_cast<double>(n_) *
                  std::pow(static_cast<double>(std::max<uint64_t>(k_, 1)), depth_ - 1));
}

std::string PctStrategy::coverage() const {
    const uint64_t whole = done_ - cut_;
    std::string out = grouped(whole) + (whole == 1 ? " PCT execution" : " PCT executions") +
                      (cut_ ? " and " + grouped(cut_) + " cut before " + (cut_ == 1 ? "its" : "their") + " end" : std::string()) +
                      " (depth " + std::to_string(depth_) + ", seed " + std::to_string(seed_);
    if (n_ > 0)
        out += "; with n = " + std::to_string(n_) + " threads and k = " + grouped(k_) +
               " steps, each execution after the first finds a bug of depth ≤ " +
               std::to_string(depth_) + " with probability ≥ " + pct_bound_text(n_, k_, depth_);
    return out + "; not exhaustive)";
}

} // namespace rc
