// Scenario loading: accepted files, every user error with its exact text, param overrides.
// The SourceMap (code position -> YAML position) is tested in scenario_source_map_test.cpp.
#include <doctest/doctest.h> // TEST_CASE, CHECK, REQUIRE

#include <string>      // expected texts
#include <string_view> // YAML inputs
#include <variant>     // get, holds_alternative

#include "model/scenario/diagnostic.hpp" // format_diagnostic
#include "model/scenario/scenario.hpp"   // parse_scenario, load_scenario, apply_param_override

namespace {

rc::Scenario parsed(std::string_view yaml) {
    auto result = rc::parse_scenario(yaml, "s.yaml");
    if (auto *d = std::get_if<rc::Diagnostic>(&result))
        FAIL(rc::format_diagnostic(*d));
    return std::get<rc::Scenario>(std::move(result));
}

std::string error_of(std::string_view yaml) {
    auto result = rc::parse_scenario(yaml, "s.yaml");
    REQUIRE(std::holds_alternative<rc::Diagnostic>(result));
    return rc::format_diagnostic(std::get<rc::Diagnostic>(result));
}

const char *const kValidKeys =
    "valid keys: name, about, source, params, code, checks, expect, explore";

} // namespace

TEST_CASE("scenario_with_every_key_is_loaded_in_file_order") {
    rc::Scenario s = parsed(R"(name: unsafe-counter
about: Threads add 1 without a lock.
source: Race on shared counter, section 1
params:
  THREADS: 2
  ITERATIONS: 10_000
  OFFSET: -3
code: |
  counter = 0
checks:
  final: [counter == THREADS * ITERATIONS, "counter >= 0"]
  always:
    - counter <= 4
expect: [data-race, lost-update]
explore:
  strategy: dpor
  max_executions: 1000
  max_seconds: 2.5
  max_steps: 500
  preemption_bound: 2
  seed: 7
)");
    CHECK(s.name == "unsafe-counter");
    CHECK(s.about == "Threads add 1 without a lock.");
    CHECK(s.source == "Race on shared counter, section 1");
    CHECK(s.file == "s.yaml");
    REQUIRE(s.params.size() == 3);
    CHECK(s.params[0] == std::pair<std::string, int64_t>{"THREADS", 2});
    CHECK(s.params[1] == std::pair<std::string, int64_t>{"ITERATIONS", 10000});
    CHECK(s.params[2] == std::pair<std::string, int64_t>{"OFFSET", -3});
    CHECK(s.code == "counter = 0\n");
    REQUIRE(s.final_checks.size() == 2);
    CHECK(s.final_checks[0].expr == "counter == THREADS * ITERATIONS");
    CHECK(s.final_checks[0].yaml_line == 11);
    CHECK(s.final_checks[0].yaml_col == 11);
    CHECK(s.final_checks[1].expr == "counter >= 0");
    CHECK(s.final_checks[1].yaml_col == 45); // after the opening quote
    REQUIRE(s.always_checks.size() == 1);
    CHECK(s.always_checks[0].yaml_line == 13);
    CHECK(s.always_checks[0].yaml_col == 7);
    CHECK(s.expect == std::vector<std::string>{"data-race", "lost-update"});
    CHECK(s.explore.strategy == "dpor");
    CHECK(s.explore.max_executions == 1000u);
    CHECK(s.explore.max_seconds == 2.5);
    CHECK(s.explore.max_steps == 500u);
    CHECK(s.explore.preemption_bound == 2u);
    CHECK(s.explore.seed == 7u);
}

TEST_CASE("scenario_name_defaults_to_file_stem_and_optional_keys_may_be_empty") {
    auto result =
        rc::parse_scenario("code: x\nparams:\nchecks:\nexpect:\nexplore:\n", "dir/my_case.yaml");
    REQUIRE(std::holds_alternative<rc::Scenario>(result));
    const auto &s = std::get<rc::Scenario>(result);
    CHECK(s.name == "my_case");
    CHECK(s.params.empty());
    CHECK(s.final_checks.empty());
    CHECK(s.expect.empty());
    CHECK(!s.explore.seed);
}

TEST_CASE("empty_or_comment_only_file_is_an_error_at_1_1") {
    const char *expected = "s.yaml:1:1: error: empty scenario file\n"
                           "  hint: a scenario needs at least a `code: |` block";
    CHECK(error_of("") == expected);
    CHECK(error_of("# nothing here\n") == expected);
}

TEST_CASE("top_level_must_be_a_mapping") {
    CHECK(error_of("- a\n- b\n") == std::string("s.yaml:1:1: error: a scenario must be a "
                                                "mapping of keys, got a list\n  hint: ") +
                                        kValidKeys);
}

TEST_CASE("unknown_key_suggests_the_closest_valid_key") {
    CHECK(error_of("code: x\nchekcs: {}\n") ==
          std::string("s.yaml:2:1: error: unknown key 'chekcs'\n  hint: did you mean 'checks'? ") +
              kValidKeys);
    CHECK(error_of("code: x\nwhatever: 1\n") ==
          std::string("s.yaml:2:1: error: unknown key 'whatever'\n  hint: ") + kValidKeys);
}

TEST_CASE("duplicate_key_is_an_error_at_the_second_occurrence") {
    CHECK(error_of("code: a\nname: x\nname: y\n") ==
          "s.yaml:3:1: error: duplicate key 'name'\n"
          "  hint: 'name' is already given on line 2; keep one");
}

TEST_CASE("invalid_yaml_reports_the_parser_position_one_based") {
    CHECK(error_of("code: [1\nname: x\n") ==
          "s.yaml:2:5: error: end of sequence flow not found\n"
          "  hint: the file is not valid YAML; check indentation and quoting here");
    CHECK(error_of("code: b: c\n").rfind("s.yaml:1:8: error: illegal map value", 0) == 0);
}

TEST_CASE("more_than_one_yaml_document_is_an_error") {
    CHECK(error_of("code: a\n---\ncode: b\n")
              .rfind("s.yaml:2:1: error: the file holds 2 YAML documents; expected one", 0) == 0);
}

TEST_CASE("code_is_required_and_must_be_a_string") {
    CHECK(error_of("name: x\n") ==
          "s.yaml:1:1: error: missing required key 'code'\n"
          "  hint: add the Python program as a block: `code: |` followed by indented lines");
    CHECK(error_of("code:\n  - a\n")
              .rfind("s.yaml:2:3: error: 'code' must be a string, got a "
                     "list\n",
                     0) == 0);
    CHECK(error_of("name: x\ncode:\n")
              .rfind("s.yaml:2:1: error: 'code' must be a string, got nothing", 0) == 0);
}

TEST_CASE("folded_code_block_is_refused") {
    CHECK(error_of("code: >\n  x = 1\n") ==
          "s.yaml:1:7: error: 'code' must be a literal block (`code: |`), not a folded one (`>`)\n"
          "  hint: folding joins lines, which changes the meaning of Python code; use `|`");
}

TEST_CASE("string_keys_reject_lists_and_mappings") {
    CHECK(error_of("code: x\nabout: [a, b]\n") ==
          "s.yaml:2:8: error: 'about' must be a string, got a list");
}

TEST_CASE("param_values_must_be_64_bit_integers") {
    CHECK(error_of("params:\n  N: abc\ncode: x\n") ==
          "s.yaml:2:6: error: param 'N' must be a 64-bit integer, got 'abc'\n"
          "  hint: params are integers, e.g. `ITERATIONS: 2`");
    CHECK(error_of("params:\n  N: \"5\"\ncode: x\n") ==
          "s.yaml:2:6: error: param 'N' must be a 64-bit integer, got '5'\n"
          "  hint: write the number without quotes");
    CHECK(error_of("params:\n  N: 9223372036854775808\ncode: x\n")
              .rfind("s.yaml:2:6: error: param 'N' must be a 64-bit integer", 0) == 0);
    CHECK(error_of("params:\n  N: 1.5\ncode: x\n")
              .rfind("s.yaml:2:6: error: param 'N' must be a 64-bit integer, got '1.5'", 0) == 0);
    CHECK(parsed("params:\n  N: -9223372036854775808\ncode: x\n").params[0].second == INT64_MIN);
}

TEST_CASE("params_must_be_a_mapping_of_unique_identifiers") {
    CHECK(error_of("params: [1]\ncode: x\n")
              .rfind("s.yaml:1:9: error: 'params' must be a mapping, got a list", 0) == 0);
    CHECK(error_of("params:\n  2N: 1\ncode: x\n")
              .rfind("s.yaml:2:3: error: param names must be Python identifiers", 0) == 0);
    CHECK(error_of("params:\n  N: 1\n  N: 2\ncode: x\n") ==
          "s.yaml:3:3: error: duplicate param 'N'");
}

TEST_CASE("checks_keys_and_entries_are_validated") {
    CHECK(error_of("code: x\nchecks:\n  finl: [a]\n") ==
          "s.yaml:3:3: error: unknown key 'finl' in 'checks'\n"
          "  hint: did you mean 'final'? valid keys: final, always");
    CHECK(error_of("code: x\nchecks: [a]\n")
              .rfind("s.yaml:2:9: error: 'checks' must be a mapping, got a list", 0) == 0);
    CHECK(error_of("code: x\nchecks:\n  final: a == 1\n")
              .rfind("s.yaml:3:10: error: 'checks.final' must be a list of expressions, got a "
                     "scalar",
                     0) == 0);
    CHECK(error_of("code: x\nchecks:\n  always: [[a]]\n")
              .rfind("s.yaml:3:12: error: each 'checks.always' entry must be a Python expression",
                     0) == 0);
}

TEST_CASE("expect_names_known_finding_kinds_once_each") {
    CHECK(error_of("code: x\nexpect: [data_race]\n") ==
          "s.yaml:2:10: error: unknown finding kind 'data_race'\n"
          "  hint: did you mean 'data-race'? known kinds: data-race, lost-update, deadlock, "
          "lost-wakeup, check-failed, exception, potential-deadlock, nontermination");
    CHECK(error_of("code: x\nexpect: [deadlock, deadlock]\n") ==
          "s.yaml:2:20: error: 'deadlock' is listed twice in 'expect'");
    CHECK(error_of("code: x\nexpect: deadlock\n")
              .rfind("s.yaml:2:9: error: 'expect' must be a list, got a scalar", 0) == 0);
    CHECK(parsed("code: x\nexpect: [nontermination, potential-deadlock]\n").expect.size() == 2);
}

TEST_CASE("explore_settings_are_type_checked") {
    CHECK(error_of("code: x\nexplore:\n  max_sceonds: 1\n") ==
          "s.yaml:3:3: error: unknown key 'max_sceonds' in 'explore'\n"
          "  hint: did you mean 'max_seconds'? valid keys: strategy, max_executions, "
          "max_seconds, max_steps, preemption_bound, seed");
    CHECK(error_of("code: x\nexplore:\n  max_seconds: fast\n") ==
          "s.yaml:3:16: error: 'max_seconds' must be a positive number, got 'fast'");
    CHECK(error_of("code: x\nexplore:\n  seed: -1\n") ==
          "s.yaml:3:9: error: 'seed' must be an integer from 0 to 9223372036854775807, got '-1'");
    CHECK(error_of("code: x\nexplore:\n  preemption_bound: 4294967296\n") ==
          "s.yaml:3:21: error: 'preemption_bound' must be an integer from 0 to 4294967295, got "
          "'4294967296'");
    CHECK(error_of("code: x\nexplore:\n  strategy: [dfs]\n") ==
          "s.yaml:3:13: error: 'strategy' must be a name, got a list");
    CHECK(error_of("code: x\nexplore:\n  seed: 1\n  seed: 2\n")
              .rfind("s.yaml:4:3: error: duplicate key 'seed' in 'explore'", 0) == 0);
}

TEST_CASE("unreadable_file_is_an_error_without_position") {
    auto missing = rc::load_scenario("no/such/file.yaml");
    REQUIRE(std::holds_alternative<rc::Diagnostic>(missing));
    CHECK(rc::format_diagnostic(std::get<rc::Diagnostic>(missing)) ==
          "no/such/file.yaml: error: cannot read file\n"
          "  hint: check that the path exists and is a readable scenario file");
    auto directory = rc::load_scenario("tests");
    REQUIRE(std::holds_alternative<rc::Diagnostic>(directory));
    CHECK(std::get<rc::Diagnostic>(directory).message == "cannot read file");
}

TEST_CASE("param_override_replaces_a_declared_param") {
    rc::Scenario s = parsed("name: c\nparams:\n  THREADS: 2\n  ITERATIONS: 2\ncode: x\n");
    CHECK(!rc::apply_param_override(s, "ITERATIONS=5"));
    CHECK(!rc::apply_param_override(s, "THREADS=-1_000"));
    CHECK(s.params[0].second == -1000);
    CHECK(s.params[1].second == 5);
}

TEST_CASE("param_override_errors_name_the_scenario_params") {
    rc::Scenario s = parsed("name: c\nparams:\n  THREADS: 2\n  ITERATIONS: 2\ncode: x\n");
    auto text = [&](std::string_view assignment) {
        auto d = rc::apply_param_override(s, assignment);
        REQUIRE(d);
        return rc::format_diagnostic(*d);
    };
    CHECK(text("THREAD=3") == "<command line>: error: unknown param 'THREAD'\n"
                              "  hint: did you mean 'THREADS'? params of 'c': THREADS, ITERATIONS");
    CHECK(text("THREADS") == "<command line>: error: --param expects NAME=VALUE, got 'THREADS'\n"
                             "  hint: params of 'c': THREADS, ITERATIONS");
    CHECK(text("THREADS=two") ==
          "<command line>: error: param 'THREADS' must be a 64-bit integer, got 'two'\n"
          "  hint: for example --param THREADS=2");
    CHECK(text("THREADS=") ==
          "<command line>: error: param 'THREADS' must be a 64-bit integer, got ''\n"
          "  hint: for example --param THREADS=2");
    rc::Scenario none = parsed("name: plain\ncode: x\n");
    auto d = rc::apply_param_override(none, "N=1");
    REQUIRE(d);
    CHECK(rc::format_diagnostic(*d) ==
          "<command line>: error: unknown param 'N'\n  hint: scenario 'plain' has no params");
}

TEST_CASE("mapping_keys_must_be_scalars") {
    CHECK(error_of("? [a]\n: 1\ncode: x\n") == "s.yaml:1:3: error: keys must be plain words");
}

TEST_CASE("every_prefix_of_a_scenario_loads_or_is_a_diagnostic_never_a_crash") {
    const std::string text = "name: c\nparams:\n  N: 2\ncode: |\n  x = [1, 2]\n  print(x)\n"
                             "checks:\n  final: [\"x == 1\"]\nexpect: [deadlock]\n"
                             "explore: {seed: 3, max_seconds: 1.5}\n";
    for (size_t n = 0; n <= text.size(); ++n) {
        auto result = rc::parse_scenario(std::string_view(text).substr(0, n), "s.yaml");
        if (auto* d = std::get_if<rc::Diagnostic>(&result)) {
            CHECK(d->file == "s.yaml");
            CHECK(!d->message.empty());
        }
    }
}

TEST_CASE("scenario_file_over_1_mib_is_refused_where_it_passes_the_limit") {
    std::string text = "code: |\n";
    while (text.size() <= rc::kMaxScenarioBytes) text += "  x = 1\n";
    std::string e = error_of(text);
    // every line is 8 bytes long: byte 2^20 starts line 2^20 / 8 + 1
    CHECK(e.rfind("s.yaml:131073:1: error: the scenario file passes racecheck's limit of "
                  "1048576 bytes (1 MiB) here\n  hint: ",
                  0) == 0);
    text.resize(rc::kMaxScenarioBytes);
    text.back() = '\n';
    auto ok = rc::parse_scenario(text, "s.yaml");
    CHECK(std::holds_alternative<rc::Scenario>(ok));
}
