// Trace tables: folding long witnesses keeps what matters and never exceeds its row budget.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <string> // notes
#include <vector> // rows

#include "checker/report/trace_table.hpp" // elide_rows, TraceRow

using rc::elide_rows;
using rc::TraceRow;

namespace {

std::vector<TraceRow> witness(size_t steps, bool every_step_preempts) {
    std::vector<TraceRow> rows;
    for (size_t i = 1; i <= steps; ++i) {
        TraceRow r;
        r.step = i;
        r.thread = i % 2 ? "Thread-1" : "Thread-2";
        r.operation = "read  counter → " + std::to_string(i);
        if (every_step_preempts) r.note = "← preempts Thread-" + std::to_string(i % 2 ? 2 : 1);
        rows.push_back(r);
    }
    return rows;
}

size_t steps_kept(const std::vector<TraceRow>& rows) {
    size_t n = 0;
    for (const TraceRow& r : rows) n += r.step != 0;
    return n;
}

} // namespace

TEST_CASE("a_short_witness_is_not_folded") {
    auto rows = witness(rc::kWitnessRows, true);
    CHECK(elide_rows(rows, {}, rc::kWitnessRows).size() == rows.size());
}

TEST_CASE("a_ten_thousand_step_witness_full_of_preemptions_folds_to_the_row_budget") {
    auto rows = witness(10000, true);
    rows[4999].highlighted = true; // the finding's step, far from the end
    rows[4999].note += "; ← overwrites Thread-2's write";
    auto folded = elide_rows(rows, {"Thread-1", "Thread-2"}, rc::kWitnessRows);
    CHECK(steps_kept(folded) == rc::kWitnessRows);
    CHECK(folded.size() <= 2 * rc::kWitnessRows + 1); // elision rows between kept runs
    bool highlight = false, context_before = false, context_after = false;
    for (const TraceRow& r : folded) {
        highlight = highlight || r.step == 5000;
        context_before = context_before || r.step == 4999;
        context_after = context_after || r.step == 5001;
    }
    CHECK(highlight);
    CHECK(context_before);
    CHECK(context_after);
    CHECK(folded.back().step == 10000); // the end is always shown
    uint64_t previous = 0;              // still in order, every dropped run one elision row
    for (size_t i = 0; i < folded.size(); ++i) {
        if (folded[i].step == 0) {
            CHECK((i == 0 || folded[i - 1].step != 0));
            continue;
        }
        CHECK(folded[i].step > previous);
        previous = folded[i].step;
    }
}

TEST_CASE("folding_prefers_the_rows_of_the_findings_threads_when_they_fit") {
    auto rows = witness(100, false);
    for (size_t i = 0; i < rows.size(); ++i) rows[i].thread = i < 90 ? "MainThread" : "Thread-1";
    auto folded = elide_rows(rows, {"Thread-1"}, rc::kWitnessRows);
    CHECK(steps_kept(folded) == 10);
    CHECK(folded.front().step == 0); // the 90 steps of MainThread are one elision row
    CHECK(folded[1].step == 91);
}
