// What each finding kind means and how to fix it: one rule per kind, as SARIF's
// reportingDescriptor needs it (id, name, descriptions, help with the fix, default level), and as
// the HTML report's legend shows it.
#pragma once

#include <string> // texts
#include <vector> // the rules

#include "checker/detectors/finding.hpp" // FindingKind

namespace rc {

struct FindingRule {
    FindingKind kind;
    std::string id;                // the kind's name: "data-race"
    std::string name;              // PascalCase: "DataRace"
    std::string short_description; // one line
    std::string full_description;  // what the finding means
    std::string help;              // how to fix it
    std::string level;             // SARIF level: "error", or "warning" for a potential bug
};

/// The rule of one kind.
const FindingRule& finding_rule(FindingKind kind);

/// Every kind's rule, in FindingKind order (a kind's index is its SARIF ruleIndex).
const std::vector<FindingRule>& finding_rules();

} // namespace rc
