// Finding rules: one per kind, in FindingKind order, each saying how to fix it.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <algorithm> // find
#include <string>    // ids

#include "checker/report/finding_rules.hpp" // finding_rules
#include "model/scenario/scenario.hpp"      // known_finding_kinds

TEST_CASE("every_finding_kind_has_a_rule_with_the_fix") {
    const auto& rules = rc::finding_rules();
    REQUIRE(rules.size() == rc::known_finding_kinds().size());
    for (size_t i = 0; i < rules.size(); ++i) {
        CAPTURE(rules[i].id);
        CHECK(static_cast<size_t>(rules[i].kind) == i);
        CHECK(rules[i].id == std::string(rc::finding_kind_name(rules[i].kind)));
        const auto& known = rc::known_finding_kinds(); // what `expect:` accepts
        CHECK(std::find(known.begin(), known.end(), rules[i].id) != known.end());
        CHECK(rules[i].help.size() > 40);
        CHECK(rules[i].full_description.size() > 40);
        CHECK((rules[i].level == "error" || rules[i].level == "warning"));
        CHECK(&rc::finding_rule(rules[i].kind) == &rules[i]);
    }
    CHECK(rc::finding_rule(rc::FindingKind::PotentialDeadlock).level == "warning");
}
