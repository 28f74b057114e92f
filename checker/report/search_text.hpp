// What a search covered, in words: the line under a scenario's header in the text report, the
// JUnit report's output and the HTML page. Every claim is true: "exhaustive" only when it was,
// a budget or Ctrl-C that stopped the search is named, and executions a strategy repeated are
// said when a budget counted them.
#pragma once

#include <cstdint> // uint32_t
#include <string> // lines
#include <vector> // mixed lines

#include "checker/report/report.hpp" // ScenarioReport, SearchResult

namespace rc {

/// "explored all 20 interleavings (exhaustive, pb)", "not exhaustive: stopped by the ...",
/// then, under --print-lines, what that coarser model hides (kPrintLinesHides).
std::string search_line(const ScenarioReport& r);
/// search_line without the --print-lines sentence.
std::string search_words(const ScenarioReport& r);

/// What --print-lines hides, in one sentence, for every report of a search made with it.
extern const char* const kPrintLinesHides;

/// Short, for a line per scenario: "251 executions, exhaustive", "17292 executions + 2708
/// repeats, stopped: max_executions".
std::string search_summary(const SearchResult& s);

/// The marker on an output whose writes of two or more threads interleave within a line
/// (Outcome::mixed_lines, 0-based): "" when every line was written by one thread, else
/// "⇄ threads' writes interleave within line 2" ("within lines 1, 3 and 4"), counted from 1.
std::string mixed_lines_marker(const std::vector<uint32_t>& mixed_lines);

} // namespace rc
