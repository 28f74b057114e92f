// SourceMap: every code position maps to the YAML position holding that very character.
#include <doctest/doctest.h> // TEST_CASE, CHECK, REQUIRE

#include <algorithm>   // sort
#include <filesystem>  // the scenario corpus
#include <fstream>     // reading scenario files
#include <sstream>     // reading scenario files
#include <string>      // lines
#include <string_view> // YAML inputs
#include <variant>     // get
#include <vector>      // lines

#include "model/scenario/diagnostic.hpp" // Diagnostic, format_diagnostic
#include "model/scenario/scenario.hpp"   // parse_scenario, SourceMap

namespace {

rc::Scenario parsed(std::string_view yaml) {
    auto result = rc::parse_scenario(yaml, "s.yaml");
    if (auto *d = std::get_if<rc::Diagnostic>(&result))
        FAIL(rc::format_diagnostic(*d));
    return std::get<rc::Scenario>(std::move(result));
}

std::pair<uint32_t, uint32_t> where(const rc::Scenario &s, uint32_t line, uint32_t col) {
    rc::Diagnostic d = s.code_map.at(rc::SourceLoc{line, col}, "m", "");
    CHECK(d.file == "s.yaml");
    return {d.line, d.col};
}

std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    std::string line;
    std::istringstream in{std::string(text)};
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

/// The property: code line k, from column 1, is the text of YAML line yaml_line[k] from
/// column indent + 1.
void check_every_line_maps_to_its_text(const rc::Scenario &s, std::string_view yaml) {
    std::vector<std::string> file_lines = lines_of(yaml);
    std::vector<std::string> code_lines = lines_of(s.code);
    REQUIRE(s.code_map.yaml_line.size() >= code_lines.size() + 1);
    for (size_t k = 1; k <= code_lines.size(); ++k) {
        const std::string &code_line = code_lines[k - 1];
        if (code_line.empty())
            continue;
        rc::Diagnostic d = s.code_map.at(rc::SourceLoc{static_cast<uint32_t>(k), 1}, "m", "");
        REQUIRE(d.line >= 1);
        REQUIRE(d.line <= file_lines.size());
        const std::string &file_line = file_lines[d.line - 1];
        INFO(s.file, " code line ", k);
        REQUIRE(d.col >= 1);
        CHECK(file_line.substr(d.col - 1) == code_line);
    }
}

} // namespace

TEST_CASE("literal_block_code_line_1_col_1_is_the_line_after_the_header") {
    std::string_view yaml = "name: a\ncode: |\n  import threading\n\n  x = 1\nexpect: []\n";
    rc::Scenario s = parsed(yaml);
    CHECK(s.code == "import threading\n\nx = 1\n");
    CHECK(s.code_map.indent == 2);
    CHECK(where(s, 1, 1) == std::pair<uint32_t, uint32_t>{3, 3});
    CHECK(where(s, 3, 5) == std::pair<uint32_t, uint32_t>{5, 7});
    check_every_line_maps_to_its_text(s, yaml);
}

TEST_CASE("strip_and_keep_chomping_map_like_clip") {
    for (std::string_view header : {"|-", "|+", "|-  # the program", "!!str |"}) {
        std::string yaml = "code: " + std::string(header) + "\n  a = 1\n  b = 2\n\nname: x\n";
        rc::Scenario s = parsed(yaml);
        INFO(header);
        CHECK(where(s, 2, 1) == std::pair<uint32_t, uint32_t>{3, 3});
        check_every_line_maps_to_its_text(s, yaml);
    }
}

TEST_CASE("deeper_indentation_and_leading_blank_lines_are_detected") {
    std::string_view yaml = "code: |\n\n  \n    def f():\n        return 1\n";
    rc::Scenario s = parsed(yaml);
    CHECK(s.code == "\n\ndef f():\n    return 1\n");
    CHECK(s.code_map.indent == 4);
    CHECK(where(s, 3, 1) == std::pair<uint32_t, uint32_t>{4, 5});
    CHECK(where(s, 4, 5) == std::pair<uint32_t, uint32_t>{5, 9});
    check_every_line_maps_to_its_text(s, yaml);
}

TEST_CASE("explicit_indentation_indicator_sets_the_indent") {
    std::string_view yaml = "code: |2\n    x = 1\n  y = 2\n";
    rc::Scenario s = parsed(yaml);
    CHECK(s.code == "  x = 1\ny = 2\n");
    CHECK(s.code_map.indent == 2);
    CHECK(where(s, 1, 3) == std::pair<uint32_t, uint32_t>{2, 5});
    check_every_line_maps_to_its_text(s, yaml);
    rc::Scenario strip = parsed("code: |-4\n      x\n");
    CHECK(strip.code == "  x");
    CHECK(strip.code_map.indent == 4);
}

TEST_CASE("header_on_its_own_line_maps_from_the_indicator") {
    std::string_view yaml = "name: a\ncode:\n  |\n    x = 1\n";
    rc::Scenario s = parsed(yaml);
    CHECK(where(s, 1, 1) == std::pair<uint32_t, uint32_t>{4, 5});
    check_every_line_maps_to_its_text(s, yaml);
}

TEST_CASE("crlf_files_map_like_lf_files_and_code_has_lf_only") {
    std::string_view yaml = "name: a\r\ncode: |\r\n  x = 1\r\n\r\n  if x:\r\n      y = 2\r\n";
    rc::Scenario s = parsed(yaml);
    CHECK(s.code == "x = 1\n\nif x:\n    y = 2\n");
    CHECK(where(s, 4, 5) == std::pair<uint32_t, uint32_t>{6, 7});
    check_every_line_maps_to_its_text(s, yaml);
}

TEST_CASE("flow_scalar_code_maps_onto_the_scalar_line") {
    rc::Scenario plain = parsed("name: a\ncode: x = 1\n");
    CHECK(where(plain, 1, 1) == std::pair<uint32_t, uint32_t>{2, 7});
    CHECK(where(plain, 1, 5) == std::pair<uint32_t, uint32_t>{2, 11});
    rc::Scenario quoted = parsed("code: \"x = 1\\ny = 2\"\n");
    CHECK(where(quoted, 1, 1) == std::pair<uint32_t, uint32_t>{1, 8});
    CHECK(where(quoted, 2, 1).first == 1); // approximate, never past the file
}

TEST_CASE("positions_outside_the_block_stay_inside_the_file") {
    rc::Scenario s = parsed("code: |\n  a\n  b\nname: x\n");
    CHECK(where(s, 0, 0) == std::pair<uint32_t, uint32_t>{1, 3}); // unknown: the header line
    CHECK(where(s, 3, 1) == std::pair<uint32_t, uint32_t>{3, 3}); // end of input: last line
    CHECK(where(s, 99, 1) == std::pair<uint32_t, uint32_t>{3, 3});
    CHECK(where(s, 1, 0).second == 3); // unknown column: the block's first column
    rc::Scenario empty = parsed("code: \"\"\n");
    CHECK(where(empty, 1, 1).first == 1);
}

TEST_CASE("every_corpus_scenario_loads_and_maps_each_code_line_to_its_text") {
    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::directory_iterator("scenarios"))
        if (entry.path().extension() == ".yaml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(!files.empty());
    for (const auto &path : files) {
        INFO(path.string());
        std::ifstream in(path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        auto result = rc::load_scenario(path.string());
        if (auto *d = std::get_if<rc::Diagnostic>(&result))
            FAIL(rc::format_diagnostic(*d));
        const auto &s = std::get<rc::Scenario>(result);
        CHECK(!s.name.empty());
        CHECK(!s.about.empty());
        CHECK(!s.source.empty());
        CHECK(s.code.find('\t') == std::string::npos);
        check_every_line_maps_to_its_text(s, text.str());
    }
}
