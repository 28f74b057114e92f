// The progress line: render a SearchProgress, throttle redraws, cut to the terminal's width.
#include "checker/commands/progress_line.hpp"

#include <algorithm> // max
#include <cmath>     // floor

#include <fmt/format.h> // numbers

namespace rc {

namespace {

/// Counts for a glance: exact below 100,000 ("61,129"), then "512k", "2.51M", "1.20G" (the same
/// on every locale).
std::string count(uint64_t n) {
    if (n >= 1'000'000'000) return fmt::format("{:.2f}G", n / 1e9);
    if (n >= 1'000'000) return fmt::format("{:.2f}M", n / 1e6);
    if (n >= 100'000) return fmt::format("{:.0f}k", std::floor(n / 1e3));
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

/// The first `columns` code points of UTF-8 `text`.
std::string cut(const std::string& text, size_t columns) {
    size_t cols = 0, i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (cols == columns) break;
        ++cols;
    }
    return text.substr(0, i);
}

} // namespace

ProgressLine::ProgressLine(std::ostream& terminal, std::string label, Budgets budgets,
                           size_t columns)
    : terminal_(terminal), label_(std::move(label)), budgets_(budgets), columns_(columns) {}

std::string ProgressLine::render(const std::string& label, const SearchProgress& p,
                                 const Budgets& budgets) {
    // Most important first: a narrow terminal cuts the end of the line.
    std::string line =
        fmt::format("{}: {} finding{} · {} execution{}", label, p.findings,
                    p.findings == 1 ? "" : "s", count(p.executions), p.executions == 1 ? "" : "s");
    if (p.runs > p.executions) line += " + " + count(p.runs - p.executions) + " repeats";
    if (p.seconds > 0)
        line += " · " + count(static_cast<uint64_t>(std::floor(p.runs / p.seconds))) + "/s";
    line += fmt::format(" · {:.1f} s · up to {} preemption{} · depth {}", p.seconds, p.preemptions,
                        p.preemptions == 1 ? "" : "s", count(p.depth));
    const uint64_t runs_left =
        budgets.max_executions > p.runs ? budgets.max_executions - p.runs : 0;
    const double time_left = std::max(0.0, budgets.max_seconds - p.seconds);
    line += fmt::format(" · budget left: {} executions, {:.1f} s", count(runs_left), time_left);
    return line;
}

void ProgressLine::update(const SearchProgress& p) {
    if (p.seconds < kFirstDraw || (drawn_ && p.seconds - last_draw_ < kRedraw)) return;
    const size_t width = columns_ > 1 ? columns_ - 1 : 1; // the cursor needs the last column
    terminal_ << "\r" << cut(render(label_, p, budgets_), width) << "\x1b[K" << std::flush;
    drawn_ = true;
    last_draw_ = p.seconds;
}

void ProgressLine::clear() {
    if (drawn_) terminal_ << "\r\x1b[K" << std::flush;
    drawn_ = false;
}

} // namespace rc
