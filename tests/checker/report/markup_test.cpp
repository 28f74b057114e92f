// escape_markup: entities, and U+FFFD for what XML 1.0 cannot carry.
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <string> // texts

#include "checker/report/markup.hpp" // escape_markup

using rc::escape_markup;

TEST_CASE("markup_escapes_the_five_special_characters") {
    CHECK(escape_markup("a < b && c > \"d\" 'e'") ==
          "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;");
}

TEST_CASE("markup_keeps_utf8_tabs_and_newlines") {
    CHECK(escape_markup("counter → 0 ∥ ✗\t\n\r") == "counter → 0 ∥ ✗\t\n\r");
    CHECK(escape_markup("\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80"); // 4-byte sequence
}

TEST_CASE("markup_replaces_what_xml_cannot_carry") {
    const std::string fffd = "\xEF\xBF\xBD";
    CHECK(escape_markup(std::string("a\0b", 3)) == "a" + fffd + "b");
    CHECK(escape_markup("\x01\x1b[31m") == fffd + fffd + "[31m");
    CHECK(escape_markup("\xff") == fffd);                       // not UTF-8
    CHECK(escape_markup("\xC3") == fffd);                       // cut sequence
    CHECK(escape_markup("\xC0\xAF") == fffd + fffd);            // overlong '/'
    CHECK(escape_markup("\xED\xA0\x80") == fffd + fffd + fffd); // a surrogate
    CHECK(escape_markup("\xEF\xBF\xBF") == fffd);               // U+FFFF
}
