// What a search covered, in words: the line under a scenario's header in the text report, the
// JUnit report's output and the HTML page. Every claim is true: "exhaustive" only when it was,
// a budget or Ctrl-C that stopped the search is named, and executions a strategy repeated are
// said when a budget counted them.
#pragma once

#include <string> // lines

#include "checker/report/report.hpp" // ScenarioReport, SearchResult

namespace rc {

/// "explored all 20 interleavings (exhaustive, pb)", "not exhaustive: stopped by the ...".
std::string search_line(const ScenarioReport& r);

/// Short, for a line per scenario: "251 executions, exhaustive", "17292 executions + 2708
/// repeats, stopped: max_executions".
std::string search_summary(const SearchResult& s);

} // namespace rc
