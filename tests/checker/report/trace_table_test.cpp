// Trace tables: a long witness is folded to the steps that show the bug plus one row per long
// run of one thread; the folded rows account for every step; replay prints the check's table.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <cctype>  // isalnum
#include <sstream> // reports
#include <string>  // notes
#include <vector>  // rows

#include "checker/commands/check_command.hpp"  // run_check, CheckRequest
#include "checker/commands/replay_command.hpp" // run_replay, ReplayRequest
#include "checker/report/trace_table.hpp"      // fold_rows, witness_rows, TraceRow
#include "../explore/explore_test_util.hpp"    // load

using rc::TraceRow;

namespace {

constexpr int kIterations = 3000; // each worker: 2 steps per iteration

/// The counter scenario, 2 workers: a lost update with one preemption. Thread-1 reads counter
/// (0), Thread-2 runs its whole loop, Thread-1 writes its stale 1 and goes on.
std::vector<rc::Choice> one_preemption_lost_update() {
    std::vector<rc::Choice> s;
    auto run = [&](uint32_t thread, size_t n) {
        for (size_t i = 0; i < n; ++i) s.push_back(rc::Choice{rc::ThreadId(thread), false});
    };
    run(0, 3);                  // counter = 0, start Thread-1, start Thread-2
    run(1, 1);                  // Thread-1 reads 0 (MainThread could go on: a preemption)
    run(2, 2 * kIterations);    // Thread-2: every read and write
    run(1, 2 * kIterations - 1); // Thread-1: its stale write, then the rest
    run(0, 5);                  // join, join, read, print, exit
    return s;
}

struct Replayed {
    rc::LoadedScenario ls;
    rc::Trace trace;
    std::vector<rc::Finding> findings;
};

Replayed replay_counter(const std::vector<rc::Choice>& schedule) {
    Replayed r{rc::test::load("scenarios/counter.yaml",
                              {"THREADS=2", "ITERATIONS=" + std::to_string(kIterations)}),
               {},
               {}};
    rc::Interpreter in(r.ls.compiled->program);
    rc::Budgets b;
    b.max_steps = 1000000;
    rc::Session session(in, r.ls.compiled->param_values, rc::detector_context(r.ls), b,
                        rc::outcome_globals(r.ls.compiled->program));
    r.trace = session.replay(schedule, &r.findings);
    return r;
}

const rc::Finding* find_kind(const std::vector<rc::Finding>& fs, rc::FindingKind k) {
    for (const rc::Finding& f : fs)
        if (f.kind == k) return &f;
    return nullptr;
}

/// The lines of a printed table, each without its leading indent.
std::vector<std::string> table_lines(const std::string& text, const std::string& header_start) {
    std::vector<std::string> out;
    std::istringstream in(text);
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        const size_t b = line.find_first_not_of(' ');
        const std::string body = b == std::string::npos ? "" : line.substr(b);
        if (!inside && body.rfind(header_start, 0) == 0) inside = true;
        else if (inside && (body.empty() || body[0] < '0' || body[0] > '9')) break;
        if (inside) out.push_back(body);
    }
    return out;
}

/// The text with every replay token ("rc2.<hex>.<base64url>") cut to "T".
std::string without_tokens(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (text.compare(i, 4, "rc2.") != 0) {
            out += text[i++];
            continue;
        }
        size_t j = i + 4;
        while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) ||
                                   text[j] == '.' || text[j] == '_' || text[j] == '-'))
            ++j;
        out += "T";
        i = j;
    }
    return out;
}

} // namespace

TEST_CASE("a_short_witness_is_not_folded") {
    Replayed r = replay_counter(one_preemption_lost_update());
    std::vector<TraceRow> rows = rc::trace_rows(r.trace, {});
    rows.resize(rc::kWitnessRows);
    CHECK(rc::fold_rows(r.trace, rows).size() == rows.size()); // not the trace's rows: unchanged
    CHECK(rc::folded_steps(rows) == 0);
    CHECK(rc::folded_text(rows, rows.size()).empty());
}

TEST_CASE("a_long_lost_update_folds_to_its_stale_read_foreign_writes_and_stale_write") {
    Replayed r = replay_counter(one_preemption_lost_update());
    REQUIRE(!r.trace.divergence);
    REQUIRE(r.trace.steps.size() == 4 * kIterations + 8);
    const rc::Finding* lost = find_kind(r.findings, rc::FindingKind::LostUpdate);
    REQUIRE(lost != nullptr);
    const std::vector<TraceRow> full = rc::trace_rows(r.trace, lost->highlights);
    const std::vector<TraceRow> folded = rc::fold_rows(r.trace, full);
    CHECK(folded.size() <= rc::kWitnessRows);
    // Unfolded, the table is the full one: the rows partition the steps in order, and a row
    // shown as itself is the full table's row for its step.
    uint64_t next = 1;
    for (const TraceRow& row : folded) {
        CHECK(row.step == next);
        if (row.folded) {
            next += row.folded;
        } else {
            CHECK(row.operation == full[row.step - 1].operation);
            CHECK(row.note == full[row.step - 1].note);
            ++next;
        }
    }
    CHECK(next == full.size() + 1);
    CHECK(rc::folded_steps(folded) + (folded.size() - [&] {
              size_t n = 0;
              for (const TraceRow& row : folded) n += row.folded ? 1 : 0;
              return n;
          }()) == full.size());
    // Every highlighted step is shown as itself; Thread-2's loop is one row with its values.
    for (const rc::Highlight& h : lost->highlights) {
        bool shown = false;
        for (const TraceRow& row : folded) shown = shown || (!row.folded && row.step == h.step);
        CHECK_MESSAGE(shown, "highlighted step " << h.step);
    }
    bool thread2_loop = false;
    for (const TraceRow& row : folded)
        if (row.folded && row.thread == "Thread-2 (worker)") {
            thread2_loop = true;
            CHECK(row.operation.find("runs line 15 ") == 0);
            CHECK(row.operation.find("counter 1 → ") != std::string::npos);
        }
    CHECK(thread2_loop);
    const std::string note = rc::folded_text(folded, full.size());
    CHECK(note.find(" steps are folded into ") != std::string::npos);
    CHECK(note.find("racecheck replay --full") != std::string::npos);
}

namespace {

/// The counter's schedule in which Thread-1 and Thread-2 alternate steps: every step of theirs is
/// a preemption.
std::vector<rc::Choice> alternating_schedule() {
    std::vector<rc::Choice> s;
    auto run = [&](uint32_t thread, size_t n) {
        for (size_t i = 0; i < n; ++i) s.push_back(rc::Choice{rc::ThreadId(thread), false});
    };
    run(0, 3);
    for (int i = 0; i < 2 * kIterations; ++i) run(1, 1), run(2, 1);
    run(0, 8); // the joins, then print("Counter:", counter): four writes
    return s;
}

} // namespace

TEST_CASE("a_witness_whose_threads_switch_at_every_step_folds_to_a_bounded_table") {
    Replayed r = replay_counter(alternating_schedule());
    REQUIRE(!r.trace.divergence);
    const rc::Finding* check = find_kind(r.findings, rc::FindingKind::CheckFailed);
    REQUIRE(check != nullptr);
    const std::vector<TraceRow> folded =
        rc::fold_rows(r.trace, rc::trace_rows(r.trace, check->highlights));
    CHECK(folded.size() <= 3 * rc::kWitnessRows);
    CHECK(rc::folded_steps(folded) > r.trace.steps.size() - 3 * rc::kWitnessRows);
    CHECK(folded.back().step == r.trace.steps.size()); // the end is shown
    CHECK(folded.front().folded > 0);
    CHECK(folded.front().operation.find(" switches between ") != std::string::npos);
}

TEST_CASE("witness_rows_makes_only_the_kept_rows_and_equals_folding_every_row") {
    // witness_rows is fold_rows(trace_rows(...)) without a row per step: the same table, field
    // by field, for a lost update's witness (one preemption) and for one switching at every step.
    for (const std::vector<rc::Choice>& schedule : {one_preemption_lost_update(), alternating_schedule()}) {
        Replayed r = replay_counter(schedule);
        REQUIRE(!r.trace.divergence);
        REQUIRE(!r.findings.empty());
        for (const rc::Finding& f : r.findings) {
            const std::string code = "line one\nline two\n";
            for (size_t max_rows : {size_t{4}, rc::kWitnessRows, size_t{1000}}) {
                const std::vector<TraceRow> folded =
                    rc::fold_rows(r.trace, rc::trace_rows(r.trace, f.highlights, &code), max_rows);
                const std::vector<TraceRow> direct = rc::witness_rows(r.trace, f.highlights, &code, max_rows);
                INFO("finding " << f.summary << ", max_rows " << max_rows);
                REQUIRE(direct.size() == folded.size());
                for (size_t i = 0; i < direct.size(); ++i) {
                    CHECK(direct[i].step == folded[i].step);
                    CHECK(direct[i].folded == folded[i].folded);
                    CHECK(direct[i].thread == folded[i].thread);
                    CHECK(direct[i].line == folded[i].line);
                    CHECK(direct[i].operation == folded[i].operation);
                    CHECK(direct[i].note == folded[i].note);
                    CHECK(direct[i].highlighted == folded[i].highlighted);
                    CHECK(direct[i].source == folded[i].source);
                }
            }
        }
    }
}

TEST_CASE("replay_prints_the_folded_table_of_the_check_report_and_full_unfolds_it") {
    // Short enough for preemption bounding to reach a lost update, long enough to fold.
    const std::string iterations = "ITERATIONS=40";
    rc::CheckRequest rq;
    rq.paths = {"scenarios/counter.yaml"};
    rq.params = {"THREADS=2", iterations};
    rq.strategy = "pb";
    rq.preemption_bound = 1;
    rq.max_steps = 100000;
    rq.max_seconds = 60;
    rq.validate = false;
    rq.no_color = true;
    std::ostringstream out, err;
    rc::run_check(rq, false, out, err);
    const std::string report = out.str();
    const size_t at = report.find("✗ lost update on `counter`");
    REQUIRE(at != std::string::npos);
    const std::string finding = report.substr(at);
    const std::vector<std::string> check_table = table_lines(finding, "step  thread");
    REQUIRE(check_table.size() > 2);
    CHECK(check_table.size() <= rc::kWitnessRows + 1);
    CHECK(finding.find(" steps are folded into ") != std::string::npos);
    const size_t token_at = finding.find("--schedule ");
    REQUIRE(token_at != std::string::npos);
    const std::string token =
        finding.substr(token_at + 11, finding.find('\n', token_at) - token_at - 11);

    rc::ReplayRequest replay;
    replay.file = "scenarios/counter.yaml";
    replay.params = {"THREADS=2", iterations};
    replay.schedule = token;
    replay.max_steps = 100000;
    replay.no_color = true;
    std::ostringstream folded_out, full_out, replay_err;
    CHECK(rc::run_replay(replay, false, folded_out, replay_err) == rc::kExitFindings);
    CHECK(table_lines(folded_out.str(), "step  thread") == check_table);
    CHECK(folded_out.str().find(" steps are folded into ") != std::string::npos);

    replay.full = true;
    CHECK(rc::run_replay(replay, false, full_out, replay_err) == rc::kExitFindings);
    const std::vector<std::string> full_table = table_lines(full_out.str(), "step  thread");
    CHECK(full_out.str().find(" steps are folded") == std::string::npos);
    // every step, numbered 1..n
    REQUIRE(full_table.size() > check_table.size());
    for (size_t i = 1; i < full_table.size(); ++i)
        CHECK(full_table[i].rfind(std::to_string(i) + " ", 0) == 0);
}

TEST_CASE("reports_of_long_witnesses_stay_small_apart_from_their_replay_tokens") {
    // A random execution of 2 × 5,000 iterations: witnesses of thousands of steps.
    for (const std::string format : {"text", "json", "sarif", "junit", "html"}) {
        rc::CheckRequest rq;
        rq.paths = {"scenarios/counter.yaml"};
        rq.params = {"THREADS=2", "ITERATIONS=5000"};
        rq.strategy = "random";
        rq.max_executions = 1;
        rq.max_steps = 100000;
        rq.validate = false;
        rq.no_color = true;
        rq.format = format;
        std::ostringstream out, err;
        CHECK(rc::run_check(rq, false, out, err) == rc::kExitFindings);
        // Tokens (the way to every step) grow with the witness; nothing else may.
        const std::string report = without_tokens(out.str());
        CHECK_MESSAGE(report.size() < 64 * 1024, format << ": " << report.size() << " bytes");
        if (format == "json" || format == "text")
            CHECK_MESSAGE(report.find("folded") != std::string::npos, format);
    }
}
