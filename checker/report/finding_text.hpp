// A finding as text under its summary line: the witness table (long witnesses folded), the
// details, a divergence, the replay command and how often it was seen. The text report prints it
// for each finding; the JUnit report puts it in each failure.
#pragma once

#include <ostream> // output
#include <string>  // colours

#include "checker/report/report.hpp" // ScenarioReport, ReportedFinding

namespace rc {

/// ANSI escapes around notes and warnings; empty strings print no colour.
struct TextColors {
    std::string dim, yellow, reset;
};

/// Every line indented by four spaces.
void print_finding_body(std::ostream& out, const ScenarioReport& r, const ReportedFinding& rf,
                        const TextColors& colors = {});

} // namespace rc
