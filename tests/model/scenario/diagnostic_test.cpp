// format_diagnostic: the one rendering of every user error.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include "model/scenario/diagnostic.hpp" // Diagnostic, format_diagnostic

using rc::Diagnostic;
using rc::format_diagnostic;

TEST_CASE("diagnostic_renders_file_line_col_error_message") {
    CHECK(format_diagnostic(Diagnostic{"s.yaml", 3, 7, "unknown key 'x'", ""}) ==
          "s.yaml:3:7: error: unknown key 'x'");
}

TEST_CASE("diagnostic_hint_goes_on_a_second_indented_line") {
    CHECK(format_diagnostic(Diagnostic{"s.yaml", 1, 1, "empty scenario file", "add code"}) ==
          "s.yaml:1:1: error: empty scenario file\n  hint: add code");
}

TEST_CASE("diagnostic_without_position_omits_line_and_col") {
    CHECK(format_diagnostic(Diagnostic{"missing.yaml", 0, 0, "cannot read file", ""}) ==
          "missing.yaml: error: cannot read file");
    CHECK(format_diagnostic(Diagnostic{"<command line>", 0, 0, "unknown param 'N'", "params: A"}) ==
          "<command line>: error: unknown param 'N'\n  hint: params: A");
}

TEST_CASE("diagnostic_has_no_trailing_newline") {
    std::string text = format_diagnostic(Diagnostic{"f", 2, 2, "m", "h"});
    CHECK(text.back() != '\n');
}
