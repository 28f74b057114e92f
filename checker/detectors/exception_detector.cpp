// Uncaught exceptions, reported at the step that ended the thread.
#include "checker/detectors/exception_detector.hpp"

#include <string>  // messages
#include <variant> // get_if on heap objects

#include "model/values/objects.hpp" // ExceptionObj

namespace rc {

void ExceptionDetector::begin_execution(const Interpreter& in, const State& initial) {
    (void)in;
    reported_.assign(initial.threads.size(), false);
}

void ExceptionDetector::on_step(const Interpreter& in, uint64_t step, const Event& e,
                                const State& after, FindingSink& sink) {
    if (e.thread_ended) check_thread(in, after, e.thread, step, sink);
}

void ExceptionDetector::end_execution(const Interpreter& in, const State& final_state,
                                      const ExecutionEnd& end, FindingSink& sink) {
    (void)end;
    for (const ThreadState& t : final_state.threads) check_thread(in, final_state, t.id, 0, sink);
}

void ExceptionDetector::check_thread(const Interpreter& in, const State& s, ThreadId t,
                                     uint64_t step, FindingSink& sink) {
    if (t.value >= reported_.size()) reported_.resize(t.value + 1, false);
    const ThreadState& th = s.thread(t);
    if (reported_[t.value] || !th.uncaught.is_obj()) return;
    auto* exc = std::get_if<ExceptionObj>(&s.object(th.uncaught.obj()).data);
    if (!exc || exc->type == BuiltinId::AssertionError) return;
    reported_[t.value] = true;
    const std::string type(builtin_name(exc->type));
    const std::string name = in.thread_name(s, t);
    const uint32_t line = ctx_.display_line(exc->line);
    std::string text = in.exception_text(s, th.uncaught); // "Type: message" or "Type"
    std::string message = text.size() > type.size() + 2 ? text.substr(type.size() + 2) : "";
    Finding f;
    f.kind = FindingKind::Exception;
    f.key = "exception:" + type + ":" + std::to_string(line);
    f.summary = type + " in " + name + (message.empty() ? "" : ": " + message);
    f.details.push_back("uncaught at line " + std::to_string(line) + "; " + name + " ends");
    f.lines.push_back(line);
    f.threads.push_back(name);
    if (step) f.highlights.push_back({step, "← raises " + type + ", uncaught"});
    sink.report(std::move(f));
}

} // namespace rc
