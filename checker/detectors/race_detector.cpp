// FastTrack's read and write rules (Flanagan & Freund, PLDI 2009, figure 2), with the same-epoch
// fast paths, reporting every race the rules detect instead of stopping at the first.
#include "checker/detectors/race_detector.hpp"

#include <algorithm> // sort, set_intersection, find_if
#include <iterator>  // back_inserter
#include <string>    // messages

namespace rc {

void RaceDetector::begin_execution(const Interpreter& in, const State& initial) {
    hb_.begin(initial);
    locks_.begin();
    vars_.assign(in.program().globals.size(), VarState{});
    attrs_.clear();
    reported_.clear();
}

std::string RaceDetector::Location::label(const Interpreter& in, const State& s) const {
    if (var.valid()) return in.program().name_of(var);
    return in.attribute_label(s, obj, name);
}

namespace {
template <class HB, class Locks, class Vars, class Attrs, class Reported> struct RaceSaved {
    HB hb;
    Locks locks;
    Vars vars;
    Attrs attrs;
    Reported reported;
};

} // namespace

std::any RaceDetector::save() const {
    if (ctx_.per_state) return {};
    return RaceSaved<HappensBefore, HeldLocks, std::vector<VarState>, std::map<uint64_t, VarState>,
                     std::set<Reported>>{hb_, locks_, vars_, attrs_, reported_};
}

void RaceDetector::restore(const std::any& saved) {
    if (ctx_.per_state) return;
    const auto& s = std::any_cast<const RaceSaved<HappensBefore, HeldLocks, std::vector<VarState>,
                                                  std::map<uint64_t, VarState>,
                                                  std::set<Reported>>&>(saved);
    hb_ = s.hb;
    locks_ = s.locks;
    vars_ = s.vars;
    attrs_ = s.attrs;
    reported_ = s.reported;
}

void RaceDetector::on_state(const Interpreter& in, const State& s, FindingSink& sink) {
    if (!ctx_.per_state || s.ended) return;
    struct Next {
        ThreadId thread;
        uint64_t var; // a global, or 1 << 63 | object << 32 | attribute
        uint32_t line;
        bool write;
        Location where;
    };
    std::vector<Next> next;
    for (const ThreadState& t : s.threads) {
        if (t.status != ThreadStatus::Running) continue;
        const PendingOp& op = t.pending;
        const bool attr = op.kind == OpKind::AttrRead || op.kind == OpKind::AttrWrite;
        if (attr) {
            if (!op.obj.valid() || !in.is_enabled(s, t.id)) continue;
            next.push_back({t.id, uint64_t{1} << 63 | uint64_t{op.obj.value} << 32 | op.method.value, op.line,
                            op.kind == OpKind::AttrWrite, Location{VarId(), op.obj, op.method}});
            continue;
        }
        if ((op.kind != OpKind::GlobalRead && op.kind != OpKind::GlobalWrite) || !op.var.valid()) continue;
        if (!in.is_enabled(s, t.id)) continue;
        next.push_back({t.id, op.var.value, op.line, op.kind == OpKind::GlobalWrite,
                        Location{op.var, ObjectId(), NameId()}});
    }
    for (size_t i = 0; i < next.size(); ++i)
        for (size_t j = 0; j < next.size(); ++j) {
            const Next& a = next[i];
            const Next& b = next[j];
            if (i == j || a.var != b.var || !b.write) continue; // b: the write that races
            if (a.write && j < i) continue;                      // two writes: once
            Access first{{a.thread, 1}, a.line, 1, a.write, {}};
            Access second{{b.thread, 1}, b.line, 2, b.write, {}};
            Finding f = race_finding(in, s, a.where, first, second);
            f.then = {Choice{a.thread, false}, Choice{b.thread, false}};
            sink.report(std::move(f));
        }
}

void RaceDetector::on_step(const Interpreter& in, uint64_t step, const Event& e, const State& after,
                           FindingSink& sink) {
    if (ctx_.per_state) return;
    locks_.on_step(e, after, step);
    hb_.on_step(e, after);
    const bool attr = e.kind == OpKind::AttrRead || e.kind == OpKind::AttrWrite;
    if ((e.kind != OpKind::GlobalRead && e.kind != OpKind::GlobalWrite && !attr) || e.raised) return;
    Location where;
    VarState* slot = nullptr;
    if (attr) {
        if (!e.obj.valid()) return;
        where = Location{VarId(), e.obj, e.method};
        slot = &attrs_[uint64_t{e.obj.value} << 32 | e.method.value];
    } else {
        if (!e.var.valid() || e.var.value >= vars_.size()) return;
        where = Location{e.var, ObjectId(), NameId()};
        slot = &vars_[e.var.value];
    }
    VarState& v = *slot;
    const VectorClock& now = hb_.clock(e.thread);
    Access a{hb_.epoch(e.thread), e.line, step, e.kind == OpKind::GlobalWrite || e.kind == OpKind::AttrWrite, {}};
    for (const HeldLocks::Held& h : locks_.held(e.thread)) a.locks.push_back(h.lock);
    std::sort(a.locks.begin(), a.locks.end());

    if (!a.write) {
        // [FT READ SAME EPOCH] (same line too, so that every racing line pair is seen)
        auto mine = std::find_if(v.reads.begin(), v.reads.end(),
                                 [&](const Access& r) { return r.at.thread == e.thread; });
        if (mine != v.reads.end() && mine->at == a.at && mine->line == a.line) {
            mine->step = step; // reports point at the latest such access
            mine->locks = std::move(a.locks);
            return;
        }
        // write-read race
        if (v.written && v.write.at.thread != e.thread && !v.write.at.happens_before(now))
            report(in, after, where, v.write, a, sink);
        if (v.reads.size() <= 1 && (v.reads.empty() || v.reads[0].at.happens_before(now))) {
            v.reads.assign(1, a); // [FT READ EXCLUSIVE]
        } else if (mine != v.reads.end()) {
            *mine = a; // [FT READ SHARED]
        } else {
            v.reads.push_back(a); // [FT READ SHARE]: epoch becomes a read vector clock
        }
        return;
    }
    // [FT WRITE SAME EPOCH]
    if (v.written && v.write.at == a.at && v.write.line == a.line) {
        v.write.step = step;
        v.write.locks = std::move(a.locks);
        return;
    }
    if (v.written && v.write.at.thread != e.thread && !v.write.at.happens_before(now))
        report(in, after, where, v.write, a, sink); // write-write race
    for (const Access& r : v.reads)
        if (r.at.thread != e.thread && !r.at.happens_before(now))
            report(in, after, where, r, a, sink); // read-write race
    v.written = true;
    v.write = std::move(a);
    v.reads.clear(); // [FT WRITE SHARED] resets the read set to the empty epoch
}

void RaceDetector::report(const Interpreter& in, const State& s, const Location& where,
                          const Access& prior, const Access& now, FindingSink& sink) {
    const uint64_t lines = uint64_t{std::min(prior.line, now.line)} << 32 | std::max(prior.line, now.line);
    Reported key = where.var.valid() ? Reported{where.var.value + 1, std::string(), lines}
                                     : Reported{0, where.label(in, s), lines};
    if (!reported_.insert(std::move(key)).second) return; // this execution holds it already
    sink.report(race_finding(in, s, where, prior, now));
}

Finding RaceDetector::race_finding(const Interpreter& in, const State& s, const Location& where,
                                   const Access& prior, const Access& now) const {
    const std::string name = where.label(in, s);
    uint32_t l1 = ctx_.display_line(prior.line), l2 = ctx_.display_line(now.line);
    auto side = [&](const Access& x, uint32_t line) {
        return in.thread_name(s, x.at.thread) + " " + (x.write ? "write" : "read") + " (line " +
               std::to_string(line) + ")";
    };
    std::vector<ObjectId> common;
    std::set_intersection(prior.locks.begin(), prior.locks.end(), now.locks.begin(),
                          now.locks.end(), std::back_inserter(common));
    Finding f;
    f.kind = FindingKind::DataRace;
    f.key = "data-race:" + name + ":" + std::to_string(std::min(l1, l2)) + ":" +
            std::to_string(std::max(l1, l2));
    f.summary = "data race on `" + name + "`: " + side(prior, l1) + " ∥ " + side(now, l2) +
                (common.empty() ? ", no common lock" : "");
    f.details.push_back("neither access happens before the other: no lock, join, event, queue "
                        "or other synchronization orders them");
    f.variables.push_back("`" + name + "`");
    f.lines = {std::min(l1, l2), std::max(l1, l2)};
    f.threads = {in.thread_name(s, prior.at.thread), in.thread_name(s, now.at.thread)};
    f.highlights.push_back({prior.step, std::string(prior.write ? "write" : "read") + " of `" +
                                            name + "` not ordered with step " +
                                            std::to_string(now.step)});
    f.highlights.push_back(
        {now.step, std::string("← races with step ") + std::to_string(prior.step)});
    return f;
}

} // namespace rc
