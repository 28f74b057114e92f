// parse_yaml: the tree it builds, and the inputs on which yaml-cpp 0.7's LoadAll loops for ever
// (jbeder/yaml-cpp#1040), which must end with an error at the offending token.
#include <doctest/doctest.h> // TEST_CASE, CHECK, REQUIRE

#include <string>  // inputs
#include <variant> // get_if

#include "model/scenario/yaml_tree.hpp" // parse_yaml

namespace {

const rc::YamlError* error_of(const std::variant<rc::YamlTree, rc::YamlError>& r) {
    return std::get_if<rc::YamlError>(&r);
}

} // namespace

TEST_CASE("yaml_tree_holds_maps_sequences_and_scalars_with_positions") {
    auto r = rc::parse_yaml("code: |\n  x = 1\nexpect: [deadlock, 'x']\n");
    REQUIRE(!error_of(r));
    const rc::YamlNode& root = std::get<rc::YamlTree>(r).root();
    REQUIRE(root.is_map());
    REQUIRE(root.map_size() == 2);
    CHECK(root.key(0).scalar == "code");
    CHECK(root.value(0).scalar == "x = 1\n");
    CHECK(root.value(0).tag == "!");
    CHECK(root.value(0).mark.line == 0);
    const rc::YamlNode& expect = root.value(1);
    REQUIRE(expect.is_sequence());
    REQUIRE(expect.children.size() == 2);
    CHECK(expect.children[0]->tag == "?");
    CHECK(expect.children[1]->tag == "!");
    CHECK(expect.children[1]->mark.line == 2);
    CHECK(expect.children[1]->mark.column == 19);
}

TEST_CASE("yaml_tree_of_an_empty_text_is_a_null_root") {
    auto r = rc::parse_yaml("# only a comment\n");
    REQUIRE(!error_of(r));
    CHECK(std::get<rc::YamlTree>(r).root().is_null());
}

TEST_CASE("yaml_aliases_share_the_anchored_node_even_in_a_cycle") {
    auto r = rc::parse_yaml("a: &x [1, *x]\nb: *x\n");
    REQUIRE(!error_of(r));
    const rc::YamlNode& root = std::get<rc::YamlTree>(r).root();
    const rc::YamlNode& a = root.value(0);
    REQUIRE(a.children.size() == 2);
    CHECK(a.children[1] == &a);
    CHECK(&root.value(1) == &a);
}

TEST_CASE("yaml_token_no_node_can_start_with_is_an_error_not_an_endless_loop") {
    // Each of these makes yaml-cpp 0.7's LoadAll loop for ever, allocating.
    struct Case {
        const char* text;
        uint32_t line, column; // 0-based
    };
    for (Case c : {Case{",", 0, 0}, Case{"--- ,", 0, 4}, Case{"- a\n- b\n,", 2, 0},
                   Case{"a: 1\n...\n,", 2, 0}}) {
        CAPTURE(c.text);
        auto r = rc::parse_yaml(c.text);
        const rc::YamlError* e = error_of(r);
        REQUIRE(e);
        CHECK(e->message == "invalid YAML: no value can start with ','");
        CHECK(e->mark.line == c.line);
        CHECK(e->mark.column == c.column);
    }
}

TEST_CASE("yaml_documents_after_the_first_are_counted_and_refused") {
    auto r = rc::parse_yaml("a: 1\n---\nb: 2\n---\nc: 3\n");
    const rc::YamlError* e = error_of(r);
    REQUIRE(e);
    CHECK(e->message == "the file holds 3 YAML documents; expected one");
    CHECK(e->mark.line == 1);
}

TEST_CASE("yaml_syntax_errors_carry_the_parser_position") {
    auto r = rc::parse_yaml("a: [1\nb: 2\n");
    const rc::YamlError* e = error_of(r);
    REQUIRE(e);
    CHECK(e->message == "end of sequence flow not found");
    CHECK(e->mark.line == 1);
}
