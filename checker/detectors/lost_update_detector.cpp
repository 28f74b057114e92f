// Stale reads followed by overwriting writes, found by a write log per global.
#include "checker/detectors/lost_update_detector.hpp"

#include <string> // messages

namespace rc {

void LostUpdateDetector::begin_execution(const Interpreter& in, const State& initial) {
    (void)initial;
    writes_.assign(in.program().globals.size(), {});
    reads_.clear();
}

void LostUpdateDetector::on_step(const Interpreter& in, uint64_t step, const Event& e,
                                 const State& after, FindingSink& sink) {
    if ((e.kind != OpKind::GlobalRead && e.kind != OpKind::GlobalWrite) || e.raised) return;
    if (!e.var.valid() || e.var.value >= writes_.size()) return;
    auto& log = writes_[e.var.value];
    const auto key = std::make_pair(e.thread.value, e.var.value);
    if (e.kind == OpKind::GlobalRead) {
        reads_[key] = Read{e.line, step, e.value, log.size()};
        return;
    }
    auto render = [&](Value v) { return v.is_unbound() ? "<deleted>" : in.repr(after, v); };
    if (auto it = reads_.find(key); it != reads_.end()) {
        const Read r = it->second;
        reads_.erase(it); // this write consumes the read
        const Write* overwritten = nullptr;
        for (size_t i = r.writes_seen; i < log.size(); ++i)
            if (log[i].thread != e.thread) overwritten = &log[i];
        if (overwritten) {
            const std::string& name = in.program().name_of(e.var);
            const std::string me = in.thread_name(after, e.thread);
            const std::string other = in.thread_name(after, overwritten->thread);
            uint32_t rl = ctx_.display_line(r.line), wl = ctx_.display_line(e.line);
            uint32_t ol = ctx_.display_line(overwritten->line);
            const std::string read = render(r.value), theirs = render(overwritten->value);
            const std::string written = render(e.value);
            Finding f;
            f.kind = FindingKind::LostUpdate;
            f.key = "lost-update:" + name + ":" + std::to_string(rl) + ":" + std::to_string(wl);
            f.summary = "lost update on `" + name + "`";
            f.details.push_back(me + " read " + name + " → " + read + " (line " +
                                std::to_string(rl) + "), " + other + " then wrote " + name + " = " +
                                theirs + " (line " + std::to_string(ol) + "), and " + me +
                                " wrote " + name + " = " + written + " (line " +
                                std::to_string(wl) + ") from its stale read");
            f.variables.push_back("`" + name + "`");
            f.lines = {rl, wl};
            if (ol != rl && ol != wl) f.lines.push_back(ol);
            f.threads = {me, other};
            f.highlights.push_back({r.step, "read " + name + " → " + read});
            f.highlights.push_back(
                {overwritten->step, "write by " + other + ": " + name + " = " + theirs});
            f.highlights.push_back({step, "← overwrites " + other + "'s write"});
            sink.report(std::move(f));
        }
    }
    log.push_back(Write{e.thread, e.line, step, e.value});
}

} // namespace rc
