// The progress line: render a SearchProgress, throttle redraws, cut to the terminal's width.
#include "checker/commands/progress_line.hpp"

#include <algorithm> // max
#include <cmath>     // floor

#include <fmt/format.h> // numbers

namespace rc {

namespace {

/// 1234567 → "1,234,567" (the same on every locale).
std::string grouped(uint64_t n) {
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
    std::string line = label + ": " + grouped(p.executions) + " executions";
    if (p.runs > p.executions) line += " + " + grouped(p.runs - p.executions) + " repeats";
    if (p.seconds > 0)
        line += " · " + grouped(static_cast<uint64_t>(std::floor(p.runs / p.seconds))) + "/s";
    line += fmt::format(" · up to {} preemption{} · depth {} · {} finding{} · {:.1f} s", p.preemptions,
                        p.preemptions == 1 ? "" : "s", grouped(p.depth), p.findings,
                        p.findings == 1 ? "" : "s", p.seconds);
    const uint64_t runs_left = budgets.max_executions > p.runs ? budgets.max_executions - p.runs : 0;
    const double time_left = std::max(0.0, budgets.max_seconds - p.seconds);
    line += fmt::format(" · budget left: {} executions, {:.1f} s", grouped(runs_left), time_left);
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
