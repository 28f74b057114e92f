// Unit tests for the Python tokenizer (model/syntax/lexer.hpp).
#include <doctest/doctest.h> // TEST_CASE, CHECK

#include <fmt/format.h> // token rendering
#include <string>       // rendered token streams

#include "model/syntax/lexer.hpp" // tokenize, tokenize_expression

namespace {

using rc::TokenKind;

/// The token stream rendered compactly, e.g. "x = 1 NL END"; strings as 'value',
/// f-strings as f'body', indentation as IN/DE.
std::string render(const rc::LexResult &result) {
    if (result.error) {
        return fmt::format("error {}:{} {}", result.error->loc.line, result.error->loc.col,
                           result.error->message);
    }
    std::string out;
    for (const rc::Token &t : result.tokens) {
        if (!out.empty()) {
            out += ' ';
        }
        switch (t.kind) {
        case TokenKind::Name:
        case TokenKind::Keyword:
        case TokenKind::Op:
            out += t.text;
            break;
        case TokenKind::Int:
            out += fmt::format("i{}", t.int_value);
            break;
        case TokenKind::Float:
            out += fmt::format("f{}", t.float_value);
            break;
        case TokenKind::String:
            out += "'" + t.text + "'";
            break;
        case TokenKind::FString:
            out += (t.raw ? "rf'" : "f'") + t.text + "'";
            break;
        case TokenKind::Newline:
            out += "NL";
            break;
        case TokenKind::Indent:
            out += "IN";
            break;
        case TokenKind::Dedent:
            out += "DE";
            break;
        case TokenKind::Error:
            out += "ERROR";
            break;
        case TokenKind::End:
            out += "END";
            break;
        }
    }
    return out;
}

std::string lex(std::string_view code) {
    return render(rc::tokenize(code));
}

} // namespace

TEST_CASE("empty_and_blank_code_has_only_end") {
    CHECK(lex("") == "END");
    CHECK(lex("\n\n   \n# comment\n") == "END");
}

TEST_CASE("missing_final_newline_still_ends_the_logical_line") {
    CHECK(lex("x = 1") == "x = i1 NL END");
}

TEST_CASE("indentation_produces_indent_and_dedent") {
    CHECK(lex("if x:\n    y\n    z\nw\n") == "if x : NL IN y NL z NL DE w NL END");
    CHECK(lex("if a:\n  if b:\n    c\nd\n") == "if a : NL IN if b : NL IN c NL DE DE d NL END");
}

TEST_CASE("open_blocks_are_closed_at_end_of_input") {
    CHECK(lex("if a:\n  if b:\n    c") == "if a : NL IN if b : NL IN c NL DE DE END");
}

TEST_CASE("blank_and_comment_lines_do_not_affect_indentation") {
    CHECK(lex("if x:\n\n        # deep comment\n  y\n# c\n  z\n") ==
          "if x : NL IN y NL z NL DE END");
}

TEST_CASE("dedent_to_unknown_level_is_an_error") {
    CHECK(lex("if x:\n    a = 1\n  b = 2\n") ==
          "error 3:3 unindent does not match any outer indentation level");
}

TEST_CASE("unexpected_indent_is_left_to_the_parser_as_an_indent_token") {
    CHECK(lex("x\n  y\n") == "x NL IN y NL DE END");
}

TEST_CASE("newlines_inside_brackets_are_joined") {
    CHECK(lex("f(a,\n      b\n)\nx\n") == "f ( a , b ) NL x NL END");
    CHECK(lex("d = {\n  1: [2,\n3]}\n") == "d = { i1 : [ i2 , i3 ] } NL END");
}

TEST_CASE("backslash_continues_a_line") {
    CHECK(lex("x = 1 + \\\n    2\n") == "x = i1 + i2 NL END");
    CHECK(lex("x = 1 \\ y\n") ==
          "error 1:8 unexpected character after line continuation character");
}

TEST_CASE("keywords_are_distinguished_from_names") {
    const rc::LexResult r = rc::tokenize("if match None\n");
    REQUIRE(r.tokens.size() == 5);
    CHECK(r.tokens[0].kind == TokenKind::Keyword);
    CHECK(r.tokens[1].kind == TokenKind::Name);
    CHECK(r.tokens[2].kind == TokenKind::Keyword);
}

TEST_CASE("integers_in_every_base_with_underscores") {
    CHECK(lex("10_000_000 0x1F 0o17 0b1010 0 00 0_0 0xff_ff") ==
          "i10000000 i31 i15 i10 i0 i0 i0 i65535 NL END");
    CHECK(lex("9223372036854775807") == "i9223372036854775807 NL END");
}

TEST_CASE("integer_literal_too_large_is_an_error") {
    CHECK(lex("x = 9223372036854775808\n") == "error 1:5 integer literal too large");
    CHECK(lex("x = 0x1_0000_0000_0000_0000\n") == "error 1:5 integer literal too large");
}

TEST_CASE("malformed_numbers_are_errors") {
    CHECK(lex("x = 0123\n") == "error 1:5 leading zeros in decimal integer literals are not "
                               "permitted; use an 0o prefix for octal integers");
    CHECK(lex("x = 1_\n") == "error 1:5 invalid decimal literal");
    CHECK(lex("x = 1__0\n") == "error 1:5 invalid decimal literal");
    CHECK(lex("x = 0x\n") == "error 1:5 invalid hexadecimal literal");
    CHECK(lex("x = 1abc\n") == "error 1:5 invalid decimal literal");
    CHECK(lex("x = 0o8\n") == "error 1:7 invalid digit '8' in octal literal");
    CHECK(lex("x = 2j\n") == "error 1:5 unsupported: complex numbers");
}

TEST_CASE("floats_in_every_form") {
    CHECK(lex("0.5 1e6 2. .25 1_0.5 3E-2") == "f0.5 f1000000 f2 f0.25 f10.5 f0.03 NL END");
}

TEST_CASE("number_may_touch_a_keyword") {
    CHECK(lex("1if x else 2") == "i1 if x else i2 NL END");
}

TEST_CASE("strings_with_escapes") {
    CHECK(lex(R"('a\n\t\\\'\"' "x\x41\u00e9")") == "'a\n\t\\'\"' 'xA\xC3\xA9' NL END");
    CHECK(lex(R"(r'a\nb')") == "'a\\nb' NL END");
    CHECK(lex(R"('\d')") == "'\\d' NL END");
}

TEST_CASE("triple_quoted_strings_span_lines") {
    CHECK(lex("x = '''a\nb'''\ny\n") == "x = 'a\nb' NL y NL END");
    CHECK(lex("x = \"\"\"it's\"\"\"\n") == "x = 'it's' NL END");
}

TEST_CASE("string_errors") {
    CHECK(lex("x = 'abc\n") == "error 1:5 unterminated string literal (detected at line 1)");
    CHECK(lex("x = '''abc\n\n") ==
          "error 1:5 unterminated triple-quoted string literal (detected at line 2)");
    CHECK(lex(R"(x = 'a\xZZ')") ==
          "error 1:7 (unicode error) 'unicodeescape' codec can't decode bytes in position 1-2: "
          "truncated \\xXX escape");
}

TEST_CASE("bytes_literals_are_refused") {
    const rc::LexResult r = rc::tokenize("x = b'abc'\n");
    REQUIRE(r.error);
    CHECK(r.error->message == "unsupported: bytes literals");
    CHECK(r.error->loc == rc::SourceLoc{1, 5});
    CHECK(!r.error->hint.empty());
}

TEST_CASE("fstring_tokens_keep_the_raw_body_and_its_location") {
    const rc::LexResult r = rc::tokenize("x = f'{a}\\n'\ny = rf\"{b}\"\n");
    REQUIRE(!r.error);
    CHECK(r.tokens[2].kind == TokenKind::FString);
    CHECK(r.tokens[2].text == "{a}\\n");
    CHECK(r.tokens[2].loc == rc::SourceLoc{1, 5});
    CHECK(r.tokens[2].body_loc == rc::SourceLoc{1, 7});
    CHECK(!r.tokens[2].raw);
    CHECK(r.tokens[6].raw);
    CHECK(r.tokens[6].body_loc == rc::SourceLoc{2, 8});
}

TEST_CASE("operators_take_the_longest_match") {
    CHECK(lex("a **= b // c -> d <<= e != f") == "a **= b // c -> d <<= e != f NL END");
    CHECK(lex("x += 1; x //= 2; x >>= 3; x ^= 4") ==
          "x += i1 ; x //= i2 ; x >>= i3 ; x ^= i4 NL END");
}

TEST_CASE("walrus_is_one_operator") {
    CHECK(lex("if (n := 10) > 5: pass\n") == "if ( n := i10 ) > i5 : pass NL END");
}

TEST_CASE("bracket_errors") {
    CHECK(lex("x = (1,\ny = 2\n") == "error 1:5 '(' was never closed");
    CHECK(lex("x = 1)\n") == "error 1:6 unmatched ')'");
    CHECK(lex("x = (1]\n") ==
          "error 1:7 closing parenthesis ']' does not match opening parenthesis '('");
    CHECK(lex("x = (1,\n2]\n") ==
          "error 2:2 closing parenthesis ']' does not match opening parenthesis '(' on line 1");
}

TEST_CASE("invalid_characters_are_named") {
    CHECK(lex("x = 1 \xE2\x82\xAC\n") == "error 1:7 invalid character '\xE2\x82\xAC' (U+20AC)");
    CHECK(lex("print(\xE2\x80\x9Chi\xE2\x80\x9D)\n") ==
          "error 1:7 invalid character '\xE2\x80\x9C' (U+201C)");
    CHECK(lex("x = $\n") == "x = $ NL END");
}

TEST_CASE("columns_count_code_points_not_bytes") {
    const rc::LexResult r = rc::tokenize("s = '\xC3\xA9\xC3\xA9' + t\n");
    REQUIRE(!r.error);
    CHECK(r.tokens[4].text == "t");
    CHECK(r.tokens[4].loc == rc::SourceLoc{1, 12});
}

TEST_CASE("non_ascii_letters_form_names") {
    CHECK(lex("caf\xC3\xA9 = 1\n") == "caf\xC3\xA9 = i1 NL END");
}

TEST_CASE("tab_advances_to_the_next_multiple_of_eight") {
    CHECK(lex("if x:\n\ty\n\ty2\n") == "if x : NL IN y NL y2 NL DE END");
    CHECK(lex("if x:\n\tif y:\n\t\tz\n\tw\n") == "if x : NL IN if y : NL IN z NL DE w NL DE END");
}

TEST_CASE("inconsistent_tabs_and_spaces_are_a_tab_error") {
    CHECK(lex("if x:\n\tif y:\n        pass\n") ==
          "error 3:1 inconsistent use of tabs and spaces in indentation");
    CHECK(lex("if x:\n        a\n\tb\n") ==
          "error 3:1 inconsistent use of tabs and spaces in indentation");
}

TEST_CASE("crlf_line_endings_are_accepted") {
    CHECK(lex("if x:\r\n    y\r\nz\r\n") == "if x : NL IN y NL DE z NL END");
}

TEST_CASE("expression_mode_ignores_newlines_and_starts_at_the_given_location") {
    const rc::LexResult r = rc::tokenize_expression("a +\n b", rc::SourceLoc{3, 10});
    CHECK(render(r) == "a + b NL END");
    CHECK(r.tokens[0].loc == rc::SourceLoc{3, 10});
    CHECK(r.tokens[2].loc == rc::SourceLoc{4, 2});
}

TEST_CASE("null_bytes_and_control_characters_are_errors") {
    CHECK(lex(std::string_view("x = \0", 5)) == "error 1:5 source code cannot contain null bytes");
    CHECK(lex("x = \x01\n") == "error 1:5 invalid non-printable character U+0001");
}

TEST_CASE("nesting_limits_are_errors_not_crashes") {
    CHECK(lex(std::string(300, '(')) == "error 1:201 too many nested parentheses");
    std::string deep;
    for (int i = 0; i < 120; ++i) {
        deep += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
    }
    CHECK(lex(deep).find("too many levels of indentation") != std::string::npos);
}
