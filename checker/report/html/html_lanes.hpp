// One interleaving as swimlanes for the HTML report: a table with one column per thread and one
// row per step (long witnesses folded as the text report folds them), preemptions and
// highlighted steps marked, the threads left blocked shown as waiting on what; beside it the
// scenario's code, in which the page's script highlights the current step's line. The code is
// written once per scenario, as a <template> the script copies beside each witness, so that a
// scenario with many outcomes does not repeat it.
#pragma once

#include <cstdint> // uint32_t
#include <string>  // HTML
#include <vector>  // highlights, threads

#include "checker/detectors/finding.hpp"    // Highlight
#include "checker/explore/session.hpp"      // Trace
#include "checker/report/scenario_text.hpp" // ScenarioText (code lines)

namespace rc {

struct LanesRequest {
    std::string id;      // the HTML id of the widget; #<id>-step-<n> selects step n
    std::string code_id; // the id of the scenario's html_code_template()
    const Trace* trace = nullptr;
    std::vector<Highlight> highlights;   // steps to mark, with their notes
    bool conflicts = false;              // highlights are conflicting accesses (race, lost update)
    std::vector<uint32_t> located_lines; // code lines to mark as the finding's
};

/// The widget's HTML (a <div class="witness">).
std::string html_lanes(const LanesRequest& rq);

/// The scenario's code lines under their YAML line numbers, as <template id="`id`">.
std::string html_code_template(const std::string& id, const ScenarioText& text);

} // namespace rc
