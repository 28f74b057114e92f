// The scenario file as reports point into it: the code block's lines under their YAML line
// numbers, the columns of the code on a line, and where a finding is located. Every line a
// report shows is a line of the YAML file (DetectorContext::display_line).
#pragma once

#include <cstdint> // uint32_t
#include <map>     // code by YAML line
#include <string>  // code lines
#include <utility> // pair
#include <vector>  // lines

#include "checker/detectors/finding.hpp" // Finding
#include "model/scenario/scenario.hpp"   // Scenario, SourceMap

namespace rc {

/// A span on one YAML line; columns are 1-based, in code points, end exclusive (SARIF's
/// region). A zero column means "the whole line".
struct SourceRegion {
    uint32_t line = 0; // 0: no line at all
    uint32_t start_col = 0, end_col = 0;
    std::string text; // the code (or check) on that line, trimmed
};

class ScenarioText {
public:
    explicit ScenarioText(const Scenario& s);

    /// The code block's lines as (YAML line, code text), in order.
    const std::vector<std::pair<uint32_t, std::string>>& code_lines() const { return lines_; }

    /// The code on a YAML line, without its trailing blanks; nullptr outside the code block.
    const std::string* code_at(uint32_t yaml_line) const;

    /// The non-blank code on a YAML line (a check's expression on a check's line); a region
    /// with only `line` set when the line holds neither.
    SourceRegion region(uint32_t yaml_line) const;

    /// Where a finding is: its first line with columns; a failed check that names no line is at
    /// its check in `checks:`. line 0 when it has no place in the file.
    SourceRegion locate(const Finding& f) const;

private:
    const Scenario& scenario_;
    std::vector<std::pair<uint32_t, std::string>> lines_;
    std::map<uint32_t, size_t> by_line_; // YAML line → index into lines_
};

} // namespace rc
