// The turn protocol and the life of one real run.
//
// Turn protocol. `token_` holds 0 (no turn) or t+1 (Python thread t's turn). Forced mode: the
// thread whose turn ends stores the next thread's turn; each thread spins (relaxed load, yield)
// until the token names it. Free mode: each thread takes a free token with a relaxed CAS, steps
// if its operation is enabled (a timeout only when no thread at all is enabled), and stores 0.
// Whoever holds the turn owns every ignored structure below; a turn ends with a signal fence
// then a relaxed store, and begins with a relaxed load then a signal fence. On x86-64 (TSO)
// stores become visible in order and loads are not reordered with loads, so the next holder
// sees all of the previous holder's writes; TSan sees no happens-before edge at all.
//
// Within a turn, thread t (see take_turn):
//   1. decides (ignored) whether and how it steps;
//   2. GlobalRead of v: plain load of cells_[v] (seen by TSan), stored into state_.globals[v];
//      AttrRead of o.a: plain load of o.a's attribute cell (seen by TSan); TSan also sees the
//      read at the cell's pair cells of t and each other thread (pair_cells.hpp);
//   3. steps the interpreter (ignored), plans the step's sync actions;
//   4. GlobalWrite of v: plain store of the new value into cells_[v] (seen by TSan); AttrWrite
//      of o.a: plain store into o.a's attribute cell; and the write at the pair cells;
//   5. performs the sync actions, releases its end word if it ended, creates the std::threads
//      of threads the step started (seen by TSan: the step's happens-before edges);
//   6. decides the next turn (ignored) and passes it.
//
// One file over 600 lines: the turn protocol, the memory cells and the bookkeeping that mirrors
// the interpreter's state into them are one class (RealRun) whose members the turn holder
// shares within a turn; split, each part would need the whole class's state.
#include "checker/real/real_run.hpp"

#include <algorithm>  // min
#include <atomic>     // the turn token
#include <chrono>     // the waiters' sleeps
#include <cstdio>     // snprintf
#include <deque>      // threads of a run
#include <memory>     // cells
#include <pthread.h>  // pthread_setname_np
#include <thread>     // std::thread, yield
#include <unordered_map> // attribute cells by key and by address

#include "checker/real/pair_cells.hpp"   // PairCells
#include "checker/real/real_sync.hpp"    // RealSync
#include "checker/real/repeat_filter.hpp" // RepeatFilter
#include "checker/real/tsan_api.hpp"     // IgnoreScope, __tsan_release
#include "checker/real/tsan_reports.hpp" // TsanReports
#include "checker/real/watchdog.hpp"     // RunSignals, watch
#include "model/objects/classes.hpp"      // InstanceObj, ClassObj, find_attr
#include "model/runtime/choice.hpp"       // ForcedContinuation
#include "model/runtime/fingerprint.hpp"  // Fingerprinter, LoopProof

namespace rc::real {

namespace {

/// One module global's memory: a whole Value, loaded and stored with plain accesses.
struct alignas(16) Cell {
    Value v;
};

// rc_real is compiled without TSan's instrumentation (CMakeLists.txt says why): the program's
// accesses to its cells are the only memory accesses TSan must judge, and these two announce
// each of them by hand, just before it, as the instrumentation would.
static_assert(sizeof(Value) == 16, "a cell's access is announced as one 16-byte access");

/// Every announced read (of a cell, or at one of its pair cells: pair_cells.hpp) calls TSan from
/// this one instruction, and every write from tsan_sees_write's: TSan's stack of an access is the
/// AccessFrame and this call's address, so two reports of one pair have equal stacks wherever it
/// was announced, and suppress_equal_stacks keeps one. Not inlined, and no tail call (the empty
/// asm after the call).
[[gnu::noinline]] void tsan_sees_read(const void* a) {
    __tsan_read16(const_cast<void*>(a));
    asm volatile("" ::: "memory");
}

[[gnu::noinline]] void tsan_sees_write(void* a) {
    __tsan_write16(a);
    asm volatile("" ::: "memory");
}

/// The program's load of a cell, seen by TSan.
Value load_seen(const Cell& c) {
    tsan_sees_read(&c.v);
    return c.v;
}

/// The program's store to a cell, seen by TSan.
void store_seen(Cell& c, const Value& v) {
    tsan_sees_write(&c.v);
    c.v = v;
}

/// A shared attribute: the object that holds it (an instance, a class, or a closure variable's
/// cell) and its name.
struct AttrKey {
    ObjectId obj;
    NameId name;
    uint64_t packed() const { return uint64_t{obj.value} << 32 | name.value; }
};

/// The attribute's value in a state (unbound when the object has none by that name); for a
/// closure variable's cell (its AttrRead/AttrWrite name the cell and the variable), the cell's.
Value attribute_value(const State& s, AttrKey k) {
    const auto& data = s.object(k.obj).data;
    if (auto* cell = std::get_if<CellObj>(&data)) return cell->value;
    const AttrList* attrs = nullptr;
    if (auto* i = std::get_if<InstanceObj>(&data)) attrs = &i->attrs;
    else if (auto* c = std::get_if<ClassObj>(&data)) attrs = &c->attrs;
    else if (auto* e = std::get_if<ExceptionObj>(&data)) attrs = &e->attrs;
    const Value* v = attrs ? find_attr(*attrs, k.name) : nullptr;
    return v ? *v : Value::unbound();
}

class RealRun {
public:
    RealRun(const Interpreter& in, const RunConfig& cfg)
        : in_(in), cfg_(cfg),
          loop_fp_(FingerprintOptions{false, in.reads_clock(),
                                      static_cast<uint32_t>(in.program().string_constants.size())}) {}
    RunResult run(const std::vector<int64_t>& params);

private:
    void thread_main(ThreadId t, void* end_word_if_finished);
    bool wait_turn(ThreadId t);
    bool take_turn(ThreadId t, uint64_t& rng);
    void yield_after_turn(uint64_t& rng) const;
    static bool keeps_turn(uint64_t& rng, uint64_t steps);
    void spawn(ThreadId t, void* end_word_if_finished);
    // ---- ignored bookkeeping, called inside an IgnoreScope by the turn holder ----
    bool any_enabled() const;
    uint32_t decide_next(); // the next token value; sets ending_ and stopping_ when the run ends
    bool loops_alone();
    void attribute_reports(ThreadId t, uint32_t cell, uint32_t line);
    void grow_tables();
    uint32_t attr_cell(AttrKey k); // the attribute's cell index (cell_count_ + i), made on first use
    Cell& cell(uint32_t c) { return c < cell_count_ ? cells_[c] : attr_cells_[c - cell_count_]; }
    uint32_t& line_of(std::vector<std::vector<uint32_t>>& table, ThreadId t, uint32_t cell);
    uint32_t thread_count() const { return static_cast<uint32_t>(state_.threads.size()); }

    const Interpreter& in_;
    const RunConfig& cfg_;

    // Turn machinery: relaxed atomics only (no happens-before for TSan).
    std::atomic<uint32_t> token_{0};
    RunSignals signals_; // stop, progress, live: shared with the watchdog

    // The program's shared memory: instrumented, never touched inside an IgnoreScope except to
    // mirror a write the interpreter made invisibly (a global only MainThread touches).
    std::unique_ptr<Cell[]> cells_;
    size_t cell_count_ = 0;
    // Shared attributes' memory, one cell each, made at the attribute's first visible access
    // (a deque: cells never move). Cell indices: globals 0..cell_count_-1, attribute i at
    // cell_count_ + i.
    std::deque<Cell> attr_cells_;

    // Owned by the turn holder, accessed inside IgnoreScopes only.
    State state_;
    RealSync sync_;
    std::vector<Value> mirror_;                       // what each global's cell holds
    std::vector<AttrKey> attr_keys_;                  // [i]: the attribute attr_cells_[i] holds
    std::vector<Value> attr_mirror_;                  // [i]: what attr_cells_[i] holds
    std::unordered_map<uint64_t, uint32_t> attr_index_; // AttrKey::packed() → i
    std::unordered_map<uintptr_t, uint32_t> attr_at_;  // address of attr_cells_[i] → i
    std::vector<std::vector<uint32_t>> read_line_;    // [thread][cell]: line of latest read
    std::vector<std::vector<uint32_t>> write_line_;   // [thread][cell]: line of latest write
    RepeatFilter repeats_; // which accesses TSan judged already
    PairCells pairs_;      // where an access is announced once more per other thread
    std::vector<void*> read_pairs_, store_pairs_; // this step's pair cells (pairs_.targets)
    std::deque<std::thread> threads_;
    size_t next_choice_ = 0;
    bool next_timeout_ = false;
    bool stopping_ = false;
    Ending ending_ = Ending::Ended;
    std::optional<uint64_t> diverged_at_;
    std::string note_;
    size_t reports_seen_ = 0;
    uint32_t run_index_ = 0; // this process's runs so far (AccessFrame: TSan dedupes per run)
    std::vector<Choice> schedule_; // the steps taken so far
    std::vector<CellRace> races_;
    std::vector<std::string> other_reports_;
    std::vector<ThreadId> ready_;
    std::optional<ForcedContinuation> continuation_; // forced mode, after the schedule
    // loops_alone: the thread that alone could move after each step since the window began
    // (invalid: no window), the window's sample spacing, steps since its last sample.
    Fingerprinter loop_fp_;
    LoopProof loop_proof_;
    ThreadId alone_;
    uint64_t alone_spacing_ = 0, alone_steps_ = 0;
};

void RealRun::thread_main(ThreadId t, void* end_word_if_finished) {
    char name[16];
    std::snprintf(name, sizeof name, "rc%u", t.value);
    pthread_setname_np(pthread_self(), name); // TSan names report threads after it
    if (end_word_if_finished) {
        // Ended within the step that started it: its end still happens after its start.
        if (!cfg_.skip_sync) __tsan_release(end_word_if_finished);
    } else {
        uint64_t rng = cfg_.seed ^ (0x9E3779B97F4A7C15ull * (t.value + 1));
        while (wait_turn(t) && take_turn(t, rng)) {
        }
    }
    signals_.live.fetch_sub(1, std::memory_order_relaxed);
}

bool RealRun::wait_turn(ThreadId t) {
    const uint32_t mine = t.value + 1;
    for (uint32_t tries = 0;; ++tries) {
        if (signals_.stop.load(std::memory_order_relaxed)) return false;
        if (cfg_.mode == RealMode::Forced) {
            if (token_.load(std::memory_order_relaxed) == mine) break;
        } else {
            uint32_t free_token = 0;
            if (token_.compare_exchange_weak(free_token, mine, std::memory_order_relaxed,
                                             std::memory_order_relaxed) ||
                free_token == mine) // kept from this thread's last turn (keeps_turn)
                break;
        }
        // Yield at first; a thread still waiting after 64 tries sleeps 10 µs, doubling to 160 µs,
        // so that the turn's holder is not starved of a core by the waiters' system calls (a
        // 1 M-step witness where one thread runs on while five wait). A sleep is no
        // synchronization for TSan.
        if (tries < 64) std::this_thread::yield();
        else std::this_thread::sleep_for(std::chrono::microseconds(10u << std::min<uint32_t>(4, (tries - 64) / 16)));
    }
    std::atomic_signal_fence(std::memory_order_seq_cst);
    return true;
}

/// One SplitMix64 step of a thread's free-run generator.
uint64_t next_random(uint64_t& rng) {
    uint64_t z = (rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/// Free mode, after giving the turn back: 1 to 3 yields.
void RealRun::yield_after_turn(uint64_t& rng) const {
    for (uint64_t n = 1 + next_random(rng) % 3; n > 0; --n) std::this_thread::yield();
}

/// Free mode, after a step: whether the thread keeps the turn for its next step. At first never,
/// so a short program switches threads at every step; past that, a run keeps the turn with
/// probability 1 − 1/q, q = 1 + steps / 4096 capped at 256, a geometric quantum of mean q (CPython
/// itself switches threads only every 5 ms). Handing the turn over costs yields and a cache
/// line's trip between cores: without the quantum a 1 M-step free run took 10 s under TSan.
bool RealRun::keeps_turn(uint64_t& rng, uint64_t steps) {
    const uint64_t q = 1 + std::min<uint64_t>(255, steps / 4096);
    return q > 1 && next_random(rng) % q != 0;
}

bool RealRun::take_turn(ThreadId t, uint64_t& rng) {
    TsanReports& reports = TsanReports::instance();
    PendingOp op;
    bool step = false, timeout = false;
    uint32_t read_cell = UINT32_MAX; // the cell the step loads, if any
    Cell* read_from = nullptr;
    bool announce_read = false;
    { // 1. decide
        IgnoreScope ignore;
        if (state_.thread(t).status == ThreadStatus::Running) {
            op = state_.thread(t).pending;
            if (cfg_.mode == RealMode::Forced) {
                step = true;
                timeout = next_timeout_;
            } else if (in_.is_enabled(state_, t)) {
                step = true;
                // A choice the explorer makes (as_completed's order among futures already
                // done: CPython's set order): free runs take either branch, as a coin decides.
                if (op.kind == OpKind::Choose) timeout = ((rng += 0x9E3779B97F4A7C15ull) >> 33) & 1;
            } else if (in_.can_time_out(state_, t) && !any_enabled()) {
                step = timeout = true;
            }
        }
        if (step && !timeout) {
            if (op.kind == OpKind::GlobalRead && op.var.valid()) read_cell = op.var.value;
            else if (op.kind == OpKind::AttrRead && op.obj.valid()) read_cell = attr_cell({op.obj, op.method});
        }
        if (read_cell != UINT32_MAX) {
            read_from = &cell(read_cell);
            announce_read = repeats_.announce(t.value, read_cell, false);
            if (announce_read) pairs_.targets(read_cell, t.value, thread_count(), read_pairs_);
        }
    }
    if (!step) { // free mode: not this thread's moment; let the others run
        std::atomic_signal_fence(std::memory_order_seq_cst);
        token_.store(0, std::memory_order_relaxed);
        yield_after_turn(rng);
        return true;
    }
    Value loaded;
    if (announce_read) { // 2. the program's load from shared memory
        AccessFrame frame(run_index_, read_cell, t.value, false);
        loaded = load_seen(*read_from);
        for (void* p : read_pairs_) tsan_sees_read(p);
    } else if (read_from) {
        loaded = read_from->v; // a repeat TSan judged already (repeat_filter.hpp)
    }
    Event ev;
    std::vector<SyncAction> actions;
    std::vector<std::pair<ThreadId, void*>> born; // new threads; end word if already ended
    std::optional<std::pair<uint32_t, Value>> store; // (cell index, value): a global's or an attribute's
    void* my_end = nullptr;
    bool announce_store = false;
    Cell* store_to = nullptr;
    { // 3. the step
        IgnoreScope ignore;
        if (read_from) {
            // The cell holds the model's value (the mirrors keep it so): the model reads it.
            if (read_cell < cell_count_) state_.globals[read_cell] = loaded;
            else attr_mirror_[read_cell - cell_count_] = loaded;
            if (reports.count() != reports_seen_) attribute_reports(t, read_cell, op.line);
            line_of(read_line_, t, read_cell) = op.line;
        }
        ev = in_.step(state_, t, timeout);
        schedule_.push_back({t, timeout});
        sync_.observe(state_);
        actions = sync_.plan(ev, state_);
        for (size_t v = 0; v < cell_count_; ++v) {
            const Value now = state_.globals[v];
            if (now.same(mirror_[v])) continue;
            if (ev.kind == OpKind::GlobalWrite && !ev.raised && ev.var.value == v) {
                store = std::make_pair(static_cast<uint32_t>(v), now);
            } else {
                cells_[v].v = now; // an invisible write (module-level only): mirrored, unseen
            }
            mirror_[v] = now;
        }
        if (ev.kind == OpKind::GlobalWrite && !ev.raised && !store && ev.var.valid())
            store = std::make_pair(ev.var.value, state_.globals[ev.var.value]); // rewrote same value
        const bool attr_write = op.kind == OpKind::AttrWrite && op.obj.valid() && !ev.raised && !timeout;
        if (attr_write) attr_cell({op.obj, op.method}); // its first access may be this write
        for (size_t i = 0; i < attr_cells_.size(); ++i) {
            const Value now = attribute_value(state_, attr_keys_[i]);
            const bool mine = attr_write && attr_keys_[i].obj == op.obj && attr_keys_[i].name == op.method;
            if (mine) {
                store = std::make_pair(static_cast<uint32_t>(cell_count_ + i), now);
            } else if (!now.same(attr_mirror_[i])) {
                attr_cells_[i].v = now; // an invisible write (an object not yet shared): unseen
            }
            attr_mirror_[i] = now;
        }
        for (size_t i = read_line_.size(); i < state_.threads.size(); ++i) {
            const ThreadId child(static_cast<uint32_t>(i));
            const bool ended = state_.thread(child).status != ThreadStatus::Running;
            born.emplace_back(child, ended ? sync_.thread_end(child) : nullptr);
        }
        grow_tables();
        if (ev.thread_ended) my_end = sync_.thread_end(t);
        if (store) {
            store_to = &cell(store->first);
            announce_store = repeats_.announce(t.value, store->first, true);
            if (announce_store) pairs_.targets(store->first, t.value, thread_count(), store_pairs_);
        }
        // Step 5's synchronization changes this thread's clock: what TSan judged before is stale.
        if (!actions.empty() || my_end || !born.empty()) repeats_.synchronized(t.value);
    }
    if (store) { // 4. the program's store to shared memory
        if (announce_store) {
            AccessFrame frame(run_index_, store->first, t.value, true);
            store_seen(*store_to, store->second);
            for (void* p : store_pairs_) tsan_sees_write(p);
        } else {
            store_to->v = store->second; // a repeat TSan judged already (repeat_filter.hpp)
        }
    }
    // 5. synchronization TSan sees
    std::string sync_error = cfg_.skip_sync ? std::string() : RealSync::perform(actions);
    if (my_end && !cfg_.skip_sync) __tsan_release(my_end);
    for (const auto& [child, end_word] : born) spawn(child, end_word);
    signals_.progress.fetch_add(1, std::memory_order_relaxed);
    uint32_t next = 0;
    bool stop = false, keep = false;
    { // 6. the next turn
        IgnoreScope ignore;
        if (store) { // the store's reports first (the synchronization of 5 makes no race)
            if (reports.count() != reports_seen_) attribute_reports(t, store->first, ev.line);
            line_of(write_line_, t, store->first) = ev.line;
        }
        if (reports.count() != reports_seen_) attribute_reports(ThreadId(), UINT32_MAX, 0);
        if (!sync_error.empty() && !stopping_) {
            stopping_ = true;
            ending_ = Ending::Internal;
            note_ = sync_error;
        }
        if (!stopping_) next = decide_next();
        stop = stopping_;
        keep = !stop && !ev.thread_ended && cfg_.mode == RealMode::Free && keeps_turn(rng, state_.steps);
    }
    if (stop) signals_.stop.store(true, std::memory_order_relaxed);
    if (keep) return true; // the token still names this thread; wait_turn sees it
    std::atomic_signal_fence(std::memory_order_seq_cst);
    token_.store(stop ? 0 : next, std::memory_order_relaxed);
    if (cfg_.mode == RealMode::Free) yield_after_turn(rng);
    return !ev.thread_ended;
}

void RealRun::spawn(ThreadId t, void* end_word_if_finished) {
    signals_.live.fetch_add(1, std::memory_order_relaxed);
    std::thread th(&RealRun::thread_main, this, t, end_word_if_finished); // HB: parent → child
    IgnoreScope ignore;
    threads_.push_back(std::move(th));
}

bool RealRun::any_enabled() const {
    for (const ThreadState& th : state_.threads)
        if (th.status == ThreadStatus::Running && in_.is_enabled(state_, th.id)) return true;
    return false;
}

uint32_t RealRun::decide_next() {
    auto end = [&](Ending e) {
        stopping_ = true;
        ending_ = e;
        return 0u;
    };
    switch (in_.status(state_)) {
    case RunStatus::Ended: return end(Ending::Ended);
    case RunStatus::Blocked: return end(Ending::Hang);
    case RunStatus::Diverged: return end(Ending::RunsForever);
    case RunStatus::Limit: return end(Ending::Limit);
    case RunStatus::Refused:
        note_ = "unsupported: " + state_.refusal->what;
        return end(Ending::Refused);
    case RunStatus::Running: break;
    }
    if (state_.steps >= cfg_.max_steps) return end(Ending::StepLimit);
    if (cfg_.deadline && state_.steps % 1024 == 0 && std::chrono::steady_clock::now() >= *cfg_.deadline) {
        note_ = "cut after " + std::to_string(state_.steps) + " steps: the time budget ran out";
        return end(Ending::TimeLimit);
    }
    const bool own_choices = cfg_.mode == RealMode::Free || next_choice_ >= cfg_.schedule.size();
    if (own_choices && !cfg_.stop_after_schedule && loops_alone()) {
        note_ = std::string(in_.thread_name_view(state_, alone_)) + " came back to a state at line " +
                std::to_string(in_.program().file_line(state_.thread(alone_).pending.line)) +
                " while no other thread could move: it goes round forever";
        return end(Ending::RunsForever);
    }
    if (cfg_.mode == RealMode::Free) return 0;
    if (next_choice_ < cfg_.schedule.size()) {
        const Choice c = cfg_.schedule[next_choice_];
        const bool fits = c.thread.value < state_.threads.size() &&
                          state_.thread(c.thread).status == ThreadStatus::Running &&
                          (c.timeout ? in_.can_time_out(state_, c.thread)
                                     : in_.is_enabled(state_, c.thread));
        if (!fits) {
            diverged_at_ = next_choice_ + 1;
            note_ = "at step " + std::to_string(next_choice_ + 1) + " the schedule runs thread " +
                    std::to_string(c.thread.value) + (c.timeout ? " (timeout)" : "") +
                    ", which cannot move";
            return end(Ending::Diverged);
        }
        ++next_choice_;
        next_timeout_ = c.timeout;
        return c.thread.value + 1;
    }
    if (cfg_.stop_after_schedule) {
        note_ = "stopped after the witness's " + std::to_string(cfg_.schedule.size()) + " steps";
        return end(Ending::ScheduleEnd);
    }
    // After the schedule: ForcedContinuation, as the model's prediction of the run's final values
    // (status Running: some thread is schedulable).
    if (!continuation_)
        continuation_.emplace(cfg_.schedule.empty() ? ThreadId() : cfg_.schedule.back().thread);
    const Choice c = continuation_->next(in_, state_, ready_);
    next_timeout_ = c.timeout;
    return c.thread.value + 1;
}

/// Whether the run provably goes round forever (free runs, and forced runs past their schedule).
/// While one thread alone can move (every other one is blocked without a timeout, or ended), and
/// its next step is no choice of the explorer, the run is a deterministic function of its state:
/// the state twice means the same steps forever (`while not ready: pass` holding the lock the
/// setter needs). The states are sampled every `alone_spacing_` steps, since a fingerprint reads
/// the whole heap, and compared by Brent's method, as the interpreter's loop proof does (exec.cpp
/// prove_loop_or_stop). A loop that changes something every round (a counter, the output, the
/// virtual clock when the program reads it) never repeats a state and runs on to a budget.
bool RealRun::loops_alone() {
    ThreadId only;
    bool alone = true;
    for (const ThreadState& th : state_.threads) {
        if (!alone) break;
        if (th.status != ThreadStatus::Running) continue;
        if (in_.is_enabled(state_, th.id)) {
            alone = !only.valid() && th.pending.kind != OpKind::Choose;
            only = th.id;
        } else if (in_.can_time_out(state_, th.id)) {
            alone = false;
        }
    }
    if (!alone || !only.valid()) {
        alone_ = ThreadId();
        return false;
    }
    if (only != alone_) { // a new window
        alone_ = only;
        loop_proof_ = LoopProof{};
        alone_spacing_ = std::max<uint64_t>(64, 2 * (state_.heap.size() + state_.globals.size()));
        alone_steps_ = alone_spacing_ - 1; // its first state is the first sample
    }
    if (++alone_steps_ < alone_spacing_) return false;
    alone_steps_ = 0;
    return loop_proof_.repeats(loop_fp_(state_));
}

void RealRun::attribute_reports(ThreadId t, uint32_t cell, uint32_t line) {
    TsanReports& reports = TsanReports::instance();
    const uintptr_t base = reinterpret_cast<uintptr_t>(cells_.get());
    const uintptr_t limit = base + cell_count_ * sizeof(Cell);
    for (size_t n = reports.count(); reports_seen_ < n; ++reports_seen_) {
        const RawReport& r = reports.at(reports_seen_);
        // The cell the race is on: a global's, or a shared attribute's.
        uint32_t c = UINT32_MAX;
        if (r.addr[0] >= base && r.addr[0] < limit) {
            c = static_cast<uint32_t>((r.addr[0] - base) / sizeof(Cell));
        } else if (auto at = attr_at_.find(static_cast<uintptr_t>(r.addr[0]) & ~uintptr_t{alignof(Cell) - 1});
                   at != attr_at_.end()) {
            c = static_cast<uint32_t>(cell_count_ + at->second);
        } else if (uint32_t paired = 0; pairs_.cell_of(r.addr[0], paired)) {
            c = paired;
        }
        const bool on_cell = std::string_view(r.description) == "data-race" && r.mops == 2 &&
                             c != UINT32_MAX && r.python_tid[0] >= 0 && r.python_tid[1] >= 0;
        if (!on_cell) {
            other_reports_.push_back(std::string(r.description) + " at an address that is no global's or attribute's" +
                                     (r.python_tid[0] >= 0 ? " in rc" + std::to_string(r.python_tid[0]) : ""));
            continue;
        }
        pairs_.reported(c, static_cast<uint32_t>(r.python_tid[0]), static_cast<uint32_t>(r.python_tid[1]));
        CellRace race;
        if (c < cell_count_) {
            race.var = VarId(c);
        } else {
            const AttrKey k = attr_keys_[c - cell_count_];
            race.attribute = in_.attribute_label(state_, k.obj, k.name);
        }
        for (int side = 0; side < 2; ++side) {
            const int mop = 1 - side; // mop 1 is the earlier access
            const ThreadId who(static_cast<uint32_t>(r.python_tid[mop]));
            race.threads[side] = who;
            race.writes[side] = r.write[mop];
            if (who == t && c == cell && mop == 0) {
                race.lines[side] = line;
            } else if (who.value < read_line_.size()) {
                race.lines[side] = line_of(r.write[mop] ? write_line_ : read_line_, who, c);
            }
        }
        races_.push_back(race);
    }
}

uint32_t RealRun::attr_cell(AttrKey k) {
    auto [it, added] = attr_index_.try_emplace(k.packed(), static_cast<uint32_t>(attr_cells_.size()));
    if (added) {
        attr_cells_.emplace_back();
        attr_cells_.back().v = attribute_value(state_, k); // ignored: the value it starts with
        attr_keys_.push_back(k);
        attr_mirror_.push_back(attr_cells_.back().v);
        attr_at_.emplace(reinterpret_cast<uintptr_t>(&attr_cells_.back()), it->second);
    }
    return static_cast<uint32_t>(cell_count_ + it->second);
}

uint32_t& RealRun::line_of(std::vector<std::vector<uint32_t>>& table, ThreadId t, uint32_t cell) {
    std::vector<uint32_t>& row = table[t.value];
    if (row.size() <= cell) row.resize(cell + 1, 0);
    return row[cell];
}

void RealRun::grow_tables() {
    while (read_line_.size() < state_.threads.size()) {
        read_line_.emplace_back(cell_count_, 0);
        write_line_.emplace_back(cell_count_, 0);
    }
}

RunResult RealRun::run(const std::vector<int64_t>& params) {
    static uint32_t runs_in_process = 0; // runs follow each other: none overlap
    run_index_ = runs_in_process++;
    TsanReports& reports = TsanReports::instance();
    std::vector<Value> initial;
    uint32_t first = 0;
    size_t reports_at_start = 0;
    {
        IgnoreScope ignore;
        state_ = in_.initial_state(params);
        sync_.observe(state_);
        cell_count_ = state_.globals.size();
        mirror_ = state_.globals;
        initial = state_.globals;
        grow_tables();
        reports_seen_ = reports.count();
        reports_at_start = reports.count() + reports.dropped();
        first = decide_next();
    }
    cells_ = std::make_unique<Cell[]>(cell_count_); // the program's memory, owned by this thread
    for (size_t v = 0; v < cell_count_; ++v) cells_[v].v = initial[v];
    if (!stopping_) {
        token_.store(first, std::memory_order_relaxed);
        spawn(ThreadId(0), nullptr); // MainThread; HB: this thread's initialization → it
        const bool stalled = watch(signals_, cfg_.stall_seconds, cfg_.abandon);
        std::atomic_signal_fence(std::memory_order_seq_cst);
        IgnoreScope ignore;
        if (stalled && !stopping_) {
            stopping_ = true;
            ending_ = Ending::Hang;
            note_ = stall_message(cfg_.stall_seconds);
        }
    }
    std::deque<std::thread> threads;
    {
        IgnoreScope ignore;
        threads.swap(threads_);
    }
    for (std::thread& th : threads) th.join();
    IgnoreScope ignore;
    attribute_reports(ThreadId(), UINT32_MAX, 0);
    RunResult r;
    r.ending = ending_;
    r.diverged_at = diverged_at_;
    r.note = note_;
    r.final_state = state_;
    r.schedule = std::move(schedule_);
    r.races = std::move(races_);
    r.other_reports = std::move(other_reports_);
    r.tsan_reports = reports.count() + reports.dropped() - reports_at_start;
    if (reports.dropped() > 0)
        r.other_reports.push_back(std::to_string(reports.dropped()) +
                                  " TSan reports beyond the registry's capacity were dropped");
    return r;
}

} // namespace

RunResult run_real(const Interpreter& in, const std::vector<int64_t>& params,
                   const RunConfig& config) {
    RealRun run(in, config);
    return run.run(params);
}

} // namespace rc::real
