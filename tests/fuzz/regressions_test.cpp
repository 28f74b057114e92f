// Every input that once made a fuzz target fail is kept in tests/fuzz/regressions/<target>/ and
// replayed here, in the normal suite, through the same entry points as the libFuzzer binaries.
// A failure aborts (RC_CHECK) or crashes this test; the input's path is printed first.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <algorithm>  // sort
#include <filesystem> // the regressions folder
#include <fstream>    // inputs
#include <iostream>   // the input being replayed, before a possible crash
#include <sstream>    // file contents
#include <string>     // paths
#include <vector>     // inputs

#include "tests/fuzz/fuzz_entry.hpp" // rc::fuzz::load, run, check

namespace {

/// Replays every file of tests/fuzz/regressions/<target>/ through `entry`; returns how many.
size_t replay(const std::string& target, void (*entry)(std::string_view)) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator("tests/fuzz/regressions/" + target))
        if (e.is_regular_file() && e.path().filename() != "README.md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        std::cerr << "fuzz regression: " << f.string() << "\n";
        entry(text.str());
    }
    return files.size();
}

} // namespace

TEST_CASE("every_kept_fuzz_input_of_the_load_target_is_a_scenario_or_a_diagnostic") {
    CHECK(replay("load", rc::fuzz::load) > 0);
}

TEST_CASE("every_kept_fuzz_input_of_the_run_target_runs_within_its_limits_twice_alike") {
    CHECK(replay("run", rc::fuzz::run) > 0);
}

TEST_CASE("every_kept_fuzz_input_of_the_check_target_is_checked_without_an_internal_bug") {
    CHECK(replay("check", rc::fuzz::check) > 0);
}
