// Schedule tokens: "rc2." + 8 hex digits of fingerprint + "." + base64url(checksum, varint runs).
//
// The fingerprint is FNV-1a 64 (Fowler, Noll & Vo) over: the code text, a 0 byte, each param as
// "NAME=VALUE\n" in file order, each final check as "final:EXPR\n", each always check as
// "always:EXPR\n"; folded to 32 bits by xoring its halves. The payload is a stream of unsigned
// LEB128 varints, alternating a choice (thread id * 2 + timeout) and its run length (>= 1),
// preceded by a big-endian CRC-32 (IEEE 802.3, as in zlib) of the fingerprint's 4 big-endian
// bytes followed by the varints, so that a token changed by hand or cut when copied is refused
// rather than decoded to another schedule (schedule_test.cpp changes every character of a token
// to every other one, and cuts it at every length: each is refused). The unused low bits of the
// last character must be 0.
// Decoding never trusts the token: every malformed input is a sentence, never a crash.
#include "checker/explore/schedule.hpp" // encode_schedule, decode_schedule, scenario_fingerprint

#include <cstdio> // snprintf

namespace rc {

namespace {

constexpr std::string_view kPrefix = "rc2.";
constexpr std::string_view kOldPrefix = "rc1."; // before checksums: refused with a hint
constexpr uint64_t kMaxChoices = 10'000'000; // longer than any execution the Session runs
constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

struct Fnv1a64 {
    uint64_t h = 0xcbf29ce484222325ULL;
    void add(std::string_view s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 0x100000001b3ULL;
        }
    }
};

/// CRC-32, reflected, polynomial 0xEDB88320 (zlib's crc32): bitwise, tokens are short.
uint32_t crc32(std::string_view bytes, uint32_t crc = 0) {
    crc = ~crc;
    for (unsigned char b : bytes) {
        crc ^= b;
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::string be32(uint32_t v) {
    std::string out(4, '\0');
    for (int i = 0; i < 4; ++i)
        out[static_cast<size_t>(i)] = static_cast<char>((v >> (24 - 8 * i)) & 0xff);
    return out;
}

uint32_t token_checksum(uint32_t fingerprint, std::string_view varints) {
    return crc32(varints, crc32(be32(fingerprint)));
}

std::string hex8(uint32_t v) {
    char buf[9];
    std::snprintf(buf, sizeof buf, "%08x", v);
    return buf;
}

void put_varint(std::string &out, uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

std::string base64url(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    uint32_t acc = 0; // invariant: holds `bits` pending bits, bits < 6 between bytes
    int bits = 0;
    for (unsigned char b : bytes) {
        acc = (acc << 8) | b;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kBase64[(acc >> bits) & 0x3f];
        }
    }
    if (bits > 0)
        out += kBase64[(acc << (6 - bits)) & 0x3f];
    return out;
}

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string shown(char c) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7f)
        return std::string("'") + c + "'";
    char buf[16];
    std::snprintf(buf, sizeof buf, "byte 0x%02x", u);
    return buf;
}

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

/// Reads one varint at `pos`; an error sentence when it is cut off or does not fit 64 bits.
std::variant<uint64_t, std::string> get_varint(std::string_view bytes, size_t &pos) {
    uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        if (pos >= bytes.size())
            return std::string("this schedule token is cut short: it ends inside a number "
                               "(was it cut when copied?)");
        auto b = static_cast<unsigned char>(bytes[pos++]);
        if (shift == 63 && (b & 0x7e) != 0)
            return std::string("this schedule token is damaged: it holds a number too large "
                               "for a schedule");
        v |= static_cast<uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
        if (shift == 63)
            return std::string("this schedule token is damaged: it holds a number too large "
                               "for a schedule");
    }
}

} // namespace

uint32_t scenario_fingerprint(const Scenario &s) {
    Fnv1a64 f;
    f.add(s.code);
    f.add(std::string_view("\0", 1));
    for (const auto &[name, value] : s.params)
        f.add(name + "=" + std::to_string(value) + "\n");
    for (const Check &c : s.final_checks)
        f.add("final:" + c.expr + "\n");
    for (const Check &c : s.always_checks)
        f.add("always:" + c.expr + "\n");
    return static_cast<uint32_t>(f.h >> 32) ^ static_cast<uint32_t>(f.h);
}

std::string encode_schedule(const std::vector<Choice> &choices, uint32_t fingerprint) {
    std::string bytes;
    for (size_t i = 0; i < choices.size();) {
        size_t j = i + 1;
        while (j < choices.size() && choices[j] == choices[i])
            ++j;
        put_varint(bytes, uint64_t{choices[i].thread.value} * 2 + (choices[i].timeout ? 1 : 0));
        put_varint(bytes, j - i);
        i = j;
    }
    return seal_schedule_bytes(bytes, fingerprint);
}

std::string seal_schedule_bytes(std::string_view varints, uint32_t fingerprint) {
    std::string bytes = be32(token_checksum(fingerprint, varints));
    bytes += varints;
    return std::string(kPrefix) + hex8(fingerprint) + "." + base64url(bytes);
}

std::variant<DecodedSchedule, std::string> decode_schedule(std::string_view token,
                                                           uint32_t expected) {
    token = trim(token);
    if (token.substr(0, kOldPrefix.size()) == kOldPrefix)
        return std::string("this schedule token comes from an older racecheck (\"rc1.\" tokens "
                           "carry no checksum and are no longer accepted): check the scenario "
                           "again and copy the \"rc2.\" token it prints");
    if (token.substr(0, kPrefix.size()) != kPrefix)
        return std::string("this is not a racecheck schedule token: a token starts with \"rc2.\"");
    token.remove_prefix(kPrefix.size());
    if (token.size() < 9 || token[8] != '.')
        return std::string("this schedule token is damaged: \"rc2.\" must be followed by 8 hex "
                           "digits and a '.'");
    DecodedSchedule d;
    for (size_t i = 0; i < 8; ++i) {
        if (!is_hex(token[i]))
            return std::string("this schedule token is damaged: \"rc2.\" must be followed by 8 "
                               "hex digits and a '.'");
        char c = token[i];
        uint32_t digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        d.fingerprint = d.fingerprint << 4 | digit;
    }
    std::string_view payload = token.substr(9);
    if (payload.size() % 4 == 1)
        return std::string("this schedule token is cut short: its length is impossible (was it "
                           "cut when copied?)");
    std::string bytes;
    bytes.reserve(payload.size() * 3 / 4);
    uint32_t acc = 0; // invariant: holds `bits` pending bits, bits < 8 between characters
    int bits = 0;
    for (size_t i = 0; i < payload.size(); ++i) {
        int v = base64_value(payload[i]);
        if (v < 0)
            return "this schedule token is damaged: " + shown(payload[i]) + " at character " +
                   std::to_string(kPrefix.size() + 9 + i + 1) +
                   " cannot appear in a token (was it changed when copied?)";
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes += static_cast<char>((acc >> bits) & 0xff);
        }
    }
    const std::string damaged = "this schedule token is damaged: its checksum does not match its "
                                "contents (was it changed or cut when copied?)";
    if ((acc & ((1u << bits) - 1)) != 0 || bytes.size() < 4)
        return damaged; // bits the encoder leaves 0, or no room for the checksum
    uint32_t stored = 0;
    for (size_t i = 0; i < 4; ++i)
        stored = stored << 8 | static_cast<unsigned char>(bytes[i]);
    bytes.erase(0, 4);
    if (stored != token_checksum(d.fingerprint, bytes))
        return damaged;
    if (d.fingerprint != expected)
        return "this schedule token was made for a different scenario or different params "
               "(token fingerprint " +
               hex8(d.fingerprint) + ", scenario " + hex8(expected) + ")";
    size_t pos = 0;
    uint64_t total = 0;
    while (pos < bytes.size()) {
        auto choice = get_varint(bytes, pos);
        if (auto *e = std::get_if<std::string>(&choice))
            return std::move(*e);
        if (pos >= bytes.size())
            return std::string("this schedule token is cut short: its last thread has no step "
                               "count (was it cut when copied?)");
        auto run = get_varint(bytes, pos);
        if (auto *e = std::get_if<std::string>(&run))
            return std::move(*e);
        uint64_t c = std::get<uint64_t>(choice), n = std::get<uint64_t>(run);
        if (c / 2 >= UINT32_MAX)
            return "this schedule token is damaged: it names thread " + std::to_string(c / 2) +
                   ", more than a program can start";
        if (n == 0)
            return std::string("this schedule token is damaged: it has a run of zero steps");
        if (n > kMaxChoices - total)
            return "this schedule token is damaged: it holds more than " +
                   std::to_string(kMaxChoices) + " steps, more than any execution racecheck runs";
        total += n;
        d.choices.insert(d.choices.end(), n,
                         Choice{ThreadId(static_cast<uint32_t>(c / 2)), (c & 1) != 0});
    }
    return d;
}

} // namespace rc
