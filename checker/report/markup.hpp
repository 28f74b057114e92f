// Text inside XML and HTML (the JUnit and HTML reports): escaping, and the characters XML 1.0
// cannot carry at all. Program output may hold any bytes; the reports must stay well-formed.
#pragma once

#include <string>      // escaped text
#include <string_view> // input

namespace rc {

/// `text` with & < > " ' escaped as entities, fit for element content and quoted attributes.
/// Bytes that are not UTF-8, and control characters XML 1.0 forbids (all below U+0020 but tab,
/// newline and carriage return, and U+FFFE/U+FFFF), become U+FFFD.
std::string escape_markup(std::string_view text);

} // namespace rc
