// Schedule tokens: a finding's witness interleaving as a short string to paste into an issue.
//
// Format: "rc2." + 8 hex digits of the scenario fingerprint + "." + payload, where the payload is
// base64url (no padding) of a 4-byte checksum followed by a varint stream of (choice, run length)
// pairs, a choice being thread id * 2 + timeout. The fingerprint ties a token to one scenario and
// its params: a token made for another scenario or other params is refused with a clear message.
// The checksum (CRC-32 of the fingerprint and the varints) makes a token changed by hand or cut
// when copied a refusal instead of some other schedule. "rc1." tokens (no checksum) are refused
// with a message saying to re-run the check.
#pragma once

#include <cstdint>     // uint32_t, uint64_t
#include <string>      // tokens, errors
#include <string_view> // input
#include <variant>     // result or error
#include <vector>      // choices

#include "model/runtime/choice.hpp" // Choice
#include "model/scenario/scenario.hpp"   // Scenario

namespace rc {

/// A 32-bit fingerprint of what a schedule depends on: the code, the params' values and the
/// checks (not the name, about, source or expect).
uint32_t scenario_fingerprint(const Scenario& s);

std::string encode_schedule(const std::vector<Choice>& choices, uint32_t fingerprint);

/// Assembles a token around an already encoded varint stream: prefix, fingerprint, checksum.
/// encode_schedule() is this applied to the choices' varints; tests use it to build tokens whose
/// checksum is right around malformed contents.
std::string seal_schedule_bytes(std::string_view varints, uint32_t fingerprint);

struct DecodedSchedule {
    std::vector<Choice> choices;
    uint32_t fingerprint = 0;
};
/// The error is a sentence for the user ("not a racecheck schedule token", "damaged: its checksum
/// does not match", "made for another scenario or other params (fingerprint ...)", ...).
/// `expected` is the current scenario's fingerprint. The checksum is checked before the
/// fingerprint, so a token changed by hand is called damaged, never "for another scenario".
std::variant<DecodedSchedule, std::string> decode_schedule(std::string_view token, uint32_t expected);

} // namespace rc
