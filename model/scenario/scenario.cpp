// Scenario loading and validation over the YAML tree of yaml_tree.hpp (the only file that
// includes yaml-cpp is yaml_tree.cpp).
//
// This file is over 300 lines (under 600) because it holds the whole YAML schema in one place:
// every key, its type, its error message.
//
// Validation errors are raised as a local ScenarioError and turned into the returned Diagnostic
// by parse_scenario; nothing thrown here leaves this file.
#include "model/scenario/scenario.hpp"

#include <algorithm>    // min, max, find, count, all_of
#include <cctype>       // isdigit, isalnum
#include <charconv>     // from_chars
#include <climits>      // INT64_MAX, UINT32_MAX
#include <cmath>        // isfinite
#include <filesystem>   // path stem for the default name
#include <fstream>      // reading the file
#include <system_error>  // errc from from_chars
#include <unordered_set> // param names seen

#include <fmt/format.h> // messages

#include "model/check.hpp"               // RC_CHECK
#include "model/scenario/yaml_tree.hpp" // parse_yaml, YamlNode

namespace rc {
namespace {

const std::vector<std::string> kTopKeys = {"name", "about",  "source", "params",
                                           "code", "checks", "expect", "explore"};
const std::vector<std::string> kCheckKeys = {"final", "always"};
const std::vector<std::string> kExploreKeys = {"strategy",  "max_executions",   "max_seconds",
                                               "max_steps", "preemption_bound", "seed"};

struct ScenarioError {
    Diagnostic diagnostic;
};

std::string join(const std::vector<std::string> &words) {
    std::string out;
    for (const auto &w : words)
        out += (out.empty() ? "" : ", ") + w;
    return out;
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// "did you mean 'x'? <what>: a, b, c" when some candidate is close to `word`, else "<what>: ...".
std::string suggest(std::string_view word, const std::vector<std::string> &candidates,
                    std::string_view what) {
    const std::string *best = nullptr;
    size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
    for (const auto &c : candidates) {
        size_t d = edit_distance(word, c);
        if (d < best_distance)
            best = &c, best_distance = d;
    }
    std::string list = fmt::format("{}: {}", what, join(candidates));
    return best ? fmt::format("did you mean '{}'? {}", *best, list) : list;
}

/// A Python-style integer: optional sign, decimal digits, single '_' allowed between digits.
std::optional<int64_t> parse_int64(std::string_view text) {
    std::string digits;
    size_t i = 0;
    if (!text.empty() && (text[0] == '-' || text[0] == '+'))
        digits += text[i++] == '-' ? "-" : "";
    if (i == text.size())
        return std::nullopt;
    for (; i < text.size(); ++i) {
        char c = text[i];
        bool between_digits = c == '_' && i + 1 < text.size() && i > 0 &&
                              std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
                              std::isdigit(static_cast<unsigned char>(text[i + 1]));
        if (between_digits)
            continue;
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
        digits += c;
    }
    int64_t value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc{} || end != digits.data() + digits.size())
        return std::nullopt;
    return value;
}

bool is_identifier(std::string_view s) {
    auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    return !s.empty() && !std::isdigit(static_cast<unsigned char>(s[0])) &&
           std::all_of(s.begin(), s.end(), word_char);
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.emplace_back(line);
        start = end + 1;
    }
    return lines;
}

std::string describe(const YamlNode &node) {
    switch (node.kind) {
    case YamlKind::Null:
        return "nothing";
    case YamlKind::Scalar:
        return "a scalar";
    case YamlKind::Sequence:
        return "a list";
    case YamlKind::Map:
        return "a mapping";
    }
    return "a node";
}

/// Walks one YAML document and fills a Scenario; raises ScenarioError on the first problem.
class Loader {
public:
    Loader(std::string_view text, const std::string &file)
        : file_(file), lines_(split_lines(text)) {}

    Scenario load(const YamlNode &root);

private:
    [[noreturn]] void fail(const YamlMark &mark, std::string message, std::string hint = {}) {
        uint32_t line = mark.line + 1;
        uint32_t col = mark.column + 1;
        throw ScenarioError{Diagnostic{file_, line, col, std::move(message), std::move(hint)}};
    }
    /// Iterates a mapping, checking each key against `valid` (no unknown, no duplicate keys).
    template <typename Visit>
    void for_each_key(const YamlNode &map, const std::vector<std::string> &valid,
                      std::string_view where, Visit visit);
    std::string string_value(const YamlNode &value, std::string_view key);
    uint64_t unsigned_value(const YamlNode &value, std::string_view key, uint64_t max);
    void load_params(const YamlNode &value);
    void load_code(const YamlNode &key, const YamlNode &value);
    std::vector<Check> load_checks(const YamlNode &value, std::string_view key);
    void load_expect(const YamlNode &value);
    void load_explore(const YamlNode &value);
    char char_at(const YamlMark &mark) const;

    std::string file_;
    std::vector<std::string> lines_; // raw file lines without line ends, for the SourceMap
    Scenario scenario_;
    std::unordered_set<std::string> param_names_; // duplicate params, in linear time
};

template <typename Visit>
void Loader::for_each_key(const YamlNode &map, const std::vector<std::string> &valid,
                          std::string_view where, Visit visit) {
    std::vector<std::pair<std::string, int>> seen; // key -> 1-based line of first occurrence
    for (size_t i = 0; i < map.map_size(); ++i) {
        const YamlNode &key = map.key(i);
        if (!key.is_scalar())
            fail(key.mark, fmt::format("keys{} must be plain words", where));
        const std::string &name = key.scalar;
        if (std::find(valid.begin(), valid.end(), name) == valid.end())
            fail(key.mark, fmt::format("unknown key '{}'{}", name, where),
                 suggest(name, valid, "valid keys"));
        for (const auto &[prev, line] : seen)
            if (prev == name)
                fail(key.mark, fmt::format("duplicate key '{}'{}", name, where),
                     fmt::format("'{}' is already given on line {}; keep one", name, line));
        seen.emplace_back(name, key.mark.line + 1);
        visit(key, map.value(i));
    }
}

std::string Loader::string_value(const YamlNode &value, std::string_view key) {
    if (value.is_null())
        return {};
    if (!value.is_scalar())
        fail(value.mark, fmt::format("'{}' must be a string, got {}", key, describe(value)));
    return value.scalar;
}

uint64_t Loader::unsigned_value(const YamlNode &value, std::string_view key, uint64_t max) {
    std::optional<int64_t> v;
    if (value.is_scalar() && value.tag == "?")
        v = parse_int64(value.scalar);
    // Integers above INT64_MAX are not needed by any setting; max bounds the rest.
    if (!v || *v < 0 || static_cast<uint64_t>(*v) > max)
        fail(value.mark,
             fmt::format("'{}' must be an integer from 0 to {}, got {}", key, max,
                         value.is_scalar() ? "'" + value.scalar + "'" : describe(value)));
    return static_cast<uint64_t>(*v);
}

char Loader::char_at(const YamlMark &mark) const {
    if (static_cast<size_t>(mark.line) >= lines_.size())
        return 0;
    const std::string &line = lines_[static_cast<size_t>(mark.line)];
    return static_cast<size_t>(mark.column) < line.size() ? line[mark.column] : 0;
}

Scenario Loader::load(const YamlNode &root) {
    if (root.is_null())
        throw ScenarioError{Diagnostic{file_, 1, 1, "empty scenario file",
                                       "a scenario needs at least a `code: |` block"}};
    if (!root.is_map())
        fail(root.mark,
             fmt::format("a scenario must be a mapping of keys, got {}", describe(root)),
             fmt::format("valid keys: {}", join(kTopKeys)));
    bool has_code = false;
    for_each_key(root, kTopKeys, "", [&](const YamlNode &key, const YamlNode &value) {
        const std::string &k = key.scalar;
        if (k == "name")
            scenario_.name = string_value(value, k);
        else if (k == "about")
            scenario_.about = string_value(value, k);
        else if (k == "source")
            scenario_.source = string_value(value, k);
        else if (k == "params")
            load_params(value);
        else if (k == "code")
            load_code(key, value), has_code = true;
        else if (k == "checks") {
            if (value.is_null())
                return;
            if (!value.is_map())
                fail(value.mark,
                     fmt::format("'checks' must be a mapping, got {}", describe(value)),
                     "write `checks:` followed by `final: [...]` and/or `always: [...]`");
            for_each_key(value, kCheckKeys, " in 'checks'",
                         [&](const YamlNode &ck, const YamlNode &cv) {
                             auto &list = ck.scalar == "final" ? scenario_.final_checks
                                                                 : scenario_.always_checks;
                             list = load_checks(cv, ck.scalar);
                         });
        } else if (k == "expect")
            load_expect(value);
        else if (k == "explore")
            load_explore(value);
    });
    if (!has_code)
        fail(root.mark, "missing required key 'code'",
             "add the Python program as a block: `code: |` followed by indented lines");
    if (scenario_.name.empty())
        scenario_.name = std::filesystem::path(file_).stem().string();
    scenario_.file = file_;
    return std::move(scenario_);
}

void Loader::load_params(const YamlNode &value) {
    if (value.is_null())
        return;
    if (!value.is_map())
        fail(value.mark, fmt::format("'params' must be a mapping, got {}", describe(value)),
             "write one `NAME: integer` per line under `params:`");
    for (size_t i = 0; i < value.map_size(); ++i) {
        const YamlNode &key = value.key(i);
        if (!key.is_scalar() || !is_identifier(key.scalar))
            fail(key.mark, "param names must be Python identifiers",
                 "use letters, digits and '_', not starting with a digit, e.g. ITERATIONS");
        const std::string &name = key.scalar;
        if (!param_names_.insert(name).second)
            fail(key.mark, fmt::format("duplicate param '{}'", name));
        const YamlNode &v = value.value(i);
        std::optional<int64_t> n;
        if (v.is_scalar() && v.tag == "?")
            n = parse_int64(v.scalar);
        if (!n)
            fail(v.mark,
                 fmt::format("param '{}' must be a 64-bit integer, got {}", name,
                             v.is_scalar() ? "'" + v.scalar + "'" : describe(v)),
                 v.is_scalar() && v.tag != "?" ? "write the number without quotes"
                                                : "params are integers, e.g. `ITERATIONS: 2`");
        scenario_.params.emplace_back(name, *n);
    }
}

std::vector<Check> Loader::load_checks(const YamlNode &value, std::string_view key) {
    std::vector<Check> checks;
    if (value.is_null())
        return checks;
    if (!value.is_sequence())
        fail(value.mark,
             fmt::format("'checks.{}' must be a list of expressions, got {}", key, describe(value)),
             fmt::format("write `{}: [counter == 4]` or one `- expression` per line", key));
    for (const YamlNode *item : value.children) {
        const YamlNode &entry = *item;
        if (!entry.is_scalar() || entry.scalar.empty())
            fail(entry.mark,
                 fmt::format("each 'checks.{}' entry must be a Python expression", key),
                 "quote an expression that contains ': ' or ', '");
        char first = char_at(entry.mark);
        uint32_t quote = (first == '"' || first == '\'') ? 1 : 0;
        checks.push_back(Check{entry.scalar, static_cast<uint32_t>(entry.mark.line) + 1,
                               static_cast<uint32_t>(entry.mark.column) + 1 + quote});
    }
    return checks;
}

void Loader::load_expect(const YamlNode &value) {
    if (value.is_null())
        return;
    if (!value.is_sequence())
        fail(value.mark, fmt::format("'expect' must be a list, got {}", describe(value)),
             fmt::format("write `expect: []` or a list of: {}", join(known_finding_kinds())));
    for (const YamlNode *item : value.children) {
        const YamlNode &entry = *item;
        const auto &kinds = known_finding_kinds();
        if (!entry.is_scalar() ||
            std::find(kinds.begin(), kinds.end(), entry.scalar) == kinds.end())
            fail(entry.mark,
                 fmt::format("unknown finding kind {}",
                             entry.is_scalar() ? "'" + entry.scalar + "'" : describe(entry)),
                 suggest(entry.is_scalar() ? entry.scalar : "", kinds, "known kinds"));
        auto &expect = scenario_.expect;
        if (std::find(expect.begin(), expect.end(), entry.scalar) != expect.end())
            fail(entry.mark, fmt::format("'{}' is listed twice in 'expect'", entry.scalar));
        expect.push_back(entry.scalar);
    }
}

void Loader::load_explore(const YamlNode &value) {
    if (value.is_null())
        return;
    if (!value.is_map())
        fail(value.mark, fmt::format("'explore' must be a mapping, got {}", describe(value)),
             fmt::format("valid keys: {}", join(kExploreKeys)));
    ExploreDefaults &e = scenario_.explore;
    for_each_key(
        value, kExploreKeys, " in 'explore'", [&](const YamlNode &key, const YamlNode &v) {
            const std::string &k = key.scalar;
            constexpr uint64_t kMax64 = static_cast<uint64_t>(INT64_MAX);
            if (k == "strategy") {
                if (!v.is_scalar() || v.scalar.empty())
                    fail(v.mark, fmt::format("'strategy' must be a name, got {}", describe(v)));
                e.strategy = v.scalar;
            } else if (k == "max_seconds") {
                double seconds = 0;
                const std::string text = v.is_scalar() ? v.scalar : "";
                auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
                if (!v.is_scalar() || v.tag != "?" || ec != std::errc{} ||
                    end != text.data() + text.size() || !std::isfinite(seconds) || seconds <= 0)
                    fail(v.mark, fmt::format("'max_seconds' must be a positive number, got {}",
                                               v.is_scalar() ? "'" + text + "'" : describe(v)));
                e.max_seconds = seconds;
            } else if (k == "max_executions")
                e.max_executions = unsigned_value(v, k, kMax64);
            else if (k == "max_steps")
                e.max_steps = unsigned_value(v, k, kMax64);
            else if (k == "seed")
                e.seed = unsigned_value(v, k, kMax64);
            else if (k == "preemption_bound")
                e.preemption_bound = static_cast<uint32_t>(unsigned_value(v, k, UINT32_MAX));
        });
}

// Block scalars: code line k sits on YAML line header + k, shifted right by the block's
// indentation (YAML 1.2 §8.1.1.1: explicit indicator, else the first non-blank line's spaces).
// Flow scalars (plain or quoted) map every code line to the scalar's own line: approximate, but
// always a real position in the file.
void Loader::load_code(const YamlNode &key, const YamlNode &value) {
    if (!value.is_scalar())
        fail(value.is_null() ? key.mark : value.mark,
             fmt::format("'code' must be a string, got {}", describe(value)),
             "write the Python program as a block: `code: |` followed by indented lines");
    std::string code = value.scalar;
    std::string normalized;
    for (size_t i = 0; i < code.size(); ++i)
        if (!(code[i] == '\r' && i + 1 < code.size() && code[i + 1] == '\n'))
            normalized += code[i];
    scenario_.code = std::move(normalized);

    const YamlMark mark = value.mark;
    static const std::string kNoLine;
    const size_t mark_line = static_cast<size_t>(mark.line);
    const std::string &header = mark_line < lines_.size() ? lines_[mark_line] : kNoLine;
    size_t pos = static_cast<size_t>(mark.column);
    while (pos < header.size() && (header[pos] == '!' || header[pos] == '&')) { // tag, anchor
        while (pos < header.size() && header[pos] != ' ')
            ++pos;
        while (pos < header.size() && header[pos] == ' ')
            ++pos;
    }
    const char indicator = pos < header.size() ? header[pos] : 0;
    if (indicator == '>')
        fail(mark, "'code' must be a literal block (`code: |`), not a folded one (`>`)",
             "folding joins lines, which changes the meaning of Python code; use `|`");

    SourceMap &map = scenario_.code_map;
    map.file = file_;
    const uint32_t header_line = static_cast<uint32_t>(mark.line) + 1;
    size_t code_lines =
        static_cast<size_t>(std::count(scenario_.code.begin(), scenario_.code.end(), '\n'));
    if (!scenario_.code.empty() && scenario_.code.back() != '\n')
        ++code_lines;
    code_lines = std::max<size_t>(code_lines, 1);
    map.yaml_line.assign(code_lines + 1, header_line);
    if (indicator != '|') { // flow scalar: one position for everything
        map.indent = static_cast<uint32_t>(mark.column) + (indicator == '"' || indicator == '\'');
        return;
    }
    for (size_t k = 1; k <= code_lines; ++k)
        map.yaml_line[k] = header_line + static_cast<uint32_t>(k);

    std::optional<uint32_t> explicit_indent;
    for (size_t i = pos + 1; i < header.size() && header[i] != ' ' && header[i] != '#'; ++i)
        if (header[i] >= '1' && header[i] <= '9')
            explicit_indent = static_cast<uint32_t>(key.mark.column) + (header[i] - '0');
    if (explicit_indent) {
        map.indent = *explicit_indent;
        return;
    }
    map.indent = static_cast<uint32_t>(key.mark.column) + 2; // empty block: any value works
    for (size_t i = header_line; i < lines_.size(); ++i) {     // lines_[header_line] is line+1
        const std::string &line = lines_[i];
        size_t spaces = line.find_first_not_of(' ');
        if (spaces == std::string::npos)
            continue; // blank line: no say in the indentation
        map.indent = static_cast<uint32_t>(spaces);
        break;
    }
}

Diagnostic cannot_read(const std::string &path) {
    return Diagnostic{path, 0, 0, "cannot read file",
                      "check that the path exists and is a readable scenario file"};
}

/// The position of byte `offset` in `text`, 1-based.
std::pair<uint32_t, uint32_t> position_of(std::string_view text, size_t offset) {
    uint32_t line = 1, col = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n')
            ++line, col = 1;
        else
            ++col;
    }
    return {line, col};
}

Diagnostic too_large(std::string_view text, const std::string &file_name) {
    auto [line, col] = position_of(text, kMaxScenarioBytes);
    return Diagnostic{file_name, line, col,
                      fmt::format("the scenario file passes racecheck's limit of {} bytes (1 MiB) "
                                  "here",
                                  kMaxScenarioBytes),
                      "a scenario holds one tutorial program and its checks; keep data and long "
                      "generated code out of it"};
}

} // namespace

const std::vector<std::string> &known_finding_kinds() {
    static const std::vector<std::string> kinds = {
        "data-race",    "lost-update", "deadlock",           "lost-wakeup",
        "check-failed", "exception",   "potential-deadlock", "nontermination"};
    return kinds;
}

Diagnostic SourceMap::at(SourceLoc loc, std::string message, std::string hint) const {
    RC_CHECK(!yaml_line.empty(), "SourceMap used before the scenario loader built it");
    size_t index = std::min<size_t>(loc.line, yaml_line.size() - 1);
    uint32_t col = loc.line == 0 ? indent + 1 : std::max<uint32_t>(loc.col, 1) + indent;
    return Diagnostic{file, yaml_line[index], col, std::move(message), std::move(hint)};
}

std::variant<Scenario, Diagnostic> parse_scenario(std::string_view yaml_text,
                                                  const std::string &file_name) {
    if (yaml_text.size() > kMaxScenarioBytes)
        return too_large(yaml_text, file_name);
    auto parsed = parse_yaml(yaml_text);
    if (auto *e = std::get_if<YamlError>(&parsed)) {
        if (!e->has_mark)
            return Diagnostic{file_name, 0, 0, e->message, e->hint};
        return Diagnostic{file_name, e->mark.line + 1, e->mark.column + 1, e->message, e->hint};
    }
    try {
        return Loader(yaml_text, file_name).load(std::get<YamlTree>(parsed).root());
    } catch (const ScenarioError &e) {
        return e.diagnostic;
    }
}

Scenario python_file_scenario(std::string text, const std::string &path) {
    Scenario s;
    s.name = std::filesystem::path(path).stem().string();
    s.file = path;
    s.code = std::move(text);
    s.code_map.file = path;
    size_t lines = static_cast<size_t>(std::count(s.code.begin(), s.code.end(), '\n'));
    if (!s.code.empty() && s.code.back() != '\n')
        ++lines;
    s.code_map.yaml_line.resize(std::max<size_t>(lines, 1) + 1);
    for (size_t k = 0; k < s.code_map.yaml_line.size(); ++k)
        s.code_map.yaml_line[k] = static_cast<uint32_t>(std::max<size_t>(k, 1));
    return s;
}

std::variant<Scenario, Diagnostic> load_scenario(const std::string &path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return cannot_read(path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return cannot_read(path);
    // Read at most one byte past the limit: a huge file is refused without reading it all.
    std::string text(kMaxScenarioBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad())
        return cannot_read(path);
    text.resize(static_cast<size_t>(in.gcount()));
    if (std::filesystem::path(path).extension() == ".py") {
        if (text.size() > kMaxScenarioBytes) return too_large(text, path);
        return python_file_scenario(std::move(text), path);
    }
    return parse_scenario(text, path);
}

std::optional<Diagnostic> apply_param_override(Scenario &scenario, std::string_view assignment) {
    std::vector<std::string> names;
    for (const auto &[name, _] : scenario.params)
        names.push_back(name);
    const std::string listing = names.empty()
                                    ? fmt::format("scenario '{}' has no params", scenario.name)
                                    : fmt::format("params of '{}': {}", scenario.name, join(names));
    auto error = [&](std::string message, std::string hint) {
        return Diagnostic{"<command line>", 0, 0, std::move(message), std::move(hint)};
    };
    size_t eq = assignment.find('=');
    if (eq == std::string_view::npos)
        return error(fmt::format("--param expects NAME=VALUE, got '{}'", assignment), listing);
    std::string_view name = assignment.substr(0, eq);
    std::string_view text = assignment.substr(eq + 1);
    auto it = std::find_if(scenario.params.begin(), scenario.params.end(),
                           [&](const auto &p) { return p.first == name; });
    if (it == scenario.params.end())
        return error(fmt::format("unknown param '{}'", name),
                     names.empty() ? listing
                                   : suggest(name, names, "params of '" + scenario.name + "'"));
    std::optional<int64_t> value = parse_int64(text);
    if (!value)
        return error(fmt::format("param '{}' must be a 64-bit integer, got '{}'", name, text),
                     fmt::format("for example --param {}={}", name, it->second));
    it->second = *value;
    return std::nullopt;
}

} // namespace rc
