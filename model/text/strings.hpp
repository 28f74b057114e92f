// Helpers for str values shared by the value files: conversions between UTF-8 and code
// points, and Python's repr of a str.
#pragma once

#include <string>      // UTF-8 text
#include <string_view> // inputs

namespace rc {

/// The code points of UTF-8 text, and back.
std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);

/// repr(s) as CPython writes it: the quote it picks, escapes for what is not printable.
std::string str_repr(std::string_view s);

} // namespace rc
