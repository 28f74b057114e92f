// Stale reads followed by overwriting writes: each write marks the other threads' pending reads
// of the global stale.
#include "checker/detectors/lost_update_detector.hpp"

#include <string> // messages

namespace rc {

void LostUpdateDetector::begin_execution(const Interpreter& in, const State& initial) {
    (void)in, (void)initial;
    reads_.clear();
    reported_.clear();
}

void LostUpdateDetector::restore(const std::any& saved) {
    const auto& s = std::any_cast<const Saved&>(saved);
    reads_ = s.reads;
    reported_ = s.reported;
}

void LostUpdateDetector::history(std::vector<HistoryItem>& out) const {
    for (const auto& [key, r] : reads_) {
        const bool attr = (key.second & (kAttr | kItem)) != 0;
        const ObjectId obj = attr ? ObjectId(static_cast<uint32_t>(key.second >> 32 & 0x3FFFFFFF)) : ObjectId();
        const uint64_t id = attr ? key.second & 0xFFFFFFFF : key.second;
        out.push_back({ThreadId(key.first), obj,
                       id << 33 | static_cast<uint64_t>(r.line) << 1 | (r.stale ? 1 : 0)});
    }
}

void LostUpdateDetector::on_step(const Interpreter& in, uint64_t step, const Event& e,
                                 const State& after, FindingSink& sink) {
    const bool attr = e.kind == OpKind::AttrRead || e.kind == OpKind::AttrWrite;
    // One item of a shared container: a list element by index, a dict item by key.
    const bool item = (e.kind == OpKind::ContainerRead || e.kind == OpKind::ContainerWrite) && e.obj.valid() &&
                      ((e.item & kItemKey) != 0 || e.elem >= 0);
    if ((e.kind != OpKind::GlobalRead && e.kind != OpKind::GlobalWrite && !attr && !item) || e.raised) return;
    uint64_t loc = 0;
    if (attr) {
        if (!e.obj.valid()) return;
        loc = kAttr | uint64_t{e.obj.value & 0x3FFFFFFF} << 32 | e.method.value;
    } else if (item) {
        // low word: bit 30 set (no attribute name reaches it), then the key's hash or the index
        const uint64_t k = e.elem >= 0 ? (uint64_t{1} << 29) | (static_cast<uint64_t>(e.elem) & 0x1FFFFFFF)
                                       : (e.item ^ e.item >> 29) & 0x1FFFFFFF;
        loc = kItem | uint64_t{e.obj.value & 0x3FFFFFFF} << 32 | uint64_t{1} << 30 | k;
    } else {
        if (!e.var.valid() || e.var.value >= in.program().globals.size()) return;
        loc = e.var.value;
    }
    const auto key = std::make_pair(e.thread.value, loc);
    if (e.kind == OpKind::GlobalRead || e.kind == OpKind::AttrRead || e.kind == OpKind::ContainerRead) {
        reads_[key] = Read{e.line, step, e.value, false, Write{}};
        return;
    }
    // A defaultdict's missing item read by `d[k]`: the read inserts it. The insertion is a write
    // of the item (other threads' reads of it are stale now), and the value is read.
    const bool read_too = item && (e.item & kItemReadToo) != 0;
    auto render = [&](Value v) { return v.is_unbound() ? "<deleted>" : in.repr(after, v); };
    if (auto it = reads_.find(key); it != reads_.end()) {
        const Read r = it->second;
        reads_.erase(it); // this write consumes the read
        const Write* overwritten = r.stale ? &r.overwritten : nullptr;
        const uint64_t lines = uint64_t{r.line} << 32 | e.line;
        // an inserting read writes the factory's value, not one computed from the stale read
        // An in-place update (`results += [x]` on a list, `c += Counter(...)`): the thread writes
        // back the object it read, and the other thread's write was that object too. Both
        // changed the object itself, and the write replaces nothing: no update is lost.
        auto is = [](Value a, Value b) { return a.tag == VTag::Obj && b.tag == VTag::Obj && a.ref == b.ref; };
        const bool in_place = overwritten && is(e.value, r.value) && is(e.value, overwritten->value);
        const bool located = overwritten && !read_too && !in_place;
        const std::string name = !located ? std::string()
                                 : attr   ? in.attribute_label(after, e.obj, e.method)
                                 : item   ? in.item_label(after, e.obj, e.elem, e.item)
                                          : in.program().name_of(e.var);
        if (located &&
            reported_.insert(attr || item ? Reported{0, name, lines} : Reported{e.var.value + 1, std::string(), lines})
                .second) {
            const std::string me = in.thread_name(after, e.thread);
            const std::string other = in.thread_name(after, overwritten->thread);
            uint32_t rl = ctx_.display_line(r.line), wl = ctx_.display_line(e.line);
            uint32_t ol = ctx_.display_line(overwritten->line);
            // an unbound read: a dict item found absent (`k not in d`)
            const std::string read = r.value.is_unbound() ? "<absent>" : render(r.value);
            const std::string theirs = render(overwritten->value);
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
    for (auto& [k, r] : reads_) // other threads' reads of this global are stale now
        if (k.second == loc && k.first != e.thread.value) {
            r.stale = true;
            r.overwritten = Write{e.thread, e.line, step, e.value};
        }
    if (read_too) reads_[key] = Read{e.line, step, e.value, false, Write{}};
}

} // namespace rc
