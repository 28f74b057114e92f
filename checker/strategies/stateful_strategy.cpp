// Stateful DFS with a visited set, a state graph, and fair-cycle analysis (stateful_strategy.hpp).
#include "checker/strategies/stateful_strategy.hpp"

#include <algorithm> // min
#include <deque>     // breadth-first search for a cycle

#include "model/check.hpp" // RC_CHECK

namespace rc {

StatefulStrategy::StatefulStrategy(uint64_t memory_mb) : bound_bytes_(memory_mb << 20) {
    restart();
    reduce_ = true;
}

void StatefulStrategy::restart() {
    reduce_ = reduced_ = false;
    slot_key_.assign(1 << 12, StateKey{});
    slot_node_.assign(1 << 12, kNone);
    nodes_.clear();
    edges_.clear();
    stack_.clear();
    stack_heap_bytes_ = 0;
    depth_ = resume_ = 0;
    cut_at_visited_ = terminal_ = 0;
    wide_ = done_ = cut_ = false;
    stop_ = StopReason::Exhausted;
}

uint64_t StatefulStrategy::memory_bytes() const {
    return slot_key_.capacity() * sizeof(StateKey) + slot_node_.capacity() * sizeof(uint32_t) +
           nodes_.capacity() * sizeof(Node) + edges_.capacity() * sizeof(Edge) +
           stack_.capacity() * sizeof(Level) + stack_heap_bytes_;
}

std::pair<uint32_t, bool> StatefulStrategy::visit(const StateKey& key, uint64_t enabled) {
    if ((nodes_.size() + 1) * 2 > slot_node_.size()) { // keep the load factor ≤ 1/2
        std::vector<StateKey> keys(slot_key_.size() * 2);
        std::vector<uint32_t> ids(slot_node_.size() * 2, kNone);
        const size_t mask = keys.size() - 1;
        for (size_t i = 0; i < slot_node_.size(); ++i) {
            if (slot_node_[i] == kNone) continue;
            size_t j = slot_key_[i].lo & mask;
            while (ids[j] != kNone) j = (j + 1) & mask;
            keys[j] = slot_key_[i];
            ids[j] = slot_node_[i];
        }
        slot_key_.swap(keys);
        slot_node_.swap(ids);
    }
    const size_t mask = slot_node_.size() - 1;
    size_t i = key.lo & mask;
    while (slot_node_[i] != kNone) {
        if (slot_key_[i] == key) return {slot_node_[i], false};
        i = (i + 1) & mask;
    }
    slot_key_[i] = key;
    slot_node_[i] = static_cast<uint32_t>(nodes_.size());
    Node n;
    n.enabled = enabled;
    if (last_node_ != kNone && depth_ > 0) {
        n.parent = last_node_;
        n.via = last_choice_;
    }
    nodes_.push_back(n);
    return {slot_node_[i], true};
}

void StatefulStrategy::add_edge(uint32_t from, uint32_t to) {
    Edge e;
    e.to = to;
    e.choice = last_choice_;
    e.reads_only = last_reads_only_;
    e.next = nodes_[from].first_edge;
    nodes_[from].first_edge = static_cast<uint32_t>(edges_.size());
    edges_.push_back(e);
}

bool StatefulStrategy::begin_execution() {
    if (done_) return false;
    if (memory_bytes() > bound_bytes_) {
        stop_ = StopReason::MaxStateMemory;
        return false;
    }
    depth_ = resume_;
    stopped_ = repeat_ = false;
    last_node_ = depth_ > 0 ? stack_[depth_ - 1].node : kNone;
    return true;
}

size_t StatefulStrategy::choose(const ChoicePoint& point) {
    if (depth_ < stack_.size()) { // the level this execution resumes at: its next option
        Level& level = stack_[depth_];
        RC_CHECK(level.options == point.options,
                 "stateful: a resumed state offers other options (the program is not deterministic)");
        last_node_ = level.node;
        last_choice_ = point.options[level.order[level.next]];
        ++depth_;
        return level.order[level.next];
    }
    uint64_t enabled = 0;
    for (const Choice& c : point.options) {
        if (c.thread.value < 64) enabled |= uint64_t{1} << c.thread.value;
        else wide_ = true;
    }
    const uint32_t from = last_node_;
    auto [node, fresh] = visit(point.state, enabled);
    if (from != kNone) add_edge(from, node);
    if (!fresh && nodes_[node].on_stack && depth_ > 0 && stack_[depth_ - 1].ample) {
        // Cycle proviso: the sleep led back onto the path; try every option there too.
        Level& parent = stack_[depth_ - 1];
        for (size_t i = 0; i < parent.options.size(); ++i)
            if (std::find(parent.order.begin(), parent.order.end(), i) == parent.order.end())
                parent.order.push_back(static_cast<uint32_t>(i));
        parent.ample = false;
    }
    if (!fresh) {
        ++cut_at_visited_;
        stopped_ = true;
        return kStop;
    }
    if (memory_bytes() > bound_bytes_) { // a long path filled the bound: stop here
        stopped_ = true;                  // (begin_execution then ends the search)
        return kStop;
    }
    Level level;
    level.node = node;
    level.options = point.options;
    if (reduce_)
        for (size_t i = 0; i < point.options.size() && !level.ample; ++i)
            if (point.ops[i].kind == OpKind::Sleep && !point.options[i].timeout &&
                i < point.daemon.size() && !point.daemon[i] && point.options.size() > 1) {
                level.order.push_back(static_cast<uint32_t>(i));
                level.ample = reduced_ = true;
            }
    if (!level.ample && last_sleeper_.valid()) {
        // A sleep yields: the threads after the sleeper (in thread order, round) first, it last.
        for (int pass = 0; pass < 3; ++pass)
            for (size_t i = 0; i < point.options.size(); ++i) {
                const uint32_t t = point.options[i].thread.value;
                if ((pass == 0 && t > last_sleeper_.value) || (pass == 1 && t < last_sleeper_.value) ||
                    (pass == 2 && t == last_sleeper_.value))
                    level.order.push_back(static_cast<uint32_t>(i));
            }
    } else if (!level.ample) {
        if (point.last_index) level.order.push_back(static_cast<uint32_t>(*point.last_index));
        for (size_t i = 0; i < point.options.size(); ++i)
            if (!point.last_index || i != *point.last_index) level.order.push_back(static_cast<uint32_t>(i));
    }
    nodes_[node].on_stack = true;
    stack_heap_bytes_ += level_heap_bytes(level);
    stack_.push_back(std::move(level));
    last_node_ = node;
    last_choice_ = point.options[stack_.back().order[0]];
    ++depth_;
    return stack_.back().order[0];
}

void StatefulStrategy::on_event(const Event& e, const Footprint& f) {
    (void)f;
    last_reads_only_ = read_only(e);
    // A wait that timed out (`t.join(timeout=0.05)` in a polling loop) yields as a sleep does.
    last_sleeper_ = e.kind == OpKind::Sleep || last_choice_.timeout ? e.thread : ThreadId();
}

void StatefulStrategy::on_end_state(const ChoicePoint& point) {
    if (stopped_) return; // cut at a state explored before
    if (!point.options.empty()) { // cut by the steps budget: this state was never expanded
        cut_ = true;
        return;
    }
    const uint32_t from = last_node_;
    auto [node, fresh] = visit(point.state, 0);
    if (from != kNone) add_edge(from, node);
    if (fresh) ++terminal_;
    repeat_ = !fresh;
}

void StatefulStrategy::end_execution() {
    auto pop = [&] {
        nodes_[stack_.back().node].on_stack = false;
        stack_heap_bytes_ -= level_heap_bytes(stack_.back());
        stack_.pop_back();
    };
    while (stack_.size() > depth_) pop();
    while (!stack_.empty() && stack_.back().next + 1 >= stack_.back().order.size()) pop();
    if (stack_.empty()) {
        done_ = true;
        if (cut_) stop_ = StopReason::BoundReached;
        return;
    }
    ++stack_.back().next;
    resume_ = stack_.size() - 1;
}

std::vector<std::vector<uint32_t>> StatefulStrategy::components() const {
    // Tarjan's strongly connected components, iteratively.
    const uint32_t n = static_cast<uint32_t>(nodes_.size());
    std::vector<uint32_t> index(n, kNone), low(n, 0), edge_at(n, kNone);
    std::vector<bool> on_stack(n, false);
    std::vector<uint32_t> stack, call;
    std::vector<std::vector<uint32_t>> out;
    uint32_t counter = 0;
    for (uint32_t root = 0; root < n; ++root) {
        if (index[root] != kNone) continue;
        call.push_back(root);
        index[root] = low[root] = counter++;
        edge_at[root] = nodes_[root].first_edge;
        stack.push_back(root);
        on_stack[root] = true;
        while (!call.empty()) {
            const uint32_t v = call.back();
            if (edge_at[v] != kNone) {
                const Edge& e = edges_[edge_at[v]];
                edge_at[v] = e.next;
                const uint32_t w = e.to;
                if (index[w] == kNone) {
                    index[w] = low[w] = counter++;
                    edge_at[w] = nodes_[w].first_edge;
                    stack.push_back(w);
                    on_stack[w] = true;
                    call.push_back(w);
                } else if (on_stack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            call.pop_back();
            if (!call.empty()) low[call.back()] = std::min(low[call.back()], low[v]);
            if (low[v] != index[v]) continue;
            std::vector<uint32_t> scc;
            uint32_t w;
            do {
                w = stack.back();
                stack.pop_back();
                on_stack[w] = false;
                scc.push_back(w);
            } while (w != v);
            bool cyclic = scc.size() > 1;
            for (uint32_t x = nodes_[v].first_edge; !cyclic && x != kNone; x = edges_[x].next)
                cyclic = edges_[x].to == v;
            if (cyclic) out.push_back(std::move(scc));
        }
    }
    return out;
}

bool StatefulStrategy::has_cycles() const { return !components().empty(); }

std::vector<FairCycle> StatefulStrategy::fair_cycles() const {
    std::vector<FairCycle> out;
    std::vector<uint32_t> component(nodes_.size(), kNone);
    auto sccs = components();
    for (uint32_t c = 0; c < sccs.size(); ++c)
        for (uint32_t v : sccs[c]) component[v] = c;
    size_t fair = 0, unfair = 0;
    for (uint32_t c = 0; c < sccs.size() && fair < 8; ++c) {
        const auto& scc = sccs[c];
        uint64_t always = ~uint64_t{0}, inside = 0;
        bool reads_only = true;
        for (uint32_t v : scc) {
            always &= nodes_[v].enabled;
            for (uint32_t x = nodes_[v].first_edge; x != kNone; x = edges_[x].next) {
                const Edge& e = edges_[x];
                if (component[e.to] != c) continue;
                if (e.choice.thread.value < 64) inside |= uint64_t{1} << e.choice.thread.value;
                reads_only &= e.reads_only;
            }
        }
        const bool is_fair = !(always & ~inside); // else a thread could always leave, never moves inside
        if (is_fair ? fair++ >= 8 : unfair++ >= 1) continue;
        // Witness: the search's path to the component's first state, then a cycle back to it.
        const uint32_t start = *std::min_element(scc.begin(), scc.end());
        FairCycle fc;
        fc.reads_only = reads_only;
        fc.fair = is_fair;
        for (uint32_t v = start; nodes_[v].parent != kNone; v = nodes_[v].parent)
            fc.stem.push_back(nodes_[v].via);
        std::reverse(fc.stem.begin(), fc.stem.end());
        std::vector<uint32_t> prev(nodes_.size(), kNone), prev_edge(nodes_.size(), kNone);
        std::deque<uint32_t> work{start};
        uint32_t closing = kNone; // an edge back to start
        while (!work.empty() && closing == kNone) {
            const uint32_t v = work.front();
            work.pop_front();
            for (uint32_t x = nodes_[v].first_edge; x != kNone; x = edges_[x].next) {
                const uint32_t w = edges_[x].to;
                if (component[w] != c) continue;
                if (w == start) {
                    closing = x;
                    prev[start] = v;
                    break;
                }
                if (prev[w] != kNone) continue;
                prev[w] = v;
                prev_edge[w] = x;
                work.push_back(w);
            }
        }
        RC_CHECK(closing != kNone, "stateful: a strongly connected component without a cycle");
        fc.cycle.push_back(edges_[closing].choice);
        for (uint32_t v = prev[start]; v != start; v = prev[v]) fc.cycle.push_back(edges_[prev_edge[v]].choice);
        std::reverse(fc.cycle.begin(), fc.cycle.end());
        out.push_back(std::move(fc));
    }
    return out;
}

std::string StatefulStrategy::coverage() const {
    std::string n = std::to_string(nodes_.size()) + (nodes_.size() == 1 ? " state" : " states");
    if (done_ && cut_)
        return n + " (not exhaustive: paths were cut before their end, by the steps budget or by "
                   "the time budget or Ctrl-C inside an execution; the states beyond them not explored)";
    if (done_) return "all " + n + " (" + std::to_string(terminal_) + " final)";
    return n + " (not exhaustive: the search did not finish)";
}

} // namespace rc
