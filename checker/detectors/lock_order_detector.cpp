// Lock-order graph and cycle search (Goodlock, as in ThreadSanitizer's deadlock detector).
#include "checker/detectors/lock_order_detector.hpp"

#include <algorithm> // find, sort, rotate, min_element, set_intersection
#include <iterator>  // back_inserter

namespace rc {

void LockOrderDetector::begin_execution(const Interpreter& in, const State& initial) {
    (void)in, (void)initial;
    held_.begin();
}

void LockOrderDetector::on_step(const Interpreter& in, uint64_t step, const Event& e,
                                const State& after, FindingSink& sink) {
    std::optional<ObjectId> got = held_.on_step(e, after, step);
    if (!got) return;
    const auto& held = held_.held(e.thread); // the new lock is last
    if (held.size() < 2) return;
    const std::string to = in.object_label(after, *got);
    std::vector<std::string> labels;
    for (size_t i = 0; i + 1 < held.size(); ++i)
        labels.push_back(in.object_label(after, held[i].lock));
    for (size_t i = 0; i + 1 < held.size(); ++i) {
        if (labels[i] == to) continue;
        Edge edge{labels[i],
                  to,
                  in.thread_name(after, e.thread),
                  ctx_.display_line(held[i].line),
                  ctx_.display_line(e.line),
                  {}};
        for (size_t j = 0; j + 1 < held.size(); ++j)
            if (j != i) edge.gates.push_back(labels[j]);
        std::sort(edge.gates.begin(), edge.gates.end());
        auto& out = graph_[edge.from];
        if (std::find(out.begin(), out.end(), edge) != out.end()) continue;
        out.push_back(edge);
        find_cycle(out.back(), step, sink);
    }
}

void LockOrderDetector::find_cycle(const Edge& closing, uint64_t step, FindingSink& sink) {
    std::vector<const Edge*> path{&closing};
    extend(path, closing.from, step, sink);
}

/// Depth-first over simple paths from path.back()->to back to `target`.
bool LockOrderDetector::extend(std::vector<const Edge*>& path, const std::string& target,
                               uint64_t step, FindingSink& sink) {
    const std::string& at = path.back()->to;
    if (at == target) return report_if_valid(path, step, sink);
    if (path.size() >= kMaxCycle) return false;
    for (const Edge* p : path)
        if (p->from == at) return false; // not a simple cycle
    auto it = graph_.find(at);
    if (it == graph_.end()) return false;
    for (const Edge& next : it->second) {
        path.push_back(&next);
        bool done = extend(path, target, step, sink);
        path.pop_back();
        if (done) return true;
    }
    return false;
}

bool LockOrderDetector::report_if_valid(const std::vector<const Edge*>& cycle, uint64_t step,
                                        FindingSink& sink) {
    std::vector<std::string> threads;
    for (const Edge* e : cycle)
        if (std::find(threads.begin(), threads.end(), e->thread) == threads.end())
            threads.push_back(e->thread);
    if (threads.size() < 2) return false; // one thread alone cannot deadlock on its own order
    std::vector<std::string> common = cycle.front()->gates;
    for (const Edge* e : cycle) {
        std::vector<std::string> both;
        std::set_intersection(common.begin(), common.end(), e->gates.begin(), e->gates.end(),
                              std::back_inserter(both));
        common = std::move(both);
    }
    if (!common.empty()) return false; // a gate lock serializes the whole cycle
    // Rotate so the cycle starts at its smallest lock label: one key per cycle.
    std::vector<const Edge*> c = cycle;
    auto first = std::min_element(c.begin(), c.end(),
                                  [](const Edge* a, const Edge* b) { return a->from < b->from; });
    std::rotate(c.begin(), first, c.end());
    std::string chain = c.front()->from;
    for (const Edge* e : c) chain += " → " + e->to;
    std::string key = "potential-deadlock:" + chain;
    if (!reported_.insert(key).second) return true;
    Finding f;
    f.kind = FindingKind::PotentialDeadlock;
    f.key = std::move(key);
    f.summary = "potential deadlock: " + chain;
    for (const Edge* e : c) {
        f.details.push_back(e->thread + " holds " + e->from + " (line " +
                            std::to_string(e->line_from) + ") and acquires " + e->to + " (line " +
                            std::to_string(e->line_to) + ")");
        f.variables.push_back(e->from);
        f.lines.push_back(e->line_from);
        f.lines.push_back(e->line_to);
    }
    f.details.push_back("the threads take these locks in opposite orders; a schedule that "
                        "interleaves them deadlocks — acquire them in one global order");
    std::sort(f.lines.begin(), f.lines.end());
    f.lines.erase(std::unique(f.lines.begin(), f.lines.end()), f.lines.end());
    f.threads = std::move(threads);
    f.highlights.push_back({step, "← closes the lock-order cycle " + chain});
    sink.report(std::move(f));
    return true;
}

} // namespace rc
