// Schedule tokens: round trips, size, and a clear sentence for every token that is not one.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <cctype>  // toupper
#include <string>  // tokens
#include <variant> // decode results
#include <vector>  // choices

#include "checker/explore/schedule.hpp" // encode_schedule, decode_schedule, scenario_fingerprint

using rc::Choice;
using rc::decode_schedule;
using rc::DecodedSchedule;
using rc::encode_schedule;
using rc::ThreadId;

namespace {

constexpr uint32_t kFp = 0x1234abcd;

Choice run(uint32_t t, bool timeout = false) {
    return Choice{ThreadId(t), timeout};
}

std::vector<Choice> round_trip(const std::vector<Choice> &choices) {
    auto r = decode_schedule(encode_schedule(choices, kFp), kFp);
    REQUIRE(std::holds_alternative<DecodedSchedule>(r));
    CHECK(std::get<DecodedSchedule>(r).fingerprint == kFp);
    return std::get<DecodedSchedule>(r).choices;
}

/// The decode error for `token`, or "" when it decoded.
std::string error_of(const std::string &token) {
    auto r = decode_schedule(token, kFp);
    return std::holds_alternative<std::string>(r) ? std::get<std::string>(r) : "";
}

/// A token around raw varint bytes, checksum included, to build malformed varint streams.
std::string token_of_bytes(const std::vector<unsigned char> &bytes) {
    return rc::seal_schedule_bytes(std::string(bytes.begin(), bytes.end()), kFp);
}

/// A typical witness: main starts two workers, which interleave with a few preemptions.
std::vector<Choice> typical_schedule() {
    std::vector<Choice> s;
    auto add = [&](uint32_t t, int n) { s.insert(s.end(), n, run(t)); };
    add(0, 4);
    add(1, 7);
    add(2, 3);
    add(1, 6);
    add(2, 9);
    add(0, 2);
    add(2, 3);
    add(0, 6);
    return s;
}

} // namespace

TEST_CASE("token_has_the_prefix_and_the_fingerprint_in_hex") {
    CHECK(encode_schedule({}, kFp).substr(0, 13) == "rc2.1234abcd.");
    CHECK(encode_schedule({run(0)}, 0xff).substr(0, 13) == "rc2.000000ff.");
    CHECK(encode_schedule({}, kFp).size() == 13 + 6); // the 4-byte checksum: 6 characters
}

TEST_CASE("tokens_round_trip") {
    CHECK(round_trip({}).empty());
    std::vector<Choice> mixed = {run(0), run(0), run(1), run(1, true), run(2), run(0, true)};
    CHECK(round_trip(mixed) == mixed);
    std::vector<Choice> long_run(100000, run(3));
    CHECK(round_trip(long_run) == long_run);
    std::vector<Choice> big_ids = {run(1000000), run(4000000000u, true)};
    CHECK(round_trip(big_ids) == big_ids);
}

TEST_CASE("token_of_ten_thousand_varied_choices_round_trips") {
    std::vector<Choice> choices;
    uint64_t x = 12345;
    for (int i = 0; i < 10000; ++i) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        choices.push_back(run(static_cast<uint32_t>(x >> 60) % 5, (x >> 40) % 7 == 0));
    }
    CHECK(round_trip(choices) == choices);
}

TEST_CASE("token_of_a_typical_40_step_schedule_is_under_60_characters") {
    auto s = typical_schedule();
    REQUIRE(s.size() == 40);
    std::string token = encode_schedule(s, kFp);
    CHECK(token.size() < 60);
    CHECK(round_trip(s) == s);
}

TEST_CASE("decode_ignores_surrounding_whitespace") {
    std::string token = encode_schedule({run(1), run(0)}, kFp);
    auto r = decode_schedule("  " + token + "\n", kFp);
    REQUIRE(std::holds_alternative<DecodedSchedule>(r));
    CHECK(std::get<DecodedSchedule>(r).choices.size() == 2);
}

TEST_CASE("decode_refuses_a_token_for_another_scenario_naming_both_fingerprints") {
    auto r = decode_schedule(encode_schedule({run(0)}, 0xdeadbeef), kFp);
    REQUIRE(std::holds_alternative<std::string>(r));
    CHECK(std::get<std::string>(r) ==
          "this schedule token was made for a different scenario or different params (token "
          "fingerprint deadbeef, scenario 1234abcd)");
}

TEST_CASE("decode_refuses_what_is_not_a_token") {
    CHECK(error_of("") == "this is not a racecheck schedule token: a token starts with \"rc2.\"");
    CHECK(error_of("hello") ==
          "this is not a racecheck schedule token: a token starts with \"rc2.\"");
    CHECK(error_of("rc3.1234abcd.AA") ==
          "this is not a racecheck schedule token: a token starts with \"rc2.\"");
}

TEST_CASE("a_token_of_the_older_format_without_checksum_is_refused_with_what_to_do") {
    CHECK(error_of("rc1.1234abcd.AAQCAQQB") ==
          "this schedule token comes from an older racecheck (\"rc1.\" tokens carry no checksum "
          "and are no longer accepted): check the scenario again and copy the \"rc2.\" token it "
          "prints");
}

TEST_CASE("every_change_of_one_character_in_a_token_is_refused_never_replayed") {
    const std::string good = encode_schedule(typical_schedule(), kFp);
    REQUIRE(error_of(good).empty());
    const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    size_t tried = 0;
    for (size_t i = 13; i < good.size(); ++i) { // every payload character, every other value
        for (char c : alphabet) {
            if (c == good[i]) continue;
            std::string bad = good;
            bad[i] = c;
            ++tried;
            CHECK_MESSAGE(!error_of(bad).empty(), "accepted " << bad);
        }
    }
    CHECK(tried == (good.size() - 13) * 63);
    for (size_t i = 4; i < 12; ++i) { // a changed fingerprint digit is damage, not another scenario
        std::string bad = good;
        bad[i] = bad[i] == '0' ? '1' : '0';
        CHECK(error_of(bad) == "this schedule token is damaged: its checksum does not match its "
                               "contents (was it changed or cut when copied?)");
    }
}

TEST_CASE("every_cut_of_a_token_is_refused") {
    const std::string good = encode_schedule(typical_schedule(), kFp);
    for (size_t n = 0; n < good.size(); ++n)
        CHECK_MESSAGE(!error_of(good.substr(0, n)).empty(), "accepted " << good.substr(0, n));
}

TEST_CASE("decode_refuses_a_malformed_fingerprint") {
    std::string want =
        "this schedule token is damaged: \"rc2.\" must be followed by 8 hex digits and a '.'";
    CHECK(error_of("rc2.") == want);
    CHECK(error_of("rc2.1234abc.AA") == want);
    CHECK(error_of("rc2.1234abcz.AA") == want);
    CHECK(error_of("rc2.1234abcdAAA") == want);
    std::string upper = encode_schedule({run(1)}, kFp);
    for (size_t i = 4; i < 12; ++i) upper[i] = static_cast<char>(std::toupper(upper[i]));
    CHECK(error_of(upper) == ""); // hex digits in either case
}

TEST_CASE("decode_refuses_characters_outside_base64url") {
    CHECK(error_of("rc2.1234abcd.AA+A") ==
          "this schedule token is damaged: '+' at character 16 "
          "cannot appear in a token (was it changed when copied?)");
    CHECK(error_of("rc2.1234abcd.A\x01") == "this schedule token is damaged: byte 0x01 at "
                                            "character 15 cannot appear in a token (was it "
                                            "changed when copied?)");
    CHECK(error_of("rc2.1234abcd.AA=") != ""); // padding is never written
}

TEST_CASE("decode_refuses_a_cut_token") {
    CHECK(error_of("rc2.1234abcd.A") ==
          "this schedule token is cut short: its length is impossible (was it cut when copied?)");
    CHECK(error_of(token_of_bytes({0x02, 0x85})) ==
          "this schedule token is cut short: it ends inside a number (was it cut when copied?)");
    CHECK(error_of(token_of_bytes({0x02, 0x01, 0x04})) ==
          "this schedule token is cut short: its last thread has no step count (was it cut when "
          "copied?)");
}

TEST_CASE("decode_refuses_impossible_contents") {
    CHECK(error_of(token_of_bytes({0x02, 0x00})) ==
          "this schedule token is damaged: it has a run of zero steps");
    // Run length 10,000,001: the varint 0x81 0xad 0xe2 0x04.
    CHECK(error_of(token_of_bytes({0x00, 0x81, 0xad, 0xe2, 0x04})) ==
          "this schedule token is damaged: it holds more than 10000000 steps, more than any "
          "execution racecheck runs");
    // Two runs of 6,000,000 each: over the cap together, refused before allocating them.
    CHECK(error_of(token_of_bytes({0x00, 0x80, 0x9b, 0xee, 0x02, 0x02, 0x80, 0x9b, 0xee, 0x02})) ==
          "this schedule token is damaged: it holds more than 10000000 steps, more than any "
          "execution racecheck runs");
    std::vector<unsigned char> huge(11, 0xff);
    CHECK(error_of(token_of_bytes(huge)) ==
          "this schedule token is damaged: it holds a number too large for a schedule");
    // Choice 2 * 0xffffffff: a thread id that no program can have.
    CHECK(error_of(token_of_bytes({0xfe, 0xff, 0xff, 0xff, 0x1f, 0x01})) ==
          "this schedule token is damaged: it names thread 4294967295, more than a program can "
          "start");
}

TEST_CASE("fingerprint_depends_on_code_params_and_checks_only") {
    rc::Scenario base;
    base.name = "a";
    base.code = "x = 1\n";
    base.params = {{"N", 2}};
    base.final_checks = {rc::Check{"x == 1", 1, 1}};
    uint32_t fp = rc::scenario_fingerprint(base);

    rc::Scenario renamed = base;
    renamed.name = "b";
    renamed.about = "other words";
    renamed.expect = {"data-race"};
    CHECK(rc::scenario_fingerprint(renamed) == fp);

    rc::Scenario code = base;
    code.code = "x = 2\n";
    CHECK(rc::scenario_fingerprint(code) != fp);
    rc::Scenario param = base;
    param.params[0].second = 3;
    CHECK(rc::scenario_fingerprint(param) != fp);
    rc::Scenario check = base;
    check.final_checks[0].expr = "x == 2";
    CHECK(rc::scenario_fingerprint(check) != fp);
    rc::Scenario always = base;
    always.always_checks = base.final_checks;
    always.final_checks.clear();
    CHECK(rc::scenario_fingerprint(always) != fp);
}
