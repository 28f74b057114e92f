// A synthetic program to drive strategies exactly as the Session does, without an interpreter:
// thread t takes steps[t] steps and never blocks, so its options disappear once they are done;
// a timed thread also offers a timeout branch at each step (taking either uses the step). The
// number of interleavings is known in closed form, which makes exploration counts exact.
#pragma once

#include <doctest/doctest.h> // REQUIRE

#include <cstdint>  // uint32_t, uint64_t
#include <optional> // stop reason
#include <set>      // schedule_set
#include <string>   // coverage
#include <vector>   // shapes, schedules

#include "checker/strategies/strategy.hpp" // Strategy, ChoicePoint, Choice

namespace rc::test {

struct SyntheticProgram {
    std::vector<uint32_t> steps; // steps[t]: how many steps thread t takes
    std::vector<bool> timed;     // timed[t]: thread t's steps may also time out (may be shorter)

    bool is_timed(size_t t) const { return t < timed.size() && timed[t]; }

    /// The choice point after `done` steps of each thread, `last` having taken the last step.
    ChoicePoint point(const std::vector<uint32_t> &done, ThreadId last, uint64_t step) const {
        ChoicePoint p;
        PendingOp write;
        write.kind = OpKind::GlobalWrite;
        p.step = step;
        p.last = last;
        for (size_t t = 0; t < steps.size(); ++t) {
            if (done[t] >= steps[t])
                continue;
            ThreadId id(static_cast<uint32_t>(t));
            if (id == last)
                p.last_index = p.options.size();
            p.options.push_back({id, false});
            p.ops.push_back(write);
            if (is_timed(t)) {
                p.options.push_back({id, true});
                p.ops.push_back(write);
            }
        }
        return p;
    }
};

/// Runs one execution, as Session::run_execution does; returns its schedule. The first
/// s.resume_depth() choices repeat `previous` without asking the strategy, as the Session
/// does when it restores a checkpoint.
inline std::vector<Choice> run_execution(Strategy &s, const SyntheticProgram &program,
                                         const std::vector<Choice> &previous = {}) {
    std::vector<uint32_t> done(program.steps.size(), 0);
    std::vector<Choice> schedule;
    ThreadId last;
    const size_t resume = s.resume_depth();
    REQUIRE(resume <= previous.size());
    for (uint64_t step = 0;; ++step) {
        ChoicePoint p = program.point(done, last, step);
        if (p.options.empty()) { // the program's end, as Session reports it to the strategy
            if (step >= resume) s.on_end_state(p);
            break;
        }
        if (step < resume) {
            const Choice c = previous[step];
            ++done[c.thread.value];
            schedule.push_back(c);
            last = c.thread;
            continue;
        }
        size_t pick = s.choose(p);
        REQUIRE(pick < p.options.size());
        Choice c = p.options[pick];
        ++done[c.thread.value];
        schedule.push_back(c);
        last = c.thread;
        Event ev;
        ev.thread = c.thread;
        ev.kind = OpKind::GlobalWrite;
        ev.timed_out = c.timeout;
        ev.thread_ended = done[c.thread.value] == program.steps[c.thread.value];
        s.on_event(ev, footprint(ev, DependencyContext{}));
    }
    s.end_execution();
    return schedule;
}

struct SearchLog {
    std::vector<std::vector<Choice>> schedules; // executions handed over, in order
    uint64_t repeats = 0;                       // executions flagged repeat_execution()
    std::optional<StopReason> stopped;          // unset when max_executions cut the search
    std::string coverage;
};

/// Runs a whole search, as Session::run does, skipping repeats as the Session must.
inline SearchLog run_search(Strategy &s, const SyntheticProgram &program,
                            uint64_t max_executions = 10'000'000) {
    SearchLog log;
    std::vector<Choice> previous;
    while (log.schedules.size() < max_executions) {
        if (!s.begin_execution()) {
            log.stopped = s.stop_reason();
            break;
        }
        std::vector<Choice> schedule = run_execution(s, program, previous);
        previous = schedule;
        if (s.repeat_execution())
            ++log.repeats;
        else
            log.schedules.push_back(std::move(schedule));
    }
    log.coverage = s.coverage();
    return log;
}

/// Preemptions in a schedule of `program`: switches away from a thread that could go on.
inline uint32_t count_preemptions(const SyntheticProgram &program,
                                  const std::vector<Choice> &schedule) {
    std::vector<uint32_t> done(program.steps.size(), 0);
    ThreadId last;
    uint32_t n = 0;
    for (const Choice &c : schedule) {
        if (last.valid() && done[last.value] < program.steps[last.value] && c.thread != last)
            ++n;
        ++done[c.thread.value];
        last = c.thread;
    }
    return n;
}

/// "0 0 1t 1": thread ids, 't' marking a timeout branch. Readable in failure messages.
inline std::string schedule_text(const std::vector<Choice> &schedule) {
    std::string s;
    for (const Choice &c : schedule) {
        if (!s.empty())
            s += ' ';
        s += std::to_string(c.thread.value) + (c.timeout ? "t" : "");
    }
    return s;
}

/// The distinct schedules of a search, as schedule_text.
inline std::set<std::string> schedule_set(const std::vector<std::vector<Choice>> &schedules) {
    std::set<std::string> set;
    for (const auto &s : schedules)
        set.insert(schedule_text(s));
    return set;
}

/// (sum of steps)! / prod(steps[t]!): the interleavings of threads without timeouts.
inline uint64_t multinomial(const std::vector<uint32_t> &steps) {
    uint64_t result = 1, n = 0;
    for (uint32_t k : steps)
        // After step i, result is the previous product times C(n, i): each division is exact.
        for (uint32_t i = 1; i <= k; ++i)
            result = result * ++n / i;
    return result;
}

} // namespace rc::test
