// String literals: adjacent literals concatenate, and f-strings are split into literal text
// and replacement fields `{expr!conv:spec}` whose expressions are lexed and parsed again with
// locations pointing into the original code.
#include <fmt/format.h> // messages
#include <string>       // literal text
#include <utility>      // move

#include "model/syntax/lexer.hpp"           // tokenize_expression
#include "model/syntax/parser_internal.hpp" // Parser
#include "model/syntax/string_escapes.hpp"  // decode_escapes

namespace rc::parse {

namespace {

using Parts = std::vector<std::variant<std::string, ast::FormattedValue>>;

void append_text(Parts &parts, const std::string &text) {
    if (text.empty()) {
        return;
    }
    if (!parts.empty()) {
        if (auto *last = std::get_if<std::string>(&parts.back())) {
            *last += text;
            return;
        }
    }
    parts.emplace_back(text);
}

/// Locations inside an f-string body, walking forward from the body's first character.
class BodyCursor {
public:
    BodyCursor(std::string_view body, SourceLoc start) : body_(body), start_(start), loc_(start) {}

    SourceLoc at(size_t target) {
        if (target < offset_) {
            offset_ = 0;
            loc_ = start_;
        }
        for (; offset_ < target && offset_ < body_.size(); ++offset_) {
            const char c = body_[offset_];
            const bool crlf = c == '\r' && offset_ + 1 < body_.size() && body_[offset_ + 1] == '\n';
            if (c == '\n' || (c == '\r' && !crlf)) {
                ++loc_.line;
                loc_.col = 1;
            } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
                ++loc_.col;
            }
        }
        return loc_;
    }

private:
    std::string_view body_;
    SourceLoc start_;
    SourceLoc loc_;
    size_t offset_ = 0;
};

/// The end of a replacement field's expression: the offset of the `!`, `:` or `}` that ends
/// it at bracket depth 0, or body.size() if there is none.
size_t find_expression_end(std::string_view body, size_t i) {
    int depth = 0;
    while (i < body.size()) {
        const char c = body[i];
        if (c == '\'' || c == '"') {
            const size_t close = body.find(c, i + 1);
            if (close == std::string_view::npos) {
                return body.size();
            }
            i = close + 1;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            ++depth;
        } else if (c == ')' || c == ']' || c == '}') {
            if (depth == 0 && c == '}') {
                return i;
            }
            depth = depth > 0 ? depth - 1 : 0; // an unmatched closer is the lexer's to report
        } else if (depth == 0 && c == '!' && (i + 1 >= body.size() || body[i + 1] != '=')) {
            return i;
        } else if (depth == 0 && c == ':') {
            return i;
        }
        ++i;
    }
    return i;
}

} // namespace

ast::Expr Parser::parse_strings() {
    const SourceLoc loc = tok().loc;
    bool formatted = false;
    Parts parts;
    while (tok().kind == TokenKind::String || tok().kind == TokenKind::FString) {
        const Token &t = next();
        if (t.kind == TokenKind::String) {
            append_text(parts, t.text);
        } else {
            formatted = true;
            parse_fstring_body(t, parts);
        }
    }
    if (!formatted) {
        std::string value = parts.empty() ? std::string() : std::get<std::string>(parts.front());
        return make_expr(ast::Constant{std::move(value)}, loc);
    }
    return make_expr(ast::FString{std::move(parts)}, loc);
}

void Parser::parse_fstring_body(const Token &token, Parts &parts) {
    const std::string_view body = token.text;
    BodyCursor cursor(body, token.body_loc);
    std::string text;
    size_t chunk = 0; // start of the literal text not yet decoded
    auto flush = [&](size_t end) {
        if (auto error = decode_escapes(body.substr(chunk, end - chunk), cursor.at(chunk),
                                        token.raw, text, &warnings)) {
            throw ParseFailure{std::move(*error)};
        }
    };
    size_t i = 0;
    while (i < body.size()) {
        const char c = body[i];
        if (c != '{' && c != '}') {
            ++i;
            continue;
        }
        flush(i);
        if (i + 1 < body.size() && body[i + 1] == c) {
            text += c;
            i += 2;
            chunk = i;
            continue;
        }
        if (c == '}') {
            fail(cursor.at(i), "f-string: single '}' is not allowed");
        }
        append_text(parts, text);
        text.clear();
        const size_t start = i + 1;
        const size_t end = find_expression_end(body, start);
        const std::string_view expr_text = body.substr(start, end - start);
        for (size_t k = 0; k < expr_text.size(); ++k) {
            if (expr_text[k] == '\\') {
                fail(cursor.at(start + k), "f-string expression part cannot include a backslash");
            }
            if (expr_text[k] == '#') {
                fail(cursor.at(start + k), "f-string expression part cannot include '#'");
            }
        }
        if (end >= body.size()) {
            fail(cursor.at(end), "f-string: expecting '}'");
        }
        if (expr_text.find_first_not_of(" \t\r\n\f") == std::string_view::npos) {
            if (body[end] == '}') {
                fail(cursor.at(end), "f-string: empty expression not allowed");
            }
            fail(cursor.at(end),
                 fmt::format("f-string: expression required before '{}'", body[end]));
        }
        const std::string_view trimmed = expr_text.substr(0, expr_text.find_last_not_of(" \t"));
        // {x=}: the expression's text (with its '=' and spaces) then its value, repr() unless a
        // conversion or a format spec says otherwise.
        const bool self_documenting = !trimmed.empty() && expr_text[trimmed.size()] == '=' &&
                                      trimmed.back() != '=' && trimmed.back() != '!' &&
                                      trimmed.back() != '<' && trimmed.back() != '>';
        const std::string_view source = self_documenting ? trimmed : expr_text;
        LexResult lexed = tokenize_expression(source, cursor.at(start));
        if (lexed.error) {
            throw ParseFailure{std::move(*lexed.error)};
        }
        Parser field_parser(std::move(lexed.tokens), std::nullopt);
        field_parser.depth_ = depth_; // nested f-strings share the recursion bound
        ast::FormattedValue field;
        field.value = box(field_parser.parse_field_expression());
        warnings.insert(warnings.end(), lexed.warnings.begin(), lexed.warnings.end());
        warnings.insert(warnings.end(), field_parser.warnings.begin(), field_parser.warnings.end());
        i = end;
        if (body[i] == '!') {
            const char conversion = i + 1 < body.size() ? body[i + 1] : '\0';
            if (conversion != 'r' && conversion != 's' && conversion != 'a') {
                fail(cursor.at(i + 1), "f-string: invalid conversion character: expected 's', "
                                       "'r', or 'a'");
            }
            field.conversion = conversion;
            i += 2;
        }
        if (i < body.size() && body[i] == ':') {
            const size_t spec_start = ++i;
            while (i < body.size() && body[i] != '}') {
                if (body[i] == '{') {
                    fail(cursor.at(i),
                         "unsupported: nested replacement fields in f-string format specs",
                         "format the value with a fixed spec, or build the string in steps");
                }
                ++i;
            }
            field.spec = std::string(body.substr(spec_start, i - spec_start));
        }
        if (i >= body.size() || body[i] != '}') {
            fail(cursor.at(i), "f-string: expecting '}'");
        }
        ++i;
        chunk = i;
        if (self_documenting) {
            append_text(parts, std::string(expr_text));
            if (field.conversion == 0 && field.spec.empty()) field.conversion = 'r';
        }
        parts.emplace_back(std::move(field));
    }
    flush(body.size());
    append_text(parts, text);
}

} // namespace rc::parse
