// ScenarioText: YAML lines, the columns of the code on them, and where findings are located.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <variant> // loader results

#include "checker/report/scenario_text.hpp" // ScenarioText

namespace {

rc::Scenario counter() {
    auto loaded = rc::load_scenario("scenarios/counter.yaml");
    REQUIRE(std::holds_alternative<rc::Scenario>(loaded));
    return std::get<rc::Scenario>(loaded);
}

} // namespace

TEST_CASE("code_lines_are_listed_under_their_yaml_line_numbers") {
    rc::Scenario s = counter();
    rc::ScenarioText text(s);
    REQUIRE(!text.code_lines().empty());
    CHECK(text.code_lines().front().first == 8); // `code: |` is line 7
    REQUIRE(text.code_at(15) != nullptr);
    CHECK(*text.code_at(15) == "        counter += 1");
    CHECK(text.code_at(3) == nullptr);
}

TEST_CASE("a_region_spans_the_code_on_its_line_in_yaml_columns") {
    rc::Scenario s = counter();
    rc::ScenarioText text(s);
    rc::SourceRegion r = text.region(15); // "          counter += 1" in the file
    CHECK(r.line == 15);
    CHECK(r.start_col == 11);
    CHECK(r.end_col == 23);
    CHECK(r.text == "counter += 1");
    rc::SourceRegion blank = text.region(9);
    CHECK(blank.start_col == 0); // an empty line: the whole line
}

TEST_CASE("a_failed_final_check_is_located_at_its_check") {
    rc::Scenario s = counter();
    rc::ScenarioText text(s);
    rc::Finding f;
    f.kind = rc::FindingKind::CheckFailed;
    f.key = "check-failed:final:0";
    rc::SourceRegion r = text.locate(f);
    REQUIRE(!s.final_checks.empty());
    CHECK(r.line == s.final_checks[0].yaml_line);
    CHECK(r.start_col == s.final_checks[0].yaml_col);
    CHECK(r.text == s.final_checks[0].expr);
    f.key = "check-failed:final:7"; // no such check: no place in the file
    CHECK(text.locate(f).line == 0);
    f.lines = {0, 15}; // a named line wins, the first non-zero one
    CHECK(text.locate(f).line == 15);
}
